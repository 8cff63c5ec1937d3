"""设备登记: the devices that send bundles here, waiting ones first; approve,
revoke or block a cadre; and the bundles refused lately, with their reason."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.changes import DEVICES
from ...core.describe import local_time
from ...core.i18n import agree
from ...core.store import Store
from ...core.sync import devices as registry
from ...core.sync import exchange, rights
from ..changes import follow
from ..confirm import confirm_destructive
from ..operations import perform
from .tables import fill, plain_table

WAITING = QColor("#9a6700")
REFUSED = QColor("#b3261e")


def role_label(role: str) -> str:
    return {
        rights.CADRE: QCoreApplication.translate("DevicesView", "干部的电脑"),
        rights.HUB: QCoreApplication.translate("DevicesView", "妇联（上级或下级）"),
        rights.MIRROR: QCoreApplication.translate("DevicesView", "本会的另一台电脑"),
    }.get(role, role)


def status_label(device: registry.Device) -> str:
    if device.blocked:
        return QCoreApplication.translate("DevicesView", "干部已停用")
    return {
        registry.PENDING: QCoreApplication.translate("DevicesView", "等待批准"),
        registry.APPROVED: QCoreApplication.translate("DevicesView", "已批准"),
        registry.REVOKED: QCoreApplication.translate("DevicesView", "已撤销"),
    }.get(device.status, device.status)


class ApproveDialog(QDialog):
    """Check who a waiting device claims to be, and choose what it may write."""

    def __init__(self, device: registry.Device, binding: registry.Binding, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("批准设备"))
        self.role = QComboBox()
        self.role.setObjectName("approve_role")
        for role in rights.ROLES:
            self.role.addItem(role_label(role), role)
        self.role.setCurrentIndex(self.role.findData(rights.CADRE))  # more only by choice
        form = QFormLayout()
        record = binding.record_name
        bound = f"{record}（{binding.record_phone}）" if record else self.tr("（本机尚无档案）")
        for label, text in (
            (self.tr("自称"), device.name or self.tr("（未填写）")),
            (self.tr("妇联"), device.federation or self.tr("（未填写）")),
            (self.tr("绑定到干部档案"), bound),
            (self.tr("密钥指纹"), device.fingerprint),
        ):
            value = QLabel(text)
            value.setTextFormat(Qt.TextFormat.PlainText)  # names come from another machine: never markup
            form.addRow(label, value)
        form.addRow(self.tr("角色"), self.role)
        self.warnings = QLabel("\n".join(binding.warnings()))
        self.warnings.setTextFormat(Qt.TextFormat.PlainText)
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet("color: #b3261e;")
        self.warnings.setVisible(bool(binding.warnings()))
        self.role_warning = QLabel(
            self.tr(
                "“妇联”和“本会的另一台电脑”可以修改其他干部的记录：只在确认这台电脑属于上级、下级妇联或本会时选择。"
            )
        )
        self.role_warning.setWordWrap(True)
        self.role_warning.setStyleSheet("color: #b3261e;")
        self.role_warning.hide()
        self.role.currentIndexChanged.connect(
            lambda _i: self.role_warning.setVisible(self.chosen_role() != rights.CADRE)
        )
        hint = QLabel(
            self.tr(
                "请打电话或当面与这位干部核对密钥指纹（她的访妇情在“同步”页显示本机指纹）。"
                "批准后，这台电脑发来的、且在其权限内的记录会合并到本机；暂存的同步包随即导入。"
            )
        )
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert ok is not None
        ok.setText(self.tr("批准"))
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        assert cancel is not None
        cancel.setText(self.tr("取消"))
        cancel.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.warnings)
        layout.addWidget(self.role_warning)
        layout.addWidget(hint)
        layout.addWidget(buttons)

    def chosen_role(self) -> str:
        return str(self.role.currentData())


class DevicesView(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)  # shows names from other machines
        self.summary.setObjectName("devices_summary")
        self.table = plain_table(
            [self.tr("设备（干部 · 密钥指纹）"), self.tr("妇联"), self.tr("状态"), self.tr("同步包数"),
             self.tr("收到记录"), self.tr("上次同步包"), self.tr("角色"), self.tr("软件版本")],
            "devices_table",
        )  # fmt: skip
        self.table.setColumnWidth(0, 240)
        self.approve_button = QPushButton(self.tr("批准所选设备…"))
        self.approve_button.setObjectName("approve_device")
        self.revoke_button = QPushButton(self.tr("撤销所选设备"))
        self.block_button = QPushButton(self.tr("停用该干部"))
        self.refused = plain_table([self.tr("时间"), self.tr("文件"), self.tr("原因")], "refused_table")
        self.refused.setColumnWidth(2, 600)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 2)
        row = QHBoxLayout()
        row.addStretch(1)
        for button in (self.block_button, self.revoke_button, self.approve_button):
            row.addWidget(button)
        layout.addLayout(row)
        layout.addWidget(QLabel(self.tr("最近被拒收的同步包")))
        layout.addWidget(self.refused, 1)
        self.approve_button.clicked.connect(self.approve)
        self.revoke_button.clicked.connect(self.revoke)
        self.block_button.clicked.connect(self.block)
        self.table.currentCellChanged.connect(lambda *_: self._update_buttons())
        self._devices: list[registry.Device] = []
        follow(self, store, [DEVICES], self.refresh, lazy=True)

    def refresh(self) -> None:
        self._devices = registry.registry(self.store)
        fill(
            self.table,
            [[d.label, d.federation or "", status_label(d), str(d.bundle_count), str(d.rows_received),
              local_time(d.last_bundle_at), role_label(d.role), d.app_version or ""] for d in self._devices],
            [WAITING if d.status == registry.PENDING and not d.blocked else None for d in self._devices],
        )  # fmt: skip
        waiting = sum(1 for d in self._devices if d.status == registry.PENDING and not d.blocked)
        self.summary.setText(
            agree(self.tr("有 {n} 台设备等待批准：请核对干部姓名和密钥指纹后批准。").format(n=waiting))
            if waiting
            else self.tr("向本机发送过同步包的设备。新设备首次发来同步包时会在这里等待批准。")
        )
        refused = registry.refusals(self.store)
        fill(self.refused, [[r["at"], r["file_name"] or "", r["message"]] for r in refused], [REFUSED] * len(refused))
        self._update_buttons()

    def selected(self) -> registry.Device | None:
        row = self.table.currentRow()
        return self._devices[row] if 0 <= row < len(self._devices) else None

    def _update_buttons(self) -> None:
        device = self.selected()
        self.approve_button.setEnabled(device is not None and device.status != registry.APPROVED and not device.blocked)
        self.revoke_button.setEnabled(device is not None and device.status != registry.REVOKED)
        self.block_button.setEnabled(device is not None and bool(device.cadre_id) and not device.blocked)

    def approve(self) -> None:
        device = self.selected()
        if device is None:
            return
        dialog = ApproveDialog(device, registry.binding(self.store, device), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        role = dialog.chosen_role()
        outcome = perform(self, self.store, lambda s: exchange.approve_device(s, device.id, role))
        if outcome.value is not None:
            _approved, results = outcome.value
            lines = [f"{r.file}：{r.summary()}" for r in results]
            self.summary.setText(self.tr("已批准 {device}。").format(device=device.label) + " ".join(lines))

    def revoke(self) -> None:
        device = self.selected()
        if device is None or not _confirm(
            self,
            self.tr("撤销设备"),
            self.tr("撤销后不再接收“{device}”的同步包（她换了新电脑时，新电脑会重新等待批准）。确定撤销吗？").format(
                device=device.label
            ),
        ):
            return
        perform(self, self.store, lambda s: registry.revoke_device(s, device.id))

    def block(self) -> None:
        device = self.selected()
        if device is None or not device.cadre_id:
            return
        cadre_id = device.cadre_id
        if _confirm(
            self,
            self.tr("停用干部"),
            self.tr("停用“{name}”后，她所有的设备（包括以后新装的）发来的同步包都不再接收。确定停用吗？").format(
                name=device.name or cadre_id
            ),
        ):
            perform(self, self.store, lambda s: registry.block_cadre(s, cadre_id))


_confirm = confirm_destructive
