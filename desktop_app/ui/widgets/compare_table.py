"""Two versions of a record side by side, in words, the fields that differ marked."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

from ...core.describe import row_fields
from ...core.store import Row, Store
from .tables import plain_table

DIFFERS = QColor("#fff1c2")


def compare_table(name: str, left: str, right: str) -> QTableWidget:
    table = plain_table([QCoreApplication.translate("compare_table", "字段"), left, right], name)
    table.setColumnWidth(0, 130)
    table.setColumnWidth(1, 260)
    return table


def show_versions(
    table: QTableWidget, store: Store, record_type: str, left: Row | None, right: Row | None
) -> list[str]:
    """Fill ``table`` with both versions; returns the names of the fields that differ."""
    a, b = row_fields(store, record_type, left), row_fields(store, record_type, right)
    names = [n for n in (a or b) if a.get(n, ("", ""))[1] or b.get(n, ("", ""))[1]]
    differ = [n for n in names if a.get(n, ("", ""))[1] != b.get(n, ("", ""))[1]]
    table.setRowCount(len(names))
    for row, name in enumerate(names):
        label = (a.get(name) or b.get(name) or (name, ""))[0]
        for column, text in enumerate((label, a.get(name, ("", ""))[1], b.get(name, ("", ""))[1])):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            if name in differ:
                item.setBackground(QBrush(DIFFERS))
            table.setItem(row, column, item)
    return differ
