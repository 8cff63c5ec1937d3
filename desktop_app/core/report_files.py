"""Write a report's tables as XLSX (for the office) or PDF (cover, tables, charts)."""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path
from typing import Any

from .i18n import pick
from .report import ReportData

PDF_ROWS = 100  # longer lists are cut in the PDF; the XLSX has every row
TOTAL_LABELS = {
    "visits": ("走访次数", "Visits"), "grassroots_days": ("下基层天数（合计）", "Grassroots days (total)"),
    "new_pairs": ("新结对", "New pairs"), "active_pairs": ("帮扶中的结对", "Active pairs"),
    "acts": ("帮扶次数", "Acts of help"), "amount": ("帮扶金额（元）", "Amount (yuan)"),
    "problems": ("新发现问题", "Problems raised"), "resolution_rate": ("问题办结率", "Resolution rate"),
    "overdue": ("逾期未办结", "Overdue"),
}  # fmt: skip


def _atomic(path: Path, write: Any) -> None:
    tmp = path.with_name(f".{path.name}.part")
    try:
        write(tmp)
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def write_xlsx(data: ReportData, out: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    summary = book.active
    summary.title = pick("概况", "Summary")
    summary.append([pick("项目", "Item"), pick("数值", "Value")])
    summary.append([pick("妇联", "Federation"), data.federation])
    summary.append([pick("期间", "Period"), data.period.label])
    summary.append([pick("起", "From"), data.period.start])
    summary.append([pick("止", "To"), data.period.end])
    for key, value in data.totals.items():
        zh, en = TOTAL_LABELS.get(key, (key, key))
        summary.append([pick(zh, en), value])
    for row in summary.iter_rows(min_row=4, max_row=5, min_col=2, max_col=2):
        for cell in row:
            cell.number_format = "yyyy-mm-dd"
    for table in data.tables:
        sheet = book.create_sheet(re.sub(r"[\[\]:*?/\\]", "", table.title)[:31])
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
    _atomic(out, lambda path: book.save(str(path)))


def write_pdf(data: ReportData, out: Path) -> None:
    from reportlab.graphics.charts.barcharts import HorizontalBarChart
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer
    from reportlab.platypus import Table as PdfTable

    from .cards import FONT, _register_font

    _register_font()
    from reportlab.graphics import shapes

    # Charts start from this default font; Helvetica would be the one font not embedded.
    shapes.STATE_DEFAULTS["fontName"] = FONT
    base = ParagraphStyle("base", fontName=FONT, fontSize=9.5, leading=14, wordWrap="CJK")
    title = ParagraphStyle("title", parent=base, fontSize=24, leading=32, alignment=1)
    h2 = ParagraphStyle("h2", parent=base, fontSize=13, leading=20, spaceBefore=10, spaceAfter=4)
    cell = ParagraphStyle("cell", parent=base, fontSize=8.5, leading=11)
    red = colors.HexColor("#b3261e")

    def header_footer(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 8)
        canvas.setFillColor(colors.grey)
        canvas.drawString(18 * mm, A4[1] - 12 * mm, f"{data.federation}  {data.period.label}")
        canvas.drawRightString(A4[0] - 18 * mm, 10 * mm, pick(f"第 {doc.page} 页", f"Page {doc.page}"))
        canvas.restoreState()

    story: list[Any] = [Spacer(1, 70 * mm), Paragraph(pick("访妇情工作报表", "Fuqing campaign report"), title),
                        Spacer(1, 10 * mm), Paragraph(data.federation, ParagraphStyle("c", parent=base, fontSize=14, alignment=1)),
                        Spacer(1, 4 * mm), Paragraph(data.period.label, ParagraphStyle("p", parent=base, fontSize=14, alignment=1)),
                        Spacer(1, 4 * mm), Paragraph(pick(f"生成日期：{date.today():%Y-%m-%d}", f"Made on {date.today():%Y-%m-%d}"),
                                                     ParagraphStyle("d", parent=base, alignment=1)),
                        PageBreak(), Paragraph(pick("概况", "Summary"), h2)]  # fmt: skip
    summary_rows = []
    for key, value in data.totals.items():
        zh, en = TOTAL_LABELS.get(key, (key, key))
        shown = (
            f"{value:.1%}" if key == "resolution_rate" else f"{value:,.2f}" if isinstance(value, float) else str(value)
        )
        summary_rows.append([Paragraph(pick(zh, en), cell), Paragraph(shown, cell)])
    story.append(_styled(PdfTable(summary_rows, colWidths=[60 * mm, 60 * mm]), red, FONT, header=False))
    for table in data.tables:
        story.append(Paragraph(table.title, h2))
        if not table.rows:
            story.append(Paragraph(pick("（本期无）", "(none in this period)"), base))
            continue
        if table.key in ("visits_by_method", "problems_by_category", "help") and len(table.rows) > 1:
            story.append(_bar_chart(table, Drawing, HorizontalBarChart, FONT, red))
        rows = [[Paragraph(str(c), cell) for c in table.columns]]
        rows += [[Paragraph(_fmt(v), cell) for v in row] for row in table.rows[:PDF_ROWS]]
        story.append(_styled(PdfTable(rows, repeatRows=1), red, FONT, header=True))
        if len(table.rows) > PDF_ROWS:
            more = len(table.rows) - PDF_ROWS
            story.append(
                Paragraph(
                    pick(f"……另有 {more} 条，完整清单见 XLSX 报表", f"…and {more} more; the XLSX has them all"), base
                )
            )
    doc = SimpleDocTemplate("", pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=18 * mm,
                            bottomMargin=16 * mm, title=f"{data.federation} {data.period.label}",
                            author="访妇情", initialFontName=FONT)  # fmt: skip

    def build(path: Path) -> None:
        doc.filename = str(path)
        doc.build(story, onFirstPage=lambda c, d: None, onLaterPages=header_footer)

    _atomic(out, build)


def _fmt(value: Any) -> str:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:,.2f}"
    return str(value)


def _styled(table: Any, red: Any, font: str, header: bool) -> Any:
    from reportlab.lib import colors
    from reportlab.platypus import TableStyle

    style = [("FONT", (0, 0), (-1, -1), font), ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
             ("VALIGN", (0, 0), (-1, -1), "TOP")]  # fmt: skip
    if header:
        style += [("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#f4dcda"))]
    table.setStyle(TableStyle(style))
    return table


def _bar_chart(table: Any, drawing_cls: Any, chart_cls: Any, font: str, red: Any) -> Any:
    from reportlab.lib.units import mm

    rows = table.rows[:12]
    height = 12 * mm + 7 * mm * len(rows)
    drawing = drawing_cls(170 * mm, height)
    chart = chart_cls()
    chart.x, chart.y = 45 * mm, 6 * mm
    chart.width, chart.height = 115 * mm, height - 10 * mm
    chart.data = [[float(r[1]) for r in reversed(rows)]]
    chart.categoryAxis.categoryNames = [str(r[0]) for r in reversed(rows)]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 8
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.bars[0].fillColor = red
    drawing.add(chart)
    return drawing
