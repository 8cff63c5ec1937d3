"""A section whose page arrives in a later release; says so plainly."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class ComingPage(QWidget):
    def __init__(self, title: str, description: str, parent: QWidget | None = None):
        super().__init__(parent)
        heading = QLabel(title)
        heading.setStyleSheet("font-size: 18px; font-weight: bold;")
        body = QLabel(
            description + "\n\n" + self.tr("此页面将在后续版本中提供；数据已可通过命令行 fuqing 录入和查看。")
        )
        body.setWordWrap(True)
        body.setObjectName("coming_text")
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(body)
        layout.addStretch(1)
        layout.setAlignment(Qt.AlignmentFlag.AlignTop)
