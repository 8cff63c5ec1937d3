"""The pages of issue 11 used as a person would: referrals typed under a problem,
a project preset and an act of help counted for it, a research draft from the
data, a report for one federation, the overdue answer on the home page."""

from __future__ import annotations

import subprocess
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.core import quotas
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.pages.record_page import RecordPage
from desktop_app.ui.widgets.child_panel import ChildPanel
from tests.unit.ui.pages import test_keyboard_entry as keyboard
from tests.unit.ui.pages import test_records as records
from tests.unit.ui.pages.test_keyboard_entry import fill_by_keyboard, save_by_keyboard

shown = keyboard.shown  # the fixtures those tests use
world = records.world


def _problem(window: MainWindow) -> str:
    return str(window.store.save("problem", {"raised_date": "2026-10-01", "description": "单亲母亲住房破旧",
                                             "category": "poverty_relief", "disposition": "escalate"})["id"])  # fmt: skip


def test_referrals_typed_under_a_problem_a_new_department_kept_as_typed(qtbot: QtBot, shown: MainWindow) -> None:
    problem = _problem(shown)
    shown.open_record("problem", problem)
    panel = shown.problem_page.list_page.referrals
    assert panel.isEnabled()
    for typed in ("区残联", "民政"):
        fill_by_keyboard(qtbot, panel, {"department": typed, "sent_date": "2026-10-05", "due_date": "2026/11/05",
                                        "note": "情况反映"})  # fmt: skip
        qtbot.waitUntil(panel.save_button.isEnabled, timeout=3000)
        QTest.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda n=typed: panel.model.rowCount() == (1 if n == "区残联" else 2), timeout=3000)
    stored = sorted(r["department"] for r in shown.store.list_records("referral"))
    assert stored == ["civil_affairs", "区残联"]
    # The new department is offered next time, after the built-in ones.
    panel._open(None)
    combo = panel.form.editors["department"].combo  # type: ignore[attr-defined]
    assert combo.itemText(combo.count() - 1) == "区残联" and combo.findText("民政") >= 0


def test_the_overdue_answer_is_on_the_home_page_and_opens_the_referral(qtbot: QtBot, shown: MainWindow) -> None:
    problem = _problem(shown)
    referral = shown.store.save("referral", {"problem_id": problem, "department": "人社", "sent_date": "2026-10-02",
                                             "due_date": "2026-10-20"})["id"]  # fmt: skip
    shown.show_section("home")
    home = shown.home_page
    table = home.followups
    qtbot.waitUntil(lambda: table.rowCount() == 1, timeout=3000)
    assert [table.item(0, c).text() for c in range(4)] == ["2026-10-20", "转办答复", "单亲母亲住房破旧", "人社"]
    home._open_followup(0, 0)  # what a double-click does
    panel = shown.problem_page.list_page.referrals
    assert shown.problem_page.list_page.form.record_id == problem and panel.form.record_id == referral
    assert [i.row() for i in panel.table.selectionModel().selectedRows()] == [panel.model.position_of(referral)]


def test_a_project_preset_and_an_act_of_help_counted_for_it(
    qtbot: QtBot, shown: MainWindow, world: dict[str, str]
) -> None:
    shown.show_section("project")
    page = shown.page("project")
    progress = page.progress  # type: ignore[attr-defined]
    progress.year.setValue(2026)
    progress.preset.setCurrentIndex(progress.preset.findData("harbin"))
    QTest.mouseClick(progress.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: progress.table.rowCount() == 10, timeout=3000)
    QTest.mouseClick(progress.add_button, Qt.MouseButton.LeftButton)  # again: nothing new, and it says why
    assert "都已有" in progress.summary.text() and progress.table.rowCount() == 10
    pair = shown.store.save("help_pair", {"woman_id": world["woman"], "start_date": "2026-11-01"})["id"]
    shown.open_record("help_pair", pair)
    logs = shown.help_pair_page.logs
    fill_by_keyboard(qtbot, logs, {"date": "20261110", "what": "介绍到服装厂", "help_type": "job",
                                   "project_id": "春风", "people": "1", "jobs": "3", "trained": "12"})  # fmt: skip
    qtbot.waitUntil(logs.save_button.isEnabled, timeout=3000)
    QTest.mouseClick(logs.save_button, Qt.MouseButton.LeftButton)
    shown.show_section("project")
    qtbot.waitUntil(lambda: progress.table.item(0, 0) is not None, timeout=3000)
    rows = {progress.table.item(r, 0).text(): progress.table.item(r, 4).text() for r in range(10)}
    assert rows["春风送岗位"] == "3 / 30,000"


def test_a_research_draft_from_the_data_is_attached_and_editable(qtbot: QtBot, shown: MainWindow) -> None:
    _problem(shown)
    shown.show_section("research")
    page = shown.page("research")
    page.new_record()  # type: ignore[attr-defined]
    fill_by_keyboard(qtbot, page, {"topic": "单亲贫困母亲住房调研"})
    save_by_keyboard(qtbot, page)  # type: ignore[arg-type]
    page.category.setCurrentIndex(page.category.findData("poverty_relief"))  # type: ignore[attr-defined]
    QTest.mouseClick(page.draft_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: "已根据数据写入草稿" in page.status.text(), timeout=10000)  # type: ignore[attr-defined]
    record = shown.store.get("research", page.form.record_id)  # type: ignore[attr-defined]
    assert record["status"] == "drafting" and "一、基本情况" in record["draft"] and "帮扶救助" in record["draft"]
    shown_text = page.form.editors["draft"].value()  # type: ignore[attr-defined]
    assert shown_text == record["draft"]


def test_a_report_for_one_federation_only(qtbot: QtBot, shown: MainWindow, tmp_path: Path) -> None:
    store = shown.store
    county = store.save("federation", {"name": "南通市妇女联合会", "level": "city"})["id"]
    store.save("federation", {"name": "通州区妇联", "level": "county", "parent_id": county})
    shown.show_section("reports")
    page = shown.page("reports")
    federation = page.federation  # type: ignore[attr-defined]
    assert [federation.itemText(i) for i in range(federation.count())] == ["南通市妇女联合会", "通州区妇联"]
    assert federation.currentText() == "南通市妇女联合会"  # her own
    page.scope.setCurrentIndex(page.scope.findData("only"))  # type: ignore[attr-defined]
    out = tmp_path / "r.pdf"
    page.build("pdf", out)  # type: ignore[attr-defined]
    qtbot.waitUntil(out.exists, timeout=20000)
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "南通市妇女联合会" in text and "仅本级" in text and "分妇联情况" in text


def test_scrolling_the_form_over_a_list_does_not_change_it(qtbot: QtBot, shown: MainWindow) -> None:
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    problem = _problem(shown)
    shown.open_record("problem", problem)
    page = shown.problem_page.list_page
    status = page.form.editors["status"].combo  # type: ignore[attr-defined]
    before = status.currentData()
    page.form.editors["description"].widget.setFocus()
    for _ in range(5):  # the wheel turned down, the pointer over the status list
        wheel = QWheelEvent(QPointF(5, 5), QPointF(status.mapToGlobal(QPoint(5, 5))), QPoint(0, 0), QPoint(0, -120),
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
                            False)  # fmt: skip
        QApplication.sendEvent(status, wheel)
    assert status.currentData() == before == "open"
    assert page.editor_scroll.verticalScrollBar().value() > 0  # the form moved on instead
    status.setFocus()  # chosen on purpose (focused), the wheel still picks
    qtbot.waitUntil(status.hasFocus, timeout=2000)
    wheel = QWheelEvent(QPointF(5, 5), QPointF(status.mapToGlobal(QPoint(5, 5))), QPoint(0, 0), QPoint(0, -120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)  # fmt: skip
    QApplication.sendEvent(status, wheel)
    assert status.currentData() != "open"


def test_a_new_referral_says_nothing_is_missing_before_she_types(qtbot: QtBot, shown: MainWindow) -> None:
    shown.open_record("problem", _problem(shown))
    panel = shown.problem_page.list_page.referrals
    assert not panel.form.error_labels["department"].text()
    assert not panel.save_button.isEnabled()  # still not savable: nothing to refer yet
    panel.form.editors["department"].combo.setEditText("民政")  # type: ignore[attr-defined]
    panel.form.editors["department"].combo.setEditText("")  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: bool(panel.form.error_labels["department"].text()), timeout=3000)


def _stays_put(qtbot: QtBot, page: RecordPage, panel: ChildPanel, field: str, typed: str) -> None:
    """Scrolled down to the panel, she clicks its row, then a field, and types what the form
    answers with a message: the page does not move under the pointer."""
    scroll = page.editor_scroll
    bar, viewport = scroll.verticalScrollBar(), scroll.viewport()
    bar.setValue(panel.table.mapTo(scroll.widget(), QPoint(0, 0)).y() - 10)
    rect = panel.table.visualRect(panel.model.index(0, 1))
    QTest.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert panel.form.record_id is not None
    edit = panel.form.editors[field].edit  # type: ignore[attr-defined]
    where, value = edit.mapTo(viewport, edit.rect().center()), bar.value()
    QTest.mouseClick(edit, Qt.MouseButton.LeftButton)
    edit.selectAll()
    QTest.keyClicks(edit, typed)
    qtbot.waitUntil(lambda: any(label.isVisible() for label in panel.form.error_labels.values()), timeout=3000)
    QApplication.processEvents()  # the page laid out again
    assert bar.value() == value
    assert edit.mapTo(viewport, edit.rect().center()) == where
    under = viewport.childAt(where)  # where her next click lands
    assert under is edit or edit.isAncestorOf(under)


def test_the_page_stays_put_while_she_answers_a_referral(qtbot: QtBot, shown: MainWindow) -> None:
    problem = _problem(shown)
    shown.store.save("referral", {"problem_id": problem, "department": "人社", "sent_date": "2026-10-02",
                                  "due_date": "2026-10-20", "note": "情况反映"})  # fmt: skip
    shown.open_record("problem", problem)
    page = shown.problem_page.list_page
    _stays_put(qtbot, page, page.referrals, "answer_date", "2026-11-15")  # then 答复结果 is wanted


def test_the_page_stays_put_while_she_edits_an_act_of_help(
    qtbot: QtBot, shown: MainWindow, world: dict[str, str]
) -> None:
    pair = shown.store.save("help_pair", {"woman_id": world["woman"], "start_date": "2026-11-01"})["id"]
    shown.store.save("help_log", {"help_pair_id": pair, "date": "2026-11-10", "what": "介绍到服装厂"})
    shown.open_record("help_pair", pair)
    page = shown.help_pair_page
    _stays_put(qtbot, page, page.logs, "amount", "300 yuan")  # not a number


def test_the_notice_chosen_for_projects_is_still_chosen_after_a_restart(qtbot: QtBot, shown: MainWindow) -> None:
    quotas.choose_preset(shown.store, "shandong")  # her quota profile, on the home page
    shown.show_section("project")
    preset = shown.page("project").progress.preset  # type: ignore[attr-defined]
    assert preset.currentData() == "shandong"  # nothing chosen here yet: the notice of her profile's place
    preset.setFocus()
    QTest.keyClick(preset, Qt.Key.Key_Up)
    assert preset.currentData() == "harbin"
    shown.close()
    again = MainWindow(shown.store)
    qtbot.addWidget(again)
    again.show()
    again.show_section("project")
    assert again.page("project").progress.preset.currentData() == "harbin"  # type: ignore[attr-defined]
    again.close()


def test_the_progress_table_fills_its_width_after_a_notice_s_projects_are_added(
    qtbot: QtBot, shown: MainWindow
) -> None:
    shown.show_section("project")
    progress = shown.page("project").progress  # type: ignore[attr-defined]
    progress.year.setValue(2026)
    table = progress.table
    QTest.mouseClick(progress.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: table.rowCount() > 0, timeout=3000)
    QApplication.processEvents()
    header = table.horizontalHeader()
    assert sum(header.sectionSize(i) for i in range(header.count())) >= table.viewport().width() - 2


def test_the_wheel_over_a_short_list_scrolls_the_form_not_the_list_sideways(qtbot: QtBot, shown: MainWindow) -> None:
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QWheelEvent

    problem = _problem(shown)
    shown.store.save("referral", {"problem_id": problem, "department": "人社", "sent_date": "2026-10-02",
                                  "note": "情况反映"})  # fmt: skip
    shown.open_record("problem", problem)
    page = shown.problem_page.list_page
    panel = page.referrals
    QApplication.processEvents()
    sideways, form = panel.table.horizontalScrollBar(), page.editor_scroll.verticalScrollBar()
    assert panel.table.verticalScrollBar().maximum() == 0 and sideways.maximum() > 0  # one row, wider than shown
    form.setValue(0)
    viewport = panel.table.viewport()
    for _ in range(3):  # the wheel turned down, the pointer over the one-row list
        wheel = QWheelEvent(QPointF(5, 5), QPointF(viewport.mapToGlobal(QPoint(5, 5))), QPoint(0, 0), QPoint(0, -120),
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
                            False)  # fmt: skip
        QApplication.sendEvent(viewport, wheel)
    assert sideways.value() == 0  # its first columns still in sight
    assert form.maximum() > 0, form.maximum()
    assert form.value() > 0  # the form moved on, as over any other part of it
    moved = form.value()
    wheel = QWheelEvent(QPointF(5, 5), QPointF(sideways.mapToGlobal(QPoint(5, 5))), QPoint(0, 0), QPoint(0, -120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)  # fmt: skip
    QApplication.sendEvent(sideways, wheel)  # over its sideways scroll bar, most of an empty or one-row list
    assert sideways.value() == 0 and form.value() > moved


def test_ctrl_s_in_an_act_of_help_saves_it_and_saving_the_pair_keeps_what_she_typed(
    qtbot: QtBot, shown: MainWindow, world: dict[str, str]
) -> None:
    pair = shown.store.save("help_pair", {"woman_id": world["woman"], "start_date": "2026-11-01"})["id"]
    shown.open_record("help_pair", pair)
    page = shown.help_pair_page
    logs = page.logs
    what = logs.form.editors["what"].edit  # type: ignore[attr-defined]
    what.setFocus()
    qtbot.waitUntil(what.hasFocus, timeout=2000)
    what.insert("介绍到服装厂")  # typed (its suggestions' popup aborts offscreen Qt when keys open it)
    page.save()  # the pair saved again (as Ctrl+S did wherever she typed): her act of help stays
    assert what.text() == "介绍到服装厂"
    what.setFocus()
    qtbot.waitUntil(what.hasFocus, timeout=2000)
    before = shown.store.count("help_log")
    QTest.keySequence(what, QKeySequence(QKeySequence.StandardKey.Save))
    qtbot.waitUntil(lambda: shown.store.count("help_log") == before + 1, timeout=3000)
    assert [r["what"] for r in shown.store.list_records("help_log")] == ["介绍到服装厂"]
