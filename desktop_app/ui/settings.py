"""Where the window's settings (QSettings) live: the platform's place (the
registry on Windows), or an INI folder of one's own (tests, the demo run)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings

SETTINGS_DIR_ENV = "FUQING_SETTINGS_DIR"


def use_settings_folder(folder: Path) -> None:
    """Every ``QSettings()`` made from now on reads and writes an INI file under ``folder``."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))


def settings_from_environment() -> None:
    """``FUQING_SETTINGS_DIR``, when set, keeps the window's settings apart from the person's own."""
    folder = os.environ.get(SETTINGS_DIR_ENV)
    if folder:
        use_settings_folder(Path(folder))
