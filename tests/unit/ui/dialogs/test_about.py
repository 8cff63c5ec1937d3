"""帮助 → 关于: the versions a support call asks for, and both folders a click away."""

from __future__ import annotations

import platform
from pathlib import Path

import PySide6
import pytest
from PySide6.QtCore import Qt, qVersion
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLabel
from pytestqt.qtbot import QtBot

from desktop_app import __version__
from desktop_app.core import logs
from desktop_app.ui.dialogs.about import AboutDialog
from desktop_app.ui.main_window import MainWindow
from tests.unit.ui.widgets.desktop import DesktopUrls


def test_help_about_shows_versions_and_opens_the_folders(
    qtbot: QtBot, window: MainWindow, desktop_urls: DesktopUrls
) -> None:
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "帮助")
    about = next(a for a in help_menu.actions() if a.text() == "关于访妇情")
    about.trigger()
    dialog = window.findChild(AboutDialog)
    assert isinstance(dialog, AboutDialog)
    qtbot.waitUntil(dialog.isVisible)
    shown = " ".join(label.text() for label in dialog.findChildren(QLabel))
    cipher = window.store.conn.execute("PRAGMA cipher_version").fetchone()[0]
    sqlite = window.store.conn.execute("SELECT sqlite_version()").fetchone()[0]
    for value in (__version__, platform.python_version(), PySide6.__version__, qVersion(), cipher, sqlite,
                  window.store.device_id, str(window.store.path.resolve().parent), str(logs.log_dir())):  # fmt: skip
        assert value in shown, value
    assert cipher.startswith("4.")  # SQLCipher 4: the database really is encrypted
    QTest.mouseClick(dialog.open_data, Qt.MouseButton.LeftButton)
    QTest.mouseClick(dialog.open_logs, Qt.MouseButton.LeftButton)
    assert desktop_urls.paths() == [window.store.path.resolve().parent, logs.log_dir()]
    dialog.copy()
    copied = QApplication.clipboard().text()
    assert f"访妇情版本: {__version__}" in copied and str(logs.log_dir()) in copied
    dialog.reject()


def test_about_names_a_log_folder_of_the_environment_s_choosing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(logs.LOG_DIR_ENV, str(tmp_path / "elsewhere"))
    dialog = AboutDialog(window.store, window)
    qtbot.addWidget(dialog)
    assert dialog.log_folder == tmp_path / "elsewhere"


def test_enter_closes_the_about_dialog(qtbot: QtBot, window: MainWindow) -> None:
    dialog = AboutDialog(window.store, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    QTest.keyClick(dialog, Qt.Key.Key_Return)  # not "open the data folder"
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected
