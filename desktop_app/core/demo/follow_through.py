"""Demo records for what follows a visit: the federations' tree, practical
projects, referrals and their answers, the women's feedback, research reports.

Drawn from a random stream of their own, so adding them left the older demo
records (and their ids) as they were for a given seed.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from .. import enums, projects
from . import text as t

Base = Callable[[date], dict[str, Any]]
Put = Callable[[str, list[dict[str, Any]]], None]

FEEDBACK_NOTES = [
    "帮扶很及时，很感谢",
    "希望多来村里看看",
    "问题解决了一半，还在等",
    "办事效率可以再提高",
    "说得很清楚，理解了",
]
EXPLANATIONS = [
    "已上门向本人说明办理结果，本人表示理解",
    "电话告知办理进展和结果，并解释了相关政策",
    "在妇女之家当面反馈，解释了不能马上解决的原因和下一步安排",
    "已书面答复本人，并约定一个月后回访",
]
# A department's answer, by the outcome it gives (答复结果).
ANSWERS = {
    "solved": ["已纳入低保复核，下月起发放", "已协调用人单位补签劳动合同", "已安排法律援助律师跟进"],
    "in_progress": ["正在调查核实，预计月底前答复", "已列入明年民生实事项目统筹解决"],
    "refused": ["经核查不符合条件，已说明政策依据", "不属于本部门职责范围，建议向县民政局反映"],
    "explained": ["已向本人解释相关政策和办理条件", "已当面说明情况，本人表示理解"],
}
OUTCOME_MIX = ["solved"] * 6 + ["in_progress", "refused", "explained", "explained"]
FEEDBACK_MIX = ["satisfied"] * 7 + ["fairly_satisfied"] * 3 + ["dissatisfied"]
TOPICS = [
    "农村留守妇女就业创业状况调研",
    "妇女“两癌”筛查后续救助情况调研",
    "家庭暴力预防与干预机制调研",
    "空巢老人家庭照护需求调研",
    "妇女小额贷款使用成效调研",
    "农村妇女参选参政情况调研",
]


def federation_names(rng: random.Random, city: str, district: str) -> list[str]:
    """The county federation, then two township federations below it."""
    towns = rng.sample(t.TOWN_STEMS, 2)
    return [f"{city}{district}妇女联合会", *(f"{district}{town}镇妇联" for town in towns)]


def federations(base: Base, put: Put, names: list[str], day: date, owner: str) -> None:
    county = {**base(day), "name": names[0], "level": "county", "parent_id": None, "owner_id": owner}
    towns = [
        {**base(day), "name": n, "level": "township", "parent_id": county["id"], "owner_id": owner} for n in names[1:]
    ]
    put("federation", [county, *towns])


def project_rows(base: Base, put: Put, org: str, year: int, owner: str) -> list[dict[str, Any]]:
    """The Harbin notice's projects for the county this year and last."""
    rows = []
    for y in (year - 1, year):
        for p in projects.PRESETS["harbin"].projects:
            targets = {f"target_{m}": v for m, v in p.targets.items()}
            row = {**base(date(y, 1, 5)), "name": p.name, "org": org, "year": y, "target_people": None,
                   "target_jobs": None, "target_trained": None, "target_amount": None, **targets,
                   "notes": None, "owner_id": owner}  # fmt: skip
            rows.append(row)
    put("project", rows)
    return rows


# Which project an act of help counts for, by its help type.
_PROJECT_FOR = {
    "job": "春风送岗位",
    "technology": "百万妇女素养提升",
    "funding": "妇女小额贷款兴业",
    "legal": "贫困妇女法律援助",
    "health": "妇女健康援助（含“两癌”筛查）",
    "warmth": "贫困母亲救助",
}


def link_to_project(rng: random.Random, log: dict[str, Any], project_rows: list[dict[str, Any]]) -> None:
    """About two acts of help in three count for the project of their kind and year."""
    name = _PROJECT_FOR.get(str(log.get("help_type")))
    year = int(str(log["date"])[:4])
    match = next((p for p in project_rows if p["name"] == name and p["year"] == year), None)
    if match is None or rng.random() < 0.35:
        log.update(project_id=None, people=None, jobs=None, trained=None)
        return
    log.update(
        project_id=match["id"],
        people=rng.randrange(1, 4),
        jobs=rng.randrange(1, 6) if log["help_type"] == "job" else None,
        trained=rng.randrange(5, 40) if log["help_type"] in ("job", "technology") else None,
    )


def pair_feedback(rng: random.Random, pair: dict[str, Any]) -> None:
    """Most finished pairs and about half the running ones have the woman's word."""
    asked = pair["status"] == "completed" or (pair["status"] == "active" and rng.random() < 0.5)
    pair["feedback"] = rng.choice(FEEDBACK_MIX) if asked else None
    pair["feedback_note"] = rng.choice(FEEDBACK_NOTES) if asked and rng.random() < 0.5 else None


def problem_explained(rng: random.Random, problem: dict[str, Any], anchor: date) -> None:
    """A settled problem was explained to the woman, mostly with her feedback."""
    settled = problem["status"] in ("resolved", "explained", "closed")
    raised = date.fromisoformat(problem["raised_date"])
    told = min(raised + timedelta(days=rng.randrange(5, 60)), anchor)
    problem["explained_date"] = told.isoformat() if settled else None
    problem["explanation"] = rng.choice(EXPLANATIONS) if settled else None
    problem["feedback"] = rng.choice(FEEDBACK_MIX) if settled and rng.random() < 0.8 else None
    problem["feedback_note"] = rng.choice(FEEDBACK_NOTES) if problem["feedback"] and rng.random() < 0.4 else None


def referrals(rng: random.Random, base: Base, put: Put, problems: list[dict[str, Any]], anchor: date) -> None:
    """Problems handed up (上报/预警) and some others go to one or two departments;
    old referrals are mostly answered, a few recent ones are overdue."""
    rows = []
    departments = enums.DEPARTMENT.codes()
    for p in problems:
        if p["disposition"] not in ("escalate", "warn") and rng.random() > 0.08:
            continue
        raised = date.fromisoformat(p["raised_date"])
        for _ in range(1 if rng.random() < 0.75 else 2):
            sent = min(raised + timedelta(days=rng.randrange(1, 15)), anchor)
            due = sent + timedelta(days=rng.choice([15, 30, 30, 60]))
            outcome = rng.choice(OUTCOME_MIX) if (anchor - sent).days > 20 and rng.random() < 0.92 else None
            answered = min(sent + timedelta(days=rng.randrange(5, 50)), anchor) if outcome else None
            department = rng.choice(departments) if rng.random() < 0.9 else "区残联"
            rows.append({**base(sent), "problem_id": p["id"], "department": department, "sent_date": sent.isoformat(),
                         "note": f"关于{p['description'][:20]}……的情况反映", "due_date": due.isoformat(),
                         "answer_date": answered.isoformat() if answered else None,
                         "answer": rng.choice(ANSWERS[outcome]) if outcome else None, "outcome": outcome,
                         "owner_id": p["owner_id"]})  # fmt: skip
    put("referral", rows)


def research(rng: random.Random, base: Base, put: Put, leaders: list[dict[str, Any]], anchor: date) -> None:
    """One research topic per cadre given: some submitted, some being written, some planned."""
    rows = []
    for i, cadre in enumerate(leaders):
        status = ["submitted", "drafting", "planned"][i % 3]
        start = anchor - timedelta(days=rng.randrange(30, 200))
        submitted = min(start + timedelta(days=rng.randrange(20, 90)), anchor) if status == "submitted" else None
        rows.append({**base(start), "topic": TOPICS[i % len(TOPICS)], "lead_id": cadre["id"], "org": cadre["org"],
                     "deadline": (start + timedelta(days=120)).isoformat(), "status": status,
                     "submitted_date": submitted.isoformat() if submitted else None,
                     "draft": "一、基本情况\n二、存在问题\n三、对策建议" if status != "planned" else None,
                     "owner_id": cadre["id"]})  # fmt: skip
    put("research", rows)
