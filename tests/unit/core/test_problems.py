"""The early-warning rule and the responsibility list on hand-worked data."""

from __future__ import annotations

from datetime import date

from desktop_app.core import problems
from desktop_app.core.store import Store
from tests.record_values import TOLD

TODAY = date(2026, 11, 20)


def _points(store: Store, n: int) -> list[str]:
    return [store.save("liaison_point", {"name": f"村{i}", "kind": "village"})["id"] for i in range(n)]


def _problem(store: Store, day: str, point: str | None, category: str = "employment", **extra: object) -> str:
    return store.save(
        "problem",
        {"raised_date": day, "liaison_point_id": point, "description": "缺少就业岗位", "category": category, **extra},
    )["id"]


def test_three_points_within_thirty_days_is_a_trend(profiled: Store) -> None:
    a, b, c, d = _points(profiled, 4)
    # employment: A 09-01, B 09-15, A 09-20 (only 2 points so far), C 09-30:
    # 09-01..09-30 spans 29 days < 30 -> 3 distinct points -> warning.
    ids = [_problem(profiled, "2026-09-01", a), _problem(profiled, "2026-09-15", b),
           _problem(profiled, "2026-09-20", a), _problem(profiled, "2026-09-30", c)]  # fmt: skip
    # health: A 09-01, B 09-10, C 10-01 -> 09-01..10-01 is 30 days: outside the window; no warning.
    _problem(profiled, "2026-09-01", a, "health")
    _problem(profiled, "2026-09-10", b, "health")
    _problem(profiled, "2026-10-01", c, "health")
    # rights: three problems at the same point: one point only -> no warning.
    for day in ("2026-09-01", "2026-09-02", "2026-09-03"):
        _problem(profiled, day, d, "rights")
    # A problem without a liaison point never counts.
    _problem(profiled, "2026-09-05", None, "rights")
    warnings = problems.trend_warnings(profiled)
    assert [(w.category, w.first_date, w.last_date) for w in warnings] == [("employment", "2026-09-01", "2026-09-30")]
    assert warnings[0].liaison_point_ids == sorted([a, b, c])
    assert warnings[0].problem_ids == ids
    assert warnings[0].category_label == "就业创业"


def test_overlapping_windows_merge_and_rule_is_configurable(profiled: Store) -> None:
    a, b, c, d = _points(profiled, 4)
    for day, point in (("2026-01-01", a), ("2026-01-05", b), ("2026-01-10", c), ("2026-01-20", d), ("2026-06-01", a)):
        _problem(profiled, day, point)
    # Windows ending 01-10 and 01-20 overlap: one warning 01-01..01-20 with 4 points.
    (warning,) = problems.trend_warnings(profiled)
    assert (warning.first_date, warning.last_date, len(warning.liaison_point_ids)) == ("2026-01-01", "2026-01-20", 4)
    problems.set_rule(profiled, min_points=4, window_days=10)
    # Within 10 days no 4 distinct points -> no warning.
    assert problems.trend_warnings(profiled) == []
    assert len(problems.trend_warnings(profiled, min_points=2, window_days=10)) == 1


def test_deleted_problems_do_not_count(profiled: Store) -> None:
    a, b, c = _points(profiled, 3)
    _problem(profiled, "2026-09-01", a)
    _problem(profiled, "2026-09-02", b)
    last = _problem(profiled, "2026-09-03", c)
    assert len(problems.trend_warnings(profiled)) == 1
    profiled.delete("problem", last)
    assert problems.trend_warnings(profiled) == []


def test_responsibility_list_puts_overdue_first(profiled: Store) -> None:
    late = _problem(profiled, "2026-10-01", None, deadline="2026-11-01", responsible="王芳")
    later = _problem(profiled, "2026-10-01", None, deadline="2026-10-15", responsible="李娟")
    soon = _problem(profiled, "2026-11-01", None, deadline="2026-11-25", responsible="王芳")
    undated = _problem(profiled, "2026-11-01", None)
    _problem(profiled, "2026-10-01", None, deadline="2026-10-02", status="resolved", **TOLD)
    duties = problems.responsibility_list(profiled, TODAY)
    assert [d.problem_id for d in duties] == [later, late, soon, undated]
    assert [d.overdue for d in duties] == [True, True, False, False]
    assert duties[0].days_left == -36 and duties[2].days_left == 5
    assert [d.problem_id for d in problems.responsibility_list(profiled, TODAY, overdue_only=True)] == [
        later,
        late,
    ]
