"""Consistent backups with SQLite's online backup API, rotation and restore.

Backups sit in ``backups/`` beside the database (and can also go to any folder,
a USB stick say). Kinds: ``daily`` (at app start when the newest is older than
a day), ``pre-import``, ``pre-migration``, ``manual``. Rotation keeps 7 daily,
4 weekly, every pre-migration backup, and the 10 newest of the other kinds.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from . import messages as msg
from . import migrations
from .errors import FuqingError
from .files import write_atomically

if TYPE_CHECKING:
    from .store import Store

NAME = re.compile(r"^fuqing-(daily|pre-import|pre-migration|manual)-(\d{8}-\d{6})\.db$")
KEEP_DAILY, KEEP_WEEKLY, KEEP_OTHER = 7, 4, 10


@dataclass(frozen=True)
class BackupFile:
    path: Path
    kind: str
    taken: datetime


def backups_dir(db_path: Path) -> Path:
    return db_path.parent / "backups"


def list_backups(directory: Path) -> list[BackupFile]:
    found = []
    if directory.is_dir():
        for path in directory.iterdir():
            m = NAME.match(path.name)
            if m:
                found.append(BackupFile(path, m[1], datetime.strptime(m[2], "%Y%m%d-%H%M%S")))
    return sorted(found, key=lambda b: b.taken, reverse=True)


def make_backup(store: Store, kind: str = "manual", out: Path | None = None, now: datetime | None = None) -> Path:
    """Back up the store's database to ``out`` (a file or folder; default: ``backups/``)."""
    return backup_connection(store.conn, store.path, kind, out, now)


def backup_connection(conn: sqlite3.Connection, db_path: Path, kind: str = "manual", out: Path | None = None,
                      now: datetime | None = None) -> Path:  # fmt: skip
    """Copy the live database page by page (consistent even while it is in use)."""
    now = now or datetime.now()
    if out is None or out.is_dir():
        directory = out or backups_dir(db_path)
        try:
            directory.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise FuqingError(msg.BACKUP_FAILED.format(detail=error)) from error
        out = directory / f"fuqing-{kind}-{now:%Y%m%d-%H%M%S}.db"
        counter = 1
        while out.exists():
            out = directory / f"fuqing-{kind}-{now:%Y%m%d-%H%M%S}-{counter}.db"
            counter += 1

    def copy(tmp: Path) -> None:
        target = sqlite3.connect(tmp)
        try:
            conn.backup(target)
            target.execute("PRAGMA journal_mode=DELETE")
        finally:
            target.close()

    try:
        write_atomically(out, copy, failed=msg.BACKUP_FAILED)
    except sqlite3.Error as error:
        raise FuqingError(msg.BACKUP_FAILED.format(detail=error)) from error
    if out.parent == backups_dir(db_path):
        rotate(out.parent, now)
    return out


def quick_check(store: Store) -> str:
    """SQLite's quick integrity check: "ok", or the first problem found."""
    return str(store.conn.execute("PRAGMA quick_check").fetchone()[0])


def needs_daily(db_path: Path, now: datetime | None = None) -> bool:
    now = now or datetime.now()
    newest = list_backups(backups_dir(db_path))
    return not newest or now - newest[0].taken > timedelta(days=1)


def rotate(directory: Path, now: datetime | None = None) -> list[Path]:
    """Delete backups beyond the keep rules; returns what was deleted."""
    backups = list_backups(directory)
    keep: set[Path] = {b.path for b in backups if b.kind == "pre-migration"}
    daily = [b for b in backups if b.kind == "daily"]
    days_seen: set[str] = set()
    for backup in daily:  # newest first: one per day, 7 days
        day = backup.taken.strftime("%Y%m%d")
        if day not in days_seen and len(days_seen) < KEEP_DAILY:
            days_seen.add(day)
            keep.add(backup.path)
    weeks_seen: set[tuple[int, int]] = set()
    for backup in daily:
        if backup.path in keep:
            continue
        week = backup.taken.isocalendar()[:2]
        if week not in weeks_seen and len(weeks_seen) < KEEP_WEEKLY:
            weeks_seen.add(week)
            keep.add(backup.path)
    for kind in ("pre-import", "manual"):
        keep |= {b.path for b in [x for x in backups if x.kind == kind][:KEEP_OTHER]}
    deleted = [b.path for b in backups if b.path not in keep]
    for path in deleted:
        path.unlink(missing_ok=True)
    return deleted


def check_backup(path: Path) -> int:
    """The schema version of a valid backup; a clear error for anything else."""
    if not path.is_file():
        raise FuqingError(msg.RESTORE_INVALID.format(path=path, detail="no such file"))
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            result = conn.execute("PRAGMA quick_check").fetchone()[0]
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            has_meta = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'meta'").fetchone()
        finally:
            conn.close()
    except sqlite3.Error as error:
        raise FuqingError(msg.RESTORE_INVALID.format(path=path, detail=error)) from None
    if result != "ok" or not has_meta or version < 1:
        raise FuqingError(
            msg.RESTORE_INVALID.format(path=path, detail=result if result != "ok" else "not a Fuqing database")
        )
    if version > migrations.LATEST:
        raise FuqingError(msg.SCHEMA_TOO_NEW.format(path=path, found=version, supported=migrations.LATEST))
    return version


def restore(db_path: Path, backup_path: Path, now: datetime | None = None) -> Path:
    """Replace the database with a backup; the current file is kept aside first.

    The caller must have closed every connection to ``db_path``.
    """
    check_backup(backup_path)
    now = now or datetime.now()
    aside = db_path.with_name(f"{db_path.name}.before-restore-{now:%Y%m%d-%H%M%S}")
    if db_path.exists():
        # Fold the WAL in first so the file kept aside is complete on its own.
        conn = sqlite3.connect(db_path)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()
        shutil.copy2(db_path, aside)
    for suffix in ("-wal", "-shm"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)

    def copy(tmp: Path) -> None:
        shutil.copyfile(backup_path, tmp)

    write_atomically(db_path, copy)
    return aside
