"""Contact cards read back with real tools: pdffonts, pdftotext, pdftoppm, zbarimg."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from desktop_app.core.printing import cards
from desktop_app.core.store import Store

pytestmark = pytest.mark.skipif(
    not all(shutil.which(t) for t in ("pdffonts", "pdftotext", "pdftoppm", "zbarimg")),
    reason="poppler-utils and zbar-tools are installed by scripts/setup.sh --test",
)


def _cadre(store: Store, **extra: object) -> str:
    values = {"name": "欧阳䶮玲", "org": "南通市通州区妇女联合会", "position": "副主席", "mobile": "13812345678",
              "office_phone": "0513-86123456", "email": "wang@example.cn", "address": "南通市通州区人民路100号"}  # fmt: skip
    values.update(extra)
    return store.save("cadre", values)["id"]


def _run(*args: str) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def test_card_embeds_its_font_and_shows_name_and_phones(tmp_path: Path, store: Store) -> None:
    cadre = _cadre(store)
    out = tmp_path / "card.pdf"
    assert cards.render_cadres(store, [cadre], out) == 2
    fonts = _run("pdffonts", str(out)).splitlines()[2:]
    assert fonts and all(re.split(r"\s{2,}", line.strip())[3:4] == ["yes"] or " yes " in line for line in fonts)
    assert all("yes yes yes" in " ".join(line.split()) for line in fonts), fonts
    text = _run("pdftotext", str(out), "-")
    for expected in ("联系服务卡", "欧阳䶮玲", "13812345678", "0513-86123456", "12338", "南通市通州区妇女联合会"):
        assert expected in text
    size = _run("pdfinfo", str(out)) if shutil.which("pdfinfo") else ""
    if size:
        width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", size).groups())  # type: ignore[union-attr]
        assert abs(width - 85.6 / 25.4 * 72) < 0.5 and abs(height - 54 / 25.4 * 72) < 0.5


def test_qr_on_the_back_decodes_to_a_vcard_with_chinese_intact(tmp_path: Path, store: Store) -> None:
    cadre = _cadre(store)
    out = tmp_path / "card.pdf"
    cards.render_cadres(store, [cadre], out)
    subprocess.run(
        ["pdftoppm", "-r", "300", "-f", "2", "-l", "2", "-png", str(out), str(tmp_path / "back")], check=True
    )
    image = next(tmp_path.glob("back*.png"))
    decoded = _run("zbarimg", "-q", "--raw", str(image))
    fields = dict(line.split(":", 1) for line in decoded.replace("\r", "").splitlines() if ":" in line)
    assert fields["BEGIN"] == "VCARD" and fields["VERSION"] == "3.0"
    assert fields["FN"] == "欧阳䶮玲"
    assert fields["TEL;TYPE=CELL"] == "13812345678"
    assert fields["ORG"] == "南通市通州区妇女联合会"
    assert "有困难，找妇联" in _run("pdftotext", "-f", "2", "-l", "2", str(out), "-")


def test_text_stays_inside_the_card_for_long_values(tmp_path: Path, store: Store) -> None:
    cadre = _cadre(store, name="欧阳娜娜娜娜娜", org="黑龙江省哈尔滨市道里区兆麟街道妇女联合会机关委员会",
                   position="组织联络部副部长兼办公室主任")  # fmt: skip
    for i in range(12):
        store.save(
            "liaison_point", {"name": f"石港镇第{i}村巾帼果蔬专业合作社", "kind": "enterprise", "cadre_ids": [cadre]}
        )
    out = tmp_path / "long.pdf"
    cards.render_cadres(store, [cadre], out)
    html = _run("pdftotext", "-bbox", "-f", "1", "-l", "1", str(out), "-")
    boxes = [
        tuple(map(float, m))
        for m in re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"', html)
    ]
    assert boxes
    width, height = cards.CARD_W, cards.CARD_H
    for x0, y0, x1, y1 in boxes:
        assert x0 >= 0 and y0 >= 0 and x1 <= width + 0.5 and y1 <= height + 0.5, (x0, y0, x1, y1)


def test_missing_mobile_and_impossible_lengths_are_named(tmp_path: Path, store: Store) -> None:
    no_phone = store.save("cadre", {"name": "李娟", "org": "妇联"})["id"]
    out = tmp_path / "x.pdf"
    with pytest.raises(cards.CardError) as info:
        cards.render_cadres(store, [no_phone], out)
    assert info.value.field == "mobile" and "李娟" in str(info.value) and "手机" in str(info.value)
    long_name = _cadre(store, name="名" * 38)
    with pytest.raises(cards.CardError) as info:
        cards.render_cadres(store, [long_name], out)
    assert info.value.field == "name" and "姓名太长" in str(info.value)
    assert not out.exists()


def test_sheet_of_ten_with_mirrored_backs(tmp_path: Path, store: Store) -> None:
    from PySide6.QtGui import QImage

    ids = [_cadre(store, name=f"王{n}", mobile=f"1381234{n:04d}") for n in range(12)]
    out = tmp_path / "sheet.pdf"
    assert cards.render_cadres(store, ids, out, layout="sheet", duplex=True) == 4  # 2 sheets, fronts and backs
    subprocess.run(["pdftoppm", "-r", "100", "-f", "1", "-l", "1", "-png", str(out), str(tmp_path / "p")], check=True)
    image = QImage(str(next(tmp_path.glob("p*.png"))))
    # Measure the cards from the page image: each front's red title band.
    bands: list[tuple[int, list[tuple[int, int]]]] = []
    last_y: int | None = None
    for y in range(image.height()):
        runs, start = [], None
        for x in range(image.width()):
            color = image.pixelColor(x, y)
            red = color.red() > 150 and color.green() < 80 and color.blue() < 80
            if red and start is None:
                start = x
            if not red and start is not None:
                runs.append((start, x))
                start = None
        long_runs = [(a, b) for a, b in runs if b - a > 300]
        if long_runs:
            if last_y is None or y - last_y > 50:  # a new row of cards
                bands.append((y, long_runs))
            last_y = y
    px_per_mm = 100 / 25.4
    assert len(bands) == 5  # five rows of cards
    for _y, runs in bands:
        assert len(runs) == 2  # two columns
        for x0, x1 in runs:
            assert abs((x1 - x0) / px_per_mm - 85.6) < 1.0  # card width, measured
    lefts = [runs[0][0] / px_per_mm for _y, runs in bands]
    rights = [(image.width() - runs[1][1]) / px_per_mm for _y, runs in bands]
    assert max(lefts) - min(lefts) < 0.5 and abs(lefts[0] - rights[0]) < 1.0  # centred: duplex-safe
    # Crop marks: short dark lines just outside each corner of the first card.
    top = bands[0][0]
    left = bands[0][1][0][0]
    bottom = top + round(54 * px_per_mm)

    def dark(x: int, y: int) -> bool:
        return any(image.pixelColor(x, y + d).lightness() < 160 for d in (-1, 0, 1))

    marks = [x for x in range(left - round(5 * px_per_mm), left - round(1 * px_per_mm)) if dark(x, bottom)]
    assert len(marks) >= 0.6 * round(4 * px_per_mm), "horizontal crop mark at the lower-left corner"
    marks = [y for y in range(bottom + round(1 * px_per_mm), bottom + round(5 * px_per_mm)) if dark(left, y)]
    assert len(marks) >= 0.6 * round(4 * px_per_mm), "vertical crop mark below the lower-left corner"
    # Backs: page 2 mirrors page 1; card 1's back (QR) sits in the right column.
    text_front = _run("pdftotext", "-f", "1", "-l", "1", "-layout", str(out), "-")
    assert "王0" in text_front and "王9" in text_front and "王10" not in text_front


def test_many_cards_report_progress_and_a_cancel_leaves_no_file(tmp_path: Path, store: Store) -> None:
    ids = [_cadre(store, name=f"干部{n}", mobile=f"138{n:08d}") for n in range(30)]
    out = tmp_path / "cards.pdf"
    seen: list[int] = []
    pages = cards.render_cadres(store, ids, out, "sheet", progress=lambda done, _of, _name: seen.append(done))
    assert pages >= 4 and seen == sorted(seen) and seen[-1] == 1000
    assert len({d for d in seen if 100 <= d < 1000}) >= 2  # the drawing moves the bar page by page
    stop = tmp_path / "stopped.pdf"
    checks = {"n": 0}

    def cancelled() -> bool:
        checks["n"] += 1
        return checks["n"] > 33  # past checking the cards, while drawing pages

    with pytest.raises(cards.CardsCancelled):
        cards.render_cadres(store, ids, stop, "sheet", cancelled=cancelled)
    assert list(tmp_path.glob("stopped*")) == [] and checks["n"] > 30
