"""Long jobs off the UI thread, each with its own database connection.

A job is ``fn(store, progress, cancelled) -> result``. It runs in a QThread on a
``Store`` it opens itself (SQLite connections stay on their thread); progress
and the outcome come back as signals, delivered on the UI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal

from ..core.errors import FuqingError
from ..core.store import Store

log = logging.getLogger(__name__)
JobFn = Callable[[Store, Callable[[int, int, str], None], Callable[[], bool]], Any]


class _Worker(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, db_path: Path, fn: JobFn):
        super().__init__()
        self._db_path = db_path
        self._fn = fn
        self._cancelled = False

    def cancel(self) -> None:
        self._cancelled = True

    def run(self) -> None:
        try:
            with Store(self._db_path) as store:
                result = self._fn(store, self.progress.emit, lambda: self._cancelled)
        except FuqingError as error:
            self.failed.emit(str(error))
        except Exception as error:  # reported to the person, and logged with its traceback
            log.exception("background job failed")
            self.failed.emit(f"{type(error).__name__}: {error}")
        else:
            self.finished.emit(result)


class Job(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, db_path: Path, fn: JobFn, parent: QObject | None = None):
        super().__init__(parent)
        self._thread = QThread()
        self._worker = _Worker(db_path, fn)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progress.connect(self.progress)
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
