"""The rights table of docs/trust.md, rule by rule, each both ways: a change the
sender may make is applied at the hub; one it may not make is held for review
and the hub's row is left exactly as it was."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop_app.core.sync import devices, exchange, keys, proposals
from tests.sync_helpers import Replica, World, copy_to, laptop, make_world


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    w = make_world(tmp_path)
    yield w
    w.close()


def held(world: World, result: exchange.ImportResult, reason: str, table: str, record_id: str) -> None:
    assert result.ok and result.held >= 1, result.summary()
    pending = {(p.record_type, p.record_id, p.reason) for p in proposals.listed(world.hub.store)}
    assert (table, record_id, reason) in pending, pending


def hub_row(world: World, table: str, record_id: str) -> dict[str, Any] | None:
    return world.hub.store.stored_row(table, record_id)


# -- a cadre's own profile --------------------------------------------------------


def test_her_own_profile_yes_another_cadres_profile_no(world: World) -> None:
    a_id, b_id = world.a.store.own_cadre_id, world.b.store.own_cadre_id
    assert a_id and b_id
    world.a.store.save_profile({"mobile": "13833333333"})
    assert world.send(world.a, world.hub).updated == 1
    assert world.hub.store.get("cadre", a_id)["mobile"] == "13833333333"
    # Her laptop changes her colleague's phone, which would print on the colleague's card.
    copy_to(world.hub.store, world.a.store, "cadre", b_id)
    before = hub_row(world, "cadre", b_id)
    world.a.store.save("cadre", {"mobile": "13899999999"}, b_id)
    held(world, world.send(world.a, world.hub), "not_own_profile", "cadre", b_id)
    assert hub_row(world, "cadre", b_id) == before


def test_she_cannot_delete_her_own_profile(world: World) -> None:
    a_id = world.a.store.own_cadre_id
    assert a_id
    before = hub_row(world, "cadre", a_id)
    world.a.store.delete("cadre", a_id)
    held(world, world.send(world.a, world.hub), "delete_profile", "cadre", a_id)
    assert hub_row(world, "cadre", a_id) == before


# -- records she created ------------------------------------------------------------


def test_records_she_created_yes_records_another_created_no(world: World) -> None:
    woman = world.b.store.save("woman", {"name": "张桂兰", "phone": "13700000000"})["id"]
    assert world.send(world.b, world.hub).new >= 1
    world.b.store.save("woman", {"needs": "想学电商"}, woman)
    assert world.send(world.b, world.hub).updated == 1  # the one who made it may change it
    copy_to(world.hub.store, world.a.store, "woman", woman)
    before = hub_row(world, "woman", woman)
    world.a.store.save("woman", {"phone": "13711111111"}, woman)
    held(world, world.send(world.a, world.hub), "not_owner", "woman", woman)
    assert hub_row(world, "woman", woman) == before


def test_a_record_she_deletes_must_be_hers(world: World) -> None:
    mine = world.a.store.save("problem", {"description": "缺少托育", "category": "public_service"})["id"]
    theirs = world.b.store.save("problem", {"description": "就业难", "category": "employment"})["id"]
    world.send(world.a, world.hub)
    world.send(world.b, world.hub)
    copy_to(world.hub.store, world.a.store, "problem", theirs)
    world.a.store.delete("problem", mine)
    world.a.store.delete("problem", theirs)
    result = world.send(world.a, world.hub)
    assert hub_row(world, "problem", mine)["deleted"] == 1  # type: ignore[index]
    held(world, result, "not_owner", "problem", theirs)
    assert hub_row(world, "problem", theirs)["deleted"] == 0  # type: ignore[index]


def test_a_new_record_must_name_her_as_its_creator(world: World) -> None:
    b_id = world.b.store.own_cadre_id
    row = world.a.store.save("woman", {"name": "冒名记录"})
    forged = world.a.store.stored_row("woman", row["id"])
    assert forged is not None
    with world.a.store.transaction():  # her laptop claims the record was made by her colleague
        world.a.store.conn.execute("UPDATE woman SET owner_id = ? WHERE id = ?", (b_id, row["id"]))
    held(world, world.send(world.a, world.hub), "not_owner", "woman", row["id"])
    assert hub_row(world, "woman", row["id"]) is None


def test_a_records_creator_never_changes(world: World) -> None:
    mine = world.a.store.save("woman", {"name": "王秀英"})["id"]
    world.send(world.a, world.hub)
    world.a.store.save("woman", {"needs": "法律咨询"}, mine)
    with world.a.store.transaction():
        world.a.store.conn.execute("UPDATE woman SET owner_id = ? WHERE id = ?", (world.b.store.own_cadre_id, mine))
    before = hub_row(world, "woman", mine)
    held(world, world.send(world.a, world.hub), "owner_changed", "woman", mine)
    assert hub_row(world, "woman", mine) == before


# -- diaries: only with herself as the author ------------------------------------------


def test_a_diary_only_with_herself_as_author(world: World) -> None:
    own = world.a.store.save("diary", {"title": "走访王家村", "body": "留守妇女"})["id"]
    assert world.send(world.a, world.hub).new >= 1 and hub_row(world, "diary", own) is not None
    copy_to(world.hub.store, world.a.store, "cadre", str(world.b.store.own_cadre_id))
    forged = world.a.store.save(
        "diary", {"title": "以别人名义", "body": "正文", "author_id": world.b.store.own_cadre_id}
    )
    held(world, world.send(world.a, world.hub), "author_not_self", "diary", forged["id"])
    assert hub_row(world, "diary", forged["id"]) is None


# -- visits and help pairs she is listed on -------------------------------------------------


def test_a_visit_she_is_listed_on_yes_one_she_is_not_no(world: World, tmp_path: Path) -> None:
    point = world.b.store.save("liaison_point", {"name": "王家村", "kind": "village"})["id"]
    a_id = world.a.store.own_cadre_id
    copy_to(world.hub.store, world.b.store, "cadre", str(a_id))
    visit = world.b.store.save(
        "visit", {"liaison_point_id": point, "method": "interview", "cadre_ids": [world.b.store.own_cadre_id, a_id]}
    )["id"]
    world.send(world.b, world.hub)
    for table, record in (("liaison_point", point), ("visit", visit)):
        copy_to(world.hub.store, world.a.store, table, record)
    for link in world.hub.store.conn.execute("SELECT id FROM visit_cadre WHERE visit_id = ?", (visit,)):
        copy_to(world.hub.store, world.a.store, "visit_cadre", link[0])
    world.a.store.save("visit", {"situation": "王芳补充的情况"}, visit)
    assert world.send(world.a, world.hub).updated == 1
    assert world.hub.store.get("visit", visit)["situation"] == "王芳补充的情况"
    # A third cadre, not listed, may not.
    c = laptop(tmp_path, "c", (tmp_path / "hub.identity", tmp_path / "hub.key"), {"name": "赵敏", "org": "通州区妇联"})
    world.hub.trust(c, role="cadre")
    world.send(c, world.hub)
    for table, record in (("liaison_point", point), ("visit", visit)):
        copy_to(world.hub.store, c.store, table, record)
    before = hub_row(world, "visit", visit)
    c.store.save("visit", {"situation": "不相干的人改的"}, visit)
    held(world, world.send(c, world.hub), "not_owner", "visit", visit)
    assert hub_row(world, "visit", visit) == before
    c.close()


def test_help_logs_follow_their_pair(world: World) -> None:
    woman = world.b.store.save("woman", {"name": "陈玉梅"})["id"]
    pair = world.b.store.save("help_pair", {"woman_id": woman})["id"]
    log = world.b.store.save("help_log", {"help_pair_id": pair, "what": "推荐就业"})["id"]
    assert hub_row(world, "help_log", log) is None
    world.send(world.b, world.hub)
    assert hub_row(world, "help_log", log) is not None  # the pair's owner logs help
    for table, record in (("woman", woman), ("help_pair", pair)):
        copy_to(world.hub.store, world.a.store, table, record)
    mine = world.a.store.save("help_log", {"help_pair_id": pair, "what": "冒充帮扶"})
    held(world, world.send(world.a, world.hub), "not_owner", "help_log", mine["id"])
    assert hub_row(world, "help_log", mine["id"]) is None


# -- what the hub administers ----------------------------------------------------------------


def test_liaison_points_and_assignments_are_the_hubs(world: World) -> None:
    a_id = str(world.a.store.own_cadre_id)
    point = world.hub.store.save("liaison_point", {"name": "金沙镇", "kind": "township", "cadre_ids": [a_id]})["id"]
    down = world.root / "down.age"
    destination = keys.destination(world.hub.store, world.hub.destination.id)
    exchange.export_bundle(world.hub.store, down, destination, tables=["cadre", "liaison_point", "liaison_point_cadre"],
                           kind="down")  # fmt: skip
    result = world.a.import_(down)  # the hub may assign her
    assert result.ok and result.held == 0 and world.a.store.get("liaison_point", point)["cadre_ids"] == [a_id]
    before = hub_row(world, "liaison_point", point)
    world.a.store.save("liaison_point", {"name": "改名"}, point)
    held(world, world.send(world.a, world.hub), "not_admin", "liaison_point", point)
    assert hub_row(world, "liaison_point", point) == before


def test_a_point_she_makes_is_hers_and_she_may_assign_herself_to_it_only(world: World) -> None:
    a_id = str(world.a.store.own_cadre_id)
    own = world.a.store.save("liaison_point", {"name": "她的联系点", "kind": "village", "cadre_ids": [a_id]})["id"]
    result = world.send(world.a, world.hub)
    assert result.held == 0 and world.hub.store.get("liaison_point", own)["cadre_ids"] == [a_id]
    hubs = world.hub.store.save("liaison_point", {"name": "县里的点", "kind": "village"})["id"]
    copy_to(world.hub.store, world.a.store, "liaison_point", hubs)
    world.a.store.save("liaison_point", {"cadre_ids": [a_id]}, hubs)  # she assigns herself
    result = world.send(world.a, world.hub)
    assert result.held >= 1
    assert world.hub.store.get("liaison_point", hubs)["cadre_ids"] == []


def test_the_hub_may_not_change_a_cadres_diary(world: World) -> None:
    diary = world.a.store.save("diary", {"title": "原标题", "body": "原文"})["id"]
    world.send(world.a, world.hub)
    world.hub.store.save("diary", {"title": "县里改的"}, diary)
    out = world.hub.export(world.root / "hub-edit.age")
    assert out is not None
    result = world.a.import_(out)
    assert result.ok and result.held >= 1
    assert world.a.store.get("diary", diary)["title"] == "原标题"
    assert ("diary", diary) in {(p.record_type, p.record_id) for p in proposals.listed(world.a.store)}


# -- relaying, mirrors, unknown and revoked devices -------------------------------------------


def test_a_cadres_laptop_relays_nothing_it_did_not_make(world: World) -> None:
    diary = world.b.store.save("diary", {"title": "李娟的日记", "body": "正文"})["id"]
    copy_to(world.b.store, world.a.store, "diary", diary)  # B's version, signed into A's bundle
    held(world, world.send(world.a, world.hub), "relayed", "diary", diary)
    assert hub_row(world, "diary", diary) is None
    world.send(world.b, world.hub)  # from B herself it merges, and A's copy is then nothing new
    assert hub_row(world, "diary", diary) is not None


def test_a_mirror_may_write_anything(world: World) -> None:
    b_id = str(world.b.store.own_cadre_id)
    copy_to(world.hub.store, world.a.store, "cadre", b_id)
    world.a.store.save("cadre", {"position": "副主席"}, b_id)
    devices.approve(world.hub.store, world.a.store.device_id, "mirror")
    result = world.send(world.a, world.hub)
    assert result.held == 0 and world.hub.store.get("cadre", b_id)["position"] == "副主席"


def test_an_unknown_laptop_waits_and_merges_once_approved(world: World, tmp_path: Path) -> None:
    d = laptop(tmp_path, "d", (tmp_path / "hub.identity", tmp_path / "hub.key"), {"name": "周红", "org": "通州区妇联"})
    d.store.save("diary", {"title": "第一篇", "body": "正文"})
    result = world.send(d, world.hub)
    assert result.ok and result.waiting and "fuqing devices --approve" in result.message
    assert world.hub.store.count("diary") == 0
    assert devices.get(world.hub.store, d.store.device_id).status == "pending"  # type: ignore[union-attr]
    _device, results = exchange.approve_device(world.hub.store, d.store.device_id, "cadre")
    assert [r.new for r in results] == [2] and world.hub.store.count("diary") == 1
    d.close()


def test_revoked_laptops_and_blocked_cadres_are_refused(world: World, tmp_path: Path) -> None:
    world.a.store.save("diary", {"title": "撤销前", "body": "正文"})
    devices.revoke_device(world.hub.store, world.a.store.device_id)
    result = world.send(world.a, world.hub)
    assert not result.ok and result.code == "revoked" and world.hub.store.count("diary") == 0
    # She makes a new key on a new laptop: her cadre is blocked, so it cannot come back.
    b_id = str(world.b.store.own_cadre_id)
    devices.block_cadre(world.hub.store, b_id)
    world.b.store.save("diary", {"title": "停用后", "body": "正文"})
    assert world.send(world.b, world.hub).code == "revoked"
    again = Replica(tmp_path / "b2.db", tmp_path / "hub.identity", tmp_path / "hub.key", "b2")
    copy_to(world.hub.store, again.store, "cadre", b_id)
    again.store.set_own_cadre(b_id)  # claims the same cadre
    again.store.save("diary", {"title": "新电脑", "body": "正文"})
    result = world.send(again, world.hub)
    assert not result.ok and result.code == "revoked"
    enrolment = tmp_path / "b2-enrol.json"
    keys.export_enrolment(again.store, enrolment)
    with pytest.raises(Exception, match="停用"):  # nor by enrolling it beforehand
        exchange.enrol_file(world.hub.store, enrolment)
    again.close()


def test_a_cadre_may_add_a_federation_but_not_one_named_like_another(world: World) -> None:
    """The tree is matched by name: a second 通州区妇联 under her township would put the county below it."""
    county = world.hub.store.save("federation", {"name": "通州区妇联", "level": "county"})["id"]
    township = world.a.store.save("federation", {"name": "甲镇妇联", "level": "township"})["id"]
    twin = world.a.store.save("federation", {"name": "通州区妇联", "parent_id": township})["id"]
    held(world, world.send(world.a, world.hub), "federation_exists", "federation", twin)
    assert hub_row(world, "federation", twin) is None and hub_row(world, "federation", township) is not None
    assert world.hub.store.get("federation", county)["parent_id"] is None


def test_an_answer_on_another_cadre_s_problem_is_the_county_s_to_record(world: World) -> None:
    b_problem = world.b.store.save(
        "problem", {"raised_date": "2026-11-01", "description": "村里缺少托育服务", "category": "children_education"}
    )["id"]
    world.send(world.b, world.hub)
    copy_to(world.b.store, world.a.store, "problem", b_problem)  # she holds b's problem
    referred = {"problem_id": b_problem, "department": "教育", "sent_date": "2026-11-02"}
    plain = world.a.store.save("referral", referred)["id"]  # referring it is hers to do
    answered = world.a.store.save(
        "referral", {**referred, "answer_date": "2026-11-05", "answer": "已办结", "outcome": "solved"}
    )["id"]
    own = world.a.store.save(
        "problem", {"raised_date": "2026-11-01", "description": "妇女缺少就业岗位", "category": "employment"}
    )["id"]
    her_answer = world.a.store.save(
        "referral", {"problem_id": own, "department": "人社", "sent_date": "2026-11-02", "answer_date": "2026-11-05",
                     "answer": "已安排招聘会", "outcome": "solved"},
    )["id"]  # fmt: skip
    held(world, world.send(world.a, world.hub), "answer_not_hers", "referral", answered)
    assert hub_row(world, "referral", answered) is None
    assert hub_row(world, "referral", plain) is not None and hub_row(world, "referral", her_answer) is not None
