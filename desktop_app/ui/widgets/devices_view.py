"""设备登记: the devices that sent bundles here, with revoke."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from ...core.changes import DEVICES
from ...core.store import Store
from ...core.sync import devices as registry
from ..changes import follow
from ..operations import perform
from .tables import fill, plain_table


class DevicesView(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.table = plain_table(
            [self.tr("设备"), self.tr("干部"), self.tr("上次同步包"), self.tr("同步包数"), self.tr("收到记录"),
             self.tr("状态")],
            "devices_table",
        )  # fmt: skip
        self.revoke_button = QPushButton(self.tr("撤销所选设备"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("向本机发送过同步包的设备（首次收到时记下其签名密钥）")))
        layout.addWidget(self.table)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.revoke_button)
        layout.addLayout(row)
        self.revoke_button.clicked.connect(self.revoke)
        self._ids: list[str] = []
        follow(self, store, [DEVICES], self.refresh, lazy=True)

    def refresh(self) -> None:
        devices = registry.other_devices(self.store)
        self._ids = [d["id"] for d in devices]
        fill(
            self.table,
            [
                [d["id"], d["name"] or "", d["last_bundle_at"] or "", str(d["bundle_count"]), str(d["rows_received"]),
                 self.tr("已撤销") if d["revoked"] else self.tr("正常")]
                for d in devices
            ],
        )  # fmt: skip

    def revoke(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        device = self._ids[row]
        answer = QMessageBox.question(
            self,
            self.tr("撤销设备"),
            self.tr("撤销后不再接收设备 {device} 的同步包。确定吗？").format(device=device[:8]),
        )
        if answer == QMessageBox.StandardButton.Yes:
            perform(self, self.store, lambda s: registry.revoke_device(s, device))
