"""Merging one bundle's rows into a replica: every head version of a row kept.

The replica keeps every *head* — a version no other known version descends
from: the newest (by clock stamp, then device id) in the table, the rest in
``conflict``. That set depends only on which versions were seen, never on
their order, so replicas that see the same bundles agree, conflicts included.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from . import bundle as b
from . import messages as msg
from . import records as r
from . import search, versions
from .clock import Stamp
from .store import Store

_CONFLICT_NAMESPACE = uuid.UUID("9a6c4a8e-2f0b-4d35-8c0e-5b7d13e2f4a1")


def synced_columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f"PRAGMA table_info({table})") if row[1] not in b.LOCAL_COLUMNS]


def check_rows(table: str, rows: list[dict[str, Any]], allowed: set[str]) -> None:
    for row in rows:
        unknown = set(row) - allowed
        if unknown or not {"id", "hlc", "device_id", "deleted", "rev"} <= set(row):
            raise b.BundleError("bad_manifest", msg.BUNDLE_BAD_MANIFEST.format(detail=f"{table}: {sorted(unknown)}"))
        try:
            Stamp.unpack(str(row["hlc"]))
            rev = versions.load(row["rev"])
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


def merge_row(store: Store, table: str, columns: list[str], incoming: dict[str, Any], counts: Counter[str]) -> None:
    """Add one version of a row to what this replica knows.

    The replica keeps every *head* — a version no other known version descends
    from: the newest (by clock stamp, then device id) in the table, the rest in
    ``conflict``. That set depends only on which versions were seen, never on
    their order, so replicas that see the same bundles agree, conflicts included.
    """
    if table == "conflict":
        # A conflict from another replica carries a losing version: merge it as one.
        record_table = str(incoming["record_type"])
        if record_table not in b.SYNCED_TABLES or record_table == "conflict":
            raise b.BundleError("bad_manifest", msg.BUNDLE_BAD_MANIFEST.format(detail="conflict table"))
        loser = json.loads(str(incoming["loser_row"]))
        loser["rev"] = incoming["rev"]
        record_columns = synced_columns(store.conn, record_table)
        check_rows(record_table, [loser], set(record_columns))
        merge_row(store, record_table, record_columns, loser, counts)
        return
    conn = store.conn
    store.observe_stamp(str(incoming["hlc"]))
    record_id = str(incoming["id"])
    version = versions.version(*_key(incoming))
    ancestry = set(versions.load(incoming["rev"])) | {version}
    existing = conn.execute(f"SELECT {', '.join(columns)} FROM {table} WHERE id = ?", (record_id,)).fetchone()
    local = dict(zip(columns, existing, strict=True)) if existing else None
    heads = _conflict_heads(conn, table, record_id)
    if local is not None:
        heads.append(_Head(versions.version(*_key(local)), versions.load(local["rev"]), local, None))
    if any(version == h.version or version in h.rev for h in heads):
        counts["unchanged"] += 1  # seen before, or an ancestor of what we have
        return
    for head in heads:
        if head.conflict_id and head.version in ancestry:
            conn.execute("DELETE FROM conflict WHERE id = ?", (head.conflict_id,))
    row = {c: incoming.get(c) for c in columns}
    row["rev"] = versions.dump(versions.merge_revs(versions.load(incoming["rev"]), [version]))
    if local is None:
        _write(store, table, columns, None, row)
        counts["new"] += 1
        return
    local_version = versions.version(*_key(local))
    if local_version in ancestry:
        _write(store, table, columns, local, row)
        counts["updated"] += 1
        return
    counts["conflicts"] += 1
    if _key(incoming) > _key(local):
        _record_conflict(store, table, local, columns)
        _write(store, table, columns, local, row)
        counts["updated"] += 1
    else:
        _record_conflict(store, table, row, columns)
        counts["unchanged"] += 1


def _conflict_heads(conn: sqlite3.Connection, table: str, record_id: str) -> list[_Head]:
    rows = conn.execute(
        "SELECT id, loser_version, rev, loser_row FROM conflict WHERE record_type = ? AND record_id = ?",
        (table, record_id),
    ).fetchall()
    return [_Head(row[1], versions.load(row[2]), json.loads(row[3]), row[0]) for row in rows]


def _write(store: Store, table: str, columns: list[str], old: dict[str, Any] | None, row: dict[str, Any]) -> None:
    conn = store.conn
    values = [row.get(c) for c in columns]
    if old is None:
        cursor = conn.execute(
            f"INSERT INTO {table} ({', '.join(columns)}, sync_seq) VALUES ({', '.join('?' * len(columns))}, ?)",
            [*values, store.next_sync_seq()],
        )
        seq = int(cursor.lastrowid or 0)
    else:
        sets = ", ".join(f"{c} = ?" for c in columns)
        conn.execute(
            f"UPDATE {table} SET {sets}, sync_seq = ? WHERE id = ?", [*values, store.next_sync_seq(), row["id"]]
        )
        seq = int(conn.execute(f"SELECT seq FROM {table} WHERE id = ?", (row["id"],)).fetchone()[0])
    rtype = r.RECORD_TYPES.get(table)
    if rtype and rtype.search_fields:
        fields = set(rtype.search_fields)
        if old is not None and not old["deleted"]:
            search.unindex(conn, rtype, seq, {k: v for k, v in old.items() if k in fields})
        if not row["deleted"]:
            search.index(conn, rtype, seq, {k: v for k, v in row.items() if k in fields})


def _record_conflict(store: Store, table: str, loser: dict[str, Any], columns: list[str]) -> None:
    """Keep a losing version. Its row depends only on that version, so every
    replica that keeps it stores the same row."""
    hlc, device = _key(loser)
    loser_v = versions.version(hlc, device)
    conflict_id = str(uuid.uuid5(_CONFLICT_NAMESPACE, f"{table}|{loser['id']}|{loser_v}"))
    loser_row = json.dumps({c: loser.get(c) for c in columns if c != "rev"}, ensure_ascii=False, sort_keys=True)
    store.conn.execute(
        "INSERT OR IGNORE INTO conflict (id, hlc, device_id, rev, sync_seq, record_type, record_id, winner_version, "
        "loser_version, loser_row, detected_at, resolution) VALUES (?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?, NULL)",
        (
            conflict_id,
            hlc,
            device,
            loser["rev"],
            store.next_sync_seq(),
            table,
            loser["id"],
            loser_v,
            loser_row,
            datetime.fromtimestamp(Stamp.unpack(hlc).wall_ms / 1000, UTC).isoformat(timespec="seconds"),
        ),
    )


def missing_references(conn: sqlite3.Connection, bundle: b.Bundle) -> int:
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
