"""The app's log set up for one test, in a folder of its own, and put back after."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from desktop_app.core import logs


@contextmanager
def app_log(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """``logs.setup_logging`` writing under ``folder``; the root logger as it was afterwards."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    monkeypatch.setenv(logs.LOG_DIR_ENV, str(folder))
    path = logs.setup_logging()
    assert path == folder / logs.LOG_FILE
    try:
        yield path
    finally:
        for handler in list(root.handlers):
            if handler not in handlers:
                root.removeHandler(handler)
                handler.close()
        root.setLevel(level)


def log_text(folder: Path) -> str:
    """Every log file in ``folder``, rotated ones included."""
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(folder.glob(f"{logs.LOG_FILE}*")))
