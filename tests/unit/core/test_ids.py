from __future__ import annotations

import uuid

from hypothesis import given
from hypothesis import strategies as st

from desktop_app.core.ids import id_time_ms, is_uuid, link_id, new_id


def test_new_id_is_uuid_version_7() -> None:
    value = uuid.UUID(new_id())
    assert value.version == 7
    assert value.variant == uuid.RFC_4122


@given(st.lists(st.integers(min_value=1_600_000_000_000, max_value=2_000_000_000_000), min_size=2, max_size=50))
def test_ids_made_in_sequence_are_strictly_increasing_even_if_the_clock_steps_back(times: list[int]) -> None:
    ids = [new_id(now_ms=t) for t in times]
    assert ids == sorted(ids)
    assert len(set(ids)) == len(ids)


@given(st.integers(min_value=1_900_000_000_000, max_value=2_100_000_000_000))
def test_id_carries_its_creation_time(ms: int) -> None:
    # Far enough in the future that the process-wide "last" never exceeds it.
    assert id_time_ms(new_id(now_ms=ms)) >= ms


def test_many_ids_in_one_millisecond_keep_order() -> None:
    ids = [new_id(now_ms=2_200_000_000_000) for _ in range(5000)]
    assert ids == sorted(ids) and len(set(ids)) == 5000


def test_link_id_is_deterministic_and_distinct() -> None:
    a, b = new_id(), new_id()
    assert link_id(a, b) == link_id(a, b)
    assert link_id(a, b) != link_id(b, a)
    assert is_uuid(link_id(a, b))
    assert not is_uuid("not-a-uuid")
