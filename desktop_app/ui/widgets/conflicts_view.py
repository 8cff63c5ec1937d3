"""冲突: two versions of a record side by side, in words, the differing fields
marked; the person chooses which stays, after a confirmation."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from ...core import records as r
from ...core.describe import device_label, local_time
from ...core.lists import names
from ...core.store import Store
from ...core.sync import conflicts
from ..changes import follow
from ..operations import perform
from .compare_table import compare_table, show_versions
from .tables import fill, plain_table


class ConflictsView(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)  # shows names from other machines
        self.summary.setWordWrap(True)
        self.list = plain_table(
            [self.tr("记录类型"), self.tr("记录"), self.tr("另一版本来自"), self.tr("发现时间")], "conflicts_table"
        )
        self.compare = compare_table("conflict_compare", self.tr("当前版本"), self.tr("另一版本"))
        self.keep_current = QPushButton(self.tr("保留当前版本"))
        self.keep_other = QPushButton(self.tr("改用另一版本"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
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
        rows = []
        for c in self._conflicts:
            rtype = r.RECORD_TYPES.get(c.record_type)
            title = names.labels(self.store, c.record_type, [c.record_id]).get(c.record_id, "") if rtype else ""
            device = device_label(self.store, str(c.loser.get("device_id", "")))
            rows.append(
                [rtype.label if rtype else c.record_type, title or c.record_id[:8], device, local_time(c.detected_at)]
            )
        fill(self.list, rows)
        self.summary.setText(
            self.tr("两台电脑同时修改了同一条记录：新的版本已保存，另一版本留在这里，请比较后选择（黄色为不同之处）。")
            if self._conflicts
            else self.tr("没有同步冲突。")
        )
        if self._conflicts:
            self.list.selectRow(0)
        self._show()

    def _show(self) -> None:
        row = self.list.currentRow()
        enabled = 0 <= row < len(self._conflicts)
        self.keep_current.setEnabled(enabled)
        self.keep_other.setEnabled(enabled)
        if not enabled:
            self.compare.setRowCount(0)
            return
        conflict = self._conflicts[row]
        current = self.store.stored_row(conflict.record_type, conflict.record_id)
        show_versions(self.compare, self.store, conflict.record_type, current, conflict.loser)

    def _resolve(self, keep: str) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self._conflicts):
            return
        question = (
            self.tr("保留当前版本，放弃另一版本？这个选择会同步到其他电脑。")
            if keep == "current"
            else self.tr("改用另一版本，替换当前版本？这个选择会同步到其他电脑。")
        )
        answer = QMessageBox.question(
            self,
            self.tr("处理冲突"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        conflict_id = self._conflicts[row].id
        if perform(self, self.store, lambda s: conflicts.resolve(s, conflict_id, keep)):
            self.summary.setText(self.tr("已处理：保留了您选择的版本。"))
