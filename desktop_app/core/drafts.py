"""Autosaved drafts: what a person typed but has not saved yet.

Drafts live in the local ``draft`` table (never synced) and are written after
every pause in typing, so a crash or a power cut loses at most the last second.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from .db import now_iso


@dataclass
class Draft:
    key: str
    record_type: str
    record_id: str | None
    data: dict[str, Any]
    saved_at: str


def draft_key(record_type: str, record_id: str | None) -> str:
    return f"{record_type}:{record_id or 'new'}"


def save_draft(conn: sqlite3.Connection, record_type: str, record_id: str | None, data: dict[str, Any]) -> str:
    key = draft_key(record_type, record_id)
    conn.execute(
        "INSERT INTO draft (key, record_type, record_id, data, saved_at) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT(key) DO UPDATE SET data = excluded.data, saved_at = excluded.saved_at",
        (key, record_type, record_id, json.dumps(data, ensure_ascii=False), now_iso()),
    )
    return key


def discard_draft(conn: sqlite3.Connection, record_type: str, record_id: str | None) -> None:
    conn.execute("DELETE FROM draft WHERE key = ?", (draft_key(record_type, record_id),))


def drafts(conn: sqlite3.Connection, record_type: str) -> list[Draft]:
    rows = conn.execute(
        "SELECT key, record_type, record_id, data, saved_at FROM draft WHERE record_type = ? ORDER BY saved_at DESC",
        (record_type,),
    ).fetchall()
    return [Draft(row[0], row[1], row[2], json.loads(row[3]), row[4]) for row in rows]


def kinds_with_drafts(conn: sqlite3.Connection) -> list[str]:
    return [row[0] for row in conn.execute("SELECT DISTINCT record_type FROM draft ORDER BY record_type")]
