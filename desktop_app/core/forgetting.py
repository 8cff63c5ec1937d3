"""What a deletion takes away, applied inside ``Store.write_rows`` to every
deleted row it writes, made here or merged from a bundle (the rules of what
is kept: ``privacy.py``).

- a deleted record's row becomes a tombstone; a kept conflicting version that
  is a deletion too;
- once written, the record's earlier audit entries lose their values, and the
  conflicting versions, proposed changes and unsaved drafts about it go.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from . import privacy
from . import records as r
from .changes import DRAFTS, PROPOSALS

if TYPE_CHECKING:
    from .store import RowWrite, Store

CHUNK = 500  # ids per statement: well under SQLite's limit of bound parameters


def tombstone(store: Store, table: str, row: dict[str, Any]) -> dict[str, Any]:
    """``row`` as a deletion keeps it (only what sync needs)."""
    return privacy.tombstone(r.record_type(table), row, store.required_columns(table))


def before_writing(store: Store, table: str, writes: Sequence[RowWrite]) -> Sequence[RowWrite]:
    """The versions as they may be stored: deletions as tombstones."""
    if table in r.RECORD_TYPES:
        return [replace(w, row=tombstone(store, table, w.row), changes={}) if w.row["deleted"] else w for w in writes]
    if table == "conflict":
        return [_loser_forgotten(store, w) for w in writes]
    return writes


def _loser_forgotten(store: Store, w: RowWrite) -> RowWrite:
    record_type = str(w.row.get("record_type"))
    if record_type not in r.RECORD_TYPES:
        return w
    kept = privacy.forgotten_loser(record_type, w.row.get("loser_row"), store.required_columns(record_type))
    return w if kept == w.row.get("loser_row") else replace(w, row={**w.row, "loser_row": kept})


def after_writing(store: Store, table: str, writes: Sequence[RowWrite]) -> None:
    """Records these writes deleted: their traces outside the row go."""
    if table not in r.RECORD_TYPES:
        return
    deleted = [w.row["id"] for w in writes if w.row["deleted"] and not (w.old or {}).get("deleted")]
    if not deleted:
        return
    forget_audit(store, table, deleted)
    store.drop_conflicts(_about(store, table, deleted, "SELECT id FROM conflict"))
    if _about(store, table, deleted, "DELETE FROM proposal", "RETURNING id"):
        store.note_change(PROPOSALS)
    drafts = _about(store, table, deleted, "DELETE FROM draft", "RETURNING key")
    if drafts:
        store.note_change(DRAFTS, drafts)


def forget_audit(store: Store, table: str, record_ids: list[str]) -> None:
    """The audit entries of these records keep which fields changed, not the values."""
    for chunk, marks in _chunks(record_ids):
        entries = store.conn.execute(
            f"SELECT id, changes FROM audit_log WHERE record_id IN ({marks}) AND record_type = ? AND changes != '{{}}'",
            [*chunk, table],
        ).fetchall()
        store.conn.executemany(
            "UPDATE audit_log SET changes = ? WHERE id = ?",
            [(json.dumps(privacy.forgotten_changes(json.loads(c)), ensure_ascii=False), i) for i, c in entries],
        )


def _about(store: Store, table: str, record_ids: list[str], statement: str, returning: str = "") -> list[str]:
    """``statement`` on the local rows about these records of ``table`` (ids of what it touched)."""
    found: list[str] = []
    for chunk, marks in _chunks(record_ids):
        found += [
            row[0]
            for row in store.conn.execute(
                f"{statement} WHERE record_type = ? AND record_id IN ({marks}) {returning}", [table, *chunk]
            )
        ]
    return found


def _chunks(ids: list[str]) -> Iterator[tuple[list[str], str]]:
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        yield chunk, ", ".join("?" * len(chunk))
