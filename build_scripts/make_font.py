"""Build desktop_app/resources/fonts/FuqingSans-Regular.ttf from Debian's Noto Sans CJK.

Why: reportlab embeds only TrueType (glyf) outlines, while Noto Sans CJK ships
CFF outlines in a .ttc. We take the Simplified Chinese face, keep the Unicode
blocks a cadre's records use (Latin, punctuation, CJK symbols, CJK Unified
Ideographs incl. Extension A such as 䶮, fullwidth forms) and convert the cubic
CFF curves to quadratic TrueType curves with fontTools' cu2qu.

Run once after `apt-get install fonts-noto-cjk`; the result is committed, so
neither the app nor CI needs this script. Licence: SIL OFL 1.1 (see OFL.txt).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable

SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
FAMILY = "Fuqing Sans"
UNICODE_RANGES = [
    (0x0020, 0x007E),  # Basic Latin
    (0x00A0, 0x00FF),  # Latin-1
    (0x2000, 0x206F),  # General Punctuation
    (0x2100, 0x214F),  # Letterlike (№, ℃)
    (0x2150, 0x218F),  # Number forms
    (0x2190, 0x21FF),  # Arrows
    (0x2460, 0x24FF),  # Enclosed numbers ①
    (0x25A0, 0x25FF),  # Geometric shapes ● ○ ■
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0x3040, 0x30FF),  # Kana (foreign names)
    (0x3200, 0x33FF),  # Enclosed CJK, compatibility
    (0x3400, 0x4DBF),  # CJK Extension A
    (0x4E00, 0x9FFF),  # CJK Unified Ideographs
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFF00, 0xFFEF),  # Halfwidth and fullwidth forms
]


def pick_sc_face(source: Path) -> TTFont:
    for face in TTCollection(str(source)).fonts:
        if "SC" in face["name"].getDebugName(1):
            return face
    raise SystemExit("no Simplified Chinese face in " + str(source))


def cff_to_glyf(font: TTFont) -> None:
    glyph_order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = glyph_order
    glyf.glyphs = {}
    for name in glyph_order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        glyf[name] = pen.glyph()
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for attr in (
        "maxZones maxTwilightPoints maxStorage maxFunctionDefs "
        "maxInstructionDefs maxStackElements maxSizeOfInstructions"
    ).split():
        setattr(maxp, attr, 0)
    maxp.maxZones = 1
    for (
        attr
    ) in "maxPoints maxContours maxCompositePoints maxCompositeContours maxComponentElements maxComponentDepth".split():
        setattr(maxp, attr, 0)
    head = font["head"]
    head.indexToLocFormat = 1
    head.glyphDataFormat = 0
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    font.sfntVersion = "\x00\x01\x00\x00"
    post = font["post"]
    post.formatType = 3.0  # no glyph names: smaller file


def rename(font: TTFont) -> None:
    name = font["name"]
    keep = {0, 7, 11, 12, 13, 14}
    name.names = [n for n in name.names if n.nameID in keep]
    for lang_id, plat in ((0x409, 3), (0, 1)):
        enc = 1 if plat == 3 else 0
        for name_id, value in (
            (1, FAMILY),
            (2, "Regular"),
            (3, FAMILY + " Regular; derived from Noto Sans CJK SC"),
            (4, FAMILY + " Regular"),
            (5, "Version 1.0; Noto Sans CJK SC 2.004 converted to TrueType"),
            (6, "FuqingSans-Regular"),
        ):
            name.setName(value, name_id, plat, enc, lang_id)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--source", type=Path, default=SOURCE)
    parser.add_argument(
        "--out",
        type=Path,
        default=Path(__file__).resolve().parent.parent / "desktop_app/resources/fonts/FuqingSans-Regular.ttf",
    )
    args = parser.parse_args(argv)
    font = pick_sc_face(args.source)
    unicodes = [cp for lo, hi in UNICODE_RANGES for cp in range(lo, hi + 1)]
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.hinting = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)
    cff_to_glyf(font)
    rename(font)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    font.save(str(args.out))
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB, {len(font.getGlyphOrder())} glyphs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
