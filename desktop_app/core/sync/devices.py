"""The devices a replica hears from: who sent what, which keys they sign with,
which are refused."""

from __future__ import annotations

import json
from typing import Any

from .. import db
from .. import messages as msg
from ..changes import DEVICES
from ..store import Store
from . import bundle as b


def device_registry(store: Store) -> list[dict[str, Any]]:
    """Every device this install has heard from (itself included), latest bundle first."""
    columns = ["id", "name", "cadre_id", "first_seen", "last_bundle_at", "bundle_count", "rows_received", "revoked"]
    rows = store.conn.execute(
        f"SELECT {', '.join(columns)} FROM device ORDER BY last_bundle_at IS NULL, last_bundle_at DESC, first_seen"
    ).fetchall()
    return [dict(zip(columns, row, strict=True)) for row in rows]


def other_devices(store: Store) -> list[dict[str, Any]]:
    """The registry without this install itself: what a hub operator reviews."""
    return [d for d in device_registry(store) if d["id"] != store.device_id]


def revoke_device(store: Store, device_id: str) -> bool:
    """Refuse this device's bundles from now on; False if there is no such other device."""
    with store.transaction():
        changed = store.conn.execute(
            "UPDATE device SET revoked = 1 WHERE id = ? AND id != ?", (device_id, store.device_id)
        ).rowcount
        if changed:
            store.note_change(DEVICES, [device_id])
    return bool(changed)


def check_sender(store: Store, bundle: b.Bundle) -> None:
    sender = bundle.sender
    device_id = str(sender["device_id"])
    if device_id == store.device_id:
        raise b.BundleError("own", str(msg.BUNDLE_OWN))
    row = store.conn.execute("SELECT public_key, revoked FROM device WHERE id = ?", (device_id,)).fetchone()
    if row is None:
        return  # trust on first use: recorded when the bundle is applied
    if row[1]:
        raise b.BundleError("revoked", msg.BUNDLE_REVOKED.format(device=device_id[:8]))
    if row[0] and row[0] != sender["public_key"]:
        raise b.BundleError("key_changed", msg.BUNDLE_KEY_CHANGED.format(device=device_id[:8]))


def record_bundle(store: Store, bundle: b.Bundle, file_name: str, new: int, updated: int, conflicts: int) -> None:
    """Note the sender (first seen: with its key) and the bundle, inside the import's transaction."""
    conn = store.conn
    sender = bundle.sender
    now = db.now_iso()
    store.note_change(DEVICES, [str(sender["device_id"])])
    conn.execute(
        "INSERT INTO device (id, name, cadre_id, public_key, first_seen, last_seen, last_bundle_at, bundle_count, "
        "rows_received) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?) ON CONFLICT(id) DO UPDATE SET "
        "name = coalesce(excluded.name, device.name), cadre_id = coalesce(excluded.cadre_id, device.cadre_id), "
        "public_key = coalesce(device.public_key, excluded.public_key), last_seen = excluded.last_seen, "
        "last_bundle_at = excluded.last_bundle_at, bundle_count = device.bundle_count + 1, "
        "rows_received = device.rows_received + excluded.rows_received",
        (
            sender["device_id"],
            sender.get("cadre_name"),
            sender.get("cadre_id"),
            sender["public_key"],
            now,
            now,
            bundle.manifest.get("created_at"),
            bundle.row_count(),
        ),
    )
    conn.execute(
        "INSERT INTO bundle_log (bundle_id, direction, device_id, file_name, at, counts) VALUES (?, 'in', ?, ?, ?, ?)",
        (
            bundle.bundle_id,
            sender["device_id"],
            file_name,
            now,
            json.dumps({"new": new, "updated": updated, "conflicts": conflicts}),
        ),
    )
