"""Characters a value typed on one line, or a name another laptop claims, may not carry.

Invisible ones (zero-width spaces and joiners, direction marks and overrides,
the byte-order mark, the soft hyphen, Hangul fillers) come along when a name
is pasted from a chat or a document: they make two equal names differ, a
blank one look filled, and a right-to-left override turns what follows
around. They are dropped. Line breaks and control characters (C0, C1, the
Unicode line and paragraph separators) would break a card, a table or the
operator's terminal, and lone surrogates cannot be written at all.
"""

from __future__ import annotations

import re

INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064"
    "\u2066-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]"
)
BREAKING = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")  # line breaks, controls, lone surrogates
SURROGATE = re.compile("[\ud800-\udfff]")


def without_invisible(text: str) -> str:
    return INVISIBLE.sub("", text)


def shown(text: str, limit: int) -> str:
    """Text from another machine as it may be shown to the operator: one line of at most ``limit`` characters."""
    clean = BREAKING.sub(" ", INVISIBLE.sub("", text))
    return clean if len(clean) <= limit else clean[: limit - 1] + "…"


def escaped(text: str) -> str:
    """``text`` with its lone surrogates as visible escapes (\\udcff), so it can be printed and stored."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def file_name(name: str) -> str:
    """A file's name as it may be stored, printed and logged: one not in UTF-8 (a GBK name on a USB
    stick reaches Python with lone surrogates) keeps its odd bytes as visible escapes."""
    return shown(escaped(name), 255)
