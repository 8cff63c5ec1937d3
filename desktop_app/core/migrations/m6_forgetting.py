"""Schema 6: deletion forgets."""

from __future__ import annotations

import json

from ..engine import sqlite3

FTS_TABLES_V6 = ["diary_fts", "visit_fts", "problem_fts"]


def migration_6(conn: sqlite3.Connection) -> None:
    """Deletion forgets (privacy.py): records deleted before this version lose
    their personal fields, in the row, the search index, the audit trail and
    kept conflict versions; the audit trail loses ID numbers and phones of
    every record; the search index removes deleted words for good from now on.

    Uses the record specs of this version of the app on the columns the v5
    table has, so a field added later is left alone.
    """
    from .. import privacy  # the migration applies today's rule to yesterday's rows
    from .. import records as r

    for table in FTS_TABLES_V6:
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
