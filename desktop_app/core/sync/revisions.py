"""Row versions for merging: which edit descends from which.

A version is ``"<clock stamp>/<device id>"``; a row's ``rev`` is the sorted list
of the most recent versions in its history (its own included). If a local row's
version is in an incoming row's ``rev``, the incoming row was made after seeing
it (a fast-forward); if neither contains the other, the edits were concurrent.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

REV_KEEP = 32


def version(hlc: str, device_id: str) -> str:
    return f"{hlc}/{device_id}"


def merge_revs(*revs: Iterable[str]) -> list[str]:
    """Union of histories, newest ``REV_KEEP`` kept: the same whatever the order."""
    merged = sorted({v for rev in revs for v in rev})
    return merged[-REV_KEEP:]


def load(rev_json: str | None) -> list[str]:
    return list(json.loads(rev_json)) if rev_json else []


def dump(rev: list[str]) -> str:
    return json.dumps(rev, separators=(",", ":"))
