"""Where each card side goes on paper: one card a page, or ten on an A4 sheet
with crop marks and the backs mirrored for duplex. The PDF and the printer
both place cards from here."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .cards import CardCanvas, CardData

MM = 72 / 25.4
CARD_W, CARD_H = 85.6 * MM, 54 * MM
A4_W, A4_H = 210 * MM, 297 * MM
SHEET_COLS, SHEET_ROWS = 2, 5


def draw_crop_marks(canvas: CardCanvas, x: float, y: float) -> None:
    length, gap = 4 * MM, 1 * MM
    canvas.setLineWidth(0.25)
    for cx, dx in ((x, -1), (x + CARD_W, 1)):
        for cy, dy in ((y, -1), (y + CARD_H, 1)):
            canvas.line(cx + dx * gap, cy, cx + dx * (gap + length), cy)
            canvas.line(cx, cy + dy * gap, cx, cy + dy * (gap + length))


def sheet_positions() -> list[tuple[float, float]]:
    """Lower-left corners of the 10 cards on an A4 sheet, row by row from the top."""
    gap_x = (A4_W - SHEET_COLS * CARD_W) / (SHEET_COLS + 1)
    gap_y = (A4_H - SHEET_ROWS * CARD_H) / (SHEET_ROWS + 1)
    return [
        (gap_x + col * (CARD_W + gap_x), A4_H - (row + 1) * (CARD_H + gap_y))
        for row in range(SHEET_ROWS)
        for col in range(SHEET_COLS)
    ]


@dataclass(frozen=True)
class Placement:
    side: str  # "front" or "back"
    card: CardData
    x: float
    y: float
    crop_marks: bool


@dataclass(frozen=True)
class Page:
    width: float
    height: float
    placements: list[Placement]
    cards_done: int  # cards complete once this page is out (for progress)


def page_size(layout: str) -> tuple[float, float]:
    return (CARD_W, CARD_H) if layout == "card" else (A4_W, A4_H)


def pages(cards: list[CardData], layout: str = "card", duplex: bool = True) -> Iterator[Page]:
    """Where every card side goes, page by page: the one layout the PDF and the printer share.

    ``card``: one card a page, front then back. ``sheet``: ten fronts on A4 with
    crop marks; with ``duplex``, then their backs, mirrored for long-edge flipping.
    """
    width, height = page_size(layout)
    if layout == "card":
        for done, card in enumerate(cards, 1):
            yield Page(width, height, [Placement("front", card, 0, 0, False)], done - 1)
            yield Page(width, height, [Placement("back", card, 0, 0, False)], done)
        return
    positions = sheet_positions()
    for start in range(0, len(cards), len(positions)):
        batch = cards[start : start + len(positions)]
        done = start + len(batch)
        fronts = [Placement("front", card, x, y, True) for (x, y), card in zip(positions, batch, strict=False)]
        yield Page(width, height, fronts, done if not duplex else start)
        if duplex:
            # Long-edge duplex flips left and right: each back goes where its
            # front's mirror image lands.
            backs = [Placement("back", p.card, A4_W - p.x - CARD_W, p.y, True) for p in fronts]
            yield Page(width, height, backs, done)
