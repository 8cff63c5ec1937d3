"""Practical projects (实事项目): yearly targets and the acts of help counted against them.

An act of help (a help log) linked to a project counts for it in the project's
year: its people served, jobs provided, people trained and amount. Presets are
the projects the campaign notices name, with the targets they set.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from .i18n import pick

if TYPE_CHECKING:
    from .store import Store

MEASURES = ("people", "jobs", "trained", "amount")
MEASURE_LABELS = {
    "people": ("受益人次", "People served"),
    "jobs": ("岗位", "Jobs"),
    "trained": ("培训人次", "People trained"),
    "amount": ("金额（元）", "Amount (yuan)"),
}


@dataclass(frozen=True)
class DoneOf:
    """What was done against a target: one cell on paper and screen ("17 / 30,000", what
    was done where there is no target, "—" for neither), two numbers in the XLSX."""

    done: float | None
    target: float | None = None

    def text(self, separator: str = "/") -> str:
        if self.done is None:
            return "—"
        if self.target is not None:
            return f"{number_text(self.done)}{separator}{number_text(self.target)}"
        return number_text(self.done) if self.done else "—"

    def __str__(self) -> str:
        return self.text()


@dataclass(frozen=True)
class PresetProject:
    name: str
    targets: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class ProjectPreset:
    key: str
    zh: str
    en: str
    projects: tuple[PresetProject, ...]

    @property
    def label(self) -> str:
        return pick(self.zh, self.en)


PRESETS: dict[str, ProjectPreset] = {
    p.key: p
    for p in (
        # shared/seeds/001: 哈尔滨市妇联 2014, 实施实事民生项目.
        ProjectPreset("harbin", "哈尔滨（2014）实事民生项目", "Harbin (2014) practical projects", (
            PresetProject("春风送岗位", {"jobs": 30000, "trained": 10000}),
            PresetProject("百万妇女素养提升", {"trained": 5000}),
            PresetProject("妇女小额贷款兴业", {"amount": 50_000_000}),
            PresetProject("贫困母亲救助"),
            PresetProject("贫困妇女法律援助"),
            PresetProject("妇女健康援助（含“两癌”筛查）"),
            PresetProject("爱心暖夕阳", {"people": 1000}),
            PresetProject("爱心一杯奶"),
            PresetProject("慈善助孤"),
            PresetProject("春蕾助学"),
        )),
        # shared/seeds/002: 山东省妇联 2012, “三送”.
        ProjectPreset("shandong", "山东（2012）“三送”", "Shandong (2012) “three deliveries”", (
            PresetProject("送岗位"),
            PresetProject("送法律"),
            PresetProject("送温暖"),
        )),
    )
}  # fmt: skip

_TARGET_COLUMNS = {m: f"target_{m}" for m in MEASURES}


def add_preset(store: Store, preset: str, year: int, org: str) -> list[str]:
    """Create the preset's projects for ``org`` and ``year`` (those not there already); returns their ids."""
    made: list[str] = []
    existing = {
        str(row[0])
        for row in store.conn.execute(
            "SELECT name FROM project WHERE deleted = 0 AND org = ? AND year = ?", (org, year)
        )
    }
    for project in PRESETS[preset].projects:
        if project.name in existing:
            continue
        values: dict[str, Any] = {"name": project.name, "org": org, "year": year}
        values.update({_TARGET_COLUMNS[m]: v for m, v in project.targets.items()})
        made.append(str(store.save("project", values)["id"]))
    return made


@dataclass
class ProjectProgress:
    id: str
    name: str
    org: str
    year: int
    acts: int
    targets: dict[str, float | None]
    actual: dict[str, float]

    def share(self, measure: str) -> float | None:
        """Done as a fraction of the target (None: no target for this measure)."""
        target = self.targets.get(measure)
        return round(self.actual[measure] / target, 4) if target else None

    def done_text(self, measure: str, separator: str = " / ") -> str:
        return DoneOf(self.actual[measure], self.targets[measure] or None).text(separator)

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["share"] = {m: self.share(m) for m in MEASURES}
        return data


def progress(
    store: Store, year: int | None = None, orgs: tuple[str, ...] | None = None, until: date | None = None
) -> list[ProjectProgress]:
    """Every live project (of ``year``, of the federations ``orgs``) with what its
    acts of help in that year add up to; with ``until``, only those dated on or
    before it (a period's report: what was done by the end of the period, the
    same whenever it is made)."""
    where = ["p.deleted = 0"]
    params: list[object] = [(until or date.max).isoformat()]
    if year is not None:
        where.append("p.year = ?")
        params.append(year)
    if orgs is not None:
        where.append("p.org IN (SELECT value FROM json_each(?))")
        params.append(json.dumps(list(orgs)))
    rows = store.conn.execute(
        "SELECT p.id, p.name, p.org, p.year, p.target_people, p.target_jobs, p.target_trained, p.target_amount, "
        "count(l.id), coalesce(sum(l.people), 0), coalesce(sum(l.jobs), 0), coalesce(sum(l.trained), 0), "
        "coalesce(sum(l.amount), 0) FROM project p "
        "LEFT JOIN help_log l ON l.project_id = p.id AND l.deleted = 0 "
        "AND l.date BETWEEN printf('%04d-01-01', p.year) AND printf('%04d-12-31', p.year) AND l.date <= ? "
        f"WHERE {' AND '.join(where)} GROUP BY p.id ORDER BY p.year DESC, p.org, p.name",
        params,
    ).fetchall()
    return [
        ProjectProgress(
            str(row[0]),
            str(row[1]),
            str(row[2]),
            int(row[3]),
            int(row[8]),
            dict(zip(MEASURES, row[4:8], strict=True)),
            {m: float(v) if m == "amount" else int(v) for m, v in zip(MEASURES, row[9:13], strict=True)},
        )
        for row in rows
    ]


def number_text(value: float | int | None) -> str:
    """A count or amount as a table shows it: 30,000 and 41,600.50; "" for no value."""
    if value is None:
        return ""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def as_json_list(items: list[ProjectProgress]) -> str:
    return json.dumps([p.as_json() for p in items], ensure_ascii=False, indent=2)
