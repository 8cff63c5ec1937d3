"""Replicas for sync tests: stores that share one hub identity, and state dumps."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop_app.core.store import Store
from desktop_app.core.sync import bundle, devices, exchange, keys


class Replica:
    """A store that can decrypt bundles sent to the shared hub key."""

    def __init__(self, path: Path, identity_file: Path, hub_key: Path, name: str, wall_ms: Any = None):
        self.store = Store(path, wall_ms=wall_ms)
        self.name = name
        with self.store.transaction():
            keys.import_identity(self.store, identity_file)
            recipient, _ = keys.read_hub_key(hub_key)
            self.destination = keys.add_hub(self.store, recipient, "hub")

    def trust(self, *others: Replica, role: str = "mirror") -> None:
        """Approve other replicas' devices here, as an operator would (mirror: may write anything)."""
        for other in others:
            devices.enrol(
                self.store,
                {"device_id": other.store.device_id, "public_key": keys.public_key(other.store),
                 "cadre_id": other.store.own_cadre_id,
                 "cadre_name": (other.store.own_cadre() or {}).get("name") or other.name},
                role,
            )  # fmt: skip

    def export(self, out: Path, full: bool = False) -> Path | None:
        destination = keys.destination(self.store, self.destination.id)
        try:
            exchange.export_bundle(self.store, out, destination, full=full)
        except exchange.NothingToExport:
            return None
        return out

    def import_(self, path: Path) -> exchange.ImportResult:
        return exchange.import_file(self.store, path)

    def close(self) -> None:
        self.store.close()


def make_hub_key(directory: Path) -> tuple[Path, Path]:
    """An identity file and its recipient file, as a county hub would hand out."""
    from pyrage import x25519

    identity = x25519.Identity.generate()
    identity_file = directory / "hub.identity"
    identity_file.write_text(f"{identity}\n", encoding="utf-8")
    hub_key = directory / "hub.key"
    hub_key.write_text(f"{keys.HUB_KEY_HEADER}: 测试县妇联\n{identity.to_public()}\n", encoding="utf-8")
    return identity_file, hub_key


def dump(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every synced row, without local row numbers: the logical state."""
    state = {}
    for table in bundle.SYNCED_TABLES:
        columns = store.synced_columns(table)
        rows = store.conn.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY id").fetchall()
        state[table] = [tuple(row) for row in rows]
    return state
