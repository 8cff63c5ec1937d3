"""Register the shipped CJK font so Chinese renders on machines without one."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from ..paths import font_path

log = logging.getLogger(__name__)
APP_FONT_FAMILY = "Fuqing Sans"


def install_app_font(app: QApplication, point_size: int = 10) -> str:
    """Load the shipped font (paths.font_path) and make it the application font; returns the family."""
    font_id = QFontDatabase.addApplicationFont(str(font_path()))
    if font_id < 0:
        # Chinese would show as boxes; say so loudly rather than silently.
        log.error("could not load bundled font %s", font_path())
        return app.font().family()
    family = QFontDatabase.applicationFontFamilies(font_id)[0]
    font = QFont(family, point_size)
    app.setFont(font)
    return family
