"""The window comes back where she left it, on a screen that is there; the
app has its icon and desktop name."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRect

from desktop_app.core.store import Store
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.window_state import placed_on_screen
from tests.db_helpers import REPO, cli_env

LAPTOP = QRect(0, 0, 1366, 728)  # available area: the taskbar takes the rest
MONITOR = QRect(1366, 0, 1920, 1040)


def test_a_window_on_a_screen_stays_where_it_is() -> None:
    for frame in (QRect(100, 50, 900, 600), QRect(1500, 100, 1000, 700), QRect(1300, 10, 400, 300)):
        assert placed_on_screen(frame, [LAPTOP, MONITOR]) == frame


def test_a_window_on_a_monitor_that_is_gone_comes_back_on_the_laptop() -> None:
    placed = placed_on_screen(QRect(2000, 100, 1600, 900), [LAPTOP])
    assert LAPTOP.contains(placed) and placed.width() == 1366 and placed.height() == 728


def test_a_title_bar_above_the_screen_or_a_sliver_at_its_edge_is_brought_back() -> None:
    for frame in (QRect(100, -400, 800, 600), QRect(1330, 100, 800, 600), QRect(-780, 100, 800, 600)):
        placed = placed_on_screen(frame, [LAPTOP])
        assert LAPTOP.contains(placed) and placed.size() == frame.size(), frame


def _start(tmp_path: Path, db: Path, screens: list[dict[str, Any]], *place: int) -> dict[str, Any]:
    """The window in an app process of its own, on these screens, with this test's settings folder."""
    config = tmp_path / f"screens-{len(screens)}.json"
    config.write_text(json.dumps({"screens": screens}), encoding="utf-8")
    env = {**cli_env(tmp_path), "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
           "FUQING_SETTINGS_DIR": str(tmp_path / "settings"), "FUQING_LOG_DIR": str(tmp_path / "logs")}  # fmt: skip
    result = subprocess.run(
        [sys.executable, "-m", "tests.unit.ui.window_process", str(db), *map(str, place)],
        env=env, cwd=REPO, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return dict(json.loads(result.stdout.splitlines()[-1]))


def test_the_window_reopens_where_it_was_and_on_the_laptop_once_the_monitor_is_gone(
    tmp_path: Path, profiled: Store
) -> None:
    laptop = {"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768}
    monitor = {"name": "monitor", "x": 1366, "y": 0, "width": 1920, "height": 1080}
    profiled.save("diary", {"title": "走访", "body": "记录"})  # a notebook in use
    profiled.close()
    db = profiled.path
    first = _start(tmp_path, db, [laptop, monitor], 1500, 120, 1200, 800)  # moved to the monitor
    assert first["section"] == "home"  # nothing saved yet: the home page, not the diary
    assert first["icon"] and first["desktop_file_name"] == "fuqing" and first["organization"] == "fuqing"
    assert list((tmp_path / "settings").rglob("*.ini")), "QSettings wrote in the folder FUQING_SETTINGS_DIR names"
    again = _start(tmp_path, db, [laptop, monitor])
    assert again["opened"]["geometry"] == first["placed"]["geometry"] == [1500, 120, 1200, 800]
    assert again["opened"]["split"] == first["placed"]["split"] != first["opened"]["split"]
    assert again["section"] == "visit"  # the section she left
    assert first["placed"]["split"][0] == 600
    unplugged = _start(tmp_path, db, [laptop])
    x, y, w, h = unplugged["opened"]["frame"]
    assert 0 <= x and x + w <= 1366 and 0 <= y and y + h <= 768, unplugged


def test_the_window_has_the_app_s_icon(window: MainWindow) -> None:
    assert not window.windowIcon().isNull() and window.windowIcon().availableSizes()


def test_a_first_start_fits_a_small_laptop_screen() -> None:
    from PySide6.QtCore import QRect, QSize

    from desktop_app.ui.window_state import FRAME_ALLOWANCE, first_size

    laptop = QRect(0, 0, 1366, 738)  # 1366×768 less a 30-pixel task bar
    assert first_size(QSize(1180, 760), laptop) == QSize(1180, 738 - FRAME_ALLOWANCE)
    assert first_size(QSize(1180, 760), QRect(0, 0, 1920, 1040)) == QSize(1180, 760)
