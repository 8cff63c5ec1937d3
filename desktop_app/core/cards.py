"""Contact service cards (联系服务卡), ID-1 size, rendered from cadre records.

Front: 联系服务卡, federation, name, position, phones, the 12338 hotline, the
liaison points served, the service promise. Back: a QR code holding a vCard 3.0
a phone camera adds to contacts, and "有困难，找妇联". Text shrinks to fit and
wraps where it may; what cannot fit even at the smallest legible size is refused
with a message naming the cadre and the field, never printed clipped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from . import messages as msg
from .errors import FuqingError
from .store import Store

MM = 72 / 25.4
CARD_W, CARD_H = 85.6 * MM, 54 * MM
A4_W, A4_H = 210 * MM, 297 * MM
SHEET_COLS, SHEET_ROWS = 2, 5
MARGIN = 3.5 * MM  # safe area inside the trimmed card
FONT = "FuqingSans"
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


def _register_font() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    from ..paths import font_path

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(font_path())))


def _fit(text: str, width: float, size: float, data: CardData, field: str, min_size: float = MIN_SIZE) -> float:
    """The largest size ≤ ``size`` at which ``text`` fits in ``width``."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    while size >= min_size:
        if stringWidth(text, FONT, size) <= width:
            return size
        size -= 0.25
    raise CardError(data.name, field, msg.CARD_TOO_LONG.format(name=data.name, field=_FIELD_LABELS[field]))


def _wrap(text: str, width: float, size: float, max_lines: int, data: CardData, field: str) -> tuple[list[str], float]:
    """Split Chinese text (no spaces needed) into ≤ ``max_lines`` lines, shrinking if needed."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

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
        from .i18n import pick

        return pick(_ZH.get(key, key), _EN.get(key, key))


_FIELD_LABELS = _FieldLabels()


def draw_front(c: object, x: float, y: float, data: CardData) -> None:
    """The front with its lower-left corner at (x, y)."""
    _register_font()
    from reportlab.lib.colors import HexColor

    canvas = c  # reportlab Canvas
    red = HexColor("#b3261e")
    inner = CARD_W - 2 * MARGIN
    canvas.setFillColor(red)  # type: ignore[attr-defined]
    canvas.rect(x, y + CARD_H - 11 * MM, CARD_W, 11 * MM, stroke=0, fill=1)  # type: ignore[attr-defined]
    canvas.setFillColor(HexColor("#ffffff"))  # type: ignore[attr-defined]
    canvas.setFont(FONT, 11)  # type: ignore[attr-defined]
    canvas.drawString(x + MARGIN, y + CARD_H - 7.5 * MM, "联系服务卡")  # type: ignore[attr-defined]
    size = _fit(data.federation, inner - 24 * MM, 7.5, data, "federation")
    canvas.setFont(FONT, size)  # type: ignore[attr-defined]
    canvas.drawRightString(x + CARD_W - MARGIN, y + CARD_H - 7.2 * MM, data.federation)  # type: ignore[attr-defined]
    canvas.setFillColor(HexColor("#000000"))  # type: ignore[attr-defined]
    top = y + CARD_H - 18 * MM
    name_size = _fit(data.name, inner * 0.55, 15, data, "name", min_size=9)
    canvas.setFont(FONT, name_size)  # type: ignore[attr-defined]
    canvas.drawString(x + MARGIN, top, data.name)  # type: ignore[attr-defined]
    if data.position:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        left = x + MARGIN + stringWidth(data.name, FONT, name_size) + 2.5 * MM
        room = x + CARD_W - MARGIN - left
        size = _fit(data.position, room, 8, data, "position")
        canvas.setFont(FONT, size)  # type: ignore[attr-defined]
        canvas.drawString(left, top, data.position)  # type: ignore[attr-defined]
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
            canvas.setFont(FONT, size)  # type: ignore[attr-defined]
            for part in wrapped:
                canvas.drawString(x + MARGIN, line_y, part)  # type: ignore[attr-defined]
                line_y -= size * 1.25
            continue
        canvas.setFont(FONT, 8)  # type: ignore[attr-defined]
        canvas.drawString(x + MARGIN, line_y, line)  # type: ignore[attr-defined]
        line_y -= 4.2 * MM
    if data.promise:
        size = _fit(data.promise, inner, 7.5, data, "promise")
        canvas.setFillColor(red)  # type: ignore[attr-defined]
        canvas.setFont(FONT, size)  # type: ignore[attr-defined]
        canvas.drawCentredString(x + CARD_W / 2, y + MARGIN, data.promise)  # type: ignore[attr-defined]
        canvas.setFillColor(HexColor("#000000"))  # type: ignore[attr-defined]


def _points_line(data: CardData, width: float) -> str:
    """As many liaison points as fit on two lines at 7 pt, then "等 N 个"."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

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
    import zxingcpp

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


def draw_back(c: object, x: float, y: float, data: CardData) -> None:
    _register_font()
    canvas = c
    modules, hex_data = qr_image_mask(data.vcard())
    side = 36 * MM
    left, bottom = x + (CARD_W - side) / 2, y + 11 * MM
    if hasattr(canvas, "draw_qr_mask"):  # the app's on-screen preview and printer canvas
        canvas.draw_qr_mask(modules, hex_data, left, bottom, side)
    else:
        _inline_mask(canvas, modules, hex_data, left, bottom, side)
    canvas.setFont(FONT, 10)  # type: ignore[attr-defined]
    canvas.drawCentredString(x + CARD_W / 2, y + 5 * MM, "有困难，找妇联")  # type: ignore[attr-defined]
    canvas.setFont(FONT, 6.5)  # type: ignore[attr-defined]
    canvas.drawCentredString(x + CARD_W / 2, y + 2.2 * MM, "扫码保存联系人 · 妇女维权热线 " + data.hotline)  # type: ignore[attr-defined]


def _inline_mask(canvas: object, modules: int, hex_data: str, left: float, bottom: float, side: float) -> None:
    # The symbol as one inline 1-bit image mask painted black, scaled without
    # interpolation: one operator per card instead of hundreds of rectangles.
    canvas.saveState()  # type: ignore[attr-defined]
    canvas.setFillColorRGB(0, 0, 0)  # type: ignore[attr-defined]
    canvas.transform(side, 0, 0, side, left, bottom)  # type: ignore[attr-defined]
    canvas.addLiteral(  # type: ignore[attr-defined]
        f"BI /W {modules} /H {modules} /IM true /BPC 1 /D [1 0] /F /AHx /I false ID\n{hex_data}>\nEI"
    )
    canvas.restoreState()  # type: ignore[attr-defined]


def _crop_marks(canvas: object, x: float, y: float) -> None:
    length, gap = 4 * MM, 1 * MM
    canvas.setLineWidth(0.25)  # type: ignore[attr-defined]
    for cx, dx in ((x, -1), (x + CARD_W, 1)):
        for cy, dy in ((y, -1), (y + CARD_H, 1)):
            canvas.line(cx + dx * gap, cy, cx + dx * (gap + length), cy)  # type: ignore[attr-defined]
            canvas.line(cx, cy + dy * gap, cx, cy + dy * (gap + length))  # type: ignore[attr-defined]


def sheet_positions() -> list[tuple[float, float]]:
    """Lower-left corners of the 10 cards on an A4 sheet, row by row from the top."""
    gap_x = (A4_W - SHEET_COLS * CARD_W) / (SHEET_COLS + 1)
    gap_y = (A4_H - SHEET_ROWS * CARD_H) / (SHEET_ROWS + 1)
    return [
        (gap_x + col * (CARD_W + gap_x), A4_H - (row + 1) * (CARD_H + gap_y))
        for row in range(SHEET_ROWS)
        for col in range(SHEET_COLS)
    ]


def render(
    cards: list[CardData], out: Path, layout: str = "card", duplex: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> int:  # fmt: skip
    """Write the cards to a PDF; returns the number of pages.

    Each distinct card is drawn once as a form XObject (front and back) and
    placed wherever it appears, so a thousand copies of one card cost one.
    """
    from reportlab import rl_config
    from reportlab.pdfgen.canvas import Canvas

    _register_font()
    rl_config.useA85 = 0  # binary streams: smaller files, no base-85 pass in pure Python
    size = (CARD_W, CARD_H) if layout == "card" else (A4_W, A4_H)
    canvas = Canvas(str(out), pagesize=size, pageCompression=1, initialFontName=FONT)
    forms: dict[tuple[str, str], str] = {}

    def place(side: str, data: CardData, x: float, y: float) -> None:
        key = (side, repr(data))
        name = forms.get(key)
        if name is None:
            name = f"card{len(forms)}"
            forms[key] = name
            canvas.beginForm(name, lowerx=0, lowery=0, upperx=CARD_W, uppery=CARD_H)
            (draw_front if side == "front" else draw_back)(canvas, 0, 0, data)
            canvas.endForm()
        canvas.saveState()
        canvas.translate(x, y)
        canvas.doForm(name)
        canvas.restoreState()

    if layout == "card":
        for done, data in enumerate(cards):
            place("front", data, 0, 0)
            canvas.showPage()
            place("back", data, 0, 0)
            canvas.showPage()
            if progress:
                progress(done + 1, len(cards))
    else:
        positions = sheet_positions()
        per_sheet = len(positions)
        for start in range(0, len(cards), per_sheet):
            batch = cards[start : start + per_sheet]
            for (x, y), data in zip(positions, batch, strict=False):
                _crop_marks(canvas, x, y)
                place("front", data, x, y)
            canvas.showPage()
            if duplex:
                # Long-edge duplex flips left and right: each back goes where
                # its front's mirror image lands.
                for index, data in enumerate(batch):
                    x, y = positions[index]
                    mirrored_x = A4_W - x - CARD_W
                    _crop_marks(canvas, mirrored_x, y)
                    place("back", data, mirrored_x, y)
                canvas.showPage()
            if progress:
                progress(min(start + per_sheet, len(cards)), len(cards))
    canvas.save()
    return canvas.getPageNumber() - 1


def render_cadres(store: Store, cadre_ids: Iterable[str], out: Path, layout: str = "card", duplex: bool = True) -> int:
    """Check every cadre first (a clear error before any file), then render."""
    cards = [card_data(store, cadre_id) for cadre_id in cadre_ids]
    _register_font()
    import io

    from reportlab.pdfgen.canvas import Canvas

    scratch = Canvas(io.BytesIO(), pagesize=(CARD_W, CARD_H))
    for data in cards:  # measure everything before writing anything
        draw_front(scratch, 0, 0, data)
    return render(cards, out, layout, duplex)
