"""Bundles on real files: export, the standard age tool, round trips, merges."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import subprocess
import zipfile
from datetime import date
from pathlib import Path

import pytest

from desktop_app.core.demo import generate
from desktop_app.core.sync import bundle, conflicts, exchange, keys
from tests.sync_helpers import Replica, dump, make_hub_key


@pytest.fixture
def hub_files(tmp_path: Path) -> tuple[Path, Path]:
    return make_hub_key(tmp_path)


@pytest.fixture
def cadre(tmp_path: Path, hub_files: tuple[Path, Path]) -> Replica:
    replica = Replica(tmp_path / "cadre.db", *hub_files, "cadre")
    generate.fill(replica.store, 120, seed=4, anchor=date(2026, 11, 20))
    yield replica  # type: ignore[misc]
    replica.close()


@pytest.fixture
def hub(tmp_path: Path, hub_files: tuple[Path, Path], cadre: Replica) -> Replica:
    replica = Replica(tmp_path / "hub.db", *hub_files, "hub")
    # The demo fills the cadre's laptop with every cadre's records: trusted as a mirror
    # here, these tests are about the exchange, not rights (tests/unit/core/sync/test_rights.py).
    replica.trust(cadre)
    cadre.trust(replica)
    yield replica  # type: ignore[misc]
    replica.close()


@pytest.mark.skipif(shutil.which("age") is None, reason="the age tool is installed by scripts/setup.sh --test")
def test_standard_age_tool_decrypts_to_a_zip_whose_manifest_verifies(
    tmp_path: Path, cadre: Replica, hub_files: tuple[Path, Path]
) -> None:
    out = cadre.export(tmp_path / "b.age")
    assert out is not None
    plain = subprocess.run(["age", "-d", "-i", str(hub_files[0]), str(out)], capture_output=True, check=True).stdout
    archive = zipfile.ZipFile(io.BytesIO(plain))
    manifest_bytes = archive.read("manifest.json")
    manifest = json.loads(manifest_bytes)
    assert manifest["format"] == "fuqing-bundle" and manifest["format_version"] == 1
    for name, entry in manifest["entries"].items():
        assert hashlib.sha256(archive.read(name)).hexdigest() == entry["sha256"]
    assert keys.verify(manifest["sender"]["public_key"], archive.read("manifest.sig"), manifest_bytes)
    assert manifest["tables"]["diary"]["count"] == 120
    assert manifest["sender"]["device_id"] == cadre.store.device_id


def test_cadre_to_hub_to_upper_hub_keeps_counts_and_stamps(tmp_path: Path, cadre: Replica, hub: Replica) -> None:
    first = cadre.export(tmp_path / "1.age")
    assert first is not None
    result = hub.import_(first)
    assert result.ok and result.new == sum(result.counts.values()) and result.conflicts == 0
    assert hub.store.counts() == cadre.store.counts()
    upper_identity, upper_key = (
        make_hub_key(tmp_path / "upper") if (tmp_path / "upper").mkdir() is None else (None, None)
    )
    assert upper_identity and upper_key
    upper = Replica(tmp_path / "upper.db", upper_identity, upper_key, "upper")
    upper.trust(hub)
    with hub.store.transaction():
        recipient, _ = keys.read_hub_key(upper_key)
        to_upper = keys.add_hub(hub.store, recipient, "市妇联")
    rollup = tmp_path / "rollup.age"
    exchange.export_bundle(hub.store, rollup, to_upper, kind="rollup")
    result = upper.import_(rollup)
    assert result.ok, result.message
    assert upper.store.counts() == cadre.store.counts()
    # Authors' ids, devices and stamps travel unchanged.
    cadre_state, upper_state = dump(cadre.store), dump(upper.store)
    for table in ("diary", "woman", "visit_cadre"):
        assert cadre_state[table] == upper_state[table]
    sender = upper.store.conn.execute("SELECT id FROM device WHERE bundle_count = 1").fetchone()[0]
    assert sender == hub.store.device_id
    upper.close()


def test_delta_sends_only_what_changed_and_reimport_changes_nothing(
    tmp_path: Path, cadre: Replica, hub: Replica
) -> None:
    first = cadre.export(tmp_path / "1.age")
    assert first is not None and cadre.export(tmp_path / "none.age") is None
    assert not (tmp_path / "none.age").exists()
    hub.import_(first)
    diary = cadre.store.list_records("diary", limit=1)[0]
    cadre.store.save("diary", {"title": "改过的标题"}, diary["id"])
    second = cadre.export(tmp_path / "2.age")
    assert second is not None
    opened = exchange.read_file(hub.store, second)
    assert {t: len(rows) for t, rows in opened.tables.items()} == {"diary": 1}
    result = hub.import_(second)
    assert (result.updated, result.new, result.conflicts) == (1, 0, 0)
    before = dump(hub.store)
    again = hub.import_(second)
    assert again.ok and again.duplicate
    assert dump(hub.store) == before
    # A new bundle carrying the same rows also changes nothing.
    full = cadre.export(tmp_path / "full.age", full=True)
    assert full is not None
    result = hub.import_(full)
    assert result.ok and result.new == 0 and result.updated == 0
    assert dump(hub.store) == before
    assert hub.store.search("diary", "改过的标题")


def test_concurrent_edits_keep_the_loser_as_a_conflict(tmp_path: Path, cadre: Replica, hub: Replica) -> None:
    base = cadre.export(tmp_path / "base.age")
    assert base is not None
    hub.import_(base)
    point = cadre.store.list_records("liaison_point", limit=1)[0]
    cadre.store.save("liaison_point", {"region": "干部改的"}, point["id"])
    hub.store.save("liaison_point", {"region": "县里改的"}, point["id"])
    from_cadre = cadre.export(tmp_path / "c.age")
    from_hub = hub.export(tmp_path / "h.age")
    assert from_cadre and from_hub
    on_hub = hub.import_(from_cadre)
    on_cadre = cadre.import_(from_hub)
    assert on_hub.conflicts == on_cadre.conflicts == 1
    assert dump(hub.store) == dump(cadre.store)
    (conflict,) = conflicts.open_conflicts(hub.store)
    assert conflict.record_id == point["id"]
    winner = hub.store.get("liaison_point", point["id"])["region"]
    assert {winner, conflict.loser["region"]} == {"干部改的", "县里改的"}
    conflicts.resolve(hub.store, conflict.id, "other")
    assert hub.store.get("liaison_point", point["id"])["region"] == conflict.loser["region"]
    assert conflicts.open_conflicts(hub.store) == []
    # The choice travels back and the cadre's copy agrees, without a new conflict.
    back = hub.export(tmp_path / "back.age")
    assert back is not None
    result = cadre.import_(back)
    assert result.conflicts == 0
    assert cadre.store.get("liaison_point", point["id"])["region"] == conflict.loser["region"]
    assert conflicts.open_conflicts(cadre.store) == []


def test_deletion_wins_over_older_edit(tmp_path: Path, cadre: Replica, hub: Replica) -> None:
    base = cadre.export(tmp_path / "base.age")
    assert base is not None
    hub.import_(base)
    diary = cadre.store.list_records("diary", limit=1)[0]
    hub.store.save("diary", {"title": "县里先改"}, diary["id"])
    cadre.store.delete("diary", diary["id"])  # later stamp
    cadre_bundle, hub_bundle = cadre.export(tmp_path / "c.age"), hub.export(tmp_path / "h.age")
    assert cadre_bundle and hub_bundle
    hub.import_(cadre_bundle)
    cadre.import_(hub_bundle)
    for replica in (hub, cadre):
        assert replica.store.get("diary", diary["id"], include_deleted=True)["deleted"]
        assert not replica.store.search("diary", "县里先改")
    assert dump(hub.store) == dump(cadre.store)


def test_no_plaintext_names_phones_or_id_numbers_in_the_bundle(tmp_path: Path, cadre: Replica) -> None:
    out = cadre.export(tmp_path / "b.age")
    assert out is not None
    data = out.read_bytes()
    secrets = []
    for woman in cadre.store.list_records("woman"):
        secrets += [woman["name"], woman["phone"], woman["id_number"]]
    for c in cadre.store.list_records("cadre"):
        secrets += [c["name"], c["mobile"]]
    secrets = [s for s in secrets if s]
    assert len(secrets) > 40
    for secret in secrets:
        for encoding in ("utf-8", "utf-16-le", "gb18030"):
            assert secret.encode(encoding) not in data, secret


def test_export_failure_leaves_no_file_and_no_progress_mark(tmp_path: Path, cadre: Replica) -> None:
    missing_dir = tmp_path / "usb-pulled" / "b.age"
    destination = keys.destination(cadre.store, cadre.destination.id)
    with pytest.raises(Exception) as info:
        exchange.export_bundle(cadre.store, missing_dir, destination)
    assert "无法写入同步包" in str(info.value)
    assert not missing_dir.exists()
    assert keys.destination(cadre.store, cadre.destination.id).last_sent_seq == 0
    assert list(tmp_path.glob("**/*.part")) == []


def test_down_bundle_carries_points_and_assignments_to_a_cadre(tmp_path: Path, cadre: Replica, hub: Replica) -> None:
    base = cadre.export(tmp_path / "base.age")
    assert base is not None
    hub.import_(base)
    point = hub.store.save("liaison_point", {"name": "新联系点", "kind": "village",
                                             "cadre_ids": [cadre.store.own_cadre_id]})  # fmt: skip
    down = tmp_path / "down.age"
    destination = keys.destination(hub.store, hub.destination.id)
    exchange.export_bundle(
        hub.store, down, destination, tables=["cadre", "liaison_point", "liaison_point_cadre"], kind="down"
    )
    opened = exchange.read_file(cadre.store, down)
    assert set(opened.tables) <= {"cadre", "liaison_point", "liaison_point_cadre"}
    result = cadre.import_(down)
    assert result.ok and result.new >= 2
    assert cadre.store.get("liaison_point", point["id"])["cadre_ids"] == [cadre.store.own_cadre_id]


def test_bundle_module_refuses_own_bundles(tmp_path: Path, cadre: Replica) -> None:
    out = cadre.export(tmp_path / "b.age")
    assert out is not None
    result = cadre.import_(out)
    assert not result.ok and result.code == "own"
    assert bundle.FORMAT_VERSION == 1


def test_a_down_bundle_does_not_skip_other_rows_for_the_same_destination(
    tmp_path: Path, cadre: Replica, hub: Replica
) -> None:
    diary = hub.store.save("diary", {"title": "县里的日记", "body": "正文", "author_id": hub.store.save_profile(
        {"name": "县妇联", "org": "通州区妇联"})["id"]})["id"]  # fmt: skip
    destination = keys.destination(hub.store, hub.destination.id)
    exchange.export_bundle(
        hub.store, tmp_path / "down.age", destination, tables=["cadre", "liaison_point"], kind="down"
    )
    later = hub.export(tmp_path / "delta.age")  # the same destination, every table
    assert later is not None
    assert diary in {row["id"] for row in exchange.read_file(cadre.store, later).tables["diary"]}


def test_import_progress_moves_inside_one_big_bundle(tmp_path: Path, cadre: Replica, hub: Replica) -> None:
    out = cadre.export(tmp_path / "big.age", full=True)
    assert out is not None
    seen: list[tuple[int, int, str]] = []
    (result,) = exchange.import_files(hub.store, [out], progress=lambda d, t, n: seen.append((d, t, n)))
    assert result.ok and result.new > 500  # rows, so progress is reported inside the file
    values = [done for done, total, _ in seen]
    assert all(total == 1000 for _, total, _ in seen) and values == sorted(values)
    assert values[0] == 0 and values[-1] == 1000
    assert len({v for v in values if 0 < v < 1000}) >= 2  # it moved while the one file was merged


def test_export_reports_progress_by_rows_and_a_cancel_changes_nothing(tmp_path: Path, cadre: Replica) -> None:
    destination = keys.destination(cadre.store, cadre.destination.id)
    calls = {"n": 0}

    def cancel_while_reading() -> bool:
        calls["n"] += 1
        return calls["n"] > 3  # after a few chunks of rows

    with pytest.raises(exchange.ExportCancelled, match="没有写入文件"):
        exchange.export_bundle(cadre.store, tmp_path / "c.age", destination, cancelled=cancel_while_reading)
    assert list(tmp_path.glob("c.age*")) == []
    assert keys.destination(cadre.store, destination.id).last_sent_seq == destination.last_sent_seq
    seen: list[tuple[int, int, str]] = []
    result = exchange.export_bundle(
        cadre.store, tmp_path / "d.age", destination, progress=lambda *step: seen.append(step)
    )
    done = [step[0] for step in seen]
    assert done == sorted(done) and done[-1] == 1000 and seen[-1][1] == 1000
    # Reading rows moves the bar through the tables, not in one jump.
    assert len({d for d in done if d < 600}) >= 3 and {name for _, _, name in seen} >= {"妇情日记", "联系妇女", "加密"}
    assert sum(result.counts.values()) > 500
