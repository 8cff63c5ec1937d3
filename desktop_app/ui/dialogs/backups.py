"""备份与恢复: the automatic backups, a backup now (also to a USB folder), restore."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core import backup
from ...core.store import Store
from .. import file_dialogs
from ..confirm import confirm_destructive
from ..jobs import Job
from ..widgets.job_progress import JobProgress
from ..widgets.saved_file import SavedFileButtons


def kind_label(kind: str) -> str:
    """Literal strings, so lupdate finds them (a dict of words passed to tr() is never translated)."""
    labels = {
        "daily": QCoreApplication.translate("BackupsDialog", "每日自动"),
        "pre-import": QCoreApplication.translate("BackupsDialog", "导入前"),
        "pre-migration": QCoreApplication.translate("BackupsDialog", "升级前"),
        "manual": QCoreApplication.translate("BackupsDialog", "手动"),
    }
    return labels.get(kind, kind)


class BackupsDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("备份与恢复"))
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("backups_table")
        self.table.setHorizontalHeaderLabels([self.tr("时间"), self.tr("类型"), self.tr("文件")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.running = JobProgress("backup", None)  # shown while a backup is being written (not stoppable)
        self.progress = self.running.bar
        self.saved_file = SavedFileButtons()
        self.job: Job | None = None
        self.backup_now = QPushButton(self.tr("立即备份"))
        self.backup_to = QPushButton(self.tr("备份到文件夹（如 U 盘）…"))
        self.restore_button = QPushButton(self.tr("从所选备份恢复…"))
        buttons = QHBoxLayout()
        for button in (self.backup_now, self.backup_to, self.restore_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("访妇情每天启动时、每次导入前和升级前都会自动备份。")))
        layout.addWidget(self.table)
        layout.addWidget(self.status)
        layout.addWidget(self.running)
        layout.addWidget(self.saved_file, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(buttons)
        self.backup_now.clicked.connect(lambda: self.make(None))
        self.backup_to.clicked.connect(self.make_to_folder)
        self.restore_button.clicked.connect(self.restore_selected)
        self.resize(720, 420)
        self.refresh()

    def refresh(self) -> None:
        self._backups = backup.list_backups(backup.backups_dir(self.store.path), self.store.path)
        self.table.setRowCount(len(self._backups))
        for row, item in enumerate(self._backups):
            cells = [item.taken.strftime("%Y-%m-%d %H:%M:%S"), kind_label(item.kind), str(item.path)]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))

    def make(self, folder: Path | None) -> Job:
        """Back up in the background (a big database takes a while), the bar moving page by page."""

        def job(store: Store, progress: Any, _cancelled: Any) -> Path:
            return backup.make_backup(store, "manual", folder, progress=progress)

        self.job = Job(self.store, job, self)
        self.running.follow(self.job)
        self.job.finished.connect(self._made)
        self.job.failed.connect(self._failed)
        for button in (self.backup_now, self.backup_to, self.restore_button):
            button.setEnabled(False)
        self.saved_file.hide()
        self.status.setText(self.tr("正在备份…"))
        self.job.start()
        return self.job

    def _made(self, out: Path) -> None:
        self._idle()
        self.status.setText(self.tr("已备份到 {path}").format(path=out))
        self.saved_file.show_for(out)
        self.refresh()

    def _failed(self, message: str) -> None:
        self._idle()
        self.status.setText(message)

    def _idle(self) -> None:
        for button in (self.backup_now, self.backup_to, self.restore_button):
            button.setEnabled(True)

    def make_to_folder(self) -> None:
        folder = file_dialogs.choose_folder(self, self.tr("选择备份文件夹"))
        if folder is not None:
            self.make(folder)

    def restore_selected(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        chosen = self._backups[row].path
        if not confirm_destructive(
            self,
            self.tr("从备份恢复"),
            self.tr("用 {time} 的备份替换当前数据？当前数据会先另存一份。访妇情将随后退出，请重新打开。").format(
                time=self._backups[row].taken.strftime("%Y-%m-%d %H:%M")
            ),
        ):
            return
        self.restore_now(chosen)

    def restore_now(self, chosen: Path) -> Path | None:
        try:
            backup.check_backup(chosen, None, self.store.key)
        except Exception as error:  # shown to the person; nothing was changed
            self.status.setText(str(error))
            return None
        path, key = self.store.path, self.store.key
        window = self.parent()
        if window is not None and hasattr(window, "close"):
            window.close()
        self.store.close()
        aside = backup.restore(path, chosen, None, key)
        if QApplication.platformName() != "offscreen":  # no one to click it in a headless run
            QMessageBox.information(
                None,
                self.tr("已恢复"),
                self.tr("数据已恢复。原数据另存为：\n{path}\n请重新打开访妇情。").format(path=aside),
            )
        QApplication.quit()
        return aside
