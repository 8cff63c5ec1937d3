"""Resident ID numbers (居民身份证号码), GB 11643-1999."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from . import messages as msg

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"
PROVINCE_CODES = frozenset(
    "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82".split()
)


def check_digit(first17: str) -> str:
    total = sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True))
    return _CHECK_CHARS[total % 11]


def normalize(number: str) -> str:
    """Full-width digits and Ｘ (Chinese input methods), spaces and dashes between groups: all accepted."""
    return re.sub(r"[\s\-]", "", unicodedata.normalize("NFKC", number)).upper()


def id_number_error(number: str, label: str, today: date) -> str | None:
    """The Chinese (or English) message for a bad number, or None when valid."""
    n = normalize(number)
    if len(n) != 18:
        return msg.ID_LENGTH.format(label=label, length=len(n))
    if not n[:17].isdigit() or not n[:17].isascii() or not (n[17].isdigit() or n[17] == "X"):
        return msg.ID_CHARS.format(label=label)
    if n[:2] not in PROVINCE_CODES:
        return msg.ID_REGION.format(label=label, code=n[:2])
    birth = n[6:14]
    try:
        born = date(int(birth[:4]), int(birth[4:6]), int(birth[6:8]))
    except ValueError:
        born = None
    if born is None or born.year < 1900 or born > today:
        return msg.ID_BIRTH_DATE.format(label=label, birth=birth)
    expected = check_digit(n[:17])
    if n[17] != expected:
        return msg.ID_CHECK_DIGIT.format(label=label, expected=expected)
    return None


def mask(number: str | None) -> str:
    """Show only the last four characters: lists never display a whole number."""
    if not number:
        return ""
    n = normalize(number)
    return "*" * (len(n) - 4) + n[-4:]
