"""Reviewing sync conflicts: the kept version beside the one that lost."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from .. import messages as msg
from .. import records as r
from ..errors import NotFound
from ..store import Store, decode_value
from . import revisions


@dataclass
class Conflict:
    id: str
    record_type: str
    record_id: str
    detected_at: str
    winner_version: str
    loser_version: str
    loser: dict[str, Any]
    resolution: str | None


_COLUMNS = "id, record_type, record_id, detected_at, winner_version, loser_version, loser_row, resolution"


def open_conflicts(store: Store) -> list[Conflict]:
    rows = store.conn.execute(f"SELECT {_COLUMNS} FROM conflict WHERE deleted = 0 ORDER BY detected_at DESC, id")
    return [_conflict(row) for row in rows]


def get(store: Store, conflict_id: str) -> Conflict:
    row = store.conn.execute(f"SELECT {_COLUMNS} FROM conflict WHERE id = ?", (conflict_id,)).fetchone()
    if row is None:
        raise NotFound(msg.NOT_FOUND.format(kind="conflict", record_id=conflict_id))
    return _conflict(row)


def _conflict(row: Any) -> Conflict:
    return Conflict(row[0], row[1], row[2], row[3], row[4], row[5], json.loads(row[6]), row[7])


def current_row(store: Store, conflict: Conflict) -> dict[str, Any]:
    """The version that won, as stored now (empty if the record is not here)."""
    if conflict.record_type not in {*r.RECORD_TYPES, *(link.table for link in r.link_tables())}:
        return {}
    row = store.conn.execute(f"SELECT * FROM {conflict.record_type} WHERE id = ?", (conflict.record_id,)).fetchone()
    return dict(row) if row is not None else {}


def resolve(store: Store, conflict_id: str, keep: str) -> None:
    """``keep="current"`` keeps the stored version; ``"other"`` brings the losing
    version back. Either way a new version is saved that descends from both, so
    the conflict disappears on every replica this edit reaches."""
    conflict = get(store, conflict_id)
    table = conflict.record_type
    rtype = r.RECORD_TYPES.get(table)
    with store.transaction():
        # Read first: choosing a deletion drops the record's conflicts (privacy.py).
        loser_rev = store.conn.execute("SELECT rev FROM conflict WHERE id = ?", (conflict_id,)).fetchone()[0]
        if keep == "other" and rtype is not None:
            values = dict(conflict.loser)
            if values.get("deleted"):
                if store.exists(table, conflict.record_id):
                    store.delete(table, conflict.record_id)
            else:
                if not store.exists(table, conflict.record_id):
                    store.restore(table, conflict.record_id)
                fields = {f.name: decode_value(f, values.get(f.name)) for f in rtype.column_fields}
                for f in rtype.link_fields:
                    fields[f.name] = store.get(table, conflict.record_id)[f.name]
                store.save(table, fields, conflict.record_id)
        store.new_version(table, conflict.record_id, [*revisions.load(loser_rev), conflict.loser_version])
        store.drop_conflicts([conflict_id])
