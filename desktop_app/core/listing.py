"""Sorted, filtered, paged lists of any record type, for table views.

A ``ListSpec`` names a type's columns as SQL over ``t`` (the record) and its
joins. ``ListQuery`` turns a spec, filters and a sort into pages of row numbers
(keyset paging on (sort key, seq), so a page deep in 100k rows costs what the
first does) and into display rows for just the row numbers a view shows.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field, replace
from typing import Any

from . import enums, idcard, phones, search
from . import records as r
from .enums import ChoiceSet
from .i18n import pick

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


def _point_name(alias: str = "p") -> str:
    return f"LEFT JOIN liaison_point {alias} ON {alias}.id = t.liaison_point_id"


SPECS: dict[str, ListSpec] = {
    "diary": ListSpec(
        "diary",
        (
            Column("date", "日期", "Date", "t.date", width=92, not_null=True),
            Column("place", "地点", "Place", "coalesce(nullif(t.place, ''), p.name, '')"),
            Column("title", "标题", "Title", "t.title", width=200),
            Column("snippet", "摘要", "Excerpt", "t.body", SNIPPET, width=260),
        ),
        default_sort="date",
        joins=_point_name(),
        date_sql="t.date",
    ),
    "visit": ListSpec(
        "visit",
        (
            Column("start_date", "日期", "Date", "t.start_date", width=92, not_null=True),
            Column("end_date", "结束", "End", "coalesce(t.end_date, '')", width=92),
            Column("point", "联系点", "Liaison point", "p.name", width=170),
            Column("method", "方式", "Method", "t.method", CHOICE, enums.VISIT_METHOD),
            Column("attendance", "人数", "People", "t.attendance", NUMBER, width=60),
            Column("situation", "了解情况", "Situation", "t.situation", SNIPPET, width=260),
        ),
        default_sort="start_date",
        joins=_point_name(),
        date_sql="t.start_date",
    ),
    "woman": ListSpec(
        "woman",
        (
            Column("name", "姓名", "Name", "t.name", width=90, not_null=True),
            Column("id_number", "身份证号", "ID number", "t.id_number", MASKED_ID, width=150),
            Column("phone", "电话", "Phone", "t.phone", MASKED_PHONE, width=110),
            Column("point", "联系点", "Liaison point", "p.name", width=170),
            Column("groups", "群体", "Groups", "t.groups", CHOICES, enums.WOMAN_GROUP, width=160),
            Column("needs", "需求", "Needs", "t.needs", SNIPPET, width=220),
        ),
        default_sort="name",
        default_descending=False,
        joins=_point_name(),
        date_sql="t.consent_date",
        group_sql="t.groups",
        name_search_sql="t.name || ' ' || coalesce(t.address, '') || ' ' || coalesce(t.needs, '')",
    ),
    "liaison_point": ListSpec(
        "liaison_point",
        (
            Column("name", "名称", "Name", "t.name", width=190, not_null=True),
            Column("kind", "类型", "Kind", "t.kind", CHOICE, enums.LIAISON_POINT_KIND, width=150),
            Column("region", "地区", "Region", "coalesce(t.region, '')", width=160),
            Column("contact_name", "联系人", "Contact", "coalesce(t.contact_name, '')", width=80),
            Column("focus", "重点关注", "Focus", "t.focus", CHOICES, enums.LIAISON_POINT_FOCUS, width=200),
        ),
        default_sort="name",
        default_descending=False,
        point_sql="t.id",
        status_sql="t.kind",
        status_choices=enums.LIAISON_POINT_KIND,
        name_search_sql="t.name || ' ' || coalesce(t.region, '') || ' ' || coalesce(t.address, '')",
    ),
    "help_pair": ListSpec(
        "help_pair",
        (
            Column("start_date", "结对日期", "Paired on", "coalesce(t.start_date, '')", width=92),
            Column("target", "帮扶对象", "Helped", "coalesce(w.name, p.name, '')", width=150),
            Column("mode", "方式", "Pairing", "t.mode", CHOICE, enums.HELP_MODE, width=70),
            Column("target_kind", "对象类型", "Target", "t.target_kind", CHOICE, enums.HELP_TARGET),
            Column("help_types", "帮扶类型", "Help types", "t.help_types", CHOICES, enums.HELP_TYPE, width=150),
            Column("status", "状态", "Status", "t.status", CHOICE, enums.HELP_PAIR_STATUS, width=70),
        ),
        default_sort="start_date",
        joins="LEFT JOIN woman w ON w.id = t.woman_id " + _point_name(),
        date_sql="t.start_date",
        point_sql="coalesce(w.liaison_point_id, t.liaison_point_id)",
        status_sql="t.status",
        status_choices=enums.HELP_PAIR_STATUS,
        name_search_sql="coalesce(w.name, p.name, '') || ' ' || coalesce(t.notes, '')",
    ),
    "problem": ListSpec(
        "problem",
        (
            Column("raised_date", "发现日期", "Raised", "t.raised_date", width=92, not_null=True),
            Column("category", "类别", "Category", "t.category", CHOICE, enums.PROBLEM_CATEGORY, width=100),
            Column("description", "问题描述", "Description", "t.description", SNIPPET, width=240),
            Column("scope", "范围", "Scope", "coalesce(t.scope, '')", CHOICE, enums.PROBLEM_SCOPE, width=80),
            Column(
                "disposition",
                "处置",
                "Disposition",
                "coalesce(t.disposition, '')",
                CHOICE,
                enums.PROBLEM_DISPOSITION,
                width=70,
            ),
            Column("responsible", "责任人", "Responsible", "coalesce(t.responsible, '')", width=70),
            Column("deadline", "时限", "Deadline", "coalesce(t.deadline, '')", width=92),
            Column("status", "状态", "Status", "t.status", CHOICE, enums.PROBLEM_STATUS, width=70),
        ),
        default_sort="raised_date",
        joins=_point_name(),
        date_sql="t.raised_date",
        status_sql="t.status",
        status_choices=enums.PROBLEM_STATUS,
    ),
    "cadre": ListSpec(
        "cadre",
        (
            Column("name", "姓名", "Name", "t.name", width=90, not_null=True),
            Column("position", "职务", "Position", "coalesce(t.position, '')", width=140),
            Column("org", "所在妇联", "Federation", "t.org", width=200),
            Column("mobile", "手机", "Mobile", "t.mobile", MASKED_PHONE),
        ),
        default_sort="name",
        default_descending=False,
        point_sql=None,
        name_search_sql="t.name || ' ' || coalesce(t.position, '')",
    ),
    "help_log": ListSpec(
        "help_log",
        (
            Column("date", "日期", "Date", "t.date", width=92, not_null=True),
            Column("what", "帮扶内容", "What was done", "t.what", width=200),
            Column("help_type", "类型", "Type", "coalesce(t.help_type, '')", CHOICE, enums.HELP_TYPE, width=60),
            Column("amount", "金额", "Amount", "t.amount", NUMBER, width=70),
            Column("result", "成效", "Result", "coalesce(t.result, '')", width=140),
            Column("next_step", "下一步", "Next step", "coalesce(t.next_step, '')", width=140),
            Column("next_date", "下次日期", "Next date", "coalesce(t.next_date, '')", width=92),
        ),
        default_sort="date",
        point_sql=None,
        date_sql="t.date",
        name_search_sql="t.what || ' ' || coalesce(t.result, '')",
    ),
}

SNIPPET_CHARS = 60
_JOINED = re.compile(r"\b[a-su-z]\.")  # an alias other than t.


class ListQuery:
    def __init__(
        self,
        spec: ListSpec,
        filters: Filters | None = None,
        sort: str | None = None,
        descending: bool | None = None,
    ):
        self.spec = spec
        self.filters = filters or Filters()
        self.sort = sort or spec.default_sort
        self.descending = spec.default_descending if descending is None else descending
        self._fts_match = search.match_expression(self.filters.text) if spec.has_fts else None
        # With a text query and the default order, walk the FTS index newest
        # first: the first page of "妇" among 100k diaries costs < 1 ms.
        self._by_fts = self._fts_match is not None and self.sort == spec.default_sort and self.descending

    def with_filters(self, filters: Filters) -> ListQuery:
        return ListQuery(self.spec, filters, self.sort, self.descending)

    def sorted_by(self, sort: str, descending: bool) -> ListQuery:
        return ListQuery(self.spec, self.filters, sort, descending)

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
        if self._fts_match is not None and not self._by_fts:
            clauses.append(f"t.seq IN (SELECT rowid FROM {self.spec.kind}_fts WHERE {self.spec.kind}_fts MATCH ?)")
            params.append(self._fts_match)
        return clauses, params

    def _sort_sql(self) -> str:
        return self.spec.column(self.sort).sort_sql

    def _joins(self, *sql: str) -> str:
        """The spec's joins, only when the query refers to a joined table."""
        return self.spec.joins if _JOINED.search(" ".join(sql)) else ""

    def page(self, conn: sqlite3.Connection, after: tuple[Any, int] | None, limit: int) -> list[tuple[int, Any]]:
        """(seq, sort key) of the next ``limit`` rows after ``after``."""
        clauses, params = self._where()
        kind = self.spec.kind
        where = " AND ".join(clauses)
        if self._by_fts:
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

    def count(self, conn: sqlite3.Connection, cap: int | None = None) -> int:
        """Matching rows; with ``cap``, stops counting at ``cap`` (shown as "N+")."""
        clauses, params = self._where()
        kind = self.spec.kind
        if self._by_fts:
            clauses.append(f"t.seq IN (SELECT rowid FROM {kind}_fts WHERE {kind}_fts MATCH ?)")
            params.append(self._fts_match)
        where = " AND ".join(clauses)
        inner = f"SELECT 1 FROM {kind} t {self._joins(where)} WHERE {where}"
        if cap is not None:
            inner += f" LIMIT {int(cap)}"
        return int(conn.execute(f"SELECT count(*) FROM ({inner})", params).fetchone()[0])

    def rows(self, conn: sqlite3.Connection, seqs: list[int]) -> dict[int, dict[str, Any]]:
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
            for row in conn.execute(sql, chunk):
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
        import json

        codes = json.loads(value) if isinstance(value, str) else value
        lang = "en" if pick("zh", "en") == "en" else "zh"
        return "、".join(column.choices.label(code, lang) for code in codes)
    if column.display == MASKED_ID:
        return idcard.mask(str(value))
    if column.display == MASKED_PHONE:
        return phones.mask(str(value))
    if column.display == SNIPPET:
        return search.snippet(str(value), query, SNIPPET_CHARS)
    return value


# For each record type, the lists of other types that belong to one of its
# records: (list kind, SQL over t with ? for the record's id, how many ?).
RELATED: dict[str, list[tuple[str, str, int]]] = {
    "liaison_point": [
        ("visit", "t.liaison_point_id = ?", 1),
        ("woman", "t.liaison_point_id = ?", 1),
        ("help_pair", "coalesce(w.liaison_point_id, t.liaison_point_id) = ?", 1),
        ("problem", "t.liaison_point_id = ?", 1),
    ],
    "woman": [
        ("help_pair", "t.woman_id = ?", 1),
        ("help_log", "t.help_pair_id IN (SELECT id FROM help_pair WHERE woman_id = ? AND deleted = 0)", 1),
        ("visit", "t.id IN (SELECT visit_id FROM visit_woman WHERE woman_id = ? AND deleted = 0)", 1),
        (
            "problem",
            "t.source_id IN (SELECT visit_id FROM visit_woman WHERE woman_id = ? AND deleted = 0) "
            "OR t.source_id IN (SELECT id FROM help_pair WHERE woman_id = ? AND deleted = 0)",
            2,
        ),
    ],
    "help_pair": [("help_log", "t.help_pair_id = ?", 1)],
    "visit": [("problem", "t.source = 'visit' AND t.source_id = ?", 1)],
}


def related(spec_kind: str, sql: str, record_id: str, placeholders: int = 1) -> ListQuery:
    """A list of one type restricted to rows related to another record."""
    return ListQuery(SPECS[spec_kind], Filters(extra=((sql, (record_id,) * placeholders),)))


def with_text(query: ListQuery, text: str) -> ListQuery:
    return query.with_filters(replace(query.filters, text=text))
