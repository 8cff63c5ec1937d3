"""A form for any record type: fields from the core spec, checked as you type.

The form never decides what is valid: it asks ``store.validate`` and shows each
Chinese message under its field. ``valid_changed`` lets pages enable Save only
when the record would be accepted.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from ...core import records as r
from ...core.store import Store
from ..operations import perform
from .fields import FieldEditor, SensitiveEditor, editor_for

ERROR_STYLE = "color: #b3261e;"


class RecordForm(QWidget):
    edited = Signal()  # a person changed a value (not a programmatic load)
    valid_changed = Signal(bool)

    def __init__(self, store: Store, rtype: r.RecordType, field_names: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.rtype = rtype
        self.record_id: str | None = None
        self.loaded_stamp: str | None = None  # clock stamp of the stored version shown
        self.editors: dict[str, FieldEditor] = {}
        self.error_labels: dict[str, QLabel] = {}
        self._loading = False
        self._hidden: dict[str, Any] = {}
        self._touched: set[str] = set()
        self._show_all = False
        self._valid = False
        self._validate_timer = QTimer(self, singleShot=True, interval=120)
        # A timer may fire after the window closed and the store with it.
        self._validate_timer.timeout.connect(lambda: self.store.is_open and self.validate())
        layout = QFormLayout()
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # A label above its field when the panel is narrow: side by side, the longest English
        # label and the widest field together kept the window wider than a 1024-pixel screen.
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for name in field_names:
            field = rtype.field(name)
            editor = editor_for(field, store, rtype.name)
            error = QLabel()
            error.setObjectName(f"error_{name}")
            error.setStyleSheet(ERROR_STYLE)
            error.setWordWrap(True)
            error.hide()
            cell = QWidget()
            cell_layout = QVBoxLayout(cell)
            cell_layout.setContentsMargins(0, 0, 0, 0)
            cell_layout.setSpacing(2)
            cell_layout.addWidget(editor.widget)
            cell_layout.addWidget(error)
            label = QLabel(field.label + (" *" if field.required else ""))
            label.setBuddy(editor.widget)
            if field.required:
                label.setToolTip(self.tr("必填"))
            layout.addRow(label, cell)
            editor.changed.connect(lambda name=name: self._on_changed(name))
            if isinstance(editor, SensitiveEditor):
                editor.revealed.connect(lambda name=name: self._note_reveal(name))
            self.editors[name] = editor
            self.error_labels[name] = error
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(layout)
        self.errors_elsewhere = QLabel()
        self.errors_elsewhere.setStyleSheet(ERROR_STYLE)
        self.errors_elsewhere.setWordWrap(True)
        self.errors_elsewhere.hide()
        outer.addWidget(self.errors_elsewhere)

    # -- values -------------------------------------------------------------

    def load(
        self, record_id: str | None, values: dict[str, Any] | None = None, fixed: dict[str, Any] | None = None
    ) -> None:
        """Show a stored record (or a new one), optionally overlaid with draft ``values``
        (shown with their errors at once) or ``fixed`` ones a new record starts with
        (a referral's problem: nothing the person typed, so no errors until she does)."""
        self._loading = True
        self.record_id = record_id
        stored = self.store.get(self.rtype.name, record_id) if record_id else self.store.new_defaults(self.rtype.name)
        self.loaded_stamp = stored.get("hlc") if record_id else None
        given = {**(fixed or {}), **(values or {})}
        shown = {**stored, **given}
        # A new, untouched record is not "wrong" yet: say what is missing once
        # the person has typed in a field or tried to save.
        self._touched = set()
        self._show_all = record_id is not None or values is not None
        # Values for fields without an editor (a problem's source record) ride along.
        self._hidden = {k: v for k, v in given.items() if k not in self.editors and self.rtype.has_field(k)}
        for name, editor in self.editors.items():
            if name in shown or not record_id:
                editor.set_value(shown.get(name))
        self._loading = False
        self.validate()

    def values(self) -> dict[str, Any]:
        return {**self._hidden, **{name: editor.value() for name, editor in self.editors.items()}}

    def _note_reveal(self, name: str) -> None:
        """Showing a stored ID number or phone whole is written to the audit trail."""
        if self.record_id is not None:
            record_id = self.record_id
            perform(self, self.store, lambda s: s.note_reveals(self.rtype.name, [record_id], [name]))

    # -- validation -----------------------------------------------------------

    def _on_changed(self, name: str) -> None:
        if self._loading:
            return
        self._touched.add(name)
        self.edited.emit()
        self._validate_timer.start()

    def validate(self, show_all: bool = False) -> bool:
        """Check with the core; ``show_all`` (on save) reveals every message."""
        self._show_all = self._show_all or show_all
        errors = self.store.validate(self.rtype.name, self.values(), self.record_id)
        shown = errors if self._show_all else {k: v for k, v in errors.items() if k in self._touched}
        self.show_errors(shown)
        valid = not errors
        if valid != self._valid:
            self._valid = valid
        self.valid_changed.emit(valid)
        return valid

    def show_errors(self, errors: dict[str, str]) -> None:
        for name, label in self.error_labels.items():
            message = errors.get(name)
            label.setText(message or "")
            label.setVisible(bool(message))
        others = [message for name, message in errors.items() if name not in self.error_labels]
        self.errors_elsewhere.setText("\n".join(others))
        self.errors_elsewhere.setVisible(bool(others))

    def cancel_pending(self) -> None:
        self._validate_timer.stop()

    def is_valid(self) -> bool:
        return self._valid

    def focus_first(self) -> None:
        for editor in self.editors.values():
            editor.widget.setFocus(Qt.FocusReason.OtherFocusReason)
            return
