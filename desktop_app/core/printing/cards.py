"""Contact service cards (联系服务卡), ID-1 size, rendered from cadre records.

Front: 联系服务卡, federation, name, position, phones, the 12338 hotline, the
liaison points served, the service promise. Back: a QR code holding a vCard 3.0
a phone camera adds to contacts, and "有困难，找妇联". Text shrinks to fit and
wraps where it may; what cannot fit even at the smallest legible size is refused
with a message naming the cadre and the field, never printed clipped.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import zxingcpp
from reportlab import rl_config
from reportlab.lib.colors import Color, HexColor
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from .. import messages as msg
from ..errors import FuqingError
from ..files import write_atomically
from ..i18n import pick
from ..progress import Cancelled, Progress, Steps
from ..store import Store
from .font import FONT, register_font
from .imposition import CARD_H, CARD_W, MM, draw_crop_marks, page_size, pages

MARGIN = 3.5 * MM  # safe area inside the trimmed card
MIN_SIZE = 6.0  # points: the smallest size still legible on a card
HOTLINE = "12338"


class CardError(FuqingError):
    def __init__(self, cadre_name: str, field: str, message: str):
        self.cadre_name = cadre_name
        self.field = field
        super().__init__(message)


@dataclass
class CardData:
    cadre_id: str
    name: str
    federation: str
    position: str
    mobile: str
    office_phone: str
    email: str
    address: str
    hotline: str
    promise: str
    points: list[str]

    def vcard(self) -> str:
        """vCard 3.0; UTF-8 in the QR code keeps the Chinese intact."""

        def esc(text: str) -> str:
            return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")

        family, given = (self.name[0], self.name[1:]) if len(self.name) in (2, 3) else (self.name, "")
        lines = ["BEGIN:VCARD", "VERSION:3.0", f"N:{esc(family)};{esc(given)};;;", f"FN:{esc(self.name)}",
                 f"ORG:{esc(self.federation)}"]  # fmt: skip
        if self.position:
            lines.append(f"TITLE:{esc(self.position)}")
        lines.append(f"TEL;TYPE=CELL:{self.mobile}")
        if self.office_phone:
            lines.append(f"TEL;TYPE=WORK,VOICE:{self.office_phone}")
        if self.email:
            lines.append(f"EMAIL;TYPE=INTERNET:{self.email}")
        if self.address:
            lines.append(f"ADR;TYPE=WORK:;;{esc(self.address)};;;;")
        lines.append("END:VCARD")
        return "\r\n".join(lines) + "\r\n"


def card_data(store: Store, cadre_id: str) -> CardData:
    cadre = store.get("cadre", cadre_id)
    points = [
        row[0]
        for row in store.conn.execute(
            "SELECT p.name FROM liaison_point_cadre l JOIN liaison_point p ON p.id = l.liaison_point_id "
            "WHERE l.cadre_id = ? AND l.deleted = 0 AND p.deleted = 0 ORDER BY p.name",
            (cadre_id,),
        )
    ]
    data = CardData(
        cadre_id, cadre["name"], cadre["org"], cadre.get("position") or "", cadre.get("mobile") or "",
        cadre.get("office_phone") or "", cadre.get("email") or "", cadre.get("address") or "",
        cadre.get("hotline") or HOTLINE, cadre.get("service_promise") or "", points,
    )  # fmt: skip
    if not data.mobile:
        raise CardError(data.name, "mobile", msg.CARD_NO_MOBILE.format(name=data.name))
    return data


class CardCanvas(Protocol):
    """The part of reportlab's canvas API the card drawing uses; the Qt preview
    and printer implement it too, so screen, printer and PDF share one layout."""

    def setFillColor(self, color: Color) -> None: ...
    def setFillColorRGB(self, r: float, g: float, b: float) -> None: ...
    def rect(self, x: float, y: float, width: float, height: float, stroke: int = 1, fill: int = 0) -> None: ...
    def setFont(self, psfontname: str, size: float) -> None: ...
    def drawString(self, x: float, y: float, text: str) -> None: ...
    def drawRightString(self, x: float, y: float, text: str) -> None: ...
    def drawCentredString(self, x: float, y: float, text: str) -> None: ...
    def setLineWidth(self, width: float) -> None: ...
    def line(self, x1: float, y1: float, x2: float, y2: float) -> None: ...
    def draw_qr_mask(self, modules: int, hex_data: str, left: float, bottom: float, side: float) -> None: ...


class PdfCardCanvas(Canvas):
    """reportlab's canvas with the one drawing call it lacks: the QR code as an image mask."""

    def draw_qr_mask(self, modules: int, hex_data: str, left: float, bottom: float, side: float) -> None:
        # The symbol as one inline 1-bit image mask painted black, scaled without
        # interpolation: one operator per card instead of hundreds of rectangles.
        self.saveState()
        self.setFillColorRGB(0, 0, 0)
        self.transform(side, 0, 0, side, left, bottom)
        self.addLiteral(f"BI /W {modules} /H {modules} /IM true /BPC 1 /D [1 0] /F /AHx /I false ID\n{hex_data}>\nEI")
        self.restoreState()


def _fit(text: str, width: float, size: float, data: CardData, field: str, min_size: float = MIN_SIZE) -> float:
    """The largest size ≤ ``size`` at which ``text`` fits in ``width``."""
    while size >= min_size:
        if stringWidth(text, FONT, size) <= width:
            return size
        size -= 0.25
    raise CardError(data.name, field, msg.CARD_TOO_LONG.format(name=data.name, field=_FIELD_LABELS[field]))


def _wrap(text: str, width: float, size: float, max_lines: int, data: CardData, field: str) -> tuple[list[str], float]:
    """Split Chinese text (no spaces needed) into ≤ ``max_lines`` lines, shrinking if needed."""
    while size >= MIN_SIZE:
        lines, current = [], ""
        for ch in text:
            if stringWidth(current + ch, FONT, size) <= width:
                current += ch
            else:
                lines.append(current)
                current = ch
        lines.append(current)
        if len(lines) <= max_lines:
            return lines, size
        size -= 0.25
    raise CardError(data.name, field, msg.CARD_TOO_LONG.format(name=data.name, field=_FIELD_LABELS[field]))


_ZH = {"name": "姓名", "federation": "所在妇联", "position": "职务", "address": "通讯地址",
       "promise": "服务承诺", "points": "联系点", "mobile": "手机"}  # fmt: skip
_EN = {"name": "name", "federation": "federation", "position": "position", "address": "address",
       "promise": "service promise", "points": "liaison points", "mobile": "mobile"}  # fmt: skip


class _FieldLabels:
    def __getitem__(self, key: str) -> str:
        return pick(_ZH.get(key, key), _EN.get(key, key))


_FIELD_LABELS = _FieldLabels()


def draw_front(canvas: CardCanvas, x: float, y: float, data: CardData) -> None:
    """The front with its lower-left corner at (x, y)."""
    register_font()
    red = HexColor("#b3261e")
    inner = CARD_W - 2 * MARGIN
    canvas.setFillColor(red)
    canvas.rect(x, y + CARD_H - 11 * MM, CARD_W, 11 * MM, stroke=0, fill=1)
    canvas.setFillColor(HexColor("#ffffff"))
    canvas.setFont(FONT, 11)
    canvas.drawString(x + MARGIN, y + CARD_H - 7.5 * MM, "联系服务卡")
    size = _fit(data.federation, inner - 24 * MM, 7.5, data, "federation")
    canvas.setFont(FONT, size)
    canvas.drawRightString(x + CARD_W - MARGIN, y + CARD_H - 7.2 * MM, data.federation)
    canvas.setFillColor(HexColor("#000000"))
    top = y + CARD_H - 18 * MM
    name_size = _fit(data.name, inner * 0.55, 15, data, "name", min_size=9)
    canvas.setFont(FONT, name_size)
    canvas.drawString(x + MARGIN, top, data.name)
    if data.position:
        left = x + MARGIN + stringWidth(data.name, FONT, name_size) + 2.5 * MM
        room = x + CARD_W - MARGIN - left
        size = _fit(data.position, room, 8, data, "position")
        canvas.setFont(FONT, size)
        canvas.drawString(left, top, data.position)
    lines = [f"手机：{data.mobile}"]
    if data.office_phone:
        lines.append(f"办公电话：{data.office_phone}")
    lines.append(f"妇女维权热线：{data.hotline}")
    if data.points:
        lines.append(_points_line(data, inner))
    line_y = top - 5.5 * MM
    for line in lines:
        if line.startswith("联系点："):
            wrapped, size = _wrap(line, inner, 7.5, 2, data, "points")
            canvas.setFont(FONT, size)
            for part in wrapped:
                canvas.drawString(x + MARGIN, line_y, part)
                line_y -= size * 1.25
            continue
        canvas.setFont(FONT, 8)
        canvas.drawString(x + MARGIN, line_y, line)
        line_y -= 4.2 * MM
    if data.promise:
        size = _fit(data.promise, inner, 7.5, data, "promise")
        canvas.setFillColor(red)
        canvas.setFont(FONT, size)
        canvas.drawCentredString(x + CARD_W / 2, y + MARGIN, data.promise)
        canvas.setFillColor(HexColor("#000000"))


def _points_line(data: CardData, width: float) -> str:
    """As many liaison points as fit on two lines at 7 pt, then "等 N 个"."""
    shown: list[str] = []
    for index, point in enumerate(data.points):
        rest = len(data.points) - index - 1
        candidate = "联系点：" + "、".join([*shown, point]) + (f" 等{len(data.points)}个" if rest else "")
        if stringWidth(candidate, FONT, 7) > 2 * width * 0.95:
            break
        shown.append(point)
    if not shown:
        return f"联系点：{data.points[0]}" + (f" 等{len(data.points)}个" if len(data.points) > 1 else "")
    more = f" 等{len(data.points)}个" if len(shown) < len(data.points) else ""
    return "联系点：" + "、".join(shown) + more


def qr_image_mask(text: str) -> tuple[int, str]:
    """(modules, hex rows) of the QR code as a 1-bit image mask, row by row from the top."""
    barcode = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    view = memoryview(barcode.to_image(scale=1, add_quiet_zones=False))  # type: ignore[arg-type]
    modules = int(view.shape[0])  # type: ignore[index]
    row_bytes = (modules + 7) // 8
    bits = view.tobytes().translate(_TO_BITS)  # dark module -> "1"
    hex_rows = []
    for row in range(modules):
        line = bits[row * modules : (row + 1) * modules].decode("ascii").ljust(row_bytes * 8, "0")
        hex_rows.append(int(line, 2).to_bytes(row_bytes, "big").hex())
    return modules, "".join(hex_rows)


_TO_BITS = bytes((ord("1") if value < 128 else ord("0")) for value in range(256))


def draw_back(canvas: CardCanvas, x: float, y: float, data: CardData) -> None:
    register_font()
    modules, hex_data = qr_image_mask(data.vcard())
    side = 36 * MM
    canvas.draw_qr_mask(modules, hex_data, x + (CARD_W - side) / 2, y + 11 * MM, side)
    canvas.setFont(FONT, 10)
    canvas.drawCentredString(x + CARD_W / 2, y + 5 * MM, "有困难，找妇联")
    canvas.setFont(FONT, 6.5)
    canvas.drawCentredString(x + CARD_W / 2, y + 2.2 * MM, "扫码保存联系人 · 妇女维权热线 " + data.hotline)


def draw_side(canvas: CardCanvas, side: str, x: float, y: float, data: CardData) -> None:
    (draw_front if side == "front" else draw_back)(canvas, x, y, data)


def render(
    cards: list[CardData], out: Path, layout: str = "card", duplex: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> int:  # fmt: skip
    """Write the cards to a PDF; returns the number of pages.

    Each distinct card is drawn once as a form XObject (front and back) and
    placed wherever it appears, so a thousand copies of one card cost one.
    """
    register_font()
    rl_config.useA85 = 0  # binary streams: smaller files, no base-85 pass in pure Python
    count = 0

    def write(path: Path) -> None:
        nonlocal count
        canvas = PdfCardCanvas(str(path), pagesize=page_size(layout), pageCompression=1, initialFontName=FONT)
        forms: dict[tuple[str, str], str] = {}
        for page in pages(cards, layout, duplex):
            for p in page.placements:
                key = (p.side, repr(p.card))
                name = forms.get(key)
                if name is None:
                    name = forms[key] = f"card{len(forms)}"
                    canvas.beginForm(name, lowerx=0, lowery=0, upperx=CARD_W, uppery=CARD_H)
                    draw_side(canvas, p.side, 0, 0, p.card)
                    canvas.endForm()
                if p.crop_marks:
                    draw_crop_marks(canvas, p.x, p.y)
                canvas.saveState()
                canvas.translate(p.x, p.y)
                canvas.doForm(name)
                canvas.restoreState()
            canvas.showPage()
            if progress:
                progress(page.cards_done, len(cards))
        canvas.save()
        count = canvas.getPageNumber() - 1

    write_atomically(out, write)
    return count


class CardsCancelled(FuqingError):
    """Stopped before the PDF was complete: no file was written."""


def render_cadres(
    store: Store, cadre_ids: Iterable[str], out: Path, layout: str = "card", duplex: bool = True,
    progress: Progress | None = None, cancelled: Cancelled | None = None,
) -> int:  # fmt: skip
    """Check every cadre first (a clear error before any file), then render.

    Progress in thousandths: checking the cards is the first tenth, drawing
    the pages the rest; a cancel leaves no file (the PDF is written atomically).
    """
    ids = list(cadre_ids)
    step = Steps(progress, cancelled, lambda: CardsCancelled(str(msg.CARDS_CANCELLED)))
    cards = []
    for number, cadre_id in enumerate(ids):
        step(100 * number // max(len(ids), 1))
        cards.append(card_data(store, cadre_id))
    register_font()
    scratch = PdfCardCanvas(io.BytesIO(), pagesize=(CARD_W, CARD_H))
    for data in cards:  # measure everything before writing anything
        draw_front(scratch, 0, 0, data)
    pages = render(cards, out, layout, duplex, lambda done, of: step(100 + 900 * done // max(of, 1)))
    step.finished()
    return pages
