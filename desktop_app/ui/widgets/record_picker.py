"""Pick one or several records of a type by typing part of a name.

Options come from the core's ``lookup`` as the person types, so a picker over
20,000 women stays instant and never loads them all.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.lists import names
from ...core.store import Store
from ..changes import follow
from .combos import keep_narrow

LOOKUP_LIMIT = 40


class RecordPicker(QComboBox):
    selection_changed = Signal()

    def __init__(self, store: Store, kind: str, allow_empty: bool = True, parent: QWidget | None = None):
        super().__init__(parent)
        self._store = store
        self._kind = kind
        self._allow_empty = allow_empty
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.search_edit.setPlaceholderText(self.tr("输入名称查找"))
        keep_narrow(self)
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self._refill)
        self.search_edit.textEdited.connect(lambda _text: self._timer.start())
        self.activated.connect(self._timer.stop)  # a choice is made: a search still pending must not reopen the list
        self.activated.connect(lambda _index: self.selection_changed.emit())
        self._fill(names.lookup(store, kind, "", LOOKUP_LIMIT))
        follow(self, store, [kind], self.refresh_options)

    @property
    def search_edit(self) -> QLineEdit:
        """The line a person types a name into (an editable combo box always has one)."""
        edit = self.lineEdit()
        assert edit is not None
        return edit

    def _fill(self, options: list[tuple[str, str]], keep_text: str | None = None) -> None:
        current = self.record_id()
        self.blockSignals(True)
        self.clear()
        if self._allow_empty:
            self.addItem("", None)
        for record_id, label in options:
            self.addItem(label, record_id)
        if current and self.findData(current) < 0:
            self.addItem(names.labels(self._store, self._kind, [current]).get(current, current), current)
        if keep_text is not None:
            self.setEditText(keep_text)
        else:
            self.setCurrentIndex(max(self.findData(current), 0) if current else 0)
        self.blockSignals(False)

    def refresh_options(self) -> None:
        """After a write: new and renamed records appear; the choice (or what is being typed) stays."""
        typed = self.currentText() if self.record_id() is None else ""
        self._fill(names.lookup(self._store, self._kind, typed, LOOKUP_LIMIT), keep_text=typed or None)

    def _refill(self) -> None:
        text = self.currentText()
        self._fill(names.lookup(self._store, self._kind, text, LOOKUP_LIMIT), keep_text=text)
        if self.count():
            self.showPopup()
            # Enter takes the first match, not the empty choice above it.
            first = 1 if self._allow_empty and self.count() > 1 else 0
            self.view().setCurrentIndex(self.model().index(first, 0))

    def record_id(self) -> str | None:
        index = self.currentIndex()
        if index < 0 or self.itemText(index) != self.currentText():
            return None
        data = self.itemData(index)
        return str(data) if data else None

    def set_record_id(self, record_id: str | None) -> None:
        self.blockSignals(True)
        if record_id and self.findData(record_id) < 0:
            label = names.labels(self._store, self._kind, [record_id]).get(record_id, record_id)
            self.addItem(label, record_id)
        self.setCurrentIndex(max(self.findData(record_id), 0) if record_id else (0 if self.count() else -1))
        if not record_id and not self._allow_empty:
            self.setCurrentIndex(-1)
            self.setEditText("")
        self.blockSignals(False)
        self.selection_changed.emit()


class LinksPicker(QWidget):
    links_changed = Signal()

    def __init__(self, store: Store, kind: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._store = store
        self._kind = kind
        self.picker = RecordPicker(store, kind, allow_empty=True)
        self.picker.setObjectName("links_picker")
        self.setFocusProxy(self.picker)
        self.add_button = QPushButton(self.tr("添加"))
        self.remove_button = QPushButton(self.tr("移除"))
        self.chosen = QListWidget()
        self.chosen.setMaximumHeight(90)
        # One Tab stop per field (the picker): choosing there adds; the buttons and
        # the list are for the mouse, and Delete removes what is selected in the list.
        for widget in (self.add_button, self.remove_button, self.chosen):
            widget.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.chosen, self.remove_selected, Qt.ShortcutContext.WidgetShortcut)
        row = QHBoxLayout()
        row.addWidget(self.picker, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.chosen)
        self.add_button.clicked.connect(self.add_current)
        self.remove_button.clicked.connect(self.remove_selected)
        # Choosing from the list (click or Enter) adds at once: a choice is never left behind.
        self.picker.activated.connect(lambda _index: self.add_current())
        self.picker.selection_changed.connect(self.links_changed)

    def add_current(self) -> None:
        record_id = self.picker.record_id()
        if record_id and record_id not in self.record_ids():
            self._append(record_id, self.picker.currentText())
        if record_id:
            self.picker.set_record_id(None)
            self.links_changed.emit()

    def pending_id(self) -> str | None:
        """Chosen in the picker but not yet added."""
        record_id = self.picker.record_id()
        return record_id if record_id and record_id not in self.record_ids() else None

    def remove_selected(self) -> None:
        for item in self.chosen.selectedItems():
            self.chosen.takeItem(self.chosen.row(item))
        self.links_changed.emit()

    def _append(self, record_id: str, label: str) -> None:
        item = QListWidgetItem(label)
        item.setData(Qt.ItemDataRole.UserRole, record_id)
        self.chosen.addItem(item)

    def record_ids(self) -> list[str]:
        return [str(self.chosen.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.chosen.count())]

    def set_record_ids(self, ids: list[str]) -> None:
        self.chosen.clear()
        labels = names.labels(self._store, self._kind, ids)
        for record_id in ids:
            self._append(record_id, labels.get(record_id, record_id))
        self.links_changed.emit()
