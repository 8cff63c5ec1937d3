"""Chinese substring search on FTS5 with one token per character.

A trigram index is about 3.7× the text and cannot find one- or two-character
words. Instead the core writes every letter or digit as its own token ("留守妇女"
→ "留 守 妇 女") into contentless FTS5 tables, and a query becomes a phrase of
the same tokens, which FTS5 matches only at consecutive positions: exactly a
substring. The index stores positions, not text, so it stays smaller than the
text it indexes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .engine import sqlite3
from .records import RecordType


def tokens(text: str) -> list[str]:
    return [ch for ch in text.lower() if ch.isalnum()]


def spaced(text: str | None) -> str:
    if not text:
        return ""
    return " ".join(tokens(text))


def field_text(value: object) -> str:
    if isinstance(value, list):
        return " ".join(str(v) for v in value)
    return "" if value is None else str(value)


def match_expression(query: str) -> str | None:
    """FTS5 MATCH text: one phrase per space-separated word, all required."""
    phrases = []
    for word in query.split():
        chars = tokens(word)
        if chars:
            phrases.append('"' + " ".join(chars) + '"')
    return " AND ".join(phrases) if phrases else None


def fts_table(rtype: RecordType) -> str:
    return f"{rtype.name}_fts"


def _values(rtype: RecordType, record: Mapping[str, object]) -> list[str]:
    return [spaced(field_text(record.get(name))) for name in rtype.search_fields]


def index_many(conn: sqlite3.Connection, rtype: RecordType, rows: Iterable[tuple[int, Mapping[str, object]]]) -> None:
    """Add the text of records (by local row number) to the index."""
    cols = ", ".join(rtype.search_fields)
    marks = ", ".join("?" * len(rtype.search_fields))
    conn.executemany(
        f"INSERT INTO {fts_table(rtype)}(rowid, {cols}) VALUES (?, {marks})",
        [(seq, *_values(rtype, record)) for seq, record in rows],
    )


def unindex(conn: sqlite3.Connection, rtype: RecordType, seq: int, record: Mapping[str, object]) -> None:
    # Contentless tables forget the text, so removal must repeat exactly what
    # was indexed: the old record's values.
    table = fts_table(rtype)
    cols = ", ".join(rtype.search_fields)
    marks = ", ".join("?" * len(rtype.search_fields))
    conn.execute(
        f"INSERT INTO {table}({table}, rowid, {cols}) VALUES ('delete', ?, {marks})",
        [seq, *_values(rtype, record)],
    )


def search_seqs(conn: sqlite3.Connection, rtype: RecordType, query: str, limit: int | None = None) -> list[int]:
    """Local row numbers of live matching records, newest row first."""
    expression = match_expression(query)
    if expression is None:
        return []
    sql = f"SELECT rowid FROM {fts_table(rtype)} WHERE {fts_table(rtype)} MATCH ? ORDER BY rowid DESC"
    params: list[object] = [expression]
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return [row[0] for row in conn.execute(sql, params)]


def snippet(text: str | None, query: str, width: int = 40) -> str:
    """A short excerpt around the first hit, for result lists."""
    if not text:
        return ""
    flat = " ".join(text.split())
    words = [w for w in query.split() if w]
    position = -1
    lowered = flat.lower()
    for word in words:
        position = lowered.find(word.lower())
        if position >= 0:
            break
    if position < 0:
        return flat[:width] + ("…" if len(flat) > width else "")
    start = max(0, position - width // 3)
    excerpt = flat[start : start + width]
    return ("…" if start else "") + excerpt + ("…" if start + width < len(flat) else "")


def rebuild(conn: sqlite3.Connection, rtypes: Iterable[RecordType]) -> None:
    """Re-create the index from the records (after a repair or an import)."""
    for rtype in rtypes:
        table = fts_table(rtype)
        conn.execute(f"INSERT INTO {table}({table}) VALUES ('delete-all')")
        cols = ", ".join(rtype.search_fields)
        marks = ", ".join("?" * len(rtype.search_fields))
        last = 0
        while True:
            # Read a chunk fully before writing: interleaving a live cursor with
            # FTS inserts on one connection is several times slower.
            rows = conn.execute(
                f"SELECT seq, {cols} FROM {rtype.name} WHERE deleted = 0 AND seq > ? ORDER BY seq LIMIT 5000", (last,)
            ).fetchall()
            if not rows:
                break
            last = rows[-1][0]
            conn.executemany(
                f"INSERT INTO {table}(rowid, {cols}) VALUES (?, {marks})",
                [(row[0], *(spaced(field_text(v)) for v in row[1:])) for row in rows],
            )
