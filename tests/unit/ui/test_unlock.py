"""Opening the data at start, as a cadre does: the password dialog, first run,
the recovery code, and the move from an unencrypted database."""

from __future__ import annotations

import sqlite3 as plain_sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.core import keyfile
from desktop_app.core.demo import generate
from desktop_app.core.engine import is_plain
from desktop_app.core.store import Store
from desktop_app.ui import unlock
from desktop_app.ui.dialogs.password import NewPasswordDialog, RecoveryCodeDialog, UnlockDialog
from tests.db_helpers import TEST_PASSWORD, as_before_encryption

PASSWORD = "Tongzhou Fulian 2026!"


@pytest.fixture(autouse=True)
def no_password_in_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FUQING_PASSWORD")  # as a cadre starts the app: the window asks


def on_dialog(kind: type[QDialog], act: Callable[[QDialog], None]) -> None:
    """Do ``act`` to the next modal dialog of ``kind`` once it shows (exec() blocks the test)."""

    def poll() -> None:
        shown = QApplication.activeModalWidget()
        if isinstance(shown, kind) and shown.isVisible():
            try:
                act(shown)
            except BaseException:
                shown.done(QDialog.DialogCode.Rejected)  # or exec() would wait for ever
                raise
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


def type_into(qtbot: QtBot, field: QWidget, text: str) -> None:
    field.setFocus()
    field.clear()  # type: ignore[attr-defined]
    qtbot.keyClicks(field, text)


def press_ok(qtbot: QtBot, dialog: QDialog) -> None:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def set_password(qtbot: QtBot, then: Callable[[], None] | None = None) -> Callable[[QDialog], None]:
    def act(dialog: QDialog) -> None:
        assert isinstance(dialog, NewPasswordDialog)
        type_into(qtbot, dialog.first, "short")
        press_ok(qtbot, dialog)
        assert "至少要 8 个字符" in dialog.problem.text() and dialog.isVisible()
        type_into(qtbot, dialog.first, PASSWORD)
        type_into(qtbot, dialog.second, PASSWORD + "x")
        press_ok(qtbot, dialog)
        assert "不一样" in dialog.problem.text() and dialog.isVisible()
        type_into(qtbot, dialog.second, PASSWORD)
        if then:
            then()
        press_ok(qtbot, dialog)

    return act


def write_down_code(qtbot: QtBot, seen: list[str]) -> Callable[[QDialog], None]:
    def act(dialog: QDialog) -> None:
        assert isinstance(dialog, RecoveryCodeDialog)
        assert not dialog.ok.isEnabled()  # not before she says she wrote it down
        dialog.reject()  # Esc: the only showing of the code is not lost
        assert dialog.isVisible()
        seen.append(dialog.code.text())
        qtbot.mouseClick(dialog.written, Qt.MouseButton.LeftButton, pos=QPoint(8, dialog.written.height() // 2))
        assert dialog.ok.isEnabled()
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)

    return act


def test_first_run_sets_a_password_and_shows_the_recovery_code_once(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "fuqing.db"
    codes: list[str] = []
    on_dialog(
        NewPasswordDialog,
        set_password(qtbot, then=lambda: on_dialog(RecoveryCodeDialog, write_down_code(qtbot, codes))),
    )
    store = unlock.open_store(path)
    assert store is not None
    store.close()
    assert not is_plain(path) and len(codes) == 1
    assert keyfile.unlock(path, PASSWORD) == keyfile.unlock(path, codes[0])
    with pytest.raises(keyfile.WrongPassword):
        keyfile.unlock(path, TEST_PASSWORD)


def test_a_wrong_password_is_refused_in_chinese_and_changes_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "fuqing.db"
    with Store(path, secret=PASSWORD) as store:
        store.save_profile({"name": "王芳", "org": "妇联"})
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    dialog = UnlockDialog(path)
    qtbot.addWidget(dialog)
    dialog.show()
    type_into(qtbot, dialog.secret, "wangfang0101")
    press_ok(qtbot, dialog)
    assert dialog.store is None and dialog.isVisible()
    assert dialog.problem.text() == "口令或恢复码不对，数据未打开，也未做任何改动"
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()} == before
    type_into(qtbot, dialog.secret, PASSWORD)
    qtbot.keyClick(dialog.secret, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.store is not None
    assert dialog.store.own_cadre()["name"] == "王芳"  # type: ignore[index]
    dialog.store.close()


def test_forgotten_password_the_recovery_code_opens_and_a_new_password_is_set(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "fuqing.db"
    with Store(path, secret=PASSWORD) as store:
        code = store.recovery_code
        store.save("liaison_point", {"name": "王家村", "kind": "village"})
    assert code is not None
    new_codes: list[str] = []

    def forgot(dialog: QDialog) -> None:
        assert isinstance(dialog, UnlockDialog)
        qtbot.mouseClick(dialog.forgot, Qt.MouseButton.LeftButton)
        assert dialog.back.isVisible() and not dialog.forgot.isVisible()
        qtbot.mouseClick(dialog.back, Qt.MouseButton.LeftButton)  # she changed her mind, then not
        assert dialog.secret.echoMode() == QLineEdit.EchoMode.Password and dialog.forgot.isVisible()
        qtbot.mouseClick(dialog.forgot, Qt.MouseButton.LeftButton)
        type_into(qtbot, dialog.secret, code.lower().replace("-", " "))  # as read off the paper
        on_dialog(
            NewPasswordDialog,
            set_password(qtbot, then=lambda: on_dialog(RecoveryCodeDialog, write_down_code(qtbot, new_codes))),
        )
        press_ok(qtbot, dialog)

    on_dialog(UnlockDialog, forgot)
    store = unlock.open_store(path)
    assert store is not None and store.count("liaison_point") == 1
    store.close()
    assert keyfile.unlock(path, PASSWORD)
    with pytest.raises(keyfile.WrongPassword):  # the used code is replaced by the new one
        keyfile.unlock(path, code)
    assert keyfile.unlock(path, new_codes[0])


def test_a_database_from_before_encryption_is_encrypted_with_every_record_kept(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "fuqing.db"
    with Store(path, secret=TEST_PASSWORD) as store:
        generate.fill(store, 300, seed=4)
        counts = store.counts()
        woman = store.conn.execute("SELECT id, name, id_number FROM woman LIMIT 1").fetchone()
    as_before_encryption(path)
    assert plain_sqlite3.connect(path).execute("SELECT count(*) FROM woman").fetchone()[0] == counts["woman"]
    codes: list[str] = []
    told: list[str] = []

    def after_password() -> None:
        on_dialog(QMessageBox, lambda box: (told.append(box.text()), box.accept()))  # type: ignore[func-returns-value]
        on_dialog(RecoveryCodeDialog, write_down_code(qtbot, codes))

    on_dialog(NewPasswordDialog, set_password(qtbot, then=after_password))
    store = unlock.open_store(path)
    assert store is not None
    try:
        assert store.counts() == counts and store.check() == []
        assert store.get("woman", woman["id"])["id_number"] == woman["id_number"]
    finally:
        store.close()
    assert not is_plain(path) and len(codes) == 1
    assert len(told) == 1 and "数据已加密保存，所有记录都在" in told[0] and "backups" in told[0]
    with pytest.raises(plain_sqlite3.DatabaseError):
        plain_sqlite3.connect(path).execute("SELECT count(*) FROM woman").fetchone()
    backups = list((tmp_path / "backups").glob("*.db"))
    assert backups and not any(is_plain(b) for b in backups)  # the backup first, and encrypted too
