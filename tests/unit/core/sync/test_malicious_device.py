"""A malicious but approved cadre laptop cannot change honest cadres' records,
and cannot stop honest replicas from agreeing on them.

Honest cadres' laptops edit their own diaries, visits, women and profiles and
sync through a county hub the ordinary way: each sends a delta up, the hub
imports them all and sends back down a full bundle or a ``--down`` one (its
cadres, liaison points and assignments), which the cadres (who trust the hub
in the role "hub") import. Another laptop, approved at the hub as a cadre like
the others, sends bundles signed with its real key that hypothesis draws:
edits and deletions of honest records made in the app, forged row versions
(other cadres' owners and authors, another device's id, stamps hours or days
ahead, ties and older stamps, claimed histories; as rows or as kept
conflicts), new records in another cadre's name, links that list her on honest
visits, and changes to her own profile's owner. Some honest laptops also
import her bundles directly.

Properties, checked on the hub, on every honest laptop and on a clean replica
that only ever heard from honest devices:

- every honest replica holds the same honest records (rows owned by an honest
  cadre or the hub), row for row;
- no honest record carries a version made by the malicious device: not as the
  row, not in its history, not as a kept conflict; no record an honest laptop
  created changed owner.
"""

from __future__ import annotations

import json
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, event, given, settings
from hypothesis import strategies as st

from desktop_app.core import db
from desktop_app.core.clock import Stamp
from desktop_app.core.errors import FuqingError
from desktop_app.core.ids import link_id, new_id
from desktop_app.core.sync import bundle, exchange, keys, revisions
from tests.sync_helpers import Replica, make_hub_key

HOUR_MS = 3_600_000
TEXTS = ["她想学电商", "家里老人需要照料", "孩子上学远", "已联系就业岗位", "座谈会上谈到托育"]
NAMES = ["李娟", "张敏", "陈静"]
RECORD_TABLES = ["cadre", "woman", "visit", "diary", "liaison_point"]
LINK_TABLES = ["visit_cadre", "visit_woman", "diary_woman", "liaison_point_cadre"]
DOWN_TABLES = ["cadre", "liaison_point", "liaison_point_cadre"]  # what `fuqing export --down` sends
EDITS: dict[str, dict[str, Any]] = {
    "cadre": {"position": "冒名职务", "mobile": "13999999999"},
    "woman": {"needs": "被篡改的需求", "phone": "13900000000"},
    "visit": {"situation": "被篡改的情况", "attendance": 99},
    "diary": {"body": "被篡改的日记", "title": "假标题"},
    "liaison_point": {"region": "被篡改的地区"},
}

# -- what the honest laptops do -------------------------------------------------------

honest_op = st.one_of(
    st.tuples(st.just("diary"), st.integers(0, 9), st.sampled_from(TEXTS)),
    st.tuples(st.just("diary_edit"), st.integers(0, 9), st.sampled_from(TEXTS)),
    st.tuples(st.just("diary_delete"), st.integers(0, 9), st.just("")),
    st.tuples(st.just("visit"), st.integers(0, 9), st.sampled_from(TEXTS)),  # index odd: a colleague goes too
    st.tuples(st.just("visit_edit"), st.integers(0, 9), st.sampled_from(TEXTS)),
    st.tuples(st.just("woman"), st.integers(0, 9), st.sampled_from(TEXTS)),
    st.tuples(st.just("woman_edit"), st.integers(0, 9), st.sampled_from(TEXTS)),
    st.tuples(st.just("profile"), st.integers(0, 9), st.sampled_from(TEXTS)),
)

# -- what the malicious laptop sends ----------------------------------------------------


@dataclass(frozen=True)
class AppEdit:
    """An honest record she holds (from the hub's bundle), changed or deleted in her app."""

    table: str
    target: int
    delete: bool


@dataclass(frozen=True)
class Forge:
    """A new version of an honest record, written straight into a signed bundle."""

    table: str
    target: int
    device: str  # whose device the row claims made it
    stamp: str  # fresh / ahead (20 h) / far (3 days) / tie (the honest stamp) / old
    rev: str  # descend (from the honest version) / concurrent / claim (honest version only)
    owner: str  # keep / mal / none / missing / other
    author: str  # keep / mal / other (diaries)
    deleted: int
    edit: bool
    as_conflict: bool  # sent as a kept conflict carrying it as the losing version


@dataclass(frozen=True)
class ForgeNew:
    """A new record in someone else's name."""

    table: str
    owner: str  # honest / hub / none / missing
    device: str
    parent: int  # links: which honest record they hang on


@dataclass(frozen=True)
class ListSelf:
    """A link that puts her on an honest visit, then an edit of that visit, in one bundle."""

    target: int
    link_owner: str  # honest / mal / none
    edit: bool


@dataclass(frozen=True)
class OwnProfile:
    """Her own profile: a new phone (allowed), or a new owner, a deletion, another's id."""

    how: str


attack = st.one_of(
    st.builds(AppEdit, st.sampled_from(["cadre", "woman", "visit", "diary"]), st.integers(0, 20), st.booleans()),
    st.builds(
        Forge,
        st.sampled_from(RECORD_TABLES + LINK_TABLES),
        st.integers(0, 20),
        st.sampled_from(["mal", "mal", "honest", "hub"]),
        st.sampled_from(["fresh", "ahead", "far", "tie", "old"]),
        st.sampled_from(["descend", "concurrent", "claim"]),
        st.sampled_from(["keep", "mal", "none", "missing", "other"]),
        st.sampled_from(["keep", "mal", "other"]),
        st.sampled_from([0, 1]),
        st.booleans(),
        st.booleans(),
    ),
    st.builds(
        ForgeNew,
        st.sampled_from(["woman", "visit", "diary", "visit_cadre", "visit_woman", "diary_woman"]),
        st.sampled_from(["honest", "hub", "none", "missing"]),
        st.sampled_from(["mal", "honest"]),
        st.integers(0, 20),
    ),
    st.builds(ListSelf, st.integers(0, 20), st.sampled_from(["honest", "mal", "none"]), st.booleans()),
    st.builds(OwnProfile, st.sampled_from(["mobile", "owner_honest", "owner_none", "delete", "id_honest"])),
)
Attack = AppEdit | Forge | ForgeNew | ListSelf | OwnProfile


@dataclass
class Federation:
    root: Path
    recipient: str
    hub: Replica
    honest: list[Replica]
    mal: Replica
    clean: Replica  # hears only from honest devices
    points: list[str]
    created: dict[tuple[str, str], str] = field(default_factory=dict)  # honest (table, id) -> owner
    n: int = 0

    @property
    def honest_owners(self) -> set[str]:
        return {_own(r) for r in [self.hub, *self.honest]}

    def path(self, name: str) -> Path:
        self.n += 1
        return self.root / f"{self.n:03d}-{name}.age"

    def up(self, laptop: Replica) -> Path | None:
        return laptop.export(self.path(laptop.name))

    def down(self, only_admin: bool = False) -> Path | None:
        """The hub's bundle back to its cadres: everything, or (``fuqing export --down``) what it administers."""
        hub = self.hub.store
        out = self.path("hub-down" if only_admin else "hub-full")
        destination = keys.destination(hub, self.hub.destination.id)
        try:
            if only_admin:
                exchange.export_bundle(hub, out, destination, tables=DOWN_TABLES, kind="down")
            else:
                exchange.export_bundle(hub, out, destination, full=True, kind="full")
        except exchange.NothingToExport:
            return None
        return out

    def forge(self, tables: dict[str, list[dict[str, Any]]]) -> Path | None:
        """A bundle of her own making, signed with her laptop's real key."""
        if not any(tables.values()):
            return None
        store = self.mal.store
        manifest = {
            "bundle_id": new_id(), "kind": "delta", "created_at": db.now_iso(), "since_seq": 0, "authors": {},
            "sender": {"device_id": store.device_id, "public_key": keys.public_key(store),
                       "cadre_id": store.own_cadre_id, "cadre_name": "王芳", "federation": "通州区妇联"},
        }  # fmt: skip
        plain = bundle.build_zip(manifest, tables, lambda data: keys.sign(store, data))
        out = self.path("forged")
        out.write_bytes(bundle.encrypt(plain, self.recipient, None))
        return out


def _own(replica: Replica) -> str:
    cadre = replica.store.own_cadre_id
    assert cadre is not None
    return cadre


def _laptop(root: Path, files: tuple[Path, Path], name: str, profile: str) -> Replica:
    replica = Replica(root / f"{name}.db", *files, name)
    replica.store.save_profile({"name": profile, "org": "通州区妇联", "mobile": "13800000000"})
    return replica


@contextmanager
def federation(n_honest: int) -> Iterator[Federation]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        files = make_hub_key(root)
        hub = _laptop(root, files, "hub", "县妇联")
        honest = [_laptop(root, files, f"h{i}", NAMES[i]) for i in range(n_honest)]
        mal = _laptop(root, files, "mal", "王芳")
        clean = Replica(root / "clean.db", *files, "clean")
        hub.trust(*honest, mal, role="cadre")
        clean.trust(*honest, role="cadre")
        for laptop in [*honest, mal, clean]:
            laptop.trust(hub, role="hub")
        for laptop in [*honest, mal]:
            laptop.trust(*[o for o in [*honest, mal] if o is not laptop], role="cadre")
        fed = Federation(root, keys.read_hub_key(files[1])[0], hub, honest, mal, clean, [])
        for laptop in [*honest, mal]:  # their profiles
            first = fed.up(laptop)
            assert first is not None and hub.import_(first).ok
            if laptop is not mal:
                assert clean.import_(first).ok
        everyone = [_own(r) for r in [*honest, mal]]  # the hub assigns every cadre to its liaison points
        fed.points = [
            hub.store.save("liaison_point", {"name": f"联系点{i}", "kind": "village", "cadre_ids": everyone})["id"]
            for i in range(2)
        ]
        start = fed.down()
        assert start is not None
        for replica in [*honest, mal, clean]:
            assert replica.import_(start).ok
        try:
            yield fed
        finally:
            for replica in [hub, *honest, mal, clean]:
                replica.close()


# -- honest work ---------------------------------------------------------------------------


def _mine(replica: Replica, table: str) -> list[str]:
    rows = replica.store.conn.execute(
        f"SELECT id FROM {table} WHERE owner_id = ? AND deleted = 0 ORDER BY id", (_own(replica),)
    )
    return [row[0] for row in rows]


def do_honest(fed: Federation, replica: Replica, ops: list[tuple[str, int, str]]) -> None:
    store = replica.store
    me = _own(replica)
    colleagues = [_own(r) for r in fed.honest if r is not replica]
    for kind, index, text in ops:
        base = kind.removesuffix("_edit").removesuffix("_delete")
        existing = _mine(replica, base) if base != "profile" else []
        if kind == "diary":
            saved = store.save("diary", {"title": f"日记{index}", "body": text, "liaison_point_id": fed.points[0]})
        elif kind == "visit":
            cadres = [me, *colleagues[:1]] if index % 2 and colleagues else [me]
            saved = store.save(
                "visit",
                {"start_date": store.today().isoformat(), "liaison_point_id": fed.points[index % 2],
                 "method": "home_visit", "situation": text, "cadre_ids": cadres},
            )  # fmt: skip
        elif kind == "woman":
            saved = store.save("woman", {"name": f"妇女{index}", "needs": text})
        elif kind == "profile":
            store.save_profile({"position": text[:10], "mobile": f"1380000{index:04d}"})
            continue
        elif existing and kind == "diary_edit":
            store.save("diary", {"body": text}, existing[index % len(existing)])
            continue
        elif existing and kind == "visit_edit":
            store.save("visit", {"opinions": text}, existing[index % len(existing)])
            continue
        elif existing and kind == "woman_edit":
            store.save("woman", {"needs": text}, existing[index % len(existing)])
            continue
        elif existing and kind == "diary_delete":
            store.delete("diary", existing[index % len(existing)])
            continue
        else:
            continue
        fed.created[(base, saved["id"])] = me


# -- malicious work --------------------------------------------------------------------------


def _honest_rows(fed: Federation, table: str) -> list[dict[str, Any]]:
    """Rows of honest records as her laptop holds them (the hub's full bundle gave them to her)."""
    store = fed.mal.store
    owners = sorted(fed.honest_owners)
    marks = ", ".join("?" * len(owners))
    ids = [
        row[0] for row in store.conn.execute(f"SELECT id FROM {table} WHERE owner_id IN ({marks}) ORDER BY id", owners)
    ]
    return [row for row in (store.stored_row(table, i) for i in ids) if row is not None]


def _stamp(kind: str, honest_hlc: str) -> str:
    now = int(time.time() * 1000)
    honest = Stamp.unpack(honest_hlc)
    if kind == "tie":
        return honest_hlc
    if kind == "old":
        return Stamp(max(honest.wall_ms - 60_000, 0), 0).pack()
    if kind == "ahead":
        return Stamp(now + 20 * HOUR_MS, 0).pack()
    if kind == "far":
        return Stamp(now + 72 * HOUR_MS, 0).pack()
    return Stamp(max(now, honest.wall_ms + 1), 7).pack()


def _device(fed: Federation, who: str) -> str:
    return {"mal": fed.mal.store.device_id, "honest": fed.honest[0].store.device_id, "hub": fed.hub.store.device_id}[
        who
    ]


def _version(row: dict[str, Any], rev: str, old_rev: str) -> dict[str, Any]:
    mine = revisions.version(str(row["hlc"]), str(row["device_id"]))
    old = revisions.load(old_rev)
    history = {"descend": [*old, mine], "concurrent": [mine], "claim": old}[rev]
    row["rev"] = revisions.dump(revisions.merge_revs(history or [mine]))
    return row


def _as_conflict(table: str, loser: dict[str, Any]) -> dict[str, Any]:
    """A conflict row as a replica keeps one: the losing version, its stamp, device and history."""
    version = revisions.version(str(loser["hlc"]), str(loser["device_id"]))
    body = {k: v for k, v in loser.items() if k != "rev"}
    return {
        "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{table}|{loser['id']}|{version}")), "hlc": loser["hlc"],
        "device_id": loser["device_id"], "deleted": 0, "rev": loser["rev"], "record_type": table,
        "record_id": loser["id"], "winner_version": "", "loser_version": version,
        "loser_row": json.dumps(body, ensure_ascii=False, sort_keys=True), "detected_at": db.now_iso(),
        "resolution": None, "owner_id": loser.get("owner_id"),
    }  # fmt: skip


def forged_rows(fed: Federation, attack: Attack, tables: dict[str, list[dict[str, Any]]]) -> None:
    mal = _own(fed.mal)
    other = _own(fed.honest[-1])
    if isinstance(attack, Forge):
        rows = _honest_rows(fed, attack.table)
        if not rows:
            return
        honest = rows[attack.target % len(rows)]
        row = dict(honest)
        row.update(hlc=_stamp(attack.stamp, honest["hlc"]), device_id=_device(fed, attack.device))
        row["deleted"] = attack.deleted
        if attack.edit:
            row.update(EDITS.get(attack.table, {}))
        if attack.owner == "missing":
            del row["owner_id"]
        else:
            row["owner_id"] = {"keep": honest["owner_id"], "mal": mal, "none": None, "other": other}[attack.owner]
        if attack.table == "diary" and attack.author != "keep":
            row["author_id"] = mal if attack.author == "mal" else other
        row = _version(row, attack.rev, honest["rev"])
        if attack.as_conflict:
            tables.setdefault("conflict", []).append(_as_conflict(attack.table, row))
        else:
            tables.setdefault(attack.table, []).append(row)
    elif isinstance(attack, ForgeNew):
        parents = {"visit_cadre": "visit", "visit_woman": "visit", "diary_woman": "diary"}
        hlc = _stamp("fresh", "000000000000000.00000")
        row: dict[str, Any] = {"id": new_id(), "hlc": hlc, "device_id": _device(fed, attack.device), "deleted": 0}
        owner = {"honest": _own(fed.honest[0]), "hub": _own(fed.hub), "none": None, "missing": None}[attack.owner]
        row["owner_id"] = owner
        today = fed.mal.store.today().isoformat()
        if attack.table == "woman":
            row.update(name="冒名妇女", id_number=None, phone=None, liaison_point_id=None, address=None, groups="[]",
                       needs=None, consent_date=None, consent_method=None, notes=None)  # fmt: skip
        elif attack.table == "visit":
            row.update(start_date=today, end_date=None, liaison_point_id=fed.points[0], method="home_visit",
                       attendance=None, situation="冒名走访", opinions=None)  # fmt: skip
        elif attack.table == "diary":
            row.update(date=today, author_id=_own(fed.honest[0]), liaison_point_id=None, place=None, title="冒名日记",
                       body="冒名", tags="[]", notable=0)  # fmt: skip
        else:
            parent_rows = _honest_rows(fed, parents[attack.table])
            if not parent_rows:
                return
            parent = str(parent_rows[attack.parent % len(parent_rows)]["id"])
            column = f"{parents[attack.table]}_id"
            target_column = "cadre_id" if attack.table == "visit_cadre" else "woman_id"
            target = mal if attack.table == "visit_cadre" else new_id()
            row.update({"id": link_id(parent, target), column: parent, target_column: target})
        if attack.owner == "missing":
            del row["owner_id"]
        row["rev"] = revisions.dump([revisions.version(hlc, row["device_id"])])
        tables.setdefault(attack.table, []).append(row)
    elif isinstance(attack, ListSelf):
        visits = _honest_rows(fed, "visit")
        if not visits:
            return
        visit = visits[attack.target % len(visits)]
        hlc = _stamp("fresh", visit["hlc"])
        device = fed.mal.store.device_id
        owner = {"honest": visit["owner_id"], "mal": mal, "none": None}[attack.link_owner]
        tables.setdefault("visit_cadre", []).append(
            {"id": link_id(str(visit["id"]), mal), "hlc": hlc, "device_id": device, "deleted": 0,
             "rev": revisions.dump([revisions.version(hlc, device)]), "visit_id": visit["id"], "cadre_id": mal,
             "owner_id": owner}
        )  # fmt: skip
        if attack.edit:
            edit = {**visit, **EDITS["visit"], "hlc": _stamp("fresh", hlc), "device_id": device}
            tables.setdefault("visit", []).append(_version(edit, "descend", visit["rev"]))
    elif isinstance(attack, OwnProfile):
        profile = fed.mal.store.stored_row("cadre", mal)
        assert profile is not None
        row = {**profile, "hlc": _stamp("fresh", profile["hlc"]), "device_id": fed.mal.store.device_id}
        if attack.how == "mobile":
            row["mobile"] = "13912345678"
        elif attack.how == "owner_honest":
            row["owner_id"] = _own(fed.honest[0])
        elif attack.how == "owner_none":
            row["owner_id"] = None
        elif attack.how == "delete":
            row["deleted"] = 1
        else:
            row["id"] = _own(fed.honest[0])
        tables.setdefault("cadre", []).append(_version(row, "descend", profile["rev"]))


def do_malicious(fed: Federation, attacks: list[Attack], split: bool) -> list[Path]:
    """Her app edits go out in her ordinary delta; forged rows in bundles she signs herself."""
    store = fed.mal.store
    forged: list[dict[str, list[dict[str, Any]]]] = [{}, {}]
    for n, attack in enumerate(attacks):
        event(f"attack: {type(attack).__name__}" + (f" {attack.how}" if isinstance(attack, OwnProfile) else ""))
        if isinstance(attack, AppEdit):
            rows = _honest_rows(fed, attack.table)
            if not rows:
                continue
            target = str(rows[attack.target % len(rows)]["id"])
            try:
                if attack.delete and attack.table != "cadre":
                    store.delete(attack.table, target)
                else:
                    store.save(attack.table, EDITS[attack.table], target)
            except FuqingError:
                event("malicious app edit refused by her own app")
        else:
            forged_rows(fed, attack, forged[n % 2 if split else 0])
    paths = [fed.up(fed.mal), *(fed.forge(tables) for tables in forged)]
    return [p for p in paths if p is not None]


# -- the properties ------------------------------------------------------------------------------


def honest_state(fed: Federation, replica: Replica) -> dict[tuple[str, str], tuple[Any, ...]]:
    """Every row owned by an honest cadre or the hub, conflicts included, as stored."""
    owners = sorted(fed.honest_owners)
    marks = ", ".join("?" * len(owners))
    state: dict[tuple[str, str], tuple[Any, ...]] = {}
    for table in bundle.SYNCED_TABLES:
        columns = replica.store.synced_columns(table)
        sql = f"SELECT {', '.join(columns)} FROM {table} WHERE owner_id IN ({marks}) ORDER BY id"
        for row in replica.store.conn.execute(sql, owners):
            state[(table, str(row[0]))] = tuple(zip(columns, row, strict=True))
    return state


def untouched_by(fed: Federation, replica: Replica) -> None:
    mal_device = fed.mal.store.device_id
    for (table, record_id), row in honest_state(fed, replica).items():
        values = dict(row)
        assert values["device_id"] != mal_device, (replica.name, table, record_id, values)
        assert mal_device not in str(values["rev"]), (replica.name, table, record_id, values)
        if table == "conflict":
            assert mal_device not in str(values["loser_row"]), (replica.name, record_id, values)
    for (table, record_id), owner in fed.created.items():
        stored = replica.store.stored_row(table, record_id)
        assert stored is not None and stored["owner_id"] == owner, (replica.name, table, record_id, stored)
    for honest in [fed.hub, *fed.honest]:
        profile = replica.store.stored_row("cadre", _own(honest))
        assert profile is not None and profile["device_id"] != mal_device and not profile["deleted"], profile


def _import(replica: Replica, path: Path, honest: bool) -> None:
    result = replica.import_(path)  # an exception here is a failure of its own
    assert "Traceback" not in result.message
    if honest:
        assert result.ok or result.code == "own", (replica.name, path.name, result.message)
    else:
        where = "hub" if replica.name == "hub" else "her laptop" if replica.name == "mal" else "an honest laptop"
        if not result.ok:
            outcome = result.code
        elif result.held:
            outcome = "held"
        else:
            outcome = "merged" if result.new + result.updated else "unchanged"
        event(f"her bundle at {where}: {outcome}")


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    phases=[Phase.explicit, Phase.reuse, Phase.generate],  # shrinking and "explain" replay it hundreds of times
)
@given(
    n_honest=st.integers(2, 3),
    rounds=st.lists(
        st.tuples(
            st.lists(st.lists(honest_op, max_size=4), min_size=3, max_size=3),  # per honest laptop
            st.lists(attack, min_size=1, max_size=6),
            st.booleans(),  # her forged rows in one bundle or two
            st.booleans(),  # the hub sends down everything, or only what it administers (--down)
        ),
        min_size=1,
        max_size=3,
    ),
    data=st.data(),
)
def test_a_malicious_cadre_laptop_changes_no_honest_record(
    n_honest: int, rounds: list[tuple[list[list[tuple[str, int, str]]], list[Attack], bool, bool]], data: st.DataObject
) -> None:
    with federation(n_honest) as fed:
        for honest_ops, attacks, split, only_admin in rounds:
            honest_bundles = []
            for replica, ops in zip(fed.honest, honest_ops, strict=False):
                do_honest(fed, replica, ops)
                out = fed.up(replica)
                if out is not None:
                    honest_bundles.append(out)
            bad = do_malicious(fed, attacks, split)
            # The hub hears from everyone, in any order; the clean replica from honest laptops only.
            tagged = [(p, True) for p in honest_bundles] + [(p, False) for p in bad]
            for path, honest in data.draw(st.permutations(tagged), label="hub order"):
                _import(fed.hub, path, honest)
            for path in data.draw(st.permutations(honest_bundles), label="clean order"):
                _import(fed.clean, path, True)
            # Some honest laptops also take her bundles straight from her.
            for replica in fed.honest:
                for path in data.draw(st.lists(st.sampled_from(bad), max_size=2), label="direct") if bad else []:
                    _import(replica, path, False)
            down = fed.down(only_admin)
            for replica in [*fed.honest, fed.mal] if down is not None else []:
                _import(replica, down, replica is not fed.mal)
        # Last exchange: everything honest reaches the hub and the clean replica, and comes back down.
        last = [out for out in (fed.up(r) for r in fed.honest) if out is not None]
        for path in last:
            _import(fed.hub, path, True)
            _import(fed.clean, path, True)
        down = fed.down()
        assert down is not None
        for replica in fed.honest:
            _import(replica, down, True)

        replicas = [fed.hub, fed.clean, *fed.honest]
        for replica in replicas:
            untouched_by(fed, replica)
        expected = honest_state(fed, fed.hub)
        assert expected, "the honest cadres made records"
        for replica in replicas[1:]:
            found = honest_state(fed, replica)
            differ = sorted(k for k in set(expected) | set(found) if expected.get(k) != found.get(k))
            assert not differ, (
                replica.name,
                differ[:3],
                [json.dumps(found.get(k), default=str)[:300] for k in differ[:2]],
            )
