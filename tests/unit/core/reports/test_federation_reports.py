"""Reports per federation: a county hub holding three federations' records makes a
report for one of them, for it and those below it, or for everything; the figures
themselves are filtered (checked against queries written here, not the app's),
and the breakdown rows add up to the totals."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from desktop_app.core import federations
from desktop_app.core.demo import generate
from desktop_app.core.reports import figures
from desktop_app.core.store import Store
from tests.record_values import TOLD
from tests.sync_helpers import World, laptop, make_hub_key

PERIOD = figures.parse_period("2026")
COUNTY, TOWN_A, TOWN_B = "通州区妇联", "金沙镇妇联", "石港镇妇联"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """A county database with the county federation and two townships below it."""
    store = Store(tmp_path_factory.mktemp("demo") / "demo.db", today=lambda: date(2026, 11, 20))
    generate.fill(store, diaries=2000, seed=3, anchor=date(2026, 11, 20))
    yield store
    store.close()


def _owners(store: Store, names: list[str]) -> str:
    marks = ", ".join("?" * len(names))
    ids = [r[0] for r in store.conn.execute(f"SELECT id FROM cadre WHERE org IN ({marks})", names)]
    return json.dumps(ids)


def _independent_totals(store: Store, names: list[str]) -> dict[str, Any]:
    """The report's totals for these federations, written again from the tables."""
    owners = _owners(store, names)
    mine = "owner_id IN (SELECT value FROM json_each(?))"
    one = lambda sql, *p: store.conn.execute(sql, (*p, owners)).fetchone()[0]  # noqa: E731
    return {
        "visits": one(f"SELECT count(*) FROM visit WHERE deleted = 0 AND start_date LIKE '2026-%' AND {mine}"),
        "problems": one(f"SELECT count(*) FROM problem WHERE deleted = 0 AND raised_date LIKE '2026-%' AND {mine}"),
        "acts": one(
            "SELECT count(*) FROM help_log l JOIN help_pair h ON h.id = l.help_pair_id AND h.deleted = 0 "
            f"WHERE l.deleted = 0 AND l.date LIKE '2026-%' AND h.{mine}"
        ),
        "referrals": one(
            "SELECT count(*) FROM referral r JOIN problem p ON p.id = r.problem_id AND p.deleted = 0 "
            f"WHERE r.deleted = 0 AND r.sent_date LIKE '2026-%' AND p.{mine}"
        ),
        "open_problems": one(
            # Open at the end of the year's report, made on 20 November: as at that day.
            "SELECT count(*) FROM problem WHERE deleted = 0 AND (status IN ('open', 'in_progress') OR (status IN "
            "('resolved', 'explained', 'closed') AND explained_date > '2026-11-20')) "
            f"AND raised_date <= '2026-11-20' AND {mine}"
        ),
        "grassroots_days": one(
            "SELECT count(*) FROM (SELECT DISTINCT vc.cadre_id, d.value FROM visit v "
            "JOIN visit_cadre vc ON vc.visit_id = v.id AND vc.deleted = 0, "
            "json_each((WITH RECURSIVE days(x) AS (SELECT v.start_date UNION ALL SELECT date(x, '+1 day') FROM days "
            "WHERE x < coalesce(v.end_date, v.start_date)) SELECT json_group_array(x) FROM days)) d "
            "WHERE v.deleted = 0 AND d.value BETWEEN '2026-01-01' AND '2026-12-31' "
            "AND vc.cadre_id IN (SELECT value FROM json_each(?)))"
        ),
    }


def test_the_demo_holds_three_federations_in_a_tree(demo: Store) -> None:
    names = federations.federation_names(demo)
    assert len(names) == 3
    county = next(n for n in names if n.endswith("妇女联合会"))
    assert federations.below(demo, county)[0] == county and set(federations.below(demo, county)) == set(names)
    assert all(federations.below(demo, n) == [n] for n in names if n != county)


@pytest.mark.parametrize("which", ["township", "county_only", "county_and_below"])
def test_one_federations_figures_equal_independent_queries(demo: Store, which: str) -> None:
    names = federations.federation_names(demo)
    county = next(n for n in names if n.endswith("妇女联合会"))
    town = sorted(n for n in names if n != county)[0]
    federation, below, expected_names = {
        "township": (town, True, [town]),
        "county_only": (county, False, [county]),
        "county_and_below": (county, True, names),
    }[which]
    data = figures.build(demo, PERIOD, federation, include_below=below)
    assert data.federation == federation and set(data.federations) == set(expected_names)
    expected = _independent_totals(demo, expected_names)
    assert {k: data.totals[k] for k in expected} == expected
    assert expected["visits"] > 0 and expected["problems"] > 0 and expected["referrals"] > 0
    _breakdowns_add_up(data)


def test_the_filter_really_filters(demo: Store) -> None:
    names = federations.federation_names(demo)
    county = next(n for n in names if n.endswith("妇女联合会"))
    whole = figures.build(demo, PERIOD, county).totals
    parts = [figures.build(demo, PERIOD, n, include_below=False).totals for n in names]
    for key in ("visits", "problems", "acts", "referrals", "grassroots_days", "open_problems"):
        assert sum(p[key] for p in parts) == whole[key], key
        assert all(p[key] < whole[key] for p in parts), key


def _breakdowns_add_up(data: figures.ReportData) -> None:
    columns = ["visits", "grassroots_days", "acts", "problems", "open_problems"]
    by_federation = data.table("by_federation").rows
    by_cadre = data.table("by_cadre").rows
    assert {row[0] for row in by_federation} == set(data.federations)
    for i, key in enumerate(columns):
        assert sum(row[1 + i] for row in by_federation) == data.totals[key], key
        assert sum(row[2 + i] for row in by_cadre) == data.totals[key], key


# -- a hub that received its three federations' records in bundles -----------------------


@pytest.fixture
def hub_world(tmp_path: Path) -> Iterator[World]:
    files = make_hub_key(tmp_path)
    hub = laptop(tmp_path, "hub", files, {"name": "县妇联主席", "org": COUNTY, "mobile": "13800000000"})
    a = laptop(tmp_path, "a", files, {"name": "王芳", "org": TOWN_A, "mobile": "13811111111"})
    b = laptop(tmp_path, "b", files, {"name": "李娟", "org": TOWN_B, "mobile": "13822222222"})
    c = laptop(tmp_path, "c", files, {"name": "赵敏", "org": TOWN_B, "mobile": "13833333333"})
    hub.trust(a, b, c, role="cadre")
    w = World(hub, a, b, tmp_path)
    w.c = c  # type: ignore[attr-defined]
    county = hub.store.save("federation", {"name": COUNTY, "level": "county"})["id"]
    for town in (TOWN_A, TOWN_B):
        hub.store.save("federation", {"name": town, "level": "township", "parent_id": county})
    yield w
    for replica in (hub, a, b, c):
        replica.close()


def _work(store: Store, visits: int, problems: int) -> None:
    day = (date.today() - timedelta(days=3)).isoformat()
    point = store.save("liaison_point", {"name": "王家村", "kind": "village"})["id"]
    for _ in range(visits):
        store.save("visit", {"start_date": day, "liaison_point_id": point, "method": "interview"})
    for i in range(problems):
        status = "resolved" if i == 0 else "open"
        extra = {**TOLD, "explained_date": day} if status == "resolved" else {}
        store.save("problem", {"raised_date": day, "description": "缺少岗位", "category": "employment",
                               "status": status, **extra})  # fmt: skip


def test_at_a_hub_holding_three_federations_a_report_counts_one_and_is_titled_with_the_hub_s(
    hub_world: World,
) -> None:
    w = hub_world
    c = w.c  # type: ignore[attr-defined]
    _work(w.hub.store, 1, 1)
    _work(w.a.store, 2, 2)
    _work(w.b.store, 3, 1)
    _work(c.store, 4, 3)
    for laptop_ in (w.a, w.b, c):
        w.send(laptop_, w.hub)
    hub = w.hub.store
    period = figures.parse_period(str(date.today().year))

    # Most cadres here are 石港镇's: the hub's report is still the county's, and covers all three.
    whole = figures.build(hub, period)
    assert whole.federation == COUNTY and set(whole.federations) == {COUNTY, TOWN_A, TOWN_B}
    assert (whole.totals["visits"], whole.totals["problems"], whole.totals["open_problems"]) == (10, 7, 0 + 1 + 0 + 2)
    _breakdowns_add_up(whole)

    town_b = figures.build(hub, period, TOWN_B)
    assert town_b.federations == (TOWN_B,)
    assert (town_b.totals["visits"], town_b.totals["problems"], town_b.totals["open_problems"]) == (7, 4, 2)
    assert {row[0]: row[2] for row in town_b.table("by_cadre").rows} == {"李娟": 3, "赵敏": 4}
    _breakdowns_add_up(town_b)

    county_only = figures.build(hub, period, COUNTY, include_below=False)
    assert county_only.totals["visits"] == 1 and county_only.federations == (COUNTY,)


def test_a_township_s_research_draft_counts_its_own_records_only(demo: Store) -> None:
    from desktop_app.core.reports import research

    names = federations.federation_names(demo)
    county = next(n for n in names if n.endswith("妇女联合会"))
    town = sorted(n for n in names if n != county)[0]
    owners = _owners(demo, [town])
    visits = demo.conn.execute(
        "SELECT count(*) FROM visit WHERE deleted = 0 AND start_date LIKE '2026-%' "
        "AND owner_id IN (SELECT value FROM json_each(?))",
        (owners,),
    ).fetchone()[0]
    town_draft = research.build(demo, "employment", PERIOD, town)
    county_draft = research.build(demo, "employment", PERIOD, county)
    assert f"共开展走访 {visits} 次" in town_draft.situation[0]
    assert town_draft.situation[0] != county_draft.situation[0]


def test_days_on_another_federation_s_visit_are_labelled_as_such(hub_world: World) -> None:
    """A township cadre who joined the county's visit has a grassroots day and no visit in her
    township's report: a visit counts for whoever recorded it, a day for each cadre who went.
    The labels say so (走访次数 0 beside 下基层天数 1 read as a mistake)."""
    w = hub_world
    w.send(w.a, w.hub)
    hub = w.hub.store
    wang = next(c["id"] for c in hub.list_records("cadre") if c["name"] == "王芳")
    point = hub.save("liaison_point", {"name": "王家村", "kind": "village"})["id"]
    day = (date.today() - timedelta(days=2)).isoformat()
    hub.save("visit", {"start_date": day, "liaison_point_id": point, "method": "interview",
                       "cadre_ids": [hub.own_cadre()["id"], wang]})  # fmt: skip
    data = figures.build(hub, figures.parse_period(day[:4]), TOWN_A)
    assert (data.totals["visits"], data.totals["grassroots_days"]) == (0, 1)
    visits, days = figures.TOTAL_LABELS["visits"], figures.TOTAL_LABELS["grassroots_days"]
    assert "记录" in visits[0] and "recorded" in visits[1]
    assert "参与" in days[0] and "any visit" in days[1]
    assert "参与" in data.table("by_federation").columns[2]
