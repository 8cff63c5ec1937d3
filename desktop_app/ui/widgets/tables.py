"""Tables: small read-only ones for summaries (responsibility list, quotas,
devices), and the set-up every record list view shares."""

from __future__ import annotations

from PySide6.QtGui import QColor
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


def fit_columns(table: QTableView) -> None:
    """Columns as wide as their contents, the last one filling what is left: resizing
    to contents gives the last column its text's width too, and the table stopped
    filling its width (after 按通知新建, the progress table ended mid-way)."""
    table.resizeColumnsToContents()
    header = table.horizontalHeader()
    if header.stretchLastSection():
        header.setStretchLastSection(False)
        header.setStretchLastSection(True)


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
