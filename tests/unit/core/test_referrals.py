"""A referral's whole chain across laptops: a cadre refers a problem, the answer is
overdue, the county records the answer it received, the cadre's laptop gets it
back, and the problem closes only once the woman has been told."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from desktop_app.core import followups, referrals
from desktop_app.core.errors import ValidationFailed
from desktop_app.core.store import Store
from desktop_app.core.sync import proposals
from tests.sync_helpers import World, make_world


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    w = make_world(tmp_path)
    yield w
    w.close()


def _days_ago(n: int) -> str:
    return (date.today() - timedelta(days=n)).isoformat()


def _refer(store: Store, department: str = "民政", due_in: int = 30, sent_ago: int = 40) -> tuple[str, str]:
    problem = store.save(
        "problem",
        {"raised_date": _days_ago(45), "description": "单亲母亲李秀英住房破旧，急需改建", "category": "poverty_relief",
         "disposition": "escalate", "status": "escalated"},
    )["id"]  # fmt: skip
    referral = store.save(
        "referral",
        {"problem_id": problem, "department": department, "sent_date": _days_ago(sent_ago),
         "note": "关于李秀英住房改建的情况反映", "due_date": _days_ago(sent_ago - due_in)},
    )["id"]  # fmt: skip
    return problem, referral


def test_refer_remind_answer_at_the_hub_and_close_with_an_explanation(world: World) -> None:
    a, hub = world.a.store, world.hub.store
    problem, referral = _refer(a)  # sent 40 days ago, due 10 days ago
    today = date.today()

    # The reminder: on her follow-up list and in `fuqing referrals --overdue`.
    due = [f for f in followups.due_followups(a, today, cadre_id=a.own_cadre_id) if f.kind == "referral"]
    assert [(f.record_id, f.overdue, f.detail) for f in due] == [(referral, True, "民政")]
    [late] = referrals.referral_list(a, today, overdue_only=True)
    assert (late.id, late.state, late.days_overdue, late.department) == (referral, "awaiting", 10, "civil_affairs")

    # The county sees the whole chain, and records the answer the department sent it.
    world.send(world.a, world.hub)
    assert hub.get("referral", referral)["problem_id"] == problem
    assert [v.id for v in referrals.referral_list(hub, today, overdue_only=True)] == [referral]
    hub.save(
        "referral",
        {"answer_date": _days_ago(2), "answer": "已纳入危房改造计划，年底前完工", "outcome": "solved"},
        referral,
    )
    assert referrals.referral_list(hub, today, overdue_only=True) == []

    # Back on her laptop: the answer arrived as the county wrote it, the reminder is gone.
    result = world.send(world.hub, world.a)
    assert result.ok and result.held == 0, result.summary()
    answered = a.get("referral", referral)
    assert (answered["outcome"], answered["answer"]) == ("solved", "已纳入危房改造计划，年底前完工")
    assert referrals.referral_list(a, today, overdue_only=True) == []
    assert not [f for f in followups.due_followups(a, today) if f.kind == "referral"]

    # Closing needs what she told the woman (解释工作), and when.
    with pytest.raises(ValidationFailed) as refused:
        a.save("problem", {"status": "resolved", "resolution": "危房改造已列入计划"}, problem)
    assert set(refused.value.errors) == {"explanation", "explained_date"}
    assert a.get("problem", problem)["status"] == "escalated"  # nothing saved
    a.save(
        "problem",
        {"status": "resolved", "resolution": "危房改造已列入计划", "explanation": "已上门说明改造安排，本人表示理解",
         "explained_date": _days_ago(1), "feedback": "satisfied"},
        problem,
    )  # fmt: skip
    world.send(world.a, world.hub)
    closed = hub.get("problem", problem)
    assert (closed["status"], closed["feedback"]) == ("resolved", "satisfied")
    assert closed["explanation"] == "已上门说明改造安排，本人表示理解"


def test_an_interim_answer_keeps_the_referral_waiting(world: World) -> None:
    a = world.a.store
    _problem, referral = _refer(a)
    a.save("referral", {"answer_date": _days_ago(5), "answer": "正在核实", "outcome": "in_progress"}, referral)
    [view] = referrals.referral_list(a, date.today())
    assert (view.state, view.overdue) == ("in_progress", True)


def test_a_department_the_federation_adds_is_kept_as_typed_and_offered_again(world: World) -> None:
    a = world.a.store
    _refer(a, department="区残联")
    _refer(a, department="Civil affairs")  # the English label of a built-in one: stored as its code
    stored = {row[0] for row in a.conn.execute("SELECT department FROM referral")}
    assert stored == {"区残联", "civil_affairs"}
    offered = referrals.departments(a)
    assert offered[-1] == "区残联" and "民政" in offered and offered.count("区残联") == 1


def test_an_answer_needs_its_date_and_outcome_and_cannot_precede_the_referral(world: World) -> None:
    a = world.a.store
    _problem, referral = _refer(a)
    with pytest.raises(ValidationFailed) as no_outcome:
        a.save("referral", {"answer": "已办理", "answer_date": _days_ago(1)}, referral)
    assert set(no_outcome.value.errors) == {"outcome"}
    with pytest.raises(ValidationFailed) as too_early:
        a.save("referral", {"answer": "已办理", "answer_date": _days_ago(60), "outcome": "solved"}, referral)
    assert set(too_early.value.errors) == {"answer_date"}
    with pytest.raises(ValidationFailed) as no_answer:  # an outcome says what the department answered
        a.save("referral", {"answer_date": _days_ago(1), "outcome": "solved"}, referral)
    assert set(no_answer.value.errors) == {"answer"}


def test_another_cadre_cannot_rewrite_her_referral_but_the_hub_can(world: World) -> None:
    a, b = world.a.store, world.b.store
    _problem, referral = _refer(a)
    world.send(world.a, world.hub)
    world.send(world.hub, world.b)
    b.save("referral", {"answer_date": _days_ago(1), "answer": "不予解决", "outcome": "refused"}, referral)
    result = world.send(world.b, world.hub)
    assert result.held == 1
    assert ("referral", referral, "not_admin") in {
        (p.record_type, p.record_id, p.reason) for p in proposals.listed(world.hub.store)
    }
    assert world.hub.store.get("referral", referral)["outcome"] is None


def test_a_referral_of_a_settled_problem_is_listed_but_no_longer_a_reminder(world: World) -> None:
    a = world.a.store
    problem, referral = _refer(a)  # due 10 days ago, never answered
    _other, still_late = _refer(a, department="人社")
    a.save(
        "problem",
        {"status": "resolved", "resolution": "村里自筹资金改建", "explanation": "已上门说明，本人满意",
         "explained_date": _days_ago(3)},
        problem,
    )  # fmt: skip
    today = date.today()
    assert [v.id for v in referrals.referral_list(a, today, overdue_only=True)] == [still_late]
    due = [f.record_id for f in followups.due_followups(a, today) if f.kind == "referral"]
    assert due == [still_late]
    [view] = referrals.referral_list(a, today, problem_id=problem)
    assert (view.id, view.state, view.overdue, view.days_overdue) == (referral, "problem_settled", False, 0)
    assert view.state_label == "问题已办结"
