"""Search and filters above a record list: text, liaison point, dates, group, status."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ...core import enums, i18n
from ...core.enums import ChoiceSet
from ...core.lists.query import Filters, ListSpec
from ...core.store import Store
from ...core.validation import parse_date
from .combos import keep_narrow
from .date_input import DateInput
from .record_picker import RecordPicker


class FilterBar(QWidget):
    changed = Signal(object)  # Filters

    def __init__(self, store: Store, spec: ListSpec, parent: QWidget | None = None):
        super().__init__(parent)
        self.spec = spec
        self.search = QLineEdit()
        self.search.setObjectName(f"{spec.kind}_search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("搜索：输入任意字词"))
        # Two rows, the search and the liaison point above the dates and choices: in one row
        # the bar alone was wider than half a 1024-pixel screen in English.
        top, bottom = QHBoxLayout(), QHBoxLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(bottom)
        top.addWidget(self.search, 1)
        self.point: RecordPicker | None = None
        self.date_from: DateInput | None = None
        self.date_to: DateInput | None = None
        self.group: QComboBox | None = None
        self.status: QComboBox | None = None
        if spec.point_sql and spec.kind != "liaison_point":
            self.point = RecordPicker(store, "liaison_point", allow_empty=True)
            self.point.setObjectName("filter_point")
            self.point.search_edit.setPlaceholderText(self.tr("全部联系点"))
            self.point.setMinimumWidth(150)
            top.addWidget(self.point)
            self.point.selection_changed.connect(self._emit_soon)
        if spec.date_sql:
            self.date_from = self._date_edit("filter_from")
            self.date_to = self._date_edit("filter_to")
            bottom.addWidget(self.date_from)
            bottom.addWidget(QLabel("—"))
            bottom.addWidget(self.date_to)
        if spec.group_sql:
            self.group = self._choice_box("filter_group", enums.WOMAN_GROUP, self.tr("全部群体"))
            bottom.addWidget(self.group)
        if spec.status_sql and spec.status_choices:
            self.status = self._choice_box("filter_status", spec.status_choices, self.tr("全部"))
            bottom.addWidget(self.status)
        self.clear_button = QPushButton(self.tr("清除筛选"))
        bottom.addWidget(self.clear_button)
        bottom.addStretch(1)
        self.clear_button.clicked.connect(self.clear)
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(lambda: self.changed.emit(self.filters()))
        self.search.textChanged.connect(self._emit_soon)

    def _date_edit(self, name: str) -> DateInput:
        edit = DateInput(self.tr("不限"))
        edit.setObjectName(name)
        # Narrow, but never so narrow that its hint is cut ("Any …" in English
        # when the window opened at its first size): Qt's own width for 17 x's,
        # with the hint in their place.
        metrics = edit.edit.fontMetrics()
        fitting = edit.edit.sizeHint().width() - 17 * metrics.horizontalAdvance("x")
        edit.edit.setMinimumWidth(fitting + metrics.horizontalAdvance(edit.edit.placeholderText()))
        edit.edit.setMaximumWidth(max(110, edit.edit.minimumWidth()))
        edit.changed.connect(self._emit_soon)
        return edit

    def _choice_box(self, name: str, choices: ChoiceSet, everything: str) -> QComboBox:
        box = QComboBox()
        box.setObjectName(name)
        keep_narrow(box, 8)
        box.addItem(everything, None)
        for choice in choices:
            box.addItem(choice.en if i18n.language() == "en" else choice.zh, choice.code)
        box.currentIndexChanged.connect(self._emit_soon)
        return box

    def _emit_soon(self, *_args: object) -> None:
        self._timer.start()

    def cancel_pending(self) -> None:
        self._timer.stop()

    @staticmethod
    def _date_value(edit: DateInput | None) -> str | None:
        if edit is None:
            return None
        value = edit.value()
        return value if value and parse_date(value) else None  # half-typed: no date filter yet

    def filters(self) -> Filters:
        return Filters(
            text=self.search.text(),
            liaison_point_id=self.point.record_id() if self.point else None,
            date_from=self._date_value(self.date_from),
            date_to=self._date_value(self.date_to),
            group=self.group.currentData() if self.group else None,
            status=self.status.currentData() if self.status else None,
        )

    def set_dates(self, start: str | None, end: str | None) -> None:
        for edit, value in ((self.date_from, start), (self.date_to, end)):
            if edit is not None:
                edit.set_value(value)

    def clear(self) -> None:
        self.search.clear()
        if self.point:
            self.point.set_record_id(None)
        self.set_dates(None, None)
        for box in (self.group, self.status):
            if box:
                box.setCurrentIndex(0)
        self._emit_soon()
