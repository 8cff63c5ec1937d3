"""One page pattern for every record type: filtered list on the left, editor on
the right, drafts autosaved while typing, history on demand.

Type-specific pages add panels under the editor (``extras``) and listen to
``record_opened``; everything else — list, search, sort, filters, validation,
save, delete, drafts, shortcuts — is here once.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...core import drafts
from ...core import records as r
from ...core.describe import children_text, local_time
from ...core.i18n import agree
from ...core.lists.query import Filters
from ...core.lists.specs import SPECS
from ...core.store import Store
from ..changes import follow
from ..confirm import confirm_destructive
from ..dialogs.duplicate import save_asking
from ..dialogs.history import HistoryDialog
from ..models.record_list import RecordListModel
from ..operations import perform
from ..widgets.child_panel import ChildPanel
from ..widgets.filter_bar import FilterBar
from ..widgets.record_form import RecordForm
from ..widgets.tables import configure_table

DRAFT_DELAY_MS = 700


class _WrappingLayout(QVBoxLayout):
    """The editor's column, always measured as text wrapped at its width.

    A scroll area sizes its page by its minimum size until something in it wraps
    (an error under a field, the status line), then by its height for the width,
    taller by a hundred pixels or more: what she was looking at slid down under
    the pointer, and the next click landed on another field. Measured one way
    always, the page grows only by what appeared, where it appeared."""

    def hasHeightForWidth(self) -> bool:
        return True


class RecordPage(QWidget):
    record_opened = Signal(object)  # record id, or None for a new record
    saved = Signal(dict)

    def __init__(self, store: Store, kind: str, editor_fields: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.kind = kind
        self.rtype = r.record_type(kind)
        self._dirty = False
        self._switching = False

        self.filter_bar = FilterBar(store, SPECS[kind])
        self.search = self.filter_bar.search
        self.count_label = QLabel()
        self.count_label.setObjectName(f"{kind}_count")
        self.model = RecordListModel(store, SPECS[kind], self)
        self.table = QTableView()
        self.table.setObjectName(f"{kind}_table")
        configure_table(self.table, self.model)
        # Enabling sorting sorts by the header's indicator: none, so the list keeps
        # its own order (not a choice of hers) and is not loaded a second time.
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        self._show_order()
        self.model.modelReset.connect(self._show_order)

        self.form = RecordForm(store, self.rtype, editor_fields)
        self.form.setObjectName(f"{kind}_form")
        self.new_button = QPushButton(self.tr("新建"))
        self.save_button = QPushButton(self.tr("保存"))
        self.delete_button = QPushButton(self.tr("删除"))
        self.history_button = QPushButton(self.tr("历史"))
        for button, name in (
            (self.new_button, "new"),
            (self.save_button, "save"),
            (self.delete_button, "delete"),
            (self.history_button, "history"),
        ):
            button.setObjectName(f"{kind}_{name}")
        self.save_button.setToolTip("Ctrl+S")
        self.new_button.setToolTip("Ctrl+N")
        self.status = QLabel()
        self.status.setObjectName(f"{kind}_status")

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.filter_bar)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count_label)
        editor = QWidget()
        editor_layout = _WrappingLayout(editor)
        self.editor_title = QLabel()
        self.editor_title.setStyleSheet("font-size: 15px; font-weight: bold;")
        editor_layout.addWidget(self.editor_title)
        editor_layout.addWidget(self.form)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.history_button, self.delete_button, self.new_button, self.save_button):
            buttons.addWidget(button)
        editor_layout.addLayout(buttons)
        # On its own line, wrapped, its height kept: a message never pushes 保存 aside
        # nor moves the buttons under the cursor.
        self.status.setWordWrap(True)
        self.status.setMinimumHeight(2 * self.status.fontMetrics().lineSpacing())
        self.status.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        editor_layout.addWidget(self.status)
        self.extras = QVBoxLayout()
        editor_layout.addLayout(self.extras)
        editor_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(editor)
        # Scroll down if need be, never sideways: the panel is as wide as its widest field row.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(
            editor.minimumSizeHint().width() + scroll.verticalScrollBar().sizeHint().width() + 2 * scroll.frameWidth()
        )
        self.editor_scroll = scroll
        self.splitter = splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([680, 520])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self._draft_timer = QTimer(self, singleShot=True, interval=DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.save_draft)
        self.filter_bar.changed.connect(self._apply_filters)
        self.table.selectionModel().currentRowChanged.connect(self._on_row_changed)
        self.model.modelReset.connect(self._reconnect_selection)
        self.form.edited.connect(self._on_edited)
        self.form.valid_changed.connect(self._update_buttons)
        self.new_button.clicked.connect(lambda: self.new_record())
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete)
        self.history_button.clicked.connect(self.show_history)
        QShortcut(QKeySequence.StandardKey.New, self, lambda: self.new_record())
        QShortcut(QKeySequence.StandardKey.Save, self, self._save_where_she_types)
        QShortcut(QKeySequence.StandardKey.Find, self, self.focus_search)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.revert)
        self.open_record(None)
        # Counting 100k rows takes a few ms: after the first paint, not before.
        QTimer.singleShot(0, self._update_count)
        # Lists show names of other record types (liaison points, women …): any record change may show here.
        follow(self, store, r.RECORD_TYPES, self.refresh_from_store)

    # -- list, search and filters -------------------------------------------

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _show_order(self) -> None:
        """The header marks the column the rows are sorted by; search results
        in entry order mark none and say so."""
        header = self.table.horizontalHeader()
        query = self.model.list_query
        header.blockSignals(True)  # showing the order, not asking for a new one
        if query.in_entry_order:
            header.setSortIndicator(-1, Qt.SortOrder.DescendingOrder)
            header.setToolTip(self.tr("搜索结果按录入先后排列，新录入的在前；点击列标题可按该列排序。"))
        else:
            order = Qt.SortOrder.DescendingOrder if query.descending else Qt.SortOrder.AscendingOrder
            header.setSortIndicator([c.key for c in self.model.spec.columns].index(query.sort), order)
            header.setToolTip("")
        header.blockSignals(False)
        header.viewport().update()

    def _apply_filters(self, filters: Any) -> None:
        self.model.set_filters(filters)
        self._update_count()

    def _reconnect_selection(self) -> None:
        self._update_count()

    def refresh_from_store(self) -> None:
        """After a write anywhere: the list shows the stored rows, the editor the
        stored record, unless a person is typing in it."""
        if not self.store.is_open:
            return
        self.model.reload()
        record_id = self.form.record_id
        if record_id is None:
            return
        if not self.store.exists(self.kind, record_id):
            if not self._dirty:
                self.open_record(None)
                self.status.setText(self.tr("这条记录已被删除"))
            return
        self.select(record_id)
        if self.store.get(self.kind, record_id)["hlc"] != self.form.loaded_stamp:
            if self._dirty:
                self.status.setText(self.tr("这条记录已在别处修改；保存将以您的修改为准"))
            else:
                self.open_record(record_id)

    def _update_count(self) -> None:
        if not self.store.is_open:
            return
        n, capped = self.model.total()
        more = self.tr("以上") if capped else ""
        self.count_label.setText(agree(self.tr("共 {n}{more} 条").format(n=f"{n:,}", more=more)))

    def _on_row_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self._switching or not current.isValid():
            return
        record_id = self.model.record_id(current.row())
        if record_id == self.form.record_id:
            return
        if self._dirty and not self._confirm_leave():
            self._select_index(previous)
            return
        self.open_record(record_id)

    def _confirm_leave(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("未保存的修改"),
            self.tr("当前记录有未保存的修改（已自动存为草稿）。要先保存吗？"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            drafts.discard_draft(self.store, self.kind, self.form.record_id)
            self._dirty = False
            return True
        return False

    # -- editor ---------------------------------------------------------------

    def open_record(self, record_id: str | None, values: dict[str, Any] | None = None) -> None:
        self._draft_timer.stop()
        self.form.load(record_id, values)
        self._dirty = values is not None
        title = self.tr("编辑{kind}") if record_id else self.tr("新建{kind}")
        self.editor_title.setText(title.format(kind=self.rtype.label))
        self.status.setText(self.tr("尚未保存") if values is not None else "")
        self._update_buttons()
        self.record_opened.emit(record_id)

    def new_record(self, values: dict[str, Any] | None = None) -> None:
        """A blank record, or one prefilled (e.g. a problem raised from a visit)."""
        if self._dirty and not self._confirm_leave():
            return
        self.table.clearSelection()
        self.table.selectionModel().clearCurrentIndex()  # a click on the row shown before opens it again
        self.open_record(None, values)
        self.form.focus_first()

    def show_record(self, record_id: str) -> None:
        """Select a record in the list (paging it in) and open it."""
        if self._dirty and not self._confirm_leave():
            return
        if self.model.position_of(record_id) is None:
            # Hidden by the current filters: show everything again.
            self.filter_bar.clear()
            self.filter_bar.cancel_pending()
            self.model.set_filters(Filters())
            self._update_count()
        self.select(record_id)
        self.open_record(record_id)

    def revert(self) -> None:
        """Esc: drop unsaved edits and show the stored version again."""
        drafts.discard_draft(self.store, self.kind, self.form.record_id)
        self.open_record(self.form.record_id)

    def _on_edited(self) -> None:
        self._dirty = True
        self.status.setText(self.tr("正在编辑…"))
        self._draft_timer.start()
        self._update_buttons()

    def save_draft(self) -> None:
        if not self._dirty or not self.store.is_open:
            return
        values = self.form.values()
        perform(self, self.store, lambda s: drafts.save_draft(s, self.kind, self.form.record_id, values))
        self.status.setText(self.tr("草稿已自动保存 {time}").format(time=datetime.now().strftime("%H:%M:%S")))

    def _update_buttons(self, *_args: object) -> None:
        self.save_button.setEnabled(self.form.is_valid() and (self._dirty or self.form.record_id is None))
        self.delete_button.setEnabled(self.form.record_id is not None)
        self.history_button.setEnabled(self.form.record_id is not None)

    def _save_where_she_types(self) -> None:
        """Ctrl+S saves the form she is typing in: in a referral or an act of help under the record it
        saved the record above, and the form she was filling went blank with nothing kept."""
        focus = QApplication.focusWidget()
        for panel in self.findChildren(ChildPanel):
            if focus is not None and panel.isAncestorOf(focus):
                panel.save()
                return
        self.save()

    def save(self) -> bool:
        if not self.form.validate(show_all=True):
            return False
        record = save_asking(self, self.store, self.kind, self.form.values(), self.form.record_id)
        if isinstance(record, str):  # she opens the woman already registered; what she typed stays a draft
            self._dirty = False
            self.show_record(record)
            return False
        if record is None:
            return False
        self._draft_timer.stop()
        self._dirty = False
        self.select(record["id"])
        self.open_record(record["id"])
        self.status.setText(self.tr("已保存"))
        self.saved.emit(record)
        return True

    def delete(self) -> None:
        record_id = self.form.record_id
        if record_id is None:
            return
        title = str(self.store.get(self.kind, record_id).get(self.rtype.title_field) or "")[:30]
        text = self.tr(
            "确定删除{kind}“{title}”吗？删除后只留下同步所需的删除标记，内容不再保留，同步时传给县妇联。"
        ).format(kind=self.rtype.label, title=title)
        children = children_text({k: len(ids) for k, ids in self.store.live_children(self.kind, record_id).items()})
        if children:  # they cannot stand without it
            text += "\n\n" + self.tr("它的 {children}也一并删除。").format(children=children)
        if confirm_destructive(self, self.tr("删除{kind}").format(kind=self.rtype.label), text):
            self.delete_now(record_id)

    def delete_now(self, record_id: str) -> None:
        def op(store: Store) -> None:
            with store.transaction():
                store.delete(self.kind, record_id)
                drafts.discard_draft(store, self.kind, record_id)

        if perform(self, self.store, op):
            self._dirty = False
            self.open_record(None)
            self.status.setText(self.tr("已删除"))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Before the window closes: keep what was typed, stop pending work."""
        self.save_draft()
        self._draft_timer.stop()
        self.form.cancel_pending()
        self.filter_bar.cancel_pending()

    def show_history(self) -> None:
        if self.form.record_id:
            HistoryDialog(self.store, self.kind, self.form.record_id, self).exec()

    def select(self, record_id: str) -> None:
        position = self.model.position_of(record_id)
        if position is not None:
            self._select_index(self.model.index(position, 0))

    def _select_index(self, index: QModelIndex) -> None:
        self._switching = True
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        if index.isValid():
            self.table.scrollTo(index)
        self._switching = False

    # -- crash recovery -------------------------------------------------------

    def pending_drafts(self) -> list[drafts.Draft]:
        return drafts.drafts(self.store, self.kind)

    def restore_draft(self, draft: drafts.Draft) -> None:
        record_id = draft.record_id if draft.record_id and self.store.exists(self.kind, draft.record_id) else None
        if record_id:
            self.select(record_id)
        self.open_record(record_id, draft.data)

    def offer_drafts(self) -> bool:
        """Ask whether to restore the newest unsaved draft; True if one was offered."""
        pending = self.pending_drafts()
        if not pending:
            return False
        latest = pending[0]
        title = latest.data.get(self.rtype.title_field) or self.tr("无标题")
        answer = QMessageBox.question(
            self,
            self.tr("恢复草稿"),
            self.tr("发现上次未保存的{kind}草稿“{title}”（{time}）。要恢复吗？").format(
                kind=self.rtype.label, title=str(title)[:30], time=local_time(latest.saved_at)
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.restore_draft(latest)
        else:
            drafts.discard_draft(self.store, self.kind, latest.record_id)
        return True
