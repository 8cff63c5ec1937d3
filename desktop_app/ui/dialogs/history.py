"""Who changed a record, when, on which device, and what changed."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from ...core import history
from ...core import records as r
from ...core.store import Store


class HistoryDialog(QDialog):
    def __init__(self, store: Store, kind: str, record_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("{kind}修改历史").format(kind=r.record_type(kind).label))
        self.tree = QTreeWidget()
        self.tree.setObjectName("history_tree")
        self.tree.setHeaderLabels(
            [self.tr("时间 / 字段"), self.tr("操作 / 原值"), self.tr("干部 / 新值"), self.tr("设备")]
        )
        for line in history.describe(store, kind, record_id):
            item = QTreeWidgetItem([line.when, line.action, line.who, line.device])
            for label, before, after in line.changes:
                item.addChild(QTreeWidgetItem([label, before, after, ""]))
            self.tree.addTopLevelItem(item)
        self.tree.expandAll()
        for column, width in enumerate((170, 200, 200, 80)):
            self.tree.setColumnWidth(column, width)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self.resize(720, 420)
