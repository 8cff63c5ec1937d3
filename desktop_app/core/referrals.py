"""Referrals (转办/反馈): a problem sent to the department that can solve it, and its answer.

A referral waits for an answer until one comes with a final outcome (solved,
refused or explained to the woman); "in progress" is an interim answer and the
referral still waits. A waiting referral whose due date has passed is overdue:
that is the reminder on the home page, in ``fuqing referrals --overdue`` and in
reports. Once its problem is settled (the woman has been told), a referral still
without its answer is no longer a reminder: it is listed as "problem settled".
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from . import enums
from .i18n import pick
from .lists import names
from .problems import SETTLED_STATUSES

if TYPE_CHECKING:
    from .federations import Scope
    from .store import Store

FINAL_OUTCOMES = ("solved", "refused", "explained")
AWAITING, IN_PROGRESS, ANSWERED = "awaiting", "in_progress", "answered"
PROBLEM_SETTLED = "problem_settled"  # no final answer, but nothing left to wait for
STATE_LABELS = {
    AWAITING: ("待答复", "Awaiting answer"),
    IN_PROGRESS: ("办理中", "In progress"),
    ANSWERED: ("已答复", "Answered"),
    PROBLEM_SETTLED: ("问题已办结", "Problem settled"),
}


def department_label(value: str | None) -> str:
    """A built-in department in the reader's language; a department a federation added, as typed."""
    if not value:
        return ""
    return enums.DEPARTMENT.label(value, pick("zh", "en"))


def departments(store: Store) -> list[str]:
    """What the department picker offers: the built-in list, then every name used before."""
    return [label for _value, label in names.open_choices(store, "referral", "department")]


def state_of(outcome: str | None, problem_status: str | None = None) -> str:
    if outcome in FINAL_OUTCOMES:
        return ANSWERED
    if problem_status in SETTLED_STATUSES:
        return PROBLEM_SETTLED
    return IN_PROGRESS if outcome == "in_progress" else AWAITING


@dataclass
class ReferralView:
    id: str
    problem_id: str
    problem: str
    department: str
    department_label: str
    sent_date: str
    due_date: str | None
    answer_date: str | None
    outcome: str | None
    state: str
    overdue: bool
    days_overdue: int

    @property
    def state_label(self) -> str:
        return pick(*STATE_LABELS[self.state])

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def referral_list(
    store: Store, today: date, overdue_only: bool = False, problem_id: str | None = None
) -> list[ReferralView]:
    """Live referrals of live problems, overdue first, then by due date and date sent."""
    where = ["r.deleted = 0"]
    params: list[object] = []
    if problem_id is not None:
        where.append("r.problem_id = ?")
        params.append(problem_id)
    rows = store.conn.execute(
        "SELECT r.id, r.problem_id, substr(p.description, 1, 80), r.department, r.sent_date, r.due_date, "
        "r.answer_date, r.outcome, p.status FROM referral r JOIN problem p ON p.id = r.problem_id AND p.deleted = 0 "
        f"WHERE {' AND '.join(where)}",
        params,
    ).fetchall()
    found = []
    for rid, pid, problem, department, sent, due, answered, outcome, status in rows:
        state = state_of(outcome, status)
        late = (today - date.fromisoformat(due)).days if due and state in (AWAITING, IN_PROGRESS) else 0
        view = ReferralView(rid, pid, problem, department, department_label(department), sent, due, answered,
                            outcome, state, late > 0, max(late, 0))  # fmt: skip
        if view.overdue or not overdue_only:
            found.append(view)
    found.sort(key=lambda v: (not v.overdue, v.due_date or "9999", v.sent_date, v.id))
    return found


@dataclass
class DepartmentCount:
    department: str
    label: str
    referred: int
    answered: int
    waiting: int
    overdue: int


def by_department(store: Store, start: str, end: str, scope: Scope) -> list[DepartmentCount]:
    """Per department, of problems raised in ``scope``: the referrals sent in the
    period, how many of those were answered and are still waiting; and how many
    were overdue at the period's end (sent by then, due before it, with no final
    answer dated by then, their problem not settled by then): like the report's
    overdue problems, the same whenever the report is made."""
    owned, owners = scope.owned("p.owner_id"), scope.owners_json()
    rows = store.conn.execute(
        "SELECT r.department, r.outcome FROM referral r "
        "JOIN problem p ON p.id = r.problem_id AND p.deleted = 0 "
        f"WHERE r.deleted = 0 AND r.sent_date BETWEEN ? AND ? AND {owned}",
        (start, end, owners),
    ).fetchall()
    referred: Counter[str] = Counter()
    answered: Counter[str] = Counter()
    for department, outcome in rows:
        referred[department] += 1
        if state_of(outcome) == ANSWERED:
            answered[department] += 1
    finals, settled = ", ".join("?" * len(FINAL_OUTCOMES)), ", ".join("?" * len(SETTLED_STATUSES))
    overdue: Counter[str] = Counter(
        dict(
            store.conn.execute(
                "SELECT r.department, count(*) FROM referral r JOIN problem p ON p.id = r.problem_id AND p.deleted = 0 "
                "WHERE r.deleted = 0 AND r.sent_date <= ? AND r.due_date < ? "
                f"AND NOT (coalesce(r.outcome, '') IN ({finals}) AND coalesce(r.answer_date, '') <= ?) "
                f"AND NOT (p.status IN ({settled}) AND coalesce(p.explained_date, '9999') <= ?) AND {owned} "
                "GROUP BY r.department",
                (end, end, *FINAL_OUTCOMES, end, *SETTLED_STATUSES, end, owners),
            ).fetchall()
        )
    )
    return [
        DepartmentCount(d, department_label(d), referred[d], answered[d], referred[d] - answered[d], overdue[d])
        for d in sorted(set(referred) | set(overdue), key=lambda d: (-referred[d], -overdue[d], d))
    ]


def as_json_list(views: list[ReferralView]) -> str:
    return json.dumps([v.as_json() for v in views], ensure_ascii=False, indent=2)
