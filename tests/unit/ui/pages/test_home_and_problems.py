from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop_app.core import problems, quotas
from desktop_app.ui.main_window import MainWindow


def _cells(table, row: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [table.item(row, c).text() for c in range(table.columnCount())]


def test_dashboard_shows_follow_ups_days_and_quota(qtbot: QtBot, window: MainWindow) -> None:
    store = window.store
    me = str(store.own_cadre_id)
    point = store.save("liaison_point", {"name": "王家村", "kind": "village", "cadre_ids": [me]})["id"]
    woman = store.save("woman", {"name": "李秀英", "liaison_point_id": point})["id"]
    pair = store.save("help_pair", {"woman_id": woman})["id"]
    store.save("help_log", {"help_pair_id": pair, "date": "2026-11-01", "what": "培训", "next_date": "2026-11-10",
                            "next_step": "电话回访"})  # fmt: skip
    store.save("problem", {"description": "托管难", "category": "children_education", "responsible": "王芳",
                           "deadline": "2026-11-25"})  # fmt: skip
    store.save("visit", {"liaison_point_id": point, "method": "stay", "start_date": "2026-03-01",
                         "end_date": "2026-03-03"})  # fmt: skip
    quotas.choose_preset(store, "shandong")
    window.show_section("home")
    home = window.home_page
    assert home.followups.rowCount() == 2
    assert _cells(home.followups, 0) == ["2026-11-10", "帮扶回访", "李秀英", "电话回访"]  # overdue on 11-20
    assert _cells(home.followups, 1) == ["2026-11-25", "问题时限", "托管难", "王芳"]
    assert "逾期 1 项" in home.followup_summary.text()
    assert home.days_label.text() == "2026 年已下基层 3 天"
    rows = {_cells(home.quota_table, r)[0]: _cells(home.quota_table, r)[1:] for r in range(home.quota_table.rowCount())}
    assert rows["联系点"] == ["1", "1", "已完成"]
    assert rows["一对一帮扶妇女"] == ["1", "1", "已完成"]
    assert rows["新型实体"] == ["1", "0", "未完成"]
    home.preset.setCurrentIndex(home.preset.findData("harbin"))
    assert quotas.chosen_preset(store) == "harbin"
    assert _cells(home.quota_table, 0) == ["全年下基层天数", "60", "3", "不适用"]


def test_responsibility_and_warning_tabs(qtbot: QtBot, window: MainWindow) -> None:
    store = window.store
    points = [store.save("liaison_point", {"name": f"村{i}", "kind": "village"})["id"] for i in range(3)]
    for i, point in enumerate(points):
        store.save("problem", {"description": f"缺岗位{i}", "category": "employment", "liaison_point_id": point,
                               "raised_date": f"2026-10-0{i + 1}", "deadline": f"2026-11-1{i}",
                               "responsible": "王芳"})  # fmt: skip
    page = window.problem_page
    window.show_section("problem")
    page.tabs.setCurrentWidget(page.responsibility)
    table = page.responsibility.table
    assert table.rowCount() == 3
    assert _cells(table, 0)[:3] == ["2026-11-10", "-10", "王芳"]
    assert "逾期 3 个" in page.responsibility.summary.text()
    page.tabs.setCurrentWidget(page.warnings)
    assert page.warnings.table.rowCount() == 1
    assert _cells(page.warnings.table, 0)[:5] == ["就业创业", "3", "2026-10-01", "2026-10-03", "3"]
    page.warnings.min_points.setValue(4)
    assert problems.rule(store)["min_points"] == 4
    assert page.warnings.table.rowCount() == 0
    # Double-click in the responsibility list opens the problem in the list tab.
    page.tabs.setCurrentWidget(page.responsibility)
    page.responsibility.table.cellDoubleClicked.emit(0, 0)
    assert page.tabs.currentWidget() is page.list_page
    assert page.list_page.form.editors["description"].value() == "缺岗位0"
