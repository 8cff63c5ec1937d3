"""The responsibility list and the early-warning (trend) rule for problems.

Early warning: the same category raised at ``min_points`` or more distinct
liaison points within ``window_days`` days (defaults 3 and 30, set per install
in ``meta``) is a trend. Overlapping windows of one category merge into one
warning, so a long run of reports is one flag, not dozens.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from . import enums

if TYPE_CHECKING:
    from .federations import Scope
    from .store import Store

# What a status means, said once: every list, reminder and report counts by these.
OPEN_STATUSES = ("open", "in_progress")  # still to do here: the responsibility list and reminders
SETTLED_STATUSES = ("resolved", "explained", "closed")  # done, and the woman told: counted as settled
# "escalated" is neither: handed to a higher level, settled only when its answer comes back.
DEFAULT_RULE = {"min_points": 3, "window_days": 30}


@dataclass
class Duty:
    problem_id: str
    description: str
    category: str
    responsible: str
    deadline: str | None
    status: str
    overdue: bool
    days_left: int | None


@dataclass
class TrendWarning:
    category: str
    category_label: str
    first_date: str
    last_date: str
    liaison_point_ids: list[str]
    problem_ids: list[str]


def is_settled(status: str) -> bool:
    return status in SETTLED_STATUSES


def rule(store: Store) -> dict[str, int]:
    stored = json.loads(store.meta("warning_rule") or "{}")
    return {**DEFAULT_RULE, **stored}


def set_rule(store: Store, min_points: int, window_days: int) -> None:
    if min_points < 2 or window_days < 1:
        raise ValueError("min_points ≥ 2 and window_days ≥ 1")
    store.set_meta("warning_rule", json.dumps({"min_points": min_points, "window_days": window_days}))


def responsibility_list(
    store: Store, today: date, overdue_only: bool = False, scope: Scope | None = None
) -> list[Duty]:
    """Open problems (of ``scope``'s federations, when given): overdue first (most
    overdue first), then by deadline, undated last."""
    marks = ", ".join("?" * len(OPEN_STATUSES))
    within = f" AND {scope.owned()}" if scope is not None else ""
    rows = store.conn.execute(
        f"SELECT id, description, category, coalesce(responsible, ''), deadline, status FROM problem "
        f"WHERE deleted = 0 AND status IN ({marks}){within} "
        "ORDER BY deadline IS NULL, deadline, raised_date, seq",
        (*OPEN_STATUSES, *((scope.owners_json(),) if scope is not None else ())),
    ).fetchall()
    duties = [duty for duty in (_duty(row, today) for row in rows) if duty.overdue or not overdue_only]
    duties.sort(key=lambda d: (not d.overdue, d.deadline is None, d.deadline or ""))
    return duties


def open_at(store: Store, day: date, scope: Scope) -> list[tuple[str | None, Duty]]:
    """Problems of ``scope`` open at the end of ``day`` (a report's period end),
    with who recorded each: raised by then and either open now or settled only
    later (the woman told after ``day``). The same whenever it is asked."""
    marks, settled = ", ".join("?" * len(OPEN_STATUSES)), ", ".join("?" * len(SETTLED_STATUSES))
    rows = store.conn.execute(
        "SELECT owner_id, id, description, category, coalesce(responsible, ''), deadline, status FROM problem "
        f"WHERE deleted = 0 AND raised_date <= ? AND (status IN ({marks}) "
        f"OR (status IN ({settled}) AND coalesce(explained_date, '9999') > ?)) AND {scope.owned()} "
        "ORDER BY deadline IS NULL, deadline, raised_date, seq",
        (day.isoformat(), *OPEN_STATUSES, *SETTLED_STATUSES, day.isoformat(), scope.owners_json()),
    ).fetchall()
    return [(row[0], _duty(row[1:], day)) for row in rows]


def _duty(row: Sequence[Any], on: date) -> Duty:
    """A problem (id, description, category, responsible, deadline, status) as a duty on the day
    ``on``: how many days are left to its deadline, or how late it is."""
    problem_id, description, category, responsible, deadline, status = row
    days_left = (date.fromisoformat(deadline) - on).days if deadline else None
    overdue = days_left is not None and days_left < 0
    return Duty(problem_id, description, category, responsible, deadline, status, overdue, days_left)


def trend_warnings(store: Store, min_points: int | None = None, window_days: int | None = None) -> list[TrendWarning]:
    current = rule(store)
    n = min_points or current["min_points"]
    d = window_days or current["window_days"]
    rows = store.conn.execute(
        "SELECT category, raised_date, liaison_point_id, id FROM problem "
        "WHERE deleted = 0 AND liaison_point_id IS NOT NULL ORDER BY category, raised_date, seq"
    ).fetchall()
    by_category: dict[str, list[tuple[date, str, str]]] = {}
    for category, raised, point, problem_id in rows:
        by_category.setdefault(category, []).append((date.fromisoformat(raised), point, problem_id))
    warnings = []
    for category, items in by_category.items():
        clusters: list[tuple[int, int]] = []  # index ranges [lo, hi] of flagged windows, merged
        points: Counter[str] = Counter()
        lo = 0
        for hi, (day, point, _pid) in enumerate(items):
            points[point] += 1
            while (day - items[lo][0]).days >= d:
                points[items[lo][1]] -= 1
                if not points[items[lo][1]]:
                    del points[items[lo][1]]
                lo += 1
            if len(points) >= n:
                if clusters and lo <= clusters[-1][1]:
                    clusters[-1] = (clusters[-1][0], hi)
                else:
                    clusters.append((lo, hi))
        for start, end in clusters:
            chunk = items[start : end + 1]
            warnings.append(
                TrendWarning(
                    category,
                    enums.PROBLEM_CATEGORY.label(category),
                    chunk[0][0].isoformat(),
                    chunk[-1][0].isoformat(),
                    sorted({p for _d, p, _i in chunk}),
                    [i for _d, _p, i in chunk],
                )
            )
    warnings.sort(key=lambda w: w.last_date, reverse=True)
    return warnings
