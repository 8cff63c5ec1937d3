"""Merging one bundle's rows into a replica: every head version of a row kept.

The replica keeps every *head* — a version no other known version descends
from: the newest (by clock stamp, then device id) in the table, the rest in
``conflict``. That set depends only on which versions were seen, never on
their order, so replicas that see the same bundles agree, conflicts included.
"""

from __future__ import annotations

import json
import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from .. import messages as msg
from .. import records as r
from ..clock import Stamp
from ..store import RowWrite, Store, decode_value
from . import bundle as b
from . import revisions

_CONFLICT_NAMESPACE = uuid.UUID("9a6c4a8e-2f0b-4d35-8c0e-5b7d13e2f4a1")


def check_rows(table: str, rows: list[dict[str, Any]], allowed: set[str]) -> None:
    for row in rows:
        unknown = set(row) - allowed
        if unknown or not {"id", "hlc", "device_id", "deleted", "rev"} <= set(row):
            raise b.BundleError("bad_manifest", msg.BUNDLE_BAD_MANIFEST.format(detail=f"{table}: {sorted(unknown)}"))
        try:
            Stamp.unpack(str(row["hlc"]))
            rev = revisions.load(row["rev"])
            if not all(isinstance(v, str) for v in rev):
                raise ValueError("rev")
        except (ValueError, TypeError) as error:
            raise b.BundleError("bad_manifest", msg.BUNDLE_BAD_MANIFEST.format(detail=f"{table}: {error}")) from None
        if any(not isinstance(v, (str, int, float, type(None))) for v in row.values()):
            raise b.BundleError("bad_manifest", msg.BUNDLE_BAD_MANIFEST.format(detail=f"{table}: value types"))


def _key(row: dict[str, Any]) -> tuple[str, str]:
    return (str(row["hlc"]), str(row["device_id"]))


@dataclass
class _Head:
    """A version of a row that no other known version descends from."""

    version: str
    rev: list[str]
    row: dict[str, Any]
    conflict_id: str | None  # None: the version stored in the table itself


def merge_row(store: Store, table: str, incoming: dict[str, Any], counts: Counter[str]) -> None:
    """Add one version of a row to what this replica knows (see the module docstring)."""
    if table == "conflict":
        # A conflict from another replica carries a losing version: merge it as one.
        record_table = str(incoming["record_type"])
        if record_table not in b.SYNCED_TABLES or record_table == "conflict":
            raise b.BundleError("bad_manifest", msg.BUNDLE_BAD_MANIFEST.format(detail="conflict table"))
        loser = json.loads(str(incoming["loser_row"]))
        loser["rev"] = incoming["rev"]
        check_rows(record_table, [loser], set(store.synced_columns(record_table)))
        merge_row(store, record_table, loser, counts)
        return
    columns = store.synced_columns(table)
    store.observe_stamp(str(incoming["hlc"]))
    record_id = str(incoming["id"])
    version = revisions.version(*_key(incoming))
    ancestry = set(revisions.load(incoming["rev"])) | {version}
    local = store.stored_row(table, record_id)
    heads = _conflict_heads(store, table, record_id)
    if local is not None:
        heads.append(_Head(revisions.version(*_key(local)), revisions.load(local["rev"]), local, None))
    if any(version == h.version or version in h.rev for h in heads):
        counts["unchanged"] += 1  # seen before, or an ancestor of what we have
        return
    store.drop_conflicts([h.conflict_id for h in heads if h.conflict_id and h.version in ancestry])
    row = {c: incoming.get(c) for c in columns}
    row["rev"] = revisions.dump(revisions.merge_revs(revisions.load(incoming["rev"]), [version]))
    if local is None:
        _write(store, table, None, row)
        counts["new"] += 1
        return
    local_version = revisions.version(*_key(local))
    if local_version in ancestry:
        _write(store, table, local, row)
        counts["updated"] += 1
        return
    counts["conflicts"] += 1
    if _key(incoming) > _key(local):
        _record_conflict(store, table, local, columns)
        _write(store, table, local, row)
        counts["updated"] += 1
    else:
        _record_conflict(store, table, row, columns)
        counts["unchanged"] += 1


def _conflict_heads(store: Store, table: str, record_id: str) -> list[_Head]:
    rows = store.conn.execute(
        "SELECT id, loser_version, rev, loser_row FROM conflict WHERE record_type = ? AND record_id = ?",
        (table, record_id),
    ).fetchall()
    return [_Head(row[1], revisions.load(row[2]), json.loads(row[3]), row[0]) for row in rows]


def _write(store: Store, table: str, old: dict[str, Any] | None, row: dict[str, Any]) -> None:
    rtype = r.RECORD_TYPES.get(table)
    if rtype is None:  # link rows are audited through their parent record
        store.write_rows(table, [RowWrite(row, old)])
        return
    if old is None:
        action, changes = "create", {}
    else:
        action = "delete" if row["deleted"] and not old["deleted"] else "update"
        changes = {
            f.name: [decode_value(f, old.get(f.name)), decode_value(f, row.get(f.name))]
            for f in rtype.column_fields
            if old.get(f.name) != row.get(f.name)
        }
    store.write_rows(table, [RowWrite(row, old, action, changes)])


def _record_conflict(store: Store, table: str, loser: dict[str, Any], columns: list[str]) -> None:
    """Keep a losing version. Its row depends only on that version, so every
    replica that keeps it stores the same row."""
    hlc, device = _key(loser)
    loser_v = revisions.version(hlc, device)
    conflict_id = str(uuid.uuid5(_CONFLICT_NAMESPACE, f"{table}|{loser['id']}|{loser_v}"))
    if store.stored_row("conflict", conflict_id) is not None:
        return
    row = {
        "id": conflict_id,
        "hlc": hlc,
        "device_id": device,
        "deleted": 0,
        "rev": loser["rev"],
        "record_type": table,
        "record_id": loser["id"],
        "winner_version": "",
        "loser_version": loser_v,
        "loser_row": json.dumps({c: loser.get(c) for c in columns if c != "rev"}, ensure_ascii=False, sort_keys=True),
        "detected_at": datetime.fromtimestamp(Stamp.unpack(hlc).wall_ms / 1000, UTC).isoformat(timespec="seconds"),
        "resolution": None,
    }
    store.write_rows("conflict", [RowWrite(row)])


def missing_references(store: Store, bundle: b.Bundle) -> int:
    conn = store.conn
    missing = 0
    for table, rows in bundle.tables.items():
        for fk in conn.execute(f"PRAGMA foreign_key_list({table})").fetchall():
            target, column = fk[2], fk[3]
            wanted = sorted({str(row[column]) for row in rows if row.get(column)})
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                marks = ", ".join("?" * len(chunk))
                found = conn.execute(f"SELECT count(*) FROM {target} WHERE id IN ({marks})", chunk).fetchone()[0]
                missing += len(chunk) - int(found)
    return missing
