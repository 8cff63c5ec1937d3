"""App start to shown main window on the 100k database vs a bare PySide6 window.

Both run offscreen in fresh processes; time is from spawning the process to the
window's first paint (the app prints FUQING_SHOWN from the first event-loop
turn after show()). Goal: ratio ≤ 1.5.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

from common import ROOT, demo_db, median, report

BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
app = QApplication(sys.argv)
w = QMainWindow(); w.setCentralWidget(QLabel("bare")); w.resize(1180, 760); w.show()
def shown():
    print("FUQING_SHOWN", flush=True); app.quit()
QTimer.singleShot(0, shown)
app.exec()
"""


def time_to_shown(command: list[str]) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env, cwd=ROOT)
    assert process.stdout is not None
    for line in process.stdout:
        if "FUQING_SHOWN" in line:
            elapsed = (time.perf_counter() - started) * 1000
            process.wait(timeout=60)
            return elapsed
    raise RuntimeError("process ended without showing a window")


def main() -> None:
    db = demo_db()
    runs = int(os.environ.get("BENCH_RUNS", "7"))
    bare = [time_to_shown([sys.executable, "-c", BARE]) for _ in range(runs)]
    ours = [time_to_shown([sys.executable, "-m", "desktop_app", "--db", str(db), "--smoke-test"]) for _ in range(runs)]
    report("start to shown main window (100k diaries)", median(ours), median(bare), goal="goal ≤ 1.5x")


if __name__ == "__main__":
    main()
