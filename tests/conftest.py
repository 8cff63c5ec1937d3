from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("FUQING_LANG", "zh")

from desktop_app.core import i18n
from desktop_app.core.store import Store

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
