"""Changes a bundle carried that its sender may not make: held for the operator.

Nothing a bundle carries is dropped in silence. A row version the rights table
does not allow is kept here as a proposal ("proposed change from X"), with the
reason; the operator accepts it (it is then merged like any version, under its
original author and clock stamp, and travels on) or rejects it.
"""

from __future__ import annotations

import json
import uuid
from collections import Counter
from dataclasses import dataclass
from typing import Any

from .. import db, forgetting
from .. import messages as msg
from .. import records as r
from ..changes import PROPOSALS
from ..errors import NotFound, UsageError
from ..i18n import pick
from ..store import Row, Store
from . import devices, merge, revisions
from .rights import reason_text

PENDING, ACCEPTED, REJECTED = "pending", "accepted", "rejected"
_NAMESPACE = uuid.UUID("3c0f9f62-58b4-4c57-9d2e-1b7e0a6c2d90")
_COLUMNS = "id, received_at, bundle_id, sender_device, record_type, record_id, version, row, reason, status, decided_at"


@dataclass
class Proposal:
    id: str
    received_at: str
    bundle_id: str
    sender_device: str
    record_type: str
    record_id: str
    version: str
    row: dict[str, Any]
    reason: str
    status: str
    decided_at: str | None

    @property
    def reason_text(self) -> str:
        return reason_text(self.reason)

    def as_json(self) -> dict[str, Any]:
        return {**vars(self), "reason_text": self.reason_text}


def hold(store: Store, bundle_id: str, sender_device: str, table: str, row: Row, reason: str) -> bool:
    """Keep a version for review (once, however often its bundle is imported); True if it is new."""
    version = revisions.version(str(row["hlc"]), str(row["device_id"]))
    proposal_id = str(uuid.uuid5(_NAMESPACE, f"{table}|{row['id']}|{version}"))
    if row.get("deleted") and table in r.RECORD_TYPES:  # a deletion needs no personal fields to be judged
        row = forgetting.tombstone(store, table, row)
    cursor = store.conn.execute(
        f"INSERT OR IGNORE INTO proposal ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', NULL)",
        (proposal_id, db.now_iso(), bundle_id, sender_device, table, str(row["id"]), version,
         json.dumps(row, ensure_ascii=False, sort_keys=True), reason),
    )  # fmt: skip
    if cursor.rowcount:
        store.note_change(PROPOSALS, [sender_device])
    return bool(cursor.rowcount)


def status_label(status: str) -> str:
    return {
        PENDING: pick("待审核", "pending"),
        ACCEPTED: pick("已接受", "accepted"),
        REJECTED: pick("已拒绝", "rejected"),
    }.get(status, status)


def listed(store: Store, status: str | None = PENDING) -> list[Proposal]:
    sql = f"SELECT {_COLUMNS} FROM proposal"
    params: tuple[object, ...] = ()
    if status is not None:
        sql += " WHERE status = ?"
        params = (status,)
    rows = store.conn.execute(sql + " ORDER BY received_at, id", params).fetchall()
    return [_proposal(row) for row in rows]


def get(store: Store, proposal_id: str) -> Proposal:
    row = store.conn.execute(f"SELECT {_COLUMNS} FROM proposal WHERE id = ?", (proposal_id,)).fetchone()
    if row is None:
        raise NotFound(msg.NO_SUCH_PROPOSAL.format(proposal=proposal_id))
    return _proposal(row)


def _proposal(row: Any) -> Proposal:
    return Proposal(row[0], row[1], row[2], row[3], row[4], row[5], row[6], json.loads(row[7]), *row[8:])


def sender_label(store: Store, proposal: Proposal) -> str:
    device = devices.get(store, proposal.sender_device)
    return device.label if device else proposal.sender_device[:8]


def accept(store: Store, proposal_id: str) -> None:
    """Merge the held version as the operator's decision: it keeps its author and stamp."""
    proposal = _undecided(store, proposal_id)
    # As in an import, a reference may name a record still held or not yet arrived.
    store.conn.execute("PRAGMA foreign_keys = OFF")
    try:
        with store.transaction():
            store.observe_stamp(str(proposal.row["hlc"]))
            merge.merge_row(store, proposal.record_type, dict(proposal.row), Counter(), source=proposal.bundle_id)
            _decide(store, proposal, ACCEPTED)
    finally:
        store.conn.execute("PRAGMA foreign_keys = ON")


def reject(store: Store, proposal_id: str) -> None:
    proposal = _undecided(store, proposal_id)
    with store.transaction():
        _decide(store, proposal, REJECTED)


def _undecided(store: Store, proposal_id: str) -> Proposal:
    proposal = get(store, proposal_id)
    if proposal.status != PENDING:
        raise UsageError(msg.PROPOSAL_DECIDED.format(proposal=proposal_id))
    return proposal


def _decide(store: Store, proposal: Proposal, status: str) -> None:
    """Decided: what was proposed is in the records now (accepted) or not wanted
    (rejected); the list keeps who proposed what and when, not the personal fields."""
    kept = (
        forgetting.tombstone(store, proposal.record_type, proposal.row)
        if proposal.record_type in r.RECORD_TYPES
        else {}
    )
    kept = {k: v for k, v in kept.items() if k in ("id", "hlc", "device_id", "deleted", "owner_id")} or {
        "id": proposal.row.get("id")
    }
    store.conn.execute(
        "UPDATE proposal SET status = ?, decided_at = ?, row = ? WHERE id = ?",
        (status, db.now_iso(), json.dumps(kept, ensure_ascii=False, sort_keys=True), proposal.id),
    )
    store.note_change(PROPOSALS, [proposal.sender_device])
