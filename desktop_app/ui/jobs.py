"""Long jobs off the UI thread, each with its own database connection.

A job is ``fn(store, progress, cancelled) -> result``. It runs in a QThread on a
``Store`` it opens itself (SQLite connections stay on their thread); progress
and the outcome come back as signals, delivered on the UI thread, and what the
job wrote is announced on the window's change bus when it ends, even if it
failed halfway (an import of ten files may have merged five).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal

from ..core.changes import NOTHING, Changes
from ..core.errors import FuqingError
from ..core.store import Store
from .changes import ChangeBus

log = logging.getLogger(__name__)
JobFn = Callable[[Store, Callable[[int, int, str], None], Callable[[], bool]], Any]


class _Worker(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)
    wrote = Signal(object)  # Changes

    def __init__(self, store: Store, fn: JobFn):
        super().__init__()
        self._open = store.reopen  # the store itself belongs to the UI thread
        self._fn = fn
        self._cancelled = False

    def cancel(self) -> None:
        self._cancelled = True

    def run(self) -> None:
        changes: list[Changes] = []
        try:
            with self._open() as store:
                store.subscribe(changes.append)
                result = self._fn(store, self.progress.emit, lambda: self._cancelled)
        except FuqingError as error:  # told to the person as the core words it
            log.info("background job stopped: %s", type(error).__name__)
            self._wrote(changes)
            self.failed.emit(str(error))
        except Exception:  # told to the person in words, logged with its traceback
            log.exception("background job failed")
            self._wrote(changes)
            self.failed.emit(
                QCoreApplication.translate("jobs", "操作未完成：程序内部出错，详情已写入日志。已保存的数据不受影响。")
            )
        else:
            self._wrote(changes)
            self.finished.emit(result)

    def _wrote(self, changes: list[Changes]) -> None:
        merged = NOTHING
        for part in changes:
            merged = merged | part
        self.wrote.emit(merged)


class Job(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, store: Store, fn: JobFn, parent: QObject | None = None):
        super().__init__(parent)
        self._bus = ChangeBus.of(store)
        self._thread = QThread()
        self._worker = _Worker(store, fn)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progress.connect(self.progress)
        self._worker.wrote.connect(self._bus.publish)
        self._worker.finished.connect(self._done)
        self._worker.failed.connect(self._failed)

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        self._worker.cancel()

    def wait(self, ms: int = 30_000) -> bool:
        return self._thread.wait(ms)

    def is_running(self) -> bool:
        return self._thread.isRunning()

    def _stop_thread(self) -> None:
        self._thread.quit()
        self._thread.wait()

    def _done(self, result: object) -> None:
        self._stop_thread()
        self.finished.emit(result)

    def _failed(self, message: str) -> None:
        self._stop_thread()
        self.failed.emit(message)
