"""Shared helpers for the benchmarks: a 100k demo database and simple stats."""

from __future__ import annotations

import os
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "bench" / "out"
ANCHOR = date(2026, 11, 20)
BENCH_PASSWORD = "test-password-1"  # the demo databases are encrypted like a cadre's (tests.db_helpers)
os.environ.setdefault("FUQING_PASSWORD", BENCH_PASSWORD)


def open_raw(path: Path | str):  # type: ignore[no-untyped-def]
    """A bare connection to an (encrypted) bench database: the floor's "raw SQLite", unlocked."""
    from tests.db_helpers import raw

    return raw(Path(path), os.environ["FUQING_PASSWORD"])


def demo_db(records: int = 100_000) -> Path:
    """A demo database with ``records`` diaries, built once and reused."""
    from desktop_app.core.demo import generate
    from desktop_app.core.store import Store

    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"demo-{records}.db"
    if not path.exists():
        started = time.perf_counter()
        tmp = path.with_suffix(".tmp.db")
        for leftover in OUT.glob(tmp.name + "*"):
            leftover.unlink()
        with Store(tmp) as store:
            generate.fill(store, records, seed=1, anchor=ANCHOR)
        tmp.rename(path)
        Path(f"{tmp}.keys").rename(f"{path}.keys")  # its key file goes with it
        for suffix in ("-wal", "-shm"):
            extra = Path(str(tmp) + suffix)
            if extra.exists():
                extra.unlink()
        print(f"built {path.name} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    Store(path).close()  # a file from an older build is migrated first
    return path


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def median(values: list[float]) -> float:
    return statistics.median(values)


def rss_kb() -> int:
    with open(f"/proc/{os.getpid()}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def report(name: str, value: float, floor: float, unit: str = "ms", goal: str = "") -> None:
    ratio = value / floor if floor else float("inf")
    print(f"{name:<44} {value:10.2f} {unit}  floor {floor:10.2f} {unit}  ratio {ratio:6.2f}x  {goal}")
