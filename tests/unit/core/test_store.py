from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop_app.core import records as r
from desktop_app.core.errors import NotFound, ValidationFailed
from desktop_app.core.store import Store
from tests.conftest import FIXED_TODAY
from tests.db_helpers import raw


def _point(store: Store, name: str = "王家村") -> dict:
    return store.save("liaison_point", {"name": name, "kind": "village"})


def test_profile_sets_own_cadre_and_device(profiled: Store) -> None:
    own = profiled.own_cadre_id
    assert own and profiled.get("cadre", own)["name"] == "王芳"
    row = profiled.conn.execute("SELECT cadre_id FROM device WHERE id = ?", (profiled.device_id,)).fetchone()
    assert row[0] == own


def test_new_diary_takes_defaults(profiled: Store) -> None:
    diary = profiled.save("diary", {"title": "走访", "body": "正文"})
    assert diary["author_id"] == profiled.own_cadre_id
    assert diary["date"] == FIXED_TODAY.isoformat()
    assert diary["tags"] == [] and diary["notable"] is False


def test_diary_without_profile_says_how_to_fix(store: Store) -> None:
    with pytest.raises(ValidationFailed) as info:
        store.save("diary", {"title": "t", "body": "b"})
    assert "首次设置" in info.value.errors["author_id"]


def test_every_row_carries_sync_columns(profiled: Store) -> None:
    diary = profiled.save("diary", {"title": "走访", "body": "正文"})
    row = profiled.conn.execute("SELECT id, hlc, device_id, deleted FROM diary").fetchone()
    assert row["id"] == diary["id"] and row["device_id"] == profiled.device_id and row["deleted"] == 0
    assert len(row["hlc"]) == 21


def test_update_changes_only_given_fields_and_advances_clock(profiled: Store) -> None:
    first = profiled.save("diary", {"title": "走访", "body": "正文", "tags": ["留守"]})
    second = profiled.save("diary", {"title": "走访王家村"}, first["id"])
    assert second["body"] == "正文" and second["tags"] == ["留守"] and second["title"] == "走访王家村"
    assert second["hlc"] > first["hlc"]


def test_saving_unchanged_values_writes_nothing(profiled: Store) -> None:
    first = profiled.save("diary", {"title": "走访", "body": "正文"})
    again = profiled.save("diary", {"title": "走访"}, first["id"])
    assert again["hlc"] == first["hlc"]
    assert len(profiled.history(first["id"])) == 1


def test_invalid_save_changes_nothing(profiled: Store, db_path: Path) -> None:
    point = _point(profiled)
    woman = profiled.save("woman", {"name": "李秀英", "liaison_point_id": point["id"]})
    before = raw(db_path).execute("SELECT count(*) FROM audit_log").fetchone()[0]
    with pytest.raises(ValidationFailed):
        profiled.save("woman", {"name": "", "phone": "123"}, woman["id"])
    assert profiled.get("woman", woman["id"])["name"] == "李秀英"
    after = raw(db_path).execute("SELECT count(*) FROM audit_log").fetchone()[0]
    assert after == before


def test_delete_leaves_tombstone_and_hides_record(profiled: Store) -> None:
    diary = profiled.save("diary", {"title": "走访", "body": "正文"})
    profiled.delete("diary", diary["id"])
    with pytest.raises(NotFound):
        profiled.get("diary", diary["id"])
    tomb = profiled.get("diary", diary["id"], include_deleted=True)
    assert tomb["deleted"] is True and tomb["hlc"] > diary["hlc"]
    assert profiled.count("diary") == 0
    assert [e.action for e in profiled.history(diary["id"])] == ["create", "delete"]
    with pytest.raises(NotFound):
        profiled.delete("diary", diary["id"])


def test_deleting_a_parent_deletes_the_records_that_cannot_stand_without_it(profiled: Store) -> None:
    problem = profiled.save("problem", {"description": "缺少岗位", "category": "employment"})["id"]
    referrals = [profiled.save("referral", {"problem_id": problem, "department": d})["id"] for d in ("民政", "人社")]
    woman = profiled.save("woman", {"name": "李秀英"})["id"]
    pair = profiled.save("help_pair", {"woman_id": woman})["id"]
    act = profiled.save("help_log", {"help_pair_id": pair, "what": "推荐就业"})["id"]
    other_pair = profiled.save("help_pair", {"woman_id": woman})["id"]
    kept = profiled.save("help_log", {"help_pair_id": other_pair, "what": "技能培训"})["id"]
    assert profiled.live_children("problem", problem) == {"referral": referrals}
    sync_seq = profiled.conn.execute("SELECT max(sync_seq) FROM referral").fetchone()[0]

    assert profiled.delete("problem", problem) == {"referral": 2}
    assert profiled.delete("help_pair", pair) == {"help_log": 1}
    assert profiled.count("referral") == 0 and [r["id"] for r in profiled.list_records("help_log")] == [kept]
    for rid in (*referrals, act):
        assert [e.action for e in profiled.history(rid)] == ["create", "delete"]  # a deletion that travels
    newer = profiled.conn.execute("SELECT min(sync_seq) FROM referral").fetchone()[0]
    assert newer > sync_seq
    assert profiled.delete("diary", profiled.save("diary", {"title": "走访", "body": "正文"})["id"]) == {}


def test_links_are_rows_with_tombstones(profiled: Store) -> None:
    point = _point(profiled)
    a = profiled.save("woman", {"name": "甲", "liaison_point_id": point["id"]})
    b = profiled.save("woman", {"name": "乙", "liaison_point_id": point["id"]})
    diary = profiled.save("diary", {"title": "t", "body": "b", "woman_ids": [a["id"], b["id"]]})
    assert diary["woman_ids"] == [a["id"], b["id"]]
    diary = profiled.save("diary", {"woman_ids": [b["id"]]}, diary["id"])
    assert diary["woman_ids"] == [b["id"]]
    rows = profiled.conn.execute("SELECT woman_id, deleted FROM diary_woman ORDER BY seq").fetchall()
    assert [(row[0], row[1]) for row in rows] == [(a["id"], 1), (b["id"], 0)]
    diary = profiled.save("diary", {"woman_ids": [a["id"], b["id"]]}, diary["id"])
    assert sorted(diary["woman_ids"]) == sorted([a["id"], b["id"]])
    assert profiled.conn.execute("SELECT count(*) FROM diary_woman").fetchone()[0] == 2


def test_many_cadres_make_a_many_to_one_pair(profiled: Store) -> None:
    other = profiled.save("cadre", {"name": "李娟", "org": "南通市妇女联合会"})
    point = _point(profiled)
    woman = profiled.save("woman", {"name": "甲", "liaison_point_id": point["id"]})
    pair = profiled.save("help_pair", {"woman_id": woman["id"], "cadre_ids": [profiled.own_cadre_id, other["id"]]})
    assert pair["mode"] == "many_to_one" and pair["status"] == "active"


def test_audit_log_records_who_and_what(profiled: Store) -> None:
    point = _point(profiled)
    profiled.save("liaison_point", {"region": "通州区"}, point["id"])
    history = profiled.history(point["id"])
    assert [e.action for e in history] == ["create", "update"]
    assert history[1].changes == {"region": [None, "通州区"]}
    assert history[1].cadre_id == profiled.own_cadre_id and history[1].device_id == profiled.device_id


def test_saved_record_survives_reopen(db_path: Path) -> None:
    with Store(db_path, today=lambda: FIXED_TODAY) as s:
        s.save_profile({"name": "王芳", "org": "妇联"})
        diary = s.save("diary", {"title": "持久", "body": "写入后立即可读"})
    with Store(db_path) as s:
        assert s.get("diary", diary["id"])["title"] == "持久"
        assert s.check() == []


def test_counts_exclude_tombstones(profiled: Store) -> None:
    point = _point(profiled)
    _point(profiled, "李庄村")
    profiled.delete("liaison_point", point["id"])
    counts = profiled.counts()
    assert set(counts) == set(r.RECORD_TYPES)
    assert counts["liaison_point"] == 1 and counts["cadre"] == 1


def test_clock_is_monotonic_across_stores_on_one_file(db_path: Path) -> None:
    with Store(db_path, wall_ms=lambda: 5_000_000_000_000) as ahead:
        ahead.save_profile({"name": "王芳", "org": "妇联"})
        first = ahead.get("cadre", ahead.own_cadre_id)  # type: ignore[arg-type]
    # A second process whose wall clock is behind still stamps later.
    with Store(db_path, wall_ms=lambda: 1_000) as behind:
        point = behind.save("liaison_point", {"name": "王家村", "kind": "village"})
    assert point["hlc"] > first["hlc"]


def test_clock_warning_when_the_computer_date_went_back_or_is_implausible(db_path: Path) -> None:
    now = int(datetime(2026, 11, 20, 9, tzinfo=UTC).timestamp() * 1000)
    clock = [now]
    with Store(db_path, wall_ms=lambda: clock[0]) as store:
        assert store.clock_warning() is None
        store.save("woman", {"name": "李秀英"})
        clock[0] = now - 3_600_000  # the date went back an hour
        assert "早于本机上次保存记录的时间" in str(store.clock_warning())
        clock[0] = int(datetime(2151, 1, 1, tzinfo=UTC).timestamp() * 1000)
        assert "看起来不对" in str(store.clock_warning())
        clock[0] = now + 60_000
        assert store.clock_warning() is None
        assert store.repair_clock() == 0  # nothing lies in the future


def test_repair_clock_restamps_what_a_clock_set_ahead_wrote(db_path: Path) -> None:
    now = int(datetime(2026, 11, 20, 9, tzinfo=UTC).timestamp() * 1000)
    clock = [now + 30 * 86_400_000]  # set a month ahead by mistake
    with Store(db_path, wall_ms=lambda: clock[0]) as store:
        woman = store.save("woman", {"name": "李秀英"})
        clock[0] = now  # set right again
        assert "晚一天以上" in str(store.clock_warning())
        assert store.repair_clock() == 1
        assert store.clock_warning() is None
        restamped = store.get("woman", woman["id"])
        assert restamped["hlc"] < woman["hlc"] and restamped["hlc"].startswith(f"{now:015d}"[:11])
        row = store.stored_row("woman", woman["id"])
        assert row is not None and f"{woman['hlc']}/{store.device_id}" in row["rev"]  # it descends from the old
