"""After every file a person asked for: 打开文件 (a PDF or a spreadsheet) and
打开所在文件夹, each asking the desktop to open the right path."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.core.store import Store
from desktop_app.ui.dialogs.backups import BackupsDialog
from desktop_app.ui.jobs import Job
from desktop_app.ui.pages.printing import PrintPage
from desktop_app.ui.pages.reports import ReportsPage
from desktop_app.ui.pages.sync import TransferView
from desktop_app.ui.widgets.saved_file import SavedFileButtons, open_local
from tests.unit.ui.widgets.desktop import DesktopUrls


def _finished(qtbot: QtBot, job: Job | None) -> None:
    assert job is not None
    with qtbot.waitSignal(job.finished, timeout=30_000):
        pass


def _offers(qtbot: QtBot, buttons: SavedFileButtons, saved: Path, urls: DesktopUrls, openable: bool) -> None:
    qtbot.waitUntil(buttons.isVisible, timeout=5000)
    assert saved.exists() and buttons.file == saved.resolve() and buttons.folder == saved.resolve().parent
    assert buttons.open_file_button.isVisible() == openable and buttons.open_folder_button.isVisible()
    expected = []
    if openable:
        QTest.mouseClick(buttons.open_file_button, Qt.MouseButton.LeftButton)
        expected.append(saved.resolve())
    QTest.mouseClick(buttons.open_folder_button, Qt.MouseButton.LeftButton)
    expected.append(saved.resolve().parent)
    assert urls.paths()[-len(expected) :] == expected
    assert buttons.last_url is not None and Path(buttons.last_url.toLocalFile()) == expected[-1]


def _shown(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.addWidget(widget)
    widget.show()


def test_reports_offer_the_pdf_and_the_spreadsheet(
    qtbot: QtBot, profiled: Store, tmp_path: Path, desktop_urls: DesktopUrls
) -> None:
    page = ReportsPage(profiled)
    _shown(qtbot, page)
    assert page.saved_file.isHidden()
    for name in ("季报.pdf", "季报.xlsx"):
        page.build("xlsx" if name.endswith("xlsx") else "pdf", tmp_path / name)
        assert page.saved_file.isHidden()  # not while it is being written
        _finished(qtbot, page.job)
        _offers(qtbot, page.saved_file, tmp_path / name, desktop_urls, openable=True)


def test_cards_offer_the_pdf(qtbot: QtBot, profiled: Store, tmp_path: Path, desktop_urls: DesktopUrls) -> None:
    page = PrintPage(profiled)
    _shown(qtbot, page)
    page.save_pdf(tmp_path / "卡片.pdf")
    _finished(qtbot, page.job)
    _offers(qtbot, page.saved_file, tmp_path / "卡片.pdf", desktop_urls, openable=True)


def test_a_bundle_and_a_key_file_offer_their_folder(
    qtbot: QtBot, profiled: Store, tmp_path: Path, desktop_urls: DesktopUrls
) -> None:
    view = TransferView(profiled)
    _shown(qtbot, view)
    key = tmp_path / "keys" / "公钥.txt"
    key.parent.mkdir()
    view.export_key(key)
    _offers(qtbot, view.saved_file, key, desktop_urls, openable=False)
    assert str(key) in view.export_status.text()
    bundle = tmp_path / "out" / "王芳.age"
    bundle.parent.mkdir()
    view.export(passphrase="a passphrase 1", out=bundle)
    assert view.saved_file.isHidden()
    _finished(qtbot, view.job)
    _offers(qtbot, view.saved_file, bundle, desktop_urls, openable=False)


def test_a_backup_offers_its_folder(qtbot: QtBot, profiled: Store, desktop_urls: DesktopUrls) -> None:
    dialog = BackupsDialog(profiled)
    _shown(qtbot, dialog)
    job = dialog.make(None)
    with qtbot.waitSignal(job.finished, timeout=30_000) as made:
        pass
    _offers(qtbot, dialog.saved_file, made.args[0], desktop_urls, openable=False)


@pytest.mark.qt_log_ignore("does not support QPlatformServices::openDocument")
def test_without_a_program_to_open_it_she_is_told_where_it_is(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The offscreen platform opens nothing (as a laptop without a PDF reader): the message names the path."""
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda _parent, _title, text: told.append(text)))
    url = open_local(tmp_path)
    assert Path(url.toLocalFile()) == tmp_path and told and str(tmp_path) in told[0]
