"""Rows for list views and pickers: only what a screen shows, a page at a time."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from . import records as r
from . import search


@dataclass(frozen=True)
class DiaryRow:
    seq: int
    id: str
    date: str
    place: str
    title: str
    snippet: str


SNIPPET_CHARS = 60


def diary_list_page(conn: sqlite3.Connection, after: tuple[str, int] | None, limit: int) -> list[tuple[int, str]]:
    """(seq, date) of live diaries, newest date first, continuing after ``after``.

    Keyset paging on the (deleted, date, seq) index: every page costs the same,
    however deep in 100k rows it starts.
    """
    if after is None:
        rows = conn.execute(
            "SELECT seq, date FROM diary WHERE deleted = 0 ORDER BY date DESC, seq DESC LIMIT ?", (limit,)
        )
    else:
        rows = conn.execute(
            "SELECT seq, date FROM diary WHERE deleted = 0 AND (date < ?1 OR (date = ?1 AND seq < ?2)) "
            "ORDER BY date DESC, seq DESC LIMIT ?3",
            (after[0], after[1], limit),
        )
    return [(row[0], row[1]) for row in rows]


def diary_search_page(conn: sqlite3.Connection, query: str, before_seq: int | None, limit: int) -> list[int]:
    """One page of matches, newest first, continuing below ``before_seq``."""
    expression = search.match_expression(query)
    if expression is None:
        return []
    sql = "SELECT rowid FROM diary_fts WHERE diary_fts MATCH ?"
    params: list[object] = [expression]
    if before_seq is not None:
        sql += " AND rowid < ?"
        params.append(before_seq)
    sql += " ORDER BY rowid DESC LIMIT ?"
    params.append(limit)
    return [row[0] for row in conn.execute(sql, params)]


def diary_rows(conn: sqlite3.Connection, seqs: list[int], query: str = "") -> dict[int, DiaryRow]:
    found: dict[int, DiaryRow] = {}
    for start in range(0, len(seqs), 500):
        chunk = seqs[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        body = "d.body" if query else f"substr(d.body, 1, {SNIPPET_CHARS + 1})"
        sql = (
            f"SELECT d.seq, d.id, d.date, coalesce(nullif(d.place, ''), p.name, '') AS place, d.title, {body} "
            f"FROM diary d LEFT JOIN liaison_point p ON p.id = d.liaison_point_id WHERE d.seq IN ({marks})"
        )
        for row in conn.execute(sql, chunk):
            found[row[0]] = DiaryRow(
                row[0], row[1], row[2], row[3], row[4], search.snippet(row[5], query, SNIPPET_CHARS)
            )
    return found


def lookup(conn: sqlite3.Connection, kind: str, text: str, limit: int = 30) -> list[tuple[str, str]]:
    """(id, label) of live records whose name contains ``text``, for pickers."""
    rtype = r.record_type(kind)
    column = rtype.title_field
    label_sql = _label_sql(kind)
    sql = f"SELECT id, {label_sql} FROM {kind} WHERE deleted = 0"  # (deleted, name) index
    params: list[object] = []
    if text.strip():
        sql += f" AND {column} LIKE ? ESCAPE '\\'"
        params.append("%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
    sql += f" ORDER BY {column} LIMIT ?"
    params.append(limit)
    return [(row[0], row[1]) for row in conn.execute(sql, params)]


def labels(conn: sqlite3.Connection, kind: str, ids: list[str]) -> dict[str, str]:
    if not ids:
        return {}
    r.record_type(kind)
    marks = ", ".join("?" * len(ids))
    rows = conn.execute(f"SELECT id, {_label_sql(kind)} FROM {kind} WHERE id IN ({marks})", ids)
    return {row[0]: row[1] for row in rows}


def _label_sql(kind: str) -> str:
    if kind == "woman":
        return "name || coalesce('（' || address || '）', '')"
    if kind == "cadre":
        return "name || coalesce('（' || position || '）', '')"
    return r.record_type(kind).title_field
