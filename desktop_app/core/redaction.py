"""What a log line may not carry: values a person typed.

The app's log calls name events, record types, ids and counts, never a
record's values. An exception's message and a traceback's source lines are
not ours to choose, though: a validation error quotes a name, a failed import
names the file (访妇情-王芳-20261120.age), SQLite quotes the row. So every line
is redacted on its way to the file, as the audit trail hides values
(``privacy.HIDDEN``): 18-character ID numbers, mobiles, landlines and e-mail
addresses, and every run of Chinese characters (names, places, the text of a
diary; the app's own log messages are English). Record ids (UUIDs) and
sha256 digests are kept: they say nothing about a person and let support
find the row.
"""

from __future__ import annotations

import logging
import re
import unicodedata

from .privacy import HIDDEN

# Kept as they are: ids and digests (long hex), which can contain digit runs shaped like a phone.
_KEPT = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9a-fA-F]{32,}")
_VALUES = (
    re.compile(r"(?<!\d)\d{6}[- ]?\d{8}[- ]?\d{3}[\dXx](?![\dA-Za-z])"),  # 身份证号, 18 characters
    re.compile(r"(?<!\d)(?:(?:\+|00)?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?!\d)"),  # mobile
    re.compile(r"(?<!\d)(?:\(0\d{2,3}\)|0\d{2,3})[- ]?[2-9]\d{6,7}(?!\d)"),  # landline with its area code
    re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),  # e-mail (starting where a word does: linear time)
    re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+"),  # Chinese text
)


def _redact_part(text: str) -> str:
    for pattern in _VALUES:
        text = pattern.sub(HIDDEN, text)
    return text


def redact(text: str) -> str:
    """``text`` with every ID number, phone, e-mail address and Chinese word replaced by ``***``."""
    # Full-width digits (what a Chinese input method types) are matched as ASCII ones.
    text = unicodedata.normalize("NFKC", text)
    out: list[str] = []
    start = 0
    for kept in _KEPT.finditer(text):
        out.append(_redact_part(text[start : kept.start()]))
        out.append(kept.group())
        start = kept.end()
    out.append(_redact_part(text[start:]))
    return "".join(out)


class RedactingFormatter(logging.Formatter):
    """A formatter whose whole output, message and traceback, passes ``redact``."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))
