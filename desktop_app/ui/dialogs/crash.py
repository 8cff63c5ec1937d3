"""What a person sees when the app hits a defect of ours: what happened, that
her saved records are safe, where the log is. Never the traceback."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from ..widgets.saved_file import open_local


class CrashDialog(QDialog):
    def __init__(self, log_folder: Path, error_type: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("crash_dialog")
        self.log_folder = log_folder
        self.setWindowTitle(self.tr("访妇情出错了"))
        self.what = QLabel(
            self.tr(
                "访妇情内部出了错，刚才的操作可能没有完成。程序仍在运行，可以继续使用；如果反复出错，请重新启动访妇情。"
            )
        )
        self.saved = QLabel(
            self.tr(
                "已经保存的记录都已写入数据文件，不受影响。"
                "记录页上正在填写、还没保存的内容，停顿片刻就会自动存为草稿，重新打开访妇情时可以找回。"
            )
        )
        self.where = QLabel(
            self.tr(
                "错误详情已写入日志（日志里没有姓名、身份证号和电话）。需要帮助时，请把这个文件夹里的文件交给技术人员：\n{folder}"
            ).format(folder=log_folder)
        )
        self.where.setObjectName("crash_log_folder")
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.kind = QLabel(self.tr("错误类型：{kind}").format(kind=error_type))
        self.kind.setStyleSheet("color: #666666;")
        for label in (self.what, self.saved, self.where):
            label.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.open_button = QPushButton(self.tr("打开日志文件夹"))
        self.close_button = QPushButton(self.tr("关闭"))
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button.setDefault(True)
        self.open_button.clicked.connect(lambda: open_local(self.log_folder, self))
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.what, self.saved, self.where, self.kind):
            layout.addWidget(widget)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
