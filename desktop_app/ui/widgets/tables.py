"""Tables: small read-only ones for summaries (responsibility list, quotas,
devices), and the set-up every record list view shares."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QTableWidget, QTableWidgetItem

from ..models.record_list import RecordListModel


def plain_table(headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def fill(table: QTableWidget, rows: list[list[str]], colours: list[QColor | None] | None = None) -> None:
    """Rows of text, each optionally in a colour (overdue in red, done in green)."""
    table.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        colour = colours[r] if colours else None
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if colour is not None:
                item.setForeground(colour)
            table.setItem(r, c, item)


MIN_CAPPED = 80  # px: a cut name still says which row it is


def fit_columns(table: QTableView) -> None:
    """Columns as wide as their contents, the last one filling what is left: resizing
    to contents gives the last column its text's width too, and the table stopped
    filling its width (after 按通知新建, the progress table ended mid-way).

    A long text is cut (its whole in a tooltip) rather than pushing the other columns
    out of sight: one 80-character project name left only 项目 and 妇联 on screen, the
    figures behind a sideways scroll bar. So when they do not all fit, the longest
    share what the others leave; done again whenever the table changes width."""
    table.resizeColumnsToContents()
    _cap_columns(table)
    header = table.horizontalHeader()
    if header.stretchLastSection():
        header.setStretchLastSection(False)
        header.setStretchLastSection(True)
    if table.property("fits_columns") is None:
        table.setProperty("fits_columns", True)
        table.viewport().installEventFilter(_Refit(table))


def _cap_columns(table: QTableView) -> None:
    """The widest columns cut to one width so that all fit: the narrow ones (figures,
    dates) keep theirs, the long texts share what is left (never under MIN_CAPPED)."""
    header = table.horizontalHeader()
    widths = {c: table.columnWidth(c) for c in range(header.count()) if not table.isColumnHidden(c)}
    if widths and header.stretchLastSection():  # stretched, it is never narrower than Qt's default
        last = max(widths)
        widths[last] = max(widths[last], header.defaultSectionSize())
    room = table.viewport().width()
    if sum(widths.values()) <= room:
        return
    left, cap = room, MIN_CAPPED
    ordered = sorted(widths.values())
    for i, width in enumerate(ordered):
        if width * (len(ordered) - i) > left:
            cap = max(left // (len(ordered) - i), MIN_CAPPED)
            break
        left -= width
    for column, width in widths.items():
        if width <= cap:
            continue
        table.setColumnWidth(column, cap)
        if isinstance(table, QTableWidget):
            for row in range(table.rowCount()):
                item = table.item(row, column)
                if item is not None and not item.toolTip():
                    item.setToolTip(item.text())


class _Refit(QObject):
    def __init__(self, table: QTableView):
        super().__init__(table)
        self._table = table

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QResizeEvent) and event.size().width() != event.oldSize().width():
            fit_columns(self._table)
        return False


def configure_table(table: QTableView, model: RecordListModel) -> None:
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.verticalHeader().setDefaultSectionSize(26)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    for column, spec_column in enumerate(model.spec.columns):
        table.setColumnWidth(column, spec_column.width)
