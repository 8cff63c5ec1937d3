"""Deletion forgets, the audit trail keeps no ID numbers or phones, a second
registration of one ID number is caught, and a reveal is audited
(``core/privacy.py`` through ``Store``)."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from desktop_app.core import drafts, privacy
from desktop_app.core import records as r
from desktop_app.core.errors import DuplicateRecord
from desktop_app.core.history import describe
from desktop_app.core.store import Store
from desktop_app.core.sync import exchange
from tests.sync_helpers import make_world

ID_NUMBER = "11010519491231002X"
OTHER_ID = "110105198001010016"
PHONE = "13800138000"


def _audit(store: Store, record_id: str) -> str:
    return " ".join(
        row[0] for row in store.conn.execute("SELECT changes FROM audit_log WHERE record_id = ?", (record_id,))
    )


def _fts_blocks(store: Store, table: str) -> bytes:
    return b"".join(bytes(row[0]) for row in store.conn.execute(f"SELECT block FROM {table}_data"))


def test_the_audit_trail_says_an_id_number_changed_not_what_it_was(profiled: Store) -> None:
    woman = profiled.save("woman", {"name": "李秀英", "id_number": ID_NUMBER, "phone": PHONE})["id"]
    profiled.save("woman", {"id_number": OTHER_ID, "phone": None}, woman)
    audit = _audit(profiled, woman)
    assert ID_NUMBER not in audit and OTHER_ID not in audit and PHONE not in audit
    assert "李秀英" in audit  # the rest of the trail is whole while she is in the notebook
    last = json.loads(
        profiled.conn.execute(
            "SELECT changes FROM audit_log WHERE record_id = ? ORDER BY seq DESC LIMIT 1", (woman,)
        ).fetchone()[0]
    )
    assert last == {"id_number": ["***", "***"], "phone": ["***", None]}


def test_a_deleted_woman_keeps_only_what_sync_needs(profiled: Store) -> None:
    point = profiled.save("liaison_point", {"name": "王家村", "kind": "village"})["id"]
    woman = profiled.save(
        "woman",
        {"name": "李秀英", "id_number": ID_NUMBER, "phone": PHONE, "liaison_point_id": point,
         "address": "王家村3组", "groups": ["left_behind"], "needs": "看病难", "consent_method": "oral"},
    )["id"]  # fmt: skip
    profiled.delete("woman", woman)
    row = profiled.stored_row("woman", woman)
    assert row is not None
    assert (row["name"], row["id_number"], row["phone"], row["address"], row["needs"]) == ("", None, None, None, None)
    assert (row["groups"], row["consent_method"], row["deleted"]) == ("[]", None, 1)
    assert row["liaison_point_id"] == point and row["owner_id"] == profiled.own_cadre_id  # ids, for sync and rights
    audit = _audit(profiled, woman)
    assert "李秀英" not in audit and "王家村3组" not in audit and "看病难" not in audit
    assert [line.action for line in describe(profiled, "woman", woman)] == ["新建", "删除"]


def test_a_deleted_diary_leaves_nothing_in_the_search_index(profiled: Store) -> None:
    # A character outside the index's other first bytes is stored whole (the index
    # shares prefixes between neighbouring words), so its bytes can be looked for.
    rare = "\U00020000"
    diary = profiled.save("diary", {"title": "走访", "body": f"{rare}家的困难"})["id"]
    assert rare.encode() in _fts_blocks(profiled, "diary_fts")
    assert profiled.search("diary", rare)
    profiled.delete("diary", diary)
    assert profiled.search("diary", rare) == []
    assert rare.encode() not in _fts_blocks(profiled, "diary_fts")


def test_a_tombstone_forgets_on_every_replica_it_reaches(tmp_path: Path) -> None:
    world = make_world(tmp_path)
    try:
        a, hub = world.a.store, world.hub.store
        woman = a.save("woman", {"name": "李秀英", "id_number": ID_NUMBER, "phone": PHONE, "needs": "看病难"})["id"]
        world.send(world.a, world.hub)
        assert hub.get("woman", woman)["id_number"] == ID_NUMBER
        a.delete("woman", woman)
        world.send(world.a, world.hub)
        row = hub.stored_row("woman", woman)
        assert (
            row is not None
            and row["deleted"] == 1
            and (row["name"], row["id_number"], row["needs"])
            == (
                "",
                None,
                None,
            )
        )
        audit = _audit(hub, woman)
        assert "李秀英" not in audit and ID_NUMBER not in audit and "看病难" not in audit
        # What the hub sends on (down to the cadres, up to the city) carries the tombstone only.
        full = world.hub.export(tmp_path / "full.age", full=True)
        assert full is not None
        plain = _plain_rows(hub, full)
        assert "李秀英" not in plain and ID_NUMBER not in plain and PHONE not in plain
        assert woman in plain
    finally:
        world.close()


def _plain_rows(store: Store, bundle_file: Path) -> str:
    """Every file inside a bundle, decrypted as the receiving hub would."""
    with zipfile.ZipFile(io.BytesIO(exchange.decrypt_file(store, bundle_file))) as archive:
        return "".join(archive.read(name).decode("utf-8", "replace") for name in archive.namelist())


def test_same_id_number_twice_names_the_woman_already_registered(profiled: Store) -> None:
    first = profiled.save("woman", {"name": "李秀英", "id_number": ID_NUMBER})["id"]
    with pytest.raises(DuplicateRecord) as caught:
        profiled.save("woman", {"name": "李秀英", "id_number": ID_NUMBER})
    assert caught.value.existing_id == first and "李秀英" in str(caught.value) and ID_NUMBER not in str(caught.value)
    assert profiled.count("woman") == 1
    second = profiled.save("woman", {"name": "李秀英（同名）", "id_number": ID_NUMBER}, allow_duplicate=True)
    assert profiled.count("woman") == 2
    profiled.save("woman", {"needs": "就业"}, first)  # editing her other fields is no duplicate
    profiled.delete("woman", second["id"])
    other = profiled.save("woman", {"name": "张兰", "id_number": OTHER_ID})["id"]
    with pytest.raises(DuplicateRecord):
        profiled.save("woman", {"id_number": ID_NUMBER}, other)


def test_a_reveal_is_audited_without_the_value(profiled: Store) -> None:
    woman = profiled.save("woman", {"name": "李秀英", "id_number": ID_NUMBER, "phone": PHONE})
    rtype = r.record_type("woman")
    assert privacy.sensitive_values(rtype, woman) == ["id_number", "phone"]
    shown = privacy.shown_masked(rtype, woman)
    assert ID_NUMBER not in json.dumps(shown) and shown["id_number"].endswith("002X")
    profiled.note_reveals("woman", [woman["id"]], ["id_number"])
    last = describe(profiled, "woman", woman["id"])[-1]
    assert (last.action, last.changes) == ("查看完整号码", [("身份证号码", "", "")])
    assert ID_NUMBER not in _audit(profiled, woman["id"])


def test_a_deletion_drops_the_records_unsaved_drafts(profiled: Store) -> None:
    woman = profiled.save("woman", {"name": "李秀英"})["id"]
    other = profiled.save("woman", {"name": "张兰"})["id"]
    drafts.save_draft(profiled, "woman", woman, {"needs": "看病难"})
    drafts.save_draft(profiled, "woman", other, {"needs": "就业"})
    profiled.delete("woman", woman)
    assert [d.record_id for d in drafts.drafts(profiled, "woman")] == [other]


def test_the_planners_statistics_keep_no_sample_names_or_id_numbers(db_path: Path) -> None:
    with Store(db_path) as store:
        store.save_profile({"name": "王芳", "org": "南通市妇女联合会", "mobile": "13812345678"})
        for n in range(60):
            store.save("woman", {"name": f"李秀英{n}"})
        store.save("woman", {"name": "张兰", "id_number": ID_NUMBER})
        store.conn.execute("ANALYZE")  # as PRAGMA optimize does when the statistics are stale
    with Store(db_path) as store:
        stat4 = store.conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat4'").fetchone()
        samples = store.conn.execute("SELECT sample FROM sqlite_stat4").fetchall() if stat4 else []
        assert samples == []
        assert store.conn.execute("SELECT count(*) FROM sqlite_stat1").fetchone()[0] > 0  # the counts stay


def test_a_deletion_stands_over_a_later_concurrent_edit(tmp_path: Path) -> None:
    world = make_world(tmp_path)
    try:
        a, hub = world.a.store, world.hub.store
        woman = a.save("woman", {"name": "李秀英", "id_number": ID_NUMBER, "needs": "看病难"})["id"]
        world.send(world.a, world.hub)
        a.delete("woman", woman)
        hub.save("woman", {"needs": "县里后来补充：住院"}, woman)  # later stamp, made without seeing the deletion
        world.send(world.a, world.hub)
        row = hub.stored_row("woman", woman)
        assert row is not None and row["deleted"] == 1 and row["needs"] is None
        kept = " ".join(str(tuple(r)) for r in hub.conn.execute("SELECT * FROM conflict"))
        assert "住院" not in kept and ID_NUMBER not in kept and "李秀英" not in kept
        audit = " ".join(r[0] for r in hub.conn.execute("SELECT changes FROM audit_log WHERE record_id = ?", (woman,)))
        assert "住院" not in audit and "李秀英" not in audit
    finally:
        world.close()


def test_a_new_password_locks_the_old_one_out_of_the_backups_too(store: Store) -> None:
    from desktop_app.core import backup, keyfile
    from tests.db_helpers import TEST_PASSWORD

    made = backup.make_backup(store)
    old_code_slot = keyfile.keyfile_path(made).read_bytes()
    assert store.set_password("a brand new one 2026") == 1
    with pytest.raises(keyfile.WrongPassword):
        keyfile.unlock(made, TEST_PASSWORD)
    assert keyfile.unlock(made, "a brand new one 2026") == store.key
    code = store.new_recovery_code()
    assert keyfile.unlock(made, code) == store.key and keyfile.keyfile_path(made).read_bytes() != old_code_slot


def test_a_guessable_bundle_passphrase_is_refused(profiled: Store, tmp_path: Path) -> None:
    from desktop_app.core.errors import UsageError
    from desktop_app.core.sync import keys

    for weak in ("1", "12345678", "13812345678", "aaaaaaaa", "password"):
        with pytest.raises(UsageError, match="同步包口令不够安全"):
            exchange.export_bundle(profiled, tmp_path / "x.age", keys.passphrase_destination(profiled), weak)
    assert not (tmp_path / "x.age").exists()
