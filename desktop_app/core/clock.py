"""Hybrid logical clock stamps for last-writer-wins merges.

A stamp is ``"<wall ms, 15 digits>.<counter, 5 digits>"``: fixed width, so the
string order is the clock order and stamps read well in NDJSON. Ties between
machines are broken by the device id stored beside the stamp.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass

from . import messages as msg
from .errors import FuqingError

_MS_DIGITS = 15
_COUNTER_DIGITS = 5
_COUNTER_MAX = 10**_COUNTER_DIGITS - 1
_WALL_MAX = 10**_MS_DIGITS - 1
# ASCII digits only: int() would also take "٣", "+1" or "1_0" and pack them differently.
_STAMP = re.compile(rf"[0-9]{{{_MS_DIGITS}}}\.[0-9]{{{_COUNTER_DIGITS}}}\Z")
DAY_MS = 86_400_000
MAX_AHEAD_MS = DAY_MS  # how far past the receiver's clock an imported stamp may be


@dataclass(frozen=True, order=True)
class Stamp:
    wall_ms: int
    counter: int

    def pack(self) -> str:
        return f"{self.wall_ms:0{_MS_DIGITS}d}.{self.counter:0{_COUNTER_DIGITS}d}"

    @classmethod
    def unpack(cls, text: str) -> Stamp:
        if not isinstance(text, str) or not _STAMP.match(text):
            raise ValueError(f"not a clock stamp: {text!r}")
        wall, _, counter = text.partition(".")
        return cls(int(wall), int(counter))


ZERO = Stamp(0, 0)


class HybridClock:
    """Issues stamps that never go backwards, even when the wall clock does."""

    def __init__(self, last: Stamp = ZERO, wall_ms: Callable[[], int] | None = None):
        self.last = last
        self._wall_ms = wall_ms or wall_now_ms

    def tick(self) -> Stamp:
        now = self._wall_ms()
        if now > self.last.wall_ms:
            stamp = Stamp(now, 0)
        else:
            stamp = self._bump(self.last)
        self.last = stamp
        return stamp

    def observe(self, remote: Stamp) -> Stamp:
        """Merge a stamp seen in another machine's data (bundle import)."""
        now = self._wall_ms()
        top = max(self.last, remote)
        stamp = Stamp(now, 0) if now > top.wall_ms else self._bump(top)
        self.last = stamp
        return stamp

    @staticmethod
    def _bump(stamp: Stamp) -> Stamp:
        if stamp.counter < _COUNTER_MAX:
            return Stamp(stamp.wall_ms, stamp.counter + 1)
        if stamp.wall_ms >= _WALL_MAX:
            # Only a stamp from the year 33658 gets here; imports refuse stamps
            # a day ahead, so it means a damaged database: never pack it invalid.
            raise FuqingError(str(msg.CLOCK_EXHAUSTED))
        return Stamp(stamp.wall_ms + 1, 0)


def wall_now_ms() -> int:
    return int(time.time() * 1000)
