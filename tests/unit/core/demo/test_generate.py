from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desktop_app.core import records as r
from desktop_app.core.demo import generate
from desktop_app.core.errors import UsageError
from desktop_app.core.store import Store
from desktop_app.core.validation import clean_record

ANCHOR = date(2026, 11, 20)


def _filled(path: Path, n: int = 300, seed: int = 7) -> Store:
    store = Store(path, today=lambda: ANCHOR)
    generate.fill(store, n, seed=seed, anchor=ANCHOR)
    return store


def _content(store: Store) -> dict[str, list[tuple]]:
    tables = [*r.RECORD_TYPES, *(link.table for link in r.link_tables())]
    content = {}
    for table in tables:
        cols = [
            row[1] for row in store.conn.execute(f"PRAGMA table_info({table})") if row[1] not in ("device_id", "rev")
        ]
        content[table] = [
            tuple(row) for row in store.conn.execute(f"SELECT {', '.join(cols)} FROM {table} ORDER BY seq")
        ]
    return content


def test_demo_is_deterministic_for_a_seed(tmp_path: Path) -> None:
    with _filled(tmp_path / "a.db") as a, _filled(tmp_path / "b.db") as b, _filled(tmp_path / "c.db", seed=8) as c:
        assert _content(a) == _content(b)
        assert _content(a)["diary"] != _content(c)["diary"]


def test_demo_fills_every_type_in_proportion(tmp_path: Path) -> None:
    with _filled(tmp_path / "a.db", n=1000) as store:
        counts = store.counts()
        assert counts["diary"] == 1000
        assert all(n > 0 for n in counts.values()), counts
        kinds = {row[0] for row in store.conn.execute("SELECT DISTINCT kind FROM liaison_point")}
        assert kinds == set(r.LIAISON_POINT.field("kind").choices.codes())  # type: ignore[union-attr]
        assert store.own_cadre_id is not None
        assert store.check() == []


def test_every_demo_record_passes_validation(tmp_path: Path) -> None:
    with _filled(tmp_path / "a.db", n=200) as store:
        for kind, rtype in r.RECORD_TYPES.items():
            for record in store.list_records(kind):
                values = {f.name: record[f.name] for f in rtype.fields}
                clean_record(rtype, values, ANCHOR, store.exists)


def test_demo_text_is_searchable(tmp_path: Path) -> None:
    with _filled(tmp_path / "a.db", n=300) as store:
        seqs = store.search("diary", "妇女")
        assert seqs
        rows = store.rows_by_seq("diary", seqs, ["title", "body", "place", "tags"])
        assert all("妇女" in (row["body"] + row["title"] + (row["place"] or "") + row["tags"]) for row in rows.values())


def test_demo_data_never_goes_among_real_records(profiled: Store) -> None:
    profiled.save("woman", {"name": "李秀英"})
    with pytest.raises(UsageError, match="演示数据只能放在单独的数据库文件里"):
        generate.fill(profiled, 20, seed=1)
    assert profiled.count("woman") == 1 and not profiled.is_demo


def test_a_demo_database_is_marked_and_can_be_filled_again(store: Store) -> None:
    generate.fill(store, 20, seed=1)
    assert store.is_demo
    generate.fill(store, 20, seed=2)  # more made-up records in the same demo file
