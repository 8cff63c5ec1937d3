"""打开文件 / 打开所在文件夹: after a file was saved, one click opens it or shows
it in the file manager, through the desktop (QDesktopServices), never a
program of ours."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QMessageBox, QPushButton, QWidget

# What a laptop has a program for (a PDF reader, a spreadsheet): offered 打开文件.
# A sync bundle, a backup or a key file is for carrying, not for opening: only its folder.
OPENABLE = frozenset({".pdf", ".xlsx"})


def open_local(path: Path, parent: QWidget | None = None) -> QUrl:
    """Open a file or folder with the desktop's own program; when there is none, say where it is.

    Returns the URL asked for (what a test checks: no desktop runs here)."""
    url = QUrl.fromLocalFile(str(path))
    if not QDesktopServices.openUrl(url):
        QMessageBox.information(
            parent,
            QCoreApplication.translate("open_folder", "无法打开"),
            QCoreApplication.translate("open_folder", "这台电脑上没有能打开它的程序。位置：{path}").format(path=path),
        )
    return url


class SavedFileButtons(QWidget):
    """Hidden until ``show_for(path)``: then 打开文件 (a PDF or a spreadsheet) and 打开所在文件夹."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("saved_file")
        self.file: Path | None = None
        self.folder: Path | None = None
        self.last_url: QUrl | None = None  # what the last click asked the desktop to open
        self.open_file_button = QPushButton(self.tr("打开文件"))
        self.open_file_button.setObjectName("open_file")
        self.open_folder_button = QPushButton(self.tr("打开所在文件夹"))
        self.open_folder_button.setObjectName("open_folder")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.open_file_button)
        layout.addWidget(self.open_folder_button)
        layout.addStretch(1)
        self.open_file_button.clicked.connect(self.open_file)
        self.open_folder_button.clicked.connect(self.open_folder)
        self.hide()

    def show_for(self, saved: Path) -> None:
        self.file = saved.resolve()
        self.folder = self.file.parent
        self.open_file_button.setVisible(self.file.suffix.lower() in OPENABLE)
        self.open_file_button.setToolTip(str(self.file))
        self.open_folder_button.setToolTip(str(self.folder))
        self.show()

    def open_file(self) -> None:
        if self.file is not None:
            self.last_url = open_local(self.file, self)

    def open_folder(self) -> None:
        if self.folder is not None:
            self.last_url = open_local(self.folder, self)
