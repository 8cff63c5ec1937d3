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
    """One department's referrals over a period, all as at its end: what was
    waiting at the start and what was referred in it is what was answered in it
    and what was still unanswered at the end; the overdue are some of those."""

    department: str
    label: str
    waiting_at_start: int
    referred: int
    answered: int
    unanswered: int
    overdue: int


def by_department(store: Store, start: str, end: str, scope: Scope) -> list[DepartmentCount]:
    """Per department, of problems raised in ``scope``, as at ``end`` (a report
    passes the period's end, or today while the period runs): unanswered when
    the period began, referred in it, answered in it (a final answer dated in
    it), unanswered at the end; overdue at the end are the unanswered ones due
    before it whose problem was not settled by then (its unanswered referrals
    are then no reminder). The same whenever the report is made."""
    owned, owners = scope.owned("p.owner_id"), scope.owners_json()
    rows = store.conn.execute(
        "SELECT r.department, r.sent_date, r.due_date, r.outcome, r.answer_date, p.status, p.explained_date "
        "FROM referral r JOIN problem p ON p.id = r.problem_id AND p.deleted = 0 "
        f"WHERE r.deleted = 0 AND r.sent_date <= ? AND {owned}",
        (end, owners),
    ).fetchall()
    counts: dict[str, list[int]] = {}
    for department, sent, due, outcome, answer_date, status, explained in rows:
        # A final answer without its date (older records) counts from the day it was sent.
        answered_on = max(answer_date or sent, sent) if outcome in FINAL_OUTCOMES else None
        if answered_on is not None and answered_on > end:
            answered_on = None  # answered after the end: unanswered at the end
        if sent < start and answered_on is not None and answered_on < start:
            continue  # answered before the period: no part of it
        row = counts.setdefault(department, [0, 0, 0, 0, 0])
        row[0 if sent < start else 1] += 1
        if answered_on is not None:
            row[2] += 1
            continue
        row[3] += 1
        settled = status in SETTLED_STATUSES and (explained or "9999") <= end
        if due and due < end and not settled:
            row[4] += 1
    return [
        DepartmentCount(d, department_label(d), *counts[d])
        for d in sorted(counts, key=lambda d: (-counts[d][1], -counts[d][3], d))
    ]


def as_json_list(views: list[ReferralView]) -> str:
    return json.dumps([v.as_json() for v in views], ensure_ascii=False, indent=2)
