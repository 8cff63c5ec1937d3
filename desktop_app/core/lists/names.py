"""Looking records up by name for pickers, and labels for ids shown on screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import records as r

if TYPE_CHECKING:
    from ..store import Store


def lookup(store: Store, kind: str, text: str, limit: int = 30) -> list[tuple[str, str]]:
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
    return [(row[0], row[1]) for row in store.conn.execute(sql, params)]


def labels(store: Store, kind: str, ids: list[str]) -> dict[str, str]:
    if not ids:
        return {}
    r.record_type(kind)
    marks = ", ".join("?" * len(ids))
    rows = store.conn.execute(f"SELECT id, {_label_sql(kind)} FROM {kind} WHERE id IN ({marks})", ids)
    return {row[0]: row[1] for row in rows}


def _label_sql(kind: str) -> str:
    if kind == "woman":
        return "name || coalesce('（' || address || '）', '')"
    if kind == "cadre":
        return "name || coalesce('（' || position || '）', '')"
    return r.record_type(kind).title_field
