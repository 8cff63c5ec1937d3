"""SIGKILL the importer at random moments: the database stays clean and holds
either the whole bundle or none of it."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from desktop_app.core.demo import generate
from tests.db_helpers import copy_database
from tests.sync_helpers import Replica, make_hub_key

RUNS = 50


def fuqing(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desktop_app", "--db", str(db), *args],
                          capture_output=True, text=True, timeout=300)  # fmt: skip


def test_killed_import_is_all_or_nothing(tmp_path: Path) -> None:
    identity, hub_key = make_hub_key(tmp_path)
    cadre = Replica(tmp_path / "cadre.db", identity, hub_key, "cadre")
    generate.fill(cadre.store, 3000, seed=2, anchor=date(2026, 11, 20))
    expected = cadre.store.counts()
    bundle = cadre.export(tmp_path / "big.age")
    assert bundle is not None
    cadre.close()
    pristine = tmp_path / "hub-pristine.db"
    hub = Replica(pristine, identity, hub_key, "hub")
    hub.close()
    hub_db = tmp_path / "hub.db"
    # How long a full import takes, to spread the kills over it.
    copy_database(pristine, hub_db)
    started = time.perf_counter()
    assert fuqing(hub_db, "import", str(bundle)).returncode == 0
    full_time = time.perf_counter() - started
    rng = random.Random(11)
    outcomes = {"none": 0, "all": 0}
    for _ in range(RUNS):
        for suffix in ("", "-wal", "-shm"):
            Path(str(hub_db) + suffix).unlink(missing_ok=True)
        copy_database(pristine, hub_db)
        process = subprocess.Popen([sys.executable, "-m", "desktop_app", "--db", str(hub_db), "import", str(bundle)],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
        time.sleep(rng.uniform(0.05, full_time * 1.1))
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        check = fuqing(hub_db, "check")
        assert check.returncode == 0, check.stderr
        counts = json.loads(fuqing(hub_db, "stats", "--json").stdout)["counts"]
        if counts == expected:
            outcomes["all"] += 1
        else:
            assert all(n == 0 for kind, n in counts.items() if kind != "cadre"), counts
            outcomes["none"] += 1
    print(f"{RUNS} kills over a {full_time:.2f} s import: {outcomes}")
    assert outcomes["none"] > 0  # the kills did land inside imports
