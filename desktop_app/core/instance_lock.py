"""One program at a time writes a database file's whole life: the window holds
this lock while it runs, and a restore takes it before it replaces the file.

An operating-system lock on ``<database>.lock`` (fcntl on POSIX, msvcrt on
Windows): it goes away with the process, so a crash never leaves it stuck.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from . import messages as msg
from .errors import FuqingError


class InUse(FuqingError):
    pass


if sys.platform == "win32":
    import msvcrt

    def _lock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


_held: dict[Path, InstanceLock] = {}  # by lock file: this process's own locks


class InstanceLock:
    def __init__(self, db_path: Path):
        self.path = Path(str(db_path) + ".lock").resolve()
        self._fd: int | None = None
        self._reentered = False

    def acquire(self) -> bool:
        """True if this process now holds the lock (or already did); False if another one does."""
        if self.path in _held:  # the window restoring from its own backups dialog
            self._reentered = True
            return True
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            _lock(fd)
        except OSError:
            os.close(fd)
            return False
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        self._fd = fd
        _held[self.path] = self
        return True

    def release(self) -> None:
        if self._reentered:
            self._reentered = False
            return
        if self._fd is not None:
            os.close(self._fd)  # closing the descriptor releases the lock
            self._fd = None
            _held.pop(self.path, None)

    def __enter__(self) -> InstanceLock:
        if not self.acquire():
            raise InUse(msg.DATABASE_IN_USE.format(path=str(self.path)[: -len(".lock")]))
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
