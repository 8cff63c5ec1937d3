"""Campaign reports: the figures for a period, independent of how they are printed.

Periods as the notices use them: a month (2026-09), the Shandong two-month span
(2026-09/10), a quarter (Beijing, 2026-Q3) or a year (2026).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from .. import enums, problems, quotas
from .. import messages as msg
from ..errors import UsageError
from ..i18n import pick

if TYPE_CHECKING:
    from ..store import Store


@dataclass(frozen=True)
class Period:
    start: date
    end: date
    label: str


def parse_period(text: str) -> Period:
    text = text.strip()
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})/(\d{2})", text):
            year, first, last = int(m[1]), int(m[2]), int(m[3])
            if not 1 <= first < last <= 12:
                raise ValueError
            return Period(date(year, first, 1), _month_end(year, last), f"{year}年{first}—{last}月")
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", text, re.IGNORECASE):
            year, quarter = int(m[1]), int(m[2])
            return Period(date(year, 3 * quarter - 2, 1), _month_end(year, 3 * quarter), f"{year}年第{quarter}季度")
        if m := re.fullmatch(r"(\d{4})-(\d{2})", text):
            year, month = int(m[1]), int(m[2])
            return Period(date(year, month, 1), _month_end(year, month), f"{year}年{month}月")
        if m := re.fullmatch(r"(\d{4})", text):
            year = int(m[1])
            return Period(date(year, 1, 1), date(year, 12, 31), f"{year}年")
    except ValueError:
        pass
    raise UsageError(msg.BAD_PERIOD.format(period=text))


def _month_end(year: int, month: int) -> date:
    return (date(year + (month == 12), month % 12 + 1, 1)) - timedelta(days=1)


TOTAL_LABELS = {
    "visits": ("走访次数", "Visits"), "grassroots_days": ("下基层天数（合计）", "Grassroots days (total)"),
    "new_pairs": ("新结对", "New pairs"), "active_pairs": ("帮扶中的结对", "Active pairs"),
    "acts": ("帮扶次数", "Acts of help"), "amount": ("帮扶金额（元）", "Amount (yuan)"),
    "problems": ("新发现问题", "Problems raised"), "resolution_rate": ("问题办结率", "Resolution rate"),
    "overdue": ("逾期未办结", "Overdue"),
}  # fmt: skip


@dataclass
class Table:
    """One table of the report: a title, column names and rows of plain values."""

    key: str
    title: str
    columns: list[str]
    rows: list[list[Any]] = field(default_factory=list)


@dataclass
class ReportData:
    federation: str
    period: Period
    preset: str
    tables: list[Table]
    totals: dict[str, Any]

    def table(self, key: str) -> Table:
        return next(t for t in self.tables if t.key == key)


def build(store: Store, period: Period, federation: str | None = None, preset: str | None = None) -> ReportData:
    conn = store.conn
    lang = pick("zh", "en")
    start, end = period.start.isoformat(), period.end.isoformat()
    preset = preset or quotas.chosen_preset(store)
    if federation is None:  # the federation of whoever makes the report (the hub's own profile), never a majority
        federation = str((store.own_cadre() or {}).get("org") or "")
    tables: list[Table] = []
    totals: dict[str, Any] = {}

    visits = conn.execute(
        "SELECT v.id, v.method, p.kind, v.start_date, coalesce(v.end_date, v.start_date), p.name FROM visit v "
        "JOIN liaison_point p ON p.id = v.liaison_point_id WHERE v.deleted = 0 AND v.start_date BETWEEN ? AND ?",
        (start, end),
    ).fetchall()
    by_method = Counter(v[1] for v in visits)
    tables.append(Table("visits_by_method", pick("走访方式", "Visits by method"), [pick("方式", "Method"), pick("次数", "Visits")],
                        [[enums.VISIT_METHOD.label(m, lang), by_method[m]] for m in enums.VISIT_METHOD.codes() if by_method[m]]))  # fmt: skip
    by_kind = Counter(v[2] for v in visits)
    tables.append(Table("visits_by_point_kind", pick("走访的联系点类型", "Visits by liaison point kind"),
                        [pick("联系点类型", "Kind"), pick("次数", "Visits")],
                        [[enums.LIAISON_POINT_KIND.label(k, lang), by_kind[k]] for k in enums.LIAISON_POINT_KIND.codes() if by_kind[k]]))  # fmt: skip
    totals["visits"] = len(visits)

    days = quotas.grassroots_days(store, period.start, period.end)
    names = dict(conn.execute("SELECT id, name FROM cadre"))
    tables.append(Table("grassroots_days", pick("干部下基层天数", "Grassroots days per cadre"),
                        [pick("干部", "Cadre"), pick("天数", "Days")],
                        sorted(([names.get(c, c), n] for c, n in days.items()), key=lambda r: (-r[1], r[0]))))  # fmt: skip
    totals["grassroots_days"] = sum(days.values())

    stays = [v for v in visits if v[1] == "stay"]
    tables.append(Table("stays", pick("蹲点调研", "Multi-day stays"),
                        [pick("联系点", "Liaison point"), pick("开始", "From"), pick("结束", "To"), pick("天数", "Days")],
                        [[v[5], date.fromisoformat(v[3]), date.fromisoformat(v[4]),
                          (date.fromisoformat(v[4]) - date.fromisoformat(v[3])).days + 1] for v in sorted(stays, key=lambda v: v[3])]))  # fmt: skip

    new_pairs = conn.execute(
        "SELECT count(*) FROM help_pair WHERE deleted = 0 AND start_date BETWEEN ? AND ?", (start, end)
    ).fetchone()[0]
    active_pairs = conn.execute(
        "SELECT count(*) FROM help_pair WHERE deleted = 0 AND status = 'active' AND coalesce(start_date, '') <= ?",
        (end,),
    ).fetchone()[0]
    acts = conn.execute(
        "SELECT coalesce(l.help_type, ''), count(*), coalesce(sum(l.amount), 0) FROM help_log l "
        "JOIN help_pair h ON h.id = l.help_pair_id AND h.deleted = 0 "
        "WHERE l.deleted = 0 AND l.date BETWEEN ? AND ? GROUP BY 1 ORDER BY 2 DESC",
        (start, end),
    ).fetchall()
    tables.append(Table("help", pick("结对帮扶：帮扶记录", "Help pairs: acts of help"),
                        [pick("帮扶类型", "Help type"), pick("次数", "Acts"), pick("金额（元）", "Amount (yuan)")],
                        [[enums.HELP_TYPE.label(t, lang) if t else pick("未分类", "Other"), n, float(a)] for t, n, a in acts]))  # fmt: skip
    totals.update(new_pairs=new_pairs, active_pairs=active_pairs, acts=sum(a[1] for a in acts),
                  amount=float(sum(a[2] for a in acts)))  # fmt: skip

    raised = conn.execute(
        "SELECT category, coalesce(scope, ''), coalesce(disposition, ''), status, deadline FROM problem "
        "WHERE deleted = 0 AND raised_date BETWEEN ? AND ?",
        (start, end),
    ).fetchall()
    for key, title_zh, title_en, index, choices in (
        ("problems_by_category", "问题类别", "Problems by category", 0, enums.PROBLEM_CATEGORY),
        ("problems_by_scope", "问题范围", "Problems by scope", 1, enums.PROBLEM_SCOPE),
        ("problems_by_disposition", "处置方式", "Problems by disposition", 2, enums.PROBLEM_DISPOSITION),
        ("problems_by_status", "办理状态", "Problems by status", 3, enums.PROBLEM_STATUS),
    ):
        counted = Counter(r[index] for r in raised)
        tables.append(Table(key, pick(title_zh, title_en), [pick(title_zh, title_en.split(" by ")[-1].title()), pick("个数", "Problems")],
                            [[choices.label(c, lang), counted[c]] for c in choices.codes() if counted[c]]))  # fmt: skip
    resolved = sum(1 for r in raised if problems.is_settled(r[3]))
    totals.update(problems=len(raised), resolution_rate=round(resolved / len(raised), 4) if raised else 0.0)
    overdue = [d for d in problems.responsibility_list(store, period.end) if d.overdue]
    tables.append(Table("overdue", pick("逾期未办结问题", "Overdue problems"),
                        [pick("时限", "Deadline"), pick("责任人", "Responsible"), pick("问题", "Problem")],
                        [[date.fromisoformat(d.deadline), d.responsible, d.description] for d in overdue if d.deadline]))  # fmt: skip
    totals["overdue"] = len(overdue)
    warnings = [w for w in problems.trend_warnings(store) if w.last_date >= start and w.first_date <= end]
    tables.append(Table("warnings", pick("趋势预警", "Trend warnings"),
                        [pick("类别", "Category"), pick("联系点数", "Points"), pick("起", "From"), pick("止", "To")],
                        [[w.category_label, len(w.liaison_point_ids), date.fromisoformat(w.first_date),
                          date.fromisoformat(w.last_date)] for w in warnings]))  # fmt: skip

    progress = quotas.progress(store, preset, period.end.year)
    items = [i.label for i in quotas.PRESETS[preset].items]
    tables.append(Table("quotas", pick("任务指标完成情况", "Quota progress") + f"（{quotas.PRESETS[preset].label}）",
                        [pick("干部", "Cadre"), *items],
                        [[p.name, *[f"{i.actual}/{i.target}" if i.applies else "—" for i in p.items]] for p in progress]))  # fmt: skip

    notable = conn.execute(
        "SELECT d.date, c.name, d.title, substr(d.body, 1, 120) FROM diary d LEFT JOIN cadre c ON c.id = d.author_id "
        "WHERE d.deleted = 0 AND d.notable = 1 AND d.date BETWEEN ? AND ? ORDER BY d.date",
        (start, end),
    ).fetchall()
    tables.append(Table("notable", pick("妇情日记摘录", "Notable diary excerpts"),
                        [pick("日期", "Date"), pick("记录人", "Author"), pick("标题", "Title"), pick("摘录", "Excerpt")],
                        [[date.fromisoformat(r[0]), r[1] or "", r[2], r[3]] for r in notable]))  # fmt: skip
    return ReportData(federation, period, preset, tables, totals)
