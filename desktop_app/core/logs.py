"""The app's log, for whoever supports a county's laptops: a rotating file in
the user's log folder, set up by both the window and the command line.

It holds events, record types, ids, counts, exception types and tracebacks;
every line is redacted on its way out (``redaction``), so no name, ID number
or phone reaches it even inside an exception's message. ``FUQING_LOG_DIR``
puts it elsewhere (tests, the demo run), as ``--db`` does for the data.
"""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import os
import sys
import time
from pathlib import Path
from typing import IO

import platformdirs

from .. import APP_NAME, __version__
from .files import make_private
from .redaction import RedactingFormatter

LOG_DIR_ENV = "FUQING_LOG_DIR"
LOG_FILE = "fuqing.log"
FAULT_FILE = "faults.log"  # Python's own report of a hard crash (a fault in Qt or SQLite)
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5  # fuqing.log.1 … .5: at most 6 MB in all
FORMAT = "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"

_fault_file: IO[str] | None = None  # kept open for as long as the process runs: faulthandler writes to it


def log_dir() -> Path:
    override = os.environ.get(LOG_DIR_ENV)
    return Path(override) if override else Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def log_file() -> Path:
    return log_dir() / LOG_FILE


def _ours(handler: logging.Handler) -> bool:
    return bool(getattr(handler, "fuqing", False))


def setup_logging(console: bool = False, level: int = logging.INFO) -> Path | None:
    """Log to the rotating file (and to stderr when ``console`` and there is one).

    Calling it again replaces the handlers it added before. Returns the log
    file, or None when its folder cannot be written (the app runs on without).
    """
    root = logging.getLogger()
    for handler in [h for h in root.handlers if _ours(h)]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(level)
    formatter = RedactingFormatter(FORMAT)
    handlers: list[logging.Handler] = []
    path: Path | None = log_file()
    try:
        assert path is not None
        make_private(path.parent, directory=True)
        file_handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
        )
        handlers.append(file_handler)
    except OSError:
        path = None
    if console and sys.stderr is not None:  # a windowed app on Windows has no stderr
        handlers.append(logging.StreamHandler(sys.stderr))
    for handler in handlers:
        handler.setFormatter(formatter)
        handler.fuqing = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    logging.getLogger(__name__).info(
        "fuqing %s started (Python %s, %s)", __version__, sys.version.split()[0], sys.platform
    )
    return path


def enable_fault_log() -> Path | None:
    """Python's traceback of every thread on a hard crash, into ``faults.log`` in the log folder."""
    global _fault_file
    path = log_dir() / FAULT_FILE
    try:
        make_private(path.parent, directory=True)
        mode = "w" if path.exists() and path.stat().st_size > MAX_BYTES else "a"
        handle = open(path, mode, encoding="utf-8")
        handle.write(f"--- fuqing {__version__} pid {os.getpid()} started {time.strftime('%Y-%m-%d %H:%M:%S')}\n")
        handle.flush()
        faulthandler.enable(file=handle, all_threads=True)
    except (OSError, RuntimeError):
        return None
    if _fault_file is not None:
        _fault_file.close()
    _fault_file = handle
    return path
