"""An exception nobody caught: logged with its traceback, told in a dialog in
words, the app running on; one dialog per fault, never from another thread."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from desktop_app.core import logs
from desktop_app.core.store import Store
from desktop_app.ui.crash_reports import CrashReporter
from desktop_app.ui.dialogs.crash import CrashDialog
from desktop_app.ui.jobs import Job
from tests.log_helpers import app_log, log_text

NAME, ID_NUMBER, PHONE = "王秀兰", "11010519491231002X", "13912345678"


@pytest.fixture
def log_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "logs"
    with app_log(folder, monkeypatch):
        yield folder


@pytest.fixture
def reporter(qtbot: QtBot, log_folder: Path) -> Iterator[CrashReporter]:
    """Installed as the app installs it; taken out after, closing a dialog left open."""
    crash = CrashReporter()
    crash.install()
    yield crash
    crash.uninstall()
    if crash.dialog is not None:
        crash.dialog.close()
    QApplication.processEvents()


def _failing_button(qtbot: QtBot, error: Exception) -> QPushButton:
    button = QPushButton("保存")

    def save() -> None:
        raise error

    button.clicked.connect(save)
    qtbot.addWidget(button)
    button.show()
    return button


def _dialog(qtbot: QtBot, reporter: CrashReporter) -> CrashDialog:
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible(), timeout=5000)
    assert reporter.dialog is not None
    return reporter.dialog


@pytest.mark.qt_no_exception_capture
def test_a_slot_that_raises_is_logged_and_told_in_words(
    qtbot: QtBot, reporter: CrashReporter, log_folder: Path
) -> None:
    button = _failing_button(qtbot, RuntimeError(f"cannot save {NAME} {ID_NUMBER} {PHONE}"))
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = _dialog(qtbot, reporter)
    assert str(log_folder) in dialog.where.text() and str(logs.log_dir()) == str(log_folder)
    assert "已经保存的记录都已写入数据文件" in dialog.saved.text() and "RuntimeError" in dialog.kind.text()
    shown = " ".join(label.text() for label in (dialog.what, dialog.saved, dialog.where, dialog.kind))
    assert "Traceback" not in shown and NAME not in shown
    assert dialog.open_button.text() == "打开日志文件夹" and dialog.close_button.text() == "关闭"
    text = log_text(log_folder)
    assert "unhandled RuntimeError" in text and "Traceback" in text and "in save" in text
    assert NAME not in text and ID_NUMBER not in text and PHONE not in text
    QTest.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: reporter.dialog is None)
    assert button.isVisible()  # the app runs on


@pytest.mark.qt_no_exception_capture
def test_one_dialog_for_a_storm_and_none_while_one_shows(
    qtbot: QtBot, reporter: CrashReporter, log_folder: Path
) -> None:
    button = _failing_button(qtbot, ValueError("again"))
    for _ in range(6):
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = _dialog(qtbot, reporter)
    other = _failing_button(qtbot, KeyError("another fault"))
    QTest.mouseClick(other, Qt.MouseButton.LeftButton)  # while the dialog shows: logged only
    QApplication.processEvents()
    assert reporter.dialog is dialog and len(reporter.shown) == 1
    assert len([w for w in QApplication.topLevelWidgets() if isinstance(w, CrashDialog) and w.isVisible()]) == 1
    text = log_text(log_folder)
    assert text.count("unhandled ValueError") == 3  # the first few in full, then only counted
    assert "unhandled KeyError" in text
    dialog.reject()
    qtbot.waitUntil(lambda: reporter.dialog is None)
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)  # the same fault later: no second dialog
    QApplication.processEvents()
    assert reporter.dialog is None


def test_an_exception_in_a_thread_is_shown_from_the_ui_thread(
    qtbot: QtBot, reporter: CrashReporter, log_folder: Path
) -> None:
    def work() -> None:
        raise OSError(f"disk gone while writing {NAME}")

    thread = threading.Thread(target=work, name="exporter")
    thread.start()
    thread.join()
    dialog = _dialog(qtbot, reporter)
    # Made on the UI thread (a widget made on the exporter's thread would belong to it).
    assert dialog.thread() is QApplication.instance().thread()  # type: ignore[union-attr]
    text = log_text(log_folder)
    assert "unhandled OSError in thread exporter" in text and "in work" in text and NAME not in text


def test_a_background_job_s_defect_is_logged_and_reported_as_failed(
    qtbot: QtBot, profiled: Store, log_folder: Path
) -> None:
    def job(store: Store, progress: object, cancelled: object) -> None:
        raise ZeroDivisionError(f"{NAME} {ID_NUMBER}")

    running = Job(profiled, job)
    with qtbot.waitSignal(running.failed, timeout=10_000) as failed:
        running.start()
    assert "详情已写入日志" in failed.args[0] and "Traceback" not in failed.args[0]
    text = log_text(log_folder)
    assert "background job failed" in text and "ZeroDivisionError" in text and "in job" in text
    assert NAME not in text and ID_NUMBER not in text
