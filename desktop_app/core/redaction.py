"""What a log line may not carry: values a person typed, and the names of her files.

The app's log calls name events, record types, ids and counts, never a
record's values. An exception's message and a traceback's source lines are
not ours to choose, though: a validation error quotes a name, a failed import
names the file (访妇情-王芳-20261120.age), SQLite quotes the row, Qt names the
file it could not open. So every line is redacted on its way to the file, as
the audit trail hides values (``privacy.HIDDEN``):

- every run of 7 or more digits, however it is broken by spaces, dashes, dots,
  brackets, slashes, commas, colons or bars (ID numbers with their X, mobiles with +86, landlines with their
  area code and extension: no shape of a number is safe to let through);
- e-mail addresses, and every run of Chinese characters (names, places, the
  text of a diary; the app's own log messages are English);
- every file path and file URL: ``'/media/usb/Li Xiuying.xlsx'`` becomes
  ``'***.xlsx'`` (support needs to know a .xlsx failed, not whose). Paths of
  the app's own code and of Python's library are kept: a traceback needs them.

Kept as they are: record ids (UUIDs), sha256 digests and clock stamps, which
say nothing about a person and let support find the row; ISO dates and times
(every log line starts with one); version numbers and small counts.
"""

from __future__ import annotations

import logging
import os
import re
import sys
import sysconfig
import unicodedata
import urllib.parse
from pathlib import Path

from .privacy import HIDDEN

# Kept as they are: ids, digests and clock stamps, which hold digit runs shaped like a phone; dates and times.
_KEPT = re.compile(
    r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9a-fA-F]{32,}"
    r"|(?<![\d.])00\d{13}\.\d{5}(?![\d.])"  # a clock stamp (clock.Stamp.pack: ms since 1970, until 2286)
    r"|(?<![\d-])\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?![\d-])"  # 2026-12-07
    r"|(?<![\d:])(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:[.,]\d{1,6})?)?(?![\d:])"  # 23:32:12,123
)
# Digits broken by separators, with the bracket of an area code, the + of +86, the X of an ID number and an extension.
_NUMBER = re.compile(
    r"(?<!\d)\+?\(?\d+(?:[ \t().,:;/|_~\u00b7\u2010-\u2015-]{1,4}\d+)*(?:[Xx](?![A-Za-z]))?"
    r"(?P<ext>[ \t]*(?:转|分机|#|ext\.?)[ \t]*\d+)?"
)
_MIN_DIGITS = 7  # a local number without its area code; no count or version the log needs is as long
_VALUES = (
    re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),  # e-mail (starting where a word does: linear time)
    re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+"),  # Chinese text
)

_PATH_START = r"(?:file:/{1,3}|~?/|[A-Za-z]:[\\/]|\\\\)"
_UNQUOTED_PART = r"[^\s'\"<>|]"
_PATH = re.compile(
    # quoted, as repr() and a traceback quote it: the quotes say where it ends, spaces and all
    rf"(?P<q>['\"])(?P<quoted>{_PATH_START}(?:(?!(?P=q))[^\n])*)(?P=q)"
    # bare: to the next space, on over a space while the next word is a folder, on to a file name with spaces
    rf"|(?<![\w.:/\\~])(?P<bare>{_PATH_START}{_UNQUOTED_PART}*"
    rf"(?:[ ](?={_UNQUOTED_PART}*[/\\]){_UNQUOTED_PART}+)*"
    rf"(?:(?<![:;,])(?:[ ][^\s'\"<>|:/\\]+){{0,6}}?[ ][^\s'\"<>|:/\\]*\.[A-Za-z0-9]{{1,8}}(?!\w|\.\w))?)"
)
_TRAILING = ".,;:!?)]}"
_EXTENSION = re.compile(r"\.[A-Za-z0-9]{1,8}\Z")


def _own_roots() -> tuple[str, ...]:
    """The app's package and Python's library folders, as a traceback may spell them."""
    roots = [Path(__file__).resolve().parents[1]]
    paths = sysconfig.get_paths()
    roots += [Path(paths[key]) for key in ("stdlib", "platstdlib", "purelib", "platlib") if key in paths]
    if hasattr(sys, "_MEIPASS"):  # the frozen app's bundled library
        roots.append(Path(sys._MEIPASS))
    spelled = {os.path.normcase(str(p)) for root in roots for p in (root, root.resolve())}
    return tuple(sorted(spelled))


_OWN = _own_roots()


def _is_own(path: str) -> bool:
    if path.startswith("file:"):
        path = urllib.parse.unquote(re.sub(r"\Afile:/{0,2}(?=/)", "", path))
    path = os.path.normcase(re.sub(r"\\\\", r"\\", path))  # repr() doubles a Windows path's backslashes
    seps = "/\\" if os.name == "nt" else "/"
    return any(path == root or (path.startswith(root) and path[len(root)] in seps) for root in _OWN)


def _hide_path(path: str) -> str:
    if _is_own(path):
        return path
    name = re.split(r"[/\\]", path.rstrip("/\\"))[-1]
    extension = _EXTENSION.search(name)
    return HIDDEN + (extension.group() if extension else "")


def _paths(match: re.Match[str]) -> str:
    if match.group("quoted") is not None:
        return match.group("q") + _hide_path(match.group("quoted")) + match.group("q")
    bare = match.group("bare")
    stripped = bare.rstrip(_TRAILING)  # the sentence's full stop or a closing bracket is not the path's
    return _hide_path(stripped) + bare[len(stripped) :]


def _number(match: re.Match[str]) -> str:
    digits = sum(c.isdigit() for c in match.group())
    if digits - sum(c.isdigit() for c in match.group("ext") or "") >= _MIN_DIGITS:
        return HIDDEN
    return match.group()


def _redact_part(text: str) -> str:
    text = _NUMBER.sub(_number, text)
    for pattern in _VALUES:
        text = pattern.sub(HIDDEN, text)
    return text


def redact(text: str) -> str:
    """``text`` with every long number, e-mail address, Chinese word and file path replaced by ``***``."""
    # Full-width digits (what a Chinese input method types) are matched as ASCII ones.
    text = _PATH.sub(_paths, unicodedata.normalize("NFKC", text))
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
