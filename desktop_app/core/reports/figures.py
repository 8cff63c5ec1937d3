"""Campaign reports: the figures for a period, independent of how they are printed.

Periods as the notices use them: a month (2026-09), the Shandong two-month span
(2026-09/10), a quarter (Beijing, 2026-Q3) or a year (2026).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from .. import enums, federations, problems, projects, quotas, referrals
from .. import messages as msg
from ..errors import UsageError
from ..i18n import join, pick
from ..projects import DoneOf

if TYPE_CHECKING:
    from ..store import Store


MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class Period:
    start: date
    end: date
    zh: str
    en: str

    @property
    def label(self) -> str:
        """In the language of the moment, as the report is printed (a period is parsed before --lang may change it)."""
        return pick(self.zh, self.en)


def parse_period(text: str) -> Period:
    text = text.strip()
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})/(\d{2})", text):
            year, first, last = int(m[1]), int(m[2]), int(m[3])
            if not 1 <= first < last <= 12:
                raise ValueError
            return Period(
                date(year, first, 1),
                _month_end(year, last),
                f"{year}年{first}—{last}月",
                f"{MONTHS_EN[first - 1]}–{MONTHS_EN[last - 1]} {year}",
            )
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", text, re.IGNORECASE):
            year, quarter = int(m[1]), int(m[2])
            return Period(
                date(year, 3 * quarter - 2, 1),
                _month_end(year, 3 * quarter),
                f"{year}年第{quarter}季度",
                f"Q{quarter} {year}",
            )
        if m := re.fullmatch(r"(\d{4})-(\d{2})", text):
            year, month = int(m[1]), int(m[2])
            return Period(
                date(year, month, 1), _month_end(year, month), f"{year}年{month}月", f"{MONTHS_EN[month - 1]} {year}"
            )
        if m := re.fullmatch(r"(\d{4})", text):
            year = int(m[1])
            return Period(date(year, 1, 1), date(year, 12, 31), f"{year}年", str(year))
    except ValueError:
        pass
    raise UsageError(msg.BAD_PERIOD.format(period=text))


def _month_end(year: int, month: int) -> date:
    return (date(year + (month == 12), month % 12 + 1, 1)) - timedelta(days=1)


TOTAL_LABELS = {
    # A visit counts for the federation of the cadre who recorded it; a day for each cadre who went
    # (her quota's measure), on whoever's visit: a township cadre who joined the county's visits has
    # days and no visits in the township's report. The labels say which is which.
    "visits": ("走访次数（所含妇联干部记录的）", "Visits (recorded by the cadres covered)"),
    "grassroots_days": ("下基层天数（所含妇联干部参与的走访）", "Grassroots days (of the cadres covered, on any visit)"),
    "new_pairs": ("新结对", "New pairs"), "active_pairs": ("帮扶中的结对", "Active pairs"),
    "acts": ("帮扶次数", "Acts of help"), "amount": ("帮扶金额（元）", "Amount (yuan)"),
    "problems": ("新发现问题", "Problems raised"), "resolution_rate": ("问题办结率", "Resolution rate"),
    "overdue": ("逾期未办结问题（期末）", "Problems overdue (at the end)"), "open_problems": ("未办结问题（期末）", "Open problems (at the end)"),
    "referrals": ("本期转办", "Referrals made in the period"),
    "referrals_unanswered": ("期末未答复的转办（含往期转办）", "Referrals unanswered at the end (any sent by then)"),
    "referrals_overdue": ("期末逾期未答复的转办", "Referrals overdue at the end"),
    "feedback_satisfied": ("妇女满意率", "Women satisfied"),
}  # fmt: skip


# Shown as percentages; None where there is nothing to count (no problems, nobody asked): "—", not 0.0%.
RATE_KEYS = frozenset({"resolution_rate", "feedback_satisfied"})


def covered_label(data: ReportData) -> str:
    """Which federations the figures cover, as the cover page says it."""
    below = [n for n in data.federations if n != data.federation]
    if data.everything:
        return pick("本机全部记录", "Every record held here")
    if not below:
        return pick("仅本级", "This federation only")
    return pick("含下级：", "With those below: ") + join(below)


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
    federations: tuple[str, ...] = ()  # what the figures cover: the federation, then those below it
    everything: bool = False

    def table(self, key: str) -> Table:
        return next(t for t in self.tables if t.key == key)


def build(
    store: Store,
    period: Period,
    federation: str | None = None,
    preset: str | None = None,
    include_below: bool = True,
    everything: bool = False,
) -> ReportData:
    """The report of ``federation`` (default: the reporting install's own, never a
    majority) and, with ``include_below``, every federation under it; with
    ``everything``, of every record held here whoever recorded it. Records count
    for the federation of the cadre who recorded them (core/federations.py)."""
    conn = store.conn
    lang = pick("zh", "en")
    start, end = period.start.isoformat(), period.end.isoformat()
    # "At the end" of a period still running is today: nothing is overdue before its deadline has come.
    as_at = min(period.end, store.today())
    preset = preset or quotas.chosen_preset(store)
    if federation is None:
        federation = str((store.own_cadre() or {}).get("org") or "")
    scope = (
        federations.everything(store, federation) if everything else federations.scope(store, federation, include_below)
    )
    owned, owners = scope.owned, scope.owners_json()
    in_scope = set(scope.cadre_ids)
    tables: list[Table] = []
    totals: dict[str, Any] = {}

    visits = conn.execute(
        "SELECT v.id, v.method, p.kind, v.start_date, coalesce(v.end_date, v.start_date), p.name, v.owner_id FROM visit v "
        "JOIN liaison_point p ON p.id = v.liaison_point_id WHERE v.deleted = 0 AND v.start_date BETWEEN ? AND ? "
        f"AND {owned('v.owner_id')}",
        (start, end, owners),
    ).fetchall()
    by_method = Counter(v[1] for v in visits)
    tables.append(Table("visits_by_method", pick("走访方式", "Visits by method"), [pick("方式", "Method"), pick("次数", "Visits")],
                        [[enums.VISIT_METHOD.label(m, lang), by_method[m]] for m in enums.VISIT_METHOD.codes() if by_method[m]]))  # fmt: skip
    by_kind = Counter(v[2] for v in visits)
    tables.append(Table("visits_by_point_kind", pick("走访的联系点类型", "Visits by liaison point kind"),
                        [pick("联系点类型", "Kind"), pick("次数", "Visits")],
                        [[enums.LIAISON_POINT_KIND.label(k, lang), by_kind[k]] for k in enums.LIAISON_POINT_KIND.codes() if by_kind[k]]))  # fmt: skip
    totals["visits"] = len(visits)

    days = {c: n for c, n in quotas.grassroots_days(store, period.start, period.end).items()
            if scope.everything or c in in_scope}  # fmt: skip
    names = dict(conn.execute("SELECT id, name FROM cadre"))
    tables.append(Table("grassroots_days", pick("干部下基层天数", "Grassroots days per cadre"),
                        [pick("干部", "Cadre"), pick("天数（参与的走访）", "Days (visits she joined)")],
                        sorted(([names.get(c, c), n] for c, n in days.items()), key=lambda r: (-r[1], r[0]))))  # fmt: skip
    totals["grassroots_days"] = sum(days.values())

    stays = [v for v in visits if v[1] == "stay"]
    tables.append(Table("stays", pick("蹲点调研", "Multi-day stays"),
                        [pick("联系点", "Liaison point"), pick("开始", "From"), pick("结束", "To"), pick("天数", "Days")],
                        [[v[5], date.fromisoformat(v[3]), date.fromisoformat(v[4]),
                          (date.fromisoformat(v[4]) - date.fromisoformat(v[3])).days + 1] for v in sorted(stays, key=lambda v: v[3])]))  # fmt: skip

    pairs = conn.execute(
        "SELECT start_date, status, owner_id, feedback FROM help_pair WHERE deleted = 0 "
        f"AND coalesce(start_date, '') <= ? AND {owned()}",
        (end, owners),
    ).fetchall()
    new_pairs = sum(1 for p in pairs if p[0] and p[0] >= start)
    active_pairs = sum(1 for p in pairs if p[1] == "active")
    # Acts of help by type (the table) and by who recorded the pair (the breakdowns): one read.
    acts_rows = conn.execute(
        "SELECT coalesce(l.help_type, ''), h.owner_id, count(*), coalesce(sum(l.amount), 0) FROM help_log l "
        "JOIN help_pair h ON h.id = l.help_pair_id AND h.deleted = 0 "
        f"WHERE l.deleted = 0 AND l.date BETWEEN ? AND ? AND {owned('h.owner_id')} GROUP BY 1, 2",
        (start, end, owners),
    ).fetchall()
    by_type: Counter[str] = Counter()
    amount_by_type: Counter[str] = Counter()
    acts_by: Counter[str | None] = Counter()
    for help_type, owner, n, amount in acts_rows:
        by_type[help_type] += n
        amount_by_type[help_type] += amount
        acts_by[owner] += n
    acts = [(t, n, amount_by_type[t]) for t, n in by_type.most_common()]
    tables.append(Table("help", pick("结对帮扶：帮扶记录", "Help pairs: acts of help"),
                        [pick("帮扶类型", "Help type"), pick("次数", "Acts"), pick("金额（元）", "Amount (yuan)")],
                        [[enums.HELP_TYPE.label(t, lang) if t else pick("未分类", "Unclassified"), n, float(a)] for t, n, a in acts]))  # fmt: skip
    totals.update(new_pairs=new_pairs, active_pairs=active_pairs, acts=sum(a[1] for a in acts),
                  amount=float(sum(a[2] for a in acts)))  # fmt: skip

    raised = conn.execute(
        "SELECT category, coalesce(scope, ''), coalesce(disposition, ''), status, deadline, owner_id, id, "
        "coalesce(explained_date, '9999') FROM problem "
        f"WHERE deleted = 0 AND raised_date BETWEEN ? AND ? AND {owned()}",
        (start, end, owners),
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
    # Settled by the end, like the open problems at the end: the rate of a past period stays put.
    resolved = sum(1 for r in raised if problems.is_settled(r[3]) and r[7] <= as_at.isoformat())
    totals.update(problems=len(raised), resolution_rate=round(resolved / len(raised), 4) if raised else None)
    open_at_end = problems.open_at(store, as_at, scope)
    open_by_owner = dict(Counter(owner for owner, _duty in open_at_end))
    totals["open_problems"] = len(open_at_end)
    overdue = [duty for _owner, duty in open_at_end if duty.overdue]
    tables.append(Table("overdue", pick("逾期未办结问题（期末）", "Problems overdue (at the end)"),
                        [pick("时限", "Deadline"), pick("责任人", "Responsible"), pick("问题", "Problem")],
                        [[date.fromisoformat(d.deadline), d.responsible, d.description] for d in overdue if d.deadline]))  # fmt: skip
    totals["overdue"] = len(overdue)
    # A trend spans liaison points (and may span federations): shown if any of its problems is the scope's.
    warnings = [w for w in problems.trend_warnings(store) if w.last_date >= start and w.first_date <= end]
    flagged = json.dumps([i for w in warnings for i in w.problem_ids])
    kept = {row[0] for row in conn.execute(
        f"SELECT id FROM problem WHERE id IN (SELECT value FROM json_each(?)) AND {owned()}", (flagged, owners))}  # fmt: skip
    warnings = [w for w in warnings if kept.intersection(w.problem_ids)]
    tables.append(Table("warnings", pick("趋势预警", "Trend warnings"),
                        [pick("类别", "Category"), pick("联系点数", "Points"), pick("起", "From"), pick("止", "To")],
                        [[w.category_label, len(w.liaison_point_ids), date.fromisoformat(w.first_date),
                          date.fromisoformat(w.last_date)] for w in warnings]))  # fmt: skip

    _referral_tables(store, scope, start, as_at.isoformat(), tables, totals)
    _project_table(store, scope, period, as_at, tables)
    _feedback_table(store, scope, start, end, pairs, tables, totals)
    owners_seen = {v[6] for v in visits} | set(days) | set(acts_by) | {r[5] for r in raised} | set(open_by_owner)
    org_of = federations.cadre_federations(store, tuple(o for o in owners_seen | in_scope if o))
    _breakdowns(scope, names, org_of, visits, days, acts_by, raised, open_by_owner, tables)

    progress = [
        p for p in quotas.progress(store, preset, period.end.year) if scope.everything or p.cadre_id in in_scope
    ]
    items = [i.label for i in quotas.PRESETS[preset].items]
    tables.append(Table("quotas", pick(f"任务指标完成情况（{quotas.PRESETS[preset].label}）", f"Quota progress ({quotas.PRESETS[preset].label})"),
                        [pick("干部", "Cadre"), *items],
                        [[p.name, *[DoneOf(i.actual, i.target) if i.applies else DoneOf(None) for i in p.items]] for p in progress]))  # fmt: skip

    research = conn.execute(
        "SELECT r.submitted_date, r.topic, c.name FROM research r LEFT JOIN cadre c ON c.id = r.lead_id "
        f"WHERE r.deleted = 0 AND r.status = 'submitted' AND r.submitted_date BETWEEN ? AND ? AND {owned('r.lead_id')} "
        "ORDER BY r.submitted_date",
        (start, end, owners),
    ).fetchall()
    tables.append(Table("research", pick("报送的调研报告", "Research reports submitted"),
                        [pick("报送日期", "Submitted"), pick("题目", "Topic"), pick("牵头人", "Lead")],
                        [[date.fromisoformat(r[0]), r[1], r[2] or ""] for r in research]))  # fmt: skip

    notable = conn.execute(
        "SELECT d.date, c.name, d.title, substr(d.body, 1, 120) FROM diary d LEFT JOIN cadre c ON c.id = d.author_id "
        f"WHERE d.deleted = 0 AND d.notable = 1 AND d.date BETWEEN ? AND ? AND {owned('d.author_id')} ORDER BY d.date",
        (start, end, owners),
    ).fetchall()
    tables.append(Table("notable", pick("妇情日记摘录", "Notable diary excerpts"),
                        [pick("日期", "Date"), pick("记录人", "Author"), pick("标题", "Title"), pick("摘录", "Excerpt")],
                        [[date.fromisoformat(r[0]), r[1] or "", r[2], r[3]] for r in notable]))  # fmt: skip
    return ReportData(federation, period, preset, tables, totals, scope.names, scope.everything)


def _referral_tables(
    store: Store,
    scope: federations.Scope,
    start: str,
    end: str,
    tables: list[Table],
    totals: dict[str, Any],
) -> None:
    counts = referrals.by_department(store, start, end, scope)
    tables.append(Table("referrals", pick("转办与答复（按部门，截至期末）", "Referrals by department (at the end)"),
                        [pick("部门", "Department"), pick("期初未答复", "Unanswered at the start"),
                         pick("本期转办", "Referred"), pick("本期答复", "Answered"),
                         pick("期末未答复", "Unanswered at the end"), pick("其中逾期", "Of which overdue")],
                        [[c.label, c.waiting_at_start, c.referred, c.answered, c.unanswered, c.overdue]
                         for c in counts]))  # fmt: skip
    totals.update(referrals=sum(c.referred for c in counts), referrals_unanswered=sum(c.unanswered for c in counts),
                  referrals_overdue=sum(c.overdue for c in counts))  # fmt: skip


def _project_table(store: Store, scope: federations.Scope, period: Period, as_at: date, tables: list[Table]) -> None:
    rows = []
    # To the period's end, not to today: the report says what was done in the project's year by then.
    for p in projects.progress(store, period.end.year, None if scope.everything else scope.names, as_at):
        done = [DoneOf(p.actual[m], p.targets[m] or None) for m in projects.MEASURES]
        rows.append([p.name, p.org, p.acts, *done])
    tables.append(Table("projects", pick("实事项目进度（截至期末，完成/目标）", "Projects as at the period's end (done/target)"),
                        [pick("项目", "Project"), pick("妇联", "Federation"), pick("帮扶次数", "Acts"),
                         *[pick(*projects.MEASURE_LABELS[m]) for m in projects.MEASURES]], rows))  # fmt: skip


def _feedback_table(
    store: Store, scope: federations.Scope, start: str, end: str, pairs: list[Any], tables: list[Table],
    totals: dict[str, Any],
) -> None:  # fmt: skip
    settled = store.conn.execute(
        "SELECT feedback FROM problem WHERE deleted = 0 AND explained_date BETWEEN ? AND ? "
        f"AND feedback IS NOT NULL AND {scope.owned()}",
        (start, end, scope.owners_json()),
    ).fetchall()
    by_pairs = Counter(p[3] for p in pairs if p[3])
    by_problems = Counter(r[0] for r in settled)
    codes = enums.FEEDBACK.codes()
    tables.append(Table("feedback", pick("妇女评价", "The women's feedback"),
                        [pick("评价", "Feedback"), pick("结对帮扶", "Help pairs"), pick("办结的问题", "Settled problems")],
                        [[enums.FEEDBACK.label(c, pick("zh", "en")), by_pairs[c], by_problems[c]] for c in codes]))  # fmt: skip
    given = sum(by_pairs.values()) + sum(by_problems.values())
    satisfied = (
        by_pairs["satisfied"]
        + by_pairs["fairly_satisfied"]
        + by_problems["satisfied"]
        + by_problems["fairly_satisfied"]
    )
    totals["feedback_satisfied"] = round(satisfied / given, 4) if given else None


def _breakdowns(
    scope: federations.Scope, names: dict[str, str], org_of: dict[str, str], visits: list[Any], days: dict[str, int],
    acts: Counter[str | None], raised: list[Any], open_by_owner: dict[str | None, int], tables: list[Table],
) -> None:  # fmt: skip
    """One row per federation and one per cadre; each adds up to the report's totals
    (a record counts for the cadre who recorded it, days for the cadre who went)."""
    visits_by = Counter(v[6] for v in visits)
    raised_by = Counter(r[5] for r in raised)
    owners = set(visits_by) | set(days) | set(acts) | set(raised_by) | set(open_by_owner) | set(scope.cadre_ids)
    other = pick("（未知）", "(unknown)")
    rows_by_org: dict[str, list[int]] = {name: [0, 0, 0, 0, 0] for name in scope.names}
    cadre_rows = []
    for owner in sorted(owners, key=lambda o: (org_of.get(o, other) if o else other, names.get(o or "", ""))):
        figures = [
            visits_by[owner],
            days.get(owner or "", 0),
            acts.get(owner, 0),
            raised_by[owner],
            open_by_owner.get(owner, 0),
        ]
        org = org_of.get(owner, other) if owner else other
        total = rows_by_org.setdefault(org, [0, 0, 0, 0, 0])
        for i, n in enumerate(figures):
            total[i] += n
        if any(figures) or owner in scope.cadre_ids:
            cadre_rows.append([names.get(owner or "", other), org, *figures])
    columns = [pick("走访（记录）", "Visits recorded"), pick("下基层天数（参与）", "Grassroots days (went)"), pick("帮扶次数", "Acts of help"),
               pick("新发现问题", "Problems raised"), pick("未办结问题", "Open problems")]  # fmt: skip
    tables.append(Table("by_federation", pick("分妇联情况", "By federation"), [pick("妇联", "Federation"), *columns],
                        [[org, *n] for org, n in rows_by_org.items()]))  # fmt: skip
    tables.append(Table("by_cadre", pick("分干部情况", "By cadre"), [pick("干部", "Cadre"), pick("妇联", "Federation"), *columns],
                        cadre_rows))  # fmt: skip
