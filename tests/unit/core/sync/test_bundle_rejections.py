"""Every way a bundle can be bad is refused with its own message, and the
database is left exactly as it was."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import zipfile
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from desktop_app.core.demo import generate
from desktop_app.core.sync import bundle, exchange, keys
from tests.sync_helpers import Replica, dump, make_hub_key


@pytest.fixture
def setup(tmp_path: Path) -> Iterator[tuple[Replica, Replica, Path, Path]]:
    identity, hub_key = make_hub_key(tmp_path)
    cadre = Replica(tmp_path / "cadre.db", identity, hub_key, "cadre")
    generate.fill(cadre.store, 500, seed=9, anchor=date(2026, 11, 20))
    hub = Replica(tmp_path / "hub.db", identity, hub_key, "hub")
    hub.trust(cadre)
    good = cadre.export(tmp_path / "good.age")
    assert good is not None and len(good.read_bytes()) > 2 * bundle.AGE_CHUNK  # several age chunks
    yield cadre, hub, good, hub_key
    cadre.close()
    hub.close()


def _state(replica: Replica) -> tuple[object, ...]:
    conn = replica.store.conn
    return (
        dump(replica.store),
        conn.execute("SELECT count(*) FROM bundle_log").fetchone()[0],
        conn.execute("SELECT id, public_key, bundle_count FROM device ORDER BY id").fetchall(),
    )


def _refused(hub: Replica, path: Path, code: str, words: str) -> None:
    before = _state(hub)
    result = hub.import_(path)
    assert not result.ok
    assert result.code == code, (result.code, result.message)
    assert words in result.message
    assert _state(hub) == before


def _plain(hub: Replica, path: Path) -> bytes:
    return bundle.decrypt(path.read_bytes(), [keys.age_identity(hub.store)], None)


def _rezip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _entries(plain: bytes) -> dict[str, bytes]:
    archive = zipfile.ZipFile(io.BytesIO(plain))
    return {name: archive.read(name) for name in archive.namelist()}


def _seal(tmp_path: Path, hub_key: Path, plain: bytes, name: str) -> Path:
    recipient, _ = keys.read_hub_key(hub_key)
    path = tmp_path / name
    path.write_bytes(bundle.encrypt(plain, recipient, None))
    return path


def _resigned(entries: dict[str, bytes], change: Callable[[dict], None], key: Ed25519PrivateKey) -> dict[str, bytes]:
    manifest = json.loads(entries["manifest.json"])
    change(manifest)
    data = json.dumps(manifest, ensure_ascii=False).encode()
    return {**entries, "manifest.json": data, "manifest.sig": key.sign(data)}


def test_truncated_file(setup, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _cadre, hub, good, _ = setup
    cut = tmp_path / "cut.age"
    cut.write_bytes(good.read_bytes()[: int(len(good.read_bytes()) * 0.8)])
    _refused(hub, cut, "truncated", "不完整")


def test_flipped_byte_inside(setup, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _cadre, hub, good, _ = setup
    data = bytearray(good.read_bytes())
    data[len(data) // 3] ^= 0x01
    flipped = tmp_path / "flipped.age"
    flipped.write_bytes(bytes(data))
    _refused(hub, flipped, "corrupt", "已损坏")


@pytest.mark.parametrize("fraction", [0.0, 0.01, 0.05, 0.2, 0.5, 0.7, 0.9, 0.99, 1.0])
def test_flipped_byte_anywhere_is_refused(setup, tmp_path: Path, fraction: float) -> None:  # type: ignore[no-untyped-def]
    _cadre, hub, good, _ = setup
    data = bytearray(good.read_bytes())
    position = min(int(len(data) * fraction), len(data) - 1)
    data[position] ^= 0x40
    path = tmp_path / "x.age"
    path.write_bytes(bytes(data))
    before = _state(hub)
    result = hub.import_(path)
    assert not result.ok and result.message
    assert _state(hub) == before


def test_wrong_key(setup, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _cadre, _hub, good, _ = setup
    (tmp_path / "other").mkdir()
    identity, key = make_hub_key(tmp_path / "other")
    stranger = Replica(tmp_path / "stranger.db", identity, key, "stranger")
    _refused(stranger, good, "wrong_key", "不是发给本机")
    stranger.close()


def test_wrong_passphrase(setup, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _cadre, hub, good, _ = setup
    plain = _plain(hub, good)
    from pyrage import passphrase

    path = tmp_path / "pw.age"
    path.write_bytes(passphrase.encrypt(plain, "正确口令"))
    before = _state(hub)
    result = exchange.import_file(hub.store, path, "错误口令")
    assert not result.ok and result.code == "wrong_passphrase" and "口令不正确" in result.message
    assert _state(hub) == before
    assert exchange.import_file(hub.store, path, "正确口令").ok


def test_bad_signature(setup, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _cadre, hub, good, hub_key = setup
    entries = _entries(_plain(hub, good))
    entries["manifest.sig"] = bytes([entries["manifest.sig"][0] ^ 1]) + entries["manifest.sig"][1:]
    _refused(hub, _seal(tmp_path, hub_key, _rezip(entries), "sig.age"), "bad_signature", "签名无效")


def test_known_device_with_a_new_key(setup, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cadre, hub, good, hub_key = setup
    assert hub.import_(good).ok  # the hub now knows the cadre's key
    diary = cadre.store.list_records("diary", limit=1)[0]
    cadre.store.save("diary", {"title": "新内容"}, diary["id"])
    later = cadre.export(tmp_path / "later.age")
    assert later is not None
    impostor = Ed25519PrivateKey.generate()
    public = base64.b64encode(impostor.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)).decode()
    entries = _resigned(_entries(_plain(hub, later)), lambda m: m["sender"].update(public_key=public), impostor)
    _refused(hub, _seal(tmp_path, hub_key, _rezip(entries), "impostor.age"), "key_changed", "签名密钥与以前不同")


@pytest.mark.parametrize("name", ["../evil.ndjson", "/etc/passwd", "tables/../../x", "C:\\windows\\x"])
def test_zip_entry_with_unsafe_path(setup, tmp_path: Path, name: str) -> None:  # type: ignore[no-untyped-def]
    _cadre, hub, good, hub_key = setup
    entries = _entries(_plain(hub, good))
    entries[name] = b"{}\n"
    _refused(hub, _seal(tmp_path, hub_key, _rezip(entries), "path.age"), "bad_path", "非法路径")


def test_zip_bomb_declared_ratio(setup, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _cadre, hub, good, hub_key = setup
    entries = _entries(_plain(hub, good))
    entries["tables/diary.ndjson"] = b"0" * (40 << 20)  # 40 MB of zeros: ratio ~1000:1
    _refused(hub, _seal(tmp_path, hub_key, _rezip(entries), "bomb.age"), "bomb", "超过大小上限")


def test_actual_expansion_over_the_limit(setup) -> None:  # type: ignore[no-untyped-def]
    _cadre, hub, good, _ = setup
    small = bundle.Limits(max_plain_bytes=100_000)
    with pytest.raises(bundle.BundleError) as info:
        bundle.decrypt(good.read_bytes(), [keys.age_identity(hub.store)], None, small)
    assert info.value.code == "bomb"


def test_manifest_hash_mismatch(setup, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _cadre, hub, good, hub_key = setup
    entries = _entries(_plain(hub, good))
    entries["tables/diary.ndjson"] = entries["tables/diary.ndjson"].replace("走访".encode(), "造假".encode(), 1)
    _refused(hub, _seal(tmp_path, hub_key, _rezip(entries), "hash.age"), "hash_mismatch", "校验值不符")


@pytest.mark.parametrize(("field", "code", "words"), [("format_version", "newer_format", "格式较新"),
                                                      ("schema_version", "newer_schema", "更新版本")])  # fmt: skip
def test_bundle_from_a_newer_version(setup, tmp_path: Path, field: str, code: str, words: str) -> None:  # type: ignore[no-untyped-def]
    cadre, hub, good, hub_key = setup
    seed = base64.b64decode(
        str(cadre.store.conn.execute("SELECT value FROM meta WHERE key='signing_key'").fetchone()[0])
    )
    key = Ed25519PrivateKey.from_private_bytes(seed)
    entries = _resigned(_entries(_plain(hub, good)), lambda m: m.update({field: 99}), key)
    _refused(hub, _seal(tmp_path, hub_key, _rezip(entries), "new.age"), code, words)


def test_empty_and_non_age_files(setup, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _cadre, hub, _good, _ = setup
    empty = tmp_path / "empty.age"
    empty.write_bytes(b"")
    _refused(hub, empty, "empty", "空的")
    text = tmp_path / "notes.txt"
    text.write_text("这不是同步包", encoding="utf-8")
    _refused(hub, text, "not_age", "不是访妇情同步包")
    plain_zip = tmp_path / "plain.zip"
    plain_zip.write_bytes(_rezip({"manifest.json": b"{}"}))
    _refused(hub, plain_zip, "not_age", "不是访妇情同步包")


def test_one_bad_file_does_not_stop_the_others(setup, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _cadre, hub, good, _ = setup
    bad = tmp_path / "bad.age"
    bad.write_bytes(b"garbage")
    seen = []
    results = exchange.import_files(
        hub.store, [bad, good], progress=lambda done, total, name: seen.append((done, name))
    )
    assert [r.ok for r in results] == [False, True]
    assert seen[0] == (0, "bad.age") and seen[-1] == (1000, "")  # thousandths of the bytes
    cancelled = exchange.import_files(hub.store, [good, good], cancelled=lambda: True)
    assert cancelled == []


def test_hashes_in_manifest_cover_every_table(setup) -> None:  # type: ignore[no-untyped-def]
    _cadre, hub, good, _ = setup
    opened = bundle.open_bundle(_plain(hub, good))
    for table in opened.manifest["tables"].values():
        assert table["entry"] in opened.manifest["entries"]
    assert all(len(e["sha256"]) == 64 for e in opened.manifest["entries"].values())
    assert hashlib.sha256(b"").hexdigest() not in {e["sha256"] for e in opened.manifest["entries"].values()}
