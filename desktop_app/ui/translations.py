"""Qt Linguist translations: Chinese is the source language, English built from .ts."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from ..core import i18n
from ..paths import translation_path

_installed: list[QTranslator] = []


def preferred_language(explicit: str | None = None) -> str:
    if explicit:
        return explicit
    saved = QSettings().value("ui/language")
    if isinstance(saved, str) and saved:
        return saved
    return "zh"


def install(app: QCoreApplication, language: str) -> bool:
    """Load translations for ``language``; returns False if the .qm is missing."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    i18n.set_language(language)
    ok = True
    if language == "en":
        ours = QTranslator(app)
        ok = ours.load(str(translation_path("en")))
        if ok:
            app.installTranslator(ours)
            _installed.append(ours)
    else:
        # Qt's own dialogs (OK/Cancel, calendar) in Chinese too.
        qt = QTranslator(app)
        if qt.load(
            QLocale(QLocale.Language.Chinese, QLocale.Country.China),
            "qtbase",
            "_",
            QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
        ):
            app.installTranslator(qt)
            _installed.append(qt)
    return ok
