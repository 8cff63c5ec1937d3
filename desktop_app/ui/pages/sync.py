"""同步: export and import bundles, the device registry, and conflicts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.changes import DESTINATIONS
from ...core.describe import local_time
from ...core.i18n import agree
from ...core.store import Store
from ...core.sync import exchange, keys
from .. import file_dialogs
from ..changes import follow
from ..dialogs.password import BundlePassphraseDialog
from ..jobs import Job
from ..operations import perform
from ..widgets.conflicts_view import ConflictsView
from ..widgets.devices_view import DevicesView
from ..widgets.job_progress import JobProgress
from ..widgets.proposals_view import ProposalsView
from ..widgets.saved_file import SavedFileButtons
from ..widgets.tables import fill, plain_table


class DropZone(QLabel):
    """Drop bundle files here (from a USB stick or a chat download folder)."""

    def __init__(self, on_files: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self._on_files = on_files
        self.setAcceptDrops(True)
        self.setObjectName("drop_zone")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumHeight(70)
        self.setStyleSheet("border: 2px dashed #888; border-radius: 6px; color: #555;")
        self.setText(self.tr("把同步包文件拖到这里导入（可一次拖多个）"))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            self._on_files(paths)
            event.acceptProposedAction()


class TransferView(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.job: Job | None = None
        self.identity = QLabel()
        self.identity.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.identity.setWordWrap(True)  # its fingerprint on one line kept the window wider than a 1024 screen
        # A key is one unbreakable word whose width depends on its letters: it must not set the window's
        # narrowest width (1002 px for one key, 985 for another); at any usual width it shows whole.
        self.identity.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.export_key_button = QPushButton(self.tr("导出本机公钥…"))
        self.import_key_button = QPushButton(self.tr("导入县妇联公钥…"))
        keys_row = QHBoxLayout()
        keys_row.addWidget(self.identity, 1)
        keys_row.addWidget(self.export_key_button)
        keys_row.addWidget(self.import_key_button)

        self.destinations = plain_table(
            [self.tr("发送对象"), self.tr("加密方式"), self.tr("上次发送"), self.tr("同步包编号")], "destinations_table"
        )
        self.full_box = QCheckBox(self.tr("导出全部记录（不只是新变化）"))
        self.rollup_box = QCheckBox(self.tr("汇总上报（县妇联把收到的记录转给上级）"))
        self.export_button = QPushButton(self.tr("导出同步包…"))
        self.export_button.setObjectName("export_button")
        self.passphrase_button = QPushButton(self.tr("用口令导出…"))
        export_box = QGroupBox(self.tr("导出"))
        export_layout = QVBoxLayout(export_box)
        export_layout.addLayout(keys_row)
        export_layout.addWidget(self.destinations)
        options = QHBoxLayout()
        choices = QVBoxLayout()  # one above the other: side by side, in English, wider than a small screen
        choices.addWidget(self.full_box)
        choices.addWidget(self.rollup_box)
        options.addLayout(choices)
        options.addStretch(1)
        options.addWidget(self.passphrase_button)
        options.addWidget(self.export_button)
        export_layout.addLayout(options)
        self.export_running = JobProgress("export", self.tr("取消导出"))  # shown while an export runs
        self.export_progress, self.export_cancel = self.export_running.bar, self.export_running.cancel_button
        export_layout.addWidget(self.export_running)
        self.export_status = QLabel()
        self.export_status.setObjectName("export_status")
        self.export_status.setWordWrap(True)
        export_layout.addWidget(self.export_status)
        self.saved_file = SavedFileButtons()
        export_layout.addWidget(self.saved_file, alignment=Qt.AlignmentFlag.AlignLeft)

        self.drop_zone = DropZone(self.import_paths)
        self.choose_button = QPushButton(self.tr("选择同步包文件…"))
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(self.tr("口令（仅口令加密的同步包需要）"))
        self.import_running = JobProgress("import", self.tr("取消"))
        self.progress, self.cancel_button = self.import_running.bar, self.import_running.cancel_button
        self.results = plain_table(
            [self.tr("文件"), self.tr("结果"), self.tr("新增"), self.tr("更新"), self.tr("未变"), self.tr("冲突")],
            "import_results",
        )
        self.results.setColumnWidth(0, 200)
        self.results.setColumnWidth(1, 420)
        import_box = QGroupBox(self.tr("导入"))
        import_layout = QVBoxLayout(import_box)
        import_layout.addWidget(self.drop_zone)
        row = QHBoxLayout()
        row.addWidget(self.choose_button)
        row.addWidget(self.passphrase, 1)
        row.addWidget(self.import_running, 1)
        import_layout.addLayout(row)
        self.import_status = QLabel()
        self.import_status.setObjectName("import_status")
        self.import_status.setWordWrap(True)
        import_layout.addWidget(self.import_status)
        import_layout.addWidget(self.results)
        self._running = self.import_running
        layout = QVBoxLayout(self)
        layout.addWidget(export_box)
        layout.addWidget(import_box, 1)

        self.export_key_button.clicked.connect(lambda: self.export_key())
        self.import_key_button.clicked.connect(self.import_key)
        self.export_button.clicked.connect(lambda: self.export(passphrase=None))
        self.passphrase_button.clicked.connect(self.export_with_passphrase)
        self.choose_button.clicked.connect(self.choose_files)
        self.refresh()
        follow(self, store, [DESTINATIONS], self.refresh)

    def refresh(self) -> None:
        self.identity.setText(
            self.tr("本机设备：{device}\n本机公钥：{recipient}").format(
                device=self.store.device_id, recipient=keys.age_recipient(self.store)
            )
        )
        self._destinations = keys.destinations(self.store)
        fill(
            self.destinations,
            [
                [
                    d.label,
                    self.tr("公钥") if d.kind == "age" else self.tr("口令"),
                    local_time(d.last_sent_at) or self.tr("从未"),
                    d.last_bundle_id or "",
                ]
                for d in self._destinations
            ],
        )
        if self._destinations and not self.destinations.selectedItems():
            self.destinations.selectRow(0)

    # -- keys -----------------------------------------------------------------

    def export_key(self, out: Path | None = None) -> None:
        if out is None:
            out = file_dialogs.save_file(self, self.tr("导出本机公钥"), self.key_file_name())
            if out is None:
                return
        target = out
        if perform(self, self.store, lambda s: keys.export_hub_key(s, target)):
            self.export_status.setText(self.tr("已导出本机公钥：{path}").format(path=target))
            self.saved_file.show_for(target)

    def key_file_name(self) -> str:
        return self.tr("访妇情公钥") + ".txt"

    def bundle_file_name(self) -> str:
        """Named for the laptop's cadre and the day, so the county tells a pile of bundles apart."""
        cadre = self.store.own_cadre()
        who = f"-{cadre['name']}" if cadre and cadre.get("name") else ""
        base = self.tr("访妇情同步包")
        return f"{base}{who}-{self.store.today():%Y%m%d}.age"

    def import_key(self) -> None:
        path = file_dialogs.open_file(self, self.tr("导入县妇联公钥"), self.tr("公钥 (*.txt);;所有文件 (*)"))
        if path is not None:
            self.add_hub_key(path)

    def add_hub_key(self, path: Path) -> None:
        def op(store: Store) -> keys.Destination:
            recipient, name = keys.read_hub_key(path)
            return keys.add_hub(store, recipient, name)

        perform(self, self.store, op)

    # -- export ---------------------------------------------------------------

    def export_with_passphrase(self) -> None:
        dialog = BundlePassphraseDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.export(passphrase=dialog.password)

    def export(self, passphrase: str | None, out: Path | None = None) -> None:
        destination: keys.Destination | None
        if passphrase:
            destination = perform(self, self.store, keys.passphrase_destination).value
        else:
            row = self.destinations.currentRow()
            if row < 0 or row >= len(self._destinations):
                QMessageBox.information(self, self.tr("导出"), self.tr("请先导入县妇联公钥，或改用口令导出。"))
                return
            destination = self._destinations[row]
        if destination is None:
            return
        if out is None:
            out = file_dialogs.save_file(
                self, self.tr("保存同步包"), self.bundle_file_name(), self.tr("同步包 (*.age);;所有文件 (*)")
            )
            if out is None:
                return
        full, kind = self.full_box.isChecked(), "rollup" if self.rollup_box.isChecked() else "delta"
        target = destination

        def job(store: Store, progress: Any, cancelled: Any) -> exchange.ExportResult:
            return exchange.export_bundle(store, out, keys.destination(store, target.id), passphrase, full=full,
                                          kind=kind, progress=progress, cancelled=cancelled)  # fmt: skip

        self.saved_file.hide()
        self.export_status.setText(self.tr("正在导出 {name}…").format(name=out.name))  # in the export section
        self._run(job, self._exported, self.export_running)

    def _exported(self, result: exchange.ExportResult) -> None:
        total = sum(result.counts.values())
        self.export_status.setText(
            agree(self.tr("已导出 {n} 条记录到 {path}").format(n=f"{total:,}", path=result.path))
        )
        self.saved_file.show_for(Path(result.path))

    # -- import ---------------------------------------------------------------

    def choose_files(self) -> None:
        paths = file_dialogs.open_files(self, self.tr("选择同步包"), self.tr("同步包 (*.age);;所有文件 (*)"))
        if paths:
            self.import_paths(paths)

    def import_paths(self, paths: list[Path]) -> None:
        passphrase = self.passphrase.text() or None
        self.import_status.clear()

        def job(store: Store, progress: Any, cancelled: Any) -> list[exchange.ImportResult]:
            return exchange.import_files(store, paths, passphrase, progress, cancelled)

        self._run(job, self._imported, self.import_running)

    def _imported(self, results: list[exchange.ImportResult]) -> None:
        rows = []
        for result in results:
            counts = [str(result.new), str(result.updated), str(result.unchanged), str(result.conflicts)]
            rows.append([result.file, result.summary(), *(counts if result.ok else ["", "", "", ""])])
        fill(self.results, rows)

    # -- jobs -------------------------------------------------------------------

    def _run(self, fn: Any, done: Any, running: JobProgress) -> None:
        """Run a job, its progress and cancel button in the section that started it."""
        if self.job is not None and self.job.is_running():
            return
        self.job = Job(self.store, fn, self)
        self._running = running
        running.follow(self.job)
        self.job.finished.connect(done)
        self.job.finished.connect(self._job_over)
        self.job.failed.connect(self._failed)
        self.job.failed.connect(self._job_over)
        for widget in (self.export_button, self.passphrase_button, self.choose_button, self.drop_zone):
            widget.setEnabled(False)
        self.job.start()

    def _failed(self, message: str) -> None:
        # Shown on the page in the job's own section, not in a modal box: "nothing new to send" is common.
        (self.export_status if self._running is self.export_running else self.import_status).setText(message)

    def _job_over(self, *_args: object) -> None:
        for widget in (self.export_button, self.passphrase_button, self.choose_button, self.drop_zone):
            widget.setEnabled(True)


class SyncPage(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.transfer = TransferView(store)
        self.devices = DevicesView(store)
        self.proposals = ProposalsView(store)
        self.conflicts = ConflictsView(store)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("sync_tabs")
        self.tabs.addTab(self.transfer, self.tr("导出与导入"))
        self.tabs.addTab(self.devices, self.tr("设备登记"))
        self.tabs.addTab(self.proposals, self.tr("待审核修改"))
        self.tabs.addTab(self.conflicts, self.tr("冲突"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
