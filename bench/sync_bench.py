"""Sync figures, each against a floor measured in the same run.

1. Full export of the 100k demo database, encrypted, vs raw SQLite → NDJSON → ZIP.
2. A hub importing 1,000 bundles × 100 records vs raw ``executemany`` inserts of
   the same rows.
3. Per-record import cost on a hub already holding ~10k vs ~1M rows (goal: flat,
   ratio ≤ 1.5). Building the 1M-row hub takes a few minutes the first time.
"""

from __future__ import annotations

import argparse
import io
import json
import sqlite3
import tempfile
import time
import zipfile
from pathlib import Path

from common import ANCHOR, OUT, demo_db, open_raw, report

from desktop_app.core.demo import generate
from desktop_app.core.store import Store
from desktop_app.core.sync import bundle, devices, exchange, keys
from tests.db_helpers import copy_database
from tests.sync_helpers import Replica, make_hub_key


def export_100k(tmp: Path, identity: Path, hub_key: Path) -> None:
    source = demo_db()
    started = time.perf_counter()
    conn = open_raw(source)
    buffer = io.BytesIO()
    rows = 0
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for table in bundle.SYNCED_TABLES:
            cursor = conn.execute(f"SELECT * FROM {table}")
            names = [d[0] for d in cursor.description]
            data = b"".join(json.dumps(dict(zip(names, r, strict=True)), ensure_ascii=False).encode() + b"\n"
                            for r in cursor)  # fmt: skip
            rows += data.count(b"\n")
            archive.writestr(f"{table}.ndjson", data)
    floor = time.perf_counter() - started
    conn.close()
    copy = copy_database(source, tmp / "export.db")
    replica = Replica(copy, identity, hub_key, "x")
    started = time.perf_counter()
    out = replica.export(tmp / "full.age", full=True)
    ours = time.perf_counter() - started
    assert out is not None
    report(f"full export, {rows} rows, encrypted", ours, floor, unit="s", goal="floor: NDJSON+ZIP, no crypto")
    print(f"{'':<44} bundle {out.stat().st_size / 1e6:.1f} MB")
    replica.close()


def hub_import(tmp: Path, identity: Path, hub_key: Path, bundles: int = 1000, per_bundle: int = 100) -> None:
    paths = []
    hub = Replica(tmp / "hub.db", identity, hub_key, "hub")
    for i in range(bundles):
        cadre = Replica(tmp / f"c{i}.db", identity, hub_key, f"c{i}")
        cadre.store.save_profile({"name": f"干部{i}", "org": "妇联"})
        hub.trust(cadre, role="cadre")  # approved laptops: every row is judged by the rights table
        with cadre.store.transaction():
            for j in range(per_bundle - 1):
                cadre.store.save("diary", {"title": f"日记{j}", "body": "今天走访了留守妇女，了解就业需求。" * 3})
        path = cadre.export(tmp / f"b{i}.age")
        assert path is not None
        paths.append(path)
        cadre.close()
    started = time.perf_counter()
    results = exchange.import_files(hub.store, paths)
    ours = time.perf_counter() - started
    assert all(r.ok and not r.held for r in results), results[0].summary()
    total = sum(r.new for r in results)
    # Floor: the same rows inserted with executemany, no checks, no merge.
    rows = []
    for path in paths:
        opened = exchange.read_file(hub.store, path)
        rows.extend(opened.tables["diary"])
    raw = sqlite3.connect(tmp / "raw.db")
    raw.execute("CREATE TABLE diary (id TEXT PRIMARY KEY, hlc, device_id, deleted, rev, date, author_id, "
                "liaison_point_id, place, title, body, tags, notable, owner_id)")  # fmt: skip
    cols = list(rows[0])
    started = time.perf_counter()
    raw.executemany(f"INSERT INTO diary ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                    [tuple(r[c] for c in cols) for r in rows])  # fmt: skip
    raw.commit()
    floor = time.perf_counter() - started
    report(f"hub import {bundles} bundles x {per_bundle} ({total} rows)", ours, floor, unit="s",
           goal="floor: executemany, no decrypt/verify/merge")  # fmt: skip
    print(f"{'':<44} {total / ours:.0f} rows/s, {bundles / ours:.1f} bundles/s")
    hub.close()


def per_record_cost(tmp: Path, identity: Path, hub_key: Path, big: int) -> None:
    cadre = Replica(tmp / "src.db", identity, hub_key, "src")
    cadre.store.save_profile({"name": "测试干部", "org": "妇联"})
    with cadre.store.transaction():
        for j in range(2000):
            cadre.store.save("diary", {"title": f"新日记{j}", "body": "走访留守妇女" * 10})
    path = cadre.export(tmp / "new.age")
    assert path is not None
    facts = {"device_id": cadre.store.device_id, "public_key": keys.public_key(cadre.store),
             "cadre_id": cadre.store.own_cadre_id}  # fmt: skip
    cadre.close()
    timings = {}
    for label, diaries in (("small", 2_000), ("big", big)):
        db = OUT / f"hub-{diaries}.db"
        if not db.exists():
            with Store(db) as store:
                generate.fill(store, diaries, seed=5, anchor=ANCHOR)
        Store(db).close()  # a file from an older build: encrypted and migrated first
        work = copy_database(db, tmp / f"hub-{label}.db")
        hub = Replica(work, identity, hub_key, label)
        devices.enrol(hub.store, facts, "cadre")
        rows = sum(hub.store.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in bundle.SYNCED_TABLES)
        started = time.perf_counter()
        result = hub.import_(path)
        elapsed = time.perf_counter() - started
        assert result.ok and result.new == 2001
        timings[label] = (elapsed / result.new * 1e6, rows)
        hub.close()
    (small_us, small_rows), (big_us, big_rows) = timings["small"], timings["big"]
    report(f"per-record import at {big_rows:,} vs {small_rows:,} rows", big_us, small_us, unit="us",
           goal="goal ≤ 1.5x")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bundles", type=int, default=1000)
    parser.add_argument("--big", type=int, default=220_000, help="diaries in the big hub (~4.5 rows each)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        identity, hub_key = make_hub_key(tmp)
        export_100k(tmp, identity, hub_key)
        hub_import(tmp, identity, hub_key, args.bundles)
        per_record_cost(tmp, identity, hub_key, args.big)


if __name__ == "__main__":
    main()
