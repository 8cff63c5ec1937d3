"""报表: choose the federation and how far below it, a period and a preset; build
the PDF / XLSX or a research draft in the background with progress."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core import enums, federations, i18n, quotas
from ...core.store import Store
from .. import file_dialogs
from ..changes import follow
from ..jobs import Job
from ..widgets.combos import keep_narrow
from ..widgets.job_progress import JobProgress
from ..widgets.period_picker import CADENCE, PeriodPicker
from ..widgets.saved_file import SavedFileButtons


class ReportsPage(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.job: Job | None = None
        self.period = PeriodPicker(store.today())
        self.preset = QComboBox()
        for name, preset in quotas.PRESETS.items():
            self.preset.addItem(preset.label, name)
        self.preset.setCurrentIndex(self.preset.findData(quotas.chosen_preset(store)))
        self._preset_changed()
        self.preset.currentIndexChanged.connect(self._preset_changed)
        self.federation = QComboBox()
        self.federation.setObjectName("report_federation")
        keep_narrow(self.federation, 20)
        self.scope = QComboBox()
        self.scope.setObjectName("report_scope")
        self.scope.addItem(self.tr("本级及所有下级妇联"), "below")
        self.scope.addItem(self.tr("仅本级"), "only")
        self.scope.addItem(self.tr("本机全部记录（不分妇联）"), "all")
        self._chosen_federation = ""  # what she had picked before choosing every record held here
        self.scope.currentIndexChanged.connect(self._scope_changed)
        self.topic = QComboBox()
        for choice in enums.PROBLEM_CATEGORY:
            self.topic.addItem(choice.en if i18n.language() == "en" else choice.zh, choice.code)
        self.pdf_button = QPushButton(self.tr("生成 PDF 报表…"))
        self.xlsx_button = QPushButton(self.tr("导出 Excel 表格…"))
        self.research_button = QPushButton(self.tr("生成调研报告初稿…"))
        self.running = JobProgress("report", None)
        self.progress = self.running.bar
        self.status = QLabel()
        self.status.setObjectName("report_status")
        self.status.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("妇联"), self.federation)
        form.addRow(self.tr("统计范围"), self.scope)
        form.addRow(self.tr("指标方案"), self.preset)
        form.addRow(self.tr("期间"), self.period)
        form.addRow(self.tr("调研主题"), self.topic)
        buttons = QHBoxLayout()
        for button in (self.pdf_button, self.xlsx_button, self.research_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.running)
        layout.addWidget(self.status)
        self.saved_file = SavedFileButtons()
        layout.addWidget(self.saved_file, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.pdf_button.clicked.connect(lambda: self.build("pdf"))
        self.xlsx_button.clicked.connect(lambda: self.build("xlsx"))
        self.research_button.clicked.connect(lambda: self.build("research"))
        follow(self, store, ["federation", "cadre"], self.refresh_federations)
        self.refresh_federations()

    def refresh_federations(self) -> None:
        """Every federation known here; the reporting install's own chosen first time."""
        current = self.federation.currentText() or str((self.store.own_cadre() or {}).get("org") or "")
        self.federation.blockSignals(True)
        self.federation.clear()
        for name in federations.federation_names(self.store):
            self.federation.addItem(name)
        index = self.federation.findText(current)
        if index < 0 and current:
            self.federation.addItem(current)
            index = self.federation.count() - 1
        self.federation.setCurrentIndex(max(index, 0))
        self.federation.blockSignals(False)

    def _scope_changed(self) -> None:
        """Every record held here is no one federation's report: it is headed with
        the laptop's own, and the picker shows that and cannot be changed."""
        everything = self.scope.currentData() == "all"
        self.federation.setEnabled(not everything)
        if everything:
            self._chosen_federation = self.federation.currentText()
            own = str((self.store.own_cadre() or {}).get("org") or "")
            self.federation.setCurrentIndex(max(self.federation.findText(own), 0))
        elif self._chosen_federation:
            self.federation.setCurrentIndex(max(self.federation.findText(self._chosen_federation), 0))
            self._chosen_federation = ""

    def _preset_changed(self) -> None:
        """Each notice has its own rhythm: Shandong every two months, Beijing every quarter."""
        cadence = CADENCE.get(str(self.preset.currentData()))
        if cadence:
            self.period.set_kind(cadence)

    def file_name(self, kind: str) -> str:
        suffix = ".xlsx" if kind == "xlsx" else ".pdf"
        base = self.tr("访妇情报表")
        return f"{base}-{self.period.text().replace('/', '-')}{suffix}"

    def build(self, kind: str, out: Path | None = None) -> None:
        if out is None:
            filters = self.tr("Excel 工作簿 (*.xlsx)") if kind == "xlsx" else "PDF (*.pdf)"
            out = file_dialogs.save_file(self, self.tr("保存报表"), self.file_name(kind), filters)
            if out is None:
                return
        period_text, preset, topic, target = (
            self.period.text(),
            self.preset.currentData(),
            self.topic.currentData(),
            out,
        )
        federation, scope = self.federation.currentText() or None, self.scope.currentData()

        def job(store: Store, progress: Any, cancelled: Any) -> Path:
            # reportlab and openpyxl take ~300 ms to import: in the job's thread, not the UI's.
            from ...core.reports import figures, pdf, research, xlsx

            period = figures.parse_period(period_text)
            progress(0, 1000, "")
            if kind == "research":  # its own figures, for the chosen federation: not the report's
                research.write_pdf(research.build(store, topic, period, federation or ""), target)
                progress(1000, 1000, "")
                return target
            data = figures.build(
                store, period, federation, preset, include_below=scope != "only", everything=scope == "all"
            )
            progress(500, 1000, "")  # the figures; then writing the file
            (xlsx.write_xlsx if kind == "xlsx" else pdf.write_pdf)(data, target)
            progress(1000, 1000, "")
            return target

        self.job = Job(self.store, job, self)
        self.running.follow(self.job)
        self.job.finished.connect(self._done)
        self.job.failed.connect(self._failed)
        self._busy(True)
        self.saved_file.hide()
        self.status.setText(self.tr("正在生成…"))
        self.job.start()

    def _busy(self, busy: bool) -> None:
        for button in (self.pdf_button, self.xlsx_button, self.research_button):
            button.setEnabled(not busy)

    def _done(self, path: Path) -> None:
        self._busy(False)
        self.status.setText(self.tr("已生成：{path}").format(path=path))
        self.saved_file.show_for(path)

    def _failed(self, message: str) -> None:
        self._busy(False)
        self.status.setText(message)
