"""Qt's own warnings into the app's log (a windowed app has no console to print them to).

Installed at app start only; it passes each message on to the handler that
was there before (pytest-qt's, when a test installs it), so nothing that
captured them stops seeing them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}
Handler = Callable[[QtMsgType, QMessageLogContext, str], Any]


def install_qt_message_handler() -> Callable[[], None]:
    """Route Qt's messages into logging under ``qt`` (``qt.<category>``); returns the undo."""
    previous: Handler | None = None

    def handler(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
        category = context.category or "default"
        name = "qt" if category == "default" else f"qt.{category}"
        logging.getLogger(name).log(LEVELS.get(mode, logging.WARNING), "%s", message)
        if previous is not None:
            previous(mode, context, message)

    previous = qInstallMessageHandler(handler)

    def uninstall() -> None:
        qInstallMessageHandler(previous)

    return uninstall
