"""Each preset on constructed data whose right answer is worked out by hand."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.core import quotas
from desktop_app.core.store import Store


def _point(store: Store, kind: str, n: int = 0) -> str:
    return store.save("liaison_point", {"name": f"{kind}{n}", "kind": kind})["id"]


def _items(progress: list[quotas.CadreProgress], cadre_id: str) -> dict[str, tuple[int, bool]]:
    cadre = next(p for p in progress if p.cadre_id == cadre_id)
    return {i.key: (i.actual, i.met) for i in cadre.items}


@pytest.fixture
def cadres(profiled: Store) -> tuple[str, str]:
    leader = profiled.save("cadre", {"name": "赵主席", "org": "妇联", "is_leader": True})["id"]
    return str(profiled.own_cadre_id), leader


def test_beijing_counts_linked_points_by_kind(profiled: Store, cadres: tuple[str, str]) -> None:
    me, leader = cadres
    # Leader: 1 district, 2 townships, 4 villages, 6 households -> all met.
    kinds = ["district"] + ["township"] * 2 + ["village"] * 4 + ["household"] * 6
    for i, kind in enumerate(kinds):
        profiled.save("liaison_point", {"name": f"L{i}", "kind": kind, "cadre_ids": [leader]})
    # Me: 1 township and 3 villages, one of which is later deleted -> 2 villages.
    profiled.save("liaison_point", {"name": "T", "kind": "township", "cadre_ids": [me]})
    villages = [
        profiled.save("liaison_point", {"name": f"V{i}", "kind": "village", "cadre_ids": [me]}) for i in range(3)
    ]
    profiled.delete("liaison_point", villages[0]["id"])
    progress = quotas.progress(profiled, "beijing", 2026)
    assert _items(progress, leader) == {
        "points_district": (1, True), "points_township": (2, True),
        "points_village": (4, True), "points_household": (6, True),
    }  # fmt: skip
    assert _items(progress, me) == {
        "points_district": (0, False), "points_township": (1, False),
        "points_village": (2, False), "points_household": (0, False),
    }  # fmt: skip
    assert next(p for p in progress if p.cadre_id == leader).met


def test_harbin_days_count_distinct_days_and_stays(profiled: Store, cadres: tuple[str, str]) -> None:
    me, leader = cadres
    point = _point(profiled, "village")

    def visit(start: str, end: str | None, method: str, who: list[str]) -> None:
        profiled.save("visit", {"start_date": start, "end_date": end, "liaison_point_id": point,
                                "method": method, "cadre_ids": who})  # fmt: skip

    # Leader: a stay 2026-03-01..03-08 (8 days), a visit on 03-05 (inside the
    # stay: no new day), one on 04-01, and a stay from 2025-12-30 to 2026-01-02
    # (2 days fall in 2026). Distinct 2026 days: 8 + 1 + 2 = 11. Longest 2026
    # stay: 8 days (the one starting in 2025 does not count for 2026).
    visit("2026-03-01", "2026-03-08", "stay", [leader])
    visit("2026-03-05", None, "interview", [leader, me])
    visit("2026-04-01", None, "group_talk", [leader])
    visit("2025-12-30", "2026-01-02", "stay", [leader])
    # Me: 03-05 (shared) and a 5-day stay: 1 + 5 = 6 days; longest stay 5 < 7.
    visit("2026-06-10", "2026-06-14", "stay", [me])
    progress = quotas.progress(profiled, "harbin", 2026)
    assert _items(progress, leader) == {"grassroots_days": (11, False), "longest_stay_days": (8, True)}
    mine = next(p for p in progress if p.cadre_id == me)
    days = next(i for i in mine.items if i.key == "grassroots_days")
    assert (days.actual, days.applies, days.met) == (6, False, True)  # not a leader: the 60 days do not apply
    assert _items(progress, me)["longest_stay_days"] == (5, False)
    assert quotas.grassroots_days(profiled, date(2025, 1, 1), date(2025, 12, 31)) == {leader: 2}


def test_shandong_counts_each_duty(profiled: Store, cadres: tuple[str, str]) -> None:
    me, _leader = cadres
    village = profiled.save("liaison_point", {"name": "V", "kind": "village", "cadre_ids": [me]})["id"]
    for i in range(2):
        profiled.save("liaison_point", {"name": f"O{i}", "kind": "women_org", "cadre_ids": [me]})
    woman = profiled.save("woman", {"name": "李秀英", "liaison_point_id": village})["id"]
    other = profiled.save("woman", {"name": "王芳芳", "liaison_point_id": village})["id"]
    profiled.save("help_pair", {"woman_id": woman, "cadre_ids": [me]})
    profiled.save("help_pair", {"woman_id": woman, "cadre_ids": [me]})  # same woman again: still 1
    profiled.save("help_pair", {"woman_id": other, "cadre_ids": [me, _leader]})  # many-to-one: not counted
    profiled.save("diary", {"title": "日记", "body": "正文", "date": "2026-05-01"})
    profiled.save("diary", {"title": "去年", "body": "正文", "date": "2025-05-01"})
    profiled.save("diary", {"title": "调研", "body": "报告", "date": "2026-06-01", "tags": ["调研报告"]})  # a tag: no
    # Research reports count as records: submitted in the year, by their lead.
    profiled.save(
        "research", {"topic": "就业调研", "lead_id": me, "status": "submitted", "submitted_date": "2026-07-01"}
    )
    profiled.save("research", {"topic": "在写", "lead_id": me, "status": "drafting"})
    profiled.save("research", {"topic": "去年", "lead_id": me, "status": "submitted", "submitted_date": "2025-07-01"})
    profiled.save(
        "research", {"topic": "别人的", "lead_id": _leader, "status": "submitted", "submitted_date": "2026-07-01"}
    )
    items = _items(quotas.progress(profiled, "shandong", 2026), me)
    assert items == {
        "points_any": (3, True), "one_to_one_pairs": (1, True), "diaries": (2, True),
        "research_reports": (1, True), "points_women_org": (2, True), "points_enterprise": (0, False),
    }  # fmt: skip


def test_targets_can_be_changed_per_federation(profiled: Store, cadres: tuple[str, str]) -> None:
    me, _ = cadres
    profiled.save("liaison_point", {"name": "E", "kind": "enterprise", "cadre_ids": [me]})
    quotas.set_target(profiled, "shandong", "points_enterprise", 2)
    items = {i.key: i for i in next(p for p in quotas.progress(profiled, "shandong", 2026) if p.cadre_id == me).items}
    assert (items["points_enterprise"].target, items["points_enterprise"].met) == (2, False)
    with pytest.raises(ValueError):
        quotas.set_target(profiled, "shandong", "nonsense", 1)
