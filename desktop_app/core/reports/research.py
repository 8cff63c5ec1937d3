"""A research report draft (调研报告) on one topic for a period: situation
(figures), analysis (problems by scope and nature, trends) and proposals (the
escalated problems), "有情况、有分析、有建议", for the cadre to finish."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from .. import enums, federations, problems
from ..files import write_atomically
from ..i18n import pick
from ..printing.font import register_font
from .figures import Period

if TYPE_CHECKING:
    from ..store import Store


@dataclass
class ResearchDraft:
    topic: str
    topic_label: str
    period: Period
    federation: str
    situation: list[str] = field(default_factory=list)
    analysis: list[str] = field(default_factory=list)
    proposals: list[str] = field(default_factory=list)
    cases: list[str] = field(default_factory=list)


def build(store: Store, topic: str, period: Period, federation: str) -> ResearchDraft:
    """The draft for ``federation`` and those below it: their records only, as its report counts them."""
    conn = store.conn
    label = enums.PROBLEM_CATEGORY.label(topic)
    draft = ResearchDraft(topic, label, period, federation)
    start, end = period.start.isoformat(), period.end.isoformat()
    covered = federations.scope(store, federation)
    rows = conn.execute(
        "SELECT p.description, coalesce(p.scope, ''), coalesce(p.nature, ''), coalesce(p.disposition, ''), p.status, "
        "coalesce(lp.name, ''), coalesce(p.resolution, ''), p.id FROM problem p "
        "LEFT JOIN liaison_point lp ON lp.id = p.liaison_point_id "
        f"WHERE p.deleted = 0 AND p.category = ? AND p.raised_date BETWEEN ? AND ? AND {covered.owned('p.owner_id')} "
        "ORDER BY p.raised_date",
        (topic, start, end, covered.owners_json()),
    ).fetchall()
    points = {r[5] for r in rows if r[5]}
    visits = conn.execute(
        "SELECT count(*), coalesce(sum(attendance), 0) FROM visit WHERE deleted = 0 AND start_date BETWEEN ? AND ? "
        f"AND {covered.owned()}",
        (start, end, covered.owners_json()),
    ).fetchone()
    resolved = sum(1 for r in rows if problems.is_settled(r[4]))
    draft.situation = [
        pick(f"{period.label}，共开展走访 {visits[0]} 次，接触妇女群众 {visits[1]} 人次。",
             f"In {period.label}: {visits[0]} visits reaching {visits[1]} people."),
        pick(f"涉及“{label}”的问题 {len(rows)} 个，分布在 {len(points)} 个联系点；已办结或解释 {resolved} 个。",
             f"{len(rows)} problems on “{label}” at {len(points)} liaison points; {resolved} settled or explained."),
    ]  # fmt: skip
    scope = Counter(r[1] for r in rows if r[1])
    nature = Counter(r[2] for r in rows if r[2])
    if scope:
        draft.analysis.append(pick("按范围分：", "By scope: ") + pick("；", "; ").join(
            pick(f"{enums.PROBLEM_SCOPE.label(k)} {n} 个", f"{enums.PROBLEM_SCOPE.label(k)} {n}") for k, n in scope.most_common()))  # fmt: skip
    if nature:
        draft.analysis.append(pick("按性质分：", "By nature: ") + pick("；", "; ").join(
            pick(f"{enums.PROBLEM_NATURE.label(k)} {n} 个", f"{enums.PROBLEM_NATURE.label(k)} {n}") for k, n in nature.most_common()))  # fmt: skip
    ours = {r[7] for r in rows}
    for warning in problems.trend_warnings(store):
        if warning.category == topic and ours.intersection(warning.problem_ids):
            draft.analysis.append(pick(
                f"趋势预警：{warning.first_date} 至 {warning.last_date}，{len(warning.liaison_point_ids)} 个联系点反映同类问题，呈趋势性。",
                f"Trend: {len(warning.liaison_point_ids)} liaison points raised it between {warning.first_date} and {warning.last_date}."))  # fmt: skip
    escalated = [r for r in rows if r[3] in ("escalate", "warn")]
    for description, _scope, _nature, disposition, _status, point, resolution, _id in escalated:
        measure = resolution or pick("（请补充建议措施）", "(add the proposed measure)")
        kind = enums.PROBLEM_DISPOSITION.label(disposition)
        draft.proposals.append(pick(f"【{kind}】{description}（{point}）建议：{measure}",
                                    f"[{kind}] {description} ({point}) Proposal: {measure}"))  # fmt: skip
    if not draft.proposals:
        draft.proposals.append(pick("（本期没有上报或预警的问题；请结合走访情况补充建议。）",
                                    "(No escalated problems this period; add proposals from the visits.)"))  # fmt: skip
    draft.cases = [pick(f"{r[5]}：{r[0]}", f"{r[5]}: {r[0]}") for r in rows[:8]]
    return draft


def write_pdf(draft: ResearchDraft, out: Path) -> None:
    font = register_font()
    base = ParagraphStyle("base", fontName=font, fontSize=11, leading=19, wordWrap="CJK", firstLineIndent=22)
    title = ParagraphStyle("title", parent=base, fontSize=18, leading=26, alignment=1, firstLineIndent=0)
    h2 = ParagraphStyle("h2", parent=base, fontSize=13, leading=22, spaceBefore=8, firstLineIndent=0)
    story = [
        Paragraph(pick(f"关于{draft.topic_label}问题的调研报告（初稿）", f"Research report on {draft.topic_label} (draft)"), title),
        Paragraph(f"{draft.federation}{pick('　', '  ')}{draft.period.label}", ParagraphStyle("s", parent=base, alignment=1, firstLineIndent=0)),
        Spacer(1, 6 * mm),
        Paragraph(pick("一、基本情况", "1. The situation"), h2), *[Paragraph(t, base) for t in draft.situation],
        *[Paragraph("· " + c, base) for c in draft.cases],
        Paragraph(pick("二、问题分析", "2. Analysis"), h2), *[Paragraph(t, base) for t in draft.analysis or ["—"]],
        Paragraph(pick("三、对策建议", "3. Proposals"), h2), *[Paragraph(t, base) for t in draft.proposals],
    ]  # fmt: skip
    doc = SimpleDocTemplate("", pagesize=A4, leftMargin=25 * mm, rightMargin=25 * mm, topMargin=25 * mm,
                            bottomMargin=20 * mm, initialFontName=font, title=draft.topic_label)  # fmt: skip

    def build(path: Path) -> None:
        doc.filename = str(path)
        doc.build(story)

    write_atomically(out, build)


def as_text(draft: ResearchDraft) -> str:
    """The draft as plain text, to attach to a research record and edit there."""
    lines = [pick(f"关于{draft.topic_label}问题的调研报告（初稿）", f"Research report on {draft.topic_label} (draft)"),
             f"{draft.federation}{pick('　', '  ')}{draft.period.label}", "", pick("一、基本情况", "1. The situation"),
             *draft.situation, *("· " + c for c in draft.cases), "", pick("二、问题分析", "2. Analysis"),
             *(draft.analysis or ["—"]), "", pick("三、对策建议", "3. Proposals"), *draft.proposals]  # fmt: skip
    return "\n".join(lines)


def draft_for(store: Store, research_id: str, topic: str, period: Period) -> str:
    """The draft text from the data for a research record's federation (a read: run it off the UI thread)."""
    record = store.get("research", research_id)
    federation = str(record.get("org") or (store.own_cadre() or {}).get("org") or "")
    return as_text(build(store, topic, period, federation))


def attach_draft(store: Store, research_id: str, text: str) -> dict[str, object]:
    """Put ``text`` in the research record as its draft (a planned one is now being written).

    Whatever text the record had is replaced: the record's history keeps it."""
    status = store.get("research", research_id)["status"]
    return store.save("research", {"draft": text, "status": "drafting" if status == "planned" else status}, research_id)
