"""Report figures equal totals computed independently from the database; the
XLSX keeps numbers and dates typed; the PDF embeds its font."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

import pytest

from desktop_app.core import i18n, problems, referrals
from desktop_app.core.demo import generate
from desktop_app.core.errors import UsageError
from desktop_app.core.reports import figures, pdf, xlsx
from desktop_app.core.store import Store
from tests.db_helpers import raw as connect_raw


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [("2026-09", "2026-09-01", "2026-09-30"), ("2026-09/10", "2026-09-01", "2026-10-31"),
     ("2026-Q3", "2026-07-01", "2026-09-30"), ("2026-q4", "2026-10-01", "2026-12-31"),
     ("2026", "2026-01-01", "2026-12-31"), ("2024-02", "2024-02-01", "2024-02-29")],
)  # fmt: skip
def test_periods(text: str, start: str, end: str) -> None:
    period = figures.parse_period(text)
    assert (period.start.isoformat(), period.end.isoformat()) == (start, end)


@pytest.mark.parametrize("text", ["2026-13", "2026-10/09", "2026-Q5", "26", "九月"])
def test_bad_periods_say_what_to_type(text: str) -> None:
    with pytest.raises(UsageError) as info:
        figures.parse_period(text)
    assert "2026-Q3" in str(info.value)


@contextmanager
def _speaking(lang: str) -> Iterator[None]:
    before = i18n.language()
    i18n.set_language(lang)
    try:
        yield
    finally:
        i18n.set_language(before)


@pytest.fixture
def filled(tmp_path: Path) -> Store:
    store = Store(tmp_path / "r.db", today=lambda: date(2026, 11, 20))
    generate.fill(store, 600, seed=8, anchor=date(2026, 11, 20))
    with store.transaction():
        for diary in store.list_records("diary", limit=3):
            store.save("diary", {"notable": True}, diary["id"])
    yield store  # type: ignore[misc]
    store.close()


def test_totals_match_independent_queries(filled: Store) -> None:
    period = figures.parse_period("2026-Q3")
    data = figures.build(filled, period)
    raw = connect_raw(filled.path)
    s, e = "2026-07-01", "2026-09-30"
    assert data.totals["visits"] == raw.execute(
        "SELECT count(*) FROM visit WHERE deleted = 0 AND start_date BETWEEN ? AND ?", (s, e)).fetchone()[0]  # fmt: skip
    assert sum(r[1] for r in data.table("visits_by_method").rows) == data.totals["visits"]
    assert sum(r[1] for r in data.table("visits_by_point_kind").rows) == data.totals["visits"]
    acts, amount = raw.execute(
        "SELECT count(*), coalesce(sum(amount), 0) FROM help_log WHERE deleted = 0 AND date BETWEEN ? AND ?", (s, e)
    ).fetchone()
    assert data.totals["acts"] == acts and data.totals["amount"] == pytest.approx(amount)
    assert sum(r[1] for r in data.table("help").rows) == acts
    raised = raw.execute(
        "SELECT count(*) FROM problem WHERE deleted = 0 AND raised_date BETWEEN ? AND ?", (s, e)
    ).fetchone()[0]
    for key in ("problems_by_category", "problems_by_scope", "problems_by_status"):
        assert sum(r[1] for r in data.table(key).rows) == raised == data.totals["problems"]
    stays = raw.execute(
        "SELECT count(*) FROM visit WHERE deleted = 0 AND method = 'stay' AND start_date BETWEEN ? AND ?", (s, e)
    ).fetchone()[0]
    assert len(data.table("stays").rows) == stays
    # Grassroots days: recount every (cadre, day) pair in Python from raw rows.
    pairs = set()
    for cadre, first, last in raw.execute(
        "SELECT vc.cadre_id, v.start_date, coalesce(v.end_date, v.start_date) FROM visit v JOIN visit_cadre vc "
        "ON vc.visit_id = v.id WHERE v.deleted = 0 AND vc.deleted = 0"
    ):
        day = date.fromisoformat(first)
        while day <= date.fromisoformat(last):
            if s <= day.isoformat() <= e:
                pairs.add((cadre, day))
            day = date.fromordinal(day.toordinal() + 1)
    assert data.totals["grassroots_days"] == len(pairs)


def test_project_progress_in_a_period_report_stops_at_the_period_s_end(filled: Store) -> None:
    """A Q3 report made in November counts the projects' acts from January to 30 September:
    the same figures whenever it is made, none from after the period."""
    raw = connect_raw(filled.path)
    later = raw.execute(
        "SELECT count(*) FROM help_log WHERE deleted = 0 AND project_id IS NOT NULL AND date > '2026-09-30'"
    ).fetchone()[0]
    assert later > 0  # acts after the period that a count to today would add
    data = figures.build(filled, figures.parse_period("2026-Q3"))
    table = data.table("projects")
    assert "截至期末" in table.title
    expected = {
        (name, org): (acts, people)
        for name, org, acts, people in raw.execute(
            "SELECT p.name, p.org, count(l.id), total(l.people) FROM project p LEFT JOIN help_log l "
            "ON l.project_id = p.id AND l.deleted = 0 AND l.date BETWEEN '2026-01-01' AND '2026-09-30' "
            "WHERE p.deleted = 0 AND p.year = 2026 GROUP BY p.id"
        )
    }
    shown = {(r[0], r[1]): (r[2], r[3].done) for r in table.rows}
    assert shown.keys() == expected.keys() and sum(a for a, _p in expected.values()) > 0
    for key, (acts, people) in expected.items():
        assert shown[key] == (acts, people), key


def test_referrals_overdue_are_counted_at_the_period_s_end(filled: Store) -> None:
    """Overdue at 30 September: sent by then, due before then, no final answer dated by then,
    the problem not settled by then; sent before the period counts too."""
    point = filled.list_records("liaison_point", limit=1)[0]["id"]

    def refer(sent: str, due: str, answer: tuple[str, str] | None = None, explained: str | None = None) -> None:
        problem = filled.save("problem", {"raised_date": "2026-06-01", "description": "村里缺少托管场地",
                                          "category": "children_education", "liaison_point_id": point})["id"]  # fmt: skip
        values = {"problem_id": problem, "department": "区残联", "sent_date": sent, "due_date": due}
        if answer:
            values.update(answer_date=answer[0], outcome=answer[1], answer="已答复")
        filled.save("referral", values)
        if explained:
            filled.save("problem", {"status": "resolved", "resolution": "已解决", "explanation": "已说明",
                                    "explained_date": explained}, problem)  # fmt: skip

    refer("2026-06-19", "2026-08-18")  # sent before the period, never answered: overdue
    refer("2026-06-19", "2026-08-18", ("2026-10-10", "solved"))  # answered only after the period: overdue
    refer("2026-07-01", "2026-08-01", ("2026-09-01", "in_progress"))  # an interim answer: overdue
    refer("2026-06-19", "2026-08-18", explained="2026-10-15")  # settled after the period: overdue
    refer("2026-06-19", "2026-08-18", ("2026-09-10", "solved"))  # answered in time
    refer("2026-06-19", "2026-08-18", explained="2026-09-01")  # settled in the period: nothing awaited
    refer("2026-09-01", "2026-10-05")  # due after the period
    refer("2026-10-02", "2026-10-10")  # sent after it
    data = figures.build(filled, figures.parse_period("2026-Q3"))
    table = data.table("referrals")
    row = next(r for r in table.rows if r[0] == "区残联")
    assert row[5] >= 4  # the four above, and any the demo has
    raw = connect_raw(filled.path)
    for text in ("2026-Q3", "2026-09", "2026-Q2", "2026", "2026-11"):
        period = figures.parse_period(text)
        # A period still running (the store's today is 2026-11-20) is counted as at today.
        end = min(period.end, date(2026, 11, 20)).isoformat()
        expected = raw.execute(
            "SELECT count(*) FROM referral r JOIN problem p ON p.id = r.problem_id "
            "WHERE r.deleted = 0 AND p.deleted = 0 AND r.sent_date <= :end AND r.due_date < :end "
            "AND (r.outcome IS NULL OR r.outcome NOT IN ('solved', 'refused', 'explained') OR r.answer_date > :end) "
            "AND (p.status NOT IN ('resolved', 'explained', 'closed') OR p.explained_date IS NULL "
            "OR p.explained_date > :end)",
            {"end": end},
        ).fetchone()[0]
        data = figures.build(filled, period)
        assert data.totals["referrals_overdue"] == expected == sum(r[5] for r in data.table("referrals").rows), text
    # Referred stays the period's own: sent in it.
    data = figures.build(filled, figures.parse_period("2026-Q3"))
    assert (
        data.totals["referrals"]
        == raw.execute(
            "SELECT count(*) FROM referral r JOIN problem p ON p.id = r.problem_id WHERE r.deleted = 0 AND p.deleted = 0 "
            "AND r.sent_date BETWEEN '2026-07-01' AND '2026-09-30'"
        ).fetchone()[0]
    )


def test_figures_at_the_end_of_a_running_period_are_as_at_today(filled: Store) -> None:
    """The year's report made on 20 November counts what is overdue by today, not by
    31 December (it counted problems due in December as 逾期未办结); a past period's
    open problems are those open at its end, settled later or not."""
    point = filled.list_records("liaison_point", limit=1)[0]["id"]
    for deadline in ("2026-11-25", "2026-12-20"):  # not yet due
        filled.save("problem", {"raised_date": "2026-11-02", "description": "缺少岗位", "category": "employment",
                                "liaison_point_id": point, "deadline": deadline})  # fmt: skip
    late = filled.save("problem", {"raised_date": "2026-08-02", "description": "托管难", "category": "employment",
                                   "liaison_point_id": point, "deadline": "2026-09-01"})["id"]  # fmt: skip
    filled.save("problem", {"status": "resolved", "resolution": "已解决", "explanation": "已说明",
                            "explained_date": "2026-10-15"}, late)  # fmt: skip
    raw = connect_raw(filled.path)
    for text in ("2026", "2026-Q4", "2026-Q3", "2026-08"):
        period = figures.parse_period(text)
        day = min(period.end, date(2026, 11, 20)).isoformat()
        open_at_end = (
            "FROM problem WHERE deleted = 0 AND raised_date <= :day AND (status IN ('open', 'in_progress') OR "
            "(status IN ('resolved', 'explained', 'closed') AND (explained_date IS NULL OR explained_date > :day)))"
        )
        opened = raw.execute(f"SELECT count(*) {open_at_end}", {"day": day}).fetchone()[0]
        overdue = raw.execute(f"SELECT count(*) {open_at_end} AND deadline < :day", {"day": day}).fetchone()[0]
        data = figures.build(filled, period)
        assert (data.totals["open_problems"], data.totals["overdue"]) == (opened, overdue), text
        assert len(data.table("overdue").rows) == overdue
    year = figures.build(filled, figures.parse_period("2026"))
    assert year.totals["overdue"] == len(problems.responsibility_list(filled, date(2026, 11, 20), overdue_only=True))
    assert all(row[0] < date(2026, 11, 20) for row in year.table("overdue").rows)
    q3 = figures.build(filled, figures.parse_period("2026-Q3"))
    assert date(2026, 9, 1) in [row[0] for row in q3.table("overdue").rows]  # settled only in October


def test_the_referral_table_adds_up_as_at_the_period_s_end(filled: Store) -> None:
    """Per department: unanswered at the start + referred in the period = answered in it +
    unanswered at the end, the overdue among the unanswered; an answer dated after the
    period is no answer in it (a November report made in December once showed 已答复 2,
    待答复 0 and 期末逾期 1 for one department). Each column is recounted here."""
    point = filled.list_records("liaison_point", limit=1)[0]["id"]
    problem = filled.save("problem", {"raised_date": "2026-06-01", "description": "缺少岗位",
                                      "category": "employment", "liaison_point_id": point})["id"]  # fmt: skip
    for sent, due, answered in (("2026-07-03", "2026-08-01", "2026-10-12"), ("2026-08-03", "2026-09-01", None),
                                ("2026-09-03", "2026-09-10", "2026-09-09"), ("2026-06-03", "2026-07-01", "2026-09-20")):  # fmt: skip
        values = {"problem_id": problem, "department": "测试部门", "sent_date": sent, "due_date": due}
        if answered:
            values.update(answer_date=answered, outcome="solved", answer="已解决")
        filled.save("referral", values)
    raw = connect_raw(filled.path)
    final = "coalesce(r.outcome, '') IN ('solved', 'refused', 'explained') AND coalesce(r.answer_date, '') <= :day"
    base = "FROM referral r JOIN problem p ON p.id = r.problem_id WHERE r.deleted = 0 AND p.deleted = 0 "
    checked = 0
    for text in ("2026-Q3", "2026-08", "2026-11", "2026"):
        period = figures.parse_period(text)
        s, e = period.start.isoformat(), min(period.end, date(2026, 11, 20)).isoformat()
        before = (date.fromisoformat(s) - timedelta(days=1)).isoformat()
        columns = {
            referrals.department_label(department): [
                raw.execute(f"SELECT count(*) {base} AND r.department = :d AND {where}", {"d": department, **params}).fetchone()[0]
                for where, params in (
                    (f"r.sent_date < :s AND NOT ({final})", {"s": s, "day": before}),
                    ("r.sent_date BETWEEN :s AND :e", {"s": s, "e": e}),
                    ("r.sent_date <= :e AND r.outcome IN ('solved', 'refused', 'explained') "
                     "AND r.answer_date BETWEEN :s AND :e", {"s": s, "e": e}),
                    (f"r.sent_date <= :day AND NOT ({final})", {"day": e}),
                    (f"r.sent_date <= :day AND NOT ({final}) AND r.due_date < :day AND NOT "
                     "(p.status IN ('resolved', 'explained', 'closed') AND p.explained_date <= :day)", {"day": e}),
                )
            ]
            for (department,) in raw.execute(f"SELECT DISTINCT r.department {base}")
        }  # fmt: skip
        expected = {d: c for d, c in columns.items() if any(c)}
        data = figures.build(filled, period)
        rows = {r[0]: r[1:] for r in data.table("referrals").rows}
        assert {d: list(c) for d, c in rows.items()} == expected, text
        for opening, referred, answered, unanswered, overdue in rows.values():
            assert opening + referred == answered + unanswered and overdue <= unanswered, text
        assert data.totals["referrals_unanswered"] == sum(r[3] for r in rows.values())
        checked += sum(map(sum, rows.values()))
    # In Q3 测试部门 had one waiting from June, three referred, two answered in Q3 (June's and
    # September's), two unanswered at the end (July's answered in October, August's never), both overdue.
    assert checked
    q3 = {r[0]: r[1:] for r in figures.build(filled, figures.parse_period("2026-Q3")).table("referrals").rows}
    assert q3["测试部门"] == [1, 3, 2, 2, 2]


def test_xlsx_has_typed_cells_and_frozen_headers(filled: Store, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    data = figures.build(filled, figures.parse_period("2026"))
    out = tmp_path / "r.xlsx"
    xlsx.write_xlsx(data, out)
    book = load_workbook(out)
    assert len(book.sheetnames) == 1 + len(data.tables)
    sheet = book[data.table("visits_by_method").title]
    assert sheet.freeze_panes == "A2"
    assert sheet["A1"].value == "方式" and sheet["B1"].value == "次数"
    assert all(isinstance(row[1].value, int) for row in sheet.iter_rows(min_row=2))
    stays = book[data.table("stays").title]
    assert all(row[1].is_date and row[2].is_date for row in stays.iter_rows(min_row=2))
    help_sheet = book["帮扶记录"]
    assert all(isinstance(row[2].value, (int, float)) for row in help_sheet.iter_rows(min_row=2))
    summary = book.worksheets[0]
    values = {row[0].value: row[1].value for row in summary.iter_rows(min_row=2)}
    assert values["走访次数（所含妇联干部记录的）"] == data.totals["visits"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_xlsx_columns_fit_numbers_are_numbers_and_sheet_names_are_whole(
    filled: Store, tmp_path: Path, lang: str
) -> None:
    """Every sheet's columns are as wide as their widest cell (the summary had none:
    its dates showed ########); done/target is two numeric columns (it was text like
    '12/30' and '—'), empty where there is no target; English sheet names are whole
    (one read "Referrals and answers by")."""
    from openpyxl import load_workbook

    with _speaking(lang):
        data = figures.build(filled, figures.parse_period("2026"))
        out = tmp_path / "r.xlsx"
        xlsx.write_xlsx(data, out)
    book = load_workbook(out)
    for sheet in book.worksheets:
        assert len(sheet.title) <= 31
        if lang == "en":
            words = lambda text: re.findall(r"[a-z]+", text.lower())  # noqa: E731
            # Every word a whole word of its table's title: a title's start, or a short name.
            assert sheet.title == "Summary" or any(
                set(words(sheet.title)) <= set(words(t.title)) for t in data.tables
            ), sheet.title
            assert sheet.title.split()[-1] not in ("by", "and", "of", "the", "per", "at", "as"), sheet.title
        for column in sheet.columns:
            letter = column[0].column_letter
            width = sheet.column_dimensions[letter].width
            for cell in column:
                if cell.is_date:
                    assert width >= 10, (sheet.title, letter)
                elif cell.value is not None and not isinstance(cell.value, float):
                    wide = sum(2 if ord(ch) > 0x2E7F else 1 for ch in str(cell.value))
                    assert width >= min(wide, 60), (sheet.title, letter, cell.value)
    summary = book.worksheets[0]
    assert summary.column_dimensions["A"].width >= 20 and summary.column_dimensions["B"].width >= 10
    projects_sheet = book.worksheets[1 + [t.key for t in data.tables].index("projects")]
    header = [c.value for c in projects_sheet[1]]
    rows = list(projects_sheet.iter_rows(min_row=2, values_only=True))
    assert rows and len(header) == 3 + 2 * 4
    for row in rows:
        assert isinstance(row[2], int)
        assert all(v is None or isinstance(v, (int, float)) for v in row[3:]), row
    assert any(row[4] is None for row in rows) and any(isinstance(row[4], (int, float)) for row in rows)
    quotas_sheet = book.worksheets[1 + [t.key for t in data.tables].index("quotas")]
    for row in quotas_sheet.iter_rows(min_row=2, values_only=True):
        assert all(v is None or isinstance(v, int) for v in row[1:]), row


def test_rates_with_nothing_to_count_are_a_dash_not_zero(filled: Store, tmp_path: Path) -> None:
    """No problem raised and nobody asked in the period: 问题办结率 and 妇女满意率 are "—"
    in the PDF and empty in the XLSX (they showed 0.0%)."""
    from openpyxl import load_workbook

    data = figures.build(filled, figures.parse_period("2019-05"))
    assert data.totals["problems"] == 0
    assert data.totals["resolution_rate"] is None and data.totals["feedback_satisfied"] is None
    xlsx.write_xlsx(data, tmp_path / "r.xlsx")
    values = {r[0]: r[1] for r in load_workbook(tmp_path / "r.xlsx").worksheets[0].iter_rows(values_only=True)}
    assert values["问题办结率"] is None and values["妇女满意率"] is None
    if shutil.which("pdftotext"):
        pdf.write_pdf(data, tmp_path / "r.pdf")
        text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "r.pdf"), "-"], capture_output=True,
                              text=True, check=True).stdout  # fmt: skip
        assert re.search(r"问题办结率\s+—", text) and re.search(r"妇女满意率\s+—", text)
        assert "0.0%" not in text
    year = figures.build(filled, figures.parse_period("2026"))
    assert 0 < year.totals["resolution_rate"] <= 1


def test_acts_of_help_without_a_type_are_unclassified_in_english(filled: Store) -> None:
    woman = filled.list_records("woman", limit=1)[0]["id"]
    pair = filled.save("help_pair", {"woman_id": woman, "start_date": "2026-10-01"})["id"]
    filled.save(
        "help_log", {"help_pair_id": pair, "date": "2026-10-10", "help_type": None, "amount": 10, "what": "送米面"}
    )
    for lang, label in (("zh", "未分类"), ("en", "Unclassified")):
        with _speaking(lang):
            rows = figures.build(filled, figures.parse_period("2026-10")).table("help").rows
        assert label in [r[0] for r in rows], lang


@pytest.mark.skipif(not shutil.which("pdffonts"), reason="poppler-utils is installed by scripts/setup.sh --test")
def test_pdf_embeds_the_font_and_shows_the_figures(filled: Store, tmp_path: Path) -> None:
    data = figures.build(filled, figures.parse_period("2026-Q3"), federation="测试县妇女联合会")
    out = tmp_path / "r.pdf"
    pdf.write_pdf(data, out)
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert fonts and all("yes yes yes" in " ".join(line.split()) for line in fonts), fonts
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    for expected in ("访妇情工作报表", "测试县妇女联合会", "2026年第3季度", "走访方式", "问题类别"):
        assert expected in text
    assert re.search(r"第\s*2\s*页", text)
    assert str(data.totals["visits"]) in text


@pytest.mark.parametrize(
    ("text", "zh", "en"),
    [("2026-09", "2026年9月", "Sep 2026"), ("2026-09/10", "2026年9—10月", "Sep–Oct 2026"),
     ("2026-Q3", "2026年第3季度", "Q3 2026"), ("2026", "2026年", "2026")],
)  # fmt: skip
def test_a_period_is_named_in_the_language_it_is_printed_in(text: str, zh: str, en: str) -> None:
    period = figures.parse_period(text)  # parsed first, as the CLI does before --lang takes effect
    with _speaking("zh"):
        assert period.label == zh
    with _speaking("en"):
        assert period.label == en


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils is installed by scripts/setup.sh --test")
def test_an_english_pdf_names_its_period_in_english(filled: Store, tmp_path: Path) -> None:
    with _speaking("en"):
        data = figures.build(filled, figures.parse_period("2026-Q3"), federation="测试县妇女联合会")
        out = tmp_path / "r.pdf"
        pdf.write_pdf(data, out)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "Q3 2026" in text
    assert "季度" not in text


CJK = re.compile(r"[\u3400-\u9fff]")
# Tables whose first column is a label made from a code (the rest hold names: data, left as typed).
LABELLED = ("visits_by_method", "visits_by_point_kind", "help", "problems_by_category", "problems_by_scope",
            "problems_by_disposition", "problems_by_status", "warnings", "feedback")  # fmt: skip


def test_an_english_report_has_no_chinese_labels(filled: Store, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    with _speaking("en"):
        data = figures.build(filled, figures.parse_period("2026"))
        xlsx.write_xlsx(data, tmp_path / "r.xlsx")
    assert data.table("warnings").rows  # the demo's trends: the category was left in Chinese
    for table in data.tables:
        assert not CJK.search(table.title + " ".join(table.columns)), (table.title, table.columns)
        if table.key in LABELLED:
            assert not [row[0] for row in table.rows if CJK.search(str(row[0]))], table.key
    book = load_workbook(tmp_path / "r.xlsx")
    assert not [name for name in book.sheetnames if CJK.search(name)]
    warnings = next(sheet for sheet in book.worksheets if sheet.title.startswith("Trend warnings"))
    categories = [row[0].value for row in warnings.iter_rows(min_row=2)]
    assert categories and not [c for c in categories if CJK.search(str(c))]


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils is installed by scripts/setup.sh --test")
def test_an_english_pdf_never_breaks_a_header_word(filled: Store, tmp_path: Path) -> None:
    with _speaking("en"):
        data = figures.build(filled, figures.parse_period("2026"))
        pdf.write_pdf(data, tmp_path / "r.pdf")
        xlsx.write_xlsx(data, tmp_path / "r.xlsx")
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "r.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout  # fmt: skip
    starts = [0]
    for table in data.tables:
        assert not re.search(r"[（）【】、：]", table.title), table.title  # English text, English brackets
        starts.append(text.index(table.title, starts[-1]))
    for table, start, end in zip(data.tables, starts[1:], [*starts[2:], len(text)], strict=True):
        if not table.rows:
            continue
        # Between this title and the next: the table, its header printed with every word whole.
        tokens = set(text[start:end].split())
        broken = [word for column in table.columns for word in column.split() if word not in tokens]
        assert not broken, (table.title, broken)
    from openpyxl import load_workbook

    names = load_workbook(tmp_path / "r.xlsx").sheetnames
    assert "Quota progress" in names and not [
        n for n in names if re.search(r"[（）]", n) or n.count("(") != n.count(")")
    ]


def test_research_draft_has_situation_analysis_and_proposals(filled: Store, tmp_path: Path) -> None:
    from desktop_app.core.reports import research

    point = filled.list_records("liaison_point", limit=1)[0]["id"]
    filled.save("problem", {"raised_date": "2026-10-01", "description": "托管班缺场地", "category": "children_education",
                            "disposition": "escalate", "liaison_point_id": point, "resolution": "建议村委会腾出活动室"})  # fmt: skip
    own = str(filled.own_cadre()["org"])  # type: ignore[index]  # the draft covers a federation's own records
    draft = research.build(filled, "children_education", figures.parse_period("2026"), own)
    assert draft.situation and draft.analysis
    assert any("托管班缺场地" in p and "建议村委会腾出活动室" in p for p in draft.proposals)
    out = tmp_path / "draft.pdf"
    research.write_pdf(draft, out)
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
        for heading in ("一、基本情况", "二、问题分析", "三、对策建议", "儿童教育"):
            assert heading in text


def test_a_hub_report_carries_the_hub_s_own_federation_not_the_majority_s(profiled: Store) -> None:
    own = str(profiled.own_cadre()["org"])  # type: ignore[index]
    for n in range(3):  # more cadres of another federation than of the hub's own
        profiled.save("cadre", {"name": f"外县干部{n}", "org": "哈尔滨市道里区妇女联合会"})
    assert figures.build(profiled, figures.parse_period("2026")).federation == own != "哈尔滨市道里区妇女联合会"


def test_numbers_in_a_pdf_table_never_break_across_lines(filled: Store, tmp_path: Path) -> None:
    out = tmp_path / "year.pdf"
    pdf.write_pdf(figures.build(filled, figures.parse_period("2026")), out)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    # The projects table: done against the notices' targets, each on one line.
    assert re.search(r"\d+/30,000\b", text) and re.search(r"[\d,.]+/50,000,000\b", text)
    widths = pdf.column_widths([["项目", "金额（元）"], ["妇女小额贷款兴业" * 4, "41,600/50,000,000"]], 200, len)
    assert widths[1] >= len("41,600/50,000,000") + pdf.CELL_PADDING and sum(widths) == pytest.approx(200)


def test_an_english_research_draft_has_no_chinese_labels_or_counters(filled: Store) -> None:
    from desktop_app.core.reports import research

    point = filled.list_records("liaison_point", limit=1)[0]["id"]
    filled.save("problem", {"raised_date": "2026-10-01", "description": "托管班缺场地", "category": "children_education",
                            "scope": "systemic", "disposition": "escalate", "liaison_point_id": point})  # fmt: skip
    own = str(filled.own_cadre()["org"])  # type: ignore[index]
    with _speaking("en"):
        text = research.as_text(research.build(filled, "children_education", figures.parse_period("2026"), own))
    assert "Children and schooling" in text and "[Escalate" in text
    # Descriptions and place names are data; what the draft itself says is English.
    assert not re.search(r"个|【|；|儿童教育|全局性", text), text


def _page_lines(out: Path, page: int) -> list[str]:
    text = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-layout", str(out), "-"],
                          capture_output=True, text=True, check=True).stdout  # fmt: skip
    # Not the running header or the page number: what the page itself holds.
    return [
        line.strip()
        for line in text.splitlines()[1:]
        if line.strip() and not re.fullmatch(r"第\s*\d+\s*页", line.strip())
    ]


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils is installed by scripts/setup.sh --test")
def test_no_pdf_page_ends_with_a_section_heading_and_short_tables_stay_whole(tmp_path: Path) -> None:
    """Whatever comes before pushes a section to a page's foot, its heading moves on with
    its chart and table (问题类别 ended page 4, its chart and table on page 5), and a short
    table is not split (办理状态 broke after one row)."""
    period = figures.parse_period("2026-Q3")
    stranded: list[tuple[int, int, str]] = []
    for filler in range(20, 36):
        tables = [
            figures.Table("filler", "走访记录清单", ["日期", "联系点"], [[date(2026, 7, 1), f"王家村{i}"] for i in range(filler)]),
            figures.Table("problems_by_category", "问题类别", ["问题类别", "个数"], [["就业", 4], ["婚姻家庭", 3], ["教育", 2]]),
            figures.Table("problems_by_status", "办理状态", ["办理状态", "个数"],
                          [[f"状态{i}", i] for i in range(1, 9)]),
            figures.Table("long", "长清单", ["日期", "事项"], [[date(2026, 7, 2), f"事项{i}"] for i in range(60)]),
        ]  # fmt: skip
        data = figures.ReportData("测试县妇联", period, "shandong", tables, {"visits": 1}, ("测试县妇联",))
        out = tmp_path / f"r{filler}.pdf"
        pdf.write_pdf(data, out)
        titles = {t.title for t in tables}
        info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
        for page in range(1, int(re.search(r"Pages:\s+(\d+)", info)[1]) + 1):  # type: ignore[index]
            lines = _page_lines(out, page)
            if lines and lines[-1] in titles:
                stranded.append((filler, page, lines[-1]))
            if "办理状态" in lines:
                rows = [line for line in lines if line.startswith("状态")]
                assert len(rows) == 8, (filler, page, rows)
    assert not stranded
