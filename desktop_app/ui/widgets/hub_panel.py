"""The home page of a county hub: what arrived from whom and when, who is
silent, what waits for the operator, and every cadre's quota progress."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from ...core import hub_summary
from ...core.describe import local_time
from ...core.i18n import join
from ...core.store import Store
from ...core.sync import devices
from ..jobs import Job
from .tables import fill, fit_columns, plain_table

SILENT = QColor("#b3261e")
MET = QColor("#1b6e20")


class HubPanel(QGroupBox):
    open_sync = Signal()  # the operator wants the 同步 page (approve, review, resolve)

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(self.tr("县妇联汇总"), parent)
        self.setObjectName("hub_panel")
        self.store = store
        self.waiting = QLabel()
        self.waiting.setObjectName("hub_waiting")
        self.waiting.setWordWrap(True)
        self.to_sync = QPushButton(self.tr("去同步页处理…"))
        self.to_sync.setObjectName("hub_to_sync")
        self.to_sync.clicked.connect(self.open_sync)
        self.arrivals = plain_table(
            [self.tr("干部的电脑"), self.tr("所属妇联"), self.tr("最近收到"), self.tr("同步包"), self.tr("记录"),
             self.tr("状态")], "hub_arrivals")  # fmt: skip
        self.federations = plain_table(
            [self.tr("妇联"), self.tr("电脑"), self.tr("同步包"), self.tr("记录"), self.tr("最近收到")],
            "hub_federations",
        )
        self.quotas = plain_table([self.tr("干部"), self.tr("已完成指标"), self.tr("未完成")], "hub_quotas")
        tabs = QTabWidget()
        tabs.addTab(self.arrivals, self.tr("各干部送来的数据"))
        tabs.addTab(self.federations, self.tr("各妇联合计"))
        tabs.addTab(self.quotas, self.tr("全体干部任务指标"))
        row = QHBoxLayout()
        row.addWidget(self.waiting, 1)
        row.addWidget(self.to_sync)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(tabs, 1)
        self.job: Job | None = None
        self._again = False

    def refresh(self) -> None:
        """Counted off the UI thread: every cadre's quotas over a county's records take seconds."""
        if self.job is not None and self.job.is_running():
            self._again = True  # something changed while counting: count once more after
            return
        self._again = False
        self.job = Job(self.store, lambda store, _progress, _cancelled: hub_summary.summary(store), self)
        self.job.finished.connect(self._show)
        self.job.failed.connect(self.waiting.setText)  # said in words; the details are in the log
        self.job.start()

    def shutdown(self) -> None:
        if self.job is not None and self.job.is_running():
            self.job.wait()

    def _show(self, summary: hub_summary.HubSummary) -> None:
        if self._again:
            self.refresh()
        silent = len(summary.silent)
        self.waiting.setText(
            self.tr("待批准的电脑 {devices} 台，待审核的修改 {proposals} 条，同步冲突 {conflicts} 个；"
                    "{silent} 台电脑 {days} 天以上没有送来数据。").format(
                devices=summary.waiting_devices, proposals=summary.pending_proposals,
                conflicts=summary.open_conflicts, silent=silent, days=hub_summary.SILENT_AFTER_DAYS,
            )
        )  # fmt: skip
        status = {
            devices.PENDING: self.tr("待批准"),
            devices.APPROVED: self.tr("已批准"),
            devices.REVOKED: self.tr("已撤销"),
        }
        fill(
            self.arrivals,
            [[a.cadre, a.federation, local_time(a.last_bundle_at) or self.tr("从未"), f"{a.bundles:,}", f"{a.rows:,}",
              self.tr("长期未同步") if a.silent else status.get(a.status, a.status)] for a in summary.arrivals],
            [SILENT if a.silent else None for a in summary.arrivals],
        )  # fmt: skip
        fill(
            self.federations,
            [[t.federation or self.tr("（未填）"), str(t.laptops), f"{t.bundles:,}", f"{t.rows:,}",
              local_time(t.last_bundle_at)] for t in summary.federations],
        )  # fmt: skip
        rows, colours = [], []
        for cadre in summary.quotas:
            applying = [i for i in cadre.items if i.applies]
            missing = [i.label for i in applying if not i.met]
            rows.append([cadre.name, f"{len(applying) - len(missing)}/{len(applying)}", join(missing)])
            colours.append(MET if not missing else None)
        fill(self.quotas, rows, colours)
        for table in (self.arrivals, self.federations, self.quotas):
            fit_columns(table)  # names with key fingerprints, full dates: nothing cut
