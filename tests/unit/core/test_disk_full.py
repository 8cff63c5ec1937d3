"""A full disk during saves: a clear message, nothing half-written, nothing lost."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.core.engine import sqlite3
from desktop_app.core.store import Store


def test_saves_until_the_disk_is_full(tmp_path: Path) -> None:
    with Store(tmp_path / "full.db") as store:
        store.save_profile({"name": "王芳", "org": "妇联"})
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        # The same limit a nearly full USB stick or disk would impose.
        store.conn.execute(f"PRAGMA max_page_count = {pages + 40}")
        saved = []
        with pytest.raises(sqlite3.OperationalError) as info:
            for n in range(10_000):
                saved.append(store.save("diary", {"title": f"第{n}篇", "body": "内容" * 400})["id"])
        assert "full" in str(info.value)
        assert saved, "some saves fit before the limit"
        store.conn.execute("PRAGMA max_page_count = 1073741823")
        assert store.check() == []
        ids = {row[0] for row in store.conn.execute("SELECT id FROM diary")}
        assert ids == set(saved)  # the failed save left nothing behind
        assert store.count("diary") == len(saved)
        assert len(store.search("diary", "内容")) == len(saved)


def test_the_person_is_told_what_happened(qapp) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.ui.operations import failure_message

    message = failure_message(sqlite3.OperationalError("database or disk is full"))
    assert "磁盘已满" in message and "已保存的内容不受影响" in message
    assert "只读" in failure_message(sqlite3.OperationalError("attempt to write a readonly database"))
