"""The shapes of the app's tables, for the migrations that create them."""

from __future__ import annotations

SYNC_COLUMNS = """
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    hlc TEXT NOT NULL,
    device_id TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0"""


def ref(table: str) -> str:
    return f"TEXT REFERENCES {table}(id) DEFERRABLE INITIALLY DEFERRED"


def record_table(name: str, columns: str) -> str:
    return f"CREATE TABLE {name} ({SYNC_COLUMNS},{columns})"


def link_table(name: str, parent: str, parent_col: str, referred: str, ref_col: str) -> list[str]:
    return [
        record_table(
            name,
            f"\n    {parent_col} {ref(parent)} NOT NULL,\n    {ref_col} {ref(referred)} NOT NULL",
        ),
        f"CREATE INDEX {name}_parent ON {name}({parent_col})",
        f"CREATE INDEX {name}_ref ON {name}({ref_col})",
    ]


FTS = "USING fts5({columns}, content='', columnsize=0, tokenize='unicode61 remove_diacritics 2')"


def synced_table(name: str, columns: str) -> list[str]:
    """A record or link table as schema 5 and later have them: sync and ownership columns included."""
    return [
        f"CREATE TABLE {name} ({SYNC_COLUMNS},{columns},\n    rev TEXT NOT NULL DEFAULT '[]',"
        "\n    sync_seq INTEGER NOT NULL DEFAULT 0,\n    owner_id TEXT)",
        f"CREATE INDEX {name}_by_sync ON {name}(sync_seq)",
    ]
