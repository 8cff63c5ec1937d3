from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from desktop_app.core import backup, migrations
from desktop_app.core.demo import generate
from desktop_app.core.errors import FuqingError
from desktop_app.core.store import Store


def test_backup_while_in_use_and_restore_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "live.db"
    with Store(path) as store:
        generate.fill(store, 2000, seed=3, anchor=date(2026, 11, 20))
        before = store.counts()
        copy = backup.make_backup(store, "manual")  # the app's connection stays open
        store.save("liaison_point", {"name": "备份之后新增", "kind": "village"})
        assert store.counts()["liaison_point"] == before["liaison_point"] + 1
    assert backup.check_backup(copy) == migrations.LATEST
    aside = backup.restore(path, copy)
    with Store(path) as restored:
        assert restored.counts() == before
        assert restored.check() == []
    with Store(aside) as kept:
        assert kept.counts()["liaison_point"] == before["liaison_point"] + 1


def test_restore_refuses_corrupt_and_newer_files_and_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "live.db"
    with Store(path) as store:
        store.save_profile({"name": "王芳", "org": "妇联"})
    original = path.read_bytes()
    corrupt = tmp_path / "corrupt.db"
    corrupt.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100 + b"garbage" * 1000)
    with pytest.raises(FuqingError) as info:
        backup.restore(path, corrupt)
    assert "不是可恢复的访妇情备份" in str(info.value)
    newer = tmp_path / "newer.db"
    conn = sqlite3.connect(newer)
    conn.execute("CREATE TABLE meta (key, value)")
    conn.execute(f"PRAGMA user_version = {migrations.LATEST + 1}")
    conn.commit()
    conn.close()
    with pytest.raises(FuqingError) as info:
        backup.restore(path, newer)
    assert "更新版本" in str(info.value)
    assert path.read_bytes() == original
    assert not list(tmp_path.glob("*.before-restore-*"))


def test_rotation_keeps_7_daily_4_weekly_and_every_pre_migration(tmp_path: Path) -> None:
    directory = tmp_path / "backups"
    directory.mkdir()
    start = datetime(2026, 1, 1, 9, 0, 0)
    for day in range(60):  # a daily backup every day for 60 days, two on some days
        for extra in (0, 5) if day % 10 == 0 else (0,):
            taken = start + timedelta(days=day, minutes=extra)
            (directory / f"fuqing-daily-{taken:%Y%m%d-%H%M%S}.db").write_bytes(b"x")
    for n in range(3):
        (directory / f"fuqing-pre-migration-202601{n + 1:02d}-080000.db").write_bytes(b"x")
    for n in range(15):
        (directory / f"fuqing-pre-import-20260201-{n:02d}0000.db").write_bytes(b"x")
    backup.rotate(directory)
    kept = backup.list_backups(directory)
    daily = [b for b in kept if b.kind == "daily"]
    # Newest first: the 7 last days (one each), then one per ISO week for 4 older weeks.
    assert len(daily) == 11
    assert len({b.taken.date() for b in daily[:7]}) == 7
    assert daily[0].taken.date() == (start + timedelta(days=59)).date()
    older_weeks = {b.taken.isocalendar()[:2] for b in daily[7:]}
    assert len(older_weeks) == 4
    assert len([b for b in kept if b.kind == "pre-migration"]) == 3
    assert len([b for b in kept if b.kind == "pre-import"]) == 10


def test_pre_migration_and_pre_import_backups_are_made(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    raw = sqlite3.connect(path, isolation_level=None)
    migrations.apply(raw, str(path), upto=2)
    raw.execute("INSERT INTO meta(key, value) VALUES ('device_id', 'old-device')")
    raw.close()
    with Store(path) as store:
        assert [b.kind for b in backup.list_backups(backup.backups_dir(path))] == ["pre-migration"]
        assert backup.check_backup(backup.list_backups(backup.backups_dir(path))[0].path) == 2
        from desktop_app.core.sync import exchange

        junk = tmp_path / "junk.age"
        junk.write_bytes(b"junk")
        exchange.import_files(store, [junk])
        kinds = sorted(b.kind for b in backup.list_backups(backup.backups_dir(path)))
        assert kinds == ["pre-import", "pre-migration"]
        assert backup.needs_daily(path, datetime.now() + timedelta(days=2))
        assert not backup.needs_daily(path)
