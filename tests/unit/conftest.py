from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli_helpers import ok_json


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A database with its cadre profile, made through the command line."""
    path = tmp_path / "cli.db"
    ok_json(path, "profile", "--json", json.dumps({"name": "王芳", "org": "南通市妇女联合会", "mobile": "13812345678"}))
    return path
