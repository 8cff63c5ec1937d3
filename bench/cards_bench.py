"""Printing contact cards: 1,000 cards for 1,000 cadres as a 10-up duplex PDF,
and 1,000 copies of one card, against bare reportlab drawing the same number
of text lines and rectangles with no QR code and no fitting (the floor).

Goal: ≥ 300 cards/s, peak memory bounded.
"""

from __future__ import annotations

import resource
import tempfile
import time
from pathlib import Path

from common import report

from desktop_app.core.printing import cards, imposition

N = 1000


def sample(n: int) -> cards.CardData:
    return cards.CardData(
        f"c{n}", f"王{n}芳", "南通市通州区妇女联合会", "副主席", f"138{n:08d}", "0513-86123456", "wang@example.cn",
        "南通市通州区人民路100号", "12338", "有求必应，有访必回，有难必帮", ["石港镇王家村", "金沙镇李庄村"],
    )  # fmt: skip


def floor_pdf(out: Path, n: int) -> float:
    from reportlab.pdfgen.canvas import Canvas

    cards._register_font()
    started = time.perf_counter()
    canvas = Canvas(str(out), pagesize=(imposition.A4_W, imposition.A4_H), initialFontName=cards.FONT)
    for start in range(0, n, 10):
        for side in range(2):
            for x, y in imposition.sheet_positions():
                canvas.rect(x, y, cards.CARD_W, cards.CARD_H)
                for line in range(6 if side == 0 else 2):
                    canvas.drawString(x + 10, y + 10 + line * 12, f"联系服务卡 {start} 手机 13812345678")
            canvas.showPage()
    canvas.save()
    return time.perf_counter() - started


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        floor = floor_pdf(root / "floor.pdf", N)
        many = [sample(n) for n in range(N)]
        started = time.perf_counter()
        pages = cards.render(many, root / "many.pdf", layout="sheet", duplex=True)
        elapsed = time.perf_counter() - started
        report(f"{N} cards, {N} cadres, 10-up duplex ({pages} pp)", elapsed, floor, unit="s")
        print(f"{'':<44} {N / elapsed:.0f} cards/s (goal ≥ 300), {(root / 'many.pdf').stat().st_size / 1e6:.1f} MB")
        same = [sample(1)] * N
        started = time.perf_counter()
        cards.render(same, root / "same.pdf", layout="sheet", duplex=True)
        elapsed = time.perf_counter() - started
        report(f"{N} copies of one card", elapsed, floor, unit="s")
        print(f"{'':<44} {N / elapsed:.0f} cards/s")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{'peak memory (whole run)':<44} {peak:10.1f} MB")


if __name__ == "__main__":
    main()
