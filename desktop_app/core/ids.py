"""Record ids: UUIDv7, time-ordered, made on the machine that creates the row."""

from __future__ import annotations

import os
import threading
import time
import uuid

_lock = threading.Lock()
_last_ms = 0
_last_seq = 0

# Link rows (diary ↔ woman, visit ↔ cadre …) get a deterministic id so that the
# same link made on two machines is one row after a merge, not a duplicate.
_LINK_NAMESPACE = uuid.UUID("6f1b8a52-3c1e-4f7e-9a51-2d1f0c9e7b11")


def new_id(now_ms: int | None = None) -> str:
    """A UUIDv7 string; strictly increasing within this process."""
    global _last_ms, _last_seq
    with _lock:
        ms = int(time.time() * 1000) if now_ms is None else now_ms
        if ms <= _last_ms:
            # Same (or earlier, clock stepped back) millisecond: count up in the
            # 12-bit rand_a field so ids keep their order.
            ms = _last_ms
            _last_seq += 1
            if _last_seq > 0xFFF:
                ms += 1
                _last_seq = 0
        else:
            _last_seq = 0
        _last_ms = ms
        seq = _last_seq
    rand_b = int.from_bytes(os.urandom(8), "big") & ((1 << 62) - 1)
    value = (ms & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76
    value |= seq << 64
    value |= 0b10 << 62
    value |= rand_b
    return str(uuid.UUID(int=value))


def id_time_ms(record_id: str) -> int:
    """Milliseconds since the epoch at which a UUIDv7 was made."""
    return uuid.UUID(record_id).int >> 80


def is_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except (ValueError, AttributeError, TypeError):
        return False
    return True


def link_id(parent_id: str, ref_id: str) -> str:
    return str(uuid.uuid5(_LINK_NAMESPACE, parent_id + "|" + ref_id))
