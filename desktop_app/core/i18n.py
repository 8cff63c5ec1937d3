"""Core's own bilingual text: messages and labels without Qt.

The core cannot use Qt's translator, yet its validation messages reach people
through both the CLI and the app. Each message is written in Chinese first with
its English beside it; ``set_language`` picks which one ``str()`` returns.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass

_language = "en" if os.environ.get("FUQING_LANG", "").lower().startswith("en") else "zh"


def set_language(lang: str) -> None:
    global _language
    _language = "en" if lang.lower().startswith("en") else "zh"


def language() -> str:
    return _language


@dataclass(frozen=True)
class Text:
    zh: str
    en: str

    def format(self, **kwargs: object) -> str:
        return agree((self.en if _language == "en" else self.zh).format(**kwargs))

    def __str__(self) -> str:
        # A message without fields reads the same through str() as through format(): '{{' is one brace.
        return (self.en if _language == "en" else self.zh).replace("{{", "{").replace("}}", "}")


def pick(zh: str, en: str) -> str:
    return en if _language == "en" else zh


def join(items: Iterable[str]) -> str:
    """A list in running text: "甲、乙" in Chinese, "a, b" in English."""
    return (", " if _language == "en" else "、").join(items)


# English nouns the app counts. Messages are written with the plural ("{n}
# devices"); one thing takes the singular. Chinese has no plural: untouched.
_SINGULAR = {
    "records": "record", "rows": "row", "pages": "page", "items": "item", "devices": "device",
    "changes": "change", "backups": "backup", "links": "link", "pairs": "pair", "logs": "log",
    "characters": "character", "files": "file", "problems": "problem", "days": "day",
    "women": "woman", "visits": "visit", "diaries": "diary", "bundles": "bundle", "cadres": "cadre",
    "conflicts": "conflict", "points": "point", "entries": "entry", "referrals": "referral",
    "projects": "project", "bytes": "byte",
}  # fmt: skip
_ONE_OF_MANY = re.compile(r"(?<![\d.,])\b1 ((?:[A-Za-z-]+ )?)(" + "|".join(_SINGULAR) + r")\b")


def agree(text: str) -> str:
    """ "1 records" → "1 record" (also with one word between: "1 open problems")."""
    return _ONE_OF_MANY.sub(lambda m: f"1 {m[1]}{_SINGULAR[m[2]]}", text)
