"""Schema 5: who owns each synced row, what each device may write, what waits for review."""

from __future__ import annotations

from ..engine import sqlite3
from .m3_sync import SYNCED_TABLES_V3

# Trust (bundle format 1, schema 5): who owns each synced row, what each device
# may write, and what waits for the hub operator.
_OWNED_TABLES_V5 = [*SYNCED_TABLES_V3, "conflict"]
_LINK_PARENTS_V5 = {
    "liaison_point_cadre": ("liaison_point", "liaison_point_id"),
    "visit_cadre": ("visit", "visit_id"),
    "visit_woman": ("visit", "visit_id"),
    "help_pair_cadre": ("help_pair", "help_pair_id"),
    "diary_woman": ("diary", "diary_id"),
}


def migration_5(conn: sqlite3.Connection) -> None:
    """``owner_id`` on every synced row: the cadre who created it (never changes).

    Existing rows get the best owner the data shows: a cadre owns her own
    record, a diary its author, a help log its pair's owner, a link its
    parent's owner, anything else the cadre bound to the device that last wrote
    it (this install's own cadre for its own rows). Rows with no known owner
    keep NULL: only a hub may change them.
    """
    for table in _OWNED_TABLES_V5:
        conn.execute(f"ALTER TABLE {table} ADD COLUMN owner_id TEXT")
    own = conn.execute("SELECT value FROM meta WHERE key = 'own_cadre_id'").fetchone()
    device = conn.execute("SELECT value FROM meta WHERE key = 'device_id'").fetchone()
    conn.execute("UPDATE cadre SET owner_id = id")
    conn.execute("UPDATE diary SET owner_id = author_id")
    for table in ("liaison_point", "woman", "visit", "help_pair", "problem"):
        if own and device:
            conn.execute(f"UPDATE {table} SET owner_id = ? WHERE device_id = ?", (own[0], device[0]))
        conn.execute(
            f"UPDATE {table} SET owner_id = (SELECT d.cadre_id FROM device d WHERE d.id = {table}.device_id) "
            "WHERE owner_id IS NULL"
        )
    conn.execute(
        "UPDATE help_log SET owner_id = (SELECT h.owner_id FROM help_pair h WHERE h.id = help_log.help_pair_id)"
    )
    for link, (parent, column) in _LINK_PARENTS_V5.items():
        conn.execute(f"UPDATE {link} SET owner_id = (SELECT p.owner_id FROM {parent} p WHERE p.id = {link}.{column})")
    conn.execute("UPDATE conflict SET owner_id = json_extract(loser_row, '$.owner_id') WHERE json_valid(loser_row)")
    # Devices: bound to a cadre by the operator's approval, with a role.
    conn.execute("ALTER TABLE device ADD COLUMN status TEXT NOT NULL DEFAULT 'approved'")
    # Devices known before were trusted on first sight, bound to whatever cadre
    # they claimed: the operator confirms each once (their next bundle waits).
    conn.execute(
        "UPDATE device SET status = CASE WHEN revoked THEN 'revoked' ELSE 'pending' END "
        "WHERE id != coalesce((SELECT value FROM meta WHERE key = 'device_id'), '')"
    )
    conn.execute("ALTER TABLE device ADD COLUMN role TEXT NOT NULL DEFAULT 'cadre'")
    conn.execute("ALTER TABLE device ADD COLUMN federation TEXT")
    conn.execute("ALTER TABLE device ADD COLUMN decided_at TEXT")
    conn.execute("ALTER TABLE device ADD COLUMN vouched_by TEXT")  # the hub that vouched for it in a roll-up
    conn.execute("ALTER TABLE device ADD COLUMN app_version TEXT")
    conn.execute(
        """CREATE TABLE blocked_cadre (
    cadre_id TEXT PRIMARY KEY,
    blocked_at TEXT NOT NULL,
    reason TEXT)"""
    )
    conn.execute(
        """CREATE TABLE proposal (
    id TEXT PRIMARY KEY,
    received_at TEXT NOT NULL,
    bundle_id TEXT NOT NULL,
    sender_device TEXT NOT NULL,
    record_type TEXT NOT NULL,
    record_id TEXT NOT NULL,
    version TEXT NOT NULL,
    row TEXT NOT NULL,
    reason TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending',
    decided_at TEXT)"""
    )
    conn.execute("CREATE INDEX proposal_by_status ON proposal(status, received_at)")
    conn.execute(
        """CREATE TABLE held_bundle (
    bundle_id TEXT PRIMARY KEY,
    device_id TEXT NOT NULL,
    received_at TEXT NOT NULL,
    file_name TEXT,
    plain BLOB NOT NULL)"""
    )
    conn.execute(
        """CREATE TABLE refused_bundle (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    file_name TEXT,
    device_id TEXT,
    code TEXT NOT NULL,
    message TEXT NOT NULL)"""
    )
    conn.execute("ALTER TABLE audit_log ADD COLUMN bundle_id TEXT")
    conn.execute("CREATE INDEX audit_by_bundle ON audit_log(bundle_id) WHERE bundle_id IS NOT NULL")
