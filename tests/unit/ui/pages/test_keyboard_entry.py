"""Keyboard entry as a CSPro or ODK user expects it: real key events (Chinese as
input-method commits), Tab from field to field in form order, every typed
value stored exactly; dates in each usual form; a person chosen in a picker
but not added with 添加 is saved all the same; tags survive a draft."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.core import drafts
from desktop_app.core.store import Store
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.pages.record_page import RecordPage
from desktop_app.ui.widgets.fields import (
    BoolEditor,
    ChoiceEditor,
    ChoicesEditor,
    FieldEditor,
    LinksEditor,
    RefEditor,
)
from tests.unit.ui.pages.test_records import world  # noqa: F401  (fixture)
from tests.unit.ui.typing import type_text


def _owns_focus(editor: FieldEditor) -> bool:
    focused = QApplication.focusWidget()
    if focused is None or not focused.isVisible():
        # The offscreen platform deactivates the window some time after a picker's
        # list closed (focus then nowhere, or still on the hidden list); a window
        # manager would activate the window again, focus back where it was.
        editor.widget.window().activateWindow()
        if focused is not None:
            editor.widget.setFocus()
    focused = QApplication.focusWidget()
    return focused is not None and (focused is editor.widget or editor.widget.isAncestorOf(focused))


def _type(widget: QWidget, text: str) -> None:
    if text.isascii():
        QTest.keyClicks(widget, text)
    else:
        type_text(widget, text)


def _choose_in_picker(qtbot: QtBot, combo: Any, typed: str) -> None:
    """Type part of a name, wait for the list, Enter: the first match (not the empty choice)."""
    for attempt in range(2):
        combo.window().activateWindow()  # (offscreen: see _owns_focus)
        qtbot.waitUntil(combo.window().isActiveWindow, timeout=3000)
        type_text(combo.search_edit, typed)
        try:
            qtbot.waitUntil(lambda: combo.view().isVisible(), timeout=3000)
            break
        except Exception as error:
            # Offscreen, the focus churn after the previous picker's list closed
            # now and then takes the typed text away; a person would type it again.
            if attempt or combo.currentText():
                raise AssertionError(f"no list for {typed!r}: the picker shows {combo.currentText()!r}") from error
    QTest.keyClick(combo.view(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not combo.view().isVisible(), timeout=3000)


def enter(qtbot: QtBot, editor: FieldEditor, value: Any) -> None:
    """Give ``editor`` its value with the keyboard alone; the editor has the focus."""
    if isinstance(editor, ChoiceEditor):
        combo = editor.combo
        for _ in range(combo.count()):
            if combo.currentData() == value:
                break
            QTest.keyClick(combo, Qt.Key.Key_Down)
    elif isinstance(editor, ChoicesEditor):
        view = editor.list
        view.setCurrentRow(0)
        for row in range(view.count()):
            if view.item(row).data(Qt.ItemDataRole.UserRole) in value:
                QTest.keyClick(view, Qt.Key.Key_Space)
            QTest.keyClick(view, Qt.Key.Key_Down)
    elif isinstance(editor, BoolEditor):
        if value:
            QTest.keyClick(editor.box, Qt.Key.Key_Space)
    elif isinstance(editor, RefEditor):
        _choose_in_picker(qtbot, editor.picker, value)
    elif isinstance(editor, LinksEditor):
        for name in value:
            _choose_in_picker(qtbot, editor.picker.picker, name)
    else:
        focused = QApplication.focusWidget()
        assert focused is not None
        _type(focused, value)


def fill_by_keyboard(qtbot: QtBot, page: Any, values: dict[str, Any]) -> None:
    """Start in the first field of ``page.form`` (a record page, the profile dialog, the help log
    panel); for each field in form order, type its value (if any), then Tab."""
    names = list(page.form.editors)
    page.form.focus_first()
    for position, name in enumerate(names):
        editor = page.form.editors[name]
        try:
            qtbot.waitUntil(lambda editor=editor: _owns_focus(editor), timeout=2000)
        except Exception as error:
            raise AssertionError(f"Tab did not reach {name}: focus on {QApplication.focusWidget()!r}") from error
        if name in values:
            enter(qtbot, editor, values[name])
        if position + 1 < len(names):
            try:  # (re-activated if need be)
                qtbot.waitUntil(lambda editor=editor: _owns_focus(editor), timeout=2000)
            except Exception as error:
                raise AssertionError(f"{name} lost the focus to {QApplication.focusWidget()!r}") from error
            QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)


def save_by_keyboard(qtbot: QtBot, page: RecordPage) -> str:
    qtbot.waitUntil(page.save_button.isEnabled, timeout=3000)
    # Where the keyboard is (as for a person), once no picker list is open.
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None, timeout=3000)
    if QApplication.focusWidget() is None:  # (offscreen, after a picker's list: see _owns_focus)
        page.window().activateWindow()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=3000)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    try:
        qtbot.waitUntil(lambda: page.status.text() == "已保存", timeout=3000)
    except Exception as error:
        shown = {n: label.text() for n, label in page.form.error_labels.items() if label.text()}
        raise AssertionError(f"not saved: status {page.status.text()!r}, errors {shown}") from error
    assert page.form.record_id is not None
    return page.form.record_id


@pytest.fixture
def shown(window: MainWindow) -> MainWindow:
    window.resize(1366, 768)
    return window


def test_a_woman_typed_field_by_field(qtbot: QtBot, shown: MainWindow, world: dict[str, str]) -> None:  # noqa: F811
    shown.show_section("woman")
    page = shown.woman_page
    page.new_record()
    fill_by_keyboard(qtbot, page, {
        "name": "张桂英", "id_number": "11010519491231002X", "phone": "13912345678", "liaison_point_id": "王家",
        "address": "王家村3组", "groups": ["left_behind", "two_cancers"], "needs": "想学电商\n也想看病",
        "consent_date": "2026/11/02", "consent_method": "oral", "notes": "下次带表格",
    })  # fmt: skip
    record = shown.store.get("woman", save_by_keyboard(qtbot, page))
    assert {k: record[k] for k in ("name", "id_number", "phone", "liaison_point_id", "address", "groups", "needs",
                                   "consent_date", "consent_method", "notes")} == {
        "name": "张桂英", "id_number": "11010519491231002X", "phone": "13912345678",
        "liaison_point_id": world["point"], "address": "王家村3组", "groups": ["left_behind", "two_cancers"],
        "needs": "想学电商\n也想看病", "consent_date": "2026-11-02", "consent_method": "oral", "notes": "下次带表格",
    }  # fmt: skip


def test_a_help_pair_with_a_compact_date_and_a_cadre_chosen_not_added(
    qtbot: QtBot,
    shown: MainWindow,
    world: dict[str, str],  # noqa: F811
) -> None:
    shown.show_section("help_pair")
    page = shown.help_pair_page
    page.new_record()
    fill_by_keyboard(qtbot, page, {"woman_id": "李秀", "goals": ["skill"], "start_date": "20261103"})
    # 赵娟 picked in the list but 添加 never pressed (the list closed by clicking elsewhere).
    links = page.form.editors["cadre_ids"]
    assert isinstance(links, LinksEditor)
    links.picker.picker.set_record_id(world["cadre"])
    record = shown.store.get("help_pair", save_by_keyboard(qtbot, page))
    assert record["woman_id"] == world["woman"] and record["goals"] == ["skill"]
    assert record["start_date"] == "2026-11-03"
    assert set(record["cadre_ids"]) == {world["own"], world["cadre"]}


def test_a_diary_with_dashes_tags_and_a_multi_line_body(qtbot: QtBot, shown: MainWindow, world: dict[str, str]) -> None:  # noqa: F811
    shown.show_section("diary")
    page = shown.diary_page
    page.new_record()
    page.form.editors["date"].set_value(None)
    fill_by_keyboard(qtbot, page, {
        "date": "2026-11-04", "place": "村委会", "title": "蹲点", "body": "上午座谈\n下午走访",
        "woman_ids": ["李秀"], "tags": "留守妇女 电商",
    })  # fmt: skip
    record = shown.store.get("diary", save_by_keyboard(qtbot, page))
    assert (record["date"], record["place"], record["title"], record["body"]) == (
        "2026-11-04",
        "村委会",
        "蹲点",
        "上午座谈\n下午走访",
    )
    assert record["woman_ids"] == [world["woman"]] and record["tags"] == ["留守妇女", "电商"]


def test_a_date_that_is_not_a_date_is_said_not_dropped(qtbot: QtBot, shown: MainWindow, world: dict[str, str]) -> None:  # noqa: F811
    shown.show_section("help_pair")
    page = shown.help_pair_page
    page.new_record()
    fill_by_keyboard(qtbot, page, {"woman_id": "李秀", "start_date": "2026-13-40"})
    label = page.form.error_labels["start_date"]
    qtbot.waitUntil(label.isVisible, timeout=3000)
    assert "应为日期" in label.text() and not page.save_button.isEnabled()


def test_tags_survive_a_draft(qtbot: QtBot, shown: MainWindow, store: Store) -> None:
    page = shown.diary_page
    shown.show_section("diary")
    page.new_record()
    type_text(page.form.editors["title"].widget, "草稿")
    page.form.editors["tags"].widget.setFocus()
    type_text(page.form.editors["tags"].widget, "留守妇女 电商")
    page.save_draft()
    (draft,) = drafts.drafts(store, "diary")
    page.restore_draft(draft)
    assert page.form.editors["tags"].value() == "留守妇女 电商"


def _new_without_dates(shown: MainWindow, kind: str) -> RecordPage:
    """A new record with its date fields empty (they default to today), so what is typed is all there is."""
    shown.show_section(kind)
    found = getattr(shown, f"{kind}_page")
    page: RecordPage = found.list_page if kind == "problem" else found  # (problems: a list page inside a tab)
    page.new_record()
    for editor in page.form.editors.values():
        if editor.field.kind == "date":
            editor.set_value(None)
    return page


def test_a_visit_typed_field_by_field(qtbot: QtBot, shown: MainWindow, world: dict[str, str]) -> None:  # noqa: F811
    page = _new_without_dates(shown, "visit")
    fill_by_keyboard(qtbot, page, {
        "start_date": "2026/11/05", "end_date": "20261106", "liaison_point_id": "王家", "method": "group_talk",
        "cadre_ids": ["赵娟"], "woman_ids": ["李秀"], "attendance": "12", "situation": "座谈\n十二人参加",
        "opinions": "希望多办培训",
    })  # fmt: skip
    record = shown.store.get("visit", save_by_keyboard(qtbot, page))
    assert {k: record[k] for k in ("start_date", "end_date", "liaison_point_id", "method", "woman_ids", "attendance",
                                   "situation", "opinions")} == {
        "start_date": "2026-11-05", "end_date": "2026-11-06", "liaison_point_id": world["point"],
        "method": "group_talk", "woman_ids": [world["woman"]], "attendance": 12, "situation": "座谈\n十二人参加",
        "opinions": "希望多办培训",
    }  # fmt: skip
    assert set(record["cadre_ids"]) == {world["own"], world["cadre"]}


def test_a_liaison_point_typed_field_by_field(qtbot: QtBot, shown: MainWindow, world: dict[str, str]) -> None:  # noqa: F811
    page = _new_without_dates(shown, "liaison_point")
    fill_by_keyboard(qtbot, page, {
        "name": "李家户", "kind": "household", "region": "通州区", "address": "李家村5组", "contact_name": "李大姐",
        "contact_phone": "13812345679", "focus": ["left_behind_migrant"], "cadre_ids": ["赵娟"],
        "notes": "每月去一次\n带上表格",
    })  # fmt: skip
    record = shown.store.get("liaison_point", save_by_keyboard(qtbot, page))
    assert {k: record[k] for k in ("name", "kind", "region", "address", "contact_name", "contact_phone", "focus",
                                   "notes")} == {
        "name": "李家户", "kind": "household", "region": "通州区", "address": "李家村5组", "contact_name": "李大姐",
        "contact_phone": "13812345679", "focus": ["left_behind_migrant"], "notes": "每月去一次\n带上表格",
    }  # fmt: skip
    assert set(record["cadre_ids"]) == {world["own"], world["cadre"]}  # hers by default, and the one added


def test_a_problem_typed_field_by_field(qtbot: QtBot, shown: MainWindow, world: dict[str, str]) -> None:  # noqa: F811
    page = _new_without_dates(shown, "problem")
    fill_by_keyboard(qtbot, page, {
        "raised_date": "2026-11-07", "source": "other", "liaison_point_id": "王家", "description": "缺少托育\n双职工难",
        "category": "employment", "scope": "common", "nature": "trend", "disposition": "escalate",
        "responsible": "镇妇联", "deadline": "2026/12/31", "status": "in_progress", "resolution": "已向镇里反映",
    })  # fmt: skip
    record = shown.store.get("problem", save_by_keyboard(qtbot, page))
    assert {k: record[k] for k in PROBLEM_KEYS} == {
        "raised_date": "2026-11-07", "source": "other", "liaison_point_id": world["point"],
        "description": "缺少托育\n双职工难", "category": "employment", "scope": "common", "nature": "trend",
        "disposition": "escalate", "responsible": "镇妇联", "deadline": "2026-12-31", "status": "in_progress",
        "resolution": "已向镇里反映",
    }  # fmt: skip


PROBLEM_KEYS = ("raised_date", "source", "liaison_point_id", "description", "category", "scope", "nature",
                "disposition", "responsible", "deadline", "status", "resolution")  # fmt: skip


def test_a_cadre_profile_typed_field_by_field(qtbot: QtBot, store: Store) -> None:
    from desktop_app.ui.dialogs.profile import ProfileDialog

    dialog = ProfileDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    fill_by_keyboard(qtbot, dialog, {
        "name": "王芳", "org": "南通市通州区妇女联合会", "org_level": "county", "position": "副主席", "is_leader": True,
        "mobile": "13812345678", "office_phone": "0513-86123456", "email": "wang@example.cn", "address": "人民路100号",
    })  # fmt: skip
    qtbot.waitUntil(dialog.save_button.isEnabled, timeout=3000)
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    own = store.own_cadre()
    assert own is not None
    assert {k: own[k] for k in ("name", "org", "org_level", "position", "is_leader", "mobile", "office_phone",
                                "email", "address")} == {
        "name": "王芳", "org": "南通市通州区妇女联合会", "org_level": "county", "position": "副主席", "is_leader": True,
        "mobile": "13812345678", "office_phone": "0513-86123456", "email": "wang@example.cn", "address": "人民路100号",
    }  # fmt: skip


def test_a_help_log_typed_field_by_field(qtbot: QtBot, shown: MainWindow, world: dict[str, str]) -> None:  # noqa: F811
    pair = shown.store.save("help_pair", {"woman_id": world["woman"], "start_date": "2026-11-01"})["id"]
    shown.show_section("help_pair")
    page = shown.help_pair_page
    page.open_record(pair)
    panel = page.logs
    panel.form.editors["date"].set_value(None)
    fill_by_keyboard(qtbot, panel, {
        "date": "20261110", "what": "介绍到服装厂面试", "help_type": "job", "amount": "200.50",
        "result": "已面试\n等通知", "next_step": "电话回访", "next_date": "2026/11/20",
    })  # fmt: skip
    qtbot.waitUntil(panel.save_button.isEnabled, timeout=3000)
    QTest.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    (log,) = shown.store.list_records("help_log")
    assert {k: log[k] for k in ("help_pair_id", "date", "what", "help_type", "amount", "result", "next_step",
                                "next_date")} == {
        "help_pair_id": pair, "date": "2026-11-10", "what": "介绍到服装厂面试", "help_type": "job", "amount": 200.5,
        "result": "已面试\n等通知", "next_step": "电话回访", "next_date": "2026-11-20",
    }  # fmt: skip
    # Opened again, the amount reads as she typed it, not 200.5.
    QTest.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton,
                     pos=panel.table.visualRect(panel.model.index(0, 0)).center())  # fmt: skip
    assert panel.form.record_id == log["id"]
    assert panel.form.editors["amount"].edit.text() == "200.50"  # type: ignore[attr-defined]


def test_a_project_target_amount_saved_reads_as_typed(qtbot: QtBot, shown: MainWindow) -> None:
    shown.show_section("project")
    tabs = shown.page("project").tabs  # type: ignore[attr-defined]
    QTest.mouseClick(tabs.tabBar(), Qt.MouseButton.LeftButton, pos=tabs.tabBar().tabRect(1).center())  # 项目与目标
    page = shown.page("project").list_page  # type: ignore[attr-defined]
    assert tabs.currentWidget() is page
    page.new_record()
    page.form.editors["year"].set_value(None)
    fill_by_keyboard(qtbot, page, {"name": "妇女小额贷款", "org": "南通市妇女联合会", "year": "2026",
                                   "target_amount": "50000"})  # fmt: skip
    record = shown.store.get("project", save_by_keyboard(qtbot, page))
    assert record["target_amount"] == 50000
    assert page.form.editors["target_amount"].edit.text() == "50000"  # not 50000.0
