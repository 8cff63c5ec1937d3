from __future__ import annotations

import sqlite3 as plain_sqlite3  # the standard library's: what an older version wrote, and what a finder has
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from desktop_app.core import backup, keyfile, migrations
from desktop_app.core.demo import generate
from desktop_app.core.engine import is_plain
from desktop_app.core.errors import FuqingError
from desktop_app.core.instance_lock import InstanceLock, InUse
from desktop_app.core.store import Store
from tests.db_helpers import TEST_PASSWORD, raw


def test_backup_while_in_use_and_restore_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "live.db"
    with Store(path) as store:
        generate.fill(store, 2000, seed=3, anchor=date(2026, 11, 20))
        before = store.counts()
        copy = backup.make_backup(store, "manual")  # the app's connection stays open
        store.save("liaison_point", {"name": "备份之后新增", "kind": "village"})
        assert store.counts()["liaison_point"] == before["liaison_point"] + 1
    assert backup.check_backup(copy, TEST_PASSWORD)[0] == migrations.LATEST
    aside = backup.restore(path, copy, TEST_PASSWORD)
    with Store(path) as restored:
        assert restored.counts() == before
        assert restored.check() == []
    with Store(aside) as kept:
        assert kept.counts()["liaison_point"] == before["liaison_point"] + 1


def test_a_backup_is_encrypted_private_and_opens_with_the_password_or_code_only(tmp_path: Path) -> None:
    path = tmp_path / "live.db"
    with Store(path, secret=TEST_PASSWORD) as store:
        code = store.recovery_code
        store.save_profile({"name": "王芳", "org": "妇联"})
        usb = tmp_path / "usb"
        usb.mkdir()
        copy = backup.make_backup(store, "manual", usb)
    assert not is_plain(copy) and keyfile.keyfile_path(copy).exists()
    assert copy.stat().st_mode & 0o777 == 0o600 and keyfile.keyfile_path(copy).stat().st_mode & 0o777 == 0o600
    with pytest.raises(plain_sqlite3.DatabaseError):
        plain_sqlite3.connect(copy).execute("SELECT count(*) FROM sqlite_master").fetchone()
    with pytest.raises(keyfile.WrongPassword):
        backup.check_backup(copy, "not the password")
    assert code is not None
    assert backup.check_backup(copy, code.lower())[0] == migrations.LATEST  # typed from paper, any case


def test_restore_refuses_corrupt_and_newer_files_and_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "live.db"
    with Store(path) as store:
        store.save_profile({"name": "王芳", "org": "妇联"})
    original = path.read_bytes()
    corrupt = tmp_path / "corrupt.db"
    corrupt.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100 + b"garbage" * 1000)
    with pytest.raises(FuqingError) as info:
        backup.restore(path, corrupt, TEST_PASSWORD)
    assert "不是可恢复的访妇情备份" in str(info.value)
    noise = tmp_path / "noise.db"
    noise.write_bytes(b"\x93" * 8192)
    with pytest.raises(FuqingError) as info:
        backup.restore(path, noise, TEST_PASSWORD)
    assert "不是可恢复的访妇情备份" in str(info.value)
    newer = tmp_path / "newer.db"
    conn = plain_sqlite3.connect(newer)
    conn.execute("CREATE TABLE meta (key, value)")
    conn.execute(f"PRAGMA user_version = {migrations.LATEST + 1}")
    conn.commit()
    conn.close()
    with pytest.raises(FuqingError) as info:
        backup.restore(path, newer, TEST_PASSWORD)
    assert "更新版本" in str(info.value)
    assert path.read_bytes() == original
    assert not list(tmp_path.glob("*.before-restore-*"))


def test_restore_is_refused_while_the_app_has_the_database_open(tmp_path: Path) -> None:
    """Data loss before: restore deleted the WAL under the running window, whose next saves were lost."""
    path = tmp_path / "live.db"
    with Store(path) as store:
        store.save_profile({"name": "王芳", "org": "妇联"})
        copy = backup.make_backup(store, "manual")
    other_process = [
        "import sys, time; from desktop_app.core.instance_lock import InstanceLock",
        f"lock = InstanceLock({str(path)!r}); assert lock.acquire(); print('held', flush=True); time.sleep(60)",
    ]
    import subprocess
    import sys

    window = subprocess.Popen([sys.executable, "-c", "\n".join(other_process)], stdout=subprocess.PIPE, text=True)
    try:
        assert window.stdout is not None and window.stdout.readline().strip() == "held"
        before = path.read_bytes()
        with pytest.raises(InUse) as info:
            backup.restore(path, copy, TEST_PASSWORD)
        assert "请先关闭访妇情窗口" in str(info.value)
        assert path.read_bytes() == before and not list(tmp_path.glob("*.before-restore-*"))
    finally:
        window.kill()
        window.wait()
    backup.restore(path, copy, TEST_PASSWORD)  # the window closed: now it may


def test_the_window_may_restore_from_its_own_dialog(tmp_path: Path) -> None:
    path = tmp_path / "live.db"
    with Store(path) as store:
        copy = backup.make_backup(store, "manual")
    with InstanceLock(path):  # held by this process, as the window holds it
        assert backup.restore(path, copy, TEST_PASSWORD).exists()


def test_rotation_keeps_7_daily_4_weekly_and_every_pre_migration(tmp_path: Path) -> None:
    directory = tmp_path / "backups"
    directory.mkdir()
    db = tmp_path / "fuqing.db"
    start = datetime(2026, 1, 1, 9, 0, 0)
    for day in range(60):  # a daily backup every day for 60 days, two on some days
        for extra in (0, 5) if day % 10 == 0 else (0,):
            taken = start + timedelta(days=day, minutes=extra)
            (directory / f"fuqing-daily-{taken:%Y%m%d-%H%M%S}.db").write_bytes(b"x")
    for n in range(3):
        (directory / f"fuqing-pre-migration-202601{n + 1:02d}-080000.db").write_bytes(b"x")
    for n in range(15):
        (directory / f"fuqing-pre-import-20260201-{n:02d}0000.db").write_bytes(b"x")
    backup.rotate(directory, db)
    kept = backup.list_backups(directory, db)
    daily = [b for b in kept if b.kind == "daily"]
    # Newest first: the 7 last days (one each), then one per ISO week for 4 older weeks.
    assert len(daily) == 11
    assert len({b.taken.date() for b in daily[:7]}) == 7
    assert daily[0].taken.date() == (start + timedelta(days=59)).date()
    older_weeks = {b.taken.isocalendar()[:2] for b in daily[7:]}
    assert len(older_weeks) == 4
    assert len([b for b in kept if b.kind == "pre-migration"]) == 3
    assert len([b for b in kept if b.kind == "pre-import"]) == 10


def test_two_databases_in_one_folder_keep_their_backups_apart(tmp_path: Path) -> None:
    """Data loss before: each listed (and rotated away) the other's backups."""
    first, second = tmp_path / "fuqing.db", tmp_path / "fuqing-hub.db"
    with Store(first) as store:
        for day in range(12):
            backup.make_backup(store, "manual", now=datetime(2026, 11, 1) + timedelta(hours=day))
    with Store(second) as store:
        for day in range(12):
            backup.make_backup(store, "manual", now=datetime(2026, 11, 2) + timedelta(hours=day))
    directory = backup.backups_dir(first)
    assert len(backup.list_backups(directory, first)) == 10 == len(backup.list_backups(directory, second))
    assert all(b.path.name.startswith("fuqing-manual-") for b in backup.list_backups(directory, first))
    assert all(b.path.name.startswith("fuqing-hub-manual-") for b in backup.list_backups(directory, second))


def test_a_hub_importing_every_day_still_makes_its_daily_backup(tmp_path: Path) -> None:
    """Data loss before: the newest backup of any kind counted, so a hub's daily imports
    meant no daily backup, and the rotation kept only the last few days."""
    path = tmp_path / "hub.db"
    start = datetime(2026, 11, 1, 9)
    with Store(path) as store:
        for day in range(30):
            now = start + timedelta(days=day)
            if backup.needs_daily(path, now):
                backup.make_backup(store, "daily", now=now)
            for hour in range(3):  # imports during the day
                backup.make_backup(store, "pre-import", now=now + timedelta(hours=1 + hour))
    kept = backup.list_backups(backup.backups_dir(path), path)
    daily = [b for b in kept if b.kind == "daily"]
    assert len(daily) == 11  # 7 days and 4 older weeks
    assert (start + timedelta(days=29)) - daily[-1].taken >= timedelta(days=21)


def test_pre_migration_and_pre_import_backups_are_made(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = plain_sqlite3.connect(path, isolation_level=None)  # an older version's unencrypted file
    migrations.apply(conn, str(path), upto=2)
    conn.execute("INSERT INTO meta(key, value) VALUES ('device_id', 'old-device')")
    conn.close()
    with Store(path) as store:
        (made,) = backup.list_backups(backup.backups_dir(path), path)
        assert made.kind == "pre-migration"
        assert backup.check_backup(made.path, TEST_PASSWORD)[0] == 2 and not is_plain(made.path)
        from desktop_app.core.sync import exchange

        junk = tmp_path / "junk.age"
        junk.write_bytes(b"junk")
        exchange.import_files(store, [junk])
        kinds = sorted(b.kind for b in backup.list_backups(backup.backups_dir(path), path))
        assert kinds == ["pre-import", "pre-migration"]
        assert backup.needs_daily(path, datetime.now() + timedelta(days=2))
        assert backup.needs_daily(path)  # a pre-import backup is no daily one


def test_a_busy_database_at_close_is_no_error_after_the_save(tmp_path: Path) -> None:
    """Data loss before: a CLI save exited 1 ("database is locked" from PRAGMA optimize)
    after its data was committed, so the person entered it again."""
    path = tmp_path / "live.db"
    store = Store(path)
    other = raw(path)
    saved = store.save("liaison_point", {"name": "王家村", "kind": "village"})
    other.execute("BEGIN EXCLUSIVE")  # another program holds the file
    try:
        store.close()  # no exception
    finally:
        other.rollback()
        other.close()
    with Store(path) as reopened:
        assert reopened.get("liaison_point", saved["id"])["name"] == "王家村"
