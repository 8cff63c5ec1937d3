"""冲突: two versions of a record side by side; the person chooses which stays."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ...core import records as r
from ...core.store import Store
from ...core.sync import conflicts
from ..changes import follow
from ..operations import perform
from .tables import fill, plain_table


class ConflictsView(QWidget):
    """Two versions side by side; the person chooses which one stays."""

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.list = plain_table([self.tr("记录类型"), self.tr("记录"), self.tr("发现时间")], "conflicts_table")
        self.compare = plain_table([self.tr("字段"), self.tr("当前版本"), self.tr("另一版本")], "conflict_compare")
        self.keep_current = QPushButton(self.tr("保留当前版本"))
        self.keep_other = QPushButton(self.tr("改用另一版本"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(self.compare, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.keep_current)
        row.addWidget(self.keep_other)
        layout.addLayout(row)
        self.list.currentCellChanged.connect(lambda *_: self._show())
        self.keep_current.clicked.connect(lambda: self._resolve("current"))
        self.keep_other.clicked.connect(lambda: self._resolve("other"))
        self._conflicts: list[conflicts.Conflict] = []
        follow(self, store, ["conflict", *r.RECORD_TYPES], self.refresh, lazy=True)

    def refresh(self) -> None:
        self._conflicts = conflicts.open_conflicts(self.store)
        fill(
            self.list,
            [[r.RECORD_TYPES[c.record_type].label if c.record_type in r.RECORD_TYPES else c.record_type,
              c.record_id, c.detected_at] for c in self._conflicts],
        )  # fmt: skip
        if self._conflicts:
            self.list.selectRow(0)
        self._show()

    def _show(self) -> None:
        row = self.list.currentRow()
        enabled = 0 <= row < len(self._conflicts)
        self.keep_current.setEnabled(enabled)
        self.keep_other.setEnabled(enabled)
        if not enabled:
            fill(self.compare, [])
            return
        conflict = self._conflicts[row]
        current_row = conflicts.current_row(self.store, conflict)
        skip = {"seq", "sync_seq", "rev", "id"}
        fields = [k for k in conflict.loser if k not in skip]
        fill(self.compare, [[k, str(current_row.get(k, "")), str(conflict.loser.get(k, ""))] for k in fields])

    def _resolve(self, keep: str) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self._conflicts):
            conflict_id = self._conflicts[row].id
            perform(self, self.store, lambda s: conflicts.resolve(s, conflict_id, keep))
