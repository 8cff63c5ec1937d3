"""Opening the SQLite file: pragmas, version guard, migrations, device identity."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import platformdirs

from . import messages as msg
from . import migrations
from .errors import NotADatabase
from .ids import new_id

DB_FILENAME = "fuqing.db"


def default_db_path() -> Path:
    return Path(platformdirs.user_data_dir("fuqing", appauthor=False)) / DB_FILENAME


def connect(path: str | Path, migrate: bool = True) -> sqlite3.Connection:
    """A connection for one thread, with the schema at the latest version.

    A newer database is refused before anything is written to it.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=True, timeout=10)
    try:
        try:
            migrations.refuse_if_newer(conn, str(path))
            conn.execute("PRAGMA journal_mode=WAL")
        except sqlite3.DatabaseError as error:
            raise NotADatabase(msg.NOT_A_DATABASE.format(path=path, detail=error)) from error
        # FULL: a save that returned survives a power cut, not only a crash.
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA busy_timeout=10000")
        # 64 MB of page cache: a county hub with a million rows keeps its
        # indexes in memory while merging (per-record import cost stays flat).
        conn.execute("PRAGMA cache_size=-65536")
        if migrate:
            found = migrations.user_version(conn)
            if 0 < found < migrations.LATEST:
                from . import backup

                backup.make_backup(conn, path, "pre-migration")
            migrations.apply(conn, str(path))
            _ensure_identity(conn)
    except BaseException:
        conn.close()
        raise
    return conn


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


def _ensure_identity(conn: sqlite3.Connection) -> None:
    if get_meta(conn, "device_id"):
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        if not get_meta(conn, "device_id"):
            device_id = new_id()
            set_meta(conn, "device_id", device_id)
            conn.execute(
                "INSERT INTO device(id, name, first_seen) VALUES (?, ?, ?)",
                (device_id, "本机", now_iso()),
            )
            # Keys are made with the device on first run (signing, age identity).
            from . import keys

            keys.ensure_keys(conn)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:  # SQLite may already have rolled back (disk full)
            conn.execute("ROLLBACK")
        raise
