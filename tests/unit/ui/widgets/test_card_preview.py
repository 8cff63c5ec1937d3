"""The card preview is drawn at the screen's pixel density: at 200 % a picture
twice as wide, marked as such, with the detail an enlarged 100 % one lacks."""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from desktop_app.core.printing import cards
from desktop_app.core.store import Store
from desktop_app.ui.pages.printing import PrintPage
from desktop_app.ui.widgets.card_preview import PREVIEW_WIDTH, CardPreview


def _sharpness(image: QImage) -> float:
    """Mean squared step between neighbouring pixels along rows: a blur spreads each edge
    over several small steps, so it scores lower than the same picture drawn sharp."""
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    width, line = gray.width(), gray.bytesPerLine()
    data = bytes(gray.constBits())  # type: ignore[call-overload]
    total = 0
    for y in range(gray.height()):
        row = data[y * line : y * line + width]
        total += sum((a - b) ** 2 for a, b in itertools.pairwise(row))
    return total / (gray.width() * gray.height())


def test_the_preview_is_drawn_at_the_pixel_density_it_is_given(qtbot: QtBot, profiled: Store) -> None:
    data = cards.card_data(profiled, str(profiled.own_cadre_id))
    preview = CardPreview("front")
    qtbot.addWidget(preview)
    for ratio in (1.0, 1.5, 2.0):
        preview.set_ratio(ratio)
        preview.show_card(data)
        pixmap = preview.drawn
        assert pixmap.width() == round(PREVIEW_WIDTH * ratio) and pixmap.devicePixelRatio() == ratio
        assert round(pixmap.deviceIndependentSize().width()) == PREVIEW_WIDTH  # the same size on screen
    preview.set_ratio(None)  # the screen's own: 1 on the offscreen platform
    assert preview.drawn.width() == round(PREVIEW_WIDTH * preview.devicePixelRatioF())
    assert preview.pixmap().width() == PREVIEW_WIDTH  # what the label paints at this screen's density


def test_a_200_percent_preview_is_sharper_than_an_enlarged_100_percent_one(qtbot: QtBot, profiled: Store) -> None:
    data = cards.card_data(profiled, str(profiled.own_cadre_id))
    preview = CardPreview("front")
    qtbot.addWidget(preview)
    preview.set_ratio(1.0)
    enlarged = (
        preview.card_pixmap(data).toImage().scaledToWidth(2 * PREVIEW_WIDTH, Qt.TransformationMode.SmoothTransformation)
    )
    preview.set_ratio(2.0)
    native = preview.card_pixmap(data).toImage()
    assert native.size() == enlarged.size()
    assert _sharpness(native) > 1.3 * _sharpness(enlarged)


def test_the_print_page_previews_both_sides_at_the_screen_s_density(qtbot: QtBot, profiled: Store) -> None:
    page = PrintPage(profiled)
    qtbot.addWidget(page)
    for side in (page.front, page.back):
        side.set_ratio(2.0)
        assert side.drawn.width() == 2 * PREVIEW_WIDTH and side.drawn.devicePixelRatio() == 2.0
