"""Chinese substring search over 100k diaries: per-character FTS vs a LIKE scan.

Queries are 200 substrings of 1–4 characters cut from random diaries (fixed
seed). "First page" is what the diary list needs as you type (300 newest
matches); "all matches" counts every hit. Also prints the index size against
the text it indexes and the time to rebuild it. Goal: p95 < 20 ms, index ≤ text.
"""

from __future__ import annotations

import random
import sqlite3
import time

from common import demo_db, median, open_raw, percentile, report

from desktop_app.core import records, search

PAGE = 300


def queries(conn: sqlite3.Connection, n: int = 200) -> list[str]:
    rng = random.Random(42)
    bodies = [row[0] for row in conn.execute("SELECT body FROM diary ORDER BY random() LIMIT 2000")]
    found = []
    while len(found) < n:
        import re

        body = rng.choice(re.split(r"[^\w]+", rng.choice(bodies)) or [""])
        if not body:
            continue
        length = rng.choice([1, 2, 2, 3, 4])
        start = rng.randrange(0, max(1, len(body) - length))
        found.append(body[start : start + length])
    return found


def timed(fn, items):  # type: ignore[no-untyped-def]
    times = []
    for item in items:
        started = time.perf_counter()
        fn(item)
        times.append((time.perf_counter() - started) * 1000)
    return times


def main() -> None:
    path = demo_db()
    conn = open_raw(path)
    qs = queries(conn)

    def fts_page(q: str) -> list[int]:
        return search.search_seqs(conn, records.DIARY, q, PAGE)

    def like_page(q: str) -> list[int]:
        return [
            r[0]
            for r in conn.execute(
                "SELECT seq FROM diary WHERE deleted = 0 AND (body LIKE ?1 OR title LIKE ?1 OR place LIKE ?1 OR tags LIKE ?1) "
                "ORDER BY seq DESC LIMIT ?2",
                (f"%{q}%", PAGE),
            )
        ]

    def fts_all(q: str) -> int:
        return len(search.search_seqs(conn, records.DIARY, q))

    def like_all(q: str) -> int:
        return conn.execute(
            "SELECT count(*) FROM diary WHERE deleted = 0 AND (body LIKE ?1 OR title LIKE ?1 OR place LIKE ?1 OR tags LIKE ?1)",
            (f"%{q}%",),
        ).fetchone()[0]

    for q in qs[:20]:  # finds at least what a plain substring scan finds
        full = set(search.search_seqs(conn, records.DIARY, q))
        scan = {
            r[0]
            for r in conn.execute(
                "SELECT seq FROM diary WHERE deleted = 0 AND (body LIKE ?1 OR title LIKE ?1 OR place LIKE ?1)",
                (f"%{q}%",),
            )
        }
        assert scan <= full, q
    fts_page_t, like_page_t = timed(fts_page, qs), timed(like_page, qs)
    fts_all_t, like_all_t = timed(fts_all, qs), timed(like_all, qs)
    report("search first page p50", median(fts_page_t), median(like_page_t))
    report("search first page p95", percentile(fts_page_t, 95), percentile(like_page_t, 95), goal="goal p95 < 20 ms")
    report("search all matches p50", median(fts_all_t), median(like_all_t))
    report("search all matches p95", percentile(fts_all_t, 95), percentile(like_all_t, 95))

    text_bytes = conn.execute(
        "SELECT sum(length(CAST(body AS BLOB)) + length(CAST(title AS BLOB)) + "
        "length(CAST(coalesce(place, '') AS BLOB)) + length(CAST(tags AS BLOB))) FROM diary WHERE deleted = 0"
    ).fetchone()[0]
    index_bytes = conn.execute("SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'diary_fts%'").fetchone()[0]
    print(
        f"{'index size / indexed text':<44} {index_bytes / 1e6:10.1f} MB / {text_bytes / 1e6:.1f} MB = "
        f"{index_bytes / text_bytes:.2f}x  goal ≤ 1.0x"
    )
    conn.close()

    from desktop_app.core.store import Store

    with Store(path) as store:
        started = time.perf_counter()
        with store.transaction():
            search.rebuild(store.conn, [records.DIARY])
            rebuild_s = time.perf_counter() - started
            store.conn.execute("CREATE TEMP TABLE copy AS SELECT body, title, place, tags FROM diary")
            copy_s = time.perf_counter() - started - rebuild_s
            store.conn.execute("DROP TABLE temp.copy")
    report("index build (100k diaries)", rebuild_s, copy_s, unit="s", goal="floor: plain copy of the text")


if __name__ == "__main__":
    main()
