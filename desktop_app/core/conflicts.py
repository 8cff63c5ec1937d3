"""Reviewing sync conflicts: the kept version beside the one that lost."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from . import messages as msg
from . import records as r
from . import versions
from .errors import NotFound
from .store import Store


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


def open_conflicts(store: Store, include_resolved: bool = False) -> list[Conflict]:
    where = "deleted = 0" + ("" if include_resolved else " AND resolution IS NULL")
    rows = store.conn.execute(
        "SELECT id, record_type, record_id, detected_at, winner_version, loser_version, loser_row, resolution "
        f"FROM conflict WHERE {where} ORDER BY detected_at DESC, id"
    ).fetchall()
    return [Conflict(row[0], row[1], row[2], row[3], row[4], row[5], json.loads(row[6]), row[7]) for row in rows]


def get(store: Store, conflict_id: str) -> Conflict:
    for conflict in open_conflicts(store, include_resolved=True):
        if conflict.id == conflict_id:
            return conflict
    raise NotFound(msg.NOT_FOUND.format(kind="conflict", record_id=conflict_id))


def resolve(store: Store, conflict_id: str, keep: str) -> None:
    """``keep="current"`` accepts the stored version; ``"other"`` brings the losing
    version back as a new edit (which then travels like any edit)."""
    conflict = get(store, conflict_id)
    with store.transaction():
        table = conflict.record_type
        rtype = r.RECORD_TYPES.get(table)
        if keep == "other" and rtype is not None:
            values = dict(conflict.loser)
            if values.get("deleted"):
                if store.exists(table, conflict.record_id):
                    store.delete(table, conflict.record_id)
            else:
                if not store.exists(table, conflict.record_id):
                    store.restore(table, conflict.record_id)
                fields = {f.name: values.get(f.name) for f in rtype.column_fields}
                for f in rtype.column_fields:
                    if f.kind in (r.CHOICES, r.TAGS) and isinstance(fields[f.name], str):
                        fields[f.name] = json.loads(str(fields[f.name]))
                    if f.kind == r.BOOL:
                        fields[f.name] = bool(fields[f.name])
                store.save(table, fields, conflict.record_id)
        stamp = store._tick()
        old_rev = store.conn.execute("SELECT rev FROM conflict WHERE id = ?", (conflict_id,)).fetchone()[0]
        rev = versions.dump(versions.merge_revs(versions.load(old_rev), [versions.version(stamp, store.device_id)]))
        store.conn.execute(
            "UPDATE conflict SET resolution = ?, hlc = ?, device_id = ?, sync_seq = ?, rev = ? WHERE id = ?",
            (keep, stamp, store.device_id, store.next_sync_seq(), rev, conflict_id),
        )
