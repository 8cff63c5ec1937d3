"""What the app keeps about the women it serves, and what it forgets.

- A deleted record keeps only what sync needs: a *tombstone* (id, stamp,
  device, versions, owner, and the ids it refers to, which say nothing about a
  person); its text, ID number and phone are cleared in the row, the search
  index and the audit trail, here and on every replica the tombstone reaches
  (``Store.write_rows`` applies it to every deleted row it writes).
- The audit trail says that an ID number or phone changed, never the value.
- Erasing a woman (删除并清除个人信息) also deletes what exists only because of
  her (her help pairs and their logs, her links to visits and diaries) and
  drops what this laptop holds of her outside the records (conflicting
  versions, changes held for review, unsaved drafts).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from . import idcard, phones
from . import records as r

SENSITIVE_KINDS = frozenset({r.ID_NUMBER, r.PHONE, r.MOBILE})
HIDDEN = "***"  # in the audit trail: a value was there, not what it was
KEPT_IN_TOMBSTONE = frozenset({"id", "hlc", "device_id", "deleted", "rev", "owner_id"})


def is_sensitive(rtype: r.RecordType, name: str) -> bool:
    """Kept out of the audit trail: every ID number and phone, a woman's or a cadre's."""
    try:
        field = rtype.field(name)
    except KeyError:
        return False
    return field.sensitive or field.kind in SENSITIVE_KINDS


def masked_on_screen(f: r.Field) -> bool:
    """A woman's ID number and phone (and any ID number). A cadre's work phones
    are printed on her contact card: shown as they are."""
    return f.sensitive or f.kind == r.ID_NUMBER


def shown_masked(rtype: r.RecordType, record: Mapping[str, Any]) -> dict[str, Any]:
    """A record as a screen or the CLI shows it before 显示 / ``--reveal``."""
    shown = dict(record)
    for f in rtype.fields:
        value = shown.get(f.name)
        if value and masked_on_screen(f):
            shown[f.name] = idcard.mask(str(value)) if f.kind == r.ID_NUMBER else phones.mask(str(value))
    return shown


def sensitive_values(rtype: r.RecordType, record: Mapping[str, Any]) -> list[str]:
    """The fields of ``record`` that ``shown_masked`` would hide."""
    return [f.name for f in rtype.fields if record.get(f.name) and masked_on_screen(f)]


def _hidden(value: Any) -> Any:
    return None if value in (None, "", [], False) else HIDDEN


def _kept_out_of_audit(rtype: r.RecordType, name: str) -> bool:
    # Long texts (正文, 需求, 了解情况 …) name people and their troubles: the record
    # holds them; a second copy of every version in the audit trail would outlive
    # each edit that took a name out.
    return is_sensitive(rtype, name) or (rtype.has_field(name) and rtype.field(name).kind == r.LONGTEXT)


def audit_changes(rtype: r.RecordType | None, changes: Mapping[str, Any]) -> dict[str, Any]:
    """An audit entry's changes with ID numbers, phones and long texts replaced by HIDDEN."""
    if rtype is None:
        return dict(changes)
    return {
        name: [_hidden(v) for v in pair] if _kept_out_of_audit(rtype, name) and isinstance(pair, list) else pair
        for name, pair in changes.items()
    }


def forgotten_changes(changes: Mapping[str, Any]) -> dict[str, Any]:
    """A deleted record's earlier audit entries: which fields changed, no values."""
    return {
        name: [_hidden(v) for v in pair] if isinstance(pair, list) else _hidden(pair) for name, pair in changes.items()
    }


def tombstone(rtype: r.RecordType, row: Mapping[str, Any], required: frozenset[str]) -> dict[str, Any]:
    """The row as a deletion keeps it: what sync needs, the rest empty.

    ``required`` are the table's NOT NULL columns: emptied to '' ('[]', 0)
    rather than NULL. References to other records stay: ids, needed to check a
    row's rights at the hub, and not personal.
    """
    kept = dict(row)
    for f in rtype.column_fields:
        if f.name in KEPT_IN_TOMBSTONE or f.kind == r.REF or f.name not in kept:
            continue
        if f.kind in (r.CHOICES, r.TAGS):
            kept[f.name] = "[]"
        elif f.kind == r.BOOL:
            kept[f.name] = 0
        elif f.name in required:
            kept[f.name] = ""
        else:
            kept[f.name] = None
    return kept


def tombstone_content(row: Mapping[str, Any]) -> dict[str, Any]:
    """What two copies of one deleted version must agree on (their text may have been
    cleared by one replica and not yet by an older one)."""
    return {"id": row.get("id"), "deleted": row.get("deleted")}


def _deleted_loser(loser_json: Any) -> dict[str, Any] | None:
    try:
        loser = json.loads(loser_json)
    except (TypeError, ValueError):
        return None
    return loser if isinstance(loser, dict) and loser.get("deleted") else None


def conflict_loser_content(loser_json: Any) -> Any:
    """A kept conflict version as two replicas must agree on it."""
    loser = _deleted_loser(loser_json)
    return loser_json if loser is None else tombstone_content(loser)


def forgotten_loser(record_type: str, loser_json: Any, required: frozenset[str]) -> Any:
    """A kept conflict version's row, cleared if that version was a deletion."""
    loser = _deleted_loser(loser_json)
    rtype = r.RECORD_TYPES.get(record_type)
    if loser is None or rtype is None:
        return loser_json
    return json.dumps(tombstone(rtype, loser, required), ensure_ascii=False, sort_keys=True)
