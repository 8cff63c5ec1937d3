"""Consistent, encrypted backups with SQLite's online backup API, rotation and restore.

Backups sit in ``backups/`` beside the database (and can also go to any folder,
a USB stick say), named after the database file (two databases sharing a
folder keep their backups apart) and encrypted with the database's key, its
key file copied beside each so the backup opens with the same password. Kinds:
``daily`` (at app start when the newest daily one is older than a day),
``pre-import``, ``pre-migration``, ``manual``. Rotation keeps 7 daily, 4
weekly, every pre-migration backup, and the 10 newest of the other kinds.
"""

from __future__ import annotations

import logging
import re
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from . import engine, keyfile, migrations
from . import messages as msg
from .engine import apply_key, is_plain, sqlite3
from .errors import FuqingError
from .files import make_private, write_atomically
from .i18n import pick
from .instance_lock import InstanceLock
from .progress import Progress

if TYPE_CHECKING:
    from .store import Store

log = logging.getLogger(__name__)
KINDS = ("daily", "pre-import", "pre-migration", "manual")
KEEP_DAILY, KEEP_WEEKLY, KEEP_OTHER = 7, 4, 10


@dataclass(frozen=True)
class BackupFile:
    path: Path
    kind: str
    taken: datetime


def backups_dir(db_path: Path) -> Path:
    return db_path.parent / "backups"


def _name_pattern(stem: str) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(stem)}-({'|'.join(KINDS)})-(\d{{8}}-\d{{6}})(-\d+)?\.db$")


def list_backups(directory: Path, db_path: Path) -> list[BackupFile]:
    """This database's backups in ``directory`` (not another database's), newest first."""
    pattern, found = _name_pattern(db_path.stem), []
    if directory.is_dir():
        for path in directory.iterdir():
            m = pattern.match(path.name)
            if m:
                found.append(BackupFile(path, m[1], datetime.strptime(m[2], "%Y%m%d-%H%M%S")))
    return sorted(found, key=lambda b: b.taken, reverse=True)


def make_backup(store: Store, kind: str = "manual", out: Path | None = None, now: datetime | None = None,
                progress: Progress | None = None) -> Path:  # fmt: skip
    """Back up the store's database to ``out`` (a file or folder; default: ``backups/``)."""
    return backup_connection(store.conn, store.path, store.key, kind, out, now, progress)


def backup_file(db_path: Path, key: bytes | None, kind: str) -> Path:
    """Back up a database that is not open (before it is encrypted or migrated)."""
    conn = engine.connect(str(db_path), key)
    try:
        return backup_connection(conn, db_path, key, kind)
    finally:
        conn.close()


def backup_connection(conn: sqlite3.Connection, db_path: Path, key: bytes | None, kind: str = "manual",
                      out: Path | None = None, now: datetime | None = None, progress: Progress | None = None) -> Path:  # fmt: skip
    """Copy the live database page by page (consistent even while it is in use),
    encrypted with the same key, its key file beside it."""
    now = now or datetime.now()
    if out is None or out.is_dir():
        directory = out or backups_dir(db_path)
        try:
            if out is None:
                make_private(directory, directory=True)
            directory.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise FuqingError(msg.BACKUP_FAILED.format(detail=error.strerror or error)) from error
        out = directory / f"{db_path.stem}-{kind}-{now:%Y%m%d-%H%M%S}.db"
        counter = 1
        while out.exists():
            out = directory / f"{db_path.stem}-{kind}-{now:%Y%m%d-%H%M%S}-{counter}.db"
            counter += 1

    def copy(tmp: Path) -> None:
        target = sqlite3.connect(str(tmp))
        try:
            apply_key(target, key)
            if progress is None:
                conn.backup(target)
            else:  # 8 MB at a time, so the bar moves (a write between steps makes SQLite start the copy again)
                conn.backup(target, pages=2048, progress=lambda _status, left, total: progress(total - left, total, ""))
            target.execute("PRAGMA journal_mode=DELETE")
        finally:
            target.close()

    try:
        write_atomically(out, copy, private=True, failed=msg.BACKUP_FAILED)
    except sqlite3.Error as error:
        raise FuqingError(msg.BACKUP_FAILED.format(detail=error)) from error
    if key is not None:
        copy_keys(db_path, out)
    if out.parent == backups_dir(db_path):
        rotate(out.parent, db_path, now)
    log.info("%s backup made: %d bytes", kind, out.stat().st_size)
    return out


def copy_keys(db_path: Path, backup_path: Path) -> None:
    """The key file beside a backup: the backup then opens with the same password or recovery code."""
    if keyfile.keyfile_path(db_path).exists():
        keyfile.copy_to(db_path, backup_path)


def quick_check(store: Store) -> str:
    """SQLite's quick integrity check: "ok", or the first problem found."""
    return str(store.conn.execute("PRAGMA quick_check").fetchone()[0])


def needs_daily(db_path: Path, now: datetime | None = None) -> bool:
    """No daily backup today (a hub's many pre-import backups do not count:
    they rotate away within days and would leave no week-old copy)."""
    now = now or datetime.now()
    daily = [b for b in list_backups(backups_dir(db_path), db_path) if b.kind == "daily"]
    # By calendar day: "more than 24 hours" skipped every other day for an app started at 9 each morning.
    return not daily or daily[0].taken.date() != now.date()


def rotate(directory: Path, db_path: Path, now: datetime | None = None) -> list[Path]:
    """Delete backups beyond the keep rules; returns what was deleted."""
    backups = list_backups(directory, db_path)
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
        keyfile.keyfile_path(path).unlink(missing_ok=True)
    return deleted


def check_backup(path: Path, secret: str | None, key: bytes | None = None) -> tuple[int, bytes | None]:
    """(schema version, key) of a valid backup, opened with the database key, the
    password or the recovery code (a backup from before encryption needs none of
    them); a clear error for anything else."""
    if not path.is_file():
        raise FuqingError(msg.RESTORE_INVALID.format(path=path, detail="no such file"))
    if is_plain(path):
        key = None
    elif key is None or not keyfile.opens_with(path, key):
        if not keyfile.keyfile_path(path).exists():
            detail = pick(
                "不是访妇情数据，或旁边没有它的 .keys 文件", "not Fuqing data, or its .keys file is not beside it"
            )
            raise FuqingError(msg.RESTORE_INVALID.format(path=path, detail=detail))
        if secret is None:
            raise keyfile.PasswordNeeded(str(msg.BACKUP_PASSWORD_NEEDED))
        key = keyfile.unlock(path, secret)
    try:
        conn = engine.connect(f"file:{path}?mode=ro", key, uri=True)
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
    return version, key


def restore(
    db_path: Path, backup_path: Path, secret: str | None, key: bytes | None = None, now: datetime | None = None
) -> Path:
    """Replace the database with a backup; the current file (and its key file) is kept aside first.

    Refused while the app has the database open: replacing the file under it
    would lose every save it makes afterwards.
    """
    if key is None and secret is not None and keyfile.keyfile_path(db_path).exists():
        try:  # the database key never changes: the current password opens older backups too
            key = keyfile.unlock(db_path, secret)
        except FuqingError:
            key = None  # perhaps the backup's own (older) password: tried next
    _version, backup_key = check_backup(backup_path, secret, key)
    now = now or datetime.now()
    aside = db_path.with_name(f"{db_path.name}.before-restore-{now:%Y%m%d-%H%M%S}")
    with InstanceLock(db_path):
        if db_path.exists():
            folded = _checkpoint(db_path, key)  # the file kept aside is then complete on its own
            shutil.copy2(db_path, aside)
            make_private(aside)
            wal = Path(str(db_path) + "-wal")
            if not folded and wal.exists():  # kept beside the copy, where SQLite reads it on opening
                shutil.copy2(wal, Path(str(aside) + "-wal"))
                make_private(Path(str(aside) + "-wal"))
            if keyfile.keyfile_path(db_path).exists():
                keyfile.copy_to(db_path, aside)
        for suffix in ("-wal", "-shm"):
            Path(str(db_path) + suffix).unlink(missing_ok=True)

        def copy(tmp: Path) -> None:
            shutil.copyfile(backup_path, tmp)

        write_atomically(db_path, copy, private=True)
        # The current key file keeps the current password; a backup under another
        # key (from another install) brings its own.
        if backup_key is not None and backup_key != key and keyfile.keyfile_path(backup_path).exists():
            keyfile.copy_to(backup_path, db_path)
    return aside


def _checkpoint(db_path: Path, key: bytes | None) -> bool:
    """Fold the WAL into the file; False if it could not be (the WAL is then copied too)."""
    conn = engine.connect(str(db_path), None if is_plain(db_path) else key)
    try:
        busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        return not busy
    except sqlite3.Error as error:
        log.info("no checkpoint before restore: %s", error)
        return False
    finally:
        conn.close()
