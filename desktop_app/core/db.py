"""Opening the SQLite file: its key, pragmas, version guard, migrations (after a
backup), and the one-time encryption of a file from before encryption.

The device's identity and keys are made by ``Store`` once the file is open.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import platformdirs

from . import backup, engine, migrations
from . import messages as msg
from .engine import apply_key, is_plain, sqlite3
from .errors import NotADatabase
from .files import make_private
from .instance_lock import InstanceLock

DB_FILENAME = "fuqing.db"


def default_db_path() -> Path:
    return Path(platformdirs.user_data_dir("fuqing", appauthor=False)) / DB_FILENAME


BUSY_TIMEOUT_MS = 10_000  # another connection's write: wait this long before saying the database is busy


def prepare_folder(path: Path) -> None:
    """The database's folder exists; one the app makes (or its default one) is hers alone, one she chose stays as it is."""
    if not path.parent.exists() or path.parent == default_db_path().parent:
        make_private(path.parent, directory=True)


def connect(path: str | Path, key: bytes | None, migrate: bool = True, backed_up: bool = False) -> sqlite3.Connection:
    """A connection for one thread, unlocked with ``key``, with the schema at the latest version.

    A newer database is refused before anything is written to it. ``key=None``
    opens an unencrypted file (tests of older versions, benchmarks' floor).
    """
    path = Path(path)
    prepare_folder(path)
    try:
        conn = engine.connect(str(path), key, isolation_level=None, check_same_thread=True, timeout=10)
    except sqlite3.DatabaseError as error:
        raise NotADatabase(msg.NOT_A_DATABASE.format(path=path, detail=error)) from error
    try:
        try:
            migrations.refuse_if_newer(conn, str(path))
            conn.execute("PRAGMA journal_mode=WAL")
        except sqlite3.DatabaseError as error:
            raise NotADatabase(msg.NOT_A_DATABASE.format(path=path, detail=error)) from error
        # FULL: a save that returned survives a power cut, not only a crash.
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA secure_delete=ON")  # a forgotten value does not linger in free pages
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        # 64 MB of page cache: a county hub with a million rows keeps its
        # indexes in memory while merging (per-record import cost stays flat).
        conn.execute("PRAGMA cache_size=-65536")
        if migrate:
            found = migrations.user_version(conn)
            if 0 < found < migrations.LATEST and not backed_up:  # (just encrypted: backed up then)
                backup.backup_connection(conn, path, key, "pre-migration")
            migrations.apply(conn, str(path))
        for suffix in ("", "-wal", "-shm"):  # made by SQLite with the process umask: the person's alone
            make_private(Path(str(path) + suffix))
    except BaseException:
        conn.close()
        raise
    return conn


def drop_value_samples(conn: sqlite3.Connection) -> None:
    """The planner's statistics keep sample index entries (sqlite_stat4): names and
    ID numbers, even of deleted women. Only the counts (sqlite_stat1) are kept."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat4'").fetchone():
        conn.execute("DELETE FROM sqlite_stat4")


def encrypt_in_place(path: Path, key: bytes) -> None:
    """Turn an unencrypted database (from before encryption) into an encrypted one.

    The encrypted copy is made and checked first and kept as a pre-migration
    backup; only then does it replace the file. Backups beside it that are not
    encrypted are encrypted the same way, so no plain copy of the records stays.
    """
    refuse_plain_if_newer(path)
    with InstanceLock(path):  # (re-entered when the window does it: it holds the lock already)
        encrypted = _encrypted_copy(path, key)
        conn = sqlite3.connect(str(encrypted))
        try:
            apply_key(conn, key)
            backup.backup_connection(conn, path, key, "pre-migration")
        finally:
            conn.close()
        os.replace(encrypted, path)
        for suffix in ("-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
    directory = backup.backups_dir(path)
    for item in directory.iterdir() if directory.is_dir() else ():
        if item.suffix == ".db" and is_plain(item):
            os.replace(_encrypted_copy(item, key), item)
            backup.copy_keys(path, item)


def refuse_plain_if_newer(path: Path) -> None:
    """An unencrypted file from a newer version is refused before anything is written, even its key file."""
    plain = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        migrations.refuse_if_newer(plain, str(path))
    except sqlite3.DatabaseError as error:
        raise NotADatabase(msg.NOT_A_DATABASE.format(path=path, detail=error)) from None
    finally:
        plain.close()


def _encrypted_copy(path: Path, key: bytes) -> Path:
    """An encrypted, checked, synced copy of an unencrypted file, beside it."""
    tmp = path.with_name(f".{path.name}.encrypting")
    tmp.unlink(missing_ok=True)
    plain = sqlite3.connect(str(path), isolation_level=None)
    try:
        plain.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        version = migrations.user_version(plain)
        plain.execute(f"ATTACH DATABASE ? AS encrypted KEY \"x'{key.hex()}'\"", (str(tmp),))
        plain.execute("SELECT sqlcipher_export('encrypted')")
        plain.execute(f"PRAGMA encrypted.user_version = {int(version)}")
        plain.execute("DETACH DATABASE encrypted")
    finally:
        plain.close()
    check = sqlite3.connect(str(tmp))
    try:
        apply_key(check, key)
        if check.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise NotADatabase(msg.NOT_A_DATABASE.format(path=path, detail="encryption check"))
    finally:
        check.close()
    with open(tmp, "rb") as handle:
        os.fsync(handle.fileno())
    make_private(tmp)
    return tmp


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def get_meta(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute(
        "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, value),
    )
