"""A report's tables as an XLSX workbook for the office: typed cells, frozen headers."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from ..files import write_atomically
from ..i18n import pick
from .figures import RATE_KEYS, TOTAL_LABELS, ReportData, covered_label


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
        summary.append([pick(zh, en), value])
        if key in RATE_KEYS:
            summary.cell(summary.max_row, 2).number_format = "0.0%"
    for row in summary.iter_rows(min_row=5, max_row=6, min_col=2, max_col=2):
        for cell in row:
            cell.number_format = "yyyy-mm-dd"
    for table in data.tables:
        sheet = book.create_sheet(sheet_name(table.title, book.sheetnames))
        sheet.append(table.columns)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in table.rows:
            sheet.append(row)
        sheet.freeze_panes = "A2"
        for column_cells in sheet.columns:
            letter = column_cells[0].column_letter
            width = max(len(str(c.value or "")) for c in column_cells)
            sheet.column_dimensions[letter].width = min(60, max(10, width * 2))
            for cell in column_cells[1:]:
                if isinstance(cell.value, date):
                    cell.number_format = "yyyy-mm-dd"
    summary.freeze_panes = "A2"
    write_atomically(out, lambda path: book.save(str(path)))


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
