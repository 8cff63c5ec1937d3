"""Save and open dialogs start where a person keeps files (her Documents, then
the folder she used last), never in the program's working directory, and
offer names in the window's language."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit
from pytestqt.qtbot import QtBot

from desktop_app.core.store import Store
from desktop_app.ui import file_dialogs, translations
from desktop_app.ui.pages.printing import PrintPage
from desktop_app.ui.pages.reports import ReportsPage
from desktop_app.ui.pages.sync import SyncPage


class DialogAnswer:
    """Answers the next file dialog as a person would: notes where it opened and what it offered, then
    types a folder and a file name into it and presses Enter (or Cancel when there is none)."""

    def __init__(self, answer: Path | None) -> None:
        self.answer = answer
        self.folder: Path | None = None
        self.offered: str | None = None
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._look)
        self.timer.start()

    def _look(self) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog) or not dialog.isVisible():
            return
        self.timer.stop()
        self.folder = Path(dialog.directory().absolutePath())
        self.offered = Path(dialog.selectedFiles()[0]).name if dialog.selectedFiles() else None
        if self.answer is None:
            dialog.reject()
            return
        dialog.setDirectory(str(self.answer.parent))
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        name.setText(self.answer.name)  # typed keys would pop up the completer, which offscreen Qt aborts on
        QTest.keyClick(name, Qt.Key.Key_Return)


@pytest.fixture
def answer_dialog() -> Iterator[Callable[[Path | None], DialogAnswer]]:
    made: list[DialogAnswer] = []

    def make(answer: Path | None) -> DialogAnswer:
        made.append(DialogAnswer(answer))
        return made[-1]

    yield make
    for answer in made:
        answer.timer.stop()


def test_the_first_dialog_opens_in_documents_then_where_she_saved_last(
    qtbot: QtBot, profiled: Store, tmp_path: Path, answer_dialog: Callable[[Path | None], DialogAnswer]
) -> None:
    page = ReportsPage(profiled)
    qtbot.addWidget(page)
    first = answer_dialog(None)
    page.build("pdf")
    assert first.folder is not None and first.folder != Path(os.getcwd())
    assert first.folder in (Path.home() / "Documents", Path.home()) or first.folder.name == "Documents"
    assert first.offered == page.file_name("pdf") and first.offered.startswith("访妇情报表-")
    assert page.job is None  # Cancel makes nothing

    chosen = tmp_path / "reports" / "九月.pdf"
    chosen.parent.mkdir()
    answer_dialog(chosen)
    page.build("pdf")
    assert page.job is not None
    with qtbot.waitSignal(page.job.finished, timeout=30_000):
        pass
    assert chosen.stat().st_size > 1000

    again = answer_dialog(None)
    sync = SyncPage(profiled)
    qtbot.addWidget(sync)
    sync.transfer.export_key()  # another page: the folder is remembered for the whole app
    assert again.folder == chosen.parent


def test_a_remembered_folder_that_is_gone_falls_back_to_documents(tmp_path: Path) -> None:
    gone = tmp_path / "usb-stick"
    gone.mkdir()
    file_dialogs.remember(gone / "bundle.age")
    assert file_dialogs.start_folder() == gone
    gone.rmdir()
    assert file_dialogs.start_folder() != gone and file_dialogs.start_folder().is_dir()
    assert file_dialogs.suggested_path("a/b.pdf").name == "a-b.pdf"  # a period like 2026-09/10 is no folder


def test_offered_names_follow_the_window_s_language(qtbot: QtBot, profiled: Store, qapp: QApplication) -> None:
    assert translations.install(qapp, "en")
    try:
        reports, printing, sync = ReportsPage(profiled), PrintPage(profiled), SyncPage(profiled)
        for page in (reports, printing, sync):
            qtbot.addWidget(page)
        reports.period.set_kind("quarter")
        names = [
            reports.file_name("xlsx"),
            printing.file_name(),
            sync.transfer.key_file_name(),
            sync.transfer.bundle_file_name(),
        ]
    finally:
        translations.install(qapp, "zh")
    assert names[0].startswith("Fuqing report-") and names[0].endswith("-Q4.xlsx")
    assert names[1] == "Contact cards.pdf" and names[2] == "Fuqing public key.txt"
    assert names[3].startswith("Fuqing bundle-") and names[3].endswith(f"{profiled.today():%Y%m%d}.age")
