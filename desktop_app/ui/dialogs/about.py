"""帮助 → 关于: versions and folders, what a support call asks for first."""

from __future__ import annotations

from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core import logs
from ...core.store import Store
from ...core.versions import versions
from ..widgets.saved_file import open_local


class AboutDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("about_dialog")
        self.setWindowTitle(self.tr("关于访妇情"))
        found = versions(store)
        self.data_folder = store.path.resolve().parent
        self.log_folder = logs.log_dir()
        self.rows: dict[str, str] = {
            self.tr("访妇情版本"): found["app"],
            "Python": found["python"],
            "PySide6 / Qt": f"{PySide6.__version__} / {qVersion()}",
            "SQLCipher / SQLite": f"{found['sqlcipher'] or '—'} / {found['sqlite']}",
            "reportlab": found["reportlab"],
            self.tr("本机设备编号"): store.device_id,
        }
        intro = QLabel(self.tr("访妇情：离线记录走访、结对帮扶与妇情日记。"))
        form = QFormLayout()
        for label, value in self.rows.items():
            shown = QLabel(value)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, shown)
        self.open_data = self._folder_row(form, self.tr("数据文件夹"), self.data_folder, "open_data_folder")
        self.open_logs = self._folder_row(form, self.tr("日志文件夹"), self.log_folder, "open_log_folder")
        self.copy_button = QPushButton(self.tr("复制以上信息"))
        self.copy_button.clicked.connect(self.copy)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setDefault(True)  # Enter closes the dialog; it does not open a folder
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _folder_row(self, form: QFormLayout, label: str, folder: Path, name: str) -> QPushButton:
        path = QLabel(str(folder))
        path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        path.setWordWrap(True)
        button = QPushButton(self.tr("打开"))
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(lambda: open_local(folder, self))
        row = QHBoxLayout()
        row.addWidget(path, 1)
        row.addWidget(button)
        form.addRow(label, row)
        return button

    def text(self) -> str:
        """What 复制以上信息 puts on the clipboard, for an e-mail to support."""
        lines = [f"{label}: {value}" for label, value in self.rows.items()]
        lines += [f"{self.tr('数据文件夹')}: {self.data_folder}", f"{self.tr('日志文件夹')}: {self.log_folder}"]
        return "\n".join(lines)

    def copy(self) -> None:
        clipboard = QApplication.clipboard()
        clipboard.setText(self.text())
