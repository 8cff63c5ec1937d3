"""The devices a replica hears from, and what this install's operator decided about them.

A device is its signing key. A new install's device id is derived from that
key, so no other key can claim it; an older install's id is bound to its key
the first time the operator approves it. A device unknown here is *pending*:
its bundles wait (kept here) until the operator approves it, binding it to the
cadre it claims and a role (docs/trust.md), or until it is refused. Revoking a
device refuses its bundles; blocking a cadre refuses every device of hers,
including ones she has yet to make.
"""

from __future__ import annotations

import base64
import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from .. import characters, db, phones
from .. import messages as msg
from ..changes import DEVICES
from ..errors import UsageError
from ..store import Store
from . import bundle as b
from . import keys
from .keys import derive_device_id, fingerprint, is_derived
from .rights import CADRE, HUB, MIRROR, ROLES, Writer

PENDING, APPROVED, REVOKED = "pending", "approved", "revoked"
_COLUMNS = (
    "id, name, cadre_id, public_key, status, role, federation, first_seen, last_bundle_at, bundle_count, "
    "rows_received, vouched_by, app_version"
)


@dataclass
class Device:
    id: str
    name: str | None
    cadre_id: str | None
    public_key: str | None
    status: str
    role: str
    federation: str | None
    first_seen: str
    last_bundle_at: str | None
    bundle_count: int
    rows_received: int
    vouched_by: str | None
    app_version: str | None
    blocked: bool = False  # her cadre is blocked

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_key) if self.public_key else ""

    @property
    def label(self) -> str:
        """How a person tells devices apart: whose it is, and its key's fingerprint."""
        return f"{self.name or '?'} · {self.fingerprint}"

    def writer(self) -> Writer:
        return Writer(self.id, self.cadre_id, self.role, self.label)

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["fingerprint"] = self.fingerprint
        data["status"] = REVOKED if self.blocked else self.status
        return data


def get(store: Store, device_id: str) -> Device | None:
    row = store.conn.execute(f"SELECT {_COLUMNS} FROM device WHERE id = ?", (device_id,)).fetchone()
    return _device(store, row) if row else None


def _device(store: Store, row: Any) -> Device:
    device = Device(*row)
    device.blocked = bool(
        device.cadre_id
        and store.conn.execute("SELECT 1 FROM blocked_cadre WHERE cadre_id = ?", (device.cadre_id,)).fetchone()
    )
    return device


def registry(store: Store) -> list[Device]:
    """Every other device this install has heard of: waiting for approval first, then latest bundle first."""
    rows = store.conn.execute(
        f"SELECT {_COLUMNS} FROM device WHERE id != ? ORDER BY status != 'pending', last_bundle_at IS NULL, "
        "last_bundle_at DESC, first_seen",
        (store.device_id,),
    ).fetchall()
    return [_device(store, row) for row in rows]


def pending(store: Store) -> list[Device]:
    return [d for d in registry(store) if d.status == PENDING and not d.blocked]


# -- who may send -------------------------------------------------------------


def check_sender(store: Store, bundle: b.Bundle) -> Device | None:
    """The approved device that sent ``bundle``; None if it waits for approval.

    Refuses (BundleError) what must never be merged: our own bundle, a revoked
    device or a blocked cadre, a key other than the one the id is bound to.
    """
    sender = bundle.sender
    device_id, public_key = str(sender["device_id"]), str(sender["public_key"])
    if device_id == store.device_id:
        raise b.BundleError("own", str(msg.BUNDLE_OWN))
    device = get(store, device_id)
    if device is not None and device.public_key and device.public_key != public_key:
        raise b.BundleError("key_changed", msg.BUNDLE_KEY_CHANGED.format(device=device.label))
    if is_derived(device_id) and device_id != derive_device_id(public_key):
        raise b.BundleError("key_changed", msg.BUNDLE_ID_NOT_KEY.format(device_id=device_id))
    cadre_id = sender.get("cadre_id")
    if cadre_id and store.conn.execute("SELECT 1 FROM blocked_cadre WHERE cadre_id = ?", (cadre_id,)).fetchone():
        raise b.BundleError("revoked", msg.BUNDLE_CADRE_BLOCKED.format(device=_claimed(sender, public_key)))
    if device is None:
        return None
    if device.status == REVOKED or device.blocked:
        raise b.BundleError("revoked", msg.BUNDLE_REVOKED.format(device=device.label))
    return device if device.status == APPROVED else None


def _claimed(sender: dict[str, Any], public_key: str) -> str:
    return f"{_text(sender.get('cadre_name')) or '?'} · {fingerprint(public_key)}"


def hold(store: Store, bundle: b.Bundle, plain: bytes, file_name: str) -> Device:
    """Keep a bundle from a device not yet approved, and list the device for the operator."""
    sender = bundle.sender
    now = db.now_iso()
    role = CADRE  # whatever the bundle says of itself: more only by the operator's explicit choice
    _room_to_hold(store, str(sender["device_id"]), len(plain))
    with store.transaction():
        store.conn.execute(
            "INSERT INTO device (id, name, cadre_id, public_key, first_seen, last_seen, status, role, federation, "
            "app_version) VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
            "name = excluded.name, cadre_id = excluded.cadre_id, federation = excluded.federation, "
            "last_seen = excluded.last_seen, app_version = excluded.app_version",
            (
                sender["device_id"], _text(sender.get("cadre_name")), _text(sender.get("cadre_id")),
                sender["public_key"], now, now, role, _text(sender.get("federation")), _text(sender.get("app_version")),
            ),
        )  # fmt: skip
        store.conn.execute(
            "INSERT OR IGNORE INTO held_bundle (bundle_id, device_id, received_at, file_name, plain) "
            "VALUES (?, ?, ?, ?, ?)",
            (bundle.bundle_id, sender["device_id"], now, file_name, plain),
        )
        store.note_change(DEVICES, [str(sender["device_id"])])
    found = get(store, str(sender["device_id"]))
    assert found is not None
    return found


_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\Z")


def _text(value: object) -> str | None:
    """A claimed name as it may be shown: printable, at most 100 characters."""
    return characters.shown(value, 100) if isinstance(value, str) else None


def is_device_id(value: object) -> bool:
    return isinstance(value, str) and _UUID.match(value) is not None


MAX_HELD_PER_DEVICE = 64 << 20
MAX_HELD_TOTAL = 512 << 20
MAX_PENDING_DEVICES = 100


def _room_to_hold(store: Store, device_id: str, size: int) -> None:
    """Strangers' bundles are kept in the database: never more than these bounds."""
    mine, total = store.conn.execute(
        "SELECT coalesce(sum(CASE WHEN device_id = ? THEN length(plain) END), 0), coalesce(sum(length(plain)), 0) "
        "FROM held_bundle",
        (device_id,),
    ).fetchone()
    waiting = store.conn.execute(
        "SELECT count(*) FROM device WHERE status = 'pending' AND id != ?", (device_id,)
    ).fetchone()[0]
    if mine + size > MAX_HELD_PER_DEVICE or total + size > MAX_HELD_TOTAL:
        raise b.BundleError("held_full", msg.BUNDLE_HELD_FULL.format(detail=f"{(total + size) >> 20} MB"))
    if waiting >= MAX_PENDING_DEVICES:
        raise b.BundleError("held_full", msg.BUNDLE_HELD_FULL.format(detail=str(waiting)))


def held_bundles(store: Store, device_id: str) -> list[tuple[str, str, bytes]]:
    """(bundle id, file name, decrypted ZIP) of the bundles waiting for this device, oldest first."""
    rows = store.conn.execute(
        "SELECT bundle_id, coalesce(file_name, ''), plain FROM held_bundle WHERE device_id = ? ORDER BY received_at",
        (device_id,),
    ).fetchall()
    return [(row[0], row[1], bytes(row[2])) for row in rows]


def release(store: Store, bundle_id: str) -> None:
    with store.transaction():
        store.conn.execute("DELETE FROM held_bundle WHERE bundle_id = ?", (bundle_id,))


# -- the operator's decisions --------------------------------------------------


def approve(store: Store, device_id: str, role: str | None = None, cadre_id: str | None = None) -> Device:
    """Trust this device as the laptop of the cadre it claims (or ``cadre_id``), in ``role``."""
    device = get(store, device_id)
    if device is None or device_id == store.device_id:
        raise UsageError(msg.NO_SUCH_DEVICE.format(device=device_id))
    if role is not None and role not in ROLES:
        raise UsageError(msg.BAD_ROLE.format(role=role, roles="、".join(ROLES)))
    cadre = cadre_id or device.cadre_id
    if cadre and store.conn.execute("SELECT 1 FROM blocked_cadre WHERE cadre_id = ?", (cadre,)).fetchone():
        raise UsageError(msg.CADRE_IS_BLOCKED.format(device=device.label))
    with store.transaction():
        store.conn.execute(
            "UPDATE device SET status = 'approved', revoked = 0, role = ?, cadre_id = ?, decided_at = ? WHERE id = ?",
            (role or device.role, cadre, db.now_iso(), device_id),
        )
        store.note_change(DEVICES, [device_id])
    approved = get(store, device_id)
    assert approved is not None
    return approved


def enrol(store: Store, facts: dict[str, Any], role: str = CADRE, vouched_by: str | None = None) -> Device:
    """Register a new device as approved from what a trusted party says about it
    (an enrolment file, a hub key file, a hub vouching in a roll-up).

    A device already known here keeps its role, cadre and state: enrolment never
    re-binds or promotes a device (only the operator's approval decides those).
    """
    device_id, public_key = str(facts.get("device_id") or ""), str(facts.get("public_key") or "")
    try:
        valid_key = len(base64.b64decode(public_key, validate=True)) == 32
    except ValueError:
        valid_key = False
    if (
        not valid_key
        or not is_device_id(device_id)
        or (is_derived(device_id) and device_id != derive_device_id(public_key))
    ):
        raise UsageError(msg.BAD_ENROLMENT.format(detail=_text(device_id) or "?"))
    cadre_id = facts.get("cadre_id")
    if cadre_id is not None and (not isinstance(cadre_id, str) or not is_device_id(cadre_id)):
        raise UsageError(msg.BAD_ENROLMENT.format(detail="cadre_id"))
    known = get(store, device_id)
    if known is not None:
        if known.public_key and known.public_key != public_key:
            raise UsageError(msg.BUNDLE_KEY_CHANGED.format(device=known.label))
        return known
    now = db.now_iso()
    with store.transaction():
        store.conn.execute(
            "INSERT INTO device (id, name, cadre_id, public_key, first_seen, status, role, federation, vouched_by, "
            "decided_at) VALUES (?, ?, ?, ?, ?, 'approved', ?, ?, ?, ?)",
            (device_id, _text(facts.get("cadre_name")), cadre_id, public_key, now, role,
             _text(facts.get("federation")), vouched_by, now),
        )  # fmt: skip
        store.note_change(DEVICES, [device_id])
    enrolled = get(store, device_id)
    assert enrolled is not None
    return enrolled


def may_vouch(store: Store, cadre_id: object) -> bool:
    """Whether a hub may vouch here for a device of this cadre: not for this
    install's own cadre, a cadre who has her own approved laptop here, or a blocked one."""
    if cadre_id is None:
        return True
    if not isinstance(cadre_id, str) or cadre_id == store.own_cadre_id:
        return False
    found = store.conn.execute(
        "SELECT 1 FROM device WHERE cadre_id = ? AND status = 'approved' AND vouched_by IS NULL "
        "UNION SELECT 1 FROM blocked_cadre WHERE cadre_id = ?",
        (cadre_id, cadre_id),
    ).fetchone()
    return found is None


@dataclass
class Binding:
    """Who a waiting device would be bound to here, and what should make the operator look twice."""

    claimed_name: str
    record_name: str | None  # this install's record of that cadre, if it has one
    record_phone: str
    differs: bool  # the name it claims is not the name on record
    other_devices: int  # approved devices this cadre already has here

    def warnings(self) -> list[str]:
        found = []
        if self.record_name is None:
            found.append(str(msg.BINDING_NEW_CADRE))
        elif self.differs:
            found.append(msg.BINDING_NAME_DIFFERS.format(claimed=self.claimed_name, actual=self.record_name))
        if self.other_devices:
            found.append(msg.BINDING_MORE_DEVICES.format(n=self.other_devices))
        return found


def binding(store: Store, device: Device) -> Binding:
    record = store.get("cadre", device.cadre_id) if device.cadre_id and store.exists("cadre", device.cadre_id) else None
    others = 0
    if device.cadre_id:
        others = int(store.conn.execute(
            "SELECT count(*) FROM device WHERE cadre_id = ? AND status = 'approved' AND id != ?",
            (device.cadre_id, device.id),
        ).fetchone()[0])  # fmt: skip
    return Binding(
        device.name or "?",
        record["name"] if record else None,
        phones.mask(record.get("mobile")) if record else "",
        bool(record and record["name"] != device.name),
        others,
    )


def revoke_device(store: Store, device_id: str) -> bool:
    """Refuse this device's bundles from now on; False if there is no such other device."""
    with store.transaction():
        changed = store.conn.execute(
            "UPDATE device SET revoked = 1, status = 'revoked', decided_at = ? WHERE id = ? AND id != ?",
            (db.now_iso(), device_id, store.device_id),
        ).rowcount
        store.conn.execute("DELETE FROM held_bundle WHERE device_id = ?", (device_id,))
        if changed:
            store.note_change(DEVICES, [device_id])
    return bool(changed)


def block_cadre(store: Store, cadre_id: str, reason: str = "") -> int:
    """Refuse every bundle of a cadre's devices, present and future; returns how many devices she had."""
    known = store.conn.execute(
        "SELECT 1 FROM cadre WHERE id = ? UNION SELECT 1 FROM device WHERE cadre_id = ?", (cadre_id, cadre_id)
    ).fetchone()
    if known is None:
        raise UsageError(msg.NO_SUCH_CADRE.format(cadre=cadre_id))
    with store.transaction():
        store.conn.execute(
            "INSERT OR REPLACE INTO blocked_cadre (cadre_id, blocked_at, reason) VALUES (?, ?, ?)",
            (cadre_id, db.now_iso(), reason),
        )
        ids = [row[0] for row in store.conn.execute("SELECT id FROM device WHERE cadre_id = ?", (cadre_id,))]
        for device_id in ids:
            store.conn.execute("DELETE FROM held_bundle WHERE device_id = ?", (device_id,))
        store.note_change(DEVICES, ids)
    return len(ids)


def unblock_cadre(store: Store, cadre_id: str) -> None:
    with store.transaction():
        store.conn.execute("DELETE FROM blocked_cadre WHERE cadre_id = ?", (cadre_id,))
        store.note_change(DEVICES)


def authors_for_export(store: Store, device_ids: set[str]) -> dict[str, dict[str, Any]]:
    """What this install knows of the devices whose rows it passes on: its vouching for them."""
    found: dict[str, dict[str, Any]] = {}
    for device_id in sorted(device_ids - {store.device_id}):
        device = get(store, device_id)
        if device is None or device.status != APPROVED or device.blocked or not device.public_key:
            continue
        found[device_id] = {
            "public_key": device.public_key,
            "cadre_id": device.cadre_id,
            "cadre_name": device.name,
            "federation": device.federation,
            "role": CADRE if device.role == MIRROR else device.role,
        }
    return found


# -- what arrived ---------------------------------------------------------------


_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00\Z")  # as db.now_iso writes it


def _made_at(claimed: object, now: str) -> str:
    """When the laptop says it made the bundle, if that is a time and not after it arrived: a laptop
    dating its bundle 2099 would never show as silent on the hub's list."""
    if isinstance(claimed, str) and _STAMP.match(claimed) and claimed <= now:
        return claimed
    return now


def record_bundle(store: Store, bundle: b.Bundle, file_name: str, new: int, updated: int, conflicts: int) -> None:
    """Note the bundle and count it for its sender, inside the import's transaction."""
    sender = bundle.sender
    now = db.now_iso()
    store.note_change(DEVICES, [str(sender["device_id"])])
    store.conn.execute(
        "UPDATE device SET last_seen = ?, last_bundle_at = ?, bundle_count = bundle_count + 1, "
        "rows_received = rows_received + ?, app_version = coalesce(?, app_version) WHERE id = ?",
        (now, _made_at(bundle.manifest.get("created_at"), now), bundle.row_count(), _text(sender.get("app_version")),
         sender["device_id"]),
    )  # fmt: skip
    store.conn.execute(
        "INSERT INTO bundle_log (bundle_id, direction, device_id, file_name, at, counts) VALUES (?, 'in', ?, ?, ?, ?)",
        (bundle.bundle_id, sender["device_id"], file_name, now,
         json.dumps({"new": new, "updated": updated, "conflicts": conflicts})),
    )  # fmt: skip


MAX_REASON = 500  # a refusal's message quotes what the sender sent: never megabytes of it, kept forever


def record_refusal(store: Store, file_name: str, device_id: str | None, code: str, message: str) -> None:
    """Keep a refused bundle's reason for the operator (the database is otherwise unchanged)."""
    with store.transaction():
        store.conn.execute(
            "INSERT INTO refused_bundle (at, file_name, device_id, code, message) VALUES (?, ?, ?, ?, ?)",
            (db.now_iso(), characters.file_name(file_name), device_id, code, characters.shown(message, MAX_REASON)),
        )
        store.note_change(DEVICES)


def refusals(store: Store, limit: int = 200) -> list[dict[str, Any]]:
    rows = store.conn.execute(
        "SELECT at, file_name, device_id, code, message FROM refused_bundle ORDER BY seq DESC LIMIT ?", (limit,)
    ).fetchall()
    return [dict(zip(("at", "file_name", "device_id", "code", "message"), row, strict=True)) for row in rows]


# -- enrolment: trust set up before the first bundle ---------------------------------


def import_hub_key(store: Store, path: Path, name: str | None = None) -> keys.Destination:
    """On a cadre's laptop: send bundles to this hub, and trust the bundles it sends down."""
    recipient, found_name = keys.read_hub_key(path)
    destination = keys.add_hub(store, recipient, name or found_name)
    signer = keys.read_hub_signer(path)
    if signer is not None and signer["device_id"] != store.device_id:
        enrol(store, signer, HUB)
    return destination
