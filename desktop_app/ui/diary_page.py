"""妇情日记: list, search-as-you-type and an editor that never loses typing."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..core import drafts
from ..core import records as r
from ..core.store import Store
from .diary_model import DiaryListModel
from .operations import perform
from .record_form import RecordForm

EDITOR_FIELDS = ["date", "liaison_point_id", "place", "title", "body", "woman_ids", "tags", "notable"]
DRAFT_DELAY_MS = 700


class DiaryPage(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self._dirty = False
        self._switching = False

        self.search = QLineEdit()
        self.search.setObjectName("diary_search")
        self.search.setPlaceholderText(self.tr("搜索日记：输入任意字词，如“留守”“电商”"))
        self.search.setClearButtonEnabled(True)
        self.count_label = QLabel()
        self.count_label.setObjectName("diary_count")
        self.model = DiaryListModel(store, self)
        self.table = QTableView()
        self.table.setObjectName("diary_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((92, 110, 200)):
            self.table.setColumnWidth(column, width)

        self.form = RecordForm(store, r.DIARY, EDITOR_FIELDS)
        self.form.setObjectName("diary_form")
        self.new_button = QPushButton(self.tr("新建日记"))
        self.save_button = QPushButton(self.tr("保存"))
        self.delete_button = QPushButton(self.tr("删除"))
        for button, name in ((self.new_button, "new"), (self.save_button, "save"), (self.delete_button, "delete")):
            button.setObjectName(f"diary_{name}")
        self.status = QLabel()
        self.status.setObjectName("diary_status")

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count_label)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        self.editor_title = QLabel()
        self.editor_title.setStyleSheet("font-size: 15px; font-weight: bold;")
        right_layout.addWidget(self.editor_title)
        right_layout.addWidget(self.form, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.save_button)
        right_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([700, 480])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self._search_timer = QTimer(self, singleShot=True, interval=150)
        self._search_timer.timeout.connect(self._run_search)
        self._draft_timer = QTimer(self, singleShot=True, interval=DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.save_draft)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.table.selectionModel().currentRowChanged.connect(self._on_row_changed)
        self.form.edited.connect(self._on_edited)
        self.form.valid_changed.connect(self._update_buttons)
        self.new_button.clicked.connect(self.new_diary)
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete)
        QShortcut(QKeySequence.StandardKey.New, self, self.new_diary)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        QShortcut(QKeySequence.StandardKey.Find, self, self.focus_search)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.revert)
        self.new_diary()
        # Counting 100k rows takes a few ms: after the first paint, not before.
        QTimer.singleShot(0, self._update_count)

    # -- list and search ----------------------------------------------------

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _run_search(self) -> None:
        self.model.set_query(self.search.text())
        self._update_count()

    def _update_count(self) -> None:
        if self.model.query:
            n = self.model.rowCount()
            more = self.tr("以上") if self.model.has_more() else ""
            self.count_label.setText(self.tr("找到 {n}{more} 篇").format(n=n, more=more))
        else:
            self.count_label.setText(self.tr("共 {n} 篇日记").format(n=self.store.count("diary")))

    def _on_row_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self._switching or not current.isValid():
            return
        record_id = self.model.record_id(current.row())
        if record_id == self.form.record_id:
            return
        if self._dirty and not self._confirm_leave():
            self._switching = True
            self.table.selectionModel().setCurrentIndex(
                previous, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            )
            self._switching = False
            return
        self.open_diary(record_id)

    def _confirm_leave(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("未保存的修改"),
            self.tr("当前日记有未保存的修改（已自动存为草稿）。要先保存吗？"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            drafts.discard_draft(self.store.conn, "diary", self.form.record_id)
            self._dirty = False
            return True
        return False

    # -- editor ---------------------------------------------------------------

    def open_diary(self, record_id: str | None, values: dict | None = None) -> None:
        self._draft_timer.stop()
        self.form.load(record_id, values)
        self._dirty = values is not None
        self.editor_title.setText(self.tr("编辑日记") if record_id else self.tr("新建日记"))
        self.status.setText(self.tr("已从草稿恢复，尚未保存") if values is not None else "")
        self._update_buttons()

    def new_diary(self) -> None:
        if self._dirty and not self._confirm_leave():
            return
        self.table.clearSelection()
        self.open_diary(None)
        self.form.editors["title"].widget.setFocus()

    def revert(self) -> None:
        """Esc: drop unsaved edits and show the stored version again."""
        drafts.discard_draft(self.store.conn, "diary", self.form.record_id)
        self.open_diary(self.form.record_id)

    def _on_edited(self) -> None:
        self._dirty = True
        self.status.setText(self.tr("正在编辑…"))
        self._draft_timer.start()
        self._update_buttons()

    def save_draft(self) -> None:
        if not self._dirty:
            return
        perform(self, self.store, lambda s: drafts.save_draft(s.conn, "diary", self.form.record_id, self.form.values()))
        self.status.setText(self.tr("草稿已自动保存 {time}").format(time=datetime.now().strftime("%H:%M:%S")))

    def _update_buttons(self, *_args: object) -> None:
        self.save_button.setEnabled(self.form.is_valid() and (self._dirty or self.form.record_id is None))
        self.delete_button.setEnabled(self.form.record_id is not None)

    def save(self) -> bool:
        if not self.form.validate():
            return False
        values = self.form.values()
        old_id = self.form.record_id

        def op(store: Store) -> dict:
            with store.transaction():
                record = store.save("diary", values, old_id)
                drafts.discard_draft(store.conn, "diary", old_id)
            return record

        record = perform(self, self.store, op)
        if record is None:
            return False
        self._draft_timer.stop()
        self._dirty = False
        self.model.reload()
        self._update_count()
        self._select(record["id"])
        self.open_diary(record["id"])
        self.status.setText(self.tr("已保存"))
        return True

    def delete(self) -> None:
        record_id = self.form.record_id
        if record_id is None:
            return
        title = self.form.values().get("title") or ""
        answer = QMessageBox.question(
            self,
            self.tr("删除日记"),
            self.tr("确定删除日记“{title}”吗？删除后可在同步时传给县妇联。").format(title=title),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.delete_now(record_id)

    def delete_now(self, record_id: str) -> None:
        def op(store: Store) -> bool:
            with store.transaction():
                store.delete("diary", record_id)
                drafts.discard_draft(store.conn, "diary", record_id)
            return True

        if perform(self, self.store, op):
            self._dirty = False
            self.model.reload()
            self._update_count()
            self.open_diary(None)
            self.status.setText(self.tr("已删除"))

    def _select(self, record_id: str) -> None:
        position = self.model.position_of(record_id)
        if position is None:
            return
        self._switching = True
        index = self.model.index(position, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.scrollTo(index)
        self._switching = False

    # -- crash recovery -------------------------------------------------------

    def pending_drafts(self) -> list[drafts.Draft]:
        return drafts.drafts(self.store.conn, "diary")

    def restore_draft(self, draft: drafts.Draft) -> None:
        if draft.record_id and not self.store.exists("diary", draft.record_id):
            draft = drafts.Draft(draft.key, draft.record_type, None, draft.data, draft.saved_at)
        if draft.record_id:
            self._select(draft.record_id)
        self.open_diary(draft.record_id, draft.data)

    def offer_drafts(self) -> None:
        pending = self.pending_drafts()
        if not pending:
            return
        latest = pending[0]
        answer = QMessageBox.question(
            self,
            self.tr("恢复草稿"),
            self.tr("发现上次未保存的日记草稿“{title}”（{time}）。要恢复吗？").format(
                title=latest.data.get("title") or self.tr("无标题"), time=latest.saved_at
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.restore_draft(latest)
        else:
            drafts.discard_draft(self.store.conn, "diary", latest.record_id)
