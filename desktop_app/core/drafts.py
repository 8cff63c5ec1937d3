"""Autosaved drafts: what a person typed but has not saved yet.

Drafts live in the local ``draft`` table (never synced) and are written after
every pause in typing, so a crash or a power cut loses at most the last second.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .changes import DRAFTS
from .db import now_iso

if TYPE_CHECKING:
    from .store import Store


@dataclass
class Draft:
    key: str
    record_type: str
    record_id: str | None
    data: dict[str, Any]
    saved_at: str


def draft_key(record_type: str, record_id: str | None) -> str:
    return f"{record_type}:{record_id or 'new'}"


def save_draft(store: Store, record_type: str, record_id: str | None, data: dict[str, Any]) -> str:
    key = draft_key(record_type, record_id)
    with store.transaction():
        store.conn.execute(
            "INSERT INTO draft (key, record_type, record_id, data, saved_at) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT(key) DO UPDATE SET data = excluded.data, saved_at = excluded.saved_at",
            (key, record_type, record_id, json.dumps(data, ensure_ascii=False), now_iso()),
        )
        store.note_change(DRAFTS, [key])
    return key


def discard_draft(store: Store, record_type: str, record_id: str | None) -> None:
    key = draft_key(record_type, record_id)
    with store.transaction():
        if store.conn.execute("DELETE FROM draft WHERE key = ?", (key,)).rowcount:
            store.note_change(DRAFTS, [key])


def drafts(store: Store, record_type: str) -> list[Draft]:
    rows = store.conn.execute(
        "SELECT key, record_type, record_id, data, saved_at FROM draft WHERE record_type = ? ORDER BY saved_at DESC",
        (record_type,),
    ).fetchall()
    return [Draft(row[0], row[1], row[2], json.loads(row[3]), row[4]) for row in rows]


def kinds_with_drafts(store: Store) -> list[str]:
    return [row[0] for row in store.conn.execute("SELECT DISTINCT record_type FROM draft ORDER BY record_type")]
