from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_app.core import db, i18n, migrations, records
from desktop_app.core.engine import sqlite3
from desktop_app.core.errors import NotADatabase, SchemaTooNew
from desktop_app.core.store import Store
from desktop_app.core.sync import keys


def test_fresh_database_reaches_latest_version(db_path: Path) -> None:
    conn = db.connect(db_path, None)
    assert migrations.user_version(conn) == migrations.LATEST
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_every_record_field_has_a_column(db_path: Path) -> None:
    conn = db.connect(db_path, None)
    for rtype in records.RECORD_TYPES.values():
        columns = {row[1] for row in conn.execute(f"PRAGMA table_info({rtype.name})")}
        assert {"seq", "id", "hlc", "device_id", "deleted"} <= columns
        assert {f.name for f in rtype.column_fields} <= columns, rtype.name
    for link in records.link_tables():
        columns = {row[1] for row in conn.execute(f"PRAGMA table_info({link.table})")}
        assert {"id", "hlc", "device_id", "deleted", link.parent_column, link.ref_column} <= columns


@pytest.mark.parametrize("start", range(migrations.LATEST))
def test_each_migration_applies_from_the_version_before(db_path: Path, start: int) -> None:
    raw = sqlite3.connect(db_path, isolation_level=None)
    assert migrations.apply(raw, str(db_path), upto=start) == list(range(1, start + 1))
    assert migrations.user_version(raw) == start
    assert migrations.apply(raw, str(db_path)) == list(range(start + 1, migrations.LATEST + 1))
    assert migrations.user_version(raw) == migrations.LATEST
    raw.close()
    with Store(db_path) as store:
        assert store.check() == []


def test_failed_migration_leaves_previous_version(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    raw = sqlite3.connect(db_path, isolation_level=None)
    migrations.apply(raw, str(db_path))
    broken = [*migrations.MIGRATIONS, ["CREATE TABLE later_table (x)", "THIS IS NOT SQL"]]
    monkeypatch.setattr(migrations, "MIGRATIONS", broken)
    monkeypatch.setattr(migrations, "LATEST", len(broken))
    with pytest.raises(sqlite3.OperationalError):
        migrations.apply(raw, str(db_path))
    assert migrations.user_version(raw) == len(broken) - 1
    assert raw.execute("SELECT name FROM sqlite_master WHERE name = 'later_table'").fetchone() is None


def test_newer_database_is_refused_and_left_untouched(db_path: Path) -> None:
    raw = sqlite3.connect(db_path)
    raw.execute("CREATE TABLE future (x)")
    raw.execute(f"PRAGMA user_version = {migrations.LATEST + 5}")
    raw.commit()
    raw.close()
    before = db_path.read_bytes()
    with pytest.raises(SchemaTooNew) as info:
        Store(db_path)
    assert "更新版本" in str(info.value) and str(migrations.LATEST + 5) in str(info.value)
    assert db_path.read_bytes() == before


def test_a_file_that_is_not_a_database_is_refused(db_path: Path) -> None:
    db_path.write_bytes(b"this is a text file, not SQLite" * 100)
    with pytest.raises(NotADatabase) as info:
        Store(db_path)
    assert "不是访妇情数据库" in str(info.value)


def test_migration_2_keeps_version_1_data_and_indexes_names(db_path: Path) -> None:
    raw = sqlite3.connect(db_path, isolation_level=None)
    migrations.apply(raw, str(db_path), upto=1)
    raw.execute(
        "INSERT INTO liaison_point (id, hlc, device_id, name, kind) VALUES ('p', '000000000000001.00000', 'd', '王家村', 'village')"
    )
    raw.execute(
        "INSERT INTO woman (id, hlc, device_id, name, liaison_point_id) VALUES ('w', '000000000000001.00000', 'd', '李秀英', 'p')"
    )
    raw.close()
    with Store(db_path) as store:
        assert store.schema_version == migrations.LATEST >= 2
        assert store.get("woman", "w")["name"] == "李秀英"
        plan = " ".join(
            str(row[3])
            for row in store.conn.execute(
                "EXPLAIN QUERY PLAN SELECT id FROM woman WHERE deleted = 0 ORDER BY name LIMIT 40"
            )
        )
        assert "woman_by_name" in plan


def test_migration_3_gives_existing_rows_a_version_and_sync_order(db_path: Path) -> None:
    raw = sqlite3.connect(db_path, isolation_level=None)
    migrations.apply(raw, str(db_path), upto=2)
    raw.execute(
        "INSERT INTO liaison_point (id, hlc, device_id, name, kind) VALUES ('p', '000000000000001.00000', 'd', '王家村', 'village')"
    )
    raw.close()
    with Store(db_path) as store:
        row = store.conn.execute("SELECT rev, sync_seq FROM liaison_point WHERE id = 'p'").fetchone()
        assert (row[0], row[1]) == ('["000000000000001.00000/d"]', 1)
        point = store.save("liaison_point", {"region": "通州区"}, "p")
        row = store.conn.execute("SELECT rev, sync_seq FROM liaison_point WHERE id = 'p'").fetchone()
        assert row[1] == 2 and f"{point['hlc']}/{store.device_id}" in row[0] and "000000000000001.00000/d" in row[0]


def test_migration_4_makes_one_passphrase_destination_with_the_earliest_mark(db_path: Path) -> None:
    raw = sqlite3.connect(db_path, isolation_level=None)
    migrations.apply(raw, str(db_path), upto=3)
    # Version 3 named the destination by its translated label: one per UI language.
    raw.execute(
        "INSERT INTO destination (id, kind, name, last_sent_seq) VALUES ('passphrase:口令', 'passphrase', '口令', 40)"
    )
    raw.execute(
        "INSERT INTO destination (id, kind, name, last_sent_seq) VALUES ('passphrase:passphrase', 'passphrase', 'x', 25)"
    )
    raw.execute(
        "INSERT INTO destination (id, kind, name, recipient, last_sent_seq) VALUES ('age:1', 'age', '县', 'r', 9)"
    )
    raw.close()
    with Store(db_path) as store:
        found = {d.id: d.last_sent_seq for d in keys.destinations(store)}
        assert found == {"passphrase": 25, "age:1": 9}
        i18n.set_language("en")
        assert keys.passphrase_destination(store).id == "passphrase"
        assert keys.passphrase_destination(store).label == "passphrase"
        i18n.set_language("zh")
        assert keys.passphrase_destination(store).label == "口令"
        assert len(keys.destinations(store)) == 2


def _fts_blocks(conn: sqlite3.Connection, table: str) -> bytes:
    return b"".join(bytes(block) for (block,) in conn.execute(f"SELECT block FROM {table}_data"))


def test_migration_6_forgets_what_earlier_deletions_kept(db_path: Path) -> None:
    raw = sqlite3.connect(db_path, isolation_level=None)
    migrations.apply(raw, str(db_path), upto=5)
    stamp = "'000000000000001.00000', 'd'"
    raw.execute(
        f"INSERT INTO woman (id, hlc, device_id, deleted, name, id_number, phone, groups, needs) VALUES "
        f"('gone', {stamp}, 1, '李秀英', '11010519491231002X', '13800138000', '[\"left_behind\"]', '看病'), "
        f"('here', {stamp}, 0, '张兰', '110105194912310029', '13900139000', '[]', NULL)"
    )
    changes = '{"name": [null, "李秀英"], "id_number": [null, "11010519491231002X"]}'
    raw.execute(
        "INSERT INTO audit_log (id, hlc, device_id, record_type, record_id, action, changes) VALUES "
        f"('a1', {stamp}, 'woman', 'gone', 'create', ?), ('a2', {stamp}, 'woman', 'here', 'create', ?)",
        (changes, changes.replace("11010519491231002X", "110105194912310029").replace("李秀英", "张兰")),
    )
    # A deleted diary whose words an earlier version took out of the index (the
    # words stay in the index's pages until they are rewritten).
    raw.execute(
        f"INSERT INTO diary (seq, id, hlc, device_id, deleted, date, title, body, tags, author_id) VALUES "
        f"(7, 'd1', {stamp}, 1, '2026-01-01', '', '', '[]', 'c')"
    )
    raw.execute("INSERT INTO diary_fts (rowid, body, title, place, tags) VALUES (7, '龘 病 情', '', '', '')")
    raw.execute(
        "INSERT INTO diary_fts (diary_fts, rowid, body, title, place, tags) VALUES ('delete', 7, '龘 病 情', '', '', '')"
    )
    assert "龘".encode() in _fts_blocks(raw, "diary_fts")
    loser = '{"id": "gone", "deleted": 1, "name": "李秀英", "phone": "13800138000", "hlc": "x", "device_id": "e"}'
    raw.execute(
        "INSERT INTO conflict (id, hlc, device_id, record_type, record_id, winner_version, loser_version, "
        f"loser_row, detected_at) VALUES ('c1', {stamp}, 'woman', 'gone', '', 'x/e', ?, '2026-01-01')",
        (loser,),
    )
    raw.close()

    with Store(db_path) as store:
        conn = store.conn
        gone = conn.execute("SELECT name, id_number, phone, groups, needs, deleted FROM woman WHERE id = 'gone'")
        assert tuple(gone.fetchone()) == ("", None, None, "[]", None, 1)
        assert tuple(conn.execute("SELECT name, id_number FROM woman WHERE id = 'here'").fetchone()) == (
            "张兰",
            "110105194912310029",
        )
        audit = {
            row[0]: row[1] for row in conn.execute("SELECT record_id, changes FROM audit_log WHERE id IN ('a1', 'a2')")
        }
        assert json.loads(audit["gone"]) == {"name": [None, "***"], "id_number": [None, "***"]}
        assert json.loads(audit["here"]) == {"name": [None, "张兰"], "id_number": [None, "***"]}
        kept = json.loads(conn.execute("SELECT loser_row FROM conflict WHERE id = 'c1'").fetchone()[0])
        assert kept["name"] == "" and kept["phone"] is None and kept["deleted"] == 1
        assert "龘".encode() not in _fts_blocks(conn, "diary_fts")
        plan = " ".join(
            str(tuple(row))
            for row in conn.execute(
                "EXPLAIN QUERY PLAN SELECT id FROM woman WHERE id_number = 'x' AND id_number IS NOT NULL AND deleted = 0"
            )
        )
        assert "woman_by_id_number" in plan


def test_migration_7_adds_follow_through_and_keeps_version_6_rows(db_path: Path) -> None:
    raw = sqlite3.connect(db_path, isolation_level=None)
    migrations.apply(raw, str(db_path), upto=6)
    stamp = "'000000000000001.00000', 'd'"
    raw.execute(
        f"INSERT INTO problem (id, hlc, device_id, raised_date, source, description, category, status, resolution) "
        f"VALUES ('p1', {stamp}, '2026-01-02', 'other', '缺少岗位', 'employment', 'resolved', '已协调')"
    )
    raw.execute(
        f"INSERT INTO help_pair (id, hlc, device_id, mode, target_kind, status) VALUES ('h1', {stamp}, "
        "'one_to_one', 'woman', 'completed')"
    )
    raw.execute(
        f"INSERT INTO help_log (id, hlc, device_id, help_pair_id, date, what, amount) VALUES ('l1', {stamp}, 'h1', "
        "'2026-01-03', '推荐就业', 200)"
    )
    raw.close()
    with Store(db_path) as store:
        conn = store.conn
        assert store.schema_version == 7
        assert tuple(conn.execute("SELECT status, resolution, explanation, feedback FROM problem").fetchone()) == (
            "resolved", "已协调", None, None,
        )  # fmt: skip
        assert tuple(conn.execute("SELECT amount, project_id, people FROM help_log").fetchone()) == (200, None, None)
        for table in ("federation", "project", "referral", "research"):
            columns = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
            assert {"seq", "id", "hlc", "device_id", "deleted", "rev", "sync_seq", "owner_id"} <= columns
            assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0
        assert store.check() == []  # an old settled problem is still a valid row
