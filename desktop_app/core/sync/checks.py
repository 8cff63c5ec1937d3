"""Every row a bundle carries is checked like a local save before anything is applied.

A row must have exactly the synced columns of its table, a valid clock stamp no
more than ``MAX_AHEAD_MS`` past this computer's clock, a valid version history,
and field values that pass the record's validation in the exact form this app
stores them (codes, JSON lists, ISO dates, lengths, checked ID numbers). A
tombstone keeps only its type checks. The first bad row refuses the whole
bundle, naming the table, record, field and reason.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime, timedelta
from typing import Any

from .. import messages as msg
from .. import records as r
from ..clock import MAX_AHEAD_MS, Stamp
from ..ids import link_id
from ..migrations import ADDED_IN_7
from ..store import Store, decode_value, encode_value
from ..validation import clean_field, cross_field_rules
from . import revisions
from .bundle import SYNCED_TABLES, BundleError

SYNC_COLUMNS = {"id", "hlc", "device_id", "deleted", "rev"}
OPTIONAL_COLUMNS = {"owner_id"}  # bundles from schema 4 and before have no owners


# Columns a bundle from an older app may lack: owners (schema 5), the columns of schema 7.
_OPTIONAL = frozenset(OPTIONAL_COLUMNS)
_OPTIONAL_BY_TABLE = {table: _OPTIONAL | added for table, added in ADDED_IN_7.items()}


def optional_columns(table: str) -> frozenset[str]:
    return _OPTIONAL_BY_TABLE.get(table, _OPTIONAL)


_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\Z")
_SCALARS = (str, int, float, type(None))


class BadRow(BundleError):
    """A row that is not a valid record: which, where, and why."""

    def __init__(self, table: str, record_id: str, field: str, reason: str):
        self.table, self.record_id, self.field, self.reason = table, record_id, field, reason
        super().__init__(
            "bad_row", msg.BUNDLE_BAD_ROW.format(table=table, record_id=record_id, field=field, reason=reason)
        )


def bad_row(table: str, record_id: object, field: str, reason: str) -> BadRow:
    # Only a real id is repeated in the message: anything else came from the sender unchecked.
    shown = record_id if isinstance(record_id, str) and _ID.match(record_id) else "?"
    return BadRow(table, shown, field, reason)


def stored_problems(store: Store, limit: int = 100) -> list[str]:
    """Stored rows that are not valid records, and a clock ahead of this computer's:
    what ``fuqing check`` adds to SQLite's own checks, so "clean" means usable."""
    now = store.wall_ms()
    found: list[str] = []
    last = store.meta("hlc")
    if last and Stamp.unpack(last).wall_ms > now + MAX_AHEAD_MS:
        found.append(str(msg.CHECK_CLOCK_AHEAD.format(stamp=_when(Stamp.unpack(last).wall_ms), now=_when(now))))
    found += live_children_of_deleted(store, limit)
    for table in SYNCED_TABLES:
        columns = store.synced_columns(table)
        for values in store.conn.execute(f"SELECT {', '.join(columns)} FROM {table}"):
            row = dict(zip(columns, values, strict=True))
            try:
                check_row(table, row, columns, now)
            except BadRow as error:
                found.append(str(msg.CHECK_BAD_ROW.format(
                    table=error.table, record_id=error.record_id, field=error.field, reason=error.reason)))  # fmt: skip
            except BundleError:
                stamp = Stamp.unpack(str(row["hlc"])).wall_ms
                found.append(str(msg.CHECK_ROW_AHEAD.format(table=table, record_id=row["id"], stamp=_when(stamp))))
            if len(found) >= limit:
                return found
    return found


def live_children_of_deleted(store: Store, limit: int = 100) -> list[str]:
    """Referrals of a deleted problem, acts of help of a deleted pair: a deletion made
    here takes them along, but one from an older app or a referral added on another
    laptop meanwhile leaves them counted in lists and statistics."""
    found = []
    for parent, children in r.CHILDREN.items():
        for child, column in children:
            rows = store.conn.execute(
                f"SELECT c.id, p.id FROM {child} c JOIN {parent} p ON p.id = c.{column} "
                f"WHERE c.deleted = 0 AND p.deleted = 1 ORDER BY c.seq LIMIT ?",
                (limit,),
            ).fetchall()
            found += [
                str(msg.CHECK_LIVE_CHILD.format(child=r.RECORD_TYPES[child].label, child_id=child_id,
                                                parent=r.RECORD_TYPES[parent].label, parent_id=parent_id))
                for child_id, parent_id in rows
            ]  # fmt: skip
    return found[:limit]


def _when(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000).strftime("%Y-%m-%d %H:%M")


def check_row(table: str, row: dict[str, Any], columns: list[str], now_ms: int) -> None:
    """Refuse the bundle (BundleError "bad_row") if ``row`` is not a valid row of ``table``."""
    record_id = row.get("id")
    allowed = set(columns)
    unknown = set(row) - allowed
    missing = (allowed - optional_columns(table)) - set(row) if table in r.RECORD_TYPES else SYNC_COLUMNS - set(row)
    if unknown or missing:
        field = sorted(unknown or missing)[0]
        raise bad_row(table, record_id, field, str(msg.ROW_UNKNOWN_FIELD if unknown else msg.ROW_MISSING_FIELD))
    for name, value in row.items():
        if not isinstance(value, _SCALARS) or isinstance(value, bool):
            raise bad_row(table, record_id, name, str(msg.ROW_NOT_SCALAR))
        if isinstance(value, str) and not _is_text(value):
            raise bad_row(table, record_id, name, str(msg.ROW_NOT_TEXT))
    if not isinstance(record_id, str) or not _ID.match(record_id):
        raise bad_row(table, record_id, "id", str(msg.ROW_BAD_ID))
    if not isinstance(row["device_id"], str) or not _ID.match(row["device_id"]):
        raise bad_row(table, record_id, "device_id", str(msg.ROW_BAD_ID))
    if row["deleted"] not in (0, 1):
        raise bad_row(table, record_id, "deleted", str(msg.ROW_NOT_FLAG))
    stamp = _stamp(table, record_id, row["hlc"])
    if stamp.wall_ms > now_ms + MAX_AHEAD_MS:
        raise BundleError("clock_ahead", "")  # the caller names the device and its clock
    _check_rev(table, record_id, row["rev"])
    owner = row.get("owner_id")
    if owner is not None and (not isinstance(owner, str) or not _ID.match(owner)):
        raise bad_row(table, record_id, "owner_id", str(msg.ROW_BAD_ID))
    rtype = r.RECORD_TYPES.get(table)
    if rtype is not None:
        day = max(date.fromtimestamp(now_ms / 1000), datetime.fromtimestamp(stamp.wall_ms / 1000, UTC).date())
        _check_fields(rtype, row, day + timedelta(days=1))
    elif table == "conflict":
        _check_conflict(row, now_ms)
    else:
        ends = [c for c in columns if c.endswith("_id") and c not in ("device_id", "owner_id")]
        for column in ends:
            value = row.get(column)
            if not isinstance(value, str) or not _ID.match(value):
                raise bad_row(table, record_id, column, str(msg.ROW_BAD_ID))
        # A link's id is made from its two ends: one claimed under another id would
        # squat the id a real link between those records needs.
        if len(ends) == 2 and record_id != link_id(str(row[ends[0]]), str(row[ends[1]])):
            raise bad_row(table, record_id, "id", str(msg.ROW_BAD_ID))


def _is_text(value: str) -> bool:
    """Text that can be stored and shown (a lone surrogate cannot be written as UTF-8)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _stamp(table: str, record_id: object, value: object) -> Stamp:
    try:
        return Stamp.unpack(value)  # type: ignore[arg-type]
    except ValueError:
        raise bad_row(table, record_id, "hlc", str(msg.ROW_BAD_STAMP)) from None


def _check_rev(table: str, record_id: object, value: object) -> None:
    try:
        parsed = json.loads(value) if isinstance(value, str) else None
    except (ValueError, RecursionError):
        parsed = None
    rev = parsed if isinstance(parsed, list) else None
    if not isinstance(rev, list) or len(rev) > revisions.REV_KEEP or not rev:
        raise bad_row(table, record_id, "rev", str(msg.ROW_BAD_REV))
    for version in rev:
        stamp, _, device = version.partition("/") if isinstance(version, str) else ("", "", "")
        if not _ID.match(device):
            raise bad_row(table, record_id, "rev", str(msg.ROW_BAD_REV))
        _stamp(table, record_id, stamp)


def _check_fields(rtype: r.RecordType, row: dict[str, Any], latest_day: date) -> None:
    tombstone = row["deleted"] == 1
    cleaned: dict[str, object] = {}
    for f in rtype.column_fields:
        raw = row.get(f.name)
        value: Any
        if f.kind in (r.CHOICES, r.TAGS):
            value = _json_list(rtype.name, row["id"], f.name, raw)
        elif f.kind == r.BOOL:
            if raw not in (0, 1):
                raise bad_row(rtype.name, row["id"], f.name, str(msg.ROW_NOT_FLAG))
            value = decode_value(f, raw)
        else:
            value = raw
        if tombstone and raw in (None, "", "[]"):
            continue  # a deletion may forget what the record said
        clean, error = clean_field(f, value, latest_day)
        if error is None and f.kind == r.REF and clean is not None and not _ID.match(str(clean)):
            error = str(msg.ROW_BAD_ID)
        if error is None and encode_value(f, clean) != raw and not (f.kind in (r.CHOICES, r.TAGS) and clean == value):
            error = str(msg.ROW_NOT_CANONICAL)
        if error is not None:
            raise bad_row(rtype.name, row["id"], f.name, error)
        cleaned[f.name] = clean
    if not tombstone:
        errors: dict[str, str] = {}
        cross_field_rules(rtype, cleaned, errors, lambda _kind, _id: True)  # references may arrive later
        for name, error in errors.items():
            raise bad_row(rtype.name, row["id"], name, error)


def _json_list(table: str, record_id: str, field: str, raw: object) -> list[Any]:
    try:
        value = json.loads(raw) if isinstance(raw, str) else None
    except (ValueError, RecursionError):
        value = None
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise bad_row(table, record_id, field, str(msg.ROW_NOT_LIST))
    return value


def _check_conflict(row: dict[str, Any], now_ms: int) -> None:
    record_table = row.get("record_type")
    if record_table not in SYNCED_TABLES or record_table == "conflict":
        raise bad_row("conflict", row["id"], "record_type", str(msg.ROW_BAD_CHOICE))
    try:
        loser = json.loads(row["loser_row"]) if isinstance(row.get("loser_row"), str) else None
    except (ValueError, RecursionError):
        loser = None
    if not isinstance(loser, dict):
        raise bad_row("conflict", row["id"], "loser_row", str(msg.ROW_NOT_OBJECT))


def loser_of(row: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """The table and the losing version a conflict row carries (checked by ``check_row``)."""
    loser = dict(json.loads(row["loser_row"]))
    loser["rev"] = row["rev"]
    return str(row["record_type"]), loser
