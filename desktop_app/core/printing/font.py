"""The font every PDF the app writes embeds (as a subset): Fuqing Sans.

One registration for cards, reports and research drafts, so every viewer and
printer shows the same glyphs, rare characters such as 䶮 included.
"""

from __future__ import annotations

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ...paths import font_path

FONT = "FuqingSans"


def register_font() -> str:
    """Make the font known to reportlab (once per process); returns its name."""
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(font_path())))
    return FONT
