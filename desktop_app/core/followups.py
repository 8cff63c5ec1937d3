"""What a cadre must follow up: next dates from help logs, problem deadlines,
referrals whose answer is due."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from .problems import OPEN_STATUSES, SETTLED_STATUSES
from .referrals import FINAL_OUTCOMES, department_label

if TYPE_CHECKING:
    from .store import Store


@dataclass
class FollowUp:
    kind: str  # "help_log", "problem" or "referral"
    record_id: str  # the help pair or the problem to open
    due: str
    title: str
    detail: str
    overdue: bool


def due_followups(store: Store, today: date, days_ahead: int = 7, cadre_id: str | None = None) -> list[FollowUp]:
    """Overdue and upcoming (within ``days_ahead``) follow-ups, most urgent first.

    A help pair is due by the next date of its latest act of help, and only
    while the pair is active: a later log replaces the earlier plan. With
    ``cadre_id``: only that cadre's pairs and the problems she is responsible for.
    """
    conn = store.conn
    horizon = (today + timedelta(days=days_ahead)).isoformat()
    found: list[FollowUp] = []
    mine = ""
    params: tuple[object, ...] = (horizon,)
    if cadre_id:
        mine = " AND h.id IN (SELECT help_pair_id FROM help_pair_cadre WHERE cadre_id = ? AND deleted = 0)"
        params = (horizon, cadre_id)
    # The latest act of help of each pair sets the plan: the latest date, and on
    # one date the act entered last (its clock stamp).
    rows = conn.execute(
        "WITH latest AS (SELECT help_pair_id, next_date, next_step FROM ("
        "SELECT help_pair_id, next_date, next_step, row_number() OVER "
        "(PARTITION BY help_pair_id ORDER BY date DESC, hlc DESC) AS n FROM help_log WHERE deleted = 0) WHERE n = 1) "
        "SELECT h.id, l.next_date, l.next_step, coalesce(w.name, p.name, '') FROM latest l "
        "JOIN help_pair h ON h.id = l.help_pair_id "
        "LEFT JOIN woman w ON w.id = h.woman_id LEFT JOIN liaison_point p ON p.id = h.liaison_point_id "
        "WHERE h.deleted = 0 AND h.status = 'active' AND l.next_date IS NOT NULL AND l.next_date <= ?" + mine,
        params,
    )
    for pair_id, next_date, next_step, target in rows:
        found.append(FollowUp("help_log", pair_id, next_date, target, next_step or "", next_date < today.isoformat()))
    marks = ", ".join("?" * len(OPEN_STATUSES))
    responsible = ""
    problem_params: tuple[object, ...] = (*OPEN_STATUSES, horizon)
    if cadre_id:
        responsible = " AND responsible = (SELECT name FROM cadre WHERE id = ?)"
        problem_params = (*problem_params, cadre_id)
    rows = conn.execute(
        f"SELECT id, deadline, description, coalesce(responsible, '') FROM problem "
        f"WHERE deleted = 0 AND status IN ({marks}) AND deadline IS NOT NULL AND deadline <= ?" + responsible,
        problem_params,
    )
    for problem_id, deadline, description, responsible in rows:
        found.append(FollowUp("problem", problem_id, deadline, description, responsible, deadline < today.isoformat()))
    found.extend(_referrals_due(store, today, horizon, cadre_id))
    found.sort(key=lambda f: (f.due, f.kind))
    return found


def _referrals_due(store: Store, today: date, horizon: str, cadre_id: str | None) -> list[FollowUp]:
    """Referrals still waiting for a final answer, due by ``horizon``, of problems not
    yet settled (once the woman has been told, the answer is not awaited); with
    ``cadre_id``: those she sent or that concern a problem she recorded."""
    marks = ", ".join("?" * len(FINAL_OUTCOMES))
    settled = ", ".join("?" * len(SETTLED_STATUSES))
    mine = " AND (r.owner_id = ? OR p.owner_id = ?)" if cadre_id else ""
    rows = store.conn.execute(
        "SELECT r.id, r.due_date, r.department, p.description FROM referral r "
        f"JOIN problem p ON p.id = r.problem_id AND p.deleted = 0 AND p.status NOT IN ({settled}) "
        f"WHERE r.deleted = 0 AND coalesce(r.outcome, '') NOT IN ({marks}) AND r.due_date IS NOT NULL "
        "AND r.due_date <= ?" + mine,
        (*SETTLED_STATUSES, *FINAL_OUTCOMES, horizon, *((cadre_id, cadre_id) if cadre_id else ())),
    )
    return [
        # As the other rows: the problem first, then who is to act (the department).
        FollowUp("referral", rid, due, description, department_label(department), due < today.isoformat())
        for rid, due, department, description in rows
    ]
