"""Rules between a record and the records it belongs to, checked when it is saved here.

``validation`` judges one record alone; these need the database: a referral
cannot be sent before its problem was raised, an act of help counts for a
practical project of its own year only, a federation has one project of a
name a year, and a record's 所属妇联 is a federation this install knows (a
report finds its records by that name: a typo drops them from every report).

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


KNOWN_SHOWN = 10  # a county hub knows a hundred federations: the message names the first few


def errors(store: Store, rtype: r.RecordType, rec: dict[str, Any], old: dict[str, Any] | None) -> dict[str, str]:
    """Field → message for every rule ``rec`` (clean, as it would be stored) breaks."""

    def changed(*names: str) -> bool:
        return old is None or any(old.get(name) != rec.get(name) for name in names)

    found: dict[str, str] = {}
    if rtype.name == "referral" and changed("problem_id", "sent_date"):
        problem = store.get("problem", str(rec["problem_id"]))
        if rec.get("sent_date") and problem.get("raised_date") and rec["sent_date"] < problem["raised_date"]:
            found["sent_date"] = msg.NOT_BEFORE_RAISED.format(
                label=rtype.field("sent_date").label, date=problem["raised_date"]
            )
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
            shown = "、".join(known[:KNOWN_SHOWN]) + ("……" if len(known) > KNOWN_SHOWN else "")
            found["org"] = msg.UNKNOWN_FEDERATION.format(label=rtype.field("org").label, value=rec["org"], known=shown)
    return found
