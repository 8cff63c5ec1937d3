"""Where the app's shipped files live (source tree or a PyInstaller bundle)."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def font_path() -> Path:
    return resources_dir() / "fonts" / "FuqingSans-Regular.ttf"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def icon_path() -> Path:
    return resources_dir() / "icons" / "fuqing.png"
