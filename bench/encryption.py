"""What encryption at rest costs: the same work on the encrypted 100k demo
database and on a plain copy of it (SQLCipher vs the same SQLite without a key).

App-level figures (the floor is the same app code on the plain copy):
0. Starting the app to its painted main window (a fresh process each time).
1. Opening the store and showing the diary list's first 40 rows.
2. Diary search as you type, p95 of 200 substrings (the list's first page).
3. A hub importing a cadre's full bundle (2,000 diaries and everything with them).
Raw figures (SQLite calls only, where encryption is most of the work):
4. Connecting and reading the first 40 rows; writing 50,000 diary-sized rows.
Goal: ≤ 1.3× for 0–3. Unlocking also costs one scrypt (printed on its own: a
fixed ~0.1 s per start, by design: it is what makes guessing passwords slow;
a cadre waits it once, after typing her password). App start is printed with
it and without it; the goal applies to what encryption adds besides it.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from common import ANCHOR, OUT, demo_db, median, percentile, report
from search import queries
from startup import time_to_shown

from desktop_app.core import db, engine, keyfile, records, search, unlocking
from desktop_app.core.engine import apply_key, sqlite3
from desktop_app.core.store import Store
from tests.db_helpers import TEST_PASSWORD

FIRST_ROWS = (
    "SELECT date, place, title, substr(body, 1, 60) FROM diary WHERE deleted = 0 ORDER BY date DESC, seq DESC LIMIT 40"
)


def plain_copy(encrypted: Path, key: bytes, plain: Path | None = None) -> Path:
    plain = plain or OUT / "demo-100000-plain.db"
    if not plain.exists() or plain.stat().st_mtime < encrypted.stat().st_mtime:
        plain.unlink(missing_ok=True)
        conn = engine.connect(str(encrypted), key)
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute("ATTACH DATABASE ? AS plain KEY ''", (str(plain),))
        conn.execute("SELECT sqlcipher_export('plain')")
        conn.execute(f"PRAGMA plain.user_version = {int(version)}")
        conn.close()
    return plain


def cold_first_rows(path: Path, key: bytes | None) -> float:
    started = time.perf_counter()
    conn = db.connect(path, key, migrate=False)
    rows = conn.execute(FIRST_ROWS).fetchall()
    conn.close()
    assert len(rows) == 40
    return (time.perf_counter() - started) * 1000


def search_p95(path: Path, key: bytes | None, qs: list[str]) -> float:
    conn = db.connect(path, key, migrate=False)
    times = []
    for q in qs:
        started = time.perf_counter()
        search.search_seqs(conn, records.DIARY, q, 300)
        times.append((time.perf_counter() - started) * 1000)
    conn.close()
    return percentile(times, 95)


def bulk_write(path: Path, key: bytes | None) -> float:
    rng = random.Random(7)
    rows = [
        (f"id-{n:08d}", f"{n:015d}.00000", "device", "2026-11-20", f"标题{n}", "".join(chr(0x4E00 + rng.randrange(3000)) for _ in range(120)))
        for n in range(50_000)
    ]  # fmt: skip
    conn = sqlite3.connect(str(path), isolation_level=None)
    apply_key(conn, key)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute(
        "CREATE TABLE diary (seq INTEGER PRIMARY KEY, id TEXT UNIQUE, hlc TEXT, device_id TEXT, date TEXT, title TEXT, body TEXT)"
    )
    conn.execute("CREATE INDEX by_date ON diary(date, seq)")
    started = time.perf_counter()
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO diary (id, hlc, device_id, date, title, body) VALUES (?, ?, ?, ?, ?, ?)", rows)
    conn.execute("COMMIT")
    elapsed = (time.perf_counter() - started) * 1000
    conn.close()
    return elapsed


class PlainStore(Store):
    """The app's store on an unencrypted file: the floor (the app never opens one like this)."""

    def __init__(self, path: Path):
        real = unlocking.unlock
        unlocking.unlock = lambda _path, _secret: unlocking.Unlocked(None, "key")  # type: ignore[arg-type,assignment]
        try:
            super().__init__(path)
        finally:
            unlocking.unlock = real


def app_first_rows(path: Path, key: bytes | None) -> float:
    from desktop_app.core.lists.specs import SPECS
    from desktop_app.ui.models.record_list import RecordListModel

    started = time.perf_counter()
    store = Store(path, key=key) if key is not None else PlainStore(path)
    model = RecordListModel(store, SPECS["diary"])
    for row in range(40):
        for column in range(model.columnCount()):
            model.data(model.index(row, column))
    elapsed = (time.perf_counter() - started) * 1000
    store.close()  # (not timed: closing updates the planner's statistics, after she has seen the rows)
    return elapsed


PLAIN_APP = """
import sys
from desktop_app.core import unlocking
unlocking.unlock = lambda _path, _secret: unlocking.Unlocked(None, "key")
from desktop_app.ui.app import run_app
sys.exit(run_app(sys.argv[1:]))
"""


def app_start(path: Path, plain: bool) -> float:
    """Spawning the app to its main window painted, the diary list's rows in it; the
    encrypted one unlocks with the password (one scrypt) like every start."""
    app = [sys.executable, "-c", PLAIN_APP] if plain else [sys.executable, "-m", "desktop_app"]
    return time_to_shown([*app, "--db", str(path), "--smoke-test"])


def hub_import(tmp: Path) -> tuple[float, float]:
    """(encrypted, plain) seconds for one hub importing the same full bundle."""
    from desktop_app.core.demo import generate
    from desktop_app.core.sync import exchange
    from tests.sync_helpers import Replica, make_hub_key

    identity, hub_key = make_hub_key(tmp)
    cadre = Replica(tmp / "cadre.db", identity, hub_key, "cadre")
    generate.fill(cadre.store, 2000, seed=3, anchor=ANCHOR)
    bundle = cadre.export(tmp / "full.age", full=True)
    assert bundle is not None
    hub = Replica(tmp / "hub.db", identity, hub_key, "hub")
    hub.trust(cadre)
    cadre.close()
    hub.close()
    key = keyfile.unlock(tmp / "hub.db", TEST_PASSWORD)
    plain_hub = plain_copy(tmp / "hub.db", key, tmp / "hub-plain.db")
    times = []
    for store in (Store(tmp / "hub.db", key=key), PlainStore(plain_hub)):
        started = time.perf_counter()
        (result,) = exchange.import_files(store, [bundle])
        times.append(time.perf_counter() - started)
        assert result.ok and result.new > 2000, result
        store.close()
    return times[0], times[1]


def interleaved(ours: Callable[[], float], floor: Callable[[], float], runs: int) -> tuple[float, float]:
    """Medians of alternating runs, so a busy moment of the machine weighs on both sides alike."""
    pairs = [(ours(), floor()) for _ in range(runs)]
    return median([a for a, _ in pairs]), median([b for _, b in pairs])


def main() -> None:
    encrypted = demo_db()
    unlocking_ms = []
    for _ in range(5):
        keyfile._derived.clear()  # time a real start: no key derived yet
        started = time.perf_counter()
        key = keyfile.unlock(encrypted, TEST_PASSWORD)
        unlocking_ms.append((time.perf_counter() - started) * 1000)
    unlock_ms = median(unlocking_ms)
    print(f"{'unlocking: the password check (one scrypt)':<44} {unlock_ms:10.2f} ms  (by design, see above)")
    plain = plain_copy(encrypted, key)
    for _ in range(2):  # the file in the OS cache for both, as on a laptop in use
        cold_first_rows(encrypted, key), cold_first_rows(plain, None)
    started_ms, floor_ms = interleaved(
        lambda: app_start(encrypted, plain=False), lambda: app_start(plain, plain=True), 11
    )
    report("app start to shown window (100k diaries)", started_ms, floor_ms, goal="with the password check")
    report("  the same, less the password check", started_ms - unlock_ms, floor_ms, goal="goal ≤ 1.3x")
    report("open store + diary list first 40 rows", *interleaved(lambda: app_first_rows(encrypted, key),
           lambda: app_first_rows(plain, None), 9), goal="goal ≤ 1.3x")  # fmt: skip
    conn = db.connect(plain, None, migrate=False)
    qs = queries(conn)
    conn.close()
    report("diary search p95 (200 substrings)", *interleaved(lambda: search_p95(encrypted, key, qs),
           lambda: search_p95(plain, None, qs), 7), goal="goal ≤ 1.3x, median of 7 runs")  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        ours, floor = hub_import(Path(tmp))
    report("hub import of a cadre's full bundle", ours, floor, unit="s", goal="goal ≤ 1.3x")
    print("raw SQLite, where encryption is most of the work:")
    report("  connect + first 40 diary rows", median([cold_first_rows(encrypted, key) for _ in range(15)]),
           median([cold_first_rows(plain, None) for _ in range(15)]))  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        ours = median([bulk_write(Path(tmp) / f"e{n}.db", key) for n in range(3)])
        floor = median([bulk_write(Path(tmp) / f"p{n}.db", None) for n in range(3)])
    report("  write 50,000 diary rows", ours, floor)


if __name__ == "__main__":
    main()
