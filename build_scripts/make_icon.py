"""Draw desktop_app/resources/icons/fuqing.png (256 px): the card red with 妇 in white."""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtWidgets import QApplication

from desktop_app.ui.fonts import install_app_font

app = QApplication([])
family = install_app_font(app)
image = QImage(256, 256, QImage.Format.Format_ARGB32)
image.fill(Qt.GlobalColor.transparent)
painter = QPainter(image)
painter.setRenderHint(QPainter.RenderHint.Antialiasing)
painter.setBrush(QColor("#b3261e"))
painter.setPen(Qt.PenStyle.NoPen)
painter.drawRoundedRect(8, 8, 240, 240, 48, 48)
painter.setPen(QColor("white"))
painter.setFont(QFont(family, 120))
painter.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, "妇")
painter.end()
out = Path(__file__).resolve().parent.parent / "desktop_app" / "resources" / "icons" / "fuqing.png"
image.save(str(out))
print(out)
