"""Every page and form fits a laptop screen: at 1366×768 and 1280×720, and the
size a first start opens at on a 1366×768 screen, in Chinese and English, no
form scrolls sideways, every visible label and button lies inside the window,
and no single-line label nor an empty field's hint is cut. Screenshots go to
``bench/out/layout/`` (not committed) for a person to look at."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QLineEdit,
    QScrollArea,
    QTableWidget,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop_app.core.store import Store
from desktop_app.ui import translations, window_state
from desktop_app.ui.main_window import MainWindow

SHOTS = Path(__file__).resolve().parents[3] / "bench" / "out" / "layout"


@pytest.fixture(params=["zh", "en"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    assert translations.install(qapp, request.param)
    yield request.param
    translations.install(qapp, "zh")


def _problems(window: MainWindow, page: QWidget) -> list[str]:
    found = []
    for area in page.findChildren(QScrollArea):
        if area.isVisible() and area.horizontalScrollBar().maximum() > 0:
            found.append(f"scrolls sideways by {area.horizontalScrollBar().maximum()} px")
        viewport = area.viewport()
        if area.isVisible() and area.widget() is not None and area.widget().width() > viewport.width():
            found.append(f"form wider than its panel ({area.widget().width()} > {viewport.width()})")
    for table in page.findChildren(QTableWidget):  # summaries: every column in sight, long names cut
        if table.isVisible() and table.rowCount() and table.horizontalScrollBar().maximum() > 0:
            found.append(
                f"table {table.objectName()} scrolls sideways (by {table.horizontalScrollBar().maximum()} steps)"
            )
    inside = window.rect()
    for edit in page.findChildren(QLineEdit):
        if edit.isVisible() and not edit.text() and edit.placeholderText():
            room = _hint_room(edit)
            needed = edit.fontMetrics().horizontalAdvance(edit.placeholderText())
            if needed > room:
                found.append(f"hint “{edit.placeholderText()[:20]}” cut ({needed} > {room})")
    for widget in page.findChildren(QWidget):
        if not widget.isVisible() or not isinstance(widget, (QLabel, QAbstractButton)):
            continue
        rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
        if rect.left() < 0 or rect.right() > inside.right():
            found.append(f"{type(widget).__name__} “{widget.text()[:20]}” outside the window")
        if isinstance(widget, QLabel) and not widget.wordWrap() and widget.text() and "<" not in widget.text():
            needed = max(widget.fontMetrics().horizontalAdvance(line) for line in widget.text().split("\n"))
            if needed > widget.contentsRect().width() + 1:
                found.append(f"label “{widget.text()[:20]}” cut ({needed} > {widget.contentsRect().width()})")
    return found


def _hint_room(edit: QLineEdit) -> int:
    """The width a line edit draws its placeholder in: from its text margin to its
    first button (a clear button keeps its place while hidden), less Qt's 2 px a side."""
    left = edit.contentsRect().left() + edit.textMargins().left() + 2
    buttons = [b.x() for b in edit.findChildren(QToolButton) if b.isVisibleTo(edit)]
    right = min(buttons) if buttons else edit.contentsRect().right() - edit.textMargins().right()
    return right - left - 2


LONG = "巾帼家政服务技能提升与就业帮扶行动" * 4 + "（含养老护理、育婴、家庭保洁三个方向的岗前培训）"


def _long_names(store: Store) -> None:
    """A project and a federation with names of 80 characters, the longest a form takes."""
    org = str((store.own_cadre() or {})["org"])
    store.save("project", {"name": LONG[:80], "org": org, "target_jobs": 30, "target_people": 100})
    federation = ("某某县" + LONG)[:80]
    store.save("federation", {"name": federation})
    store.save("project", {"name": "春风送岗位", "org": federation, "target_jobs": 30})


FIRST_START = window_state.first_size(QSize(1180, 760), QRect(0, 0, 1366, 768))  # opened with nothing saved


@pytest.mark.parametrize(
    "size",
    [(1366, 768), (1280, 720), (FIRST_START.width(), FIRST_START.height())],
    ids=["1366x768", "1280x720", "first-start"],
)
def test_every_page_fits(qtbot: QtBot, demo_store: Store, language: str, size: tuple[int, int]) -> None:
    _long_names(demo_store)
    window = MainWindow(demo_store)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    SHOTS.mkdir(parents=True, exist_ok=True)
    pages = window.record_pages()
    problems = {}
    for key in window.section_keys:
        window.show_section(key)
        if key in pages:
            pages[key].table.selectRow(0)
        QApplication.processEvents()
        page = window.pages.currentWidget()
        assert page is not None
        window.grab().save(str(SHOTS / f"{language}-{size[0]}x{size[1]}-{key}.png"))
        found = _problems(window, page)
        if found:
            problems[key] = found
    assert problems == {}


def test_the_window_fits_a_1024_pixel_screen(qtbot: QtBot, demo_store: Store, language: str) -> None:
    """No page (in either language) keeps the window wider than a 1024-pixel screen
    less its frame: in English one kept it 1275 pixels wide, its right edge off a 1366 screen."""
    _long_names(demo_store)
    window = MainWindow(demo_store)
    qtbot.addWidget(window)
    window.show()
    widest = {}
    for key in window.section_keys:
        window.show_section(key)
        QApplication.processEvents()
        widest[key] = window.minimumSizeHint().width()
    assert max(widest.values()) <= 1000, widest
