"""For each record type: create, edit, link and delete through the widgets, then
check the database (sqlite-utils reads the file independently of the app)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QMessageBox
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from desktop_app.core.records import link_tables
from desktop_app.core.store import Store
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.pages.record_page import RecordPage
from desktop_app.ui.widgets.fields import (
    ChoiceEditor,
    ChoicesEditor,
    DateEditor,
    LinksEditor,
    RefEditor,
    SensitiveEditor,
)
from tests.db_helpers import raw
from tests.unit.ui.typing import type_text


@pytest.fixture
def world(profiled: Store) -> dict[str, str]:
    """A point, a woman and a second cadre to link to."""
    point = profiled.save("liaison_point", {"name": "王家村", "kind": "village"})["id"]
    woman = profiled.save("woman", {"name": "李秀英", "liaison_point_id": point})["id"]
    cadre = profiled.save("cadre", {"name": "赵娟", "org": "南通市妇女联合会"})["id"]
    return {"point": point, "woman": woman, "cadre": cadre, "own": str(profiled.own_cadre_id)}


def fill(page: RecordPage, name: str, value: object) -> None:
    """Set a field the way a person would with that widget."""
    editor = page.form.editors[name]
    if isinstance(editor, ChoiceEditor):
        combo: QComboBox = editor.combo
        combo.setCurrentIndex(combo.findData(value))
    elif isinstance(editor, ChoicesEditor):
        for i in range(editor.list.count()):
            item = editor.list.item(i)
            if item.data(Qt.ItemDataRole.UserRole) in value:  # type: ignore[operator]
                item.setCheckState(Qt.CheckState.Checked)
    elif isinstance(editor, RefEditor):
        editor.picker.set_record_id(str(value))
    elif isinstance(editor, LinksEditor):
        for record_id in value:  # type: ignore[attr-defined]
            editor.picker.picker.set_record_id(record_id)
            editor.picker.add_button.click()
    elif isinstance(editor, DateEditor):
        editor.edit.setFocus()
        editor.edit.selectAll()
        QTest.keyClicks(editor.edit, str(value))
    elif isinstance(editor, SensitiveEditor):
        type_text(editor.edit, str(value))
    else:
        widget = editor.widget
        if hasattr(widget, "clear"):
            widget.clear()
        type_text(widget, str(value))


def save(qtbot: QtBot, page: RecordPage) -> None:
    qtbot.waitUntil(page.save_button.isEnabled, timeout=3000)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.status.text() == "已保存", page.form.errors_elsewhere.text()


def delete_with_confirmation(qtbot: QtBot, page: RecordPage) -> None:
    def answer_yes() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        box.button(QMessageBox.StandardButton.Yes).click()

    QTimer.singleShot(50, answer_yes)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert page.status.text() == "已删除"


def rows(db_path: Path, table: str, where: str = "deleted = 0") -> list[dict]:
    return list(Database(raw(db_path))[table].rows_where(where))


Case = tuple[
    str, Callable[[dict[str, str]], dict[str, object]], str, object, str, Callable[[dict[str, str]], list[str]]
]

CASES: list[Case] = [
    # kind, values to type, field to edit, new value, link table, expected linked ids
    ("liaison_point", lambda w: {"name": "石港镇巾帼果蔬合作社", "kind": "enterprise", "focus": ["economically_behind"],
                                 "cadre_ids": [w["own"], w["cadre"]]},
     "region", "通州区石港镇", "liaison_point_cadre", lambda w: [w["own"], w["cadre"]]),
    ("woman", lambda w: {"name": "张桂英", "id_number": "11010519491231002X", "phone": "13912345678",
                         "liaison_point_id": w["point"], "groups": ["left_behind", "two_cancers"]},
     "needs", "想学电商", "", lambda w: []),
    ("visit", lambda w: {"liaison_point_id": w["point"], "method": "stay", "start_date": "2026-11-01",
                         "end_date": "2026-11-07", "cadre_ids": [w["cadre"]], "woman_ids": [w["woman"]],
                         "situation": "留守妇女多"},
     "opinions", "建议开设托管", "visit_woman", lambda w: [w["woman"]]),
    ("help_pair", lambda w: {"target_kind": "woman", "woman_id": w["woman"], "cadre_ids": [w["cadre"]],
                             "goals": ["skill"], "help_types": ["technology"]},
     "notes", "每月回访", "help_pair_cadre", lambda w: [w["own"], w["cadre"]]),
    ("diary", lambda w: {"title": "蹲点第一天", "body": "走访了五户", "liaison_point_id": w["point"],
                         "woman_ids": [w["woman"]]},
     "place", "村委会", "diary_woman", lambda w: [w["woman"]]),
    ("problem", lambda w: {"description": "留守儿童放学后无人看管", "category": "children_education",
                           "liaison_point_id": w["point"], "deadline": "2026-12-31", "responsible": "王芳"},
     "resolution", "已协调村里开设托管班", "", lambda w: []),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_create_edit_link_delete(
    qtbot: QtBot, window: MainWindow, world: dict[str, str], db_path: Path, case: Case
) -> None:
    kind, values, edit_field, edit_value, link_table, expected_links = case
    page = window.record_pages()[kind]
    window.show_section(kind)
    before = len(rows(db_path, kind))
    for name, value in values(world).items():
        fill(page, name, value)
    save(qtbot, page)
    created = rows(db_path, kind)
    assert len(created) == before + 1
    record_id = page.form.record_id
    row = next(r for r in created if r["id"] == record_id)
    for name, value in values(world).items():
        if isinstance(value, str) and name in row:
            assert row[name] == value, name
    if link_table:
        link = next(link for link in link_tables() if link.table == link_table)
        linked = {
            r[link.ref_column]
            for r in rows(db_path, link_table, f"deleted = 0 AND {link.parent_column} = '{record_id}'")
        }
        assert linked == set(expected_links(world))
    # Edit: select it in the list, change one field, save.
    page.select(str(record_id))
    page.open_record(record_id)
    fill(page, edit_field, edit_value)
    save(qtbot, page)
    assert next(r for r in rows(db_path, kind) if r["id"] == record_id)[edit_field] == edit_value
    # The history shows both changes.
    assert [e.action for e in page.store.history(str(record_id))] == ["create", "update"]
    # Delete: confirm, then only a tombstone remains.
    page.open_record(record_id)
    delete_with_confirmation(qtbot, page)
    assert [r["id"] for r in rows(db_path, kind, "deleted = 1")] == [record_id]
    assert len(rows(db_path, kind)) == before


def test_woman_id_number_masked_until_revealed(qtbot: QtBot, window: MainWindow, world: dict[str, str]) -> None:
    page = window.woman_page
    page.store.save("woman", {"name": "陈红", "id_number": "11010519491231002X"}, world["woman"])
    page.show_record(world["woman"])
    editor = page.form.editors["id_number"]
    assert isinstance(editor, SensitiveEditor)
    assert editor.edit.text() == "**************002X" and editor.edit.isReadOnly()
    listed = [page.model.data(page.model.index(r, 1)) for r in range(page.model.rowCount())]
    assert "**************002X" in listed and "11010519491231002X" not in listed
    qtbot.mouseClick(editor.reveal_button, Qt.MouseButton.LeftButton)
    assert editor.edit.text() == "11010519491231002X" and not editor.edit.isReadOnly()


def test_bad_id_number_message_beside_field(qtbot: QtBot, window: MainWindow) -> None:
    page = window.woman_page
    window.show_section("woman")
    fill(page, "name", "张三")
    fill(page, "id_number", "110105194912310021")
    label = page.form.error_labels["id_number"]
    qtbot.waitUntil(label.isVisible)
    assert "校验位错误" in label.text() and "X" in label.text()
    assert not page.save_button.isEnabled()


def test_problem_raised_from_a_visit(qtbot: QtBot, window: MainWindow, world: dict[str, str], db_path: Path) -> None:
    visit = window.store.save("visit", {"liaison_point_id": world["point"], "method": "group_talk"})
    window.show_section("visit")
    window.visit_page.show_record(visit["id"])
    qtbot.mouseClick(window.visit_page.problem_button, Qt.MouseButton.LeftButton)
    problems = window.problem_page.list_page
    assert window.pages.currentWidget() is window.problem_page
    assert problems.form.editors["source"].value() == "visit"
    assert problems.form.editors["liaison_point_id"].value() == world["point"]
    fill(problems, "description", "公交班次少")
    fill(problems, "category", "public_service")
    save(qtbot, problems)
    (row,) = rows(db_path, "problem")
    assert (row["source"], row["source_id"], row["liaison_point_id"]) == ("visit", visit["id"], world["point"])
    window.show_section("visit")
    window.visit_page.related.show_for(visit["id"])
    assert window.visit_page.related.models["problem"].rowCount() == 1


def test_help_log_timeline(qtbot: QtBot, window: MainWindow, world: dict[str, str], db_path: Path) -> None:
    pair = window.store.save("help_pair", {"woman_id": world["woman"]})
    page = window.help_pair_page
    page.show_record(pair["id"])
    panel = page.logs
    for day, what in (("2026-10-01", "联系电商培训"), ("2026-11-01", "推荐到合作社就业")):
        panel.form.editors["date"].set_value(day)
        type_text(panel.form.editors["what"].widget, what)
        type_text(panel.form.editors["next_date"].widget, "")
        panel.form.editors["next_date"].set_value("2026-11-25")
        qtbot.waitUntil(panel.save_button.isEnabled)
        qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    logs = rows(db_path, "help_log")
    assert sorted(r["what"] for r in logs) == ["推荐到合作社就业", "联系电商培训"]
    assert all(r["help_pair_id"] == pair["id"] for r in logs)
    assert [panel.model.data(panel.model.index(i, 1)) for i in range(2)] == ["推荐到合作社就业", "联系电商培训"]


def test_related_lists_of_a_liaison_point(window: MainWindow, world: dict[str, str]) -> None:
    store = window.store
    store.save("visit", {"liaison_point_id": world["point"], "method": "interview", "woman_ids": [world["woman"]]})
    store.save("help_pair", {"woman_id": world["woman"]})
    store.save("problem", {"description": "缺岗位", "category": "employment", "liaison_point_id": world["point"]})
    page = window.liaison_point_page
    page.show_record(world["point"])
    counts = {kind: model.rowCount() for kind, model in page.related.models.items()}
    assert counts == {"visit": 1, "woman": 1, "help_pair": 1, "problem": 1}
    woman_page = window.woman_page
    woman_page.show_record(world["woman"])
    assert {k: m.rowCount() for k, m in woman_page.related.models.items()} == {
        "help_pair": 1, "help_log": 0, "visit": 1, "problem": 0,
    }  # fmt: skip


def test_filters_narrow_the_list_in_sql(qtbot: QtBot, window: MainWindow, world: dict[str, str]) -> None:
    store = window.store
    other = store.save("liaison_point", {"name": "李庄村", "kind": "village"})["id"]
    store.save("woman", {"name": "甲", "liaison_point_id": other, "groups": ["migrant"]})
    store.save("woman", {"name": "乙", "liaison_point_id": other, "groups": ["left_behind"]})
    page = window.woman_page
    page.model.reload()
    bar = page.filter_bar
    assert page.model.rowCount() == 3
    bar.point.set_record_id(other)  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    bar.group.setCurrentIndex(bar.group.findData("migrant"))  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.data(page.model.index(0, 0)) == "甲"
    bar.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)


def test_sorting_by_header(window: MainWindow, world: dict[str, str]) -> None:
    store = window.store
    for name in ("丙", "甲", "乙"):
        store.save("woman", {"name": name})
    page = window.woman_page
    page.model.sort(0, Qt.SortOrder.DescendingOrder)
    assert page.model.rowCount() == 4
    names = [page.model.data(page.model.index(r, 0)) for r in range(page.model.rowCount())]
    assert names == sorted(names, reverse=True)


def test_history_dialog_lists_changes(qtbot: QtBot, window: MainWindow, world: dict[str, str]) -> None:
    from desktop_app.ui.dialogs.history import HistoryDialog

    window.store.save("liaison_point", {"region": "通州区"}, world["point"])
    dialog = HistoryDialog(window.store, "liaison_point", world["point"])
    qtbot.addWidget(dialog)
    top = [dialog.tree.topLevelItem(i) for i in range(dialog.tree.topLevelItemCount())]
    assert [item.text(1) for item in top] == ["新建", "修改"]
    change = top[1].child(0)
    assert (change.text(0), change.text(1), change.text(2)) == ("所属地区", "", "通州区")
    assert top[1].text(2) == "王芳（副主席）" and top[1].text(3) == "本机"


def test_after_new_a_click_on_the_row_shown_before_opens_it_again(
    qtbot: QtBot, window: MainWindow, world: dict[str, str]
) -> None:
    page = window.woman_page
    window.show_section("woman")
    page.show_record(world["woman"])
    row = page.model.position_of(world["woman"])
    page.new_record()
    assert page.form.record_id is None
    rect = page.table.visualRect(page.model.index(row, 0))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.form.record_id == world["woman"]


def test_deleting_a_pair_says_beforehand_its_acts_of_help_go_too(
    qtbot: QtBot, window: MainWindow, world: dict[str, str], db_path: Path
) -> None:
    pair = window.store.save("help_pair", {"woman_id": world["woman"]})
    for what in ("联系电商培训", "推荐到合作社就业"):
        window.store.save("help_log", {"help_pair_id": pair["id"], "what": what})
    page = window.help_pair_page
    window.show_section("help_pair")
    page.show_record(pair["id"])
    said: list[str] = []

    def answer_yes() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        said.append(box.text())
        box.button(QMessageBox.StandardButton.Yes).click()

    QTimer.singleShot(50, answer_yes)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert "它的 2 条帮扶记录也一并删除" in said[0]
    assert rows(db_path, "help_log") == [] and len(rows(db_path, "help_log", "deleted = 1")) == 2
