"""First-launch setup: the cadre's own record, which every diary defaults to."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from ...core import records as r
from ...core.store import Store
from ..operations import perform
from ..widgets.record_form import RecordForm

PROFILE_FIELDS = ["name", "org", "org_level", "position", "is_leader", "mobile", "office_phone", "email", "address"]


class ProfileDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("本机干部档案"))
        intro = QLabel(
            self.tr(
                "欢迎使用访妇情。请先填写您的干部档案：它会作为您所记日记、走访的记录人，"
                "并印在联系服务卡上。带 * 的为必填项。"
            )
        )
        intro.setWordWrap(True)
        self.form = RecordForm(store, r.CADRE, PROFILE_FIELDS)
        self.form.load(store.own_cadre_id)
        device = QLabel(self.tr("本机设备编号：{device}").format(device=store.device_id))
        device.setObjectName("device_id_label")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("保存"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.form.valid_changed.connect(self.save_button.setEnabled)
        self.save_button.setEnabled(self.form.is_valid())
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.form)
        layout.addWidget(device)
        layout.addWidget(self.buttons)
        self.resize(520, 560)

    def save(self) -> None:
        if not self.form.validate(show_all=True):
            return
        values = self.form.values()
        if perform(self, self.store, lambda s: s.save_profile(values)):
            self.accept()
