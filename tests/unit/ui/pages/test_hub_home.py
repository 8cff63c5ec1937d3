"""A county hub's home page after three cadres' bundles arrived: who sent what,
per federation, waiting work, and every cadre's quota progress, on screen
(no command line needed)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop_app.core import hub_summary
from desktop_app.ui.main_window import MainWindow
from tests.sync_helpers import World, laptop, make_world


@pytest.fixture
def county(tmp_path: Path) -> Iterator[World]:
    world = make_world(tmp_path)
    files = (tmp_path / "hub.identity", tmp_path / "hub.key")
    third = laptop(tmp_path, "c", files, {"name": "赵敏", "org": "石港镇妇联", "mobile": "13833333333"})
    world.hub.trust(third, role="cadre")
    for replica, title in ((world.a, "王家村走访"), (world.b, "李家村座谈"), (third, "石港镇调研")):
        replica.store.save("diary", {"title": title, "body": "……"})
        world.send(replica, world.hub)
    try:
        yield world
    finally:
        third.close()
        world.close()


def _column(table: object, column: int) -> list[str]:
    return [table.item(row, column).text() for row in range(table.rowCount())]  # type: ignore[attr-defined]


def test_the_hub_home_shows_what_arrived_from_whom(qtbot: QtBot, county: World) -> None:
    assert hub_summary.is_hub(county.hub.store) and not hub_summary.is_hub(county.a.store)
    window = MainWindow(county.hub.store)
    qtbot.addWidget(window)
    window.show()
    window.show_section("home")
    home = window.home_page
    qtbot.waitUntil(home.hub.isVisible, timeout=3000)
    qtbot.waitUntil(lambda: home.hub.arrivals.rowCount() == 3, timeout=5000)  # counted off the UI thread
    names = _column(home.hub.arrivals, 0)
    assert len(names) == 3 and {n.split(" · ")[0] for n in names} == {"王芳", "李娟", "赵敏"}
    assert all(n != "0" for n in _column(home.hub.arrivals, 4))  # rows received from each
    assert all(t for t in _column(home.hub.arrivals, 2))  # when, in local time
    per_laptop = sum(int(n.replace(",", "")) for n in _column(home.hub.arrivals, 4))
    assert per_laptop >= 3 and sum(int(n.replace(",", "")) for n in _column(home.hub.federations, 3)) == per_laptop
    assert {"王芳", "李娟", "赵敏"} == set(_column(home.hub.quotas, 0))  # not the operator herself
    assert set(_column(home.hub.federations, 0)) == {"通州区妇联", "石港镇妇联"}  # from the cadres' profiles
    assert "待批准的电脑 0 台" in home.hub.waiting.text()
    assert "fuqing" not in home.team_summary.text()
    cadre_window = MainWindow(county.a.store)
    qtbot.addWidget(cadre_window)
    cadre_window.show()
    cadre_window.show_section("home")
    assert not cadre_window.home_page.hub.isVisible()
    window.close()  # waits for the panel's count, which has a connection of its own


def test_a_real_first_start_shows_a_short_guide_until_something_is_recorded(qtbot: QtBot, profiled: object) -> None:
    from desktop_app.core.store import Store

    assert isinstance(profiled, Store)
    window = MainWindow(profiled)
    qtbot.addWidget(window)
    window.show()
    home = window.home_page
    assert window.pages.currentWidget() is home  # a first start opens on the guide, without a click
    qtbot.waitUntil(home.guide.isVisible, timeout=3000)
    assert "联系点" in home.guide.text() and "同步" in home.guide.text()
    assert "演示数据" not in window.windowTitle()
    profiled.save("liaison_point", {"name": "王家村", "kind": "village"})
    qtbot.waitUntil(lambda: not home.guide.isVisible(), timeout=3000)
