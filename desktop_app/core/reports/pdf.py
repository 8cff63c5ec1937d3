"""A report as a PDF: cover, summary, every table (charts for the main ones),
running header and page numbers, the app's font embedded."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.graphics import shapes
from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, KeepTogether, PageBreak, Paragraph, SimpleDocTemplate, Spacer, TableStyle
from reportlab.platypus import Table as PdfTable

from ..files import write_atomically
from ..i18n import pick
from ..printing.font import register_font
from .figures import RATE_KEYS, TOTAL_LABELS, ReportData, Table, covered_label

PDF_ROWS = 100  # longer lists are cut in the PDF; the XLSX has every row
SHORT_TABLE = 10  # rows: a table this short is kept whole on one page, with its heading
LONG_TABLE_START = 5 * 16  # points: a longer one starts only where its header and a few rows fit


def write_pdf(data: ReportData, out: Path) -> None:
    font = register_font()
    # Charts start from this default font; Helvetica would be the one font not embedded.
    shapes.STATE_DEFAULTS["fontName"] = font
    base = ParagraphStyle("base", fontName=font, fontSize=9.5, leading=14, wordWrap="CJK")
    title = ParagraphStyle("title", parent=base, fontSize=24, leading=32, alignment=1)
    h2 = ParagraphStyle("h2", parent=base, fontSize=13, leading=20, spaceBefore=10, spaceAfter=4)
    cell = ParagraphStyle("cell", parent=base, fontSize=8.5, leading=11)
    # Chinese breaks between any two characters; text without it only at spaces ("People trained", not "train|ed").
    words = ParagraphStyle("words", parent=cell, wordWrap=None)
    red = colors.HexColor("#b3261e")

    def header_footer(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(font, 8)
        canvas.setFillColor(colors.grey)
        canvas.drawString(18 * mm, A4[1] - 12 * mm, f"{data.federation}  {data.period.label}")
        canvas.drawRightString(A4[0] - 18 * mm, 10 * mm, pick(f"第 {doc.page} 页", f"Page {doc.page}"))
        canvas.restoreState()

    story: list[Any] = [Spacer(1, 70 * mm), Paragraph(pick("访妇情工作报表", "Fuqing campaign report"), title),
                        Spacer(1, 10 * mm), Paragraph(data.federation, ParagraphStyle("c", parent=base, fontSize=14, alignment=1)),
                        Spacer(1, 2 * mm), Paragraph(covered_label(data), ParagraphStyle("s", parent=base, alignment=1)),
                        Spacer(1, 4 * mm), Paragraph(data.period.label, ParagraphStyle("p", parent=base, fontSize=14, alignment=1)),
                        Spacer(1, 4 * mm), Paragraph(pick(f"生成日期：{date.today():%Y-%m-%d}", f"Made on {date.today():%Y-%m-%d}"),
                                                     ParagraphStyle("d", parent=base, alignment=1)),
                        PageBreak(), Paragraph(pick("概况", "Summary"), h2)]  # fmt: skip
    summary_rows = []
    for key, value in data.totals.items():
        zh, en = TOTAL_LABELS.get(key, (key, key))
        if value is None:
            shown = "—"
        else:
            shown = f"{value:.1%}" if key in RATE_KEYS else f"{value:,.2f}" if isinstance(value, float) else str(value)
        summary_rows.append([Paragraph(pick(zh, en), cell), Paragraph(shown, cell)])
    story.append(_styled(PdfTable(summary_rows, colWidths=[60 * mm, 60 * mm]), red, font, header=False))
    for table in data.tables:
        section: list[Any] = [Paragraph(table.title, h2)]
        if not table.rows:
            story.append(KeepTogether([*section, Paragraph(pick("（本期无）", "(none in this period)"), base)]))
            continue
        if table.key in ("visits_by_method", "problems_by_category", "help") and len(table.rows) > 1:
            section.append(_bar_chart(table, font, red))
        texts = [[str(c) for c in table.columns], *[[_fmt(v) for v in row] for row in table.rows[:PDF_ROWS]]]
        rows = [[Paragraph(t, cell if HAN.search(t) else words) for t in row] for row in texts]
        widths = column_widths(texts, A4[0] - 36 * mm, lambda t: stringWidth(t, font, cell.fontSize))
        printed = _styled(PdfTable(rows, colWidths=widths, repeatRows=1), red, font, header=True)
        if len(table.rows) <= SHORT_TABLE:
            # A heading never ends a page, and a short table is never split: the section moves on whole.
            story.append(KeepTogether([*section, printed]))
        else:
            # A long table may split, but not before its heading, chart and first rows are on one page.
            room = sum(f.wrap(A4[0] - 36 * mm, A4[1])[1] for f in section) + h2.spaceBefore + LONG_TABLE_START
            story += [CondPageBreak(room), *section, printed]
        if len(table.rows) > PDF_ROWS:
            more = len(table.rows) - PDF_ROWS
            story.append(
                Paragraph(
                    pick(f"……另有 {more} 条，完整清单见 XLSX 报表", f"…and {more} more; the XLSX has them all"), base
                )
            )
    doc = SimpleDocTemplate("", pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=18 * mm,
                            bottomMargin=16 * mm, title=f"{data.federation} {data.period.label}",
                            author="访妇情", initialFontName=font)  # fmt: skip

    def build(path: Path) -> None:
        doc.filename = str(path)
        doc.build(story, onFirstPage=lambda c, d: None, onLaterPages=header_footer)

    write_atomically(out, build)


CELL_PADDING = 12 + 1  # points: reportlab's 6 on each side of a cell, and a point to spare
SHORT_CELL = 4  # characters: a cell this short (a name, a status) is never broken
HAN = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]")  # text that may break between characters


def _text_width(text: str) -> int:
    """Length in half-em units: a Chinese character is two, a digit or letter one."""
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def _unbroken(text: str) -> list[str]:
    """What must stay on one line: a short cell whole (a name, 已答复), else its numbers
    and words (every word of text with no Chinese in it, which wraps only at spaces)."""
    if len(text) <= SHORT_CELL:
        return [text]
    return [tok for tok in text.split() if tok.isascii() or not HAN.search(text)]


def column_widths(texts: list[list[str]], total: float, measure: Callable[[str], float]) -> list[float]:
    """Columns shared by what they hold: a number ("64/30,000"), a name or a word
    (of the header too: "Acts", "trained") never breaks across lines (``measure``
    gives its printed width in points); long text (descriptions, federations)
    takes the room that is left, in proportion to its length. A header wraps
    between words, in Chinese between any characters."""
    count = len(texts[0])
    floor = [
        max((measure(piece) for row in texts for piece in _unbroken(row[i])), default=0.0) + CELL_PADDING
        for i in range(count)
    ]
    wanted = [max(min(max(_text_width(row[i]) for row in texts), 40), 4) for i in range(count)]
    widths = [w * total / sum(wanted) for w in wanted]
    short = sum(max(f - w, 0) for f, w in zip(floor, widths, strict=True))
    spare = sum(w - f for f, w in zip(floor, widths, strict=True) if w > f)
    # What numbers need comes off the other columns, each in proportion to its room above its own floor.
    return [f if w <= f else w - short * (w - f) / spare for f, w in zip(floor, widths, strict=True)]


def _fmt(value: Any) -> str:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:,.2f}"
    return str(value)


def _styled(table: Any, red: Any, font: str, header: bool) -> Any:
    style = [("FONT", (0, 0), (-1, -1), font), ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
             ("VALIGN", (0, 0), (-1, -1), "TOP")]  # fmt: skip
    if header:
        style += [("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#f4dcda"))]
    table.setStyle(TableStyle(style))
    return table


def _bar_chart(table: Table, font: str, red: Any) -> Drawing:
    rows = table.rows[:12]
    height = 12 * mm + 7 * mm * len(rows)
    drawing = Drawing(170 * mm, height)
    chart = HorizontalBarChart()
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
