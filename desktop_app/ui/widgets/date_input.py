"""The one date input of the app: typed or picked, and empty when empty.

A cadre types 2026-12-31, 2026/12/31, 20261231 or 2026年12月31日 (the core's
``parse_date`` reads them all) and sees it as 2026-12-31 when she moves on; the
calendar opens at the date shown, or today. Text that is not a date stays as
typed so the form can say what is wrong, instead of being dropped.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCalendarWidget, QHBoxLayout, QLineEdit, QToolButton, QWidget

from ...core.validation import parse_date


class DateInput(QWidget):
    changed = Signal()  # typed, picked or cleared

    def __init__(self, placeholder: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(placeholder if placeholder is not None else self.tr("如 2026-12-31"))
        self.edit.setClearButtonEnabled(True)
        self.edit.setMaxLength(20)
        self.calendar_button = QToolButton()
        self.calendar_button.setArrowType(Qt.ArrowType.DownArrow)  # compact, like a combo box's
        self.calendar_button.setToolTip(self.tr("从日历中选择日期（Alt+↓）"))
        self.calendar_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from field to field
        self.setFocusProxy(self.edit)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.calendar_button)
        self._calendar: QCalendarWidget | None = None
        self.edit.textChanged.connect(self.changed)
        self.edit.editingFinished.connect(self._show_normalized)
        self.edit.installEventFilter(self)
        self.calendar_button.clicked.connect(self.open_calendar)

    def text(self) -> str:
        return self.edit.text()

    def value(self) -> str | None:
        """ISO date, None when empty, or the text as typed when it is not a date."""
        text = self.edit.text().strip()
        if not text:
            return None
        parsed = parse_date(text)
        return parsed.isoformat() if parsed else text

    def set_value(self, value: str | None) -> None:
        parsed = parse_date(value) if value else None
        self.edit.setText(parsed.isoformat() if parsed else (value or ""))

    def _show_normalized(self) -> None:
        parsed = parse_date(self.edit.text())
        if parsed is not None and self.edit.text() != parsed.isoformat():
            self.edit.setText(parsed.isoformat())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The field shows its date selected when entered, so one key (Delete) clears it.
        if watched is self.edit and event.type() == QEvent.Type.FocusIn:
            self.edit.selectAll()
        if (
            watched is self.edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and event.modifiers() & Qt.KeyboardModifier.AltModifier
        ):
            self.open_calendar()
            return True
        return super().eventFilter(watched, event)

    def open_calendar(self) -> None:
        calendar = QCalendarWidget(self)
        calendar.setWindowFlags(Qt.WindowType.Popup)
        calendar.setObjectName("date_calendar")
        calendar.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        shown = parse_date(self.edit.text()) or date.today()
        calendar.setSelectedDate(QDate(shown.year, shown.month, shown.day))
        calendar.clicked.connect(self._picked)
        calendar.activated.connect(self._picked)
        calendar.move(self.mapToGlobal(self.rect().bottomLeft()))
        self._calendar = calendar
        calendar.show()
        calendar.setFocus()

    def _picked(self, qdate: QDate) -> None:
        self.edit.setText(date(qdate.year(), qdate.month(), qdate.day()).isoformat())
        if self._calendar is not None:
            self._calendar.close()
            self._calendar = None
        self.edit.setFocus()
