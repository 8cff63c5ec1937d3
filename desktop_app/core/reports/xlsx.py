"""A report's tables as an XLSX workbook for the office: typed cells, frozen headers,
columns as wide as what they hold."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ..files import write_atomically
from ..i18n import pick
from .figures import RATE_KEYS, TOTAL_LABELS, DoneOf, ReportData, Table, covered_label

# Sheet names for titles longer than Excel's 31 characters: short, and whole words.
SHEET_NAMES = {
    "visits_by_point_kind": ("走访的联系点类型", "Visits by point kind"),
    "grassroots_days": ("干部下基层天数", "Grassroots days"),
    "help": ("帮扶记录", "Acts of help"),
    "overdue": ("逾期未办结问题", "Overdue problems"),
    "referrals": ("转办与答复", "Referrals"),
    "projects": ("实事项目进度", "Projects"),
    "quotas": ("任务指标完成情况", "Quota progress"),
    "research": ("报送的调研报告", "Research reports"),
    "notable": ("妇情日记摘录", "Diary excerpts"),
}


def write_xlsx(data: ReportData, out: Path) -> None:
    book = Workbook()
    summary = book.active
    summary.title = pick("概况", "Summary")
    summary.append([pick("项目", "Item"), pick("数值", "Value")])
    summary.append([pick("妇联", "Federation"), data.federation])
    summary.append([pick("范围", "Covers"), covered_label(data)])
    summary.append([pick("期间", "Period"), data.period.label])
    summary.append([pick("起", "From"), data.period.start])
    summary.append([pick("止", "To"), data.period.end])
    for key, value in data.totals.items():
        zh, en = TOTAL_LABELS.get(key, (key, key))
        summary.append([pick(zh, en), value])  # a rate with nothing to count is None: an empty cell
        if key in RATE_KEYS:
            summary.cell(summary.max_row, 2).number_format = "0.0%"
    _finish(summary)
    for table in data.tables:
        sheet = book.create_sheet(sheet_name(_sheet_title(table), book.sheetnames))
        columns, rows = _expanded(table)
        sheet.append(columns)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append(row)
        _finish(sheet)
    write_atomically(out, lambda path: book.save(str(path)))


def _sheet_title(table: Table) -> str:
    short = SHEET_NAMES.get(table.key)
    return pick(*short) if short else table.title


def _expanded(table: Table) -> tuple[list[str], list[list[Any]]]:
    """Columns of done-against-target as two columns of numbers (done, target): the
    office sums and sorts them, which text like "17/30,000" does not allow."""
    split = {i for i in range(len(table.columns)) if any(isinstance(row[i], DoneOf) for row in table.rows)}
    columns: list[str] = []
    for i, name in enumerate(table.columns):
        columns += (
            [f"{name}{pick('（完成）', ' (done)')}", f"{name}{pick('（目标）', ' (target)')}"] if i in split else [name]
        )
    rows = []
    for row in table.rows:
        cells: list[Any] = []
        for i, value in enumerate(row):
            cells += [value.done, value.target] if i in split and isinstance(value, DoneOf) else [value]
        rows.append(cells)
    return columns, rows


def _finish(sheet: Worksheet) -> None:
    """Frozen header, dates shown as dates, each column as wide as its widest cell."""
    sheet.freeze_panes = "A2"
    for index, column_cells in enumerate(sheet.columns, start=1):
        for cell in column_cells:
            if isinstance(cell.value, date):
                cell.number_format = "yyyy-mm-dd"
        width = max(_display_width(c.value, c.number_format) for c in column_cells)
        sheet.column_dimensions[get_column_letter(index)].width = min(60, max(8, width + 2))


def _display_width(value: Any, number_format: str) -> int:
    """How many character widths Excel needs to show a value (a Chinese character is two)."""
    if value is None:
        return 0
    if isinstance(value, date):
        return 10
    if isinstance(value, float) and "%" in number_format:
        return 6
    text = f"{value:,.2f}" if isinstance(value, float) else str(value)
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def sheet_name(title: str, taken: list[str]) -> str:
    """A table's title as Excel allows a sheet name: no []:*?/\\, 31 characters at most,
    shortened by its bracketed note, then at a space (never in the middle of a word
    or leaving a bracket open), and unique in the workbook."""
    name = re.sub(r"[\[\]:*?/\\]", "", title)
    if len(name) > 31:
        name = re.sub(r"\s*[（(].*$", "", name) or name
    if len(name) > 31:
        name = name[:32].rsplit(" ", 1)[0] if " " in name[:32] else name[:31]
    unique, n = name, 2
    while unique in taken:
        unique = f"{name[: 31 - len(str(n)) - 1]} {n}"
        n += 1
    return unique
