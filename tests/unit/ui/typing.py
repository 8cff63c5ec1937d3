"""Type Chinese the way it reaches a widget: as input-method commits.

QTest's key clicks only know ASCII; a cadre's pinyin IME delivers each finished
word as a QInputMethodEvent commit string, which is what this sends.
"""

from __future__ import annotations

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget


def type_text(widget: QWidget, text: str) -> None:
    widget.setFocus()
    for word in [text[i : i + 4] for i in range(0, len(text), 4)]:
        event = QInputMethodEvent("", [])
        event.setCommitString(word)
        QApplication.sendEvent(widget, event)
        QApplication.processEvents()
