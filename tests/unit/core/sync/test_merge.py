"""Merging rows into a replica (``core/sync/merge.py``): new rows, fast-forwards,
old and repeated versions, concurrent edits kept as conflicts and pruned once
settled, tombstones, refused rows, and references not yet received.

The receiver is the ``store`` fixture (real clock); the sender is a second
replica whose wall clock the test sets, so which edit is newer is known."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from desktop_app.core.store import Store
from desktop_app.core.sync import bundle, conflicts, revisions
from desktop_app.core.sync.checks import check_row
from desktop_app.core.sync.merge import References, merge_row
from tests.conftest import FIXED_TODAY
from tests.record_values import TOLD
from tests.sync_helpers import dump

Y2021 = int(datetime(2021, 1, 1, tzinfo=UTC).timestamp() * 1000)  # 1609459200000: older than the receiver's edits
Y2090 = int(datetime(2090, 1, 1, tzinfo=UTC).timestamp() * 1000)  # newer than the receiver's edits


class Wall:
    """A wall clock in milliseconds that the test moves by hand."""

    def __init__(self, ms: int) -> None:
        self.ms = ms

    def __call__(self) -> int:
        return self.ms


@pytest.fixture
def wall() -> Wall:
    return Wall(Y2021)


@pytest.fixture
def sender(tmp_path: Path, wall: Wall) -> Iterator[Store]:
    with Store(tmp_path / "sender.db", today=lambda: FIXED_TODAY, wall_ms=wall) as s:
        yield s


def merge(receiver: Store, table: str, row: dict[str, Any] | None) -> dict[str, int]:
    assert row is not None
    counts: Counter[str] = Counter()
    with receiver.transaction():
        merge_row(receiver, table, row, counts)
    return dict(counts)


def send(sender: Store, receiver: Store, record_id: str, table: str = "problem") -> dict[str, int]:
    return merge(receiver, table, sender.stored_row(table, record_id))


def new_problem(store: Store, text: str) -> str:
    values = {"raised_date": "2026-11-01", "description": text, "category": "children_education"}
    return str(store.save("problem", values)["id"])


def description(store: Store, record_id: str) -> str:
    return str(store.get("problem", record_id)["description"])


def test_a_new_row_is_stored_indexed_and_audited(sender: Store, store: Store) -> None:
    pid = new_problem(sender, "村里缺少托育服务")
    assert send(sender, store, pid) == {"new": 1}
    assert store.stored_row("problem", pid) == sender.stored_row("problem", pid)
    assert store.search("problem", "托育") == [store.seq_for_id("problem", pid)]
    (entry,) = store.history(pid)
    assert (entry.hlc, entry.device_id, entry.cadre_id, entry.action) == (
        "001609459200000.00000", sender.device_id, None, "create")  # fmt: skip


def test_a_later_version_fast_forwards_and_an_older_one_is_ignored(sender: Store, store: Store, wall: Wall) -> None:
    pid = new_problem(sender, "村里缺少托育服务")
    first = sender.stored_row("problem", pid)
    send(sender, store, pid)
    wall.ms += 60_000
    sender.save("problem", {"description": "托育点已开办", "status": "resolved", **TOLD}, pid)
    assert send(sender, store, pid) == {"updated": 1}
    assert description(store, pid) == "托育点已开办"
    assert store.search("problem", "缺少") == [] and store.search("problem", "开办")
    assert store.history(pid)[-1].changes == {"description": ["***", "***"], "status": ["open", "resolved"],
                                              "explained_date": [None, TOLD["explained_date"]],
                                              "explanation": [None, "***"]}  # fmt: skip
    assert merge(store, "problem", first) == {"unchanged": 1}
    assert description(store, pid) == "托育点已开办"
    assert conflicts.open_conflicts(store) == []


def test_the_same_version_twice_changes_nothing(sender: Store, store: Store) -> None:
    pid = new_problem(sender, "村里缺少托育服务")
    send(sender, store, pid)
    before, audit = dump(store), store.history(pid)
    assert send(sender, store, pid) == {"unchanged": 1}
    assert dump(store) == before and store.history(pid) == audit


def diverge(sender: Store, receiver: Store, wall: Wall, sender_edit_ms: int) -> str:
    """A row both replicas have, then edited on each without hearing from the other."""
    pid = new_problem(sender, "村里缺少托育服务")
    send(sender, receiver, pid)
    receiver.save("problem", {"description": "县里已协调托育点"}, pid)
    wall.ms = sender_edit_ms
    sender.save("problem", {"description": "村里想办托育班"}, pid)
    return pid


def test_an_older_concurrent_edit_is_kept_as_a_conflict(sender: Store, store: Store, wall: Wall) -> None:
    pid = diverge(sender, store, wall, Y2021 + 1000)
    assert send(sender, store, pid) == {"conflicts": 1, "unchanged": 1}
    assert description(store, pid) == "县里已协调托育点"
    assert store.search("problem", "托育班") == []  # the loser is kept, not indexed
    (conflict,) = conflicts.open_conflicts(store)
    assert (conflict.record_type, conflict.record_id) == ("problem", pid)
    assert conflict.loser["description"] == "村里想办托育班"
    assert conflict.loser_version == f"001609459201000.00000/{sender.device_id}"
    assert conflict.detected_at == "2021-01-01T00:00:01+00:00"
    before = dump(store)
    assert send(sender, store, pid) == {"unchanged": 1}  # the loser again: nothing new
    assert dump(store) == before


def test_a_newer_concurrent_edit_wins_and_the_local_one_is_kept(sender: Store, store: Store, wall: Wall) -> None:
    pid = diverge(sender, store, wall, Y2090)
    local = store.stored_row("problem", pid)
    assert local is not None
    assert send(sender, store, pid) == {"conflicts": 1, "updated": 1}
    assert description(store, pid) == "村里想办托育班"
    assert store.search("problem", "托育班") and store.search("problem", "协调") == []
    (conflict,) = conflicts.open_conflicts(store)
    assert conflict.loser["description"] == "县里已协调托育点"
    assert conflict.loser_version == revisions.version(local["hlc"], store.device_id)


@pytest.mark.parametrize(("device", "wins"), [("ffffffff-ffff-7fff-bfff-ffffffffffff", True),
                                              ("00000000-0000-7000-8000-000000000000", False)])  # fmt: skip
def test_equal_stamps_the_higher_device_id_wins(store: Store, device: str, wins: bool) -> None:
    pid = new_problem(store, "原来的描述")
    local = store.stored_row("problem", pid)
    assert local is not None
    rival = {**local, "description": "另一台机器的描述", "device_id": device, "rev": "[]"}
    assert merge(store, "problem", rival) == {"conflicts": 1, "updated" if wins else "unchanged": 1}
    assert description(store, pid) == ("另一台机器的描述" if wins else "原来的描述")
    (conflict,) = conflicts.open_conflicts(store)
    assert conflict.loser["description"] == ("原来的描述" if wins else "另一台机器的描述")


def test_a_descendant_of_the_loser_replaces_its_conflict(sender: Store, store: Store, wall: Wall) -> None:
    pid = diverge(sender, store, wall, Y2021 + 1000)
    send(sender, store, pid)
    wall.ms = Y2021 + 2000  # still older than the receiver's edit: loses again
    sender.save("problem", {"description": "村里办起了托育班"}, pid)
    assert send(sender, store, pid) == {"conflicts": 1, "unchanged": 1}
    (conflict,) = conflicts.open_conflicts(store)
    assert conflict.loser_version == f"001609459202000.00000/{sender.device_id}"
    assert conflict.loser["description"] == "村里办起了托育班"


def test_a_version_descending_from_both_clears_the_conflict(sender: Store, store: Store, wall: Wall) -> None:
    pid = diverge(sender, store, wall, Y2021 + 1000)
    send(sender, store, pid)
    # The sender hears of the receiver's edit, keeps her own text, and sends that back.
    assert send(store, sender, pid) == {"conflicts": 1, "updated": 1}
    (on_sender,) = conflicts.open_conflicts(sender)
    conflicts.resolve(sender, on_sender.id, "other")
    assert send(sender, store, pid) == {"updated": 1}
    assert description(store, pid) == "村里想办托育班"
    assert conflicts.open_conflicts(store) == []
    assert store.conn.execute("SELECT count(*) FROM conflict").fetchone()[0] == 0


def test_a_deletion_arrives_as_a_tombstone_and_leaves_search(sender: Store, store: Store) -> None:
    pid = new_problem(sender, "村里缺少托育服务")
    send(sender, store, pid)
    sender.delete("problem", pid)
    assert send(sender, store, pid) == {"updated": 1}
    assert not store.exists("problem", pid)
    assert store.get("problem", pid, include_deleted=True)["deleted"] is True
    assert store.search("problem", "托育") == []
    assert [e.action for e in store.history(pid)] == ["create", "delete"]


@pytest.mark.parametrize(
    ("change", "detail"),
    [
        pytest.param({"colour": "红"}, "“colour”", id="unknown column"),
        pytest.param({"rev": ...}, "“rev”", id="no rev column"),
        pytest.param({"hlc": "2026-11-20"}, "“hlc”", id="hlc not a stamp"),
        # Full-width digits parse as numbers but sort after every real stamp: such a row would always win.
        pytest.param({"hlc": "０" * 14 + "１.00000"}, "“hlc”", id="hlc full-width digits"),
        pytest.param({"rev": '["ok", 3]'}, "“rev”", id="rev not strings"),
        pytest.param({"rev": "not json"}, "“rev”", id="rev not json"),
        pytest.param({"description": ["一", "二"]}, "“description”", id="list value"),
        pytest.param({"description": {"text": "一"}}, "“description”", id="object value"),
    ],
)
def test_check_rows_refuses_malformed_rows(store: Store, change: dict[str, Any], detail: str) -> None:
    good = store.stored_row("problem", new_problem(store, "村里缺少托育服务"))
    assert good is not None
    columns = store.synced_columns("problem")
    check_row("problem", good, columns, store.wall_ms())  # the row as stored passes ...
    bad = {k: v for k, v in {**good, **change}.items() if v is not ...}
    with pytest.raises(bundle.BundleError) as info:
        check_row("problem", bad, columns, store.wall_ms())  # ... the changed one does not
    assert info.value.code == "bad_row"
    assert detail in str(info.value) and "已拒收整个同步包" in str(info.value)


def test_missing_references_counts_targets_not_yet_received(sender: Store, store: Store) -> None:
    author = sender.save_profile({"name": "李娜", "org": "海门区妇联"})["id"]
    point = sender.save("liaison_point", {"name": "王家村", "kind": "village"})["id"]
    diaries = [sender.save("diary", {"title": t, "body": "走访", "liaison_point_id": p})["id"]
               for t, p in (("一", point), ("二", None), ("三", point))]  # fmt: skip
    rows = [sender.stored_row("diary", d) for d in diaries]
    received = References(store)
    for row in rows:
        assert row is not None
        received.note("diary", row)
    # Three diaries name one author and one point between them: 2 records missing.
    assert received.missing() == 2
    send(sender, store, author, "cadre")
    assert received.missing() == 1
    send(sender, store, point, "liaison_point")
    assert received.missing() == 0


def test_an_older_app_s_version_keeps_the_columns_it_does_not_know(sender: Store, store: Store, wall: Wall) -> None:
    """A laptop still on schema 6 edits a problem: its row lacks the schema-7 columns,
    which the receiver keeps as they were instead of emptying them."""
    pid = new_problem(sender, "村里缺少托育服务")
    sender.save("problem", {"feedback": "satisfied", "feedback_note": "很及时"}, pid)
    send(sender, store, pid)
    wall.ms += 60_000
    sender.save("problem", {"description": "托育点在筹备"}, pid)
    old_app_row = {k: v for k, v in (sender.stored_row("problem", pid) or {}).items()
                   if k not in ("explained_date", "explanation", "feedback", "feedback_note")}  # fmt: skip
    now = int(datetime(2026, 11, 30, tzinfo=UTC).timestamp() * 1000)
    check_row("problem", old_app_row, store.synced_columns("problem"), now)  # accepted as it is
    assert merge(store, "problem", old_app_row) == {"updated": 1}
    kept = store.get("problem", pid)
    assert (kept["description"], kept["feedback"], kept["feedback_note"]) == ("托育点在筹备", "satisfied", "很及时")
    assert merge(store, "problem", old_app_row) == {"unchanged": 1}  # the same version again: no "reused" refusal
    missing_more = {k: v for k, v in old_app_row.items() if k != "category"}
    with pytest.raises(Exception, match="category"):
        check_row("problem", missing_more, store.synced_columns("problem"), now)
