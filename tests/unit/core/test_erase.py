"""删除并清除个人信息 (``core/erase.py``): a woman and what exists because of her
are gone here and, after a sync, at the hub; the audit says she was erased,
not who she was; records whose text names her are listed for review."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.core import drafts, erase
from desktop_app.core.errors import UsageError
from desktop_app.core.history import describe
from desktop_app.core.store import Store
from tests.sync_helpers import dump, make_world

ID_NUMBER = "11010519491231002X"


def _her_world(store: Store) -> dict[str, str]:
    point = store.save("liaison_point", {"name": "王家村", "kind": "village"})["id"]
    woman = store.save("woman", {"name": "李秀英", "id_number": ID_NUMBER, "phone": "13800138000",
                                 "liaison_point_id": point, "needs": "看病难"})["id"]  # fmt: skip
    other = store.save("woman", {"name": "张兰", "liaison_point_id": point})["id"]
    cadre = store.own_cadre_id
    assert cadre is not None
    visit = store.save("visit", {"start_date": "2026-11-01", "liaison_point_id": point, "method": "interview",
                                 "woman_ids": [woman, other], "cadre_ids": [cadre],
                                 "situation": "李秀英家里困难"})["id"]  # fmt: skip
    diary = store.save("diary", {"title": "随记", "body": "今天见到李秀英", "woman_ids": [woman]})["id"]
    pair = store.save("help_pair", {"woman_id": woman, "cadre_ids": [cadre], "start_date": "2026-11-01"})["id"]
    log = store.save("help_log", {"help_pair_id": pair, "date": "2026-11-02", "what": "送米面"})["id"]
    drafts.save_draft(store, "woman", woman, {"needs": "看病难，住院"})
    return {"point": point, "woman": woman, "other": other, "visit": visit, "diary": diary, "pair": pair, "log": log}


def test_erasing_a_woman_removes_her_links_pairs_logs_and_drafts(profiled: Store) -> None:
    ids = _her_world(profiled)
    erased = erase.erase_woman(profiled, ids["woman"])
    assert (erased.help_pairs, erased.help_logs, erased.links, erased.drafts) == (1, 1, 2, 1)
    assert not profiled.exists("woman", ids["woman"])
    assert not profiled.exists("help_pair", ids["pair"]) and not profiled.exists("help_log", ids["log"])
    assert profiled.get("visit", ids["visit"])["woman_ids"] == [ids["other"]]
    assert profiled.get("diary", ids["diary"])["woman_ids"] == []
    assert drafts.drafts(profiled, "woman") == []
    # Free text is not rewritten behind the cadre's back: she is shown where to look.
    assert {(m.kind, m.record_id) for m in erased.mentions} == {("visit", ids["visit"]), ("diary", ids["diary"])}
    assert "已删除并清除个人信息：帮扶结对 1 个" in erased.summary()
    everything = " ".join(str(tuple(row)) for row in profiled.conn.execute("SELECT * FROM woman"))
    everything += " ".join(str(tuple(row)) for row in profiled.conn.execute("SELECT * FROM audit_log"))
    assert "李秀英" not in everything.replace("李秀英家里困难", "").replace("今天见到李秀英", "")
    assert ID_NUMBER not in everything and "13800138000" not in everything and "看病难" not in everything
    actions = [line.action for line in describe(profiled, "woman", ids["woman"])]
    assert actions[-1] == "删除并清除个人信息" and all(
        line.changes in ([], [(label, "", "***") for label, _, _ in line.changes])
        for line in describe(profiled, "woman", ids["woman"])
    )


def test_an_already_deleted_woman_can_still_be_erased(profiled: Store) -> None:
    ids = _her_world(profiled)
    profiled.delete("woman", ids["woman"])
    erased = erase.erase_woman(profiled, ids["woman"])
    assert erased.help_pairs == 1 and not profiled.exists("help_pair", ids["pair"])


def test_erasing_someone_unknown_is_refused_and_changes_nothing(profiled: Store) -> None:
    ids = _her_world(profiled)
    before = dump(profiled)
    with pytest.raises(UsageError, match=r"找不到|not found"):
        erase.erase_woman(profiled, "no-such-woman")
    assert dump(profiled) == before and profiled.exists("woman", ids["woman"])


def test_an_erase_reaches_the_hub_with_her_links(tmp_path: Path) -> None:
    world = make_world(tmp_path)
    try:
        a, hub = world.a.store, world.hub.store
        ids = _her_world(a)
        world.send(world.a, world.hub)
        assert set(hub.get("visit", ids["visit"])["woman_ids"]) == {ids["woman"], ids["other"]}
        erase.erase_woman(a, ids["woman"])
        result = world.send(world.a, world.hub)
        assert result.ok and result.held == 0  # all hers to erase: nothing waits for the operator
        assert not hub.exists("woman", ids["woman"]) and not hub.exists("help_pair", ids["pair"])
        assert hub.get("visit", ids["visit"])["woman_ids"] == [ids["other"]]
        rows = " ".join(
            str(tuple(row))
            for table in ("woman", "help_pair", "help_log")
            for row in hub.conn.execute(f"SELECT * FROM {table}")
        )
        audit = " ".join(row[0] for row in hub.conn.execute("SELECT changes FROM audit_log"))
        for text in ("看病难", ID_NUMBER, "送米面"):
            assert text not in rows and text not in audit
    finally:
        world.close()
