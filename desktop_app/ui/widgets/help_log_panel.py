"""A help pair's acts of help as a timeline, with an editor for one act."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from ...core import records as r
from ...core.lists.specs import RELATED, related
from ...core.store import Store
from ..changes import follow
from ..confirm import confirm_destructive
from ..models.record_list import RecordListModel
from ..operations import perform
from .record_form import RecordForm
from .tables import configure_table

LOG_FIELDS = ["date", "what", "help_type", "amount", "result", "next_step", "next_date"]
_NOTHING = "00000000-0000-0000-0000-000000000000"


class HelpLogPanel(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.pair_id: str | None = None
        (_kind, self._sql, _n) = RELATED["help_pair"][0]
        self.model = RecordListModel(store, related("help_log", self._sql, _NOTHING), self)
        self.table = QTableView()
        self.table.setObjectName("help_log_table")
        configure_table(self.table, self.model)
        self.table.setMinimumHeight(150)
        self.form = RecordForm(store, r.HELP_LOG, LOG_FIELDS)
        self.form.setObjectName("help_log_form")
        self.new_button = QPushButton(self.tr("新增帮扶记录"))
        self.save_button = QPushButton(self.tr("保存帮扶记录"))
        self.delete_button = QPushButton(self.tr("删除帮扶记录"))
        for button, name in ((self.new_button, "new"), (self.save_button, "save"), (self.delete_button, "delete")):
            button.setObjectName(f"help_log_{name}")
        heading = QLabel(self.tr("帮扶记录时间线"))
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
        follow(self, store, ["help_log", "help_pair"], self.model.reload)

    def show_for(self, pair_id: str | None) -> None:
        self.pair_id = pair_id
        self.model.set_list_query(related("help_log", self._sql, pair_id or _NOTHING))
        self.setEnabled(pair_id is not None)
        self._open(None)

    def _open_row(self, index: QModelIndex) -> None:
        self._open(self.model.record_id(index.row()))

    def _open(self, log_id: str | None) -> None:
        values: dict[str, Any] | None = {"help_pair_id": self.pair_id} if log_id is None and self.pair_id else None
        self.form.load(log_id, values)
        self._update_buttons()

    def _update_buttons(self, *_args: object) -> None:
        self.save_button.setEnabled(self.pair_id is not None and self.form.is_valid())
        self.delete_button.setEnabled(self.form.record_id is not None)

    def save(self) -> None:
        if self.pair_id is None or not self.form.validate(show_all=True):
            return
        values = {**self.form.values(), "help_pair_id": self.pair_id}
        log_id = self.form.record_id
        if perform(self, self.store, lambda s: s.save("help_log", values, log_id)):
            self._open(None)

    def delete(self) -> None:
        log_id = self.form.record_id
        if log_id is None:
            return
        if not confirm_destructive(self, self.tr("删除帮扶记录"), self.tr("确定删除这条帮扶记录吗？")):
            return

        if perform(self, self.store, lambda s: s.delete("help_log", log_id)):
            self._open(None)
