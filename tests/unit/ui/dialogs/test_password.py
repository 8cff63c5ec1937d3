"""数据口令与恢复码 from the menu: the current password first, then the new one or a new code."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from desktop_app.core import keyfile
from desktop_app.core.store import Store
from desktop_app.ui.dialogs.password import ChangePasswordDialog
from tests.db_helpers import TEST_PASSWORD


def fill(qtbot: QtBot, dialog: ChangePasswordDialog, current: str, new: str, again: str) -> None:
    for field, text in ((dialog.current, current), (dialog.first, new), (dialog.second, again)):
        field.clear()
        qtbot.keyClicks(field, text)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)  # type: ignore[union-attr]
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def test_change_password_needs_the_current_one_and_the_new_one_twice(qtbot: QtBot, store: Store) -> None:
    keys_before = keyfile.keyfile_path(store.path).read_bytes()
    dialog = ChangePasswordDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    fill(qtbot, dialog, "not-the-password", "brand new 2026", "brand new 2026")
    assert dialog.problem.text() == "现在的口令不对，没有做任何修改" and dialog.isVisible()
    fill(qtbot, dialog, TEST_PASSWORD, "brand new 2026", "brand new 2027")
    assert dialog.problem.text() == "两次输入的口令不一样"
    assert keyfile.keyfile_path(store.path).read_bytes() == keys_before
    fill(qtbot, dialog, TEST_PASSWORD, "brand new 2026", "brand new 2026")
    assert not dialog.isVisible()
    assert keyfile.unlock(store.path, "brand new 2026") == store.key
    with pytest.raises(keyfile.WrongPassword):
        keyfile.unlock(store.path, TEST_PASSWORD)


def test_the_password_changes_but_the_data_and_its_backups_keep_their_key(store: Store, tmp_path: Path) -> None:
    from desktop_app.core import backup

    store.save("liaison_point", {"name": "王家村", "kind": "village"})
    copy = backup.make_backup(store, "manual")
    store.set_password("brand new 2026")
    path = store.path
    store.close()
    backup.restore(path, copy, "brand new 2026")  # the current password opens the older backup here
    with Store(path, secret="brand new 2026") as reopened:  # and the restored data, its key file kept
        assert reopened.count("liaison_point") == 1


def test_the_recovery_code_leaves_the_clipboard_when_the_dialog_closes(qtbot: QtBot) -> None:
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QPushButton

    from desktop_app.ui.dialogs.password import RecoveryCodeDialog

    dialog = RecoveryCodeDialog("ABCDE-FGHJK-LMNPQ-RSTUV-WXYZ2")
    qtbot.addWidget(dialog)
    dialog.show()
    copy = next(b for b in dialog.findChildren(QPushButton) if b.text() == "复制")
    qtbot.mouseClick(copy, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "ABCDE-FGHJK-LMNPQ-RSTUV-WXYZ2" and copy.text() == "已复制"
    qtbot.mouseClick(dialog.written, Qt.MouseButton.LeftButton, pos=QPoint(8, dialog.written.height() // 2))
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and QGuiApplication.clipboard().text() == ""
