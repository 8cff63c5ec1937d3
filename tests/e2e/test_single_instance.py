"""A second launch on the same database says why it cannot open, and exits."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from desktop_app.core.store import Store


def test_second_instance_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "one.db"
    with Store(db) as store:
        store.save_profile({"name": "王芳", "org": "妇联"})
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    first = subprocess.Popen([sys.executable, "-m", "desktop_app", "--db", str(db)], env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        deadline = time.time() + 30
        while not Path(str(db) + ".lock").exists() and time.time() < deadline:
            time.sleep(0.1)
        assert Path(str(db) + ".lock").exists()
        # The second copy shows its message box; the offscreen platform has no
        # one to click it, so give it a moment and check it did not get the lock.
        second = subprocess.Popen([sys.executable, "-m", "desktop_app", "--db", str(db), "--smoke-test"], env=env,
                                  stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)  # fmt: skip
        try:
            out, _ = second.communicate(timeout=8)
        except subprocess.TimeoutExpired:
            second.kill()
            out, _ = second.communicate()
        assert "FUQING_SHOWN" not in out
    finally:
        first.kill()
        first.wait()
    # After the first copy is gone (even killed), the lock is stale and a new start works.
    result = subprocess.run([sys.executable, "-m", "desktop_app", "--db", str(db), "--smoke-test"], env=env,
                            capture_output=True, text=True, timeout=60)  # fmt: skip
    assert "FUQING_SHOWN" in result.stdout
