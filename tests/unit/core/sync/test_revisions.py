"""Row versions (``core/sync/revisions.py``): how a version is written, how two
histories are merged (newest ``REV_KEEP`` kept, whatever the order), and the
JSON a row's ``rev`` column holds."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

from desktop_app.core.clock import Stamp
from desktop_app.core.sync import revisions
from desktop_app.core.sync.revisions import REV_KEEP

DEVICE = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"


def _v(wall_ms: int, counter: int = 0, device: str = DEVICE) -> str:
    return revisions.version(Stamp(wall_ms, counter).pack(), device)


def test_a_version_is_the_stamp_and_the_device() -> None:
    assert revisions.version("001763000000000.00002", "dev-a") == "001763000000000.00002/dev-a"


def test_merge_is_the_sorted_union_without_repeats() -> None:
    a, b, c = _v(1), _v(2), _v(3)
    assert revisions.merge_revs([c, a], [b, a], [c]) == [a, b, c]


def test_merge_keeps_the_newest_by_clock_not_by_digit_count() -> None:
    # 40 versions, walls 1..40 ms: fixed-width stamps make 10 newer than 9, so
    # the 8 oldest (1..8) are dropped and 9..40 kept.
    history = [_v(ms) for ms in range(40, 0, -1)]
    kept = revisions.merge_revs(history)
    assert REV_KEEP == 32
    assert kept == [_v(ms) for ms in range(9, 41)]
    assert kept[0] == "000000000000009.00000/" + DEVICE


def test_equal_stamps_are_ordered_by_device() -> None:
    early, late = _v(5, device="aaaa"), _v(5, device="bbbb")
    assert revisions.merge_revs([late], [early]) == [early, late]


def test_empty_inputs() -> None:
    assert revisions.merge_revs() == []
    assert revisions.merge_revs([], []) == []
    assert revisions.load(None) == []
    assert revisions.load("") == []
    assert revisions.load("[]") == []
    assert revisions.dump([]) == "[]"


def test_dump_is_compact_json_and_load_reads_it_back() -> None:
    rev = [_v(1), _v(2, 7)]
    text = revisions.dump(rev)
    assert text == '["000000000000001.00000/' + DEVICE + '","000000000000002.00007/' + DEVICE + '"]'
    assert revisions.load(text) == rev


versions = st.builds(
    _v,
    st.integers(0, 10**15 - 1),
    st.integers(0, 99_999),
    st.sampled_from(["dev-a", "dev-b", "dev-c"]),
)
histories = st.lists(st.lists(versions, max_size=25), max_size=4)


@given(histories, st.randoms(use_true_random=False))
def test_merge_does_not_depend_on_order_or_grouping(revs: list[list[str]], rnd: random.Random) -> None:
    merged = revisions.merge_revs(*revs)
    flat = [v for rev in revs for v in rev]
    rnd.shuffle(flat)
    regrouped = [flat[i::3] for i in range(3)]
    assert revisions.merge_revs(*regrouped) == merged
    assert revisions.merge_revs(*reversed(revs)) == merged
    # Merging again with what was already merged adds nothing.
    assert revisions.merge_revs(merged, *revs) == merged


@given(histories)
def test_merge_keeps_exactly_the_newest(revs: list[list[str]]) -> None:
    merged = revisions.merge_revs(*revs)
    every = {v for rev in revs for v in rev}
    assert len(merged) == min(len(every), REV_KEEP)
    assert merged == sorted(set(merged))
    assert set(merged) <= every
    dropped = every - set(merged)
    if dropped:
        # Nothing kept is older than anything dropped.
        assert max(dropped) < merged[0]


@given(st.lists(versions, max_size=40))
def test_dump_then_load_round_trips(rev: list[str]) -> None:
    assert revisions.load(revisions.dump(rev)) == rev
