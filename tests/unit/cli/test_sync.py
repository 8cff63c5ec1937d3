"""The sync command group as a person or script runs it: real processes on real files.

Separate SQLite files in tmp_path are separate installs — a county hub, a city
hub, cadres' laptops — that share nothing but what the CLI writes: key files,
enrolment files and encrypted bundles. Trust is set up the way an operator
does it: the hub approves a laptop from its enrolment file (``devices
--enrol``) or after its first bundle (``devices --approve``); a cadre who
imports the hub key trusts the hub's bundles down.

Checked here: ``keys`` (device id, recipient, destinations, the hub key file,
the enrolment file, the private identity file), ``export`` (delta, "nothing
new", ``--full``, ``--passphrase-file``, ``--to``, several hubs), ``import``
(counts, idempotence, a bundle from an unknown laptop kept until approval,
damaged or missing files among good ones), ``devices`` (pending, approved,
revoked; ``--approve`` merging kept bundles, ``--enrol``, ``--revoke``,
``--block-cadre``, ``--refused``), ``proposals`` (changes a cadre's laptop may
not make, accepted or rejected) and ``conflicts`` (seeing and settling one).
"""

from __future__ import annotations

import base64
import json
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import pytest

import desktop_app
from tests.db_helpers import cli_env, copy_database, raw

UNKNOWN_ID = "01a00000-0000-7000-8000-000000000000"
HUB_ORG = "南通市通州区妇女联合会"
CITY_ORG = "南通市妇女联合会"
CHINESE = re.compile(r"[\u4e00-\u9fff]")
FINGERPRINT = r"[0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}"


def fuqing(db: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    """``fuqing --db DB ARGS…`` in a process of its own; HOME is the install's folder."""
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--db", str(db), *map(str, args)],
        capture_output=True,
        text=True,
        env=cli_env(db.parent),
        timeout=120,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


def ok(db: Path, *args: str | Path) -> str:
    """Run a command that must succeed; its standard output."""
    result = fuqing(db, *args)
    assert result.returncode == 0, f"{args}: {result.stderr}{result.stdout}"
    return result.stdout


def ok_json(db: Path, *args: str | Path) -> Any:
    return json.loads(ok(db, *args))


def fails(db: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    """Run a command that must fail with exit code 1 and a message in Chinese."""
    result = fuqing(db, *args)
    assert result.returncode == 1, f"{args}: expected exit 1, got {result.returncode}: {result.stdout}"
    assert CHINESE.search(result.stderr + result.stdout), (
        f"{args}: no message in Chinese: {result.stdout}{result.stderr}"
    )
    return result


@dataclass
class Install:
    """One install: its database file and who uses it."""

    db: Path
    name: str

    @cached_property
    def device_id(self) -> str:
        return str(ok_json(self.db, "stats", "--json")["device_id"])

    @cached_property
    def cadre_id(self) -> str:
        return str(ok_json(self.db, "profile")["id"])

    def recipient(self) -> str:
        return str(ok_json(self.db, "keys", "--json")["age_recipient"])

    def add(self, kind: str, fields: dict[str, Any]) -> dict[str, Any]:
        record: dict[str, Any] = ok_json(self.db, "add", kind, "--json", json.dumps(fields, ensure_ascii=False))
        return record

    def counts(self) -> dict[str, int]:
        counts: dict[str, int] = ok_json(self.db, "stats", "--json")["counts"]
        return counts

    def device(self, device_id: str) -> dict[str, Any]:
        """This install's registry entry for another device."""
        (found,) = [d for d in ok_json(self.db, "devices", "--json") if d["id"] == device_id]
        return dict(found)


def install(tmp_path: Path, folder: str, name: str, org: str, mobile: str) -> Install:
    """A new install in a folder of its own, with its user's profile."""
    directory = tmp_path / folder
    directory.mkdir()
    db = directory / "fuqing.db"
    ok(db, "profile", "--json", json.dumps({"name": name, "org": org, "mobile": mobile}, ensure_ascii=False))
    return Install(db, name)


def export_key(hub: Install, path: Path) -> Path:
    out = ok(hub.db, "keys", "--export-hub-key", path)
    assert path.exists() and str(path) in out
    return path


def enrol(hub: Install, laptop: Install) -> None:
    """The operator's way before the first bundle: the hub approves the laptop from its enrolment file."""
    path = laptop.db.parent / "enrol.json"
    if not path.exists():
        ok(laptop.db, "keys", "--export-enrolment", path)
    out = ok(hub.db, "devices", "--enrol", path)
    assert re.match(rf"已登记并批准：{laptop.name} · {FINGERPRINT}\n", out), out


def approve(hub: Install, laptop: Install, *extra: str) -> list[str]:
    """The operator's way after a first bundle: approve the waiting laptop; the lines printed."""
    lines = ok(hub.db, "devices", "--approve", laptop.device_id, *extra).splitlines()
    assert re.fullmatch(rf"已批准设备：{laptop.name} · {FINGERPRINT}", lines[0]), lines
    return lines


def copy_db(source: Path, folder: Path) -> Path:
    """A copy of an install's database in a folder of its own (SQLite's backup: WAL included)."""
    folder.mkdir()
    return copy_database(source, folder / "fuqing.db")


def clone(template: Install, folder: Path) -> Install:
    """A copy of a prepared install (its keys, profile and trust included), with its enrolment file."""
    copy = Install(copy_db(template.db, folder), template.name)
    copy.__dict__.update(device_id=template.device_id, cadre_id=template.cadre_id)
    enrolment = template.db.parent / "enrol.json"
    if enrolment.exists():
        shutil.copy(enrolment, folder / "enrol.json")
    return copy


@dataclass
class Templates:
    """Installs the CLI makes once per module; each test works on copies of them."""

    hub: Install  # the county hub, 张敏
    hub_key: Path
    cadre: Install  # 王芳's laptop: the hub key imported, an enrolment file written
    stranger: Install  # 李娟's laptop: the same
    fresh: Install  # 赵兰's laptop: a profile, nothing else
    city: Install  # the city hub, 陈红
    city_key: Path


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> Templates:
    root = tmp_path_factory.mktemp("templates")
    hub = install(root, "hub", "张敏", HUB_ORG, "13900001111")
    hub_key = export_key(hub, root / "hub.key")
    laptops = []
    for folder, name, mobile in (("wangfang", "王芳", "13812345678"), ("lijuan", "李娟", "13700002222")):
        laptop = install(root, folder, name, HUB_ORG, mobile)
        assert "已导入县妇联公钥" in ok(laptop.db, "keys", "--import-hub-key", hub_key)
        ok(laptop.db, "keys", "--export-enrolment", laptop.db.parent / "enrol.json")
        laptops.append(laptop)
    city = install(root, "city", "陈红", CITY_ORG, "13600003333")
    city_key = export_key(city, root / "city.key")
    fresh = install(root, "fresh", "赵兰", HUB_ORG, "13500004444")
    for each in (hub, *laptops, city, fresh):
        assert each.device_id and each.cadre_id  # known once, for every copy
    return Templates(hub, hub_key, laptops[0], laptops[1], fresh, city, city_key)


@pytest.fixture
def hub(templates: Templates, tmp_path: Path) -> Install:
    """The county hub: no device approved yet."""
    return clone(templates.hub, tmp_path / "hub")


@pytest.fixture
def hub_key(templates: Templates) -> Path:
    return templates.hub_key


@pytest.fixture
def cadre(templates: Templates, hub: Install, tmp_path: Path) -> Install:
    """王芳's laptop, enrolled at the hub."""
    cadre = clone(templates.cadre, tmp_path / "wangfang")
    enrol(hub, cadre)
    return cadre


@pytest.fixture
def stranger(templates: Templates, tmp_path: Path) -> Install:
    """李娟's new laptop: it has the hub key, but the hub has never heard of it."""
    return clone(templates.stranger, tmp_path / "lijuan")


@pytest.fixture
def fresh(templates: Templates, tmp_path: Path) -> Install:
    """赵兰's laptop with her profile and nothing else: no hub key, no trust."""
    return clone(templates.fresh, tmp_path / "zhaolan")


@pytest.fixture
def city(templates: Templates, tmp_path: Path) -> Install:
    return clone(templates.city, tmp_path / "city")


def import_one(hub: Install, bundle: Path, *extra: str | Path) -> dict[str, Any]:
    """Import one bundle with ``--json``: its result, which must be a merge (not refused, not kept)."""
    (result,) = ok_json(hub.db, "import", bundle, "--json", *extra)
    assert result["ok"] and not result["waiting"], result
    return dict(result)


def import_waits(receiver: Install, bundle: Path, sender: Install) -> dict[str, Any]:
    """Import a bundle from a device ``receiver`` does not know yet: kept, nothing changed."""
    before = receiver.counts()
    (result,) = ok_json(receiver.db, "import", bundle, "--json")
    assert result["ok"] and result["waiting"] and result["code"] == "waiting", result
    assert f"fuqing devices --approve {sender.device_id}" in result["message"], result["message"]
    assert (result["new"], result["updated"]) == (0, 0)
    assert receiver.counts() == before
    return dict(result)


def diary(who: Install, title: str) -> dict[str, Any]:
    return who.add("diary", {"title": title, "body": f"{title}：留守妇女想学电商。"})


def sent(who: Install, out: Path, *extra: str | Path) -> Path:
    ok(who.db, "export", "--out", out, *extra)
    assert out.exists()
    return out


# -- keys ---------------------------------------------------------------------


def test_keys_shows_device_id_age_recipient_and_no_destination_at_first(fresh: Install) -> None:
    laptop = fresh
    shown = ok_json(laptop.db, "keys", "--json")
    assert shown["device_id"] == laptop.device_id
    assert re.fullmatch(r"age1[0-9a-z]{58}", shown["age_recipient"])
    assert len(base64.b64decode(shown["public_key"])) == 32
    assert shown["destinations"] == []
    assert json.loads(ok(laptop.db, "keys")) == shown  # no option: the same summary


def test_hub_key_file_is_imported_by_another_install_which_then_trusts_the_hub(
    hub: Install, fresh: Install, tmp_path: Path
) -> None:
    key = tmp_path / "县妇联.key"
    out = ok(hub.db, "keys", "--export-hub-key", key)
    lines = key.read_text(encoding="utf-8").splitlines()
    assert lines[0] == f"# 访妇情 (Fuqing) hub key: {HUB_ORG} (device {hub.device_id})"
    assert f"# signing key: {ok_json(hub.db, 'keys', '--json')['public_key']}" in lines
    assert hub.recipient() in lines and hub.recipient() in out
    cadre = fresh
    assert ok_json(cadre.db, "devices", "--json") == []
    assert f"已导入县妇联公钥：{HUB_ORG}" in ok(cadre.db, "keys", "--import-hub-key", key)
    (destination,) = ok_json(cadre.db, "keys", "--json")["destinations"]
    assert destination["kind"] == "age" and destination["name"] == HUB_ORG
    assert destination["recipient"] == hub.recipient()
    assert destination["last_sent_seq"] == 0 and destination["last_bundle_id"] is None
    # The hub's signing key came with it: the hub is approved on her laptop, as a hub.
    trusted = cadre.device(hub.device_id)
    assert (trusted["status"], trusted["role"], trusted["federation"]) == ("approved", "hub", HUB_ORG)
    ok(cadre.db, "keys", "--import-hub-key", key, "--name", "通州")  # the same key again: renamed, not doubled
    assert [d["name"] for d in ok_json(cadre.db, "keys", "--json")["destinations"]] == ["通州"]
    assert len(ok_json(cadre.db, "devices", "--json")) == 1
    not_a_key = tmp_path / "notes.txt"
    not_a_key.write_text("这不是公钥\n", encoding="utf-8")
    result = fails(cadre.db, "keys", "--import-hub-key", not_a_key)
    assert "不是有效的县妇联公钥文件" in result.stderr


def test_export_enrolment_writes_a_public_file_that_names_the_laptop_and_its_cadre(
    fresh: Install, tmp_path: Path
) -> None:
    laptop = fresh
    path = tmp_path / "赵兰-登记.json"
    out = ok(laptop.db, "keys", "--export-enrolment", path)
    assert out == f"已导出本机登记文件：{path}（请交给县妇联）\n"  # no key summary after it
    text = path.read_text(encoding="utf-8")
    assert json.loads(text) == {
        "format": "fuqing-enrolment",
        "device_id": laptop.device_id,
        "public_key": ok_json(laptop.db, "keys", "--json")["public_key"],
        "cadre_id": laptop.cadre_id,
        "cadre_name": "赵兰",
        "federation": HUB_ORG,
    }
    conn = raw(laptop.db)
    try:
        secrets = [
            row[0] for row in conn.execute("SELECT value FROM meta WHERE key IN ('signing_key', 'age_identity')")
        ]
    finally:
        conn.close()
    assert len(secrets) == 2 and not any(secret in text for secret in secrets)  # public facts only
    result = fails(laptop.db, "keys", "--export-enrolment", tmp_path / "no-such-folder" / "x.json")
    assert "无法写入" in result.stderr


def test_export_identity_writes_a_private_file_a_new_hub_machine_can_use(
    hub: Install, cadre: Install, fresh: Install, tmp_path: Path
) -> None:
    from pyrage import x25519

    secret_file = tmp_path / "hub-identity.txt"
    secret_file.write_text("an older, world-readable file of that name\n")
    secret_file.chmod(0o644)
    out = ok(hub.db, "keys", "--export-identity", secret_file)
    assert secret_file.stat().st_mode & 0o777 == 0o600 and "0600" in out  # and it says so
    secret = next(line for line in secret_file.read_text().splitlines() if line.startswith("AGE-SECRET-KEY-"))
    assert "AGE-SECRET-KEY" not in out  # the path is printed, never the key
    assert str(x25519.Identity.from_str(secret).to_public()) == hub.recipient()
    diary(cadre, "换电脑前的日记")
    bundle = sent(cadre, tmp_path / "b.age")
    new_machine = fresh  # an install on the hub's new computer
    refused = fails(new_machine.db, "import", bundle)
    assert "不是发给本机的" in refused.stdout
    assert "已导入私钥" in ok(new_machine.db, "keys", "--import-identity", secret_file)
    assert new_machine.recipient() == hub.recipient()
    # It can open the bundle now; the new machine has not approved her laptop yet.
    import_waits(new_machine, bundle, cadre)
    lines = approve(new_machine, cadre)
    assert lines[1].startswith("b.age: 新增 2，")  # the cadre's profile and diary
    assert new_machine.counts()["diary"] == 1


# -- export -------------------------------------------------------------------


def test_export_delta_then_nothing_new_writes_no_file_then_full(cadre: Install, tmp_path: Path) -> None:
    diary(cadre, "第一篇")
    first = tmp_path / "1.age"
    data = ok_json(cadre.db, "export", "--out", first, "--json")
    assert data["counts"] == {"cadre": 1, "diary": 1}
    assert first.read_bytes().startswith(b"age-encryption.org/v1\n") and data["bytes"] == first.stat().st_size
    again = tmp_path / "2.age"
    result = fuqing(cadre.db, "export", "--out", again)
    assert result.returncode == 0
    assert f"没有新的记录需要发送给“{HUB_ORG}”，未生成文件" in result.stdout
    assert not again.exists()
    diary(cadre, "第二篇")
    plain = ok(cadre.db, "export", "--out", again)
    assert plain.startswith("已导出 1 条记录到") and again.exists()
    full = ok_json(cadre.db, "export", "--out", tmp_path / "full.age", "--full", "--json")
    assert full["counts"] == {"cadre": 1, "diary": 2} and (tmp_path / "full.age").exists()
    assert "没有新的记录" in ok(cadre.db, "export", "--out", tmp_path / "3.age")
    assert not (tmp_path / "3.age").exists()


def test_export_with_a_passphrase_file_opens_only_with_that_passphrase(
    hub: Install, cadre: Install, tmp_path: Path
) -> None:
    diary(cadre, "口令包")
    passphrase = tmp_path / "pw.txt"
    passphrase.write_text("  远山的茶 2026  \n第二行不算\n", encoding="utf-8")
    bundle = sent(cadre, tmp_path / "x.age", "--passphrase-file", passphrase)
    assert b"\n-> scrypt " in bundle.read_bytes()[:400]
    assert "口令加密，请提供口令" in fails(hub.db, "import", bundle).stdout
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("远山的茶\n", encoding="utf-8")
    assert "口令不正确" in fails(hub.db, "import", bundle, "--passphrase-file", wrong).stdout
    assert hub.counts()["diary"] == 0
    # the first line without its surrounding spaces is the passphrase
    exact = tmp_path / "exact.txt"
    exact.write_text("远山的茶 2026\n", encoding="utf-8")
    assert import_one(hub, bundle, "--passphrase-file", exact)["counts"] == {"cadre": 1, "diary": 1}
    assert hub.counts()["diary"] == 1
    empty = tmp_path / "empty.txt"
    empty.write_text("\n", encoding="utf-8")
    result = fails(cadre.db, "export", "--out", tmp_path / "y.age", "--passphrase-file", empty, "--full")
    assert "口令文件的第一行是空的" in result.stderr and not (tmp_path / "y.age").exists()
    result = fails(cadre.db, "export", "--out", tmp_path / "y.age", "--passphrase-file", tmp_path / "missing.txt")
    assert "无法读取口令文件" in result.stderr and not (tmp_path / "y.age").exists()


def test_export_to_a_hub_key_file_that_was_never_imported(
    hub: Install, hub_key: Path, fresh: Install, tmp_path: Path
) -> None:
    laptop = fresh
    diary(laptop, "没有公钥时")
    bundle = tmp_path / "to.age"
    result = fails(laptop.db, "export", "--out", bundle)
    assert "请用 --to 指定县妇联公钥文件" in result.stderr and "（本机已导入的公钥：无）" in result.stderr
    assert not bundle.exists()
    sent(laptop, bundle, "--to", hub_key)
    assert import_waits(hub, bundle, laptop)["sender"].startswith("赵兰 · ")
    assert approve(hub, laptop)[1].startswith("to.age: 新增 2，")
    assert hub.counts()["diary"] == 1
    # --to remembered the hub: the next delta to it has nothing new
    assert [d["name"] for d in ok_json(laptop.db, "keys", "--json")["destinations"]] == [HUB_ORG]
    assert "没有新的记录" in ok(laptop.db, "export", "--out", tmp_path / "again.age")


def test_several_imported_hub_keys_need_to(
    hub: Install, cadre: Install, city: Install, templates: Templates, tmp_path: Path
) -> None:
    city_key = templates.city_key
    ok(cadre.db, "keys", "--import-hub-key", city_key)
    diary(cadre, "两个发送对象")
    bundle = tmp_path / "which.age"
    result = fails(cadre.db, "export", "--out", bundle)
    assert "请用 --to 指定" in result.stderr
    assert HUB_ORG in result.stderr and CITY_ORG in result.stderr
    assert not bundle.exists()
    sent(cadre, bundle, "--to", city_key)
    assert "不是发给本机的" in fails(hub.db, "import", bundle).stdout
    import_waits(city, bundle, cadre)  # the city has never approved her laptop
    assert approve(city, cadre)[1].startswith("which.age: 新增 2，")
    assert city.counts()["diary"] == 1
    assert hub.counts()["diary"] == 0


# -- import -------------------------------------------------------------------


def test_cadre_bundle_at_the_hub_counts_then_second_import_changes_nothing(
    hub: Install, cadre: Install, tmp_path: Path
) -> None:
    point = cadre.add("liaison_point", {"name": "王家村", "kind": "社区/村"})
    woman = cadre.add("woman", {"name": "李秀英", "liaison_point_id": point["id"], "groups": ["留守"]})
    diary(cadre, "走访王家村")
    bundle = tmp_path / "王芳-1122.age"
    exported = ok_json(cadre.db, "export", "--out", bundle, "--json")
    assert exported["counts"] == {"cadre": 1, "liaison_point": 1, "liaison_point_cadre": 1, "woman": 1, "diary": 1}
    result = import_one(hub, bundle)  # her laptop was enrolled: merged at once
    assert result["file"] == bundle.name and result["sender"].startswith("王芳 · ")
    assert result["counts"] == exported["counts"] and result["bundle_id"] == exported["bundle_id"]
    assert (result["new"], result["updated"], result["conflicts"], result["duplicate"]) == (
        5,
        0,
        0,
        False,
    )  # with her link to the point she made
    assert result["held"] == 0  # all hers to make
    assert hub.counts() == {
        "cadre": 2, "liaison_point": 1, "woman": 1, "visit": 0,
        "help_pair": 0, "help_log": 0, "diary": 1, "problem": 0,
        "federation": 0, "project": 0, "referral": 0, "research": 0,
    }  # fmt: skip
    assert ok_json(hub.db, "show", "woman", woman["id"], "--json")["name"] == "李秀英"
    before = hub.counts()
    assert ok(hub.db, "import", bundle) == f"{bundle.name}: 此同步包已导入过，无变化\n"
    (again,) = ok_json(hub.db, "import", bundle, "--json")
    assert again["ok"] and again["duplicate"] and (again["new"], again["updated"]) == (0, 0)
    assert hub.counts() == before


def test_damaged_files_get_a_clear_message_and_the_others_still_import(
    hub: Install, cadre: Install, stranger: Install, tmp_path: Path
) -> None:
    enrol(hub, stranger)
    bundles = []
    for laptop in (cadre, stranger):
        diary(laptop, f"{laptop.name}的日记")
        bundles.append(sent(laptop, tmp_path / f"{laptop.name}.age"))
    good_a, good_b = bundles
    data = good_a.read_bytes()
    cut = tmp_path / "cut.age"
    cut.write_bytes(data[: len(data) // 2])  # a copy to a USB stick pulled out too early
    flipped = tmp_path / "flipped.age"
    middle = len(data) * 3 // 4
    flipped.write_bytes(data[:middle] + bytes([data[middle] ^ 0x40]) + data[middle + 1 :])
    photo = tmp_path / "photo.age"
    photo.write_bytes(b"\xff\xd8\xff\xe0 not a bundle at all")
    files = [good_a, cut, flipped, photo, good_b]
    result = fuqing(hub.db, "import", *files)
    assert result.returncode == 1
    lines = dict(line.split(": ", 1) for line in result.stdout.splitlines())
    assert list(lines) == [f.name for f in files]  # one result line per file, in order
    assert lines["cut.age"].startswith("同步包不完整")
    assert "损坏" in lines["flipped.age"]
    assert lines["photo.age"] == "不是访妇情同步包（不是 age 加密文件）"
    assert lines["王芳.age"].startswith("新增 2，") and lines["李娟.age"].startswith("新增 2，")
    assert "[5/5] 李娟.age" in result.stderr  # progress for several files
    assert hub.counts()["diary"] == 2
    registry = ok_json(hub.db, "devices", "--json")
    assert sorted((d["name"], d["status"], d["bundle_count"]) for d in registry) == [
        ("李娟", "approved", 1),
        ("王芳", "approved", 1),
    ]
    codes = [r["code"] for r in json.loads(fuqing(hub.db, "import", cut, photo, "--json").stdout)]
    assert codes == ["truncated", "not_age"]


def test_a_missing_file_or_a_folder_gets_a_chinese_message_too(hub: Install, tmp_path: Path) -> None:
    folder = tmp_path / "usb-stick.age"
    folder.mkdir()
    result = fails(hub.db, "import", tmp_path / "missing.age", folder)
    lines = result.stdout.splitlines()
    assert [line.split(": ", 1)[0] for line in lines] == ["missing.age", "usb-stick.age"]
    for line in lines:  # not Python's "[Errno 2] No such file or directory"
        assert "Errno" not in line and CHINESE.search(line.split(": ", 1)[1]), line


def test_refused_lists_a_damaged_file_and_its_reason(hub: Install, cadre: Install, tmp_path: Path) -> None:
    assert ok_json(hub.db, "devices", "--refused", "--json") == [] and ok(hub.db, "devices", "--refused") == ""
    diary(cadre, "U 盘拔早了")
    data = sent(cadre, tmp_path / "good.age").read_bytes()
    cut = tmp_path / "王芳-cut.age"
    cut.write_bytes(data[: len(data) // 2])
    (result,) = json.loads(fuqing(hub.db, "import", cut, "--json").stdout)
    assert not result["ok"] and result["code"] == "truncated"
    (refused,) = ok_json(hub.db, "devices", "--refused", "--json")
    assert refused["file_name"] == "王芳-cut.age" and refused["code"] == "truncated"
    assert refused["message"] == result["message"] and refused["message"].startswith("同步包不完整")
    (line,) = ok(hub.db, "devices", "--refused").splitlines()
    assert line.split("  ") == [refused["at"], "王芳-cut.age", refused["message"]]
    assert hub.counts()["diary"] == 0
    # A good bundle is not listed there; the newest refusal comes first.
    import_one(hub, tmp_path / "good.age")
    fuqing(hub.db, "import", tmp_path / "gone.age")
    assert [r["file_name"] for r in ok_json(hub.db, "devices", "--refused", "--json")] == ["gone.age", "王芳-cut.age"]


# -- devices ------------------------------------------------------------------


def test_a_bundle_from_an_unknown_laptop_waits_and_its_device_goes_pending_approved_revoked(
    hub: Install, stranger: Install, tmp_path: Path
) -> None:
    assert ok_json(hub.db, "devices", "--json") == [] and ok(hub.db, "devices") == ""
    diary(stranger, "第一次报送")
    bundle = sent(stranger, tmp_path / "b.age")
    before = hub.counts()
    out = ok(hub.db, "import", bundle)  # kept is not an error: exit 0
    assert out.startswith("b.age: ") and "等待" in out and f"fuqing devices --approve {stranger.device_id}" in out
    assert hub.counts() == before and ok_json(hub.db, "search", "第一次报送", "--json") == []
    assert ok_json(hub.db, "proposals", "--json") == []  # kept whole, not turned into proposals
    device = hub.device(stranger.device_id)
    assert (device["status"], device["role"], device["name"], device["federation"]) == (
        "pending", "cadre", "李娟", HUB_ORG,
    )  # fmt: skip
    assert device["cadre_id"] == stranger.cadre_id
    assert (device["bundle_count"], device["rows_received"], device["blocked"]) == (0, 0, False)
    assert re.fullmatch(FINGERPRINT, device["fingerprint"]) and device["fingerprint"] in out
    (line,) = ok(hub.db, "devices").splitlines()
    assert line.split()[:2] == [stranger.device_id, "李娟"] and "待批准" in line
    assert line.split()[-1] == desktop_app.__version__  # the version its bundle was made with
    approve(hub, stranger, "--role", "cadre")
    device = hub.device(stranger.device_id)
    assert (device["status"], device["role"], device["bundle_count"], device["rows_received"]) == (
        "approved", "cadre", 1, 2,
    )  # fmt: skip
    (line,) = ok(hub.db, "devices").splitlines()
    assert "已批准" in line and line.split()[-3:] == ["1", "2", desktop_app.__version__]  # its app version last
    assert device["app_version"] == desktop_app.__version__
    (line,) = ok(hub.db, "devices", "--revoke", stranger.device_id).splitlines()  # says what it did
    assert line.startswith("已撤销设备“李娟 · ")
    assert hub.device(stranger.device_id)["status"] == "revoked"


def test_approve_merges_every_kept_bundle_oldest_first(hub: Install, stranger: Install, tmp_path: Path) -> None:
    diary(stranger, "第一篇")
    first = sent(stranger, tmp_path / "1.age")
    diary(stranger, "第二篇")
    second = sent(stranger, tmp_path / "2.age")
    import_waits(hub, second, stranger)  # they may arrive in any order
    import_waits(hub, first, stranger)
    import_waits(hub, first, stranger)  # the same file twice is kept once
    lines = approve(hub, stranger)  # in the order they arrived
    assert lines[1:] == [
        "2.age: 新增 1，更新 0，未变 0，冲突 0（1 条引用的记录尚未收到）",  # her profile is in 1.age
        "1.age: 新增 2，更新 0，未变 0，冲突 0",
    ]
    assert len(ok_json(hub.db, "search", "篇", "--json")) == 2
    assert hub.counts()["diary"] == 2 and hub.counts()["cadre"] == 2
    assert hub.device(stranger.device_id)["bundle_count"] == 2
    # Nothing is kept any more: approving again merges nothing, importing again is a duplicate.
    assert len(approve(hub, stranger)) == 1  # the approval line only
    assert ok(hub.db, "import", first) == "1.age: 此同步包已导入过，无变化\n"
    diary(stranger, "批准以后")
    assert import_one(hub, sent(stranger, tmp_path / "3.age"))["new"] == 1  # merged at once now


def test_enrol_then_the_first_import_merges_at_once(hub: Install, stranger: Install, tmp_path: Path) -> None:
    enrolment = tmp_path / "李娟-登记.json"
    ok(stranger.db, "keys", "--export-enrolment", enrolment)
    out = ok(hub.db, "devices", "--enrol", enrolment)
    (label,) = re.findall(rf"^已登记并批准：(李娟 · {FINGERPRINT})$", out, re.M)
    device = hub.device(stranger.device_id)
    assert (device["status"], device["role"], device["cadre_id"]) == ("approved", "cadre", stranger.cadre_id)
    assert (device["bundle_count"], label.endswith(device["fingerprint"])) == (0, True)
    diary(stranger, "登记后的第一篇")
    result = import_one(hub, sent(stranger, tmp_path / "1.age"))
    assert (result["new"], result["held"], result["sender"]) == (2, 0, label)
    assert hub.counts()["diary"] == 1 and hub.device(stranger.device_id)["bundle_count"] == 1


def test_a_revoked_device_s_next_bundle_is_refused(hub: Install, cadre: Install, tmp_path: Path) -> None:
    diary(cadre, "撤销前")
    import_one(hub, sent(cadre, tmp_path / "1.age"))
    label = import_one(hub, tmp_path / "1.age")["sender"]
    (line,) = ok(hub.db, "devices", "--revoke", cadre.device_id).splitlines()
    assert line == f"已撤销设备“{label}”"
    assert hub.device(cadre.device_id)["status"] == "revoked"
    diary(cadre, "撤销后")
    result = fails(hub.db, "import", sent(cadre, tmp_path / "2.age"))
    assert result.stdout == f"2.age: 设备“{label}”已被撤销，不再接收它的同步包\n"
    assert ok_json(hub.db, "search", "撤销后", "--json") == [] and hub.counts()["diary"] == 1
    (refused,) = ok_json(hub.db, "devices", "--refused", "--json")
    assert (refused["file_name"], refused["device_id"], refused["code"]) == ("2.age", cadre.device_id, "revoked")


def test_revoking_or_approving_an_unknown_device_is_a_clear_error(hub: Install) -> None:
    result = fails(hub.db, "devices", "--revoke", UNKNOWN_ID)
    assert result.stderr.strip() == f"没有这台设备：{UNKNOWN_ID}"
    result = fails(hub.db, "devices", "--revoke", hub.device_id)  # not even itself
    assert "没有这台设备" in result.stderr
    assert result.stdout == ""
    result = fails(hub.db, "devices", "--approve", UNKNOWN_ID)
    assert result.stderr.strip() == f"没有这台设备：{UNKNOWN_ID}" and result.stdout == ""
    assert "没有这台设备" in fails(hub.db, "devices", "--approve", hub.device_id).stderr
    assert ok_json(hub.db, "devices", "--json") == []


def test_block_cadre_refuses_her_next_bundle_and_her_devices_cannot_be_approved(
    hub: Install, cadre: Install, tmp_path: Path
) -> None:
    diary(cadre, "停用前")
    import_one(hub, sent(cadre, tmp_path / "1.age"))
    out = ok(hub.db, "devices", "--block-cadre", cadre.cadre_id)
    assert out.splitlines()[0] == "已停用“王芳”：她的 1 台设备（包括以后新装的）都不再被接收"
    device = hub.device(cadre.device_id)
    assert (device["status"], device["blocked"]) == ("revoked", True)
    diary(cadre, "停用后")
    result = fails(hub.db, "import", sent(cadre, tmp_path / "2.age"))
    assert "所属的干部已被停用，不接收她任何设备的同步包" in result.stdout
    assert ok_json(hub.db, "search", "停用后", "--json") == [] and hub.counts()["diary"] == 1
    assert ok_json(hub.db, "devices", "--refused", "--json")[0]["file_name"] == "2.age"
    result = fails(hub.db, "devices", "--approve", cadre.device_id)
    assert "所属的干部已被停用，不能批准" in result.stderr
    assert hub.device(cadre.device_id)["status"] == "revoked"


def test_enrol_with_a_file_that_is_not_an_enrolment_says_so_in_chinese(hub: Install, hub_key: Path) -> None:
    """Product problem: the message carries Python's English error text."""
    problems = []
    for path in (hub_key.parent / "missing.json", hub_key):  # a typo; the hub key file by mistake
        result = fails(hub.db, "devices", "--enrol", path)
        assert result.stderr.startswith(("找不到文件", "不是访妇情的登记文件")) or "登记文件" in result.stderr
        for english in ("Errno", "No such file", "Expecting value", "line 1 column"):
            if english in result.stderr:
                problems.append(f"{path.name}: {result.stderr.strip()}")
                break
    assert ok_json(hub.db, "devices", "--json") == []
    assert not problems, problems


def test_enrolling_a_laptop_whose_bundle_waits_merges_that_bundle_and_says_so(
    hub: Install, stranger: Install, tmp_path: Path
) -> None:
    """Product problem: ``--enrol`` of a waiting laptop (at first) left its kept bundle unmerged; now it
    merges it, but prints no result line for it as ``--approve`` does (a refusal would go unseen)."""
    diary(stranger, "登记前送来的")
    import_waits(hub, sent(stranger, tmp_path / "1.age"), stranger)
    out = ok(hub.db, "devices", "--enrol", stranger.db.parent / "enrol.json")
    assert out.startswith("已登记并批准：李娟 · ")
    assert hub.device(stranger.device_id)["status"] == "approved"
    assert hub.counts()["diary"] == 1, "her kept bundle was not merged when her laptop was enrolled"
    assert "1.age: 新增 2，" in out, f"no result line for the kept bundle it merged:\n{out}"


def test_blocking_an_id_that_is_no_cadre_is_an_error(hub: Install, cadre: Install) -> None:
    """Product problem: a mistyped cadre id is "blocked" silently (0 devices) and exit 0."""
    typo = cadre.cadre_id[:-1] + ("0" if cadre.cadre_id[-1] != "0" else "1")
    result = fuqing(hub.db, "devices", "--block-cadre", typo)
    assert result.returncode == 1, f"exit {result.returncode}: {result.stdout}"
    assert CHINESE.search(result.stderr)


def test_approve_exits_1_when_a_kept_bundle_is_refused(hub: Install, stranger: Install, tmp_path: Path) -> None:
    """Product problem: ``import`` exits 1 for a refused bundle; ``devices --approve`` exits 0 for the same one.

    Her laptop's clock was a month ahead when she wrote the diary (the stamp
    in her database says so); the hub refuses that bundle only once it merges it.
    """
    record = diary(stranger, "时钟快了")
    conn = raw(stranger.db)
    try:
        with conn:
            (hlc,) = conn.execute("SELECT hlc FROM diary WHERE id = ?", (record["id"],)).fetchone()
            wall, counter = hlc.split(".")
            ahead = f"{int(wall) + 30 * 86_400_000:015d}.{counter}"
            version = f"{ahead}/{stranger.device_id}"
            conn.execute("UPDATE diary SET hlc = ?, rev = ? WHERE id = ?", (ahead, json.dumps([version]), record["id"]))
    finally:
        conn.close()
    bundle = sent(stranger, tmp_path / "ahead.age")
    import_waits(hub, bundle, stranger)
    result = fuqing(hub.db, "devices", "--approve", stranger.device_id)
    assert "时钟不对" in result.stdout and hub.counts()["diary"] == 0
    assert fuqing(hub.db, "import", bundle).returncode == 1  # the same bundle, imported: exit 1
    assert result.returncode == 1, f"--approve exit {result.returncode} though a kept bundle was refused"


def test_a_second_kept_bundle_is_not_called_the_first(hub: Install, stranger: Install, tmp_path: Path) -> None:
    """Product problem: every kept bundle's message says "首次收到" (first received), also the second."""
    diary(stranger, "第一篇")
    import_waits(hub, sent(stranger, tmp_path / "1.age"), stranger)
    diary(stranger, "第二篇")
    message = import_waits(hub, sent(stranger, tmp_path / "2.age"), stranger)["message"]
    assert "首次" not in message, message


def test_role_without_approve_is_an_error(hub: Install, stranger: Install, tmp_path: Path) -> None:
    """Product problem: ``--role`` alone is ignored silently (exit 0), so an operator may think it took effect."""
    import_waits(hub, sent(stranger, tmp_path / "1.age"), stranger)
    result = fuqing(hub.db, "devices", "--role", "hub")
    assert hub.device(stranger.device_id)["role"] == "cadre"
    assert result.returncode != 0, f"exit {result.returncode}: {result.stdout}"


def test_a_blocked_cadre_can_be_unblocked_from_the_command_line(hub: Install, cadre: Install) -> None:
    """Product problem: the refusal says to unblock her first (请先解除停用), but no command does."""
    ok(hub.db, "devices", "--block-cadre", cadre.cadre_id)
    message = fails(hub.db, "devices", "--approve", cadre.device_id).stderr
    assert "请先解除停用" in message
    help_text = ok(hub.db, "devices", "--help")
    assert "解除" in help_text and "停用" in help_text
    assert "已解除" in ok(hub.db, "devices", "--unblock-cadre", cadre.cadre_id)
    ok(hub.db, "devices", "--approve", cadre.device_id)  # she can be approved again


# -- the hub's bundles down -------------------------------------------------------


def test_a_cadre_merges_bundles_down_from_the_hub_whose_key_she_imported_only(
    hub: Install, cadre: Install, city: Install, tmp_path: Path
) -> None:
    cadre_key = export_key(cadre, tmp_path / "cadre.key")
    point = hub.add("liaison_point", {"name": "王家村", "kind": "village"})
    down = tmp_path / "down.age"
    assert ok_json(hub.db, "export", "--down", "--to", cadre_key, "--out", down, "--json")["counts"] == {
        "cadre": 1, "liaison_point": 1,
    }  # fmt: skip
    result = import_one(cadre, down)  # trusted since she imported the hub key
    assert result["new"] == 2 and result["held"] == 0 and result["sender"].startswith(f"{HUB_ORG} · ")
    assert ok_json(cadre.db, "show", "liaison_point", point["id"], "--json")["name"] == "王家村"
    city.add("liaison_point", {"name": "市里的联系点", "kind": "enterprise"})
    sent(city, tmp_path / "city-down.age", "--down", "--to", cadre_key)
    import_waits(cadre, tmp_path / "city-down.age", city)  # a hub she never imported a key from
    assert cadre.device(city.device_id)["status"] == "pending"
    assert cadre.counts()["liaison_point"] == 1


def test_sending_down_to_a_cadre_does_not_make_her_laptop_a_hub(hub: Install, cadre: Install, tmp_path: Path) -> None:
    """Product problem: ``export --down --to cadre.key`` on the hub enrols her laptop, from the key file she
    exported with ``keys --export-hub-key``, as an approved *hub* (named after the federation): from then
    on the hub applies her edits of its liaison points and of other cadres' profiles without review."""
    cadre_key = export_key(cadre, tmp_path / "cadre.key")
    point = hub.add("liaison_point", {"name": "王家村", "kind": "village"})
    sent(hub, tmp_path / "down.age", "--down", "--to", cadre_key)
    import_one(cadre, tmp_path / "down.age")
    ok(cadre.db, "edit", "liaison_point", point["id"], "--json", '{"name": "王芳改的村名"}')
    result = import_one(hub, sent(cadre, tmp_path / "up.age"))
    registered = hub.device(cadre.device_id)
    assert ok_json(hub.db, "show", "liaison_point", point["id"], "--json")["name"] == "王家村", (
        f"her edit of the hub's liaison point was applied; her laptop is registered as {registered}"
    )
    assert result["held"] == 1
    assert (registered["role"], registered["name"]) == ("cadre", "王芳")


# -- proposals ------------------------------------------------------------------


@dataclass
class Proposed:
    """A hub holding two changes 王芳's laptop may not make, and what they would change."""

    hub_db: Path
    point_id: str
    hub_cadre_id: str
    bundle: Path
    by_type: dict[str, dict[str, Any]]  # record type → its proposal (JSON)


@pytest.fixture(scope="module")
def proposed_world(templates: Templates, tmp_path_factory: pytest.TempPathFactory) -> Proposed:
    """The hub's liaison point and profile reach her laptop in a bundle down; she edits both
    and writes a diary. Made once: each test works on a copy of the hub's database."""
    root = tmp_path_factory.mktemp("proposals")
    hub, cadre = clone(templates.hub, root / "hub"), clone(templates.cadre, root / "wangfang")
    enrol(hub, cadre)
    point = hub.add("liaison_point", {"name": "王家村", "kind": "village"})
    passphrase = root / "pw.txt"
    passphrase.write_text("远山的茶 2026\n", encoding="utf-8")
    down = sent(hub, root / "down.age", "--down", "--passphrase-file", passphrase)
    assert import_one(cadre, down, "--passphrase-file", passphrase)["new"] == 2  # the hub's profile and point
    ok(cadre.db, "edit", "liaison_point", point["id"], "--json", '{"name": "王芳改的村名"}')
    ok(cadre.db, "edit", "cadre", hub.cadre_id, "--json", '{"mobile": "13800000000"}')
    diary(cadre, "她自己的日记")
    bundle = sent(cadre, root / "up.age")
    result = import_one(hub, bundle)
    assert (result["new"], result["held"]) == (2, 2), result  # her profile and diary merged; two held
    held = ok_json(hub.db, "proposals", "--json")
    return Proposed(hub.db, point["id"], hub.cadre_id, bundle, {p["record_type"]: p for p in held})


@pytest.fixture
def proposed(proposed_world: Proposed, tmp_path: Path) -> Proposed:
    return Proposed(
        copy_db(proposed_world.hub_db, tmp_path / "hub"),
        proposed_world.point_id,
        proposed_world.hub_cadre_id,
        proposed_world.bundle,
        proposed_world.by_type,
    )


def shown(db: Path, kind: str, record_id: str) -> dict[str, Any]:
    record: dict[str, Any] = ok_json(db, "show", kind, record_id, "--json")
    return record


def test_proposals_list_the_changes_her_laptop_may_not_make(proposed: Proposed) -> None:
    hub = proposed.hub_db
    point, profile = proposed.by_type["liaison_point"], proposed.by_type["cadre"]
    assert (point["record_id"], point["reason"], point["status"]) == (proposed.point_id, "not_admin", "pending")
    assert (
        point["reason_text"] == "联系点、分工、妇联组织、实事项目和转办答复由县妇联管理"
        and point["row"]["name"] == "王芳改的村名"
    )
    assert (profile["record_id"], profile["reason"]) == (proposed.hub_cadre_id, "not_own_profile")
    assert profile["reason_text"] == "干部的电脑只能修改她本人的干部档案"
    assert point["sender"].startswith("王芳 · ") and profile["sender"] == point["sender"]
    assert point["bundle_id"] == profile["bundle_id"]
    # Held, not applied: the hub's records are as they were.
    assert shown(hub, "liaison_point", proposed.point_id)["name"] == "王家村"
    assert shown(hub, "cadre", proposed.hub_cadre_id)["mobile"] == "13900001111"
    lines = ok(hub, "proposals").splitlines()
    assert sorted(line.split()[:3] for line in lines) == sorted(
        [p["id"], p["record_type"], p["record_id"]] for p in (point, profile)
    )
    assert any("联系点、分工、妇联组织、实事项目和转办答复由县妇联管理" in line for line in lines)
    # Importing the bundle again neither repeats nor changes them.
    assert ok(hub, "import", proposed.bundle) == "up.age: 此同步包已导入过，无变化\n"
    assert len(ok_json(hub, "proposals", "--json")) == 2 and ok_json(hub, "proposals", "--all", "--json") != []


def test_accept_applies_the_proposed_change(proposed: Proposed) -> None:
    hub, point = proposed.hub_db, proposed.by_type["liaison_point"]
    out = ok(hub, "proposals", "--accept", point["id"])
    assert out.splitlines()[0] == "已接受这条修改" and point["id"] not in out
    assert shown(hub, "liaison_point", proposed.point_id)["name"] == "王芳改的村名"
    assert [p["record_type"] for p in ok_json(hub, "proposals", "--json")] == ["cadre"]
    statuses = {p["record_type"]: p["status"] for p in ok_json(hub, "proposals", "--all", "--json")}
    assert statuses == {"liaison_point": "accepted", "cadre": "pending"}
    assert shown(hub, "cadre", proposed.hub_cadre_id)["mobile"] == "13900001111"  # the other one still waits
    result = fails(hub, "proposals", "--accept", point["id"])
    assert result.stderr.strip() == f"这条修改已经处理过了：{point['id']}"
    assert "检查通过" in ok(hub, "check")


def test_reject_leaves_the_record_unchanged(proposed: Proposed) -> None:
    hub, profile = proposed.hub_db, proposed.by_type["cadre"]
    before = shown(hub, "cadre", proposed.hub_cadre_id)
    out = ok(hub, "proposals", "--reject", profile["id"])
    assert out.splitlines()[0] == "已拒绝这条修改"
    assert shown(hub, "cadre", proposed.hub_cadre_id) == before
    assert [p["record_type"] for p in ok_json(hub, "proposals", "--json")] == ["liaison_point"]
    statuses = {p["record_type"]: p["status"] for p in ok_json(hub, "proposals", "--all", "--json")}
    assert statuses == {"liaison_point": "pending", "cadre": "rejected"}
    assert "已经处理过了" in fails(hub, "proposals", "--accept", profile["id"]).stderr
    assert shown(hub, "cadre", proposed.hub_cadre_id) == before
    result = fails(hub, "proposals", "--reject", UNKNOWN_ID)
    assert result.stderr.strip() == f"没有这条待审核的修改：{UNKNOWN_ID}"


def test_proposals_json_masks_phones_as_lists_do(proposed: Proposed) -> None:
    """Product problem: ``proposals --json`` prints the held row whole (the proposed mobile in full),
    where ``list --json`` masks phones and ID numbers unless ``--reveal`` (DESIGN: masked in lists)."""
    hub = proposed.hub_db
    listed = {c["id"]: c["mobile"] for c in ok_json(hub, "list", "cadre", "--json")}
    assert listed[proposed.hub_cadre_id] != "13900001111"  # lists mask it
    assert proposed.by_type["cadre"]["row"]["mobile"] != "13800000000", "the proposed mobile is shown in full"


def test_accepting_a_change_whose_reference_is_still_held_does_not_crash(
    hub: Install, cadre: Install, tmp_path: Path
) -> None:
    """Product problem: ``proposals --accept`` of a diary whose author (a colleague's profile her laptop
    added) is itself still held ends in a Python traceback (sqlite3 FOREIGN KEY constraint failed);
    ``import`` lets such references wait for their record, and ``check`` reports them."""
    colleague = cadre.add("cadre", {"name": "周洁", "org": HUB_ORG, "mobile": "13300005555"})
    written = cadre.add("diary", {"title": "周洁的走访", "body": "替同事记的日记", "author_id": colleague["id"]})
    result = import_one(hub, sent(cadre, tmp_path / "1.age"))
    assert result["held"] == 2  # a profile not hers, a diary not by her
    (held,) = [p for p in ok_json(hub.db, "proposals", "--json") if p["record_type"] == "diary"]
    outcome = fuqing(hub.db, "proposals", "--accept", held["id"])  # no traceback
    if outcome.returncode == 0:  # accepted: the diary is there, waiting for its author like an import
        assert shown(hub.db, "diary", written["id"])["title"] == "周洁的走访"
    else:  # refused with a message that says why; still pending
        assert outcome.returncode == 1 and CHINESE.search(outcome.stderr)
        assert held["id"] in [p["id"] for p in ok_json(hub.db, "proposals", "--json")]


def test_proposals_show_their_status_in_chinese(proposed: Proposed) -> None:
    """Product problem: the plain listing prints ``pending``/``accepted``/``rejected`` in English
    (``devices`` prints 待批准/已批准/已撤销)."""
    hub = proposed.hub_db
    ok(hub, "proposals", "--accept", proposed.by_type["liaison_point"]["id"])
    lines = ok(hub, "proposals", "--all").splitlines()
    assert len(lines) == 2
    english = [line for line in lines if re.search(r"\b(pending|accepted|rejected)$", line)]
    assert not english, english


# -- conflicts ----------------------------------------------------------------


@dataclass
class Conflicted:
    hub: Install
    woman_id: str
    conflict: dict[str, Any]
    current_needs: str


@pytest.fixture(scope="module")
def conflicted_world(templates: Templates, tmp_path_factory: pytest.TempPathFactory) -> Conflicted:
    """The cadre's woman record reaches the hub; then hub and cadre both edit it. Made once:
    each test works on a copy of the hub's database."""
    root = tmp_path_factory.mktemp("conflicts")
    hub, cadre = clone(templates.hub, root / "hub"), clone(templates.cadre, root / "wangfang")
    enrol(hub, cadre)
    point = cadre.add("liaison_point", {"name": "王家村", "kind": "village"})
    woman = cadre.add("woman", {"name": "李秀英", "liaison_point_id": point["id"]})
    import_one(hub, sent(cadre, root / "1.age"))
    ok(hub.db, "edit", "woman", woman["id"], "--json", '{"needs": "县里核实：需要技能培训"}')
    ok(cadre.db, "edit", "woman", woman["id"], "--json", '{"needs": "王芳：需要小额贷款"}')
    result = import_one(hub, sent(cadre, root / "2.age"))
    assert result["conflicts"] == 1 and result["counts"] == {"woman": 1}
    (conflict,) = ok_json(hub.db, "conflicts", "--json")
    current = ok_json(hub.db, "show", "woman", woman["id"], "--json")["needs"]
    return Conflicted(hub, woman["id"], conflict, current)


@pytest.fixture
def conflicted(conflicted_world: Conflicted, tmp_path: Path) -> Conflicted:
    hub = clone(conflicted_world.hub, tmp_path / "hub")
    return Conflicted(hub, conflicted_world.woman_id, conflicted_world.conflict, conflicted_world.current_needs)


def test_two_installs_edit_the_same_record_and_the_hub_sees_one_conflict(conflicted: Conflicted) -> None:
    conflict = conflicted.conflict
    assert conflict["record_type"] == "woman" and conflict["record_id"] == conflicted.woman_id
    assert conflict["resolution"] is None
    versions = {conflict["loser"]["needs"], conflicted.current_needs}
    assert versions == {"县里核实：需要技能培训", "王芳：需要小额贷款"}  # both kept, neither lost
    (line,) = ok(conflicted.hub.db, "conflicts").splitlines()
    assert line.split() == [conflict["id"], "woman", conflicted.woman_id, conflict["detected_at"]]


def test_resolve_keep_other_brings_the_other_version_back(conflicted: Conflicted) -> None:
    hub, woman_id = conflicted.hub, conflicted.woman_id
    out = ok(hub.db, "conflicts", "--resolve", conflicted.conflict["id"], "--keep", "other")
    assert conflicted.conflict["id"] not in out  # no longer among the open conflicts it lists
    assert ok_json(hub.db, "conflicts", "--json") == []
    assert ok_json(hub.db, "show", "woman", woman_id, "--json")["needs"] == conflicted.conflict["loser"]["needs"]
    assert ok_json(hub.db, "show", "woman", woman_id, "--json")["needs"] != conflicted.current_needs
    assert "检查通过" in ok(hub.db, "check")


def test_resolve_keep_current_keeps_the_stored_version(conflicted: Conflicted) -> None:
    hub = conflicted.hub
    ok(hub.db, "conflicts", "--resolve", conflicted.conflict["id"], "--keep", "current")
    assert ok_json(hub.db, "conflicts", "--json") == []
    assert ok_json(hub.db, "show", "woman", conflicted.woman_id, "--json")["needs"] == conflicted.current_needs


def test_resolve_without_keep_or_with_an_unknown_id_is_a_clear_error(conflicted: Conflicted) -> None:
    hub = conflicted.hub
    result = fails(hub.db, "conflicts", "--resolve", conflicted.conflict["id"])
    assert result.stderr.strip() == "请用 --keep current 或 --keep other 选择版本"
    assert ok_json(hub.db, "conflicts", "--json") == [conflicted.conflict]  # still open, unchanged
    result = fails(hub.db, "conflicts", "--resolve", UNKNOWN_ID, "--keep", "other")
    assert "找不到" in result.stderr and UNKNOWN_ID in result.stderr
    assert ok_json(hub.db, "conflicts", "--json") == [conflicted.conflict]
    result = fuqing(hub.db, "conflicts", "--resolve", conflicted.conflict["id"], "--keep", "mine")
    assert result.returncode != 0 and "current" in result.stderr and "other" in result.stderr
    assert ok_json(hub.db, "conflicts", "--json") == [conflicted.conflict]
