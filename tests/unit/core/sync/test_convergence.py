"""Any order and duplication of a set of bundles from several devices gives the
same state, conflicts included, on every replica that imports them all."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.sync_helpers import Replica, dump, make_hub_key

REGIONS = ["甲", "乙", "丙", "丁"]
op = st.one_of(
    st.tuples(st.just("edit"), st.integers(0, 2), st.sampled_from(REGIONS)),
    st.tuples(st.just("new"), st.integers(0, 99), st.just("")),
    st.tuples(st.just("delete"), st.integers(0, 2), st.just("")),
    st.tuples(st.just("link"), st.integers(0, 2), st.just("")),
)


def _apply(replica: Replica, ops: list[tuple[str, int, str]], base_points: list[str]) -> None:
    store = replica.store
    for kind, index, value in ops:
        point = base_points[index % len(base_points)]
        alive = store.exists("liaison_point", point)
        if kind == "edit" and alive:
            store.save("liaison_point", {"region": f"{replica.name}{value}"}, point)
        elif kind == "new":
            store.save("liaison_point", {"name": f"{replica.name}新点{index}", "kind": "village"})
        elif kind == "delete" and alive:
            store.delete("liaison_point", point)
        elif kind == "link" and alive:
            own = store.own_cadre_id
            current = store.get("liaison_point", point)["cadre_ids"]
            wanted = [c for c in current if c != own] if own in current else [*current, own]
            store.save("liaison_point", {"cadre_ids": wanted}, point)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    rounds=st.lists(st.lists(st.lists(op, max_size=4), min_size=3, max_size=3), min_size=1, max_size=2),
    data=st.data(),
)
def test_bundles_in_any_order_converge(rounds: list[list[list[tuple[str, int, str]]]], data: st.DataObject) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        identity, hub_key = make_hub_key(root)
        devices = [Replica(root / f"{name}.db", identity, hub_key, name) for name in "ABC"]
        for device in devices:
            device.store.save_profile({"name": f"干部{device.name}", "org": "妇联"})
        for device in devices:  # peers that may change each other's records (rights: test_rights.py)
            device.trust(*[d for d in devices if d is not device])
        base_points = [
            devices[0].store.save("liaison_point", {"name": f"联系点{i}", "kind": "village"})["id"] for i in range(3)
        ]
        bundles: list[Path] = []
        base = devices[0].export(root / "base.age", full=True)
        assert base is not None
        bundles.append(base)
        for device in devices[1:]:
            assert device.import_(base).ok
        for round_number, ops_per_device in enumerate(rounds):
            for device, ops in zip(devices, ops_per_device, strict=True):
                _apply(device, ops, base_points)
                out = device.export(root / f"{device.name}{round_number}.age")
                if out is not None:
                    bundles.append(out)
            # Between rounds some devices hear from some others, so later edits
            # build on merged rows (fast-forwards) as well as race them.
            for device in devices:
                heard = data.draw(st.lists(st.sampled_from(bundles), max_size=3), label="heard")
                for path in heard:
                    device.import_(path)
        replicas = [Replica(root / f"r{i}.db", identity, hub_key, f"R{i}") for i in range(2)]
        for replica in replicas:
            replica.trust(*devices)
        for replica in [*replicas, *devices]:
            order = data.draw(st.permutations(bundles), label="order")
            again = data.draw(st.lists(st.sampled_from(bundles), max_size=3), label="again")
            for path in [*order, *again]:
                result = replica.import_(path)
                assert result.ok or result.code == "own", result.message
        # Profiles differ per device (own cadre), so compare synced state only.
        states = [dump(r.store) for r in [*replicas, *devices]]
        for state in states[1:]:
            assert state == states[0]
        for r in [*replicas, *devices]:
            assert r.store.check() == []
            r.close()
