"""Combo boxes whose longest choice does not set the window's width."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QComboBox

NARROW_CHARS = 12


def keep_narrow(box: QComboBox, chars: int = NARROW_CHARS) -> None:
    """As wide as ``chars`` characters at least, not as its longest choice: a woman's
    name with her whole address, or an English label of forty letters, made a record
    page (and so the main window) wider than a 1366-pixel screen. Its list still
    opens as wide as its longest choice, and the box shows the chosen one whole
    when she hovers it."""
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    edit = box.lineEdit()
    if edit is not None and edit.placeholderText():  # its hint whole ("Find by name")
        metrics = edit.fontMetrics()
        chars = max(chars, -(-metrics.horizontalAdvance(edit.placeholderText()) // metrics.horizontalAdvance("x")) + 1)
    box.setMinimumContentsLength(chars)
    view = box.view()

    def fit_list() -> None:
        view.setMinimumWidth(view.sizeHintForColumn(0) + view.verticalScrollBar().sizeHint().width() + 8)

    # Once per change of the list, not once per row: a picker refills its 40 choices on every key.
    later = QTimer(box)
    later.setSingleShot(True)
    later.setInterval(0)
    later.timeout.connect(fit_list)
    model = box.model()
    for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset, model.dataChanged):
        signal.connect(later.start)
    box.currentTextChanged.connect(box.setToolTip)
    fit_list()
