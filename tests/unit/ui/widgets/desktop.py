"""What the app asks the desktop to open, caught at Qt's own door (QDesktopServices'
URL handler for file: URLs): no file manager or PDF reader runs in a test."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Slot


class DesktopUrls(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)

    def paths(self) -> list[Path]:
        return [Path(url.toLocalFile()) for url in self.urls]
