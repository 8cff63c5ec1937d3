from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from desktop_app.core.demo import generate
from desktop_app.core.reports import figures
from desktop_app.core.store import Store
from desktop_app.ui.pages.reports import ReportsPage
from desktop_app.ui.widgets.period_picker import PeriodPicker


def test_builds_each_kind_in_the_background(qtbot: QtBot, profiled: Store, tmp_path: Path) -> None:
    generate.fill(profiled, 150, seed=2, anchor=date(2026, 11, 20))
    page = ReportsPage(profiled)
    qtbot.addWidget(page)
    page.period.set_kind("year")
    page.period.year.setValue(2026)
    for kind, name in (("pdf", "r.pdf"), ("xlsx", "r.xlsx"), ("research", "d.pdf")):
        page.build(kind, tmp_path / name)
        assert page.job is not None
        with qtbot.waitSignal(page.job.finished, timeout=30_000):
            pass
        assert (tmp_path / name).stat().st_size > 1000
        assert name in page.status.text()
    page.build("pdf", tmp_path / "no such folder" / "bad.pdf")
    assert page.job is not None
    with qtbot.waitSignal(page.job.failed, timeout=30_000):
        pass
    assert page.status.text() and "Traceback" not in page.status.text()
    assert all(button.isEnabled() for button in (page.pdf_button, page.xlsx_button, page.research_button))


def test_period_is_chosen_not_typed_and_follows_the_notice(qtbot: QtBot, profiled: Store) -> None:
    page = ReportsPage(profiled)
    qtbot.addWidget(page)
    today = profiled.today()
    page.preset.setCurrentIndex(page.preset.findData("shandong"))
    first = today.month - (today.month + 1) % 2
    assert page.period.current_kind() == "two_months"
    assert page.period.text() == f"{today.year}-{first:02d}/{first + 1:02d}"
    page.preset.setCurrentIndex(page.preset.findData("beijing"))
    assert page.period.text() == f"{today.year}-Q{(today.month - 1) // 3 + 1}"
    for index in range(page.preset.count()):
        page.preset.setCurrentIndex(index)
        figures.parse_period(page.period.text())


def test_every_choice_of_the_picker_is_a_period_the_core_reads(qtbot: QtBot) -> None:
    picker = PeriodPicker(date(2026, 11, 23))
    qtbot.addWidget(picker)
    seen = []
    for kind in range(picker.kind.count()):
        picker.kind.setCurrentIndex(kind)
        for part in range(max(1, picker.part.count())):
            if picker.part.count():
                picker.part.setCurrentIndex(part)
            period = figures.parse_period(picker.text())
            seen.append((period.start, period.end))
    assert len(seen) == 12 + 6 + 4 + 1 == len(set(seen))
    assert figures.parse_period("2026-11/12").start == date(2026, 11, 1)


def test_the_period_by_keyboard(qtbot: QtBot) -> None:
    picker = PeriodPicker(date(2026, 11, 23))
    qtbot.addWidget(picker)
    picker.show()
    qtbot.waitExposed(picker)
    assert picker.text() == "2026-Q4"
    picker.kind.setFocus()
    QTest.keyClick(picker.kind, Qt.Key.Key_Down)  # 季度 → 全年
    assert picker.text() == "2026" and not picker.part.isVisible()
    QTest.keyClick(picker.kind, Qt.Key.Key_Home)  # 月: this month
    assert picker.text() == "2026-11"
    picker.year.setFocus()
    picker.year.selectAll()
    QTest.keyClicks(picker.year, "2025")
    QTest.keyClick(picker.part, Qt.Key.Key_Up)
    assert picker.text() == "2025-10"


def test_every_record_held_here_is_headed_with_the_laptop_s_own_federation(qtbot: QtBot, profiled: Store) -> None:
    own = str(profiled.own_cadre()["org"])  # type: ignore[index]
    profiled.save("cadre", {"name": "外县干部", "org": "哈尔滨市南岗区妇女联合会"})
    page = ReportsPage(profiled)
    qtbot.addWidget(page)
    page.federation.setCurrentIndex(page.federation.findText("哈尔滨市南岗区妇女联合会"))
    page.scope.setCurrentIndex(page.scope.findData("all"))
    assert (page.federation.currentText(), page.federation.isEnabled()) == (own, False)
    page.scope.setCurrentIndex(page.scope.findData("only"))
    assert (page.federation.currentText(), page.federation.isEnabled()) == ("哈尔滨市南岗区妇女联合会", True)
