"""How a long job (export, cards, backup, import) says how far it is and
where it may stop: ``progress(done, total, name)`` and ``cancelled()``, the
two callables a UI job hands in (ui/jobs.py)."""

from __future__ import annotations

from collections.abc import Callable

from .errors import FuqingError

Progress = Callable[[int, int, str], None]  # done, of how many, what is being worked on ("" if nothing to name)
Cancelled = Callable[[], bool]


class Steps:
    """Progress in thousandths, with a cancel check at each step: a job calls it
    only where stopping leaves nothing half done (before its file is written)."""

    def __init__(self, progress: Progress | None, cancelled: Cancelled | None, stopped: Callable[[], FuqingError]):
        self._progress, self._cancelled, self._stopped = progress, cancelled, stopped

    def __call__(self, done: int, name: str = "") -> None:
        if self._cancelled and self._cancelled():
            raise self._stopped()
        if self._progress:
            self._progress(done, 1000, name)

    def finished(self) -> None:
        if self._progress:
            self._progress(1000, 1000, "")
