"""Records that belong to one open record (a pair's acts of help, a problem's
referrals): a list under it with an editor for one of them."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from ...core import records as r
from ...core.lists.specs import related
from ...core.store import Store
from ..changes import follow
from ..confirm import confirm_destructive
from ..models.record_list import RecordListModel
from ..operations import perform
from .record_form import RecordForm
from .tables import configure_table
from .wheel import WheelScrollsTheFormWhenTheListCannot

_NOTHING = "00000000-0000-0000-0000-000000000000"


@dataclass(frozen=True)
class ChildTexts:
    """What the panel says, translated by the subclass that names its records."""

    heading: str
    new: str
    save: str
    delete: str
    confirm_title: str
    confirm_text: str


class ChildPanel(QWidget):
    def __init__(
        self, store: Store, kind: str, parent_column: str, fields: list[str], texts: ChildTexts,
        parent: QWidget | None = None,
    ):  # fmt: skip
        super().__init__(parent)
        self.store = store
        self.kind = kind
        self.parent_column = parent_column
        self.texts = texts
        self.parent_id: str | None = None
        self._sql = f"t.{parent_column} = ?"
        rtype = r.record_type(kind)
        self.model = RecordListModel(store, related(kind, self._sql, _NOTHING), self)
        self.table = QTableView()
        self.table.setObjectName(f"{kind}_table")
        configure_table(self.table, self.model)
        self.table.setMinimumHeight(150)
        wheel_to_form = WheelScrollsTheFormWhenTheListCannot(self.table)
        # Its sideways scroll bar too: an empty or one-row list is mostly that bar, and a wheel over it
        # scrolled the list sideways (its first columns out of sight on the next problem opened).
        for part in (self.table.viewport(), self.table.horizontalScrollBar()):
            part.installEventFilter(wheel_to_form)
        self.form = RecordForm(store, rtype, fields)
        self.form.setObjectName(f"{kind}_form")
        self.new_button = QPushButton(texts.new)
        self.save_button = QPushButton(texts.save)
        self.delete_button = QPushButton(texts.delete)
        for button, name in ((self.new_button, "new"), (self.save_button, "save"), (self.delete_button, "delete")):
            button.setObjectName(f"{kind}_{name}")
        heading = QLabel(texts.heading)
        heading.setStyleSheet("font-weight: bold;")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.delete_button, self.new_button, self.save_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(self.table)
        layout.addWidget(self.form)
        layout.addLayout(buttons)
        self.table.clicked.connect(self._open_row)
        self.new_button.clicked.connect(lambda: self._open(None))
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete)
        self.form.valid_changed.connect(self._update_buttons)
        self.show_for(None)
        parent_kind = rtype.field(parent_column).ref or ""
        follow(self, store, [kind, parent_kind], self.model.reload)

    def show_for(self, parent_id: str | None) -> None:
        if parent_id is not None and parent_id == self.parent_id:
            return  # the record above saved again: what she is typing here stays (the list follows changes)
        self.parent_id = parent_id
        self.model.set_list_query(related(self.kind, self._sql, parent_id or _NOTHING))
        self.setEnabled(parent_id is not None)
        self._open(None)

    def _open_row(self, index: QModelIndex) -> None:
        self._open(self.model.record_id(index.row()))

    def _open(self, record_id: str | None) -> None:
        fixed = {self.parent_column: self.parent_id} if record_id is None and self.parent_id else None
        self.form.load(record_id, fixed=fixed)
        self._update_buttons()

    def open_child(self, record_id: str) -> None:
        """Show one of the records (from a reminder or another list), its row selected and in view."""
        self._open(record_id)
        row = self.model.position_of(record_id)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def _update_buttons(self, *_args: object) -> None:
        self.save_button.setEnabled(self.parent_id is not None and self.form.is_valid())
        self.delete_button.setEnabled(self.form.record_id is not None)

    def save(self) -> None:
        if self.parent_id is None or not self.form.validate(show_all=True):
            return
        values = {**self.form.values(), self.parent_column: self.parent_id}
        record_id = self.form.record_id
        if perform(self, self.store, lambda s: s.save(self.kind, values, record_id)):
            self._open(None)

    def delete(self) -> None:
        record_id = self.form.record_id
        if record_id is None:
            return
        if not confirm_destructive(self, self.texts.confirm_title, self.texts.confirm_text):
            return
        if perform(self, self.store, lambda s: s.delete(self.kind, record_id)):
            self._open(None)
