from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from tests.db_helpers import TEST_PASSWORD

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("FUQING_LANG", "zh")
os.environ.setdefault("FUQING_PASSWORD", TEST_PASSWORD)  # the data password of every test database

from desktop_app.core import i18n
from desktop_app.core.store import Store

# The app's log and the window's settings of every test and every app process
# a test starts: in folders of the run's own, never the person's.
for _variable in ("FUQING_LOG_DIR", "FUQING_SETTINGS_DIR"):
    if _variable not in os.environ:
        os.environ[_variable] = _folder = tempfile.mkdtemp(prefix=f"{_variable.lower()}-")
        atexit.register(shutil.rmtree, _folder, ignore_errors=True)

FIXED_TODAY = date(2026, 11, 20)


@pytest.fixture(autouse=True)
def chinese_messages() -> Iterator[None]:
    i18n.set_language("zh")
    yield
    i18n.set_language("zh")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "fuqing.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with Store(db_path, today=lambda: FIXED_TODAY) as s:
        yield s


@pytest.fixture
def profiled(store: Store) -> Store:
    store.save_profile({"name": "王芳", "org": "南通市妇女联合会", "mobile": "13812345678", "position": "副主席"})
    return store


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # End-to-end tests (real processes killed mid-write, 100k-row databases,
    # screenshots) are most of the run time: `pytest -m "not slow"` skips them.
    e2e = Path(__file__).parent / "e2e"
    for item in items:
        if e2e in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.slow)
