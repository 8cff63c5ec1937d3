"""Practical projects: the notices' presets, and progress computed against queries written here."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desktop_app.core import projects
from desktop_app.core.demo import generate
from desktop_app.core.errors import ValidationFailed
from desktop_app.core.store import Store


def test_the_harbin_preset_makes_the_notice_s_projects_with_its_targets_once(profiled: Store) -> None:
    own = str(profiled.own_cadre()["org"])
    made = projects.add_preset(profiled, "harbin", 2026, own)
    assert len(made) == 10
    jobs = next(p for p in projects.progress(profiled, 2026) if p.name == "春风送岗位")
    assert (jobs.targets["jobs"], jobs.targets["trained"], jobs.targets["people"]) == (30000, 10000, None)
    loans = next(p for p in projects.progress(profiled, 2026) if p.name == "妇女小额贷款兴业")
    assert loans.targets["amount"] == 50_000_000
    assert projects.add_preset(profiled, "harbin", 2026, own) == []  # already there
    assert len(projects.add_preset(profiled, "shandong", 2026, own)) == 3


def test_acts_of_help_count_for_their_project_in_its_year_only(profiled: Store) -> None:
    woman = profiled.save("woman", {"name": "李秀英"})["id"]
    pair = profiled.save("help_pair", {"woman_id": woman})["id"]
    project = profiled.save("project", {"name": "春风送岗位", "year": 2026, "target_jobs": 10})["id"]
    last_year = profiled.save("project", {"name": "春风送岗位", "year": 2025, "target_jobs": 10})["id"]
    for day, jobs, trained, which in (("2026-03-01", 3, 20, project), ("2026-05-01", 4, None, project),
                                      ("2025-06-01", 2, None, last_year)):  # fmt: skip
        profiled.save("help_log", {"help_pair_id": pair, "date": day, "what": "推荐就业", "help_type": "job",
                                   "project_id": which, "people": 1, "jobs": jobs, "trained": trained})  # fmt: skip
    with pytest.raises(ValidationFailed) as other_year:  # it would count for neither year's project
        profiled.save(
            "help_log", {"help_pair_id": pair, "date": "2025-12-30", "what": "推荐就业", "project_id": project}
        )
    assert set(other_year.value.errors) == {"project_id"} and "2025年度" in other_year.value.errors["project_id"]
    by_id = {p.id: p for p in projects.progress(profiled)}
    assert (by_id[project].acts, by_id[project].actual["jobs"], by_id[project].actual["trained"]) == (2, 7, 20)
    assert by_id[project].share("jobs") == 0.7 and by_id[project].share("people") is None
    assert (by_id[last_year].acts, by_id[last_year].actual["jobs"]) == (1, 2)
    by_march = {p.id: p for p in projects.progress(profiled, until=date(2026, 3, 31))}
    assert (by_march[project].acts, by_march[project].actual["jobs"]) == (1, 3)
    assert by_march[last_year].acts == 1  # its year ended before


def test_demo_project_progress_equals_independent_sql(tmp_path: Path) -> None:
    with Store(tmp_path / "demo.db", today=lambda: date(2026, 11, 20)) as store:
        generate.fill(store, diaries=2000, seed=5, anchor=date(2026, 11, 20))
        found = projects.progress(store, 2026)
        assert len(found) == 10 and sum(p.acts for p in found) > 0
        for p in found:
            row = store.conn.execute(
                "SELECT count(*), total(people), total(jobs), total(trained), total(amount) FROM help_log "
                "WHERE project_id = ? AND deleted = 0 AND substr(date, 1, 4) = '2026'",
                (p.id,),
            ).fetchone()
            assert (p.acts, p.actual["people"], p.actual["jobs"], p.actual["trained"]) == tuple(int(x) for x in row[:4])
            assert p.actual["amount"] == row[4]
        # About two acts in three of a project's kind count for it; none from another year.
        linked = store.conn.execute("SELECT count(*) FROM help_log WHERE project_id IS NOT NULL").fetchone()[0]
        total = store.conn.execute("SELECT count(*) FROM help_log").fetchone()[0]
        assert 0.2 < linked / total < 0.8


def test_a_project_is_picked_by_its_name_and_year(profiled: Store) -> None:
    from desktop_app.core.lists import names

    this_year = profiled.save("project", {"name": "春风送岗位", "year": 2026})["id"]
    last_year = profiled.save("project", {"name": "春风送岗位", "year": 2025})["id"]
    assert sorted(names.lookup(profiled, "project", "春风")) == sorted(
        [(this_year, "春风送岗位（2026）"), (last_year, "春风送岗位（2025）")]
    )
    assert names.lookup(profiled, "project", "春风送岗位（2025）") == [(last_year, "春风送岗位（2025）")]
