"""Guard against the PySide6 6.12.0 bug that aborts the app after a while.

In 6.12.0 these calls each drop a reference to None; once None's count reaches
zero CPython aborts ("deallocating None"). A picker refilled on every keystroke
gets there within a working day. pyproject.toml keeps us below 6.12.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QComboBox, QListWidget, QListWidgetItem, QTableWidget, QTableWidgetItem


def test_widget_calls_we_use_keep_none_references(qapp) -> None:  # type: ignore[no-untyped-def]
    combo, listing, table = QComboBox(), QListWidget(), QTableWidget(4, 2)
    before = sys.getrefcount(None)
    for i in range(2000):
        combo.addItem("x", "code")
        item = QListWidgetItem("x")
        item.setData(256, "code")
        listing.addItem("y")
        table.setItem(i % 4, 0, QTableWidgetItem("z"))
    lost = before - sys.getrefcount(None)
    assert lost < 100, f"PySide6 lost {lost} references to None in 2000 calls"
