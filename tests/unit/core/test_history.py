"""A record's history in words (``core/history.py``): create / update / delete
lines with field labels, choice labels instead of codes, references by name,
ID numbers masked, rows merged from another device shown with that device, and
English labels after ``i18n.set_language("en")``."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from desktop_app.core import i18n
from desktop_app.core.history import HistoryLine, describe
from desktop_app.core.store import Store
from desktop_app.core.sync.merge import merge_row
from tests.conftest import FIXED_TODAY
from tests.record_values import TOLD

ID_NUMBER = "11010519491231002X"
ME = "王芳（副主席）"  # the profile's cadre as a label: name（position）


def _lines(lines: list[HistoryLine]) -> list[tuple[str, str, str, list[tuple[str, str, str]]]]:
    return [(line.who, line.device, line.action, line.changes) for line in lines]


def _woman_moved(store: Store, delete: bool = True) -> str:
    """A woman registered at 王家村, moved to 李家村 with one more group, then deleted."""
    wang = store.save("liaison_point", {"name": "王家村", "kind": "village"})["id"]
    li = store.save("liaison_point", {"name": "李家村", "kind": "village"})["id"]
    woman = store.save("woman", {"name": "李秀英", "id_number": ID_NUMBER, "liaison_point_id": wang,
                                 "groups": ["left_behind"]})["id"]  # fmt: skip
    store.save("woman", {"liaison_point_id": li, "groups": ["left_behind", "single_poor_mother"]}, woman)
    if delete:
        store.delete("woman", woman)
    return str(woman)


def test_create_update_in_words_id_number_not_kept(profiled: Store) -> None:
    woman = _woman_moved(profiled, delete=False)
    assert _lines(describe(profiled, "woman", woman)) == [
        (ME, "本机", "新建", [("姓名", "", "李秀英"), ("身份证号码", "", "***"),
                            ("联系点", "", "王家村"), ("所属群体", "", "留守")]),
        (ME, "本机", "修改", [("联系点", "王家村", "李家村"), ("所属群体", "留守", "留守、单亲贫困母亲")]),
    ]  # fmt: skip


def test_after_delete_the_history_says_what_changed_not_the_values(profiled: Store) -> None:
    woman = _woman_moved(profiled)
    assert _lines(describe(profiled, "woman", woman)) == [
        (ME, "本机", "新建", [("姓名", "", "***"), ("身份证号码", "", "***"),
                            ("联系点", "", "***"), ("所属群体", "", "***")]),
        (ME, "本机", "修改", [("联系点", "***", "***"), ("所属群体", "***", "***")]),
        (ME, "本机", "删除", []),
    ]  # fmt: skip


def test_the_whole_id_number_never_appears(profiled: Store) -> None:
    woman = _woman_moved(profiled)
    text = repr(describe(profiled, "woman", woman))
    assert ID_NUMBER not in text and "110105" not in text


def test_links_tags_and_yes_no(profiled: Store) -> None:
    woman = profiled.save("woman", {"name": "李秀英", "address": "王家村3组"})["id"]
    diary = profiled.save("diary", {"title": "走访王家村", "body": "了解留守妇女就业", "woman_ids": [woman],
                                    "tags": ["就业", "留守"], "notable": True})["id"]  # fmt: skip
    profiled.save("diary", {"notable": False}, diary)
    first, second = describe(profiled, "diary", diary)
    assert first.changes == [
        ("日期", "", "2026-11-20"), ("记录人", "", ME), ("标题", "", "走访王家村"), ("正文", "", "***"),
        ("涉及妇女", "", "李秀英（王家村3组）"), ("标签", "", "就业、留守"), ("典型摘录", "", "是"),
    ]  # fmt: skip
    assert (second.action, second.changes) == ("修改", [("典型摘录", "是", "否")])


class Wall:
    """A wall clock in milliseconds that the test moves by hand."""

    def __init__(self, ms: int) -> None:
        self.ms = ms

    def __call__(self) -> int:
        return self.ms


@pytest.fixture
def wall() -> Wall:
    return Wall(int(datetime(2026, 11, 20, 9, 30).timestamp() * 1000))  # local time, as history shows it


@pytest.fixture
def other(tmp_path: Path, wall: Wall) -> Iterator[Store]:
    """Another cadre's laptop."""
    with Store(tmp_path / "other.db", today=lambda: FIXED_TODAY, wall_ms=wall) as s:
        yield s


def _merge(source: Store, target: Store, record_id: str) -> None:
    row = source.stored_row("problem", record_id)
    assert row is not None
    with target.transaction():
        merge_row(target, "problem", row, Counter())


def test_rows_merged_from_another_device_show_that_device(profiled: Store, other: Store, wall: Wall) -> None:
    problem = other.save("problem", {"raised_date": "2026-11-19", "description": "留守妇女缺少就业岗位",
                                     "category": "employment"})["id"]  # fmt: skip
    _merge(other, profiled, problem)
    wall.ms += 60_000
    other.save("problem", {"status": "resolved", "resolution": "已协调就业岗位", **TOLD}, problem)
    _merge(other, profiled, problem)
    created, changed = describe(profiled, "problem", problem)
    device = other.device_id[:8]
    assert (created.when, created.who, created.device, created.action) == ("2026-11-20 09:30:00", "", device, "新建")
    assert (changed.when, changed.device, changed.action) == ("2026-11-20 09:31:00", device, "修改")
    assert changed.changes == [("办理状态", "待办", "已解决"), ("办理结果", "", "***"),
                               ("向妇女反馈日期", "", "2026-11-20"), ("向妇女解释的结果", "", "***")]  # fmt: skip
    # A local edit after the merge is this device's again.
    profiled.save("problem", {"status": "closed"}, problem)
    last = describe(profiled, "problem", problem)[-1]
    assert (last.who, last.device, last.changes) == (ME, "本机", [("办理状态", "已解决", "已关闭")])


def test_english_labels(profiled: Store) -> None:
    woman = _woman_moved(profiled, delete=False)
    i18n.set_language("en")
    lines = describe(profiled, "woman", woman)
    assert lines[0].changes == [("Name", "", "李秀英"), ("ID number", "", "***"),
                                ("Liaison point", "", "王家村"), ("Groups", "", "Left behind")]  # fmt: skip
    assert lines[1].changes[0] == ("Liaison point", "王家村", "李家村")
    profiled.delete("woman", woman)
    profiled.restore("woman", woman)
    assert [(line.device, line.action) for line in describe(profiled, "woman", woman)] == [
        ("this device", "Created"), ("this device", "Changed"), ("this device", "Deleted"),
        ("this device", "Restored"),
    ]  # fmt: skip
