"""Opening the SQLite file: pragmas, version guard, migrations (after a backup).

The device's identity and keys are made by ``Store`` once the file is open.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import platformdirs

from . import backup, migrations
from . import messages as msg
from .errors import NotADatabase

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
                backup.backup_connection(conn, path, "pre-migration")
            migrations.apply(conn, str(path))
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
