"""Run a small write against the store and report failures to the person.

Anki-style: the UI builds an ``op(store) -> result`` and hands it to
``perform``, which runs it, announces what it changed on the change bus once it
is done, and turns errors into a message box with the core's Chinese message,
never a silent pass. The caller gets an ``Outcome``: whether it worked, the
op's result, and what changed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ..core.changes import NOTHING, Changes
from ..core.engine import sqlite3
from ..core.errors import FuqingError
from ..core.store import Store
from .changes import ChangeBus

T = TypeVar("T")
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Outcome(Generic[T]):
    ok: bool
    value: T | None = None
    changes: Changes = NOTHING

    def __bool__(self) -> bool:
        return self.ok


def perform(parent: QWidget | None, store: Store, op: Callable[[Store], T]) -> Outcome[T]:
    collected: list[Changes] = []
    unsubscribe = store.subscribe(collected.append)
    try:
        with ChangeBus.of(store).held():
            value = op(store)
    except FuqingError as error:
        QMessageBox.warning(parent, QCoreApplication.translate("operations", "无法完成"), str(error))
    except sqlite3.OperationalError as error:
        log.exception("write failed")
        QMessageBox.critical(parent, QCoreApplication.translate("operations", "保存失败"), failure_message(error))
    else:
        changes = NOTHING
        for part in collected:
            changes = changes | part
        return Outcome(True, value, changes)
    finally:
        unsubscribe()
    return Outcome(False)


def failure_message(error: sqlite3.OperationalError) -> str:
    """What to tell a person when SQLite could not write."""
    text = str(error).lower()
    if "full" in text or "readonly" in text or "read-only" in text or "disk i/o" in text:
        return QCoreApplication.translate(
            "operations", "保存失败：磁盘已满或数据文件只读。已保存的内容不受影响，请腾出空间后重试。"
        )
    return QCoreApplication.translate("operations", "保存失败：数据库暂时不可用（{detail}）。请稍后重试。").format(
        detail=error
    )
