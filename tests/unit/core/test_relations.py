"""Rules between a record and those it belongs to, on saves made here."""

from __future__ import annotations

import pytest

from desktop_app.core.errors import ValidationFailed
from desktop_app.core.store import Store
from tests.record_values import TOLD


def _refused(store: Store, kind: str, values: dict, record_id: str | None = None) -> dict[str, str]:
    with pytest.raises(ValidationFailed) as info:
        store.save(kind, values, record_id)
    return info.value.errors


def _problem(store: Store, raised: str = "2026-11-10") -> str:
    return store.save(
        "problem", {"raised_date": raised, "description": "留守妇女缺少就业岗位", "category": "employment"}
    )["id"]


def test_a_referral_cannot_be_sent_before_its_problem_was_raised(profiled: Store) -> None:
    problem = _problem(profiled)
    errors = _refused(profiled, "referral", {"problem_id": problem, "department": "民政", "sent_date": "2020-01-01"})
    assert errors == {"sent_date": "转办日期不能早于问题的发现日期（2026-11-10）"}
    referral = profiled.save("referral", {"problem_id": problem, "department": "民政", "sent_date": "2026-11-10"})
    assert _refused(profiled, "referral", {"sent_date": "2026-11-09"}, referral["id"]).keys() == {"sent_date"}
    assert profiled.count("referral") == 1


def test_she_cannot_be_told_the_result_before_the_problem_was_raised(profiled: Store) -> None:
    problem = _problem(profiled, "2026-11-15")
    errors = _refused(profiled, "problem", {"status": "resolved", **TOLD, "explained_date": "2026-11-01"}, problem)
    assert set(errors) == {"explained_date"} and "发现日期" in errors["explained_date"]


def test_an_act_of_help_counts_for_a_project_of_its_own_year_only(profiled: Store) -> None:
    woman = profiled.save("woman", {"name": "李秀英"})["id"]
    pair = profiled.save("help_pair", {"woman_id": woman})["id"]
    last_year = profiled.save("project", {"name": "春风送岗位", "year": 2025})["id"]
    act = {"help_pair_id": pair, "date": "2026-03-01", "what": "推荐就业", "project_id": last_year}
    errors = _refused(profiled, "help_log", act)
    assert errors == {
        "project_id": "实事项目“春风送岗位”是2025年度的，这次帮扶在2026年：请选2026年度的项目，或不选项目"
    }
    saved = profiled.save("help_log", {**act, "date": "2025-03-01"})
    assert _refused(profiled, "help_log", {"date": "2026-01-02"}, saved["id"]).keys() == {"project_id"}


def test_a_federation_has_one_project_of_a_name_a_year(profiled: Store) -> None:
    first = profiled.save("project", {"name": "春风送岗位", "year": 2026})
    errors = _refused(profiled, "project", {"name": "春风送岗位", "year": 2026})
    assert errors == {"name": "南通市妇女联合会2026年度已有实事项目“春风送岗位”：请打开那一条，或换个名称"}
    profiled.save("project", {"name": "春风送岗位", "year": 2027})  # next year's is another project
    profiled.save("project", {"target_jobs": 100}, first["id"])  # and the first can still be edited


def test_a_project_or_research_belongs_to_a_federation_known_here(profiled: Store) -> None:
    errors = _refused(profiled, "project", {"name": "春风送岗位", "year": 2026, "org": "南通市妇联"})  # a typo
    assert errors["org"] == "所属妇联“南通市妇联”不是本机已知的妇联，请从名单中选：南通市妇女联合会"
    cadre = profiled.own_cadre()["id"]
    assert _refused(
        profiled, "research", {"topic": "留守妇女就业", "lead_id": cadre, "org": "不存在的妇联"}
    ).keys() == {"org"}
    profiled.save("federation", {"name": "崇川区妇联"})
    profiled.save("project", {"name": "春风送岗位", "year": 2026, "org": "崇川区妇联"})


def test_research_with_a_submission_date_is_submitted(profiled: Store) -> None:
    cadre = profiled.own_cadre()["id"]
    errors = _refused(profiled, "research", {"topic": "留守妇女就业", "lead_id": cadre, "submitted_date": "2026-11-01"})
    assert set(errors) == {"status"}
    profiled.save(
        "research", {"topic": "留守妇女就业", "lead_id": cadre, "submitted_date": "2026-11-01", "status": "submitted"}
    )


def test_an_act_of_help_is_not_made_before_its_pair_was_formed(profiled: Store) -> None:
    woman = profiled.save("woman", {"name": "李秀英"})["id"]
    pair = profiled.save("help_pair", {"woman_id": woman, "start_date": "2026-03-01"})["id"]
    act = {"help_pair_id": pair, "date": "2026-02-27", "what": "推荐就业"}
    assert _refused(profiled, "help_log", act) == {"date": "日期不能早于结对帮扶的结对日期（2026-03-01）"}
    saved = profiled.save("help_log", {**act, "date": "2026-03-05"})
    assert _refused(profiled, "help_log", {"date": "2026-02-01"}, saved["id"]).keys() == {"date"}
    # Nor can the pair's date be moved past the act already kept under it.
    errors = _refused(profiled, "help_pair", {"start_date": "2026-04-01"}, pair)
    assert errors == {"start_date": "结对日期不能晚于已有帮扶记录的日期（最早 2026-03-05）：请先改那条帮扶记录"}
    profiled.save("help_pair", {"start_date": "2026-03-05"}, pair)


def test_a_problem_is_not_raised_before_the_record_it_came_from(profiled: Store) -> None:
    point = profiled.save("liaison_point", {"name": "王家村", "kind": "village"})["id"]
    visit = profiled.save("visit", {"start_date": "2026-10-10", "liaison_point_id": point, "method": "interview"})
    problem = {"description": "缺少岗位", "category": "employment", "source": "visit", "source_id": visit["id"]}
    errors = _refused(profiled, "problem", {**problem, "raised_date": "2026-10-01"})
    assert errors == {"raised_date": "发现日期不能早于走访的走访日期（2026-10-10）"}
    saved = profiled.save("problem", {**problem, "raised_date": "2026-10-12"})
    diary = profiled.save("diary", {"date": "2026-10-20", "title": "走访", "body": "留守妇女"})
    assert _refused(profiled, "problem", {"source": "diary", "source_id": diary["id"]}, saved["id"]).keys() == {
        "raised_date"
    }
    assert _refused(profiled, "visit", {"start_date": "2026-10-15"}, visit["id"]).keys() == {"start_date"}
    profiled.save("visit", {"situation": "了解就业情况"}, visit["id"])  # other fields stay editable
    # A problem raised later may not move before a referral already sent either.
    profiled.save("referral", {"problem_id": saved["id"], "department": "民政", "sent_date": "2026-10-13"})
    assert _refused(profiled, "problem", {"raised_date": "2026-10-14"}, saved["id"]).keys() == {"raised_date"}
