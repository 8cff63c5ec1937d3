"""Records in words a person reads: labels, not codes; names, not ids; masked numbers.

Used wherever the app shows stored or incoming values beside each other: the
history, sync conflicts and changes held for review.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from . import messages as msg
from . import phones
from . import records as r
from .i18n import join, pick
from .idcard import mask
from .lists.names import labels
from .privacy import HIDDEN
from .store import Row, Store, decode_value
from .sync import devices

# Columns that are bookkeeping, not content: never shown as fields.
_HIDDEN = {"id", "hlc", "device_id", "rev", "owner_id", "deleted"}


def device_label(store: Store, device_id: str) -> str:
    """ "this device", or whose laptop it is and its key's fingerprint."""
    if device_id == store.device_id:
        return pick("本机", "this device")
    device = devices.get(store, device_id)
    return device.label if device else device_id[:8]


def row_fields(store: Store, table: str, row: Row | None) -> dict[str, tuple[str, str]]:
    """A stored (raw) row's fields in display order: name -> (label, value as read)."""
    rtype = r.RECORD_TYPES.get(table)
    if rtype is None or row is None:
        return {k: (k, "" if v is None else str(v)) for k, v in (row or {}).items() if k not in _HIDDEN}
    shown = {f.name: (f.label, show_value(store, f, decode_value(f, row.get(f.name)))) for f in rtype.column_fields}
    shown["deleted"] = (pick("已删除", "Deleted"), pick("是", "Yes") if row.get("deleted") else "")
    return shown


def show_value(store: Store, field: r.Field | None, value: Any, *, masked: bool = True) -> str:
    """A field's value as a person reads it (labels not codes, names not ids, ID numbers masked).

    ``masked=False`` for values already masked as their screen shows them, or revealed on purpose
    (the CLI's ``show --reveal``): masking them again would hide a cadre's work phone."""
    if value is None or value == [] or value == "":
        return ""
    if value == HIDDEN:  # forgotten or never recorded: the audit says a value was there
        return HIDDEN
    if field is None:
        return str(value)
    lang = pick("zh", "en")
    if field.kind in (r.CHOICE, r.OPEN_CHOICE) and field.choices:  # (a typed open choice is its own label)
        return field.choices.label(str(value), lang)
    if field.kind == r.CHOICES and field.choices:
        return join(field.choices.label(v, lang) for v in value)
    if field.kind == r.REF and field.ref:
        return labels(store, field.ref, [str(value)]).get(str(value), str(value))
    if field.kind == r.LINKS and field.ref:
        names = labels(store, field.ref, list(value))
        return join(names.get(v, v) for v in value)
    if field.kind == r.BOOL:
        return pick("是", "Yes") if value else pick("否", "No")
    if masked and field.kind == r.ID_NUMBER:
        return mask(str(value))
    if masked and field.kind in (r.MOBILE, r.PHONE):
        return phones.mask(str(value))
    if field.kind == r.TAGS:
        return join(value)
    return str(value)


def local_time(stamp: str | None) -> str:
    """A stored UTC ISO timestamp as the laptop's local time, "2026-11-23 14:05" ('' if none or unreadable)."""
    if not stamp:
        return ""
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def children_text(counts: dict[str, int]) -> str:
    """“3 条转办” for the records a deletion takes with it ('' when none)."""
    return join(str(msg.CHILD_COUNT.format(n=n, kind=r.RECORD_TYPES[kind].label)) for kind, n in counts.items() if n)
