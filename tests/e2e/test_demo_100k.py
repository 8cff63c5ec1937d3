"""The issue's acceptance line: 100,000 demo diaries, then stats and check."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from tests.db_helpers import TEST_PASSWORD


def fuqing(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", "--db", str(db), *args], capture_output=True, text=True, timeout=600
    )


def test_demo_100k_then_stats_and_check(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    started = time.perf_counter()
    result = fuqing(db, "demo", "--records", "100000")
    elapsed = time.perf_counter() - started
    assert result.returncode == 0, result.stderr
    print(f"demo --records 100000: {elapsed:.1f} s")
    stats = json.loads(fuqing(db, "stats", "--json").stdout)
    assert stats["counts"]["diary"] == 100_000
    assert stats["counts"]["woman"] > 0 and stats["counts"]["problem"] > 0
    assert fuqing(db, "check").returncode == 0
    hits = json.loads(fuqing(db, "search", "留守", "--type", "diary", "--limit", "5", "--json").stdout)
    assert len(hits) == 5 and all("留守" in h["snippet"] for h in hits)
    # Backup while a connection is open, change something, restore, compare.
    from desktop_app.core import backup
    from desktop_app.core.store import Store

    with Store(db) as store:
        copy = backup.make_backup(store, "manual")
        before = store.counts()
        store.save("liaison_point", {"name": "备份之后", "kind": "village"})
    backup.restore(db, copy, TEST_PASSWORD)
    with Store(db) as store:
        assert store.counts() == before
    assert fuqing(db, "check").returncode == 0
