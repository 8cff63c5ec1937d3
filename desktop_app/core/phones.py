"""Chinese mobile and landline numbers."""

from __future__ import annotations

import re

_MOBILE = re.compile(r"^(?:\+?86[- ]?)?1[3-9]\d{9}$")
# Area code 0 + 2–3 digits, local number 7–8 digits, optional extension;
# also service numbers such as 12338 and local numbers without area code.
_LANDLINE = re.compile(r"^(?:\(?0\d{2,3}\)?[- ]?)?[2-9]\d{6,7}(?:[- 转#]\d{1,6})?$")
_SERVICE = re.compile(r"^(?:1\d{4}|95\d{3,4}|400[- ]?\d{3}[- ]?\d{4})$")


def clean(number: str) -> str:
    return number.strip().replace("－", "-").replace("（", "(").replace("）", ")")


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
