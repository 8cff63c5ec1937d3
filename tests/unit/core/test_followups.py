"""Follow-up reminders (``core/followups.py``): the next date of a help pair's
latest act of help and open problems' deadlines, overdue and within the days
ahead, only active pairs, filtered to one cadre, most urgent first.

Today is FIXED_TODAY (2026-11-20); seven days ahead ends on 2026-11-27."""

from __future__ import annotations

from desktop_app.core.followups import FollowUp, due_followups
from desktop_app.core.store import Store
from tests.conftest import FIXED_TODAY
from tests.record_values import TOLD


def _woman(store: Store, name: str) -> str:
    return str(store.save("woman", {"name": name})["id"])


def _pair(store: Store, woman: str, cadre: str, status: str = "active") -> str:
    return str(store.save("help_pair", {"woman_id": woman, "cadre_ids": [cadre], "status": status})["id"])


def _log(store: Store, pair: str, day: str, next_date: str | None, next_step: str | None = None) -> None:
    store.save("help_log", {"help_pair_id": pair, "date": day, "what": "上门走访",
                            "next_date": next_date, "next_step": next_step})  # fmt: skip


def _problem(store: Store, text: str, deadline: str | None, responsible: str, status: str = "open") -> str:
    values = {"raised_date": "2026-11-01", "description": text, "category": "employment",
              "deadline": deadline, "responsible": responsible, "status": status}  # fmt: skip
    if status == "resolved":  # settled only once the woman was told
        values.update(explanation="已当面告知办理结果", explained_date="2026-11-01")
    return str(store.save("problem", values)["id"])


def _rows(found: list[FollowUp]) -> list[tuple[str, str, str, str, str, bool]]:
    return [(f.kind, f.record_id, f.due, f.title, f.detail, f.overdue) for f in found]


def _campaign(store: Store) -> dict[str, str]:
    """王芳 (the profile) and 李娜, their pairs and problems; what each is for is said beside it."""
    wang = str(store.own_cadre_id)
    li = str(store.save("cadre", {"name": "李娜", "org": "海门区妇联"})["id"])
    ids: dict[str, str] = {"wang": wang, "li": li}
    # 王芳's pair: the earlier plan (11-10, overdue) is replaced by the later log's 11-27 (last day ahead).
    ids["a"] = _pair(store, _woman(store, "李秀英"), wang)
    _log(store, ids["a"], "2026-10-01", "2026-11-10", "回访就业情况")
    _log(store, ids["a"], "2026-11-01", "2026-11-27", "送小额贷款材料")
    # 李娜's pair: overdue since 11-15.
    ids["b"] = _pair(store, _woman(store, "张桂兰"), li)
    _log(store, ids["b"], "2026-11-05", "2026-11-15", "电话回访")
    # Not due: a completed pair; a pair whose latest log plans nothing; one day past the horizon.
    _log(store, _pair(store, _woman(store, "赵兰"), wang, "completed"), "2026-11-01", "2026-11-12")
    e = _pair(store, _woman(store, "孙丽"), wang)
    _log(store, e, "2026-11-01", "2026-11-10")
    _log(store, e, "2026-11-15", None)
    ids["d"] = _pair(store, _woman(store, "周敏"), wang)
    _log(store, ids["d"], "2026-11-10", "2026-11-28", "培训结业")
    # Problems: 王芳's overdue one, 李娜's due today (not yet overdue).
    ids["p1"] = _problem(store, "留守妇女缺少就业岗位", "2026-11-18", "王芳")
    ids["p2"] = _problem(store, "女大学生村干部培训", "2026-11-20", "李娜", "in_progress")
    # Not due: settled, escalated, no deadline.
    _problem(store, "已解决的问题", "2026-11-01", "王芳", "resolved")
    _problem(store, "已上报的问题", "2026-11-01", "王芳", "escalated")
    _problem(store, "没有时限的问题", None, "王芳")
    return ids


def test_overdue_and_upcoming_most_urgent_first(profiled: Store) -> None:
    ids = _campaign(profiled)
    assert _rows(due_followups(profiled, FIXED_TODAY)) == [
        ("help_log", ids["b"], "2026-11-15", "张桂兰", "电话回访", True),
        ("problem", ids["p1"], "2026-11-18", "留守妇女缺少就业岗位", "王芳", True),
        ("problem", ids["p2"], "2026-11-20", "女大学生村干部培训", "李娜", False),
        ("help_log", ids["a"], "2026-11-27", "李秀英", "送小额贷款材料", False),
    ]


def test_days_ahead_widens_the_horizon(profiled: Store) -> None:
    ids = _campaign(profiled)
    found = due_followups(profiled, FIXED_TODAY, days_ahead=8)
    assert [(f.record_id, f.due) for f in found][-1] == (ids["d"], "2026-11-28")
    assert len(found) == 5
    # Zero days ahead: only what is due today or earlier.
    assert [f.due for f in due_followups(profiled, FIXED_TODAY, days_ahead=0)] == ["2026-11-15", "2026-11-18",
                                                                                  "2026-11-20"]  # fmt: skip


def test_cadre_filter_keeps_her_pairs_and_the_problems_she_is_responsible_for(profiled: Store) -> None:
    ids = _campaign(profiled)
    mine = due_followups(profiled, FIXED_TODAY, cadre_id=ids["wang"])
    assert [(f.kind, f.record_id) for f in mine] == [("problem", ids["p1"]), ("help_log", ids["a"])]
    hers = due_followups(profiled, FIXED_TODAY, cadre_id=ids["li"])
    assert [(f.kind, f.record_id) for f in hers] == [("help_log", ids["b"]), ("problem", ids["p2"])]


def test_pairs_that_stop_being_active_or_are_deleted_drop_out(profiled: Store) -> None:
    ids = _campaign(profiled)
    profiled.save("help_pair", {"status": "paused"}, ids["b"])
    profiled.delete("help_pair", ids["a"])
    profiled.save("problem", {"status": "resolved", **TOLD}, ids["p1"])
    assert _rows(due_followups(profiled, FIXED_TODAY)) == [
        ("problem", ids["p2"], "2026-11-20", "女大学生村干部培训", "李娜", False),
    ]


def test_on_the_same_day_the_log_entered_last_sets_the_plan(profiled: Store) -> None:
    # Morning: a visit plans a call-back on 11-18. Afternoon, same date: the call
    # happened early and the next step moves to 11-25. The morning plan is stale.
    pair = _pair(profiled, _woman(profiled, "李秀英"), str(profiled.own_cadre_id))
    _log(profiled, pair, "2026-11-15", "2026-11-18", "电话回访")
    _log(profiled, pair, "2026-11-15", "2026-11-25", "送小额贷款材料")
    assert _rows(due_followups(profiled, FIXED_TODAY)) == [
        ("help_log", pair, "2026-11-25", "李秀英", "送小额贷款材料", False),
    ]


def test_a_pair_helping_an_organisation_is_titled_by_its_liaison_point(profiled: Store) -> None:
    point = profiled.save("liaison_point", {"name": "王家村妇女之家", "kind": "women_org"})["id"]
    pair = profiled.save("help_pair", {"target_kind": "women_org", "liaison_point_id": point})["id"]
    _log(profiled, pair, "2026-11-10", "2026-11-21", None)
    assert _rows(due_followups(profiled, FIXED_TODAY)) == [
        ("help_log", pair, "2026-11-21", "王家村妇女之家", "", False),
    ]
