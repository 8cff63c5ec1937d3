from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontInfo, QRawFont
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from desktop_app.core.store import Store
from desktop_app.ui.dialogs.profile import ProfileDialog
from desktop_app.ui.fonts import APP_FONT_FAMILY
from desktop_app.ui.main_window import MainWindow
from tests.unit.ui.typing import type_text

SECTIONS = ["首页", "妇情日记", "走访", "结对帮扶", "联系妇女", "联系点", "问题清单", "实事项目", "调研报告", "联系服务卡", "报表",
            "同步", "妇联组织"]  # fmt: skip


def test_sidebar_lists_every_section_and_opens_on_home(qtbot: QtBot, profiled: Store) -> None:
    profiled.save("diary", {"title": "走访", "body": "记录"})  # a notebook in use, no section left yet
    window = MainWindow(profiled)
    qtbot.addWidget(window)
    labels = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert labels == SECTIONS
    assert window.pages.currentWidget() is window.home_page
    for key in window.section_keys:  # every section is a real page now
        window.show_section(key)
        assert window.pages.currentWidget() is window.page(key)
        assert type(window.page(key)).__name__ != "QWidget"


def test_first_launch_profile_creates_own_cadre(qtbot: QtBot, store: Store) -> None:
    dialog = ProfileDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.save_button.isEnabled()
    type_text(dialog.form.editors["name"].widget, "王芳")
    type_text(dialog.form.editors["org"].widget, "南通市妇女联合会")
    qtbot.keyClicks(dialog.form.editors["mobile"].widget, "1381234")
    qtbot.waitUntil(lambda: dialog.form.error_labels["mobile"].isVisible())
    assert "11位手机号" in dialog.form.error_labels["mobile"].text()
    qtbot.keyClicks(dialog.form.editors["mobile"].widget, "5678")
    qtbot.waitUntil(dialog.save_button.isEnabled)
    assert store.device_id in dialog.findChild(QLabel, "device_id_label").text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert store.own_cadre_id is not None
    assert store.get("cadre", store.own_cadre_id)["mobile"] == "13812345678"


def test_bundled_font_is_the_app_font_and_has_rare_name_characters(app_setup: str) -> None:
    assert app_setup == APP_FONT_FAMILY
    font = QApplication.font()
    assert QFontInfo(font).family() == APP_FONT_FAMILY
    raw = QRawFont.fromFont(font)
    for ch in "妇情日记联系服务卡䶮":
        assert raw.supportsCharacter(ord(ch)), ch


def test_screenshot_of_diary_page_with_chinese(qtbot: QtBot, demo_store: Store, tmp_path: Path) -> None:
    window = MainWindow(demo_store)
    qtbot.addWidget(window)
    window.resize(1180, 760)
    window.show()
    qtbot.waitExposed(window)
    window.diary_page.table.selectRow(0)
    image = window.grab().toImage()
    out = tmp_path / "diary_page.png"
    assert image.save(str(out))
    assert out.stat().st_size > 20_000
    # Text was drawn: a good share of pixels are dark glyph strokes.
    dark = sum(
        1
        for y in range(0, image.height(), 3)
        for x in range(0, image.width(), 3)
        if image.pixelColor(x, y).lightness() < 100
    )
    assert dark > 500
    title = window.diary_page.model.data(window.diary_page.model.index(0, 2))
    raw = QRawFont.fromFont(QApplication.font())
    assert all(raw.supportsCharacter(ord(ch)) for ch in title if not ch.isascii())
