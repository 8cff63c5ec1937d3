"""Turn what a person typed into a clean record, or say precisely what to fix.

``clean_record`` never touches the database: reference checks go through the
``ref_exists`` callback the store passes in, so the rules are testable alone.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from . import characters, idcard, phones
from . import messages as msg
from . import records as r
from .errors import ValidationFailed
from .i18n import join
from .problems import SETTLED_STATUSES

MAX_INT = 1_000_000  # people at a meeting, days: far above any real count
MAX_AMOUNT = 1_000_000_000_000  # yuan
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
RefExists = Callable[[str, str], bool]


_DATE_FORMS = (
    re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})"),  # 2026-12-31, 2026/12/31, 2026.1.5
    re.compile(r"(\d{4})(\d{2})(\d{2})"),  # 20261231
    re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})[日号]?"),  # 2026年12月31日
)


def parse_date(value: object) -> date | None:
    """A date as a person types it: 2026-12-31, 2026/12/31, 2026.12.31, 20261231 or 2026年12月31日."""
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    for form in _DATE_FORMS:
        match = form.fullmatch(text)
        if match:
            try:
                return date(int(match[1]), int(match[2]), int(match[3]))
            except ValueError:
                return None
    return None


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or value == []


def _as_list(value: object) -> list[Any] | None:
    if isinstance(value, (list, tuple)):
        return list(value)
    if isinstance(value, str):
        parts = re.split(r"[,，、;；\s]+", value.strip())
        return [p for p in parts if p]
    return None


def _shape_error(f: r.Field, value: object) -> str | None:
    """Why ``value`` can never be a value of ``f`` whatever its content, or None.

    JSON from the CLI or a bundle can hold anything: an object where a name belongs was stored as
    "{'王芳': …}", a float 1e999 as "inf". A text value is a string, or a plain finite number typed
    bare. A one-line value holds no control characters or line breaks (``characters.BREAKING``: a NUL
    cuts it short in other programs, a line separator breaks a card); long text keeps them, as pasted,
    and refuses only lone surrogates, which cannot be written as UTF-8 at all."""
    items = value if isinstance(value, (list, tuple)) and f.kind in (r.CHOICES, r.TAGS, r.LINKS) else [value]
    for item in items:
        if isinstance(item, str):
            if (characters.SURROGATE if f.kind == r.LONGTEXT else characters.BREAKING).search(item):
                return str(msg.BAD_CHARACTERS.format(label=f.label))
            continue
        if f.kind in (r.INT, r.AMOUNT, r.BOOL, r.DATE):
            continue  # their own checks say what a number, a yes/no or a date must be
        plain_number = isinstance(item, (int, float)) and not isinstance(item, bool)
        if not plain_number or (isinstance(item, float) and not math.isfinite(item)):
            return str(msg.NOT_TEXT.format(label=f.label))
    return None


def clean_field(f: r.Field, value: object, today: date) -> tuple[object, str | None]:
    """(clean value, error message or None) for one field."""
    label = f.label
    if isinstance(value, str) and f.kind != r.LONGTEXT:
        value = characters.without_invisible(value)  # pasted from a chat: a zero-width space is no name
    elif isinstance(value, (list, tuple)) and f.kind in (r.CHOICES, r.TAGS, r.LINKS):
        value = [characters.without_invisible(v) if isinstance(v, str) else v for v in value]
    if _blank(value):
        if f.required:
            return None, msg.REQUIRED.format(label=label)
        return ([] if f.kind in (r.CHOICES, r.TAGS, r.LINKS) else None), None
    kind = f.kind
    shape = _shape_error(f, value)
    if shape:
        return value, shape
    if kind in (r.TEXT, r.LONGTEXT):
        text = str(value).strip() if kind == r.TEXT else str(value).rstrip()
        if f.max_length and len(text) > f.max_length:
            return text, msg.TOO_LONG.format(label=label, limit=f.max_length)
        return text, None
    if kind == r.DATE:
        d = parse_date(value)
        if d is None:
            return value, msg.NOT_A_DATE.format(label=label)
        if f.not_future and d > today:
            return d.isoformat(), msg.DATE_IN_FUTURE.format(label=label, today=today.isoformat())
        return d.isoformat(), None
    if kind == r.CHOICE:
        assert f.choices is not None
        code = f.choices.code_for(str(value).strip())
        if code is None:
            return value, msg.BAD_CHOICE.format(
                label=label, value=value, options=join(f.choices.label(c) for c in f.choices.codes())
            )
        return code, None
    if kind == r.OPEN_CHOICE:
        assert f.choices is not None
        text = str(value).strip()
        if f.max_length and len(text) > f.max_length:
            return text, msg.TOO_LONG.format(label=label, limit=f.max_length)
        return f.choices.code_for(text) or text, None
    if kind == r.CHOICES:
        assert f.choices is not None
        items = _as_list(value)
        if items is None:
            return value, msg.NOT_A_LIST.format(label=label)
        codes = []
        for item in items:
            code = f.choices.code_for(str(item).strip())
            if code is None:
                return value, msg.BAD_CHOICE.format(
                    label=label, value=item, options=join(f.choices.label(c) for c in f.choices.codes())
                )
            if code not in codes:
                codes.append(code)
        return codes, None
    if kind in (r.TAGS, r.LINKS):
        items = _as_list(value)
        if items is None:
            return value, msg.NOT_A_LIST.format(label=label)
        unique: list[str] = []
        for item in (str(i).strip() for i in items):
            if item and item not in unique:
                unique.append(item)
        return unique, None
    if kind == r.BOOL:
        if isinstance(value, bool):
            return value, None
        text = str(value).strip().lower()
        if text in ("1", "true", "yes", "是", "y"):
            return True, None
        if text in ("0", "false", "no", "否", "n"):
            return False, None
        return value, msg.NOT_A_BOOL.format(label=label)
    if kind in (r.INT, r.AMOUNT):
        try:
            number: float = int(str(value)) if kind == r.INT else round(float(str(value)), 2)
        except (ValueError, OverflowError):
            return value, msg.NOT_A_NUMBER.format(label=label)
        if not math.isfinite(number):
            return value, msg.NOT_A_NUMBER.format(label=label)
        if number < 0:
            return number, msg.NEGATIVE.format(label=label)
        if number > (MAX_INT if kind == r.INT else MAX_AMOUNT):
            return number, msg.TOO_LARGE.format(label=label)
        return number, None
    if kind == r.REF:
        return str(value).strip(), None
    if kind == r.ID_NUMBER:
        number_text = idcard.normalize(str(value))
        return number_text, idcard.id_number_error(number_text, label, today)
    if kind == r.MOBILE:
        text = phones.clean(str(value))
        return text, None if phones.is_mobile(text) else msg.BAD_MOBILE.format(label=label)
    if kind == r.PHONE:
        text = phones.clean(str(value))
        return text, None if phones.is_phone(text) else msg.BAD_PHONE.format(label=label)
    if kind == r.EMAIL:
        text = str(value).strip()
        return text, None if _EMAIL.match(text) else msg.BAD_EMAIL.format(label=label)
    raise AssertionError(f"unhandled field kind {kind}")


def clean_record(
    rtype: r.RecordType,
    values: Mapping[str, object],
    today: date,
    ref_exists: RefExists,
) -> dict[str, object]:
    """A complete clean record, or ValidationFailed naming every bad field."""
    errors: dict[str, str] = {}
    for name in values:
        if not rtype.has_field(name):
            shown = characters.escaped(name)  # a lone surrogate cannot be printed
            errors[shown] = msg.UNKNOWN_FIELD.format(field=shown)
    clean: dict[str, object] = {}
    for f in rtype.fields:
        value, error = clean_field(f, values.get(f.name), today)
        clean[f.name] = value
        if error:
            errors[f.name] = error
            continue
        if f.kind == r.REF and value is not None and f.ref and not ref_exists(f.ref, str(value)):
            errors[f.name] = msg.MISSING_REFERENCE.format(label=f.label, value=value)
        if f.kind == r.LINKS and f.ref and isinstance(value, list):
            missing = [v for v in value if not ref_exists(f.ref, v)]
            if missing:
                errors[f.name] = msg.MISSING_REFERENCE.format(label=f.label, value="、".join(missing))
    cross_field_rules(rtype, clean, errors, ref_exists)
    saving_rules(rtype, clean, errors, today)
    if errors:
        raise ValidationFailed(errors, rtype.name)
    return clean


MAX_STAY_DAYS = 366  # a 蹲点 stay is a week or more; a year is the longest any quota counts
# The campaigns began in 2012: an earlier date is a mistyped year (1900-01-01, 0026-…). Older apps
# took such dates, so bundles may carry them: a save here refuses them, an import does not.
EARLIEST_DATE = date(2000, 1, 1)
FUTURE_YEARS = 5  # a deadline, an answer due or a next visit further ahead is a mistyped year


def saving_rules(rtype: r.RecordType, rec: dict[str, object], errors: dict[str, str], today: date) -> None:
    """Rules for a record saved here, not for rows arriving from laptops with an
    older app (which cannot know them): a bundle from schema 6 stays importable."""
    latest = _years_after(today, FUTURE_YEARS)
    for f in rtype.fields:
        value = rec.get(f.name)
        if f.kind != r.DATE or not value or f.name in errors:
            continue
        if str(value) < EARLIEST_DATE.isoformat():
            errors[f.name] = msg.DATE_TOO_EARLY.format(label=f.label, earliest=EARLIEST_DATE.isoformat())
        elif not f.not_future and str(value) > latest.isoformat():
            errors[f.name] = msg.DATE_TOO_LATE.format(label=f.label, latest=latest.isoformat(), years=FUTURE_YEARS)
    if rtype.name == "problem":
        _not_before(rtype, rec, errors, "explained_date", "raised_date")
        _not_before(rtype, rec, errors, "deadline", "raised_date")
    if rtype.name == "help_log":
        _not_before(rtype, rec, errors, "next_date", "date")
    if rtype.name == "referral" and rec.get("outcome") and not rec.get("answer") and "answer" not in errors:
        errors["answer"] = msg.ANSWER_NEEDS.format(label=rtype.field("answer").label)  # what the department said
    if rtype.name == "research" and rec.get("submitted_date") and rec.get("status") != "submitted":
        errors.setdefault("status", str(msg.SUBMITTED_NEEDS_STATUS.format(label=rtype.field("status").label)))
    if rtype.name == "problem" and str(rec.get("status")) in SETTLED_STATUSES:
        # 解释工作: a problem is done only when the woman has been told the result.
        for name in ("explanation", "explained_date"):
            if not rec.get(name) and name not in errors:
                errors[name] = msg.SETTLED_NEEDS_EXPLANATION.format(label=rtype.field(name).label)


def _years_after(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _not_before(rtype: r.RecordType, rec: dict[str, object], errors: dict[str, str], later: str, earlier: str) -> None:
    if rec.get(later) and rec.get(earlier) and later not in errors and str(rec[later]) < str(rec[earlier]):
        errors[later] = msg.NOT_BEFORE.format(label=rtype.field(later).label, other=rtype.field(earlier).label)


def cross_field_rules(
    rtype: r.RecordType, rec: dict[str, object], errors: dict[str, str], ref_exists: RefExists
) -> None:
    """Rules between fields of one record (also applied to every imported row)."""
    if rtype.name == "visit" and rec.get("end_date") and rec.get("start_date") and "end_date" not in errors:
        start, end = parse_date(rec["start_date"]), parse_date(rec["end_date"])
        if str(rec["end_date"]) < str(rec["start_date"]):
            errors["end_date"] = msg.END_BEFORE_START.format(label=rtype.field("end_date").label)
        elif start and end and (end - start).days >= MAX_STAY_DAYS:
            errors["end_date"] = msg.STAY_TOO_LONG.format(label=rtype.field("end_date").label, days=MAX_STAY_DAYS)
    if rtype.name == "help_pair" and "target_kind" not in errors:
        needs_woman = rec.get("target_kind") == "woman"
        if (needs_woman and not rec.get("woman_id")) or (not needs_woman and not rec.get("liaison_point_id")):
            errors.setdefault("woman_id" if needs_woman else "liaison_point_id", str(msg.BAD_TARGET))
    if rtype.name == "problem" and rec.get("source_id") and "source" not in errors:
        source_type = r.PROBLEM_SOURCE_TYPES.get(str(rec.get("source")))
        if source_type and not ref_exists(source_type, str(rec["source_id"])):
            errors["source_id"] = msg.MISSING_REFERENCE.format(
                label=rtype.field("source_id").label, value=rec["source_id"]
            )
    if rtype.name == "referral":
        _not_before(rtype, rec, errors, "due_date", "sent_date")
        _not_before(rtype, rec, errors, "answer_date", "sent_date")
        answered = bool(rec.get("answer_date") or rec.get("answer"))
        if answered and not rec.get("outcome") and "outcome" not in errors:
            errors["outcome"] = msg.ANSWER_NEEDS.format(label=rtype.field("outcome").label)
        if rec.get("outcome") and not rec.get("answer_date") and "answer_date" not in errors:
            errors["answer_date"] = msg.ANSWER_NEEDS.format(label=rtype.field("answer_date").label)
    if rtype.name == "research" and rec.get("status") == "submitted" and not rec.get("submitted_date"):
        errors.setdefault("submitted_date", str(msg.ANSWER_NEEDS.format(label=rtype.field("submitted_date").label)))
    if rtype.name == "project" and isinstance(rec.get("year"), int) and not 2000 <= int(str(rec["year"])) <= 2100:
        errors.setdefault("year", str(msg.BAD_YEAR.format(label=rtype.field("year").label)))
