"""Replicas for sync tests: stores that share one hub identity, and state dumps."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop_app.core.store import RowWrite, Store
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


# -- a hub and two cadres' laptops, trusted as an operator would ---------------------


@dataclass
class World:
    hub: Replica
    a: Replica  # cadre 王芳's laptop
    b: Replica  # cadre 李娟's laptop
    root: Path
    n: int = 0

    def close(self) -> None:
        for replica in (self.hub, self.a, self.b):
            replica.close()

    def send(self, sender: Replica, receiver: Replica) -> exchange.ImportResult:
        self.n += 1
        out = sender.export(self.root / f"{sender.name}-{self.n}.age")
        assert out is not None, "nothing to send"
        return receiver.import_(out)


def laptop(root: Path, name: str, files: tuple[Path, Path], profile: dict[str, str]) -> Replica:
    replica = Replica(root / f"{name}.db", *files, name)
    replica.store.save_profile(profile)
    return replica


def make_world(tmp_path: Path) -> World:
    """A hub with its own profile, and two cadres' laptops it approved (they trust it as their hub)."""
    files = make_hub_key(tmp_path)
    hub = laptop(tmp_path, "hub", files, {"name": "县妇联", "org": "通州区妇联", "mobile": "13800000000"})
    a = laptop(tmp_path, "a", files, {"name": "王芳", "org": "通州区妇联", "mobile": "13811111111"})
    b = laptop(tmp_path, "b", files, {"name": "李娟", "org": "通州区妇联", "mobile": "13822222222"})
    hub.trust(a, b, role="cadre")
    a.trust(hub, role="hub")
    b.trust(hub, role="hub")
    w = World(hub, a, b, tmp_path)
    assert w.send(a, hub).new == 1 and w.send(b, hub).new == 1  # their profiles
    return w


def copy_to(source: Store, target: Store, table: str, record_id: str) -> None:
    """Give a laptop another's row as it is (as if it had received it): the attacker's starting point."""
    row = source.stored_row(table, record_id)
    assert row is not None
    target.conn.execute("PRAGMA foreign_keys = OFF")  # as a merge does: references may arrive later
    try:
        with target.transaction():
            target.write_rows(table, [RowWrite(row, target.stored_row(table, record_id))])
    finally:
        target.conn.execute("PRAGMA foreign_keys = ON")
