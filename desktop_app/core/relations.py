"""Rules between a record and the records it belongs to, checked when it is saved here.

``validation`` judges one record alone; these need the database: a referral
cannot be sent before its problem was raised, an act of help is not dated
before its pair was formed, a problem not before the visit (diary, help pair)
it came from, and the earlier date cannot be moved past the later one either;
an act of help counts for a practical project of its own year only, a
federation has one project of a name a year, and a record's 所属妇联 is a
federation this install knows (a report finds its records by that name: a
typo drops them from every report).

Rows arriving in a bundle are not held to them: they may come before the
record they refer to, and an older app never knew these rules. An edit is
held to a rule only when it changes what the rule looks at, so a record saved
before this version can still be corrected in its other fields.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import federations
from . import messages as msg
from . import records as r

if TYPE_CHECKING:
    from .store import Store


# (child type, its column naming the parent, its date, parent type, the parent's date it cannot precede)
DATED_CHILDREN = (
    ("referral", "problem_id", "sent_date", "problem", "raised_date"),
    ("help_log", "help_pair_id", "date", "help_pair", "start_date"),
)
# A problem's source record and the date the problem cannot be raised before.
SOURCE_DATES = {"visit": "start_date", "diary": "date", "help_pair": "start_date"}


def errors(store: Store, rtype: r.RecordType, rec: dict[str, Any], old: dict[str, Any] | None) -> dict[str, str]:
    """Field → message for every rule ``rec`` (clean, as it would be stored) breaks."""

    def changed(*names: str) -> bool:
        return old is None or any(old.get(name) != rec.get(name) for name in names)

    found: dict[str, str] = {}
    for kind, column, own_date, parent_type, parent_date in DATED_CHILDREN:
        if rtype.name == kind and rec.get(own_date) and changed(column, own_date):
            parent = store.get(parent_type, str(rec[column]))
            if parent.get(parent_date) and rec[own_date] < parent[parent_date]:
                found[own_date] = _not_before_parent(
                    rtype, own_date, r.RECORD_TYPES[parent_type], parent_date, parent[parent_date]
                )
    source_type = r.PROBLEM_SOURCE_TYPES.get(str(rec.get("source"))) if rtype.name == "problem" else None
    if source_type and rec.get("source_id") and changed("source", "source_id", "raised_date"):
        source = store.get(source_type, str(rec["source_id"]))
        source_date = source.get(SOURCE_DATES[source_type])
        if source_date and rec["raised_date"] < source_date:
            found["raised_date"] = _not_before_parent(
                rtype, "raised_date", r.RECORD_TYPES[source_type], SOURCE_DATES[source_type], source_date
            )
    own_dates = {parent_date for *_, parent, parent_date in DATED_CHILDREN if parent == rtype.name}
    if rtype.name in SOURCE_DATES:
        own_dates.add(SOURCE_DATES[rtype.name])
    if old is not None and own_dates and changed(*own_dates):
        found.update(_children_before(store, rtype, rec, str(old["id"])))
    if rtype.name == "help_log" and rec.get("project_id") and rec.get("date") and changed("project_id", "date"):
        project = store.get("project", str(rec["project_id"]))
        act_year = int(str(rec["date"])[:4])
        if project.get("year") != act_year:
            found["project_id"] = msg.PROJECT_OF_ANOTHER_YEAR.format(
                name=project["name"], year=project["year"], act_year=act_year
            )
    if rtype.name == "project" and changed("name", "org", "year"):
        twin = store.conn.execute(
            "SELECT 1 FROM project WHERE deleted = 0 AND name = ? AND org = ? AND year = ? AND id IS NOT ?",
            (rec["name"], rec["org"], rec["year"], old["id"] if old else None),
        ).fetchone()
        if twin:
            found["name"] = msg.DUPLICATE_PROJECT.format(name=rec["name"], org=rec["org"], year=rec["year"])
    if rtype.name in ("project", "research") and rec.get("org") and changed("org"):
        known = federations.federation_names(store)
        if known and rec["org"] not in known:
            found["org"] = msg.UNKNOWN_FEDERATION.format(
                label=rtype.field("org").label, value=rec["org"], known=federations.known_text(known)
            )
    return found


def _not_before_parent(rtype: r.RecordType, name: str, parent: r.RecordType, other: str, day: str) -> str:
    return str(
        msg.NOT_BEFORE_PARENT.format(
            label=rtype.field(name).label, parent=parent.label, other=parent.field(other).label, date=day
        )
    )


def _children_before(store: Store, rtype: r.RecordType, rec: dict[str, Any], record_id: str) -> dict[str, str]:
    """Where the record's date would now come after the date of a record kept under it."""
    queries: list[tuple[str, str, tuple[str, ...], str, str]] = [
        (kind, f"{column} = ?", (record_id,), child_date, parent_date)
        for kind, column, child_date, parent, parent_date in DATED_CHILDREN
        if parent == rtype.name
    ]
    if rtype.name in SOURCE_DATES:
        where = "source = ? AND source_id = ?"
        queries.append(("problem", where, (rtype.name, record_id), "raised_date", SOURCE_DATES[rtype.name]))
    found: dict[str, str] = {}
    for kind, where, args, child_date, own_date in queries:
        if not rec.get(own_date) or own_date in found:
            continue
        earliest = store.conn.execute(
            f"SELECT min({child_date}) FROM {kind} WHERE deleted = 0 AND {where}", args
        ).fetchone()[0]
        if earliest and earliest < rec[own_date]:
            child = r.RECORD_TYPES[kind]
            found[own_date] = str(
                msg.NOT_AFTER_CHILD.format(
                    label=rtype.field(own_date).label,
                    child=child.label,
                    other=child.field(child_date).label,
                    date=earliest,
                )
            )
    return found
