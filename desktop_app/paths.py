"""The app's shipped files: the font, the icon and the built translations.

The one place that locates them. They live in the package, under
``desktop_app/resources/``, and are found with :mod:`importlib.resources`, so
a checkout, an installed wheel and the PyInstaller folder all work alike.
reportlab and Qt need real file paths: an installed package is a directory, so
``files()`` already gives one; were the package imported from a zip, the file
is copied out once and the copy kept until the process exits.
"""

from __future__ import annotations

import atexit
import functools
from contextlib import ExitStack
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

FONT_FILE = "FuqingSans-Regular.ttf"
ICON_FILE = "fuqing.png"
_extracted = ExitStack()
atexit.register(_extracted.close)


def _resources() -> Traversable:
    return resources.files("desktop_app") / "resources"


@functools.cache
def resource_path(*parts: str) -> Path:
    """A real file path for the shipped file ``resources/<parts…>``."""
    resource = _resources().joinpath(*parts)
    if isinstance(resource, Path):
        return resource
    return _extracted.enter_context(resources.as_file(resource))


def font_path() -> Path:
    """Fuqing Sans, the CJK font the window uses and every PDF embeds."""
    return resource_path("fonts", FONT_FILE)


def icon_path() -> Path:
    """The app icon (256 px PNG)."""
    return resource_path("icons", ICON_FILE)


def translation_path(language: str) -> Path:
    """The built Qt translation (.qm) for ``language``; missing until build_translations.py has run."""
    return resource_path("translations", f"fuqing_{language}.qm")
