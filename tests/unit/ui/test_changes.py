"""A write on one screen shows on every other screen that shows the same records,
without a restart and without screens refreshing each other by hand."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.core.changes import Changes
from desktop_app.core.store import Store
from desktop_app.ui.changes import ChangeBus, follow
from desktop_app.ui.dialogs.profile import ProfileDialog
from desktop_app.ui.jobs import Job
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.operations import perform
from desktop_app.ui.pages.printing import PrintPage
from tests.unit.ui.typing import type_text


def _cadre_labels(page: PrintPage) -> list[str]:
    return [page.cadres.item(i).text() for i in range(page.cadres.count())]


def test_profile_edit_updates_print_page_and_status_bar(qtbot: QtBot, window: MainWindow) -> None:
    page = window.page("cards")
    assert isinstance(page, PrintPage)
    assert any("王芳" in label for label in _cadre_labels(page))
    assert "王芳" in window.cadre_label.text()
    dialog = ProfileDialog(window.store, window)
    qtbot.addWidget(dialog)
    dialog.show()
    name = dialog.form.editors["name"].widget
    name.setFocus()
    name.selectAll()  # type: ignore[attr-defined]
    type_text(name, "王芳芳")
    qtbot.waitUntil(dialog.save_button.isEnabled)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert any("王芳芳" in label for label in _cadre_labels(page))
    assert "王芳芳" in window.cadre_label.text()


def test_cadre_added_in_a_background_job_appears_in_the_print_page(qtbot: QtBot, window: MainWindow) -> None:
    page = window.page("cards")
    assert isinstance(page, PrintPage)
    page.cadres.item(0).setCheckState(Qt.CheckState.Checked)
    before = page.chosen_ids()

    def job(store: Store, progress: Any, cancelled: Any) -> str:
        return str(store.save("cadre", {"name": "李娟", "org": "南通市妇女联合会", "mobile": "13900001111"})["id"])

    runner = Job(window.store, job, window)
    with qtbot.waitSignal(runner.finished, timeout=10_000):
        runner.start()
    qtbot.waitUntil(lambda: any("李娟" in label for label in _cadre_labels(page)))
    assert page.chosen_ids() == before  # what was ticked stays ticked


def test_liaison_point_saved_on_its_page_is_offered_in_the_diary_form(qtbot: QtBot, window: MainWindow) -> None:
    diary = window.diary_page
    picker = diary.form.editors["liaison_point_id"].picker  # type: ignore[attr-defined]
    assert picker.findText("新建村") < 0
    points = window.liaison_point_page
    window.show_section("liaison_point")
    points.new_record()
    type_text(points.form.editors["name"].widget, "新建村")
    qtbot.waitUntil(points.save_button.isEnabled)
    qtbot.mouseClick(points.save_button, Qt.MouseButton.LeftButton)
    assert picker.findText("新建村") >= 0
    window.show_section("diary")
    assert diary.model.rowCount() == 0  # nothing else changed


def test_a_failed_operation_announces_nothing_and_says_why(qtbot: QtBot, profiled: Store, monkeypatch: Any) -> None:
    seen: list[Changes] = []
    ChangeBus.of(profiled).changed.connect(seen.append)
    shown: list[str] = []
    monkeypatch.setattr("desktop_app.ui.operations.QMessageBox.warning", lambda _p, _t, text: shown.append(text))
    outcome = perform(None, profiled, lambda s: s.save("diary", {"title": ""}))
    assert not outcome and outcome.value is None and not outcome.changes
    assert seen == [] and shown and "标题" in shown[0]
    outcome = perform(None, profiled, lambda s: s.save("diary", {"title": "有标题", "body": "正文"}))
    assert outcome and outcome.changes.touches("diary") and outcome.value is not None
    assert outcome.value["id"] in outcome.changes.ids_of("diary")
    assert len(seen) == 1 and seen[0].touches("diary")


def test_lazy_widgets_refresh_when_shown_not_while_hidden(qtbot: QtBot, profiled: Store) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    calls: list[int] = []
    follow(widget, profiled, ["diary"], lambda: calls.append(1), lazy=True)
    profiled.save("diary", {"title": "甲", "body": "乙"})
    assert calls == []
    widget.show()
    QApplication.processEvents()
    assert calls == [1]
    profiled.save("woman", {"name": "李秀英"})  # not shown by this widget
    profiled.save("diary", {"title": "丙", "body": "丁"})
    assert calls == [1, 1]
