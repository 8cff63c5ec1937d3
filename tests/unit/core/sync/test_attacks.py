"""What a hostile laptop tried in review, each class pinned down: who decides a
device's role and binding, forged relays, malformed manifests and rows, clocks
pushed from outside, and strangers filling the hub."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop_app.core import migrations
from desktop_app.core.clock import Stamp
from desktop_app.core.ids import link_id
from desktop_app.core.store import Store
from desktop_app.core.sync import bundle, devices, exchange, keys, proposals, rights
from tests.sync_helpers import Replica, World, laptop, make_world


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    w = make_world(tmp_path)
    yield w
    w.close()


def resend(world: World, sender: Replica, change: Callable[[dict[str, Any], dict[str, list[dict[str, Any]]]], None],
           name: str) -> exchange.ImportResult:  # fmt: skip
    """Export the sender's next bundle, change it after decryption, sign it again with
    the sender's real key (the attacker owns that laptop), and import it at the hub."""
    out = sender.export(world.root / f"{name}.age", full=True)
    assert out is not None
    opened = exchange.read_file(world.hub.store, out)
    manifest = {k: v for k, v in opened.manifest.items() if k not in ("tables", "entries", "format", "format_version",
                                                                        "schema_version")}  # fmt: skip
    tables = opened.tables
    change(manifest, tables)
    # JSON with \\u escapes, as an attacker may write it: a lone surrogate is then valid JSON.
    entries = {f"tables/{t}.ndjson": b"".join(json.dumps(r).encode() + b"\n" for r in rows)
               for t, rows in tables.items() if rows}  # fmt: skip
    manifest.update(
        format=bundle.FORMAT, format_version=1, schema_version=migrations.LATEST,
        tables={t: {"count": len(rows), "entry": f"tables/{t}.ndjson"} for t, rows in tables.items() if rows},
        entries={n: {"sha256": hashlib.sha256(d).hexdigest(), "bytes": len(d)} for n, d in entries.items()},
    )  # fmt: skip
    plain = _signed_plain(sender, manifest, entries)
    recipient, _ = keys.read_hub_key(world.root / "hub.key")
    out.write_bytes(bundle.encrypt(plain, recipient, None))
    return world.hub.import_(out)


def _signed_plain(sender: Replica, manifest: dict[str, Any], entries: dict[str, bytes]) -> bytes:
    manifest_bytes = json.dumps(manifest).encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
        archive.writestr("manifest.json", manifest_bytes)
        archive.writestr("manifest.sig", keys.sign(sender.store, manifest_bytes))
    return buffer.getvalue()


# -- role and binding are the operator's alone -------------------------------------------


def test_a_waiting_device_is_proposed_as_a_cadre_whatever_its_bundle_says(world: World, tmp_path: Path) -> None:
    stranger = laptop(tmp_path, "s", (tmp_path / "hub.identity", tmp_path / "hub.key"), {"name": "周红", "org": "妇联"})
    out = stranger.export(tmp_path / "rollup.age")
    assert out is not None
    result = resend(world, stranger, lambda m, _t: m.update(kind="rollup"), "claims-hub")
    assert result.waiting
    waiting = devices.get(world.hub.store, stranger.store.device_id)
    assert waiting is not None and waiting.role == rights.CADRE
    stranger.close()


def test_enrolment_never_rebinds_or_promotes_a_known_device(world: World) -> None:
    a = world.a.store
    facts = {"device_id": a.device_id, "public_key": keys.public_key(a), "cadre_id": world.b.store.own_cadre_id}
    device = devices.enrol(world.hub.store, facts, rights.HUB)
    assert device.role == rights.CADRE and device.cadre_id == a.own_cadre_id


def test_sending_to_a_key_file_trusts_nobody(world: World) -> None:
    key = world.root / "a.key"
    keys.export_hub_key(world.a.store, key)
    recipient, name = keys.read_hub_key(key)  # what "export --to a.key" does with the file
    keys.add_hub(world.hub.store, recipient, name)
    device = devices.get(world.hub.store, world.a.store.device_id)
    assert device is not None and device.role == rights.CADRE


def test_the_approval_shows_a_binding_that_does_not_match(world: World, tmp_path: Path) -> None:
    mallory = laptop(tmp_path, "m", (tmp_path / "hub.identity", tmp_path / "hub.key"), {"name": "李坏", "org": "妇联"})
    alice = str(world.a.store.own_cadre_id)
    result = resend(world, mallory, lambda m, _t: m["sender"].update(cadre_id=alice), "claims-alice")
    assert result.waiting
    waiting = devices.get(world.hub.store, mallory.store.device_id)
    assert waiting is not None
    binding = devices.binding(world.hub.store, waiting)
    assert binding.record_name == "王芳" and binding.differs and binding.other_devices == 1
    assert any("李坏" in w and "王芳" in w for w in binding.warnings())
    mallory.close()


# -- forged relays --------------------------------------------------------------------------


def test_a_change_claiming_to_be_the_hubs_own_is_held(world: World) -> None:
    devices.approve(world.hub.store, world.a.store.device_id, rights.HUB)  # even from a hub
    hubs_cadre = str(world.hub.store.own_cadre_id)
    hub_device = world.hub.store.device_id

    def forge(_m: dict[str, Any], tables: dict[str, list[dict[str, Any]]]) -> None:
        row = world.hub.store.stored_row("cadre", hubs_cadre)
        assert row is not None
        stamp = Stamp.unpack(row["hlc"])
        forged = {**row, "mobile": "13999999999", "hlc": Stamp(stamp.wall_ms + 1, 0).pack()}
        forged["rev"] = json.dumps([f"{forged['hlc']}/{hub_device}"])
        tables["cadre"] = [forged]

    result = resend(world, world.a, forge, "forged-own")
    assert result.held >= 1
    assert world.hub.store.get("cadre", hubs_cadre)["mobile"] == "13800000000"
    reasons = {p.reason for p in proposals.listed(world.hub.store)}
    assert "forged_own" in reasons


def test_a_hub_may_not_vouch_for_a_cadre_with_her_own_laptop_here(world: World) -> None:
    devices.approve(world.hub.store, world.a.store.device_id, rights.HUB)
    assert not devices.may_vouch(world.hub.store, world.b.store.own_cadre_id)
    assert not devices.may_vouch(world.hub.store, world.hub.store.own_cadre_id)
    assert devices.may_vouch(world.hub.store, "018fde53-53e7-71a6-9959-04aab8a1abcd")


# -- malformed manifests and rows are refusals, never crashes ------------------------------------


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda m: m["sender"].update(cadre_name="\ud800"), id="surrogate in a name"),
        pytest.param(lambda m: m.pop("bundle_id"), id="no bundle id"),
        pytest.param(lambda m: m.update(entries=5), id="entries not an object"),
        pytest.param(lambda m: m["sender"].update(cadre_id={"x": 1}), id="cadre id an object"),
        pytest.param(lambda m: m.update(kind="everything"), id="unknown kind"),
        pytest.param(lambda m: m.update(authors={"x": 1}), id="authors malformed"),
    ],
)
def test_a_malformed_manifest_is_refused_cleanly(world: World, change: Callable[[dict[str, Any]], None]) -> None:
    manifest: dict[str, Any] = {
        "format": bundle.FORMAT, "format_version": 1, "schema_version": migrations.LATEST,
        "bundle_id": "018fde53-53e7-71a6-9959-04aab8a1abcd", "kind": "delta", "created_at": "2026-11-20",
        "sender": {"device_id": world.a.store.device_id, "public_key": keys.public_key(world.a.store)},
        "tables": {}, "entries": {},
    }  # fmt: skip
    change(manifest)
    plain = _signed_plain(world.a, manifest, {})
    result = exchange.receive(world.hub.store, plain, "bad.age")
    assert not result.ok and result.code == "bad_manifest", result
    assert "Traceback" not in result.message


@pytest.mark.parametrize(
    ("table", "change", "field"),
    [
        ("diary", {"title": "日记\ud800"}, "title"),
        ("help_log", {"amount": float("inf")}, "amount"),
        ("visit", {"attendance": 2**63}, "attendance"),
        ("visit", {"end_date": "2020-01-01"}, "end_date"),
    ],
)
def test_bad_values_refuse_the_bundle(world: World, table: str, change: dict[str, Any], field: str) -> None:
    a = world.a.store
    point = a.save("liaison_point", {"name": "王家村", "kind": "village"})["id"]
    pair = a.save("help_pair", {"target_kind": "women_org", "liaison_point_id": point})["id"]
    a.save("visit", {"liaison_point_id": point, "method": "interview", "start_date": "2026-11-01"})
    a.save("help_log", {"help_pair_id": pair, "what": "送温暖", "amount": 100})
    a.save("diary", {"title": "日记", "body": "正文"})

    def damage(_m: dict[str, Any], tables: dict[str, list[dict[str, Any]]]) -> None:
        tables[table][0].update(change)

    before = world.hub.store.counts()
    result = resend(world, world.a, damage, f"bad-{field}")
    assert not result.ok and result.code == "bad_row" and f"“{field}”" in result.message
    assert world.hub.store.counts() == before


def test_a_link_under_another_id_is_refused(world: World) -> None:
    a = world.a.store
    point = a.save("liaison_point", {"name": "她的点", "kind": "village", "cadre_ids": [a.own_cadre_id]})["id"]
    hubs_point = "018fde53-53e7-71a6-9959-04aab8a1abcd"

    def squat(_m: dict[str, Any], tables: dict[str, list[dict[str, Any]]]) -> None:
        tables["liaison_point_cadre"][0]["id"] = link_id(hubs_point, str(a.own_cadre_id))

    result = resend(world, world.a, squat, "squat")
    assert not result.ok and result.code == "bad_row" and "“id”" in result.message
    assert world.hub.store.stored_row("liaison_point", point) is None


def test_one_version_with_two_contents_is_refused(world: World) -> None:
    diary = world.a.store.save("diary", {"title": "原文", "body": "正文"})["id"]
    assert world.send(world.a, world.hub).new >= 1

    def rewrite(_m: dict[str, Any], tables: dict[str, list[dict[str, Any]]]) -> None:
        for row in tables["diary"]:
            row["body"] = "同一个版本，不同的内容"

    result = resend(world, world.a, rewrite, "same-version")
    assert not result.ok and result.code == "bad_row"
    assert world.hub.store.get("diary", diary)["body"] == "正文"


def test_a_last_line_without_its_newline_is_refused(world: World) -> None:
    row = world.a.store.stored_row("cadre", str(world.a.store.own_cadre_id))
    data = json.dumps(row).encode()  # no "\n": the manifest counts 0 rows
    manifest: dict[str, Any] = {
        "format": bundle.FORMAT, "format_version": 1, "schema_version": migrations.LATEST,
        "bundle_id": "018fde53-53e7-71a6-9959-04aab8a1abce", "kind": "delta", "created_at": "2026-11-20",
        "sender": {"device_id": world.a.store.device_id, "public_key": keys.public_key(world.a.store)},
        "tables": {"cadre": {"count": 0, "entry": "tables/cadre.ndjson"}},
        "entries": {"tables/cadre.ndjson": {"sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}},
    }  # fmt: skip
    result = exchange.receive(world.hub.store, _signed_plain(world.a, manifest, {"tables/cadre.ndjson": data}), "x")
    assert not result.ok and result.code == "bad_manifest"


# -- clocks pushed from outside, strangers filling the hub ---------------------------------------


def test_an_imported_stamp_moves_this_clock_at_most_minutes_ahead(tmp_path: Path) -> None:
    now = 1_795_165_200_000
    with Store(tmp_path / "x.db", wall_ms=lambda: now) as store, store.transaction():
        store.observe_stamp(Stamp(now + 23 * 3_600_000, 0).pack())
        assert store._tick() < Stamp(now + 6 * 60_000, 0).pack()


def test_strangers_cannot_fill_the_hub(world: World, tmp_path: Path) -> None:
    files = (tmp_path / "hub.identity", tmp_path / "hub.key")
    for i in range(devices.MAX_PENDING_DEVICES):
        world.hub.store.conn.execute(
            "INSERT INTO device (id, name, first_seen, status) VALUES (?, '?', '2026-11-20', 'pending')",
            (f"018fde53-53e7-71a6-9959-{i:012d}",),
        )
    stranger = laptop(tmp_path, "s", files, {"name": "陌生人", "org": "妇联"})
    result = world.send(stranger, world.hub)
    assert not result.ok and result.code == "held_full" and "太多" in result.message
    assert world.hub.store.conn.execute("SELECT count(*) FROM held_bundle").fetchone()[0] == 0
    stranger.close()
