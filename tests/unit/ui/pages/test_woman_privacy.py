"""The woman page's privacy, used with the mouse: ID number and phone masked
until 显示 (each reveal audited), a second registration of an ID number
stopped with a choice, and 删除并清除个人信息 behind a No-by-default question."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.widgets.fields import SensitiveEditor
from tests.unit.ui.pages.test_records import fill

ID_NUMBER = "11010519491231002X"
PHONE = "13800138000"


def answer(box_name: str, object_name: str) -> list[QMessageBox]:
    """In the message box named ``box_name`` when it shows, click the button named
    ``object_name`` (or that standard button)."""
    seen: list[QMessageBox] = []

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or box.objectName() != box_name:
            QTimer.singleShot(20, click)
            return
        seen.append(box)
        button = box.findChild(QPushButton, object_name)
        if button is None:
            button = box.button(QMessageBox.StandardButton[object_name])
        button.click()

    QTimer.singleShot(20, click)
    return seen


def _saved_woman(window: MainWindow) -> str:
    return str(window.store.save("woman", {"name": "李秀英", "id_number": ID_NUMBER, "phone": PHONE})["id"])


def test_id_number_and_phone_masked_and_each_reveal_audited(qtbot: QtBot, window: MainWindow) -> None:
    woman = _saved_woman(window)
    page = window.woman_page
    window.show_section("woman")
    page.show_record(woman)
    id_editor, phone_editor = page.form.editors["id_number"], page.form.editors["phone"]
    assert isinstance(id_editor, SensitiveEditor) and isinstance(phone_editor, SensitiveEditor)
    assert (id_editor.edit.text(), phone_editor.edit.text()) == ("**************002X", "138****8000")
    assert [e.action for e in window.store.history(woman)] == ["create"]
    qtbot.mouseClick(phone_editor.reveal_button, Qt.MouseButton.LeftButton)
    assert phone_editor.edit.text() == PHONE
    reveals = [e for e in window.store.history(woman) if e.action == "reveal"]
    assert [e.changes for e in reveals] == [{"fields": ["phone"]}]
    assert not page.save_button.isEnabled()  # showing is not editing


def test_same_id_number_offers_the_woman_already_registered(qtbot: QtBot, window: MainWindow) -> None:
    first = _saved_woman(window)
    page = window.woman_page
    window.show_section("woman")
    page.new_record()
    fill(page, "name", "李秀英")
    fill(page, "id_number", ID_NUMBER)
    qtbot.waitUntil(page.save_button.isEnabled, timeout=3000)
    seen = answer("duplicate_dialog", "duplicate_open")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert seen and "李秀英" in seen[0].text() and ID_NUMBER not in seen[0].text() and "002X" in seen[0].text()
    assert first not in seen[0].text()  # no internal id for a person to read
    assert page.form.record_id == first and window.store.count("woman") == 1

    page.new_record()
    fill(page, "name", "李秀英")
    fill(page, "id_number", ID_NUMBER)
    qtbot.waitUntil(page.save_button.isEnabled, timeout=3000)
    answer("duplicate_dialog", "duplicate_cancel")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert window.store.count("woman") == 1 and page.form.record_id is None  # still her form, as typed

    answer("duplicate_dialog", "duplicate_save")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert window.store.count("woman") == 2 and page.status.text() == "已保存"


def test_erase_asks_with_no_as_default_then_forgets_her(qtbot: QtBot, window: MainWindow) -> None:
    woman = _saved_woman(window)
    page = window.woman_page
    window.show_section("woman")
    page.show_record(woman)
    # First time: the default (Enter) answer keeps her.
    seen = answer("erase_confirm", "No")
    qtbot.mouseClick(page.erase_button, Qt.MouseButton.LeftButton)
    assert seen[0].defaultButton() is seen[0].button(QMessageBox.StandardButton.No)
    assert window.store.exists("woman", woman)

    answer("erase_confirm", "Yes")
    done = answer("erase_done", "Ok")
    qtbot.mouseClick(page.erase_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(done), timeout=3000)
    assert "已删除并清除个人信息" in done[0].text()
    row = window.store.stored_row("woman", woman)
    assert row is not None and (row["name"], row["id_number"], row["phone"]) == ("", None, None)
    assert page.status.text() == "已删除并清除个人信息" and page.form.record_id is None
