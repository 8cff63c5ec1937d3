"""Table model over any record type: row numbers plus a bounded row cache.

Rows arrive a page at a time through ``fetchMore`` (keyset paging in the core),
so a list of 100k diaries or 50k visits shows its first rows at once and Python
never holds more than the row numbers scrolled past and a window of rows.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ...core.lists.query import NUMBER, Filters, ListQuery, ListSpec
from ...core.store import Store

Index = QModelIndex | QPersistentModelIndex
PAGE = 300
WINDOW = 60  # two screens of rows at 1366x768: on an encrypted file each row read is a page to decrypt
CACHE_LIMIT = 5000
COUNT_CAP = 1_000_000  # exact for any county; the cap only bounds a pathological count
ID_ROLE = Qt.ItemDataRole.UserRole


class RecordListModel(QAbstractTableModel):
    def __init__(self, store: Store, query: ListQuery | ListSpec, parent: Any = None):
        super().__init__(parent)
        self._store = store
        self._query = query if isinstance(query, ListQuery) else ListQuery(query)
        self._seqs: list[int] = []
        self._last_key: Any = None
        self._cache: dict[int, dict[str, Any]] = {}
        self._more = False
        self._resetting = False
        self.reload()

    # -- what is shown ------------------------------------------------------

    @property
    def spec(self) -> ListSpec:
        return self._query.spec

    @property
    def list_query(self) -> ListQuery:
        return self._query

    @property
    def query(self) -> str:
        return self._query.filters.text.strip()

    def set_list_query(self, query: ListQuery) -> None:
        self._query = query
        self.reload()

    def set_filters(self, filters: Filters) -> None:
        self.set_list_query(self._query.with_filters(filters))

    def set_query(self, text: str) -> None:
        self.set_filters(replace(self._query.filters, text=text))

    def reload(self) -> None:
        # Views (and Qt's model tester) may ask for more rows from inside the
        # reset signal; fetching then would nest an insert inside the reset.
        self._resetting = True
        self.beginResetModel()
        self._cache.clear()
        self._seqs = []
        self._last_key = None
        self._seqs = self._next_page()
        self.endResetModel()
        self._resetting = False

    def _next_page(self) -> list[int]:
        after = (self._last_key, self._seqs[-1]) if self._seqs else None
        page = self._query.page(self._store, after, PAGE)
        self._more = len(page) == PAGE
        if page:
            self._last_key = page[-1][1]
        return [seq for seq, _key in page]

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more and not self._resetting

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self._more or self._resetting:
            return
        page = self._next_page()
        if page:
            self.beginInsertRows(QModelIndex(), len(self._seqs), len(self._seqs) + len(page) - 1)
            self._seqs.extend(page)
            self.endInsertRows()

    def has_more(self) -> bool:
        return self._more

    def total(self) -> tuple[int, bool]:
        """(count, capped): counting stops at COUNT_CAP so a huge match stays cheap."""
        n = self._query.count(self._store, COUNT_CAP + 1)
        return min(n, COUNT_CAP), n > COUNT_CAP

    # -- Qt model -----------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._seqs)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.spec.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.spec.columns[section].label
        return section + 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._seqs)):
            return None
        column = self.spec.columns[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and column.display == NUMBER:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, ID_ROLE):
            return None
        row = self._row(index.row())
        if row is None:
            return None
        if role == ID_ROLE:
            return row["id"]
        return row[column.key]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column < 0:  # no column: the list's own order
            if self._query.chosen:  # (asked for the order already shown: nothing to reload)
                self.set_list_query(ListQuery(self.spec, self._query.filters))
            return
        key = self.spec.columns[column].key
        self.set_list_query(self._query.sorted_by(key, order == Qt.SortOrder.DescendingOrder))

    def _row(self, position: int) -> dict[str, Any] | None:
        seq = self._seqs[position]
        row = self._cache.get(seq)
        if row is None:
            if len(self._cache) > CACHE_LIMIT:
                self._cache.clear()
            start = max(0, position - WINDOW // 4)
            window = [s for s in self._seqs[start : start + WINDOW] if s not in self._cache]
            self._cache.update(self._query.rows(self._store, window))
            row = self._cache.get(seq)
        return row

    # -- ids ----------------------------------------------------------------

    def record_id(self, position: int) -> str | None:
        row = self._row(position)
        return row["id"] if row else None

    def position_of(self, record_id: str) -> int | None:
        """Row of a record, paging in further rows until it appears."""
        seq = self._store.seq_for_id(self.spec.kind, record_id)
        if seq is None:
            return None
        while True:
            try:
                return self._seqs.index(seq)
            except ValueError:
                if not self.canFetchMore():
                    return None
                self.fetchMore()
