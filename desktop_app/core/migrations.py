"""Numbered schema migrations, recorded in ``PRAGMA user_version``.

Each migration is a frozen list of statements: never edit one that has been
released; add the next number instead. ``apply`` runs every pending migration
in one transaction each, so a crash leaves the previous version intact.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from . import messages as msg
from .engine import sqlite3
from .errors import SchemaTooNew

_SYNC_COLUMNS = """
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    hlc TEXT NOT NULL,
    device_id TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0"""


def _ref(table: str) -> str:
    return f"TEXT REFERENCES {table}(id) DEFERRABLE INITIALLY DEFERRED"


def _record_table(name: str, columns: str) -> str:
    return f"CREATE TABLE {name} ({_SYNC_COLUMNS},{columns})"


def _link_table(name: str, parent: str, parent_col: str, ref: str, ref_col: str) -> list[str]:
    return [
        _record_table(
            name,
            f"\n    {parent_col} {_ref(parent)} NOT NULL,\n    {ref_col} {_ref(ref)} NOT NULL",
        ),
        f"CREATE INDEX {name}_parent ON {name}({parent_col})",
        f"CREATE INDEX {name}_ref ON {name}({ref_col})",
    ]


_FTS = "USING fts5({columns}, content='', columnsize=0, tokenize='unicode61 remove_diacritics 2')"

MIGRATION_1: list[str] = [
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE TABLE device (
    id TEXT PRIMARY KEY,
    name TEXT,
    cadre_id TEXT,
    public_key TEXT,
    first_seen TEXT NOT NULL,
    last_seen TEXT,
    revoked INTEGER NOT NULL DEFAULT 0)""",
    _record_table(
        "cadre",
        """
    name TEXT NOT NULL,
    org TEXT NOT NULL,
    org_level TEXT,
    position TEXT,
    is_leader INTEGER NOT NULL DEFAULT 0,
    mobile TEXT,
    office_phone TEXT,
    email TEXT,
    address TEXT,
    hotline TEXT,
    service_promise TEXT""",
    ),
    _record_table(
        "liaison_point",
        """
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    region TEXT,
    address TEXT,
    contact_name TEXT,
    contact_phone TEXT,
    focus TEXT NOT NULL DEFAULT '[]',
    notes TEXT""",
    ),
    _record_table(
        "woman",
        f"""
    name TEXT NOT NULL,
    id_number TEXT,
    phone TEXT,
    liaison_point_id {_ref("liaison_point")},
    address TEXT,
    groups TEXT NOT NULL DEFAULT '[]',
    needs TEXT,
    consent_date TEXT,
    consent_method TEXT,
    notes TEXT""",
    ),
    _record_table(
        "visit",
        f"""
    start_date TEXT NOT NULL,
    end_date TEXT,
    liaison_point_id {_ref("liaison_point")} NOT NULL,
    method TEXT NOT NULL,
    attendance INTEGER,
    situation TEXT,
    opinions TEXT""",
    ),
    _record_table(
        "help_pair",
        f"""
    mode TEXT NOT NULL,
    target_kind TEXT NOT NULL,
    woman_id {_ref("woman")},
    liaison_point_id {_ref("liaison_point")},
    goals TEXT NOT NULL DEFAULT '[]',
    help_types TEXT NOT NULL DEFAULT '[]',
    start_date TEXT,
    status TEXT NOT NULL,
    notes TEXT""",
    ),
    _record_table(
        "help_log",
        f"""
    help_pair_id {_ref("help_pair")} NOT NULL,
    date TEXT NOT NULL,
    what TEXT NOT NULL,
    help_type TEXT,
    amount REAL,
    result TEXT,
    next_step TEXT,
    next_date TEXT""",
    ),
    _record_table(
        "diary",
        f"""
    date TEXT NOT NULL,
    author_id {_ref("cadre")} NOT NULL,
    liaison_point_id {_ref("liaison_point")},
    place TEXT,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    tags TEXT NOT NULL DEFAULT '[]',
    notable INTEGER NOT NULL DEFAULT 0""",
    ),
    _record_table(
        "problem",
        f"""
    raised_date TEXT NOT NULL,
    source TEXT NOT NULL,
    source_id TEXT,
    liaison_point_id {_ref("liaison_point")},
    description TEXT NOT NULL,
    category TEXT NOT NULL,
    scope TEXT,
    nature TEXT,
    disposition TEXT,
    responsible TEXT,
    deadline TEXT,
    status TEXT NOT NULL,
    resolution TEXT""",
    ),
    *_link_table("liaison_point_cadre", "liaison_point", "liaison_point_id", "cadre", "cadre_id"),
    *_link_table("visit_cadre", "visit", "visit_id", "cadre", "cadre_id"),
    *_link_table("visit_woman", "visit", "visit_id", "woman", "woman_id"),
    *_link_table("help_pair_cadre", "help_pair", "help_pair_id", "cadre", "cadre_id"),
    *_link_table("diary_woman", "diary", "diary_id", "woman", "woman_id"),
    "CREATE INDEX diary_by_date ON diary(deleted, date DESC, seq DESC)",
    "CREATE INDEX diary_author ON diary(author_id)",
    "CREATE INDEX diary_point ON diary(liaison_point_id)",
    "CREATE INDEX visit_by_date ON visit(deleted, start_date DESC, seq DESC)",
    "CREATE INDEX visit_point ON visit(liaison_point_id)",
    "CREATE INDEX woman_point ON woman(liaison_point_id)",
    "CREATE INDEX help_pair_woman ON help_pair(woman_id)",
    "CREATE INDEX help_pair_point ON help_pair(liaison_point_id)",
    "CREATE INDEX help_log_pair ON help_log(help_pair_id)",
    "CREATE INDEX help_log_next ON help_log(deleted, next_date)",
    "CREATE INDEX problem_by_deadline ON problem(deleted, deadline)",
    "CREATE INDEX problem_point ON problem(liaison_point_id)",
    """CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    hlc TEXT NOT NULL,
    device_id TEXT NOT NULL,
    cadre_id TEXT,
    record_type TEXT NOT NULL,
    record_id TEXT NOT NULL,
    action TEXT NOT NULL,
    changes TEXT NOT NULL)""",
    "CREATE INDEX audit_by_record ON audit_log(record_id)",
    """CREATE TABLE draft (
    key TEXT PRIMARY KEY,
    record_type TEXT NOT NULL,
    record_id TEXT,
    data TEXT NOT NULL,
    saved_at TEXT NOT NULL)""",
    "CREATE VIRTUAL TABLE diary_fts " + _FTS.format(columns="body, title, place, tags"),
    "CREATE VIRTUAL TABLE visit_fts " + _FTS.format(columns="situation, opinions"),
    "CREATE VIRTUAL TABLE problem_fts " + _FTS.format(columns="description, resolution"),
]

# Pickers look records up by name as the person types (sorting 20,000 women by
# name without an index cost ~8 ms a keystroke); lists sort by these dates.
MIGRATION_2: list[str] = [
    "CREATE INDEX woman_by_name ON woman(deleted, name)",
    "CREATE INDEX cadre_by_name ON cadre(deleted, name)",
    "CREATE INDEX liaison_point_by_name ON liaison_point(deleted, name)",
    "CREATE INDEX problem_by_raised ON problem(deleted, raised_date)",
    "CREATE INDEX help_log_by_date ON help_log(deleted, date)",
    "CREATE INDEX help_pair_by_start ON help_pair(deleted, start_date)",
    "CREATE INDEX diary_by_author_date ON diary(author_id, deleted, date)",
    "CREATE INDEX problem_source ON problem(source_id)",
    # Statistics let the planner prefer a selective filter (one liaison
    # point's visits) over walking the date index through 50k rows.
    "ANALYZE",
]

# Sync (bundle format 1): every synced row carries ``rev``, the sorted recent
# "stamp/device" versions it descends from (to tell a fast-forward from a
# concurrent edit), and ``sync_seq``, the local order in which rows changed or
# arrived (what a delta export sends). Conflicts travel like records.
SYNCED_TABLES_V3 = [
    "cadre", "liaison_point", "woman", "visit", "help_pair", "help_log", "diary", "problem",
    "liaison_point_cadre", "visit_cadre", "visit_woman", "help_pair_cadre", "diary_woman",
]  # fmt: skip


def _migration_3(conn: sqlite3.Connection) -> None:
    for table in SYNCED_TABLES_V3:
        conn.execute(f"ALTER TABLE {table} ADD COLUMN rev TEXT NOT NULL DEFAULT '[]'")
        conn.execute(f"ALTER TABLE {table} ADD COLUMN sync_seq INTEGER NOT NULL DEFAULT 0")
        conn.execute(f"UPDATE {table} SET rev = json_array(hlc || '/' || device_id), sync_seq = 1")
        conn.execute(f"CREATE INDEX {table}_by_sync ON {table}(sync_seq)")
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('sync_seq', '1')")
    conn.execute(
        """CREATE TABLE conflict (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    hlc TEXT NOT NULL,
    device_id TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0,
    rev TEXT NOT NULL DEFAULT '[]',
    sync_seq INTEGER NOT NULL DEFAULT 0,
    record_type TEXT NOT NULL,
    record_id TEXT NOT NULL,
    winner_version TEXT NOT NULL,
    loser_version TEXT NOT NULL,
    loser_row TEXT NOT NULL,
    detected_at TEXT NOT NULL,
    resolution TEXT)"""
    )
    conn.execute("CREATE INDEX conflict_by_sync ON conflict(sync_seq)")
    conn.execute("CREATE INDEX conflict_by_record ON conflict(record_id)")
    conn.execute(
        """CREATE TABLE bundle_log (
    bundle_id TEXT PRIMARY KEY,
    direction TEXT NOT NULL,
    device_id TEXT NOT NULL,
    destination_id TEXT,
    file_name TEXT,
    at TEXT NOT NULL,
    counts TEXT NOT NULL)"""
    )
    conn.execute(
        """CREATE TABLE destination (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    recipient TEXT,
    last_sent_seq INTEGER NOT NULL DEFAULT 0,
    last_sent_at TEXT,
    last_bundle_id TEXT)"""
    )
    conn.execute("ALTER TABLE device ADD COLUMN last_bundle_at TEXT")
    conn.execute("ALTER TABLE device ADD COLUMN bundle_count INTEGER NOT NULL DEFAULT 0")
    conn.execute("ALTER TABLE device ADD COLUMN rows_received INTEGER NOT NULL DEFAULT 0")


def _migration_4(conn: sqlite3.Connection) -> None:
    """One passphrase destination, whatever the UI language.

    Versions up to 3 named it by its translated label ("passphrase:口令",
    "passphrase:passphrase"), so switching language started a second delta mark.
    The merged destination keeps the earliest mark: sending a row twice is
    harmless (imports are idempotent), never sending it is not.
    """
    rows = conn.execute(
        "SELECT last_sent_seq, last_sent_at, last_bundle_id FROM destination WHERE kind = 'passphrase' "
        "ORDER BY last_sent_seq"
    ).fetchall()
    conn.execute("DELETE FROM destination WHERE kind = 'passphrase'")
    if rows:
        conn.execute(
            "INSERT INTO destination (id, kind, name, recipient, last_sent_seq, last_sent_at, last_bundle_id) "
            "VALUES ('passphrase', 'passphrase', 'passphrase', NULL, ?, ?, ?)",
            tuple(rows[0]),
        )


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


def _migration_5(conn: sqlite3.Connection) -> None:
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


_FTS_TABLES_V6 = ["diary_fts", "visit_fts", "problem_fts"]


def _migration_6(conn: sqlite3.Connection) -> None:
    """Deletion forgets (privacy.py): records deleted before this version lose
    their personal fields, in the row, the search index, the audit trail and
    kept conflict versions; the audit trail loses ID numbers and phones of
    every record; the search index removes deleted words for good from now on.

    Uses the record specs of this version of the app on the columns the v5
    table has, so a field added later is left alone.
    """
    from . import privacy  # the migration applies today's rule to yesterday's rows
    from . import records as r

    for table in _FTS_TABLES_V6:
        conn.execute(f"INSERT INTO {table}({table}, rank) VALUES ('secure-delete', 1)")
        conn.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")  # rewrites segments without deleted words
    for table, rtype in r.RECORD_TYPES.items():
        columns = [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
        if not columns:
            continue
        required = frozenset(row[1] for row in conn.execute(f"PRAGMA table_info({table})") if row[3])
        cursor = conn.execute(f"SELECT * FROM {table} WHERE deleted = 1")
        names = [d[0] for d in cursor.description]
        for values in cursor.fetchall():
            row = dict(zip(names, values, strict=True))
            kept = privacy.tombstone(rtype, row, required)
            if kept != row:
                changed = [c for c in kept if kept[c] != row[c]]
                conn.execute(
                    f"UPDATE {table} SET {', '.join(f'{c} = ?' for c in changed)} WHERE seq = ?",
                    [*(kept[c] for c in changed), row["seq"]],
                )
        deleted = {i for (i,) in conn.execute(f"SELECT id FROM {table} WHERE deleted = 1")}
        entries = conn.execute(
            "SELECT seq, record_id, changes FROM audit_log WHERE record_type = ? AND changes != '{}'", (table,)
        ).fetchall()
        for seq, record_id, changes_json in entries:
            changes = json.loads(changes_json)
            cleaned = (
                privacy.forgotten_changes(changes) if record_id in deleted else privacy.audit_changes(rtype, changes)
            )
            if cleaned != changes:
                conn.execute(
                    "UPDATE audit_log SET changes = ? WHERE seq = ?", (json.dumps(cleaned, ensure_ascii=False), seq)
                )
    for seq, record_type, loser_json in conn.execute("SELECT seq, record_type, loser_row FROM conflict").fetchall():
        if record_type in r.RECORD_TYPES:
            required = frozenset(row[1] for row in conn.execute(f"PRAGMA table_info({record_type})") if row[3])
            kept = privacy.forgotten_loser(record_type, loser_json, required)
            if kept != loser_json:
                conn.execute("UPDATE conflict SET loser_row = ? WHERE seq = ?", (kept, seq))
    # Statistics sampled names and ID numbers before (db.drop_value_samples does it after each analysis now).
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat4'").fetchone():
        conn.execute("DELETE FROM sqlite_stat4")
    # Finding a woman by her ID number (the duplicate check on every save).
    conn.execute("CREATE INDEX woman_by_id_number ON woman(id_number) WHERE id_number IS NOT NULL AND deleted = 0")


def _synced_table(name: str, columns: str) -> list[str]:
    """A record or link table as schema 5 and later have them: sync and ownership columns included."""
    return [
        f"CREATE TABLE {name} ({_SYNC_COLUMNS},{columns},\n    rev TEXT NOT NULL DEFAULT '[]',"
        "\n    sync_seq INTEGER NOT NULL DEFAULT 0,\n    owner_id TEXT)",
        f"CREATE INDEX {name}_by_sync ON {name}(sync_seq)",
    ]


# From problem to answer (schema 7): the federations and who is above whom,
# practical projects with their targets, referrals of a problem to a department
# and the answer, research reports as records, and the woman's own word on a
# help pair or a closed problem. Columns added to older tables are optional in
# bundles: an app of schema 6 leaves them as they are.
MIGRATION_7: list[str] = [
    *_synced_table(
        "federation",
        f"""
    name TEXT NOT NULL,
    level TEXT,
    parent_id {_ref("federation")}""",
    ),
    "CREATE INDEX federation_by_name ON federation(deleted, name)",
    *_synced_table(
        "project",
        """
    name TEXT NOT NULL,
    org TEXT NOT NULL,
    year INTEGER NOT NULL,
    target_people INTEGER,
    target_jobs INTEGER,
    target_trained INTEGER,
    target_amount REAL,
    notes TEXT""",
    ),
    "CREATE INDEX project_by_year ON project(deleted, year)",
    *_synced_table(
        "referral",
        f"""
    problem_id {_ref("problem")} NOT NULL,
    department TEXT NOT NULL,
    sent_date TEXT NOT NULL,
    note TEXT,
    due_date TEXT,
    answer_date TEXT,
    answer TEXT,
    outcome TEXT""",
    ),
    "CREATE INDEX referral_problem ON referral(problem_id)",
    "CREATE INDEX referral_by_due ON referral(deleted, due_date)",
    *_synced_table(
        "research",
        f"""
    topic TEXT NOT NULL,
    lead_id {_ref("cadre")} NOT NULL,
    org TEXT,
    deadline TEXT,
    status TEXT NOT NULL,
    submitted_date TEXT,
    draft TEXT""",
    ),
    "CREATE INDEX research_lead ON research(lead_id)",
    f"ALTER TABLE help_log ADD COLUMN project_id {_ref('project')}",
    "ALTER TABLE help_log ADD COLUMN people INTEGER",
    "ALTER TABLE help_log ADD COLUMN jobs INTEGER",
    "ALTER TABLE help_log ADD COLUMN trained INTEGER",
    "CREATE INDEX help_log_project ON help_log(project_id) WHERE project_id IS NOT NULL",
    "ALTER TABLE help_pair ADD COLUMN feedback TEXT",
    "ALTER TABLE help_pair ADD COLUMN feedback_note TEXT",
    "ALTER TABLE problem ADD COLUMN explained_date TEXT",
    "ALTER TABLE problem ADD COLUMN explanation TEXT",
    "ALTER TABLE problem ADD COLUMN feedback TEXT",
    "ALTER TABLE problem ADD COLUMN feedback_note TEXT",
]
# Columns a bundle from an app of schema 6 does not carry: the receiver keeps its own value.
ADDED_IN_7: dict[str, frozenset[str]] = {
    "help_log": frozenset({"project_id", "people", "jobs", "trained"}),
    "help_pair": frozenset({"feedback", "feedback_note"}),
    "problem": frozenset({"explained_date", "explanation", "feedback", "feedback_note"}),
}


Migration = list[str] | Callable[[sqlite3.Connection], None]
MIGRATIONS: list[Migration] = [
    MIGRATION_1,
    MIGRATION_2,
    _migration_3,
    _migration_4,
    _migration_5,
    _migration_6,
    MIGRATION_7,
]
LATEST = len(MIGRATIONS)


def user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def refuse_if_newer(conn: sqlite3.Connection, path: str) -> int:
    found = user_version(conn)
    if found > len(MIGRATIONS):
        raise SchemaTooNew(msg.SCHEMA_TOO_NEW.format(path=path, found=found, supported=len(MIGRATIONS)))
    return found


def apply(conn: sqlite3.Connection, path: str, upto: int | None = None) -> list[int]:
    """Apply pending migrations; returns the numbers applied."""
    upto = LATEST if upto is None else upto
    applied = []
    current = refuse_if_newer(conn, path)
    for number in range(current + 1, upto + 1):
        migration = MIGRATIONS[number - 1]
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Re-read inside the write lock: another process may have migrated.
            if user_version(conn) >= number:
                if conn.in_transaction:  # SQLite may already have rolled back (disk full)
                    conn.execute("ROLLBACK")
                continue
            if callable(migration):
                migration(conn)
            else:
                for statement in migration:
                    conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:  # SQLite may already have rolled back (disk full)
                conn.execute("ROLLBACK")
            raise
        applied.append(number)
    return applied
