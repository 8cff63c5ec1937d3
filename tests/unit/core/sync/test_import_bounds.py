"""Clocks, text and size at the border: a clock far ahead is refused naming the
laptop; any text a person can paste round-trips; importing costs bounded memory."""

from __future__ import annotations

import hashlib
import io
import json
import os
import tracemalloc
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop_app.core.clock import DAY_MS, HybridClock, Stamp
from desktop_app.core.sync import bundle, devices, exchange, keys
from tests.sync_helpers import Replica, make_hub_key

NOW = int(datetime(2026, 11, 20, 9, tzinfo=UTC).timestamp() * 1000)


class Clock:
    def __init__(self, ms: int):
        self.ms = ms

    def __call__(self) -> int:
        return self.ms


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[Replica, Replica, Clock]]:
    files = make_hub_key(tmp_path)
    hub = Replica(tmp_path / "hub.db", *files, "hub", wall_ms=Clock(NOW))
    laptop_clock = Clock(NOW)
    cadre = Replica(tmp_path / "cadre.db", *files, "cadre", wall_ms=laptop_clock)
    cadre.store.save_profile({"name": "王芳", "org": "通州区妇联", "mobile": "13811111111"})
    hub.trust(cadre, role="cadre")
    yield hub, cadre, laptop_clock
    hub.close()
    cadre.close()


def test_a_clock_days_ahead_is_refused_naming_the_laptop(pair: tuple[Replica, Replica, Clock], tmp_path: Path) -> None:
    hub, cadre, clock = pair
    clock.ms = NOW + 3 * DAY_MS  # her laptop thinks it is three days later
    cadre.store.save("diary", {"title": "时钟快了", "body": "正文"})
    out = cadre.export(tmp_path / "ahead.age")
    assert out is not None
    result = hub.import_(out)
    assert not result.ok and result.code == "clock_ahead"
    device = devices.get(hub.store, cadre.store.device_id)
    assert device is not None
    assert "王芳" in result.message and device.fingerprint in result.message and "时钟" in result.message
    assert "72 小时" in result.message and "重新导出" in result.message
    assert hub.store.count("diary") == 0 and hub.store.count("cadre") == 0


def test_a_clock_hours_ahead_is_within_the_bound(pair: tuple[Replica, Replica, Clock], tmp_path: Path) -> None:
    hub, cadre, clock = pair
    clock.ms = NOW + 12 * 3_600_000
    cadre.store.save("diary", {"title": "快了半天", "body": "正文"})
    out = cadre.export(tmp_path / "hours.age")
    assert out is not None
    result = hub.import_(out)
    assert result.ok and result.new == 2


def test_a_counter_at_its_maximum_still_gives_a_valid_stamp() -> None:
    clock = HybridClock(Stamp(NOW, 99_999), lambda: NOW - 5_000)  # the wall clock went back
    stamp = clock.tick()
    assert stamp == Stamp(NOW + 1, 0) and Stamp.unpack(stamp.pack()) == stamp
    for bad in ("０" * 14 + "１.00000", "+00000000000001.00000", "00000000000001_.00000", "1" * 16 + ".00000"):
        with pytest.raises(ValueError):
            Stamp.unpack(bad)


PASTED = "第一行\u2028第二行\u2029第三段\x85下一行\x00空字符\r回车\t制表"


def test_any_pasted_text_round_trips(pair: tuple[Replica, Replica, Clock], tmp_path: Path) -> None:
    hub, cadre, _clock = pair
    long_body = "留守妇女反映的情况" * 120_000  # about 1 MB of repetitive text
    pasted = cadre.store.save("diary", {"title": "粘贴的文字", "body": PASTED, "tags": ["留守妇女"]})
    long = cadre.store.save("diary", {"title": "很长的日记", "body": long_body})
    out = cadre.export(tmp_path / "text.age")
    assert out is not None
    result = hub.import_(out)
    assert result.ok, result.message
    assert hub.store.get("diary", pasted["id"])["body"] == cadre.store.get("diary", pasted["id"])["body"]
    assert hub.store.get("diary", pasted["id"])["tags"] == ["留守妇女"]
    assert hub.store.get("diary", long["id"])["body"] == long_body
    assert hub.store.search("diary", "第二行") and hub.store.search("diary", "反映的情况")


def _signed_bundle(
    sender: Replica, hub_key: Path, tables: dict[str, bytes], out: Path, created_at: str = "2026-11-20T09:00:00"
) -> Path:
    """A bundle with the given table entries, signed with the sender's real key (an approved laptop)."""
    manifest = {
        "format": bundle.FORMAT, "format_version": bundle.FORMAT_VERSION, "schema_version": 5,
        "bundle_id": "018fde53-53e7-71a6-9959-04aab8a1abcd", "kind": "delta", "created_at": created_at,
        "sender": {"device_id": sender.store.device_id, "public_key": keys.public_key(sender.store)},
        "tables": {name: {"count": data.count(b"\n"), "entry": f"tables/{name}.ndjson"} for name, data in tables.items()},
        "entries": {f"tables/{name}.ndjson": {"sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}
                    for name, data in tables.items()},
    }  # fmt: skip
    manifest_bytes = json.dumps(manifest).encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in tables.items():
            archive.writestr(f"tables/{name}.ndjson", data)
        archive.writestr("manifest.json", manifest_bytes)
        archive.writestr("manifest.sig", keys.sign(sender.store, manifest_bytes))
    recipient, _ = keys.read_hub_key(hub_key)
    out.write_bytes(bundle.encrypt(buffer.getvalue(), recipient, None))
    return out


def test_importing_a_large_table_holds_no_more_than_a_few_times_the_file(
    pair: tuple[Replica, Replica, Clock], tmp_path: Path
) -> None:
    hub, cadre, _clock = pair
    # 40 MB of rows that each fail validation only at the last field, compressing about 10:1:
    # the importer must stream them, never hold them all.
    rows = b"".join(b'{"padding":"%012d"}\n' % i for i in range(1_600_000))
    path = _signed_bundle(cadre, tmp_path / "hub.key", {"woman": rows}, tmp_path / "large.age")
    size = path.stat().st_size
    del rows
    tracemalloc.start()
    try:
        result = exchange.import_file(hub.store, path)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert not result.ok and result.code == "bad_row"
    # Stated bound (docs/bundle-format.md §4): the file, the decrypted ZIP, one row at a time.
    assert peak < 3 * size + 16 * 2**20, (peak, size)
    assert size < 8 * 2**20 and peak < 40 * 2**20


def test_a_passphrase_bundle_asking_for_huge_work_is_refused_before_any(tmp_path: Path) -> None:
    files = make_hub_key(tmp_path)
    hub = Replica(tmp_path / "hub.db", *files, "hub")
    header = b"age-encryption.org/v1\n-> scrypt c2FsdHNhbHRzYWx0c2FsdA 40\nAAAA\n--- AAAA\n" + b"\x00" * 64
    path = tmp_path / "work.age"
    path.write_bytes(header)
    result = exchange.import_file(hub.store, path, passphrase="口令")
    assert not result.ok and result.code == "passphrase_work" and "计算量" in result.message
    hub.close()


def test_a_file_name_not_in_utf8_is_imported_and_shown_escaped(
    pair: tuple[Replica, Replica, Clock], tmp_path: Path
) -> None:
    """A GBK-named file on a USB stick: Python reads its name with lone surrogates, which ended the batch."""
    hub, cadre, _clock = pair
    cadre.store.save("woman", {"name": "李秀英"})
    out = cadre.export(tmp_path / "plain.age")
    assert out is not None
    odd = tmp_path / os.fsdecode(b"Li Xiuying \xd6\xdc13812345678.age")
    out.rename(odd)
    result = exchange.import_file(hub.store, odd)
    assert result.ok and result.new >= 1, result.message
    assert result.file == "Li Xiuying \\udcd6\\udcdc13812345678.age"
    stored = hub.store.conn.execute("SELECT file_name FROM bundle_log WHERE direction = 'in'").fetchone()[0]
    stored.encode("utf-8")  # storable and printable as it is
    broken = tmp_path / os.fsdecode(b"\xff.age")
    broken.write_bytes(b"not a bundle")
    refused = exchange.import_file(hub.store, broken)
    assert not refused.ok and devices.refusals(hub.store)[0]["file_name"] == "\\udcff.age"


def test_a_laptop_cannot_date_its_bundle_in_the_future(pair: tuple[Replica, Replica, Clock], tmp_path: Path) -> None:
    """Dated 2099, it would never show as silent on the hub's list and would head it for ever."""
    hub, cadre, _clock = pair
    path = _signed_bundle(cadre, tmp_path / "hub.key", {}, tmp_path / "future.age", "2099-01-01T00:00:00+00:00")
    assert exchange.import_file(hub.store, path).ok
    (last,) = hub.store.conn.execute(
        "SELECT last_bundle_at FROM device WHERE id = ?", (cadre.store.device_id,)
    ).fetchone()
    assert last < "2099" and last.endswith("+00:00")


def test_a_refusal_keeps_a_short_clean_line_of_what_the_sender_sent(
    pair: tuple[Replica, Replica, Clock], tmp_path: Path
) -> None:
    hub, cadre, _clock = pair
    field = "\x1b[2J\x1b[31m李秀英 13812345678\n" + "A" * 200_000
    rows = json.dumps({field: 1}).encode() + b"\n"
    path = _signed_bundle(cadre, tmp_path / "hub.key", {"woman": rows}, tmp_path / "odd.age")
    assert not exchange.import_file(hub.store, path).ok
    message = devices.refusals(hub.store)[0]["message"]
    assert len(message) <= devices.MAX_REASON and "\x1b" not in message and "\n" not in message
