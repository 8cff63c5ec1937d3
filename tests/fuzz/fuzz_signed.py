"""Fuzz a county hub with *signed* bundles from an approved cadre's laptop.

    .venv/bin/python -m tests.fuzz.fuzz_signed [--iterations 10000] [--seed 1] [--save DIR]

The attacker owns an approved cadre laptop: a real install with its real
Ed25519 key, approved at the hub with role "cadre", with her own profile and
records. An honest colleague's laptop and the hub's own records are set up
first and reach the hub the ordinary way.

Each iteration takes one of the valid bundles the attacker's laptop exported
(her records, edits of them, a delta relaying what the hub sent her), decrypts
it and mutates it *after* decryption, at the level of structure: NDJSON rows
(wrong types, huge strings, nested JSON, unknown or missing columns, rows moved
to other tables, other cadres' ids as ``owner_id``/``author_id``/``id``,
deletions, stamps far ahead or malformed, ``rev`` claims, U+2028/NUL/NEL and
lone surrogates in text, duplicates, raw lines that are not objects, forged
conflicts and links), and the manifest (counts, tables, entries, sender fields,
kind, ``authors`` vouching for other devices). Entry hashes are recomputed, the
manifest is signed again with the attacker's REAL key, zipped, encrypted to the
hub's key and imported with ``exchange.import_file``.

Checked after every import:

- no exception escapes ``import_file``, none is caught inside it and reported as
  an "internal" refusal (the app's catch-all for its own defects: the logged
  exception is what the report shows), and no result message holds a traceback;
- every synced row at the hub that is not the attacker's (owner_id other than
  her cadre, and not her own profile) is byte-for-byte as before fuzzing;
- her profile keeps her as its owner and is not deleted;
- the device registry keeps every known device's key, cadre, role and status,
  and a device first heard of in a mutant is only ever *pending*;
- a refused bundle changes no synced row and holds no proposal;
- every 200 mutants and at the end, the hub's own full bundle still imports at
  the honest cadre's laptop and changes none of the records there that are not
  the attacker's (what the hub merged must not poison what it sends down).

Prints the outcome counts; exits 1 on any crash or forbidden change.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import io
import json
import logging
import random
import sys
import tempfile
import time
import traceback
import uuid
import warnings
import zipfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from desktop_app.core import db, records
from desktop_app.core.clock import Stamp
from desktop_app.core.ids import link_id, new_id
from desktop_app.core.migrations import LATEST as SCHEMA_VERSION
from desktop_app.core.store import Store
from desktop_app.core.sync import bundle, exchange, keys, revisions
from desktop_app.core.sync.keys import derive_device_id
from tests.sync_helpers import Replica, make_hub_key

RECORD_TABLES = ["cadre", "liaison_point", "woman", "visit", "help_pair", "help_log", "diary", "problem"]
LINK_TABLES = ["liaison_point_cadre", "visit_cadre", "visit_woman", "help_pair_cadre", "diary_woman"]
NOT_SYNCED = ["proposal", "device", "meta", "audit_log", "held_bundle", "destination", "sqlite_master", "x/../y"]
HOUR_MS = 3_600_000
SERVE_EVERY = 200  # iterations between checks that the hub's own bundle still imports at an honest laptop
DAY_MS = 24 * HOUR_MS

# Text columns an honest edit may change, with values that pass validation.
EDITABLE: dict[str, dict[str, list[Any]]] = {
    "cadre": {"position": ["副主席", "宣传部长", "主任"], "address": ["通州区金沙镇", "人民路1号"]},
    "woman": {"needs": ["想学电商", "需要法律咨询", "孩子上学"], "address": ["十总镇", "二甲镇"]},
    "visit": {"situation": ["留守妇女较多", "就业意愿强"], "opinions": ["建议开办培训"], "attendance": [3, 12, 40]},
    "help_pair": {"notes": ["每月回访一次", "已联系企业"], "status": ["active", "paused", "completed"]},
    "help_log": {"result": ["已上岗", "已办结"], "next_step": ["跟踪回访", "再联系一次"]},
    "diary": {
        "body": ["今天走访了三户人家。", "座谈会上大家谈到托育。"],
        "place": ["村委会", "社区"],
        "notable": [0, 1],
    },
    "problem": {"resolution": ["已协调解决", "已上报县妇联"], "status": ["open", "in_progress", "resolved"]},
    "liaison_point": {"region": ["甲村", "乙村"], "notes": ["重点联系"]},
}
ODD_CHARS = ["\u2028", "\u2029", "\x00", "\x85", "\r", "\ufeff", "\u202e", "\x1b[2J", "\t", "\u0301", "\U0001f600"]
BAD_STAMPS: list[Any] = [
    "", "0", "1.1", "000000000000001.0000", "０" * 15 + ".00000", "٣" * 15 + ".00000", "+00000000000001.00000",
    "00000000000000a.00000", "0000000000000001.00000", "000000000000001.000000", " 00000000000001.00000",
    "000000000000001.00000\n", 12345, 1.5, None, [], {}, "-00000000000001.00000", "999999999999999.99999x",
]  # fmt: skip
ODD_VALUES: list[Any] = [
    None, 0, 1, -1, 2, 2**31, 2**63, 2**64, -(2**63) - 1, 10**40, 1.5, -0.0, 1e308, float("inf"), float("nan"),
    "", " ", "null", "0", "[]", "{}", '{"a": [1, {"b": 2}]}', "[[[[[[[[]]]]]]]]", [], [1, "a"], {}, {"k": [1, 2]},
    True, False, "\u2028", "\x00", "\x85", "\ud800", "'; DROP TABLE cadre; --", "%s%s%n", "../../etc/passwd",
]  # fmt: skip
# Values at the edges of what a field kind's validation lets through (desktop_app/core/validation.py).
EDGE_VALUES: dict[str, list[Any]] = {
    "int": [0, 2**31, 2**53 + 1, 2**63 - 1, 2**63, 2**64, 10**40, -1, 1.0, "3", 3.5],
    "amount": [0.005, 1e308, 1e-320, float("inf"), float("nan"), 2**63, 2**64, 0.30000000000000004, "12.5", -0.0],
    "date": ["2026-1-1", "20260101", "2026-W01-1", "0001-01-01", "9999-12-31", "2026-11-20T00:00:00", " 2026-11-20"],
    "choice": ["home_visit", "入户走访", "Home visit", "HOME_VISIT", "other"],
    "choices": ['["job","job"]', '["岗位"]', "job", '["job"]', "[]", '[""]'],
    "tags": ['["a","a"]', '[" a"]', '["a,b"]', '[""]', "[]", '["\\u2028"]'],
    "bool": [0, 1, 2, -1, "1", 1.0],
    "ref": [str(uuid.uuid4()), str(uuid.uuid4()).upper(), "x", " " + str(uuid.uuid4())],
    "id_number": ["11010519491231002X", "11010519491231002x", "110105194912310021", "000000000000000000"],
    "mobile": ["13800000000", "+8613800000000", "138 0000 0000", "1380000000", "23800000000"],
    "phone": ["12338", "0513-12345678", "051312345678", "(0513)12345678", "1"],
    "email": ["a@b.cn", "a@b", "a b@c.cn", "a@b.cn "],
    "text": ["  padded  ", "a\u3000", "\u200b", "x"],
    "longtext": ["trailing  ", "\n\n", "x" * 10],
}  # fmt: skip
RAW_LINES = [
    b"", b" ", b"[]", b"null", b"1", b'"text"', b"{", b"}", b"\xff\xfe", b"\xef\xbb\xbf{}", b'{"id": 1, "id": 2}',
    b"[" * 5000 + b"]" * 5000, b'{"a":' * 3000 + b"1" + b"}" * 3000, b"NaN", b'{"hlc": Infinity}',
]  # fmt: skip


@dataclass
class Ids:
    """Who is who in the fuzzed federation."""

    attacker_cadre: str
    attacker_device: str
    attacker_key: str
    honest_cadre: str
    honest_device: str
    honest_key: str
    hub_cadre: str
    hub_device: str
    hub_key: str


@dataclass
class Seed:
    """A valid bundle the attacker's laptop exported, decoded."""

    manifest: dict[str, Any]
    tables: dict[str, list[Any]]


@dataclass
class Mutant:
    manifest: dict[str, Any]
    tables: dict[str, list[Any]]  # table -> rows: JSON values, or bytes for a raw NDJSON line
    notes: list[str] = field(default_factory=list)
    keep_hashes: bool = False  # manifest tables/entries were edited on purpose: do not recompute
    signer: str = "attacker"  # "attacker", "fresh" (a new device's key), "wrong" (attacker signs, honest key claimed)
    extra_entries: dict[str, bytes] = field(default_factory=dict)
    drop_entries: set[str] = field(default_factory=set)


@dataclass
class Report:
    iterations: int = 0
    crashes: int = 0
    tracebacks: int = 0
    forbidden: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    proposals: int = 0
    rows_applied: int = 0
    poisoned: int = 0  # times the hub's own bundle was refused by, or changed, the honest cadre's laptop
    problems: dict[str, list[str]] = field(default_factory=dict)  # signature -> first example (notes, detail)
    seen: Counter[str] = field(default_factory=Counter)  # signature -> how many mutants

    def note(self, kind: str, signature: str, detail: list[str]) -> None:
        key = f"{kind}: {signature}"
        if key not in self.problems:
            self.problems[key] = detail
        self.seen[key] += 1
        self.outcomes[kind] += 1


class Federation:
    """A hub, an honest cadre's laptop and the attacker's approved laptop, on real stores."""

    def __init__(self, root: Path):
        self.root = root
        identity, hub_key = make_hub_key(root)
        self.recipient, _ = keys.read_hub_key(hub_key)
        self.hub = _laptop(
            root, "hub", identity, hub_key, {"name": "县妇联", "org": "通州区妇联", "mobile": "13800000000"}
        )
        self.honest = _laptop(
            root, "honest", identity, hub_key, {"name": "李娟", "org": "通州区妇联", "mobile": "13822222222"}
        )
        self.attacker = _laptop(
            root, "attacker", identity, hub_key, {"name": "王芳", "org": "通州区妇联", "mobile": "13811111111"}
        )
        self.hub.trust(self.honest, self.attacker, role="cadre")
        self.honest.trust(self.hub, role="hub")
        self.attacker.trust(self.hub, role="hub")
        self.n = 0
        hub = self.hub.store
        self.points = [
            hub.save("liaison_point", {"name": "金沙镇联系点", "kind": "township", "cadre_ids": [hub.own_cadre_id]})[
                "id"
            ],
            hub.save("liaison_point", {"name": "十总村", "kind": "village"})["id"],
        ]
        self.send_down(self.honest)
        self.send_down(self.attacker)
        self.honest_records = self.make_records(self.honest, "张桂兰")
        self._send_up(self.honest)
        self.attacker_records = self.make_records(self.attacker, "王秀英")
        seeds = [self._send_up(self.attacker)]
        a = self.attacker.store
        a.save("diary", {"body": "回访后补记：她已找到工作。"}, self.attacker_records["diary"])
        a.save("woman", {"needs": "想学电商"}, self.attacker_records["woman"])
        a.save("visit", {"situation": "留守妇女多，托育需求大"}, self.attacker_records["visit"])
        a.delete("problem", self.attacker_records["problem"])
        a.save("diary", {"title": "第二篇", "body": "座谈会记录。", "tags": ["座谈"]})
        a.save_profile({"position": "副主席"})
        seeds.append(self._send_up(self.attacker))
        self.send_down(self.attacker)  # she now holds the honest cadre's records, as a full bundle gives them
        a.save("help_log", {"result": "已上岗"}, self.attacker_records["help_log"])
        seeds.append(self._send_up(self.attacker))
        self.seeds = [decode(plain) for plain in seeds]
        self.ids = Ids(
            attacker_cadre=_must(a.own_cadre_id),
            attacker_device=a.device_id,
            attacker_key=keys.public_key(a),
            honest_cadre=_must(self.honest.store.own_cadre_id),
            honest_device=self.honest.store.device_id,
            honest_key=keys.public_key(self.honest.store),
            hub_cadre=_must(hub.own_cadre_id),
            hub_device=hub.device_id,
            hub_key=keys.public_key(hub),
        )
        # What the attacker's laptop holds of others' records: targets for forgeries.
        self.foreign: list[tuple[str, dict[str, Any]]] = [
            (table, row)
            for table in bundle.SYNCED_TABLES
            for row in _rows(a, table)
            if row.get("owner_id") != self.ids.attacker_cadre and table != "conflict"
        ]

    def make_records(self, laptop: Replica, woman_name: str) -> dict[str, str]:
        s = laptop.store
        today = date.today().isoformat()
        woman = s.save("woman", {"name": woman_name, "phone": "13700000000", "liaison_point_id": self.points[1]})["id"]
        visit = s.save(
            "visit",
            {"start_date": today, "liaison_point_id": self.points[1], "method": "home_visit", "woman_ids": [woman],
             "situation": "家中老人需要照料"},
        )["id"]  # fmt: skip
        pair = s.save("help_pair", {"woman_id": woman, "goals": ["skill"], "help_types": ["job"], "start_date": today})
        log = s.save("help_log", {"help_pair_id": pair["id"], "date": today, "what": "介绍岗位", "help_type": "job"})
        diary = s.save("diary", {"title": "走访记", "body": "她想学一门手艺。", "woman_ids": [woman], "tags": ["留守"]})
        problem = s.save(
            "problem", {"description": "缺少托育", "category": "children_education", "source": "diary",
                        "source_id": diary["id"]}
        )  # fmt: skip
        return {
            "woman": woman, "visit": visit, "help_pair": pair["id"], "help_log": log["id"], "diary": diary["id"],
            "problem": problem["id"], "visit_cadre": link_id(visit, _must(s.own_cadre_id)),
            "visit_woman": link_id(visit, woman), "help_pair_cadre": link_id(pair["id"], _must(s.own_cadre_id)),
            "diary_woman": link_id(diary["id"], woman), "cadre": _must(s.own_cadre_id),
        }  # fmt: skip

    def _path(self, name: str) -> Path:
        self.n += 1
        return self.root / f"{name}-{self.n}.age"

    def _send_up(self, laptop: Replica) -> bytes:
        out = laptop.export(self._path(laptop.name))
        assert out is not None
        result = self.hub.import_(out)
        assert result.ok and not result.held, result.summary()
        return bundle.decrypt(out.read_bytes(), [keys.age_identity(self.hub.store)], None)

    def send_down(self, laptop: Replica) -> None:
        hub = self.hub.store
        out = self._path("hub")
        exchange.export_bundle(hub, out, keys.destination(hub, self.hub.destination.id), full=True, kind="full")
        result = laptop.import_(out)
        assert result.ok and not result.held, result.summary()

    def close(self) -> None:
        for replica in (self.hub, self.honest, self.attacker):
            replica.close()


def _laptop(root: Path, name: str, identity: Path, hub_key: Path, profile: dict[str, str]) -> Replica:
    replica = Replica(root / f"{name}.db", identity, hub_key, name)
    replica.store.save_profile(profile)
    return replica


def _must(value: str | None) -> str:
    assert value is not None
    return value


def _rows(
    store: Store, table: str, where: str = "", params: tuple[Any, ...] = (), limit: str = ""
) -> list[dict[str, Any]]:
    columns = store.synced_columns(table)
    sql = f"SELECT {', '.join(columns)} FROM {table} {where} ORDER BY id {limit}"
    return [dict(zip(columns, row, strict=True)) for row in store.conn.execute(sql, params)]


def decode(plain: bytes) -> Seed:
    archive = zipfile.ZipFile(io.BytesIO(plain))
    manifest = json.loads(archive.read(bundle.MANIFEST))
    tables = {
        table: [json.loads(line) for line in archive.read(info["entry"]).splitlines()]
        for table, info in manifest["tables"].items()
    }
    return Seed(manifest, tables)


# -- the state that must not change ----------------------------------------------------


def protected(store: Store, ids: Ids) -> str:
    """A digest of every synced row the attacker may not change: rows not owned by her cadre, not her profile."""
    digest = hashlib.sha256()
    for table in bundle.SYNCED_TABLES:
        columns = store.synced_columns(table)
        where = "WHERE owner_id IS NOT ?" + (" AND id != ?" if table == "cadre" else "")
        params = (ids.attacker_cadre, ids.attacker_cadre) if table == "cadre" else (ids.attacker_cadre,)
        for row in store.conn.execute(f"SELECT {', '.join(columns)} FROM {table} {where} ORDER BY id", params):
            digest.update(repr((table, tuple(row))).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def protected_rows(store: Store, ids: Ids) -> dict[tuple[str, str], tuple[Any, ...]]:
    """The same rows, kept whole, to say which one changed."""
    found: dict[tuple[str, str], tuple[Any, ...]] = {}
    for table in bundle.SYNCED_TABLES:
        for row in _rows(store, table, "WHERE owner_id IS NOT ?", (ids.attacker_cadre,)):
            if not (table == "cadre" and row["id"] == ids.attacker_cadre):
                found[(table, str(row["id"]))] = tuple(row.items())
    return found


def registry(store: Store) -> dict[str, tuple[Any, ...]]:
    rows = store.conn.execute("SELECT id, cadre_id, public_key, status, role, revoked FROM device ORDER BY id")
    return {str(row[0]): tuple(row) for row in rows}


def sync_mark(store: Store) -> tuple[str | None, int]:
    proposals = int(store.conn.execute("SELECT count(*) FROM proposal").fetchone()[0])
    return db.get_meta(store.conn, "sync_seq"), proposals


# -- mutations -----------------------------------------------------------------------------


class Mutator:
    """Structure-level mutations of a decoded bundle, aimed at the hub's rights checks."""

    def __init__(self, federation: Federation, rng: random.Random):
        self.fed = federation
        self.ids = federation.ids
        self.rng = rng
        self.hub = federation.hub.store
        self.last_wall = 0
        cjk = [chr(c) for c in range(0x4E00, 0x9FA5)]
        self.big_cjk = "".join(rng.choices(cjk, k=300_000))
        self.big_ascii = "".join(rng.choices("abcdefghijklmnopqrstuvwxyz0123456789 ", k=1_200_000))
        self.row_ops: list[tuple[int, Callable[[Mutant], None]]] = [
            (6, self.op_set_value), (3, self.op_unknown_column), (3, self.op_drop_column), (6, self.op_foreign_id),
            (3, self.op_deleted), (6, self.op_stamp), (4, self.op_rev), (4, self.op_odd_text), (2, self.op_huge_text),
            (3, self.op_duplicate), (3, self.op_move_row), (5, self.op_foreign_row), (12, self.op_fresh_own),
            (6, self.op_new_record), (8, self.op_takeover), (2, self.op_raw_line), (3, self.op_conflict),
            (4, self.op_list_self), (5, self.op_profile), (2, self.op_drop_rows), (2, self.op_nested),
            (6, self.op_edge_own),
        ]  # fmt: skip
        self.manifest_ops: list[tuple[int, Callable[[Mutant], None]]] = [
            (3, self.mf_counts), (3, self.mf_tables), (3, self.mf_entries), (6, self.mf_sender), (3, self.mf_kind),
            (6, self.mf_authors), (3, self.mf_misc), (3, self.mf_bundle_id), (2, self.mf_versions),
            (1, self.mf_signer), (2, self.mf_unlisted_table),
        ]  # fmt: skip

    # helpers ---------------------------------------------------------------------------

    def pick(self, ops: list[tuple[int, Callable[[Mutant], None]]]) -> Callable[[Mutant], None]:
        return self.rng.choices([op for _, op in ops], weights=[w for w, _ in ops])[0]

    def fresh_stamp(self, *after: Any, ahead_ms: int = 0) -> str:
        """A valid stamp later than ``after`` and than any issued before, ``ahead_ms`` past now at least."""
        now = int(time.time() * 1000)
        limit = now + DAY_MS - HOUR_MS  # stamps past it (other mutations) must not make every later one refused
        walls = [Stamp.unpack(a).wall_ms + 1 for a in after if _is_stamp(a)]
        walls = [w for w in walls if w < limit]
        if self.last_wall >= limit:
            self.last_wall = now
        wall = max([now + ahead_ms, self.last_wall + 1, *walls])
        self.last_wall = wall
        return Stamp(wall, self.rng.choice([0, 0, 0, 1, 99999])).pack()

    def some_id(self) -> str:
        ids = self.ids
        records = self.fed.honest_records
        choice = self.rng.randrange(10)
        if choice < 3:
            return self.rng.choice([ids.honest_cadre, ids.hub_cadre])
        if choice < 6:
            return self.rng.choice(list(records.values()) + self.fed.points)
        if choice < 8:
            return self.rng.choice(list(self.fed.attacker_records.values()))
        if choice == 8:
            return self.rng.choice([ids.honest_device, ids.hub_device, ids.attacker_device])
        return new_id()

    def a_row(self, mutant: Mutant) -> tuple[str, dict[str, Any]] | None:
        found = [(t, row) for t, rows in mutant.tables.items() for row in rows if isinstance(row, dict)]
        return self.rng.choice(found) if found else None

    def add(self, mutant: Mutant, table: str, row: Any) -> None:
        mutant.tables.setdefault(table, []).append(row)

    def stored(self, table: str, owner_is_attacker: bool) -> dict[str, Any] | None:
        """A row as the hub holds it (what the attacker's laptop holds too): hers, or someone else's."""
        where = f"WHERE owner_id {'=' if owner_is_attacker else 'IS NOT'} ?"
        params = (self.ids.attacker_cadre,)
        count = int(self.hub.conn.execute(f"SELECT count(*) FROM {table} {where}", params).fetchone()[0])
        if not count:
            return None
        found = _rows(self.hub, table, where, params, f"LIMIT 1 OFFSET {self.rng.randrange(count)}")
        return dict(found[0])

    def new_version(self, row: dict[str, Any], device: str | None = None, ahead_ms: int = 0) -> dict[str, Any]:
        """``row`` changed on ``device`` (the attacker's by default), descending from what it was."""
        out = dict(row)
        out["hlc"] = self.fresh_stamp(row.get("hlc"), ahead_ms=ahead_ms)
        out["device_id"] = device or self.ids.attacker_device
        version = revisions.version(out["hlc"], str(out["device_id"]))
        out["rev"] = revisions.dump(revisions.merge_revs(_rev(row.get("rev")), [version]))
        return out

    def edit_content(self, table: str, row: dict[str, Any]) -> str:
        columns = EDITABLE.get(table)
        if not columns:
            row["deleted"] = 1 - int(row.get("deleted") or 0)
            return "deleted"
        column = self.rng.choice(sorted(columns))
        row[column] = self.rng.choice(columns[column])
        if isinstance(row[column], str):
            row[column] += self.rng.choice(["", "。", "（补）"])
        return column

    # row operations ----------------------------------------------------------------------

    def op_set_value(self, m: Mutant) -> None:
        found = self.a_row(m)
        if found:
            table, row = found
            column = self.rng.choice(sorted(row) or ["id"])
            row[column] = self.rng.choice(ODD_VALUES)
            m.notes.append(f"{table}.{column} = {row[column]!r}")

    def op_unknown_column(self, m: Mutant) -> None:
        found = self.a_row(m)
        if found:
            name = self.rng.choice(["seq", "sync_seq", "extra", "owner", "role", "status;", "", "Id", "__proto__"])
            found[1][name] = self.rng.choice(ODD_VALUES)
            m.notes.append(f"{found[0]} + column {name!r}")

    def op_drop_column(self, m: Mutant) -> None:
        found = self.a_row(m)
        if found and found[1]:
            column = self.rng.choice(sorted(found[1]))
            del found[1][column]
            m.notes.append(f"{found[0]} - column {column}")

    def op_foreign_id(self, m: Mutant) -> None:
        found = self.a_row(m)
        if found:
            table, row = found
            columns = [c for c in row if c.endswith("_id") or c == "id"] or ["owner_id"]
            column = self.rng.choice([*columns, "owner_id", "owner_id", "author_id"])
            row[column] = self.some_id()
            m.notes.append(f"{table}.{column} -> {row[column]}")
            if self.rng.random() < 0.6:  # as a new version, so it is not "already seen"
                found[1].update(self.new_version(row))

    def op_deleted(self, m: Mutant) -> None:
        found = self.a_row(m)
        if found:
            value = self.rng.choice([0, 1, 1, 2, -1, "1", True, None, 1.0, 0.0, [1], "yes"])
            found[1].update(self.new_version(found[1]))
            found[1]["deleted"] = value
            m.notes.append(f"{found[0]}.deleted = {value!r}")

    def op_stamp(self, m: Mutant) -> None:
        found = self.a_row(m)
        if not found:
            return
        table, row = found
        now = int(time.time() * 1000)
        choice = self.rng.randrange(8)
        if choice == 0:
            value: Any = self.rng.choice(BAD_STAMPS)
        elif choice == 1:  # far ahead: refused
            value = Stamp(now + self.rng.choice([DAY_MS + 60_000, 2 * DAY_MS, 400 * DAY_MS]), 0).pack()
        elif choice == 2:
            value = self.rng.choice(["999999999999999.99999", "999999999999999.00000", "253402300799999.00000"])
        elif choice == 3:  # within a day: accepted, if the row is hers
            value = Stamp(now + self.rng.choice([HOUR_MS, 20 * HOUR_MS, DAY_MS - 60_000]), 0).pack()
        elif choice == 4:
            value = "000000000000000.00000"
        elif choice == 5:  # the device that made it
            row["device_id"] = self.rng.choice(
                [self.ids.honest_device, self.ids.hub_device, new_id(), "not-a-uuid", 7, None, self.ids.honest_cadre]
            )
            m.notes.append(f"{table}.device_id = {row['device_id']!r}")
            return
        else:
            value = self.fresh_stamp(row.get("hlc"))
        row["hlc"] = value
        if isinstance(value, str) and self.rng.random() < 0.7 and isinstance(row.get("device_id"), str):
            row["rev"] = revisions.dump(
                revisions.merge_revs(_rev(row.get("rev")), [revisions.version(value, str(row["device_id"]))])
            )
        m.notes.append(f"{table}.hlc = {value!r}")

    def op_rev(self, m: Mutant) -> None:
        found = self.a_row(m)
        if not found:
            return
        table, row = found
        honest = [str(r.get("hlc")) + "/" + str(r.get("device_id")) for _, r in self.fed.foreign[:20]]
        version = f"{row.get('hlc')}/{row.get('device_id')}"
        choices: list[Any] = [
            "[]", "", None, "not json", "[1, 2]", "{}", "null", "0", "true", "1.5", '"x"', '["x/y"]', [version],
            json.dumps([version] * 2),
            json.dumps([f"{Stamp(i, 0).pack()}/{self.ids.attacker_device}" for i in range(40)]),
            json.dumps(sorted([version, *honest])), json.dumps([version, *self.rng.sample(honest, 3)]),
            "[" * 3000 + "]" * 3000, json.dumps([f"{Stamp(2 * 10**14, 0).pack()}/{self.ids.honest_device}", version]),
        ]  # fmt: skip
        row["rev"] = self.rng.choice(choices)
        m.notes.append(f"{table}.rev = {str(row['rev'])[:80]!r}")

    def op_odd_text(self, m: Mutant) -> None:
        found = self.a_row(m)
        if not found:
            return
        table, row = found
        texts = [c for c, v in row.items() if isinstance(v, str) and c not in ("id", "hlc", "rev", "device_id")]
        if self.rng.random() < 0.2:  # ids and stamps are quoted back in refusal messages
            texts = ["id", "hlc", "device_id", "owner_id"]
        column = self.rng.choice(texts or ["notes"])
        base = str(row.get(column) or "文字")
        odd = "".join(self.rng.choices([*ODD_CHARS, "\ud800", "\udfff"], k=self.rng.randint(1, 3)))
        at = self.rng.randrange(len(base) + 1)
        row[column] = base[:at] + odd + base[at:]
        found[1].update(self.new_version(row))
        m.notes.append(f"{table}.{column} with {odd!r}")

    def op_huge_text(self, m: Mutant) -> None:
        found = self.a_row(m)
        if found:
            table, row = found
            column = self.rng.choice([c for c in row if c not in ("hlc", "rev", "device_id", "deleted")] or ["body"])
            big = (
                self.big_cjk[: self.rng.choice([81, 201, 5000, 300_000])] if self.rng.random() < 0.7 else self.big_ascii
            )
            row[column] = big
            row.update(self.new_version(row))
            m.notes.append(f"{table}.{column} = {len(big)} chars")

    def op_duplicate(self, m: Mutant) -> None:
        found = self.a_row(m)
        if found:
            table, row = found
            copy = dict(row) if self.rng.random() < 0.5 else self.new_version(row)
            self.add(m, table, copy)
            m.notes.append(f"{table} row twice")

    def op_move_row(self, m: Mutant) -> None:
        found = self.a_row(m)
        if found:
            table, row = found
            m.tables[table].remove(row)
            target = self.rng.choice([*RECORD_TABLES, *LINK_TABLES, "conflict"])
            self.add(m, target, row)
            m.notes.append(f"{table} row moved to {target}")

    def op_foreign_row(self, m: Mutant) -> None:
        table, row = self.rng.choice(self.fed.foreign)
        row = dict(row)
        how = self.rng.randrange(4)
        if how == 1:  # as a new version from her laptop
            row = self.new_version(row)
        elif how == 2:  # as a new version claiming the honest laptop made it
            row = self.new_version(row, device=self.ids.honest_device)
        elif how == 3:  # content changed, stamps kept
            self.edit_content(table, row)
        target = table if self.rng.random() < 0.85 else self.rng.choice(RECORD_TABLES + LINK_TABLES)
        self.add(m, target, row)
        m.notes.append(
            f"foreign {table} row ({['verbatim', 'her version', 'honest device', 'edited'][how]}) -> {target}"
        )

    def op_fresh_own(self, m: Mutant) -> None:
        """A legitimate edit of one of her own records: the hub should merge it."""
        table = self.rng.choice([*RECORD_TABLES, *LINK_TABLES])
        row = self.stored(table, owner_is_attacker=True)
        if row is None:
            return
        row = self.new_version(row)
        what = self.edit_content(table, row)
        if table == "cadre":
            row["deleted"] = 0
        self.add(m, table, row)
        m.notes.append(f"own {table} edit ({what})")

    def op_new_record(self, m: Mutant) -> None:
        """A new record copied from one of hers: owned by her (allowed) or claiming another's name."""
        table = self.rng.choice(["woman", "visit", "help_pair", "help_log", "diary", "problem", *LINK_TABLES])
        row = self.stored(table, owner_is_attacker=True)
        if row is None:
            return
        row = dict(row)
        row["id"] = new_id()
        row["hlc"] = self.fresh_stamp()
        row["device_id"] = self.ids.attacker_device
        row["deleted"] = 0
        row["rev"] = revisions.dump([revisions.version(row["hlc"], row["device_id"])])
        owner = self.rng.choice(["hers", "hers", "honest", "hub", "none", "missing"])
        if owner == "honest":
            row["owner_id"] = self.ids.honest_cadre
        elif owner == "hub":
            row["owner_id"] = self.ids.hub_cadre
        elif owner == "none":
            row["owner_id"] = None
        elif owner == "missing":
            del row["owner_id"]
        if table == "diary" and self.rng.random() < 0.4:
            row["author_id"] = self.ids.honest_cadre
        for column in ("visit_id", "help_pair_id", "diary_id", "liaison_point_id"):
            if column in row and self.rng.random() < 0.4:  # a link or log on someone else's record
                row[column] = self.rng.choice(list(self.fed.honest_records.values()) + self.fed.points)
        self.add(m, table, row)
        m.notes.append(f"new {table} (owner {owner})")

    def op_takeover(self, m: Mutant) -> None:
        """An edit, deletion or change of owner of a record that is not hers."""
        table = self.rng.choice([*RECORD_TABLES, *LINK_TABLES])
        row = self.stored(table, owner_is_attacker=False)
        if row is None:
            return
        ahead = self.rng.choice([0, 0, 20 * HOUR_MS])
        row = self.new_version(row, ahead_ms=ahead)
        how = self.rng.randrange(6)
        if how == 0:
            row["deleted"] = 1
        elif how == 1:
            row["owner_id"] = self.ids.attacker_cadre
        elif how == 2 and table == "diary":
            row["author_id"] = self.ids.attacker_cadre
            row["owner_id"] = self.ids.attacker_cadre
        elif how == 3:  # she claims the rev of what the honest laptop has, and the same stamp as hers
            row["owner_id"] = None
        elif how == 4:
            row["device_id"] = self.ids.honest_device
            row["rev"] = revisions.dump(revisions.merge_revs(_rev(row["rev"]), [f"{row['hlc']}/{row['device_id']}"]))
        else:
            self.edit_content(table, row)
        self.add(m, table, row)
        m.notes.append(f"takeover {table} ({['delete', 'owner', 'author', 'owner null', 'as honest', 'edit'][how]})")

    def op_raw_line(self, m: Mutant) -> None:
        table = self.rng.choice([*RECORD_TABLES, *LINK_TABLES, "conflict"])
        line = self.rng.choice(RAW_LINES)
        rows = m.tables.setdefault(table, [])
        rows.insert(self.rng.randrange(len(rows) + 1), line)
        m.notes.append(f"raw line in {table}: {line[:20]!r}")

    def op_conflict(self, m: Mutant) -> None:
        """A conflict row carrying a losing version: of her own record, or someone else's."""
        mine = self.rng.random() < 0.5
        table = self.rng.choice([*RECORD_TABLES, *LINK_TABLES])
        row = self.stored(table, owner_is_attacker=mine)
        if row is None:
            return
        loser = self.new_version(row, device=self.rng.choice([self.ids.attacker_device, self.ids.honest_device]))
        loser["deleted"] = self.rng.choice([0, 1])
        rev = loser.pop("rev")
        conflict = {
            "id": str(uuid.uuid4()), "hlc": loser["hlc"], "device_id": loser["device_id"], "deleted": 0, "rev": rev,
            "record_type": self.rng.choice([table, table, "conflict", "proposal", "visit"]), "record_id": row["id"],
            "winner_version": "", "loser_version": f"{loser['hlc']}/{loser['device_id']}",
            "loser_row": json.dumps(loser, ensure_ascii=False, sort_keys=True), "detected_at": "2026-01-01T00:00:00+00:00",
            "resolution": None, "owner_id": self.rng.choice([self.ids.attacker_cadre, row.get("owner_id")]),
        }  # fmt: skip
        if self.rng.random() < 0.2:
            conflict["loser_row"] = self.rng.choice(["[]", "null", "{", '{"id": 1}', 5])
        self.add(m, "conflict", conflict)
        m.notes.append(f"conflict over {'her' if mine else 'another'} {table}")

    def op_list_self(self, m: Mutant) -> None:
        """Put herself on an honest visit or help pair, then edit it in the same bundle."""
        table, link, column = self.rng.choice([("visit", "visit_cadre", "visit_id"),
                                               ("help_pair", "help_pair_cadre", "help_pair_id")])  # fmt: skip
        parent = self.fed.honest_records[table]
        hlc = self.fresh_stamp()
        row = {
            "id": link_id(parent, self.ids.attacker_cadre), "hlc": hlc, "device_id": self.ids.attacker_device,
            "deleted": 0, "rev": revisions.dump([f"{hlc}/{self.ids.attacker_device}"]), column: parent,
            "cadre_id": self.ids.attacker_cadre,
            "owner_id": self.rng.choice([self.ids.honest_cadre, self.ids.attacker_cadre, None]),
        }  # fmt: skip
        self.add(m, link, row)
        stored = self.hub.stored_row(table, parent)
        if stored is not None and self.rng.random() < 0.7:
            edit = self.new_version(stored)
            self.edit_content(table, edit)
            self.add(m, table, edit)
        m.notes.append(f"lists herself on the honest {table} (link owner {row['owner_id']})")

    def op_profile(self, m: Mutant) -> None:
        """Her own profile: an allowed edit, or a deletion, a new owner, another's id."""
        row = self.hub.stored_row("cadre", self.ids.attacker_cadre)
        assert row is not None
        row = self.new_version(row)
        how = self.rng.randrange(6)
        if how == 0:
            row["mobile"] = f"139{self.rng.randrange(10**8):08d}"
        elif how == 1:
            row["deleted"] = 1
        elif how == 2:
            row["owner_id"] = self.rng.choice([self.ids.honest_cadre, self.ids.hub_cadre])
        elif how == 3:
            row["owner_id"] = None
        elif how == 4:
            row["id"] = self.rng.choice([self.ids.honest_cadre, self.ids.hub_cadre, new_id()])
        else:
            row["name"] = self.rng.choice(["李娟", "县妇联", "王芳"])
        self.add(m, "cadre", row)
        m.notes.append(f"profile ({['mobile', 'delete', 'owner', 'owner null', 'other id', 'name'][how]})")

    def op_drop_rows(self, m: Mutant) -> None:
        table = self.rng.choice(sorted(m.tables) or ["cadre"])
        m.tables[table] = []
        m.notes.append(f"{table} emptied")

    def op_edge_own(self, m: Mutant) -> None:
        """An edit of her own record with a value at the edge of what its field's validation accepts."""
        table = self.rng.choice([t for t in RECORD_TABLES if t != "liaison_point"])
        row = self.stored(table, owner_is_attacker=True)
        if row is None:
            return
        row = self.new_version(row)
        f = self.rng.choice(records.RECORD_TYPES[table].column_fields)
        value = self.rng.choice([*EDGE_VALUES.get(f.kind, [None]), None, ""])
        if f.max_length and self.rng.random() < 0.3:
            value = "长" * (f.max_length + self.rng.choice([0, 1]))
        row[f.name] = value
        row["deleted"] = 0
        self.add(m, table, row)
        m.notes.append(f"own {table}.{f.name} ({f.kind}) = {str(value)[:40]!r}")

    def op_nested(self, m: Mutant) -> None:
        found = self.a_row(m)
        if found:
            table, row = found
            column = self.rng.choice(sorted(row) or ["id"])
            depth = self.rng.choice([3, 50, 2000])
            if depth > 100:  # too deep for json.dumps: as text, which the hub may try to parse (rev, lists)
                row[column] = "[" * depth + "1" + "]" * depth
            else:
                value: Any = 1
                for _ in range(depth):
                    value = [value] if self.rng.random() < 0.5 else {"k": value}
                row[column] = value if self.rng.random() < 0.5 else json.dumps(value)
            m.notes.append(f"{table}.{column} nested {depth} deep")

    # manifest operations -----------------------------------------------------------------

    def mf_counts(self, m: Mutant) -> None:
        m.keep_hashes = True
        tables = _table_info(m)
        if tables:
            name = self.rng.choice(sorted(tables))
            value = self.rng.choice([-1, 0, 10**9, "1", 1.0, None, True, 2**64])
            tables[name] = {**tables[name], "count": value} if isinstance(tables[name], dict) else tables[name]
            m.notes.append(f"manifest count {name} = {value!r}")

    def mf_tables(self, m: Mutant) -> None:
        m.keep_hashes = True
        tables = _table_info(m)
        how = self.rng.randrange(5)
        if how == 0 and tables:
            name = self.rng.choice(sorted(tables))
            del tables[name]
            m.notes.append(f"manifest table {name} removed (entry stays)")
        elif how == 1 and len(tables) > 1:  # one table read as another
            a, b = self.rng.sample(sorted(tables), 2)
            tables[a] = dict(tables[b])
            m.notes.append(f"manifest table {a} -> entry of {b}")
        elif how == 2:
            name = self.rng.choice([*NOT_SYNCED, "conflict", "visit"])
            tables[name] = {"count": 0, "entry": "tables/nothing.ndjson"}
            m.notes.append(f"manifest table {name} added")
        elif how == 3 and tables:
            name = self.rng.choice(sorted(tables))
            tables[name] = self.rng.choice([None, [], "x", {"entry": None, "count": 1}, {"entry": bundle.MANIFEST}])
            m.notes.append(f"manifest table {name} = {tables[name]!r}")
        else:
            m.manifest["tables"] = self.rng.choice([[], "x", None, 5])
            m.notes.append(f"manifest tables = {m.manifest['tables']!r}")

    def mf_entries(self, m: Mutant) -> None:
        m.keep_hashes = True
        entries = m.manifest.setdefault("entries", {})
        if not isinstance(entries, dict):
            return
        how = self.rng.randrange(5)
        if how == 0 and entries:
            name = self.rng.choice(sorted(entries))
            entries[name] = {**entries[name], "sha256": hashlib.sha256(b"x").hexdigest()}
            m.notes.append(f"entry {name} wrong hash")
        elif how == 1 and entries:
            name = self.rng.choice(sorted(entries))
            entries[name] = {**entries[name], "sha256": str(entries[name].get("sha256", "")).upper()}
            m.notes.append(f"entry {name} hash upper case")
        elif how == 2:  # an entry listed and shipped that no table names: never read
            entries["tables/extra.ndjson"] = {"sha256": hashlib.sha256(b"{}\n").hexdigest(), "bytes": 3}
            m.extra_entries["tables/extra.ndjson"] = b"{}\n"
            m.notes.append("extra listed entry")
        elif how == 3 and entries:
            name = self.rng.choice(sorted(entries))
            m.drop_entries.add(name)
            m.notes.append(f"entry {name} missing from the zip")
        else:
            m.extra_entries[self.rng.choice(["tables/x.ndjson", "notes.txt", "tables/cadre.ndjson.bak"])] = b"{}\n"
            m.notes.append("unlisted entry in the zip")

    def mf_sender(self, m: Mutant) -> None:
        sender = m.manifest.get("sender")
        if not isinstance(sender, dict):
            return
        key = self.rng.choice(["device_id", "public_key", "cadre_id", "cadre_name", "federation", "app_version", "x"])
        values: dict[str, list[Any]] = {
            "device_id": [self.ids.honest_device, self.ids.hub_device, new_id(), str(uuid.uuid4()), 5, None, "",
                          derive_device_id(self.ids.honest_key)],
            "public_key": [self.ids.honest_key, self.ids.hub_key, "AAAA", 5, None, ""],
            "cadre_id": [self.ids.honest_cadre, self.ids.hub_cadre, None, "", 5, [1], {"a": 1}, "x" * 10_000, 1.5],
        }  # fmt: skip
        value = self.rng.choice(values.get(key, ["李娟", "县妇联", None, 5, [], {"a": "b"}, "名" * 100_000, True]))
        sender[key] = value
        m.notes.append(f"sender.{key} = {str(value)[:60]!r}")

    def mf_kind(self, m: Mutant) -> None:
        m.manifest["kind"] = self.rng.choice(["rollup", "down", "full", "mirror", "hub", "", None, 5, ["down"]])
        m.notes.append(f"kind = {m.manifest['kind']!r}")

    def mf_authors(self, m: Mutant) -> None:
        """Vouching for devices, as a hub's roll-up does: a cadre's laptop may not."""
        ids = self.ids
        role = self.rng.choice(["mirror", "hub", "cadre", None, 5])
        facts = {
            ids.honest_device: {"public_key": ids.honest_key, "cadre_id": ids.honest_cadre, "role": role},
            ids.attacker_device: {"public_key": ids.attacker_key, "cadre_id": ids.hub_cadre, "role": role},
            ids.hub_device: {"public_key": ids.attacker_key, "cadre_id": ids.hub_cadre, "role": role},
            new_id(): {"public_key": ids.attacker_key, "cadre_id": ids.honest_cadre, "role": role},
            derive_device_id(ids.attacker_key): {"public_key": ids.attacker_key, "role": role},
        }
        chosen = dict(self.rng.sample(sorted(facts.items()), self.rng.randint(1, len(facts))))
        m.manifest["authors"] = chosen if self.rng.random() < 0.85 else self.rng.choice([[], "x", {"a": 5}, None])
        # Rows "from" a vouched-for device: the honest cadre's records, as if she had changed them.
        if self.rng.random() < 0.7:
            device = self.rng.choice(sorted(chosen)) if isinstance(chosen, dict) and chosen else ids.honest_device
            table = self.rng.choice(RECORD_TABLES)
            row = self.stored(table, owner_is_attacker=False)
            if row is not None:
                row = self.new_version(row, device=device)
                self.edit_content(table, row)
                self.add(m, table, row)
        m.notes.append(f"authors vouched ({role!r}): {len(chosen)}")

    def mf_misc(self, m: Mutant) -> None:
        key = self.rng.choice(["created_at", "since_seq", "extra", "bundle_id", "format"])
        value = self.rng.choice([None, 5, -1, 2**64, [], {"a": 1}, "x" * 100_000, "2999-01-01T00:00:00+00:00", True])
        if key == "format":
            value = self.rng.choice(["fuqing-bundle ", "FUQING-BUNDLE", None, 1])
        m.manifest[key] = value
        m.notes.append(f"manifest {key} = {str(value)[:40]!r}")

    def mf_bundle_id(self, m: Mutant) -> None:
        how = self.rng.randrange(3)
        if how == 0:
            m.manifest.pop("bundle_id", None)
            m.notes.append("bundle_id missing")
        else:
            m.manifest["bundle_id"] = self.rng.choice([None, 5, 1.5, [], {"a": 1}, "", "x" * 100_000, "\ud800"])
            m.notes.append(f"bundle_id = {str(m.manifest['bundle_id'])[:40]!r}")

    def mf_versions(self, m: Mutant) -> None:
        key = self.rng.choice(["format_version", "schema_version"])
        m.manifest[key] = self.rng.choice([0, -1, 1.0, True, "1", None, 2, SCHEMA_VERSION + 1, 2**64, -(2**70)])
        m.notes.append(f"{key} = {m.manifest[key]!r}")

    def mf_signer(self, m: Mutant) -> None:
        m.signer = self.rng.choice(["fresh", "wrong"])
        m.notes.append(f"signed by {m.signer} key")

    def mf_unlisted_table(self, m: Mutant) -> None:
        """Rows in an entry the manifest lists under ``entries`` but under no table: never to be read."""
        table, row = self.rng.choice(self.fed.foreign)
        data = bundle.ndjson([self.new_version(row)])
        name = f"tables/{table}.ndjson" if table not in m.tables else f"tables/{table}2.ndjson"
        m.extra_entries[name] = data
        entries = m.manifest.setdefault("entries", {})
        if isinstance(entries, dict):
            entries[name] = {"sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}
        m.keep_hashes = True
        m.notes.append(f"rows of {table} in an entry no table lists")

    # the whole mutant -----------------------------------------------------------------------

    def mutant(self, seed: Seed) -> Mutant:
        m = Mutant(json.loads(json.dumps(seed.manifest)), json.loads(json.dumps(seed.tables)))
        m.manifest["bundle_id"] = new_id()
        if self.rng.random() < 0.03:
            m.notes.append("same bundle id as the seed")
            m.manifest["bundle_id"] = seed.manifest["bundle_id"]
        for _ in range(self.rng.choice([1, 1, 1, 2, 2, 3, 4])):
            self.pick(self.row_ops)(m)
        if not m.keep_hashes:
            _recompute(m)
        if self.rng.random() < 0.3:
            self.pick(self.manifest_ops)(m)
            if not m.keep_hashes:
                _recompute(m)
        return m


def _is_stamp(value: Any) -> bool:
    try:
        Stamp.unpack(value)
    except ValueError:
        return False
    return True


def _rev(value: Any) -> list[str]:
    try:
        found = json.loads(value) if isinstance(value, str) else []
    except (ValueError, RecursionError):
        return []
    return [v for v in found if isinstance(v, str) and "/" in v] if isinstance(found, list) else []


def _table_info(m: Mutant) -> dict[str, Any]:
    _recompute(m)
    tables = m.manifest.get("tables")
    return tables if isinstance(tables, dict) else {}


def _line(row: Any) -> bytes:
    if isinstance(row, bytes):
        return row
    try:
        text = json.dumps(row, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        return text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: only escaped JSON can carry it
        return json.dumps(row, ensure_ascii=True, sort_keys=True, separators=(",", ":")).encode("ascii")
    except (ValueError, RecursionError, TypeError):
        return b"{}"


def _entry_data(m: Mutant) -> dict[str, bytes]:
    return {
        f"tables/{table}.ndjson": b"".join(_line(row) + b"\n" for row in rows)
        for table, rows in m.tables.items()
        if rows
    }


def _recompute(m: Mutant) -> None:
    """Hashes and counts for the tables as they are now (a sender would sign these)."""
    data = _entry_data(m)
    m.manifest["tables"] = {
        table: {"count": len(rows), "entry": f"tables/{table}.ndjson"} for table, rows in m.tables.items() if rows
    }
    m.manifest["entries"] = {
        name: {"sha256": hashlib.sha256(content).hexdigest(), "bytes": len(content)} for name, content in data.items()
    }


def seal(m: Mutant, federation: Federation) -> bytes:
    """The mutant as a bundle file: zipped, signed with the attacker's real key, encrypted to the hub."""
    attacker = federation.attacker.store
    sender = m.manifest.get("sender")
    signer: Callable[[bytes], bytes] = lambda data: keys.sign(attacker, data)  # noqa: E731
    if m.signer == "fresh" and isinstance(sender, dict):
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
        from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

        private = Ed25519PrivateKey.generate()
        public = base64.b64encode(private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)).decode()
        sender.update(public_key=public, device_id=derive_device_id(public))
        signer = private.sign
    elif m.signer == "wrong" and isinstance(sender, dict):
        sender["public_key"] = federation.ids.honest_key
    try:
        manifest_bytes = json.dumps(m.manifest, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")
    except UnicodeEncodeError:
        manifest_bytes = json.dumps(m.manifest, ensure_ascii=True, sort_keys=True, indent=1).encode("ascii")
    entries = {name: data for name, data in _entry_data(m).items() if name not in m.drop_entries}
    entries.update(m.extra_entries)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in [
            *entries.items(),
            (bundle.MANIFEST, manifest_bytes),
            (bundle.SIGNATURE, signer(manifest_bytes)),
        ]:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return bundle.encrypt(buffer.getvalue(), federation.recipient, None)


# -- the run ------------------------------------------------------------------------------


def outcome(result: exchange.ImportResult) -> list[str]:
    if result.duplicate:
        return ["duplicate"]
    if result.waiting:
        return ["waiting"]
    if not result.ok:
        return [f"refused:{result.code}"]
    found = []
    if result.new or result.updated:
        found.append("merged")
    if result.held:
        found.append("held")
    if result.conflicts:
        found.append("conflict")
    return found or ["unchanged"]


class _Errors(logging.Handler):
    """The exceptions the app logs while importing (it reports them as an "internal" refusal)."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.caught: list[BaseException] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.exc_info and record.exc_info[1] is not None:
            self.caught.append(record.exc_info[1])


ERRORS = _Errors()


def _crash(report: Report, kind: str, error: BaseException | None, detail: list[str]) -> None:
    """An exception escaped, or was caught as an internal error: either way, a defect."""
    report.crashes += 1
    if error is None:
        report.note(kind, "no exception logged", detail)
        return
    text = f"{type(error).__name__}: {str(error)[:200]}"
    trace = "".join(traceback.format_exception(error))[-2500:]
    report.note(kind, f"{type(error).__name__} at {_where(error)}", [*detail, text, trace])


def _where(error: BaseException) -> str:
    frames = [f for f in traceback.extract_tb(error.__traceback__) if "desktop_app" in f.filename]
    frame = frames[-1] if frames else traceback.extract_tb(error.__traceback__)[-1]
    return f"{Path(frame.filename).name}:{frame.lineno} {frame.name}"


def run(iterations: int, seed: int, save: Path | None = None, verbose: bool = False) -> Report:
    rng = random.Random(seed)
    report = Report()
    warnings.simplefilter("ignore")  # zipfile warns about the duplicate names some mutants carry
    logger = logging.getLogger("desktop_app")
    logger.addHandler(ERRORS)
    logger.propagate = False  # the report shows each logged exception once, with the mutant that caused it
    with tempfile.TemporaryDirectory() as tmp:
        fed = Federation(Path(tmp))
        try:
            _fuzz(fed, rng, iterations, report, save, verbose)
        finally:
            fed.close()
            logger.removeHandler(ERRORS)
            logger.propagate = True
    return report


def _fuzz(
    fed: Federation, rng: random.Random, iterations: int, report: Report, save: Path | None, verbose: bool
) -> None:
    hub = fed.hub.store
    ids = fed.ids
    mutator = Mutator(fed, rng)
    baseline = protected(hub, ids)
    baseline_rows = protected_rows(hub, ids)
    devices_before = registry(hub)
    path = fed.root / "mutant.age"
    for i in range(iterations):
        if i and i % SERVE_EVERY == 0:
            serve(fed, report, i)
        seed = rng.choice(fed.seeds)
        mutant = mutator.mutant(seed)
        sealed = seal(mutant, fed)
        path.write_bytes(sealed)
        before_mark = sync_mark(hub)
        detail = [f"iteration {i}", *mutant.notes]
        report.iterations += 1
        ERRORS.caught.clear()
        try:
            result = exchange.import_file(hub, path)
        except Exception as error:
            _crash(report, "crash", error, detail)
            if hub.conn.in_transaction:
                hub.conn.execute("ROLLBACK")
            _keep(save, report, sealed, i)
            continue
        if result.code == "internal":  # an exception of ours, caught, logged and reported as a refusal
            _crash(report, "internal error", ERRORS.caught[-1] if ERRORS.caught else None, detail)
            _keep(save, report, sealed, i)
        kinds = outcome(result)
        report.outcomes.update(kinds)
        report.proposals += result.held if result.ok else 0
        report.rows_applied += (result.new + result.updated) if result.ok else 0
        if verbose:
            print(i, kinds, "; ".join(mutant.notes), "|", result.message[:100])
        if "Traceback" in result.message or "Traceback" in result.summary():
            report.tracebacks += 1
            report.note("traceback", result.code, [*detail, result.message[-800:]])
        if not result.ok and sync_mark(hub) != before_mark:
            report.forbidden += 1
            report.note("forbidden", f"refused ({result.code}) yet changed the hub", detail)
        now = protected(hub, ids)
        if now != baseline:
            report.forbidden += 1
            after_rows = protected_rows(hub, ids)
            changed = sorted(
                k for k in set(baseline_rows) | set(after_rows) if baseline_rows.get(k) != after_rows.get(k)
            )
            report.note("forbidden", f"others' rows changed ({changed[0][0]})", [*detail, *map(str, changed[:5])])
            _keep(save, report, sealed, i)
            baseline, baseline_rows = now, after_rows
        profile = hub.stored_row("cadre", ids.attacker_cadre)
        if profile is None or profile["owner_id"] != ids.attacker_cadre or profile["deleted"]:
            report.forbidden += 1
            owner = profile and profile["owner_id"]
            report.note("forbidden", "her profile's owner or tombstone changed", [*detail, f"owner now {owner}"])
            _restore_profile(fed)
        devices_now = registry(hub)
        odd = [d for d, row in devices_now.items() if devices_before.get(d, (*row[:3], "pending", *row[4:])) != row]
        if odd:
            report.forbidden += 1
            report.note("forbidden", "device registry changed", [*detail, *map(str, (devices_now[d] for d in odd))])
            devices_before = devices_now
    serve(fed, report, iterations)


def serve(fed: Federation, report: Report, i: int) -> None:
    """The hub must still serve its honest cadre: its full bundle imports at her laptop and
    leaves every record there that is not the attacker's as it was."""
    hub, honest = fed.hub.store, fed.honest.store
    before = protected(honest, fed.ids)
    out = fed.root / "serve.age"
    exchange.export_bundle(hub, out, keys.destination(hub, fed.hub.destination.id), full=True, kind="full")
    detail = [f"hub's full bundle after iteration {i}"]
    try:
        result = exchange.import_file(honest, out)
    except Exception as error:
        report.poisoned += 1
        report.note("poisoned", f"the honest laptop crashed on the hub's bundle: {type(error).__name__}", detail)
        if honest.conn.in_transaction:
            honest.conn.execute("ROLLBACK")
        return
    if not result.ok:
        report.poisoned += 1
        report.note(
            "poisoned", f"the honest laptop refuses the hub's bundle ({result.code})", [*detail, result.message]
        )
    elif protected(honest, fed.ids) != before:
        report.poisoned += 1
        report.note("poisoned", "the hub's bundle changed others' records at the honest laptop", detail)


def _restore_profile(fed: Federation) -> None:
    """Put her profile back as an honest edit would, so one finding is not counted on every later iteration."""
    store = fed.hub.store
    row = store.stored_row("cadre", fed.ids.attacker_cadre)
    if row is None:
        return
    with store.transaction():
        store.conn.execute(
            "UPDATE cadre SET owner_id = ?, deleted = 0 WHERE id = ?", (fed.ids.attacker_cadre, fed.ids.attacker_cadre)
        )


def _keep(save: Path | None, report: Report, sealed: bytes, i: int) -> None:
    if save is not None:
        save.mkdir(parents=True, exist_ok=True)
        (save / f"mutant-{i}.age").write_bytes(sealed)


def print_report(report: Report, seconds: float) -> None:
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="backslashreplace")  # mutants carry lone surrogates
    print(
        f"{report.iterations} signed mutants in {seconds:.1f} s: {report.crashes} crashes, "
        f"{report.tracebacks} tracebacks in messages, {report.forbidden} forbidden changes, "
        f"{report.poisoned} times the hub's own bundle failed at the honest laptop"
    )
    print(f"rows merged: {report.rows_applied}, changes held as proposals: {report.proposals}")
    print("outcomes:", dict(report.outcomes.most_common()))
    for signature, detail in report.problems.items():
        print(f"\n== {signature} ({report.seen[signature]} mutants)")
        for line in detail[:12]:
            print("   ", line)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--iterations", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--save", type=Path, help="keep the mutants that crashed or changed others' rows here")
    parser.add_argument("--verbose", action="store_true", help="one line per mutant")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    report = run(args.iterations, args.seed, args.save, args.verbose)
    print_report(report, time.perf_counter() - started)
    return 0 if report.crashes == report.tracebacks == report.forbidden == report.poisoned == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
