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
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from .. import messages as msg
from .. import privacy
from .. import records as r
from ..clock import Stamp
from ..migrations import ADDED_IN_7
from ..store import RowWrite, Store, decode_value
from . import revisions
from .checks import bad_row, loser_of

_CONFLICT_NAMESPACE = uuid.UUID("9a6c4a8e-2f0b-4d35-8c0e-5b7d13e2f4a1")


def _key(row: dict[str, Any]) -> tuple[str, str]:
    return (str(row["hlc"]), str(row["device_id"]))


@dataclass
class _Head:
    """A version of a row that no other known version descends from."""

    version: str
    rev: list[str]
    row: dict[str, Any]
    conflict_id: str | None  # None: the version stored in the table itself


Gate = Callable[[str, dict[str, Any], dict[str, Any] | None], bool]  # False: held for the operator


class NewRows:
    """New rows of one table gathered while a bundle is merged, written together
    (one insert, one index update, one audit insert for many rows)."""

    def __init__(self, store: Store, source: str | None):
        self.store = store
        self.source = source
        self.table: str | None = None
        self.writes: list[RowWrite] = []
        self.ids: set[str] = set()

    def add(self, table: str, row: dict[str, Any]) -> None:
        if table != self.table:
            self.flush()
            self.table = table
        action = "create" if table in r.RECORD_TYPES else None  # link rows are audited through their parent
        self.writes.append(RowWrite(row, None, action, {}, self.source))
        self.ids.add(str(row["id"]))
        if len(self.writes) >= 2000:
            self.flush()

    def holds(self, table: str, record_id: str) -> bool:
        return table == self.table and record_id in self.ids

    def flush(self) -> None:
        if self.writes and self.table is not None:
            self.store.write_rows(self.table, self.writes)
        self.writes, self.ids = [], set()


def merge_row(
    store: Store,
    table: str,
    incoming: dict[str, Any],
    counts: Counter[str],
    gate: Gate | None = None,
    source: str | None = None,
    new_rows: NewRows | None = None,
) -> None:
    """Add one version of a row (checked by ``checks.check_row``) to what this replica knows.

    ``gate`` sees every version that would change something here before it is
    stored, and may hold it instead; ``source`` is the bundle it came in;
    ``new_rows`` gathers rows new here to write them together.
    """
    if table == "conflict":
        # A conflict from another replica carries a losing version: merge it as one.
        record_table, loser = loser_of(incoming)
        merge_row(store, record_table, loser, counts, gate, source, new_rows)
        return
    columns = store.synced_columns(table)
    store.observe_stamp(str(incoming["hlc"]))
    record_id = str(incoming["id"])
    if new_rows is not None and new_rows.holds(table, record_id):
        new_rows.flush()  # the same record twice in one bundle: the first must be stored to merge the second
    version = revisions.version(*_key(incoming))
    incoming_rev = revisions.load(incoming["rev"])
    ancestry = set(incoming_rev) | {version}
    local = store.stored_row(table, record_id)
    heads = _conflict_heads(store, table, record_id)
    if local is not None:
        heads.append(_Head(revisions.version(*_key(local)), revisions.load(local["rev"]), local, None))
    # Columns an older app's row does not carry are neither compared nor overwritten.
    absent = [c for c in ADDED_IN_7.get(table, ()) if c not in incoming]
    compared = [c for c in columns if c not in absent]
    for head in heads:
        if version == head.version and _content(head.row, compared) != _content(incoming, compared):
            # One version, two contents: replicas seeing them in other orders would differ silently.
            raise bad_row(table, record_id, "hlc", str(msg.ROW_VERSION_REUSED))
    if any(version == h.version or version in h.rev for h in heads):
        counts["unchanged"] += 1  # seen before, or an ancestor of what we have
        return
    row = {c: incoming.get(c) for c in columns}
    if "owner_id" not in incoming:  # from an app before schema 5: the owner stays
        row["owner_id"] = local.get("owner_id") if local else None
    for column in absent:
        row[column] = local.get(column) if local else None
    if gate is not None and not gate(table, row, local):
        counts["held"] += 1
        return
    store.drop_conflicts([h.conflict_id for h in heads if h.conflict_id and h.version in ancestry])
    kept_versions = [v for h in heads if h.conflict_id for v in (h.version, *h.rev)]
    # A deletion drops the record's kept conflicting versions: it descends from them.
    also = kept_versions if row["deleted"] and table in r.RECORD_TYPES else []
    row["rev"] = revisions.dump(revisions.merge_revs(incoming_rev, [version], also))
    if local is None:
        if new_rows is not None:
            new_rows.add(table, row)
        else:
            _write(store, table, None, row, source)
        counts["new"] += 1
        return
    local_version = revisions.version(*_key(local))
    if local_version in ancestry:
        _write(store, table, local, row, source)
        counts["updated"] += 1
        return
    if table in r.RECORD_TYPES and (row["deleted"] or local["deleted"]):
        _deletion_wins(store, table, local, row, version, kept_versions, source, counts)
        return
    counts["conflicts"] += 1
    if _key(incoming) > _key(local):
        _record_conflict(store, table, local, columns)
        _write(store, table, local, row, source)
        counts["updated"] += 1
    else:
        _record_conflict(store, table, row, columns)
        counts["unchanged"] += 1


def _deletion_wins(
    store: Store,
    table: str,
    local: dict[str, Any],
    incoming: dict[str, Any],
    version: str,
    kept_versions: list[str],
    source: str | None,
    counts: Counter[str],
) -> None:
    """Concurrent versions of a record, one of them a deletion: the deletion
    stands, whatever the stamps, and the edit is forgotten (privacy.py: a
    deleted woman does not come back through a laptop that had not heard of it
    yet); of two deletions the later stamp is kept. No conflict is kept. The
    version kept descends from both (and from any conflicting version the
    deletion drops), so every replica ends with the same row whatever the order."""
    local_version = revisions.version(*_key(local))
    incoming_wins = bool(incoming["deleted"]) and (not local["deleted"] or _key(incoming) > _key(local))
    rev = revisions.dump(
        revisions.merge_revs(
            revisions.load(incoming["rev"]), revisions.load(local["rev"]), [version, local_version, *kept_versions]
        )
    )
    if incoming_wins:
        _write(store, table, local, {**incoming, "rev": rev}, source)
        counts["updated"] += 1
    else:
        store.write_rows(table, [RowWrite({**local, "rev": rev}, local, bundle_id=source)])
        counts["unchanged"] += 1


def _content(row: dict[str, Any], columns: list[str]) -> dict[str, Any]:
    # rev is how far its history reaches; owner_id is filled in for rows from older apps
    if row.get("deleted"):
        return privacy.tombstone_content(row)
    content = {c: row.get(c) for c in columns if c not in ("rev", "owner_id")}
    if "loser_row" in content:  # a kept deleted version, cleared by one replica, maybe not yet by another
        content["loser_row"] = privacy.conflict_loser_content(content["loser_row"])
    return content


def _conflict_heads(store: Store, table: str, record_id: str) -> list[_Head]:
    rows = store.conn.execute(
        "SELECT id, loser_version, rev, loser_row FROM conflict WHERE record_type = ? AND record_id = ?",
        (table, record_id),
    ).fetchall()
    return [_Head(row[1], revisions.load(row[2]), json.loads(row[3]), row[0]) for row in rows]


def _write(store: Store, table: str, old: dict[str, Any] | None, row: dict[str, Any], source: str | None) -> None:
    rtype = r.RECORD_TYPES.get(table)
    if rtype is None:  # link rows are audited through their parent record
        store.write_rows(table, [RowWrite(row, old, bundle_id=source)])
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
    store.write_rows(table, [RowWrite(row, old, action, changes, source)])


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
        "owner_id": loser.get("owner_id"),
    }
    store.write_rows("conflict", [RowWrite(row)])


class References:
    """The records a bundle's rows refer to, noted as they are merged; which have not arrived."""

    def __init__(self, store: Store):
        self._store = store
        self._keys: dict[str, list[tuple[str, str]]] = {}  # table -> (column, table it refers to)
        self._wanted: dict[str, set[str]] = {}

    def note(self, table: str, row: dict[str, Any]) -> None:
        keys = self._keys.get(table)
        if keys is None:
            found = self._store.conn.execute(f"PRAGMA foreign_key_list({table})").fetchall()
            keys = self._keys[table] = [(fk[3], fk[2]) for fk in found]
        for column, target in keys:
            value = row.get(column)
            if isinstance(value, str) and value:
                self._wanted.setdefault(target, set()).add(value)

    def missing(self) -> int:
        """How many referred-to records this replica does not hold yet (each counted once)."""
        missing = 0
        for target, ids in self._wanted.items():
            wanted = sorted(ids)
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                marks = ", ".join("?" * len(chunk))
                found = self._store.conn.execute(f"SELECT count(*) FROM {target} WHERE id IN ({marks})", chunk)
                missing += len(chunk) - int(found.fetchone()[0])
        return missing
