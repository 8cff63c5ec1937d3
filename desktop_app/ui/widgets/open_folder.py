"""打开所在文件夹: after a file was saved, one click shows it in the file manager."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget


class OpenFolderButton(QPushButton):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("打开所在文件夹"), parent)
        self.setObjectName("open_folder")
        self.folder: Path | None = None
        self.hide()
        self.clicked.connect(self.open)

    def show_for(self, saved: Path) -> None:
        self.folder = saved.resolve().parent
        self.setToolTip(str(self.folder))
        self.show()

    def open(self) -> None:
        if self.folder is not None and not QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder))):
            QMessageBox.information(  # no file manager on this computer: say where it is instead
                self,
                self.tr("打开所在文件夹"),
                self.tr("无法打开文件管理器。文件在：{folder}").format(folder=self.folder),
            )
