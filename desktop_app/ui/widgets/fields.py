"""One editor widget per kind of record field, built from the core's specs.

Each editor exposes ``widget``, ``value()``, ``set_value()`` and ``changed``
so a form can treat every field alike.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QToolButton,
    QWidget,
)

from ...core import i18n, idcard, phones
from ...core import records as r
from ...core.lists import names
from ...core.store import Store
from .combos import keep_narrow
from .date_input import DateInput
from .record_picker import LinksPicker, RecordPicker
from .wheel import WheelOnlyWhenFocused


class FieldEditor(QObject):
    changed = Signal()

    def __init__(self, field: r.Field, widget: QWidget):
        super().__init__(widget)
        self.field = field
        self.widget = widget
        widget.setObjectName(f"field_{field.name}")
        self._wheel_guard = WheelOnlyWhenFocused(self)
        for target in [
            widget,
            *widget.findChildren(QComboBox),
            *widget.findChildren(QSpinBox),
            *widget.findChildren(QDoubleSpinBox),
        ]:
            # Lists and numbers only: a record picker (an editable combo) keeps its own focus rules.
            if type(target) in (QComboBox, QSpinBox, QDoubleSpinBox):
                target.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a wheel does not give them the focus
                target.installEventFilter(self._wheel_guard)

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError


class LineEditor(FieldEditor):
    def __init__(self, field: r.Field):
        self.edit = QLineEdit()
        super().__init__(field, self.edit)
        if field.max_length:
            self.edit.setMaxLength(field.max_length + 50)  # let validation explain, not truncate silently
        self.edit.textChanged.connect(self.changed)

    def value(self) -> Any:
        return self.edit.text()

    def set_value(self, value: Any) -> None:
        self.edit.setText("" if value is None else str(value))


class SensitiveEditor(FieldEditor):
    """A woman's ID number or phone: a stored value shows masked (last 4 visible)
    until "显示" is pressed; ``revealed`` lets the form write that to the audit trail."""

    revealed = Signal()

    def __init__(self, field: r.Field):
        self.box = QWidget()
        super().__init__(field, self.box)
        self.edit = QLineEdit()
        self.edit.setObjectName(f"field_{field.name}_text")
        self.reveal_button = QToolButton()
        self.reveal_button.setObjectName(f"field_{field.name}_reveal")
        self.reveal_button.setText(self.tr("显示"))
        self.reveal_button.setToolTip(self.tr("显示完整号码（会记入操作记录）"))
        self.box.setFocusProxy(self.edit)
        layout = QHBoxLayout(self.box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.reveal_button)
        self._stored: str | None = None
        self._masked = False
        self.reveal_button.clicked.connect(self.reveal)
        self.edit.textChanged.connect(self._typed)

    def _typed(self) -> None:
        if not self._masked:
            self.changed.emit()

    def _mask(self, value: str) -> str:
        return idcard.mask(value) if self.field.kind == r.ID_NUMBER else phones.mask(value)

    def reveal(self) -> None:
        if not self._masked:
            return
        self._masked = False
        self.edit.setReadOnly(False)
        self.edit.blockSignals(True)  # showing a value is not changing it
        self.edit.setText(self._stored or "")
        self.edit.blockSignals(False)
        self.edit.setToolTip("")
        self.reveal_button.setEnabled(False)
        self.revealed.emit()

    def is_masked(self) -> bool:
        return self._masked

    def value(self) -> Any:
        return self._stored if self._masked else self.edit.text()

    def set_value(self, value: Any) -> None:
        self._stored = str(value) if value else None
        self._masked = bool(value)
        self.edit.blockSignals(True)
        self.edit.setText(self._mask(self._stored) if self._stored else "")
        self.edit.blockSignals(False)
        self.edit.setReadOnly(self._masked)
        self.edit.setToolTip(self.tr("点“显示”后才能查看和修改完整号码") if self._masked else "")
        self.reveal_button.setEnabled(self._masked)


class AmountEditor(LineEditor):
    """Yuan as she would type them: 50000, 1234.50 (a stored amount is a float, shown
    by itself as 50000.0); text from a draft stays as typed."""

    def set_value(self, value: Any) -> None:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            self.edit.setText(f"{value:.0f}" if float(value).is_integer() else f"{value:.2f}")
        else:
            super().set_value(value)


class TagsEditor(LineEditor):
    """Tags typed as text (separated by spaces, commas or 、); a draft keeps the text as typed."""

    def value(self) -> Any:
        return self.edit.text()

    def set_value(self, value: Any) -> None:
        self.edit.setText(value if isinstance(value, str) else "、".join(value or []))


class TextEditor(FieldEditor):
    def __init__(self, field: r.Field):
        self.edit = QPlainTextEdit()
        super().__init__(field, self.edit)
        # Only a diary's body is the long text of its page; notes stay compact.
        self.edit.setMinimumHeight(70)
        if field.name != "body":
            self.edit.setMaximumHeight(110)
        self.edit.setTabChangesFocus(True)  # Tab moves on, as in every other field; Enter starts a new line
        self.edit.textChanged.connect(self.changed)

    def value(self) -> Any:
        return self.edit.toPlainText()

    def set_value(self, value: Any) -> None:
        self.edit.setPlainText("" if value is None else str(value))


class DateEditor(FieldEditor):
    """A date field (``DateInput``): typed in any usual form or picked; empty means no date."""

    def __init__(self, field: r.Field):
        self.input = DateInput()
        super().__init__(field, self.input)
        self.edit = self.input.edit
        self.edit.setObjectName(f"field_{field.name}_text")
        self.input.changed.connect(self.changed)

    def value(self) -> Any:
        return self.input.value()

    def set_value(self, value: Any) -> None:
        self.input.set_value(str(value) if value else None)


class ChoiceEditor(FieldEditor):
    def __init__(self, field: r.Field):
        self.combo = QComboBox()
        keep_narrow(self.combo)
        super().__init__(field, self.combo)
        assert field.choices is not None
        if not field.required:
            self.combo.addItem("", None)
        for choice in field.choices:
            self.combo.addItem(choice.en if i18n.language() == "en" else choice.zh, choice.code)
        self.combo.currentIndexChanged.connect(self.changed)

    def value(self) -> Any:
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        index = self.combo.findData(value)
        self.combo.setCurrentIndex(max(index, 0))


class OpenChoiceEditor(FieldEditor):
    """A list to pick from that also takes a new name typed in (a department the federation adds).

    The list is read again each time a record is loaded: a name added a moment ago is offered."""

    def __init__(self, field: r.Field, offered: Callable[[], list[tuple[str, str]]]):
        self.combo = QComboBox()
        keep_narrow(self.combo)
        super().__init__(field, self.combo)
        self._offered = offered
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.editTextChanged.connect(self.changed)

    def value(self) -> Any:
        text = self.combo.currentText().strip()
        index = self.combo.findText(text)
        return self.combo.itemData(index) if index >= 0 else text

    def set_value(self, value: Any) -> None:
        self.combo.blockSignals(True)
        self.combo.clear()
        for stored, label in self._offered():
            self.combo.addItem(label, stored)
        self.combo.blockSignals(False)
        index = self.combo.findData(value)
        if index >= 0:
            self.combo.setCurrentIndex(index)
        else:
            self.combo.setCurrentIndex(-1)
            self.combo.setEditText("" if value is None else str(value))


class ChoicesEditor(FieldEditor):
    def __init__(self, field: r.Field):
        self.list = QListWidget()
        super().__init__(field, self.list)
        assert field.choices is not None
        for choice in field.choices:
            item = QListWidgetItem(choice.en if i18n.language() == "en" else choice.zh)
            item.setData(Qt.ItemDataRole.UserRole, choice.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.setMaximumHeight(22 * min(6, self.list.count()) + 6)
        self.list.itemChanged.connect(self.changed)

    def value(self) -> Any:
        return [
            self.list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]

    def set_value(self, value: Any) -> None:
        wanted = set(value or [])
        self.list.blockSignals(True)
        for i in range(self.list.count()):
            item = self.list.item(i)
            checked = item.data(Qt.ItemDataRole.UserRole) in wanted
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.list.blockSignals(False)
        self.changed.emit()


class BoolEditor(FieldEditor):
    def __init__(self, field: r.Field):
        self.box = QCheckBox()
        super().__init__(field, self.box)
        self.box.toggled.connect(self.changed)

    def value(self) -> Any:
        return self.box.isChecked()

    def set_value(self, value: Any) -> None:
        self.box.setChecked(bool(value))


class RefEditor(FieldEditor):
    def __init__(self, field: r.Field, store: Store):
        assert field.ref is not None
        self.picker = RecordPicker(store, field.ref, allow_empty=not field.required)
        super().__init__(field, self.picker)
        self.picker.selection_changed.connect(self.changed)

    def value(self) -> Any:
        return self.picker.record_id()

    def set_value(self, value: Any) -> None:
        self.picker.set_record_id(value)


class LinksEditor(FieldEditor):
    def __init__(self, field: r.Field, store: Store):
        assert field.ref is not None
        self.picker = LinksPicker(store, field.ref)
        super().__init__(field, self.picker)
        self.picker.links_changed.connect(self.changed)

    def value(self) -> Any:
        pending = self.picker.pending_id()  # chosen but not added: saved all the same
        return self.picker.record_ids() + ([pending] if pending else [])

    def set_value(self, value: Any) -> None:
        self.picker.picker.set_record_id(None)
        self.picker.set_record_ids(list(value or []))


_FACTORIES: dict[str, Callable[[r.Field], FieldEditor]] = {
    r.TEXT: LineEditor,
    r.ID_NUMBER: SensitiveEditor,
    r.MOBILE: LineEditor,
    r.PHONE: LineEditor,
    r.EMAIL: LineEditor,
    r.INT: LineEditor,
    r.AMOUNT: AmountEditor,
    r.TAGS: TagsEditor,
    r.LONGTEXT: TextEditor,
    r.DATE: DateEditor,
    r.CHOICE: ChoiceEditor,
    r.CHOICES: ChoicesEditor,
    r.BOOL: BoolEditor,
}


def editor_for(field: r.Field, store: Store, kind: str) -> FieldEditor:
    if field.sensitive:
        return SensitiveEditor(field)
    if field.kind == r.REF:
        return RefEditor(field, store)
    if field.kind == r.LINKS:
        return LinksEditor(field, store)
    if field.kind == r.OPEN_CHOICE:
        return OpenChoiceEditor(field, lambda: names.open_choices(store, kind, field.name))
    return _FACTORIES[field.kind](field)
