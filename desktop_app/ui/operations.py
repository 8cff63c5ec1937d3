"""Run a small write against the store and report failures to the person.

Anki-style: the UI builds an ``op(store) -> result`` and hands it here; errors
become a message box with the core's Chinese message, never a silent pass.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ..core.errors import FuqingError
from ..core.store import Store

T = TypeVar("T")
log = logging.getLogger(__name__)


def perform(parent: QWidget | None, store: Store, op: Callable[[Store], T]) -> T | None:
    try:
        return op(store)
    except FuqingError as error:
        QMessageBox.warning(parent, QCoreApplication.translate("operations", "无法完成"), str(error))
    except sqlite3.OperationalError as error:
        log.exception("write failed")
        QMessageBox.critical(parent, QCoreApplication.translate("operations", "保存失败"), failure_message(error))
    return None


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
