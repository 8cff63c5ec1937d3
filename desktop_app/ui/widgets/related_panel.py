"""Lists of the records that belong to the one open in a page (per point, per woman)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QLabel, QTableView, QTabWidget, QVBoxLayout, QWidget

from ...core import records as r
from ...core.lists.specs import RELATED, related
from ...core.store import Store
from ..changes import follow
from ..models.record_list import RecordListModel
from .tables import configure_table

_NOTHING = "00000000-0000-0000-0000-000000000000"


class RelatedPanel(QWidget):
    open_requested = Signal(str, str)  # kind, record id

    def __init__(self, store: Store, owner_kind: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.tabs = QTabWidget()
        self.tabs.setObjectName(f"{owner_kind}_related")
        self.models: dict[str, RecordListModel] = {}
        self._rules = RELATED[owner_kind]
        for kind, sql, placeholders in self._rules:
            model = RecordListModel(store, related(kind, sql, _NOTHING, placeholders), self)
            table = QTableView()
            table.setObjectName(f"related_{kind}")
            configure_table(table, model)
            table.setMinimumHeight(160)
            table.doubleClicked.connect(lambda index, k=kind, m=model: self._open(k, m, index))
            self.tabs.addTab(table, r.record_type(kind).label)
            self.models[kind] = model
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        heading = QLabel(self.tr("相关记录（双击打开）"))
        heading.setStyleSheet("font-weight: bold;")
        layout.addWidget(heading)
        layout.addWidget(self.tabs)
        self._record_id: str | None = None
        follow(self, store, [kind for kind, _sql, _n in self._rules], lambda: self.show_for(self._record_id))

    def show_for(self, record_id: str | None) -> None:
        self._record_id = record_id
        for index, (kind, sql, placeholders) in enumerate(self._rules):
            model = self.models[kind]
            model.set_list_query(related(kind, sql, record_id or _NOTHING, placeholders))
            total, capped = model.total()
            label = r.record_type(kind).label
            self.tabs.setTabText(index, f"{label} ({total}{'+' if capped else ''})")

    def _open(self, kind: str, model: RecordListModel, index: QModelIndex) -> None:
        record_id = model.record_id(index.row())
        if record_id:
            self.open_requested.emit(kind, record_id)
