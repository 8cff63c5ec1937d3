"""Unhandled exceptions: logged with their traceback, told in words, the app running on.

``sys.excepthook`` receives what a slot or an event handler raised (PySide6
hands it there) and what escapes the main code; ``threading.excepthook``
what escapes a thread. Both log at once, on whatever thread they run; the
dialog is shown by a queued signal, so on the UI thread only. One dialog at a
time (an exception while it shows is logged only) and one per kind of fault
(a paint handler failing on every repaint opens it once, and is logged in
full only its first few times).
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from types import TracebackType
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QApplication

from ..core import logs
from .dialogs.crash import CrashDialog

log = logging.getLogger(__name__)
LOGGED_IN_FULL = 3  # tracebacks of one fault; after that a count every REPEAT_EVERY times
REPEAT_EVERY = 100


def signature(error_type: type[BaseException], tb: TracebackType | None) -> str:
    """A kind of fault: its type and the line it was raised on."""
    frames = traceback.extract_tb(tb) if tb is not None else []
    where = f"{frames[-1].filename}:{frames[-1].lineno}" if frames else ""
    return f"{error_type.__name__}@{where}"


class CrashReporter(QObject):
    report = Signal(str, str)  # signature, error type: emitted on any thread, shown on the UI thread

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.dialog: CrashDialog | None = None
        self.shown: set[str] = set()
        self._counts: dict[str, int] = {}
        self._lock = threading.Lock()
        self._previous_excepthook: Any = None
        self._previous_thread_hook: Any = None
        self.report.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        self._previous_excepthook, sys.excepthook = sys.excepthook, self._excepthook
        self._previous_thread_hook, threading.excepthook = threading.excepthook, self._thread_hook

    def uninstall(self) -> None:
        if sys.excepthook == self._excepthook:
            sys.excepthook = self._previous_excepthook
        if threading.excepthook == self._thread_hook:
            threading.excepthook = self._previous_thread_hook

    def handle(
        self, error_type: type[BaseException], error: BaseException | None, tb: TracebackType | None, where: str = ""
    ) -> None:
        """Log it; ask for the dialog (shown later, on the UI thread)."""
        kind = signature(error_type, tb)
        with self._lock:
            count = self._counts[kind] = self._counts.get(kind, 0) + 1
        if count <= LOGGED_IN_FULL:
            log.error("unhandled %s%s", error_type.__name__, where, exc_info=(error_type, error, tb))  # type: ignore[arg-type]
        elif count % REPEAT_EVERY == 0:
            log.error("unhandled %s%s again: %d times so far", error_type.__name__, where, count)
        self.report.emit(kind, error_type.__name__)

    def _excepthook(self, error_type: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(error_type, KeyboardInterrupt) and self._previous_excepthook is not None:
            self._previous_excepthook(error_type, error, tb)
            return
        try:
            self.handle(error_type, error, tb)
        except Exception:  # never a loop of hooks: Python's own report instead
            sys.__excepthook__(error_type, error, tb)

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        name = args.thread.name if args.thread is not None else "?"
        try:
            self.handle(args.exc_type, args.exc_value, args.exc_traceback, f" in thread {name}")
        except Exception:
            threading.__excepthook__(args)

    @Slot(str, str)
    def _show(self, kind: str, error_type: str) -> None:
        if self.dialog is not None or kind in self.shown:
            return  # one dialog at a time, one per fault: the log has the rest
        self.shown.add(kind)
        try:
            self.dialog = CrashDialog(logs.log_dir(), error_type, QApplication.activeWindow())
            self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.dialog.finished.connect(self._closed)
            self.dialog.open()  # not exec(): the window's events keep flowing
        except Exception:  # raised here, it would come back to this hook
            log.exception("could not show the crash dialog")
            self.dialog = None

    def _closed(self) -> None:
        self.dialog = None
