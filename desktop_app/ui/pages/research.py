"""调研报告: research topics with their lead, deadline and status, and a draft from the data."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from ...core import enums, i18n
from ...core.store import Store
from ..confirm import confirm_destructive
from ..jobs import Job
from ..operations import perform
from ..widgets.period_picker import PeriodPicker
from .record_page import RecordPage

RESEARCH_FIELDS = ["topic", "lead_id", "org", "deadline", "status", "submitted_date", "draft"]


class ResearchPage(RecordPage):
    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(store, "research", RESEARCH_FIELDS, parent)
        self.category = QComboBox()
        self.category.setObjectName("research_category")
        for choice in enums.PROBLEM_CATEGORY:
            self.category.addItem(choice.en if i18n.language() == "en" else choice.zh, choice.code)
        self.period = PeriodPicker(store.today())
        self.period.set_kind("year")
        self.draft_button = QPushButton(self.tr("根据数据写入草稿"))
        self.draft_button.setObjectName("research_make_draft")
        self.draft_button.setToolTip(
            self.tr("按所选问题类别和期间，把走访、问题和预警的数字写成“基本情况、问题分析、对策建议”，可再修改")
        )
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("问题类别")))
        row.addWidget(self.category)
        row.addStretch(1)
        self.extras.addLayout(row)
        row = QHBoxLayout()  # the period picker is wide: its own row, so the form fits at 1280×720
        period_label = QLabel(self.tr("草稿期间"))
        period_label.setBuddy(self.period.kind)
        row.addWidget(period_label)
        row.addWidget(self.period)
        row.addStretch(1)
        row.addWidget(self.draft_button)
        self.extras.addLayout(row)
        self.draft_button.clicked.connect(self.make_draft)
        self.record_opened.connect(lambda record_id: self.draft_button.setEnabled(record_id is not None))
        self.draft_button.setEnabled(False)
        self.job: Job | None = None

    def make_draft(self) -> None:
        record_id = self.form.record_id
        if record_id is None:
            return
        topic, period_text = str(self.category.currentData()), self.period.text()
        if self.store.get("research", record_id).get("draft") and not confirm_destructive(
            self,
            self.tr("写入草稿"),
            self.tr("报告正文已有内容。用根据数据生成的草稿替换并保存吗？原来的正文可在“历史”中找回。"),
        ):
            return

        def draft(store: Store, _progress: Any, _cancelled: Any) -> str:
            # Reading a year of problems and visits takes ~150 ms on a county's 100,000 records: off the
            # UI thread, on the job's own connection; reportlab is imported there too.
            from ...core.reports import figures, research

            return research.draft_for(store, record_id, topic, figures.parse_period(period_text))

        self.job = Job(self.store, draft, self)
        self.job.finished.connect(lambda text: self._attach(record_id, str(text)))
        self.job.failed.connect(self._failed)
        self.draft_button.setEnabled(False)
        self.status.setText(self.tr("正在根据数据写草稿…"))
        self.job.start()

    def _failed(self, message: str) -> None:
        self.draft_button.setEnabled(self.form.record_id is not None)
        self.status.setText(message)

    def _attach(self, record_id: str, text: str) -> None:
        from ...core.reports import research

        self.draft_button.setEnabled(self.form.record_id is not None)
        if perform(self, self.store, lambda s: research.attach_draft(s, record_id, text)):
            self.show_record(record_id)
            self.status.setText(self.tr("已根据数据写入草稿并保存，可继续修改"))
