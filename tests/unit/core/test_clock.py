from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.core.clock import HybridClock, Stamp

walls = st.lists(st.integers(min_value=0, max_value=10**13), min_size=1, max_size=60)


@given(walls)
def test_ticks_strictly_increase_whatever_the_wall_clock_does(readings: list[int]) -> None:
    it = iter(readings)
    clock = HybridClock(wall_ms=lambda: next(it))
    stamps = [clock.tick() for _ in readings]
    assert all(a < b for a, b in itertools.pairwise(stamps))


@given(st.lists(st.tuples(st.integers(0, 10**13), st.integers(0, 99999)), min_size=2, max_size=40))
def test_packed_order_is_clock_order(pairs: list[tuple[int, int]]) -> None:
    stamps = [Stamp(w, c) for w, c in pairs]
    assert sorted(stamps) == sorted(stamps, key=lambda s: s.pack())
    assert all(Stamp.unpack(s.pack()) == s for s in stamps)


@given(st.integers(0, 10**13), st.integers(0, 10**13), st.integers(0, 99999))
def test_observe_moves_past_remote_and_local(wall: int, remote_wall: int, remote_counter: int) -> None:
    clock = HybridClock(wall_ms=lambda: wall)
    local = clock.tick()
    remote = Stamp(remote_wall, remote_counter)
    merged = clock.observe(remote)
    assert merged > remote and merged > local
    assert clock.tick() > merged


def test_counter_overflow_rolls_into_the_next_millisecond() -> None:
    clock = HybridClock(Stamp(5, 99999), wall_ms=lambda: 1)
    assert clock.tick() == Stamp(6, 0)


def test_unpack_rejects_garbage() -> None:
    with pytest.raises(ValueError):
        Stamp.unpack("12.3")
