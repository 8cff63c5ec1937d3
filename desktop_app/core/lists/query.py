"""Sorted, filtered, paged lists of any record type, for table views.

A ``ListSpec`` names a type's columns as SQL over ``t`` (the record) and its
joins. ``ListQuery`` turns a spec, filters and a sort into pages of row numbers
(keyset paging on (sort key, seq), so a page deep in 100k rows costs what the
first does) and into display rows for just the row numbers a view shows.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from .. import idcard, phones, search
from .. import records as r
from ..enums import ChoiceSet
from ..i18n import join, pick

if TYPE_CHECKING:
    from ..store import Store

# Column display kinds
PLAIN = "plain"
CHOICE = "choice"
CHOICES = "choices"
MASKED_ID = "masked_id"
MASKED_PHONE = "masked_phone"
SNIPPET = "snippet"
NUMBER = "number"


@dataclass(frozen=True)
class Column:
    key: str
    zh: str
    en: str
    sql: str
    display: str = PLAIN
    choices: ChoiceSet | None = None
    width: int = 110
    not_null: bool = False  # sort on the bare column so its index can serve

    @property
    def label(self) -> str:
        return pick(self.zh, self.en)

    @property
    def sort_sql(self) -> str:
        return self.sql if self.not_null else f"coalesce({self.sql}, '')"


@dataclass(frozen=True)
class ListSpec:
    kind: str
    columns: tuple[Column, ...]
    default_sort: str
    default_descending: bool = True
    joins: str = ""
    date_sql: str | None = None  # the date the date-range filter applies to
    point_sql: str | None = "t.liaison_point_id"
    group_sql: str | None = None  # JSON array of woman groups
    status_sql: str | None = None
    status_choices: ChoiceSet | None = None
    name_search_sql: str | None = None  # LIKE search where there is no FTS index

    def column(self, key: str) -> Column:
        for c in self.columns:
            if c.key == key:
                return c
        raise KeyError(key)

    @property
    def has_fts(self) -> bool:
        return bool(r.RECORD_TYPES[self.kind].search_fields)


@dataclass(frozen=True)
class Filters:
    text: str = ""
    liaison_point_id: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    group: str | None = None
    status: str | None = None
    extra: tuple[tuple[str, tuple[Any, ...]], ...] = field(default=())  # (sql, params): related lists


SNIPPET_CHARS = 60
_JOINED = re.compile(r"\b[a-su-z]\.")  # an alias other than t.


class ListQuery:
    def __init__(
        self,
        spec: ListSpec,
        filters: Filters | None = None,
        sort: str | None = None,
        descending: bool | None = None,
        chosen: bool = False,
    ):
        self.spec = spec
        self.filters = filters or Filters()
        self.sort = sort or spec.default_sort
        self.descending = spec.default_descending if descending is None else descending
        self.chosen = chosen  # the person picked this order (clicked a column header)
        self._fts_match = search.match_expression(self.filters.text) if spec.has_fts else None
        # A text query in no chosen order walks the FTS index, newest entry
        # first: the first page of "妇" among 100k diaries costs < 5 ms, where
        # sorting all matches by date costs up to 200 ms. The list says so
        # (no column is marked as sorted); a click on a header sorts by it.
        self.in_entry_order = self._fts_match is not None and not chosen

    def with_filters(self, filters: Filters) -> ListQuery:
        return ListQuery(self.spec, filters, self.sort, self.descending, self.chosen)

    def sorted_by(self, sort: str, descending: bool) -> ListQuery:
        return ListQuery(self.spec, self.filters, sort, descending, chosen=True)

    def _where(self) -> tuple[list[str], list[Any]]:
        spec, f = self.spec, self.filters
        clauses, params = ["t.deleted = 0"], []
        if f.liaison_point_id and spec.point_sql:
            clauses.append(f"{spec.point_sql} = ?")
            params.append(f.liaison_point_id)
        if f.date_from and spec.date_sql:
            clauses.append(f"{spec.date_sql} >= ?")
            params.append(f.date_from)
        if f.date_to and spec.date_sql:
            clauses.append(f"{spec.date_sql} <= ?")
            params.append(f.date_to)
        if f.group and spec.group_sql:
            clauses.append(f"EXISTS (SELECT 1 FROM json_each({spec.group_sql}) WHERE value = ?)")
            params.append(f.group)
        if f.status and spec.status_sql:
            clauses.append(f"{spec.status_sql} = ?")
            params.append(f.status)
        for sql, values in f.extra:
            clauses.append(f"({sql})")
            params.extend(values)
        if f.text.strip() and not spec.has_fts and spec.name_search_sql:
            for word in f.text.split():
                clauses.append(f"({spec.name_search_sql}) LIKE ? ESCAPE '\\'")
                params.append("%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
        if self._fts_match is not None and not self.in_entry_order:
            clauses.append(f"t.seq IN (SELECT rowid FROM {self.spec.kind}_fts WHERE {self.spec.kind}_fts MATCH ?)")
            params.append(self._fts_match)
        return clauses, params

    def _sort_sql(self) -> str:
        return self.spec.column(self.sort).sort_sql

    def _joins(self, *sql: str) -> str:
        """The spec's joins, only when the query refers to a joined table."""
        return self.spec.joins if _JOINED.search(" ".join(sql)) else ""

    def page(self, store: Store, after: tuple[Any, int] | None, limit: int) -> list[tuple[int, Any]]:
        """(seq, sort key) of the next ``limit`` rows after ``after``."""
        conn = store.conn
        clauses, params = self._where()
        kind = self.spec.kind
        where = " AND ".join(clauses)
        if self.in_entry_order:
            sql = (
                f"SELECT t.seq, t.seq FROM {kind}_fts f JOIN {kind} t ON t.seq = f.rowid {self._joins(where)} "
                f"WHERE {kind}_fts MATCH ? AND {where}"
            )
            params = [self._fts_match, *params]
            if after is not None:
                sql += " AND f.rowid < ?"
                params.append(after[1])
            sql += " ORDER BY f.rowid DESC LIMIT ?"
            params.append(limit)
            return [(row[0], row[1]) for row in conn.execute(sql, params)]
        key = self._sort_sql()
        op, direction = ("<", "DESC") if self.descending else (">", "ASC")
        if after is not None:
            # A row-value comparison lets SQLite seek in the (key, seq) order.
            clauses.append(f"({key}, t.seq) {op} (?, ?)")
            params += [after[0], after[1]]
        where = " AND ".join(clauses)
        sql = (
            f"SELECT t.seq, {key} FROM {kind} t {self._joins(where, key)} WHERE {where} "
            f"ORDER BY {key} {direction}, t.seq {direction} LIMIT ?"
        )
        params.append(limit)
        return [(row[0], row[1]) for row in conn.execute(sql, params)]

    def count(self, store: Store, cap: int | None = None) -> int:
        """Matching rows; with ``cap``, stops counting at ``cap`` (shown as "N+")."""
        clauses, params = self._where()
        kind = self.spec.kind
        if self.in_entry_order:
            clauses.append(f"t.seq IN (SELECT rowid FROM {kind}_fts WHERE {kind}_fts MATCH ?)")
            params.append(self._fts_match)
        where = " AND ".join(clauses)
        inner = f"SELECT 1 FROM {kind} t {self._joins(where)} WHERE {where}"
        if cap is not None:
            inner += f" LIMIT {int(cap)}"
        return int(store.conn.execute(f"SELECT count(*) FROM ({inner})", params).fetchone()[0])

    def rows(self, store: Store, seqs: list[int]) -> dict[int, dict[str, Any]]:
        """Display rows (already masked, labelled, cut to snippets) for ``seqs``."""
        found: dict[int, dict[str, Any]] = {}
        columns = self.spec.columns
        select = ", ".join(
            (f"substr({c.sql}, 1, {SNIPPET_CHARS + 1})" if c.display == SNIPPET and not self.filters.text else c.sql)
            for c in columns
        )
        for start in range(0, len(seqs), 500):
            chunk = seqs[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            sql = f"SELECT t.seq, t.id, {select} FROM {self.spec.kind} t {self.spec.joins} WHERE t.seq IN ({marks})"
            for row in store.conn.execute(sql, chunk):
                values = {"id": row[1]}
                for column, value in zip(columns, row[2:], strict=True):
                    values[column.key] = display_value(column, value, self.filters.text)
                found[row[0]] = values
        return found


def display_value(column: Column, value: Any, query: str = "") -> Any:
    if value is None or value == "":
        return ""
    if column.display == CHOICE and column.choices is not None:
        return column.choices.label(str(value), "en" if pick("zh", "en") == "en" else "zh")
    if column.display == CHOICES and column.choices is not None:
        codes = json.loads(value) if isinstance(value, str) else value
        lang = "en" if pick("zh", "en") == "en" else "zh"
        return join(column.choices.label(code, lang) for code in codes)
    if column.display == MASKED_ID:
        return idcard.mask(str(value))
    if column.display == MASKED_PHONE:
        return phones.mask(str(value))
    if column.display == SNIPPET:
        return search.snippet(str(value), query, SNIPPET_CHARS)
    return value


def with_text(query: ListQuery, text: str) -> ListQuery:
    return query.with_filters(replace(query.filters, text=text))
