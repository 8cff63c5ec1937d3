"""The mouse wheel in a long form scrolls the form, as in a web page or a word
processor, unless she has put the cursor in the list or number she wants to turn."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QTableView, QWidget


def scroll_the_form(widget: QWidget, event: QWheelEvent) -> None:
    """Give ``event`` to the scroll area around ``widget``. A wheel event passed on by hand is not
    handed further up by Qt (it is no longer the system's own), so it goes straight to that area."""
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QAbstractScrollArea):
        parent = parent.parentWidget()
    if parent is not None:
        QApplication.sendEvent(parent.viewport(), event)


class WheelOnlyWhenFocused(QObject):
    """A wheel turned to scroll the form must not change the list or number under the
    pointer (a problem's status went from 待办 to 已关闭 that way): it scrolls on."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QWheelEvent) and isinstance(watched, QWidget) and not watched.hasFocus():
            scroll_the_form(watched, event)
            return True
        return False


class WheelScrollsTheFormWhenTheListCannot(QObject):
    """A list of a row or two has nothing to scroll up or down, and Qt then turns the wheel
    sideways: the form's wheel hid the list's first columns instead of moving the form on."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self.table = table

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            isinstance(event, QWheelEvent)
            and event.angleDelta().y() != 0
            and event.angleDelta().x() == 0
            and self.table.verticalScrollBar().maximum() == 0
        ):
            scroll_the_form(self.table, event)
            return True
        return False
