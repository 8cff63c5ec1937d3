"""What each device may write: the rights table of docs/trust.md, as code.

A signed bundle proves which laptop sent it, not that its rows are allowed.
Each row version that would change something here is judged against the
rights of the device that *made* it (its ``device_id``), as bound to a cadre
and a role by this install's operator:

- ``cadre``: a cadre's laptop. Her own profile (not deleting it); records she
  created (``owner_id``); visits and help pairs she is listed on, with their
  links and help logs; a diary only with herself as its author.
- ``hub``: a federation's hub. Cadres, liaison points and assignments,
  federations, practical projects and referrals (what it administers), plus,
  for anything else, the rights of its own cadre.
- ``mirror``: another install of this federation's own records (a hub's second
  machine): everything.

A row's owner never changes. A link or help log belongs to its parent's owner.
Whatever is not allowed is held for the operator as a proposal, never applied
and never dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .. import messages as msg
from .. import records as r
from ..i18n import Text
from ..store import Row, Store

CADRE, HUB, MIRROR = "cadre", "hub", "mirror"
ROLES = (CADRE, HUB, MIRROR)
# What a federation administers: its hub may change any of these rows. A referral
# is followed by the county (it adds the answer a department gave it); projects
# and the federations' tree are set by the federation.
ADMIN_TABLES = frozenset({"cadre", "liaison_point", "liaison_point_cadre", "federation", "project", "referral"})
# A row that belongs to another record: judged by the rights on that record.
PARENTS: dict[str, tuple[str, str]] = {
    "help_log": ("help_pair", "help_pair_id"),
    **{
        link.table: (parent.name, link.parent_column)
        for parent in r.RECORD_TYPES.values()
        for link in parent.links.values()
    },
}
# Records a cadre may change when she is listed on them (by their owner).
LISTED_ON: dict[str, tuple[str, str]] = {
    "visit": ("visit_cadre", "visit_id"),
    "help_pair": ("help_pair_cadre", "help_pair_id"),
}

REASONS: dict[str, Text] = {
    "not_own_profile": msg.RIGHT_NOT_OWN_PROFILE,
    "delete_profile": msg.RIGHT_DELETE_PROFILE,
    "not_owner": msg.RIGHT_NOT_OWNER,
    "owner_changed": msg.RIGHT_OWNER_CHANGED,
    "author_not_self": msg.RIGHT_AUTHOR_NOT_SELF,
    "not_admin": msg.RIGHT_NOT_ADMIN,
    "relayed": msg.RIGHT_RELAYED,
    "unknown_author": msg.RIGHT_UNKNOWN_AUTHOR,
    "blocked_author": msg.RIGHT_BLOCKED_AUTHOR,
    "forged_own": msg.RIGHT_FORGED_OWN,
    "federation_exists": msg.RIGHT_FEDERATION_EXISTS,
    "answer_not_hers": msg.RIGHT_ANSWER_NOT_HERS,
}
ANSWER_COLUMNS = ("answer_date", "answer", "outcome")


@dataclass(frozen=True)
class Writer:
    """A device as this install knows it: whose laptop it is and in what role."""

    device_id: str
    cadre_id: str | None
    role: str
    name: str = ""


def judge(store: Store, writer: Writer, table: str, row: dict[str, Any], stored: Row | None) -> str | None:
    """None if ``writer`` may store this version of the row; else the reason (a key of REASONS)."""
    if writer.role == MIRROR or (writer.role == HUB and table in ADMIN_TABLES):
        return None
    cadre = writer.cadre_id
    owner = row.get("owner_id")
    if stored is not None and stored.get("owner_id") != owner:
        return "owner_changed"
    if table == "cadre":
        if cadre is None or row["id"] != cadre:
            return "not_own_profile"
        if stored is None and owner != cadre:
            return "not_owner"  # her profile is hers
        return "delete_profile" if row["deleted"] else None
    parent = PARENTS.get(table)
    if parent is not None:
        parent_table, column = parent
        parent_row = store.stored_row(parent_table, str(row[column]))
        if parent_row is None:
            # Its parent has not arrived: allowed as the writer's own, which lists
            # her on nothing (only links owned by the parent's owner count).
            return None if cadre is not None and owner == cadre else "not_owner"
        if owner != parent_row.get("owner_id"):
            return "not_owner"
        return _may_change(store, writer, parent_table, parent_row)
    if table == "diary" and (
        row.get("author_id") != cadre or (stored is not None and stored.get("author_id") != cadre)
    ):
        return "author_not_self"
    if stored is None:
        verdict = None if cadre is not None and owner == cadre else "not_owner"
    else:
        verdict = _may_change(store, writer, table, stored)
    if verdict is None and table == "federation" and not row.get("deleted") and _name_taken(store, row):
        return "federation_exists"  # the tree is matched by name: a second 通州区妇联 would move the first
    if verdict is None and table == "referral" and not _answers_hers(store, writer, row, stored):
        return "answer_not_hers"
    return verdict


def _name_taken(store: Store, row: dict[str, Any]) -> bool:
    found = store.conn.execute(
        "SELECT 1 FROM federation WHERE name = ? AND id != ? AND deleted = 0", (row.get("name"), row["id"])
    ).fetchone()
    return found is not None


def _answers_hers(store: Store, writer: Writer, row: dict[str, Any], stored: Row | None) -> bool:
    """A cadre records a department's answer on a referral of her own problem, or keeps an answer
    already there; on another cadre's problem the answer comes from the county."""
    if not any(row.get(c) for c in ANSWER_COLUMNS):
        return True
    if stored is not None and all(row.get(c) == stored.get(c) for c in ANSWER_COLUMNS):
        return True
    problem = store.stored_row("problem", str(row.get("problem_id")))
    return problem is None or (writer.cadre_id is not None and problem.get("owner_id") == writer.cadre_id)


def _may_change(store: Store, writer: Writer, table: str, record: Row) -> str | None:
    cadre = writer.cadre_id
    if cadre is not None and record.get("owner_id") == cadre:
        return None
    if writer.role == HUB and table in ADMIN_TABLES:
        return None
    listed = LISTED_ON.get(table)
    if listed is not None and cadre is not None:
        link_table, column = listed
        found = store.conn.execute(
            f"SELECT 1 FROM {link_table} WHERE {column} = ? AND cadre_id = ? AND deleted = 0 AND owner_id IS ?",
            (record["id"], cadre, record.get("owner_id")),
        ).fetchone()
        if found is not None:
            return None
    return "not_admin" if table in ADMIN_TABLES else "not_owner"


def reason_text(code: str) -> str:
    text = REASONS.get(code)
    return str(text) if text is not None else code
