"""The reporting period as a cadre names it: a month, two months (Shandong's
bi-monthly summary), a quarter (Beijing's) or a year, chosen from lists, never
typed. ``text()`` is the period in the form the core and the CLI read."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QSpinBox, QWidget

MONTH, TWO_MONTHS, QUARTER, YEAR = "month", "two_months", "quarter", "year"
# How often each preset's notice asks for a summary.
CADENCE = {"shandong": TWO_MONTHS, "beijing": QUARTER}


class PeriodPicker(QWidget):
    changed = Signal()

    def __init__(self, today: date, parent: QWidget | None = None):
        super().__init__(parent)
        self._today = today
        self.kind = QComboBox()
        self.kind.setObjectName("period_kind")
        for label, kind in (
            (self.tr("月"), MONTH),
            (self.tr("两个月"), TWO_MONTHS),
            (self.tr("季度"), QUARTER),
            (self.tr("全年"), YEAR),
        ):
            self.kind.addItem(label, kind)
        self.year = QSpinBox()
        self.year.setObjectName("period_year")
        self.year.setRange(2000, 2100)
        self.year.setValue(today.year)
        self.part = QComboBox()
        self.part.setObjectName("period_part")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.kind)
        layout.addWidget(self.year)
        layout.addWidget(self.part)
        layout.addStretch(1)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.year.valueChanged.connect(self.changed)
        self.part.currentIndexChanged.connect(self.changed)
        self.set_kind(QUARTER)

    def set_kind(self, kind: str) -> None:
        """Switch to ``kind``, on the part of the year that holds today."""
        self.kind.setCurrentIndex(self.kind.findData(kind))
        self._kind_changed()

    def current_kind(self) -> str:
        return str(self.kind.currentData())

    def text(self) -> str:
        year, kind, part = self.year.value(), self.current_kind(), self.part.currentData()
        if kind == MONTH:
            return f"{year}-{part:02d}"
        if kind == TWO_MONTHS:
            return f"{year}-{part:02d}/{part + 1:02d}"
        if kind == QUARTER:
            return f"{year}-Q{part}"
        return f"{year}"

    def _kind_changed(self) -> None:
        kind, month = self.current_kind(), self._today.month
        self.part.blockSignals(True)
        self.part.clear()
        if kind == MONTH:
            for m in range(1, 13):
                self.part.addItem(self.tr("{m} 月").format(m=m), m)
            current = month
        elif kind == TWO_MONTHS:
            for first in range(1, 13, 2):
                self.part.addItem(self.tr("{a}—{b} 月").format(a=first, b=first + 1), first)
            current = month - (month + 1) % 2
        elif kind == QUARTER:
            names = (self.tr("第一季度"), self.tr("第二季度"), self.tr("第三季度"), self.tr("第四季度"))
            for quarter, name in enumerate(names, start=1):
                self.part.addItem(name, quarter)
            current = (month - 1) // 3 + 1
        else:
            current = 0
        self.part.setVisible(kind != YEAR)
        if current:
            self.part.setCurrentIndex(self.part.findData(current))
        self.part.blockSignals(False)
        self.changed.emit()
