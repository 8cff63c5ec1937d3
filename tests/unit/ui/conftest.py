from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.core.demo import generate
from desktop_app.core.store import Store
from desktop_app.ui import fonts, translations
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.settings import use_settings_folder
from tests.conftest import FIXED_TODAY
from tests.unit.ui.widgets.desktop import DesktopUrls


@pytest.fixture(scope="session", autouse=True)
def app_setup(qapp: QApplication) -> str:
    qapp.setOrganizationName("fuqing-tests")
    family = fonts.install_app_font(qapp)
    translations.install(qapp, "zh")
    return family


@pytest.fixture(autouse=True)
def own_settings(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Each test's window settings (geometry, language) start empty: none carries over from another test."""
    folder = tmp_path_factory.mktemp("settings")
    use_settings_folder(folder)
    return folder


@pytest.fixture
def desktop_urls() -> Iterator[DesktopUrls]:
    """The files and folders the app asks the desktop to open, in order."""
    handler = DesktopUrls()
    QDesktopServices.setUrlHandler("file", handler, "open")
    yield handler
    QDesktopServices.unsetUrlHandler("file")


@pytest.fixture
def demo_store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "generate.db", today=lambda: FIXED_TODAY) as store:
        generate.fill(store, 400, seed=5, anchor=date(2026, 11, 20))
        yield store


@pytest.fixture
def window(qtbot: QtBot, profiled: Store) -> Iterator[MainWindow]:
    """The main window on a profiled store, closed before the store is."""
    w = MainWindow(profiled)
    qtbot.addWidget(w)
    w.show()
    yield w
    # Let pending list refreshes run while the database is still open.
    w.close()
    QApplication.processEvents()
