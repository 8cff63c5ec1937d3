"""Deterministic, realistic demo data for every record type.

``fill(store, diaries=N, seed=S)`` writes N diaries and the other records in
plausible proportion for a county federation. The same seed and anchor date
give the same records, ids included. Rows go in by ``executemany`` inside one
transaction (validation of generated values is covered by tests instead), so
100,000 diaries take seconds, not minutes.
"""

from __future__ import annotations

import json
import random
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from .. import messages as msg
from .. import records as r
from ..db import default_db_path, drop_value_samples
from ..engine import sqlite3
from ..errors import UsageError
from ..idcard import check_digit
from ..ids import link_id
from ..store import RowWrite, Store
from ..sync import revisions
from . import follow_through as ft
from . import text as t

LINK_TABLES = {link.table for link in r.link_tables()}

Progress = Callable[[str, int, int], None]


@dataclass
class DemoPlan:
    diaries: int
    cadres: int = 0
    liaison_points: int = 0
    women: int = 0
    visits: int = 0
    help_pairs: int = 0
    help_logs: int = 0
    problems: int = 0
    counts: dict[str, int] = field(default_factory=dict)

    @classmethod
    def for_diaries(cls, n: int) -> DemoPlan:
        cadres = max(3, min(300, n // 500 + 3))
        points = max(6, cadres * 5)
        women = max(6, n // 5)
        pairs = max(2, women // 8)
        return cls(
            diaries=n,
            cadres=cadres,
            liaison_points=points,
            women=women,
            visits=max(3, n // 2),
            help_pairs=pairs,
            help_logs=pairs * 4,
            problems=max(3, n // 10),
        )


class _Gen:
    def __init__(self, seed: int, anchor: date, device_id: str):
        self.rng = random.Random(seed)
        self.anchor = anchor
        self.device_id = device_id
        self.stamp_ms = int(datetime(anchor.year, anchor.month, anchor.day, tzinfo=UTC).timestamp() * 1000)
        self.counter = 0

    def uuid7(self, day: date) -> str:
        ms = int(datetime(day.year, day.month, day.day, 8, tzinfo=UTC).timestamp() * 1000)
        ms += self.rng.randrange(36_000_000)
        value = (ms << 80) | (0x7 << 76) | (self.rng.getrandbits(12) << 64) | (0b10 << 62) | self.rng.getrandbits(62)
        return str(uuid.UUID(int=value))

    def stamp(self) -> str:
        self.counter += 1
        ms, counter = divmod(self.counter, 100_000)
        return f"{self.stamp_ms + ms:015d}.{counter:05d}"

    def day(self, max_days_ago: int = 720) -> date:
        return self.anchor - timedelta(days=int(self.rng.triangular(0, max_days_ago, 0)))

    def name(self) -> str:
        return self.rng.choice(t.SURNAMES) + self.rng.choice(t.GIVEN)

    def mobile(self) -> str:
        return self.rng.choice("3456789") and "1" + self.rng.choice("3578") + "".join(
            str(self.rng.randrange(10)) for _ in range(9)
        )

    def id_number(self, prefix: str) -> str:
        born = date(1950, 1, 1) + timedelta(days=self.rng.randrange(365 * 50))
        first17 = f"{prefix}{born:%Y%m%d}{self.rng.randrange(1000):03d}"
        return first17 + check_digit(first17)

    def fill(self, template: str, **slots: Any) -> str:
        return template.format(n=self.rng.randrange(3, 40), m=self.rng.randrange(1, 9), **slots)


DEMO_MARK = "demo_data"


@contextmanager
def _refusing_a_second_fill() -> Iterator[None]:
    """The same seed makes the same records, ids included: a second fill with it collides (and rolls back)."""
    try:
        yield
    except sqlite3.IntegrityError as error:
        if "UNIQUE" not in str(error):
            raise
        raise UsageError(msg.DEMO_ALREADY_THERE) from error


def refuse_real_database(store: Store) -> None:
    """Demo records go in a file of their own, never among a cadre's real ones."""
    if store.path.resolve() == default_db_path().resolve():
        raise UsageError(msg.DEMO_NOT_IN_REAL_DATABASE.format(path=store.path))
    if store.meta(DEMO_MARK) != "1":
        own = store.own_cadre_id
        real = sum(n for kind, n in store.counts().items() if kind != "cadre")
        real += sum(1 for c in store.list_records("cadre", 2) if c["id"] != own)
        if real:
            raise UsageError(msg.DEMO_NOT_IN_REAL_DATABASE.format(path=store.path))


def fill(
    store: Store,
    diaries: int,
    seed: int = 1,
    anchor: date | None = None,
    progress: Progress | None = None,
) -> dict[str, int]:
    refuse_real_database(store)
    plan = DemoPlan.for_diaries(diaries)
    g = _Gen(seed, anchor or store.today(), store.device_id)
    conn = store.conn
    written: dict[str, int] = {}

    owners: dict[str, str] = {}  # record id -> the cadre who made it (links belong to their parent's)

    def put(kind: str, rows: Sequence[dict[str, Any]]) -> None:
        if not rows:
            return
        for row in rows:
            owners[row["id"]] = row["owner_id"]
        store.write_rows(kind, [RowWrite(row, None, None if kind in LINK_TABLES else "create") for row in rows])
        written[kind] = written.get(kind, 0) + len(rows)
        if progress:
            progress(kind, len(rows), diaries)

    def base(day: date) -> dict[str, Any]:
        stamp = g.stamp()
        return {"id": g.uuid7(day), "hlc": stamp, "device_id": g.device_id, **version(stamp)}

    def version(stamp: str) -> dict[str, Any]:
        return {"deleted": 0, "rev": revisions.dump([revisions.version(stamp, g.device_id)])}

    def links(table: str, parent_col: str, ref_col: str, pairs: list[tuple[str, str]]) -> None:
        rows = []
        for p, c in dict.fromkeys(pairs):
            stamp = g.stamp()
            row = {"id": link_id(p, c), "hlc": stamp, "device_id": g.device_id, parent_col: p, ref_col: c}
            rows.append({**row, **version(stamp), "owner_id": owners[p]})
        put(table, rows)

    rng = g.rng
    city, district, province_code = rng.choice(t.CITIES)
    more = random.Random(seed * 7919 + 11)  # the records of follow_through.py, on a stream of their own
    orgs = ft.federation_names(more, city, district)
    early = g.anchor - timedelta(days=900)

    # A big page cache keeps the random-order id indexes in memory while the
    # one large transaction runs; the default 2 MB makes it disk-bound.
    cache_size = conn.execute("PRAGMA cache_size").fetchone()[0]
    conn.execute("PRAGMA cache_size = -400000")
    with _refusing_a_second_fill(), store.transaction():
        cadres = []
        for i in range(plan.cadres):
            cadres.append(
                {
                    **base(early),
                    "name": g.name(),
                    "org": orgs[i % len(orgs)],  # the county's own cadres and the townships' below it
                    "org_level": "county" if i % len(orgs) == 0 else "township",
                    "position": t.POSITIONS[i % len(t.POSITIONS)],
                    "is_leader": int(i < max(1, plan.cadres // 5)),
                    "mobile": g.mobile(),
                    "office_phone": f"0513-8{rng.randrange(1000000, 9999999)}",
                    "email": f"fl{i + 1:03d}@example.cn",
                    "address": f"{city}{district}人民路{rng.randrange(1, 300)}号",
                    "hotline": "12338",
                    "service_promise": r.DEFAULT_PROMISE,
                }
            )
        for cadre in cadres:
            cadre["owner_id"] = cadre["id"]
        put("cadre", cadres)
        cadre_ids = [c["id"] for c in cadres]
        lead = cadre_ids[0]  # the federation's lead cadre made the shared records
        ft.federations(base, put, orgs, early, lead)
        project_rows = ft.project_rows(base, put, orgs[0], g.anchor.year, lead)

        kinds = [
            "district",
            "township",
            "township",
            "village",
            "village",
            "village",
            "village",
            "household",
            "household",
            "household",
            "enterprise",
            "women_org",
            "women_org",
        ]
        points = []
        village_of: dict[str, str] = {}  # a point in one village: what is said there is about that village
        for i in range(plan.liaison_points):
            kind = kinds[i % len(kinds)]
            town = rng.choice(t.TOWN_STEMS) + "镇"
            village = rng.choice(t.VILLAGE_STEMS) + "村"
            name = {
                "district": district,
                "township": town,
                "village": f"{town}{village}",
                "household": f"{village}{g.name()}家",
                "enterprise": f"{town}{rng.choice(t.ENTERPRISES)}",
                "women_org": f"{town}{village}妇联",
            }[kind]
            # The region and address of a point are where it is: a district is no township's.
            region = f"{city}{district}" if kind == "district" else f"{city}{district}{town}"
            in_village = kind in ("village", "household", "women_org")
            points.append(
                {
                    **base(early),
                    "name": name,
                    "kind": kind,
                    "region": region,
                    "address": f"{region}{village}" if in_village else region,
                    "contact_name": g.name(),
                    "contact_phone": g.mobile(),
                    "focus": json.dumps(rng.sample(r.enums.LIAISON_POINT_FOCUS.codes(), rng.randrange(0, 3))),
                    "notes": None,
                    "owner_id": lead,
                }
            )
            if in_village:
                village_of[points[-1]["id"]] = village
        put("liaison_point", points)
        point_ids = [p["id"] for p in points]
        # Each cadre links points of several kinds, some meeting the Beijing
        # quota (1 district, 2 townships, 4 villages, 6 households), some not.
        by_kind: dict[str, list[str]] = {}
        for point in points:
            by_kind.setdefault(point["kind"], []).append(point["id"])
        assignments = []
        for cadre_id in cadre_ids:
            wanted = {"district": rng.choice([0, 1, 1]), "township": rng.randrange(1, 3),
                      "village": rng.randrange(2, 5), "household": rng.randrange(3, 7),
                      "women_org": rng.randrange(0, 3), "enterprise": rng.choice([0, 1, 1])}  # fmt: skip
            for kind, n in wanted.items():
                pool = by_kind.get(kind, [])
                assignments += [(p, cadre_id) for p in rng.sample(pool, min(n, len(pool)))]
        links("liaison_point_cadre", "liaison_point_id", "cadre_id", assignments)

        women: list[dict[str, Any]] = []
        for _ in range(plan.women):
            point = rng.choice(points)
            consent = g.day()
            women.append(
                {
                    **base(consent),
                    "name": g.name(),
                    "id_number": g.id_number(province_code + "0612") if rng.random() < 0.6 else None,
                    "phone": g.mobile() if rng.random() < 0.8 else None,
                    "liaison_point_id": point["id"],
                    "address": point["address"],
                    "groups": json.dumps(rng.choice(t.GROUP_MIX)),
                    "needs": rng.choice(t.NEEDS),
                    "consent_date": consent.isoformat(),
                    "consent_method": rng.choice(["written", "oral", "oral", "phone"]),
                    "notes": None,
                    "owner_id": cadre_ids[len(women) % len(cadre_ids)],
                }
            )
        put("woman", women)
        woman_ids = [w["id"] for w in women]
        women_at: dict[str, list[str]] = {}  # a visit or diary at a point meets the women registered there
        for woman in women:
            women_at.setdefault(woman["liaison_point_id"], []).append(woman["id"])

        def slots(point_id: str) -> dict[str, str]:
            return {
                "name": g.name(),
                "village": village_of.get(point_id) or rng.choice(t.VILLAGE_STEMS) + "村",
                "enterprise": rng.choice(t.ENTERPRISES),
            }

        def met(point_id: str, n: int) -> list[str]:
            there = women_at.get(point_id, [])
            return rng.sample(there, min(len(there), n))

        visits, visit_cadres, visit_women = [], [], []
        methods = r.enums.VISIT_METHOD.codes()
        for _ in range(plan.visits):
            start = g.day()
            method = rng.choice(methods)
            end = min(start + timedelta(days=rng.randrange(6, 10)), g.anchor) if method == "stay" else None
            point_id = rng.choice(point_ids)
            row = {
                **base(start),
                "start_date": start.isoformat(),
                "end_date": end.isoformat() if end else None,
                "liaison_point_id": point_id,
                "method": method,
                "attendance": rng.randrange(1, 30),
                "situation": g.fill(rng.choice(t.VISIT_SITUATIONS), **slots(point_id)),
                "opinions": rng.choice(t.VISIT_OPINIONS),
            }
            visits.append(row)
            visitors = rng.sample(cadre_ids, min(len(cadre_ids), rng.choice([1, 1, 2])))
            row["owner_id"] = visitors[0]
            for c in visitors:
                visit_cadres.append((row["id"], c))
            for w in met(point_id, rng.randrange(0, 4)):
                visit_women.append((row["id"], w))
        put("visit", visits)
        links("visit_cadre", "visit_id", "cadre_id", visit_cadres)
        links("visit_woman", "visit_id", "woman_id", visit_women)

        pairs, pair_cadres, logs = [], [], []
        for i in range(plan.help_pairs):
            start = g.day(600)
            target = "woman" if i % 6 else rng.choice(["women_org", "entity"])
            row = {
                **base(start),
                "mode": "one_to_one",
                "target_kind": target,
                "woman_id": rng.choice(woman_ids) if target == "woman" else None,
                "liaison_point_id": None if target == "woman" else rng.choice(point_ids),
                "goals": json.dumps(rng.sample(["practical_thing", "skill", "livelihood"], rng.randrange(1, 4))),
                "help_types": json.dumps(rng.sample(["job", "legal", "policy", "funding", "technology"], 2)),
                "start_date": start.isoformat(),
                "status": rng.choice(["active"] * 5 + ["completed", "paused"]),
                "notes": None,
            }
            ft.pair_feedback(more, row)
            helpers = rng.sample(cadre_ids, min(len(cadre_ids), 1 if rng.random() < 0.8 else 3))
            row["mode"] = "one_to_one" if len(helpers) == 1 else "many_to_one"
            row["owner_id"] = helpers[0]
            pairs.append(row)
            pair_cadres += [(row["id"], c) for c in helpers]
            day = start
            for _ in range(plan.help_logs // plan.help_pairs):
                day = min(day + timedelta(days=rng.randrange(7, 60)), g.anchor)
                help_type, what = rng.choice(t.HELP_ACTS)
                logs.append(
                    {
                        **base(day),
                        "help_pair_id": row["id"],
                        "date": day.isoformat(),
                        "what": what.format(enterprise=rng.choice(t.ENTERPRISES)),
                        "help_type": help_type,
                        "amount": float(rng.randrange(2, 50) * 100) if help_type in ("funding", "warmth") else None,
                        "result": rng.choice(t.RESULTS),
                        "next_step": rng.choice(t.NEXT_STEPS),
                        "next_date": (day + timedelta(days=rng.randrange(7, 45))).isoformat(),
                        "owner_id": helpers[0],
                    }
                )
                ft.link_to_project(more, logs[-1], project_rows)
        put("help_pair", pairs)
        links("help_pair_cadre", "help_pair_id", "cadre_id", pair_cadres)
        put("help_log", logs)

        diaries_rows, diary_women = [], []
        for i in range(plan.diaries):
            day = g.day()
            point_id = rng.choice(point_ids)
            s = slots(point_id)
            body = "".join(g.fill(rng.choice(t.DIARY_SENTENCES), **s) for _ in range(rng.randrange(3, 7)))
            row = {
                **base(day),
                "date": day.isoformat(),
                "author_id": rng.choice(cadre_ids),
                "liaison_point_id": point_id,
                "place": s["village"],
                "title": g.fill(rng.choice(t.DIARY_TITLES), **s),
                "body": body,
                "tags": json.dumps(rng.sample(t.TAGS, rng.randrange(0, 3)), ensure_ascii=False),
                "notable": int(rng.random() < 0.003),
            }
            row["owner_id"] = row["author_id"]
            diaries_rows.append(row)
            for w in met(point_id, rng.choice([0, 0, 1, 2])):
                diary_women.append((row["id"], w))
            if len(diaries_rows) == 10_000 or i == plan.diaries - 1:
                put("diary", diaries_rows)
                diaries_rows = []
        links("diary_woman", "diary_id", "woman_id", diary_women)

        problems: list[dict[str, Any]] = []
        # A problem comes out of a visit of the last 400 days: raised then or a few days after, at its point.
        recent = [v for v in visits if (g.anchor - date.fromisoformat(v["start_date"])).days <= 400] or visits
        for _ in range(plan.problems):
            visit = rng.choice(recent)
            day = min(date.fromisoformat(visit["start_date"]) + timedelta(days=rng.randrange(0, 8)), g.anchor)
            category, template = rng.choice(t.PROBLEMS)
            disposition = rng.choice(["solve"] * 5 + ["explain", "escalate", "warn"])
            age = (g.anchor - day).days
            # Old problems are mostly dealt with; recent ones mostly still open.
            status = (
                rng.choice(["resolved"] * 9 + ["in_progress"])
                if age > 90
                else rng.choice(["open", "in_progress", "resolved"])
            )
            problems.append(
                {
                    **base(day),
                    "raised_date": day.isoformat(),
                    "source": "visit",
                    "source_id": visit["id"],
                    "liaison_point_id": visit["liaison_point_id"],
                    "description": g.fill(template, **slots(visit["liaison_point_id"])),
                    "category": category,
                    "scope": rng.choice(["individual", "individual", "common", "regional", "systemic"]),
                    "nature": rng.choice(["temporary", "temporary", "trend"]),
                    "disposition": disposition,
                    "responsible": rng.choice(cadres)["name"],
                    "deadline": (day + timedelta(days=rng.randrange(7, 90))).isoformat(),
                    "status": status,
                    "resolution": rng.choice(t.RESOLUTIONS) if status == "resolved" else None,
                    "owner_id": cadre_ids[len(problems) % len(cadre_ids)],
                }
            )
            ft.problem_explained(more, problems[-1], g.anchor)
        put("problem", problems)
        ft.referrals(more, base, put, problems, g.anchor)
        ft.research(more, base, put, cadres[: max(3, len(cadres) // 4)], g.anchor)

        if not store.own_cadre_id:
            store.set_own_cadre(cadre_ids[0])
        store.note_event("demo", "demo", "demo", {"seed": seed, "written": written})
        store.set_meta(DEMO_MARK, "1")  # the window says 演示数据 in its title
    conn.execute("ANALYZE")
    drop_value_samples(conn)
    conn.execute(f"PRAGMA cache_size = {int(cache_size)}")
    return written
