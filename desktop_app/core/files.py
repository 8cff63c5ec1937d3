"""Writing files so that a crash or a full disk never leaves half a file.

Every file the app makes for a person (bundles, key files, PDFs, XLSX,
backups) is written beside its final name, flushed to disk, then renamed over
it: the name shows the old file or the complete new one, nothing between.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path

from . import messages as msg
from .errors import FuqingError
from .i18n import Text

Writer = Callable[[Path], None]
log = logging.getLogger(__name__)


def write_atomically(
    path: Path, content: bytes | str | Writer, private: bool = False, failed: Text = msg.WRITE_FAILED
) -> None:
    """Write ``content`` (bytes, text, or a function that writes a given path) to ``path``.

    ``private`` files (secret keys) are created 0600 and stay so. A failure
    raises ``failed`` (formatted with ``path`` and ``detail``).
    """
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        if callable(content):
            content(tmp)
            if private:
                os.chmod(tmp, 0o600)
        else:
            data = content.encode("utf-8") if isinstance(content, str) else content
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600 if private else 0o644)
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, path)
        _sync_directory(path.parent)
    except OSError as error:  # the person sees the file they chose, not our temporary name
        raise FuqingError(failed.format(path=path, detail=error.strerror or error)) from error
    finally:
        _remove_leftover(tmp)


def _remove_leftover(tmp: Path) -> None:
    # Where the write failed (a read-only stick, a folder that is a file) removing fails too; the person
    # must hear why the write failed, not that the cleanup did.
    try:
        tmp.unlink(missing_ok=True)
    except OSError as error:
        log.warning("could not remove the temporary file %s: %s", tmp, error.strerror or type(error).__name__)


def _sync_directory(directory: Path) -> None:
    # The rename itself must reach the disk; Windows has no directory handles to sync.
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def make_private(path: Path, directory: bool = False) -> None:
    """The person's alone: 0600 for a file, 0700 for a folder (made if missing). On
    Windows the per-user data folder already keeps other users out. Only for
    files and folders the app made: never a folder the person chose."""
    if directory:
        path.mkdir(parents=True, exist_ok=True)
    if os.name != "posix" or not path.exists():
        return
    os.chmod(path, 0o700 if directory else 0o600)
