"""Numbered schema migrations, recorded in ``PRAGMA user_version``.

Each migration is a frozen list of statements: never edit one that has been
released; add the next number instead. ``apply`` runs every pending migration
in one transaction each, so a crash leaves the previous version intact.
"""

from __future__ import annotations

from collections.abc import Callable

from .. import messages as msg
from ..engine import sqlite3
from ..errors import SchemaTooNew
from .m1_tables import MIGRATION_1, MIGRATION_2
from .m3_sync import SYNCED_TABLES_V3, migration_3, migration_4
from .m5_owners import migration_5
from .m6_forgetting import migration_6
from .m7_follow_through import ADDED_IN_7, MIGRATION_7

__all__ = ["ADDED_IN_7", "LATEST", "MIGRATIONS", "SYNCED_TABLES_V3", "Migration", "apply", "refuse_if_newer",
           "user_version"]  # fmt: skip

Migration = list[str] | Callable[[sqlite3.Connection], None]
MIGRATIONS: list[Migration] = [
    MIGRATION_1,
    MIGRATION_2,
    migration_3,
    migration_4,
    migration_5,
    migration_6,
    MIGRATION_7,
]
LATEST = len(MIGRATIONS)


def user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def refuse_if_newer(conn: sqlite3.Connection, path: str) -> int:
    found = user_version(conn)
    if found > len(MIGRATIONS):
        raise SchemaTooNew(msg.SCHEMA_TOO_NEW.format(path=path, found=found, supported=len(MIGRATIONS)))
    return found


def apply(conn: sqlite3.Connection, path: str, upto: int | None = None) -> list[int]:
    """Apply pending migrations; returns the numbers applied."""
    upto = LATEST if upto is None else upto
    applied = []
    current = refuse_if_newer(conn, path)
    for number in range(current + 1, upto + 1):
        migration = MIGRATIONS[number - 1]
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Re-read inside the write lock: another process may have migrated.
            if user_version(conn) >= number:
                if conn.in_transaction:  # SQLite may already have rolled back (disk full)
                    conn.execute("ROLLBACK")
                continue
            if callable(migration):
                migration(conn)
            else:
                for statement in migration:
                    conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:  # SQLite may already have rolled back (disk full)
                conn.execute("ROLLBACK")
            raise
        applied.append(number)
    return applied
