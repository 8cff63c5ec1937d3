"""Running the command-line program as a person does: a real process on a real file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.db_helpers import TEST_PASSWORD


def fuqing(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", "--db", str(db), *args],
        capture_output=True,
        text=True,
        env={
            "PATH": "/usr/bin:/bin",
            "FUQING_LANG": "zh",
            "FUQING_PASSWORD": TEST_PASSWORD,
            "FUQING_LOG_DIR": os.environ["FUQING_LOG_DIR"],  # the test run's (tests/conftest.py)
        },
        timeout=120,
    )


def ok_json(db: Path, *args: str) -> object:
    result = fuqing(db, *args)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)
