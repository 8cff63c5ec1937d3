"""One side of a contact card on screen, sharp at any display scaling.

The card is drawn at the screen's own pixel density (logical width × device
pixel ratio) and the pixmap says so (``setDevicePixelRatio``): at 150 % or
200 % Qt shows it pixel for pixel instead of stretching a 100 % picture. It is
drawn again when the window moves to a screen of another density.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QLabel, QWidget

from ...core.printing import cards
from .card_canvas import card_image

PREVIEW_WIDTH = 420  # logical pixels


class CardPreview(QLabel):
    def __init__(self, side: str, width: int = PREVIEW_WIDTH, parent: QWidget | None = None):
        super().__init__(parent)
        self.side = side
        self.logical_width = width
        self.ratio: float | None = None  # None: the screen's; a number: that density (tests, screenshots)
        self.card: cards.CardData | None = None
        self.drawn = QPixmap()  # what the label shows (QLabel.pixmap() answers at the label's own density)

    def device_ratio(self) -> float:
        return self.ratio if self.ratio is not None else self.devicePixelRatioF()

    def card_pixmap(self, data: cards.CardData) -> QPixmap:
        """The side as a pixmap of ``logical_width`` × ratio device pixels (raises ``CardError``)."""
        ratio = self.device_ratio()
        image = card_image(data, self.side, pixels_per_point=self.logical_width * ratio / cards.CARD_W)
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(ratio)
        return pixmap

    def show_card(self, data: cards.CardData) -> None:
        """Draw ``data``'s side (raises ``CardError`` when it does not fit on a card; nothing shown then)."""
        self.clear_card()
        self._show(self.card_pixmap(data))
        self.card = data

    def clear_card(self) -> None:
        self.card = None
        self.drawn = QPixmap()
        self.clear()

    def _show(self, pixmap: QPixmap) -> None:
        self.drawn = pixmap
        self.setPixmap(pixmap)

    def set_ratio(self, ratio: float | None) -> None:
        self.ratio = ratio
        self._redraw()

    def _redraw(self) -> None:
        if self.card is not None:
            try:
                self._show(self.card_pixmap(self.card))
            except cards.CardError:  # it fitted when shown: the same text fits at every density
                self.clear_card()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.DevicePixelRatioChange:
            self._redraw()
        return super().event(event)
