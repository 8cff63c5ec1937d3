"""Create, edit, search and delete a diary through the widgets; check the database."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from desktop_app.core.store import Store
from desktop_app.ui.pages.records import DiaryPage
from tests.db_helpers import raw
from tests.unit.ui.typing import type_text


def _page(qtbot: QtBot, store: Store) -> DiaryPage:
    page = DiaryPage(store)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.count_label.text() != "")
    return page


def _type(qtbot: QtBot, page: DiaryPage, field: str, text: str) -> None:
    widget = page.form.editors[field].widget
    widget.setFocus()
    if hasattr(widget, "selectAll"):
        widget.selectAll()
    type_text(widget, text)


def _rows(db_path: Path, where: str = "deleted = 0") -> list[dict]:
    return list(Database(raw(db_path))["diary"].rows_where(where))


def test_create_diary_through_widgets(qtbot: QtBot, profiled: Store, db_path: Path) -> None:
    page = _page(qtbot, profiled)
    assert not page.save_button.isEnabled()
    _type(qtbot, page, "title", "走访王家村留守妇女")
    _type(qtbot, page, "body", "她希望学习电商技术，把草莓卖到网上。")
    _type(qtbot, page, "tags", "留守、电商")
    qtbot.waitUntil(page.save_button.isEnabled)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    rows = _rows(db_path)
    assert len(rows) == 1
    assert rows[0]["title"] == "走访王家村留守妇女"
    assert rows[0]["author_id"] == profiled.own_cadre_id
    assert rows[0]["tags"] == '["留守", "电商"]'
    assert page.model.rowCount() == 1
    assert page.form.record_id == rows[0]["id"]
    assert page.status.text() == "已保存"


def test_validation_message_beside_field_and_save_disabled(qtbot: QtBot, profiled: Store) -> None:
    page = _page(qtbot, profiled)
    _type(qtbot, page, "title", "x")
    _type(qtbot, page, "body", "正文")
    qtbot.waitUntil(page.save_button.isEnabled)
    page.form.editors["title"].widget.clear()
    error = page.form.error_labels["title"]
    qtbot.waitUntil(error.isVisible)
    assert error.text() == "标题不能为空"
    assert not page.save_button.isEnabled()


def test_edit_selected_diary(qtbot: QtBot, profiled: Store, db_path: Path) -> None:
    first = profiled.save("diary", {"title": "旧标题", "body": "正文"})
    page = _page(qtbot, profiled)
    page.table.selectRow(0)
    assert page.form.record_id == first["id"]
    assert page.form.editors["title"].widget.text() == "旧标题"
    _type(qtbot, page, "title", "新标题")
    qtbot.waitUntil(page.save_button.isEnabled)
    qtbot.keyClick(page.form.editors["title"].widget, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _rows(db_path)[0]["title"] == "新标题")
    assert profiled.history(first["id"])[-1].changes == {"title": ["旧标题", "新标题"]}


def test_search_as_you_type(qtbot: QtBot, profiled: Store) -> None:
    profiled.save("diary", {"title": "电商培训", "body": "报名十人"})
    profiled.save("diary", {"title": "两癌筛查", "body": "宣传进村"})
    page = _page(qtbot, profiled)
    assert page.model.rowCount() == 2
    type_text(page.search, "筛")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.data(page.model.index(0, 2)) == "两癌筛查"
    assert page.count_label.text() == "共 1 条"
    page.search.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)


def test_delete_asks_then_leaves_tombstone(qtbot: QtBot, profiled: Store, db_path: Path) -> None:
    record = profiled.save("diary", {"title": "要删除的", "body": "正文"})
    page = _page(qtbot, profiled)
    page.table.selectRow(0)

    def answer_yes() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox) and "要删除的" in box.text()
        box.button(QMessageBox.StandardButton.Yes).click()

    QTimer.singleShot(50, answer_yes)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert _rows(db_path) == []
    assert [row["id"] for row in _rows(db_path, "deleted = 1")] == [record["id"]]
    assert page.model.rowCount() == 0


def test_typing_is_kept_as_a_draft_and_restored_after_restart(qtbot: QtBot, profiled: Store, db_path: Path) -> None:
    page = _page(qtbot, profiled)
    _type(qtbot, page, "title", "还没保存的标题")
    _type(qtbot, page, "body", "停电前写下的内容")
    qtbot.waitUntil(lambda: "草稿已自动保存" in page.status.text(), timeout=3000)
    page.close()
    # A second connection, as after a crash and restart.
    with Store(db_path) as reopened:
        again = _page(qtbot, reopened)
        pending = again.pending_drafts()
        assert len(pending) == 1 and pending[0].data["body"] == "停电前写下的内容"
        again.restore_draft(pending[0])
        assert again.form.editors["title"].widget.text() == "还没保存的标题"
        assert again.save_button.isEnabled()
        qtbot.mouseClick(again.save_button, Qt.MouseButton.LeftButton)
        assert again.pending_drafts() == []
        again.close()
    assert _rows(db_path)[0]["body"] == "停电前写下的内容"


def test_link_women_concerned(qtbot: QtBot, profiled: Store, db_path: Path) -> None:
    point = profiled.save("liaison_point", {"name": "王家村", "kind": "village"})
    woman = profiled.save("woman", {"name": "李秀英", "liaison_point_id": point["id"]})
    page = _page(qtbot, profiled)
    _type(qtbot, page, "title", "t")
    _type(qtbot, page, "body", "b")
    links = page.form.editors["woman_ids"].widget
    links.picker.set_record_id(woman["id"])
    qtbot.mouseClick(links.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.save_button.isEnabled)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    saved = profiled.get("diary", _rows(db_path)[0]["id"])
    assert saved["woman_ids"] == [woman["id"]]


def test_keyboard_new_find_and_escape(qtbot: QtBot, profiled: Store) -> None:
    record = profiled.save("diary", {"title": "原标题", "body": "正文"})
    page = _page(qtbot, profiled)
    page.table.selectRow(0)
    assert page.form.record_id == record["id"]
    _type(qtbot, page, "title", "改过的")
    assert page.form.editors["title"].widget.text() == "改过的"
    qtbot.keyClick(page.form.editors["title"].widget, Qt.Key.Key_Escape)  # Esc: back to the stored text
    assert page.form.editors["title"].widget.text() == "原标题"
    qtbot.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search.hasFocus()
    qtbot.keyClick(page.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.form.record_id is None and page.editor_title.text() == "新建妇情日记"


def test_search_results_follow_the_order_the_header_shows(qtbot: QtBot, profiled: Store) -> None:
    # Entered out of date order: entry order and date order differ.
    for title, day in (
        ("培训一", "2026-03-01"),
        ("培训二", "2026-01-15"),
        ("培训三", "2026-02-10"),
        ("其他", "2026-04-01"),
    ):
        profiled.save("diary", {"title": title, "body": "记录", "date": day})
    page = _page(qtbot, profiled)
    header = page.table.horizontalHeader()
    date_column = [c.key for c in page.model.spec.columns].index("date")
    titles = lambda: [page.model.data(page.model.index(row, 2)) for row in range(page.model.rowCount())]  # noqa: E731
    assert header.sortIndicatorSection() == date_column and titles()[0] == "其他"
    type_text(page.search, "培训")
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    assert header.sortIndicatorSection() == -1  # no column claims an order the rows are not in
    assert "录入先后" in header.toolTip()
    assert titles() == ["培训三", "培训二", "培训一"]  # newest entry first
    x = header.sectionViewportPosition(date_column) + header.sectionSize(date_column) // 2
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    qtbot.waitUntil(lambda: header.sortIndicatorSection() == date_column)
    by_date = ["培训二", "培训三", "培训一"]
    expected = by_date if header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder else by_date[::-1]
    assert titles() == expected
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    assert titles() == expected[::-1]
    page.search.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 4)
    assert header.sortIndicatorSection() == date_column and header.toolTip() == ""
