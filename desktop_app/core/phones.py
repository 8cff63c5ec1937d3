"""Chinese mobile and landline numbers."""

from __future__ import annotations

import re
import unicodedata

_MOBILE = re.compile(r"^(?:\+?86[- ]?)?1[3-9]\d{9}$")
# Area code 0 + 2–3 digits, local number 7–8 digits, optional extension;
# also service numbers such as 12338 and local numbers without area code.
# The area code as _LANDLINE_COMPACT has it: 0201 is no area code, so 02012345678 is 020 and a local
# number starting with 1, which none does.
_LANDLINE = re.compile(r"^(?:\(?0(?:[12]\d|[3-9]\d{2})\)?[- ]?)?[2-9]\d{6,7}(?:[- 转#]\d{1,6})?$")
_SERVICE = re.compile(r"^(?:1\d{4}|95\d{3,4}|400[- ]?\d{3}[- ]?\d{4})$")


# Typed with separators removed: a mobile (with or without +86), or a landline
# whose area code is 0 + 2 digits for 01x/02x (Beijing, Shanghai …) and 0 + 3
# digits elsewhere (0513 Nantong), then 7–8 local digits, optionally 转/# and an extension.
_MOBILE_COMPACT = re.compile(r"(?:\+?86|0086)?(1[3-9]\d{9})")
_LANDLINE_COMPACT = re.compile(r"(0(?:[12]\d|[3-9]\d{2}))([2-9]\d{6,7})(?:(转|#)(\d{1,6}))?")
_SEPARATORS = re.compile(r"[\s\-()]")
_DASH_EXTENSION = re.compile(r"(.*\d)\s*-\s*(\d{1,6})")  # the last dash sets an extension apart


def clean(number: str) -> str:
    """The number as the app stores it, however it was typed.

    Full-width digits and brackets (what Chinese input methods type) become
    ASCII; spaces, dashes and brackets between digits are dropped for a mobile
    (13912345678) and a landline becomes area code - local number
    (0513-81234567, 010-65123456), its extension after 转 however it was set
    apart (0513-81234567转123). Anything else is kept, tidied, for the
    checks to judge.
    """
    text = " ".join(unicodedata.normalize("NFKC", number).split())
    compact = _SEPARATORS.sub("", text)
    if m := _MOBILE_COMPACT.fullmatch(compact):
        return m[1]
    if m := _LANDLINE_COMPACT.fullmatch(compact):
        return f"{m[1]}-{m[2]}" + (f"{m[3]}{m[4]}" if m[3] else "")
    # 0513-81234567-123: once the dashes are gone the extension runs into the number; the typed dash says where.
    if (m := _DASH_EXTENSION.fullmatch(text)) and (line := _LANDLINE_COMPACT.fullmatch(_SEPARATORS.sub("", m[1]))):
        if not line[3]:
            return f"{line[1]}-{line[2]}转{m[2]}"
    return text


def is_mobile(number: str) -> bool:
    return bool(_MOBILE.match(clean(number).replace(" ", "").replace("-", "")))


def is_phone(number: str) -> bool:
    n = clean(number)
    return is_mobile(n) or bool(_LANDLINE.match(n)) or bool(_SERVICE.match(n))


def mask(number: str | None) -> str:
    if not number:
        return ""
    n = clean(number)
    if len(n) <= 4:
        return n
    return n[:3] + "*" * (len(n) - 7) + n[-4:] if len(n) > 7 else "*" * (len(n) - 4) + n[-4:]
