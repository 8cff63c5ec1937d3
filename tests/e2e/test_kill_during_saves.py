"""SIGKILL a process that is saving, at 50 random moments: every save that
returned is there, the newest draft can be restored, and fuqing check is clean."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from desktop_app.core import drafts
from desktop_app.core.store import Store

RUNS = 50
ROOT = Path(__file__).resolve().parents[2]


def test_every_returned_save_survives_a_kill(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    with Store(db) as store:
        store.save_profile({"name": "王芳", "org": "妇联"})
    rng = random.Random(5)
    confirmed: list[str] = []
    last_draft = 0
    for _ in range(RUNS):
        child = subprocess.Popen([sys.executable, str(ROOT / "tests" / "e2e" / "saver.py"), str(db)],
                                 stdout=subprocess.PIPE, text=True, cwd=ROOT,
                                 env={**os.environ, "PYTHONPATH": str(ROOT)})  # fmt: skip
        time.sleep(rng.uniform(0.3, 0.9))
        os.kill(child.pid, signal.SIGKILL)
        out, _ = child.communicate()
        for line in out.splitlines():
            if line.startswith("saved "):
                confirmed.append(line.split()[1])
            elif line.startswith("draft "):
                last_draft = int(line.split()[1])
        with Store(db) as store:
            assert store.check() == []
            present = {row[0] for row in store.conn.execute("SELECT id FROM diary WHERE deleted = 0")}
            missing = [i for i in confirmed if i not in present]
            assert missing == []
            pending = drafts.drafts(store, "diary")
            if last_draft:
                assert pending, "the draft written before the kill is gone"
                assert int(pending[0].data["title"].removeprefix("草稿")) >= last_draft
    assert len(confirmed) > RUNS  # the kills landed between and during many saves
    check = subprocess.run([sys.executable, "-m", "desktop_app", "--db", str(db), "check"], capture_output=True,
                           text=True, cwd=ROOT)  # fmt: skip
    assert check.returncode == 0, check.stderr
