"""What encryption at rest costs: the same work on the encrypted 100k demo
database and on a plain copy of it (SQLCipher vs the same SQLite without a key).

1. Opening the file and reading the diary list's first 40 rows (a cold start).
2. Diary search as you type, p95 of 200 substrings (the list's first page).
3. Writing like a hub import: 50,000 diary-sized rows with their index, one
   transaction, synchronous=FULL.
Goal for each: ≤ 1.3×. Unlocking also costs one scrypt (printed on its own: a
fixed ~0.1 s per start, by design: it is what makes guessing passwords slow).
"""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

from common import OUT, demo_db, median, percentile, report
from search import queries

from desktop_app.core import db, keyfile, records, search
from desktop_app.core.engine import apply_key, sqlite3
from tests.db_helpers import TEST_PASSWORD

FIRST_ROWS = (
    "SELECT date, place, title, substr(body, 1, 60) FROM diary WHERE deleted = 0 ORDER BY date DESC, seq DESC LIMIT 40"
)


def plain_copy(encrypted: Path, key: bytes) -> Path:
    plain = OUT / "demo-100000-plain.db"
    if not plain.exists() or plain.stat().st_mtime < encrypted.stat().st_mtime:
        plain.unlink(missing_ok=True)
        conn = sqlite3.connect(str(encrypted))
        apply_key(conn, key)
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


def main() -> None:
    encrypted = demo_db()
    keyfile._derived.clear()  # time a real start: no key derived yet in this process
    started = time.perf_counter()
    key = keyfile.unlock(encrypted, TEST_PASSWORD)
    print(f"{'unlocking (one scrypt per start)':<44} {(time.perf_counter() - started) * 1000:10.2f} ms")
    plain = plain_copy(encrypted, key)
    for _ in range(2):  # the file in the OS cache for both, as on a laptop in use
        cold_first_rows(encrypted, key), cold_first_rows(plain, None)
    report("open + first 40 diary rows", median([cold_first_rows(encrypted, key) for _ in range(15)]),
           median([cold_first_rows(plain, None) for _ in range(15)]), goal="goal ≤ 1.3x")  # fmt: skip
    conn = db.connect(plain, None, migrate=False)
    qs = queries(conn)
    conn.close()
    report("diary search p95 (200 substrings)", search_p95(encrypted, key, qs), search_p95(plain, None, qs),
           goal="goal ≤ 1.3x")  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        ours = median([bulk_write(Path(tmp) / f"e{n}.db", key) for n in range(3)])
        floor = median([bulk_write(Path(tmp) / f"p{n}.db", None) for n in range(3)])
    report("write 50,000 diary rows (import-like)", ours, floor, goal="goal ≤ 1.3x")


if __name__ == "__main__":
    main()
