"""Looking records up by name for pickers, and labels for ids shown on screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import records as r
from ..i18n import pick

if TYPE_CHECKING:
    from ..store import Store


def lookup(store: Store, kind: str, text: str, limit: int = 30) -> list[tuple[str, str]]:
    """(id, label) of live records whose name (a project's: name and year) contains ``text``, for pickers."""
    rtype = r.record_type(kind)
    column = rtype.title_field
    label_sql = _label_sql(kind)
    sql = f"SELECT id, {label_sql} FROM {kind} WHERE deleted = 0"  # (deleted, name) index
    params: list[object] = []
    if text.strip():
        # A project's label names its year, and the picker searches what it shows (its own label
        # typed back must find the record); women and cadres are searched by name alone: a label
        # built for each of 20,000 women made a keystroke that matches nothing 10× slower.
        searched = label_sql if kind == "project" else column
        sql += f" AND {searched} LIKE ? ESCAPE '\\'"
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
    if kind == "project":  # the same project runs every year: say which
        return "name || '（' || year || '）'"
    if kind == "help_pair":  # whom it helps, as its list shows (its date alone, often unset, says nothing)
        return (
            "coalesce((SELECT name FROM woman WHERE id = help_pair.woman_id),"
            " (SELECT name FROM liaison_point WHERE id = help_pair.liaison_point_id), '')"
            " || coalesce('（' || start_date || '）', '')"
        )
    return r.record_type(kind).title_field


def open_choices(store: Store, kind: str, field_name: str) -> list[tuple[str, str]]:
    """(stored value, label) an open-choice field offers: its list, then every other
    value used in live records (what a federation added by typing it)."""
    f = r.record_type(kind).field(field_name)
    assert f.choices is not None and f.kind == r.OPEN_CHOICE
    lang = "en" if pick("zh", "en") == "en" else "zh"
    offered = [(c.code, c.en if lang == "en" else c.zh) for c in f.choices]
    used = store.conn.execute(
        f"SELECT DISTINCT {field_name} FROM {kind} WHERE deleted = 0 AND {field_name} IS NOT NULL ORDER BY 1"
    )
    offered += [(str(v), str(v)) for (v,) in used if v not in f.choices]
    return offered
