from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop_app.core import backup
from desktop_app.core.store import Store
from desktop_app.ui.dialogs.backups import BackupsDialog
from tests.db_helpers import TEST_PASSWORD


def test_backup_now_to_a_folder_and_restore(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "data.db"
    store = Store(path)
    store.save_profile({"name": "王芳", "org": "妇联"})
    dialog = BackupsDialog(store)
    qtbot.addWidget(dialog)
    made = dialog.make(None)
    assert made is not None and dialog.table.rowCount() == 1 and dialog.table.item(0, 1).text() == "手动"
    usb = tmp_path / "usb"
    usb.mkdir()
    on_usb = dialog.make(usb)
    assert on_usb is not None and on_usb.parent == usb and backup.check_backup(on_usb, TEST_PASSWORD)
    store.save("liaison_point", {"name": "备份后新增", "kind": "village"})
    dialog.table.selectRow(0)
    aside = dialog.restore_now(made)
    assert aside is not None and aside.exists()
    with Store(path) as restored:
        assert restored.count("liaison_point") == 0


def test_restore_refuses_a_bad_file_and_keeps_the_store_open(qtbot: QtBot, profiled: Store, tmp_path: Path) -> None:
    dialog = BackupsDialog(profiled)
    qtbot.addWidget(dialog)
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database")
    assert dialog.restore_now(bad) is None
    assert "不是可恢复的访妇情备份" in dialog.status.text()
    assert profiled.is_open and profiled.count("cadre") == 1
