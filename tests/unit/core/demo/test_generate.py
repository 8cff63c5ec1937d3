from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desktop_app.core import records as r
from desktop_app.core import relations
from desktop_app.core.demo import generate
from desktop_app.core.demo import text as t
from desktop_app.core.errors import UsageError, ValidationFailed
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
    """Every rule a save here is held to: one record alone, and against those it belongs to."""
    with _filled(tmp_path / "a.db", n=300) as store:
        broken = []
        for kind, rtype in r.RECORD_TYPES.items():
            for record in store.list_records(kind):
                values = {f.name: record[f.name] for f in rtype.fields}
                try:
                    clean = clean_record(rtype, values, ANCHOR, store.exists)
                except ValidationFailed as error:
                    broken.append((kind, record["id"], error.errors))
                    continue
                # As if every field had just been typed: each rule looks (old holds the id only).
                found = relations.errors(store, rtype, clean, {"id": record["id"]})
                if found:
                    broken.append((kind, record["id"], found))
        assert broken == []


def test_demo_records_agree_with_each_other(tmp_path: Path) -> None:
    with _filled(tmp_path / "a.db", n=300) as store:
        conn = store.conn
        women_elsewhere = conn.execute(
            "SELECT count(*) FROM visit_woman l JOIN visit v ON v.id = l.visit_id JOIN woman w ON w.id = l.woman_id "
            "WHERE w.liaison_point_id != v.liaison_point_id"
        ).fetchone()[0]
        assert women_elsewhere == 0
        assert (
            conn.execute(
                "SELECT count(*) FROM diary_woman l JOIN diary d ON d.id = l.diary_id JOIN woman w ON w.id = l.woman_id "
                "WHERE w.liaison_point_id != d.liaison_point_id"
            ).fetchone()[0]
            == 0
        )
        problems = conn.execute(
            "SELECT p.liaison_point_id, v.liaison_point_id, p.status, p.resolution FROM problem p "
            "JOIN visit v ON v.id = p.source_id"
        ).fetchall()
        assert problems and all(p[0] == p[1] for p in problems)
        assert not [p for p in problems if p[2] == "resolved" and any(w in (p[3] or "") for w in ("等待", "正在"))]
        refused = conn.execute("SELECT answer FROM referral WHERE outcome = 'refused'").fetchall()
        assert not [a for (a,) in refused if "正在" in a or "已纳入" in a]
        for name, kind, region in conn.execute("SELECT name, kind, region FROM liaison_point"):
            if kind in ("township", "village", "women_org", "enterprise"):
                assert name.startswith(region[-3:]) or region[-3:] in name, (name, kind, region)
            if kind == "district":
                assert region.endswith(name), (name, region)
        for situation, village in conn.execute(
            "SELECT v.situation, p.address FROM visit v JOIN liaison_point p ON p.id = v.liaison_point_id "
            "WHERE p.kind IN ('village', 'women_org', 'household')"
        ):
            mentioned = [stem + "村" for stem in t.VILLAGE_STEMS if stem + "村" in situation]
            assert all(v in village for v in mentioned), (situation, village)


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
