"""待审核修改: changes a bundle carried that its sender may not make, held for
the operator to accept or reject, with the reason and the two versions."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from ...core import records as r
from ...core.changes import PROPOSALS
from ...core.describe import local_time
from ...core.store import Store
from ...core.sync import proposals
from ..changes import follow
from ..operations import perform
from .compare_table import compare_table, show_versions
from .tables import fill, plain_table


class ProposalsView(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)  # shows names from other machines
        self.summary.setWordWrap(True)
        self.list = plain_table(
            [self.tr("收到时间"), self.tr("发送设备"), self.tr("记录类型"), self.tr("原因")], "proposals_table"
        )
        self.list.setColumnWidth(1, 220)
        self.compare = compare_table("proposal_compare", self.tr("本机现在的版本"), self.tr("提议的版本"))
        self.accept_button = QPushButton(self.tr("接受这条修改"))
        self.accept_button.setObjectName("accept_proposal")
        self.reject_button = QPushButton(self.tr("拒绝"))
        self.reject_button.setObjectName("reject_proposal")
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.compare, 2)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.reject_button)
        row.addWidget(self.accept_button)
        layout.addLayout(row)
        self.list.currentCellChanged.connect(lambda *_: self._show())
        self.accept_button.clicked.connect(lambda: self._decide(accept=True))
        self.reject_button.clicked.connect(lambda: self._decide(accept=False))
        self._items: list[proposals.Proposal] = []
        follow(self, store, [PROPOSALS, *r.RECORD_TYPES], self.refresh, lazy=True)

    def refresh(self) -> None:
        self._items = proposals.listed(self.store)
        fill(
            self.list,
            [[local_time(p.received_at), proposals.sender_label(self.store, p), _type_label(p.record_type), p.reason_text]
             for p in self._items],
        )  # fmt: skip
        self.summary.setText(
            self.tr(
                "同步包中超出发送人权限的修改不会自动合并，列在这里由您决定：接受后它像其他修改一样合并并继续同步；拒绝则不采用。"
            )
            if self._items
            else self.tr("没有待审核的修改。")
        )
        if self._items:
            self.list.selectRow(0)
        self._show()

    def _show(self) -> None:
        row = self.list.currentRow()
        selected = 0 <= row < len(self._items)
        self.accept_button.setEnabled(selected)
        self.reject_button.setEnabled(selected)
        if not selected:
            self.compare.setRowCount(0)
            return
        item = self._items[row]
        current = self.store.stored_row(item.record_type, item.record_id)
        show_versions(self.compare, self.store, item.record_type, current, item.row)

    def _decide(self, accept: bool) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self._items):
            return
        item = self._items[row]
        question = (
            self.tr("接受后，这条修改会合并到本机并随同步传出。确定接受吗？")
            if accept
            else self.tr("拒绝后，这条修改不会被采用。确定拒绝吗？")
        )
        answer = QMessageBox.question(
            self,
            self.tr("待审核修改"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        decide = proposals.accept if accept else proposals.reject
        if perform(self, self.store, lambda s: decide(s, item.id)):
            self.summary.setText(self.tr("已接受这条修改。") if accept else self.tr("已拒绝这条修改。"))


def _type_label(table: str) -> str:
    rtype = r.RECORD_TYPES.get(table)
    return rtype.label if rtype else table
