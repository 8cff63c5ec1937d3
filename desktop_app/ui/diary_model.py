"""Table model of diaries that holds row numbers and fetches rows on demand.

The model holds only row numbers (ints), a page at a time through
``fetchMore`` — the list by keyset on (date, seq), search results by FTS rowid —
so 100k diaries, or a query matching 90,000 of them, show their first rows at
once. Visible rows are read a window at a time into a bounded cache.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ..core import lists
from ..core.store import Store

Index = QModelIndex | QPersistentModelIndex
WINDOW = 200
CACHE_LIMIT = 5000
SEARCH_PAGE = 300
LIST_PAGE = 500


class DiaryListModel(QAbstractTableModel):
    COLUMNS = ("date", "place", "title", "snippet")

    def __init__(self, store: Store, parent: Any = None):
        super().__init__(parent)
        self._store = store
        self._seqs: list[int] = []
        self._cache: dict[int, lists.DiaryRow] = {}
        self._query = ""
        self._more = False
        self._last_date = ""
        self._resetting = False
        self.reload()

    # -- what is shown ------------------------------------------------------

    @property
    def query(self) -> str:
        return self._query

    def reload(self) -> None:
        self.set_query(self._query)

    def set_query(self, query: str) -> None:
        # Views (and Qt's model tester) may ask for more rows from inside the
        # reset signal; fetching then would nest an insert inside the reset.
        self._resetting = True
        self.beginResetModel()
        self._query = query.strip()
        self._cache.clear()
        self._seqs = []
        self._last_date = ""
        self._seqs = self._next_page()
        self.endResetModel()
        self._resetting = False

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

    def _next_page(self) -> list[int]:
        last = self._seqs[-1] if self._seqs else None
        if self._query:
            page = lists.diary_search_page(self._store.conn, self._query, last, SEARCH_PAGE)
            self._more = len(page) == SEARCH_PAGE
            return page
        pairs = lists.diary_list_page(self._store.conn, (self._last_date, last) if last else None, LIST_PAGE)
        self._more = len(pairs) == LIST_PAGE
        if pairs:
            self._last_date = pairs[-1][1]
        return [seq for seq, _date in pairs]

    def has_more(self) -> bool:
        return self._more

    # -- Qt model -----------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._seqs)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return (self.tr("日期"), self.tr("地点"), self.tr("标题"), self.tr("摘要"))[section]
        return section + 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._seqs)):
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.UserRole):
            return None
        row = self._row(index.row())
        if row is None:
            return None
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        value = getattr(row, self.COLUMNS[index.column()])
        return value

    def _row(self, position: int) -> lists.DiaryRow | None:
        seq = self._seqs[position]
        row = self._cache.get(seq)
        if row is None:
            if len(self._cache) > CACHE_LIMIT:
                self._cache.clear()
            start = max(0, position - WINDOW // 4)
            window = [s for s in self._seqs[start : start + WINDOW] if s not in self._cache]
            self._cache.update(lists.diary_rows(self._store.conn, window, self._query))
            row = self._cache.get(seq)
        return row

    # -- ids ----------------------------------------------------------------

    def record_id(self, position: int) -> str | None:
        row = self._row(position)
        return row.id if row else None

    def position_of(self, record_id: str) -> int | None:
        for position, seq in enumerate(self._seqs):
            row = self._cache.get(seq)
            if row is not None and row.id == record_id:
                return position
        seq = self._store.seq_for_id("diary", record_id)
        if seq is None:
            return None
        while True:
            try:
                return self._seqs.index(seq)
            except ValueError:
                if not self.canFetchMore():
                    return None
                self.fetchMore()
