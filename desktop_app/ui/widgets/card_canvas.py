"""Draw a card with QPainter through the same code that writes the PDF.

``cards.draw_front``/``draw_back`` speak a small part of reportlab's canvas API;
this adapter implements that part on a QPainter, so the on-screen preview and
printing show exactly the layout the PDF gets (same font, same fitting).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen
from reportlab.lib.colors import Color
from reportlab.pdfbase.pdfmetrics import stringWidth

from ...core.printing import cards
from ..fonts import APP_FONT_FAMILY


class QtCardCanvas:
    def __init__(self, painter: QPainter, scale: float, page_height: float):
        self.p = painter
        self.s = scale  # device pixels per PDF point
        self.h = page_height  # in points: PDF y grows upward, Qt's downward
        self._fill = QColor("black")
        self._font = QFont(APP_FONT_FAMILY)
        self._size = 8.0

    def _pt(self, x: float, y: float) -> QPointF:
        return QPointF(x * self.s, (self.h - y) * self.s)

    # -- the reportlab calls the card code makes --------------------------------

    def setFillColor(self, color: Color) -> None:
        r, g, b = (round(v * 255) for v in color.rgb())
        self._fill = QColor(r, g, b)

    def setFillColorRGB(self, r: float, g: float, b: float) -> None:
        self._fill = QColor.fromRgbF(r, g, b)

    def rect(self, x: float, y: float, w: float, h: float, stroke: int = 1, fill: int = 0) -> None:
        area = QRectF(x * self.s, (self.h - y - h) * self.s, w * self.s, h * self.s)
        if fill:
            self.p.fillRect(area, self._fill)
        if stroke:
            self.p.setPen(QPen(QColor("black"), 0.5))
            self.p.drawRect(area)

    def setFont(self, name: str, size: float) -> None:
        self._size = size
        self._font.setPixelSize(max(1, round(size * self.s)))

    def _text(self, x: float, y: float, text: str, align: str) -> None:
        width = stringWidth(text, cards.FONT, self._size)
        left = {"left": x, "right": x - width, "centre": x - width / 2}[align]
        self.p.setFont(self._font)
        self.p.setPen(self._fill)
        self.p.drawText(self._pt(left, y), text)

    def drawString(self, x: float, y: float, text: str) -> None:
        self._text(x, y, text, "left")

    def drawRightString(self, x: float, y: float, text: str) -> None:
        self._text(x, y, text, "right")

    def drawCentredString(self, x: float, y: float, text: str) -> None:
        self._text(x, y, text, "centre")

    def setLineWidth(self, width: float) -> None:
        self._line_width = width

    def line(self, x1: float, y1: float, x2: float, y2: float) -> None:
        self.p.setPen(QPen(QColor("black"), max(0.5, getattr(self, "_line_width", 0.25) * self.s)))
        self.p.drawLine(self._pt(x1, y1), self._pt(x2, y2))

    def draw_qr_mask(self, modules: int, hex_data: str, left: float, bottom: float, side: float) -> None:
        row_bytes = (modules + 7) // 8
        data = bytes.fromhex(hex_data)
        image = QImage(modules, modules, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        for row in range(modules):
            for col in range(modules):
                if data[row * row_bytes + col // 8] >> (7 - col % 8) & 1:
                    image.setPixel(col, row, 0xFF000000)
        target = QRectF(left * self.s, (self.h - bottom - side) * self.s, side * self.s, side * self.s)
        self.p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        self.p.drawImage(target, image)


def card_image(data: cards.CardData, side: str, pixels_per_point: float = 4.0) -> QImage:
    """A picture of one side of a card, for the preview."""
    image = QImage(
        round(cards.CARD_W * pixels_per_point), round(cards.CARD_H * pixels_per_point), QImage.Format.Format_RGB32
    )
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    canvas = QtCardCanvas(painter, pixels_per_point, cards.CARD_H)
    (cards.draw_front if side == "front" else cards.draw_back)(canvas, 0, 0, data)
    painter.setPen(QPen(QColor("#999999"), 1, Qt.PenStyle.DashLine))
    painter.drawRect(0, 0, image.width() - 1, image.height() - 1)
    painter.end()
    return image
