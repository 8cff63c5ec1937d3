"""Schema 3: versions and sync order on every synced row, conflicts, bundle log; schema 4: one passphrase destination."""

from __future__ import annotations

from ..engine import sqlite3

# Sync (bundle format 1): every synced row carries ``rev``, the sorted recent
# "stamp/device" versions it descends from (to tell a fast-forward from a
# concurrent edit), and ``sync_seq``, the local order in which rows changed or
# arrived (what a delta export sends). Conflicts travel like records.
SYNCED_TABLES_V3 = [
    "cadre", "liaison_point", "woman", "visit", "help_pair", "help_log", "diary", "problem",
    "liaison_point_cadre", "visit_cadre", "visit_woman", "help_pair_cadre", "diary_woman",
]  # fmt: skip


def migration_3(conn: sqlite3.Connection) -> None:
    for table in SYNCED_TABLES_V3:
        conn.execute(f"ALTER TABLE {table} ADD COLUMN rev TEXT NOT NULL DEFAULT '[]'")
        conn.execute(f"ALTER TABLE {table} ADD COLUMN sync_seq INTEGER NOT NULL DEFAULT 0")
        conn.execute(f"UPDATE {table} SET rev = json_array(hlc || '/' || device_id), sync_seq = 1")
        conn.execute(f"CREATE INDEX {table}_by_sync ON {table}(sync_seq)")
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('sync_seq', '1')")
    conn.execute(
        """CREATE TABLE conflict (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    hlc TEXT NOT NULL,
    device_id TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0,
    rev TEXT NOT NULL DEFAULT '[]',
    sync_seq INTEGER NOT NULL DEFAULT 0,
    record_type TEXT NOT NULL,
    record_id TEXT NOT NULL,
    winner_version TEXT NOT NULL,
    loser_version TEXT NOT NULL,
    loser_row TEXT NOT NULL,
    detected_at TEXT NOT NULL,
    resolution TEXT)"""
    )
    conn.execute("CREATE INDEX conflict_by_sync ON conflict(sync_seq)")
    conn.execute("CREATE INDEX conflict_by_record ON conflict(record_id)")
    conn.execute(
        """CREATE TABLE bundle_log (
    bundle_id TEXT PRIMARY KEY,
    direction TEXT NOT NULL,
    device_id TEXT NOT NULL,
    destination_id TEXT,
    file_name TEXT,
    at TEXT NOT NULL,
    counts TEXT NOT NULL)"""
    )
    conn.execute(
        """CREATE TABLE destination (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    recipient TEXT,
    last_sent_seq INTEGER NOT NULL DEFAULT 0,
    last_sent_at TEXT,
    last_bundle_id TEXT)"""
    )
    conn.execute("ALTER TABLE device ADD COLUMN last_bundle_at TEXT")
    conn.execute("ALTER TABLE device ADD COLUMN bundle_count INTEGER NOT NULL DEFAULT 0")
    conn.execute("ALTER TABLE device ADD COLUMN rows_received INTEGER NOT NULL DEFAULT 0")


def migration_4(conn: sqlite3.Connection) -> None:
    """One passphrase destination, whatever the UI language.

    Versions up to 3 named it by its translated label ("passphrase:口令",
    "passphrase:passphrase"), so switching language started a second delta mark.
    The merged destination keeps the earliest mark: sending a row twice is
    harmless (imports are idempotent), never sending it is not.
    """
    rows = conn.execute(
        "SELECT last_sent_seq, last_sent_at, last_bundle_id FROM destination WHERE kind = 'passphrase' "
        "ORDER BY last_sent_seq"
    ).fetchall()
    conn.execute("DELETE FROM destination WHERE kind = 'passphrase'")
    if rows:
        conn.execute(
            "INSERT INTO destination (id, kind, name, recipient, last_sent_seq, last_sent_at, last_bundle_id) "
            "VALUES ('passphrase', 'passphrase', 'passphrase', NULL, ?, ?, ?)",
            tuple(rows[0]),
        )
