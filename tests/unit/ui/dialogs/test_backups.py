from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop_app.core import backup
from desktop_app.core.store import Store
from desktop_app.ui.dialogs.backups import BackupsDialog
from tests.db_helpers import TEST_PASSWORD


def _made(qtbot: QtBot, dialog: BackupsDialog, folder: Path | None) -> Path:
    """Back up as the button does (in the background), watching the bar move."""
    job = dialog.make(folder)
    assert not dialog.progress.isHidden() and not dialog.backup_now.isEnabled()
    seen: list[tuple[int, int]] = []
    job.progress.connect(lambda done, total, _name: seen.append((done, total)))
    with qtbot.waitSignal(job.finished, timeout=20_000) as finished:
        pass
    assert seen and seen[-1][0] == seen[-1][1] > 0  # pages copied of all the pages
    assert dialog.progress.isHidden() and dialog.backup_now.isEnabled()
    out = finished.args[0]
    assert isinstance(out, Path)
    return out


def test_backup_now_to_a_folder_and_restore(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "data.db"
    store = Store(path)
    store.save_profile({"name": "王芳", "org": "妇联"})
    dialog = BackupsDialog(store)
    qtbot.addWidget(dialog)
    made = _made(qtbot, dialog, None)
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 1).text() == "手动"
    assert str(made) in dialog.status.text() and not dialog.saved_file.isHidden()
    usb = tmp_path / "usb"
    usb.mkdir()
    on_usb = _made(qtbot, dialog, usb)
    assert on_usb.parent == usb and backup.check_backup(on_usb, TEST_PASSWORD)
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
