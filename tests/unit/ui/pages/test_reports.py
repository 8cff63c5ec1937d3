from __future__ import annotations

from datetime import date
from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop_app.core.demo import generate
from desktop_app.core.store import Store
from desktop_app.ui.pages.reports import ReportsPage


def test_builds_each_kind_in_the_background(qtbot: QtBot, profiled: Store, tmp_path: Path) -> None:
    generate.fill(profiled, 150, seed=2, anchor=date(2026, 11, 20))
    page = ReportsPage(profiled)
    qtbot.addWidget(page)
    page.period.setText("2026")
    for kind, name in (("pdf", "r.pdf"), ("xlsx", "r.xlsx"), ("research", "d.pdf")):
        page.build(kind, tmp_path / name)
        assert page.job is not None
        with qtbot.waitSignal(page.job.finished, timeout=30_000):
            pass
        assert (tmp_path / name).stat().st_size > 1000
        assert name in page.status.text()
    page.period.setText("2026-13")
    page.build("pdf", tmp_path / "bad.pdf")
    assert page.job is not None
    with qtbot.waitSignal(page.job.failed, timeout=30_000):
        pass
    assert "2026-Q3" in page.status.text() and not (tmp_path / "bad.pdf").exists()
