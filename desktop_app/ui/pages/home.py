"""首页: follow-ups due (acts of help, problem deadlines, referral answers), this
year's grassroots days, quota progress, practical projects against their targets."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ...core import federations, followups, hub_summary, projects, quotas
from ...core import records as r
from ...core.changes import DEVICES, PROPOSALS, SETTINGS
from ...core.i18n import agree, pick
from ...core.store import Store
from ..changes import follow
from ..operations import perform
from ..widgets.hub_panel import HubPanel
from ..widgets.tables import fill, fit_columns, plain_table

OVERDUE = QColor("#b3261e")
MET = QColor("#1b6e20")


class HomePage(QWidget):
    open_requested = Signal(str, str)  # kind, record id
    open_sync = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.greeting = QLabel()
        self.greeting.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.days_label = QLabel()
        self.days_label.setObjectName("grassroots_days")
        self.followups = plain_table(
            [self.tr("日期"), self.tr("类型"), self.tr("对象 / 问题"), self.tr("下一步 / 责任人")], "followups_table"
        )
        self.followup_summary = QLabel()
        self.preset = QComboBox()
        self.preset.setObjectName("quota_preset")
        for name, preset in quotas.PRESETS.items():
            self.preset.addItem(preset.label, name)
        self.quota_table = plain_table(
            [self.tr("指标"), self.tr("目标"), self.tr("完成"), self.tr("状态")], "quota_table"
        )
        self.team_summary = QLabel()
        self.team_summary.setObjectName("team_summary")
        self.project_table = plain_table([self.tr("实事项目"), self.tr("完成 / 目标")], "home_project_table")
        self.project_table.setMaximumHeight(160)

        follow_box = QGroupBox(self.tr("待办跟进（逾期与 7 天内）"))
        follow_layout = QVBoxLayout(follow_box)
        follow_layout.addWidget(self.followup_summary)
        follow_layout.addWidget(self.followups)
        quota_box = self.quota_box = QGroupBox(self.tr("任务指标"))
        quota_layout = QVBoxLayout(quota_box)
        preset_row = QHBoxLayout()
        preset_row.addWidget(QLabel(self.tr("指标方案：")))
        preset_row.addWidget(self.preset)
        preset_row.addStretch(1)
        quota_layout.addLayout(preset_row)
        quota_layout.addWidget(self.days_label)
        quota_layout.addWidget(self.quota_table)
        quota_layout.addWidget(self.team_summary)
        quota_layout.addWidget(self.project_table)
        columns = QHBoxLayout()
        columns.addWidget(follow_box, 3)
        columns.addWidget(quota_box, 2)
        self.guide = QLabel(
            self.tr(
                "<b>开始使用访妇情</b><ol>"
                "<li>在“联系点”登记您联系的村、社区或企业（新建的联系点自动分给您）。</li>"
                "<li>在“联系妇女”登记需要联系服务的妇女，征得她同意后再填身份证号和电话。</li>"
                "<li>每次下基层，在“走访”记下了解的情况和意见；随手的观察写进“妇情日记”。</li>"
                "<li>结对帮扶和每次帮扶记在“结对帮扶”；解决不了的问题记到“问题清单”。</li>"
                "<li>定期在“同步”页导出同步包，用 U 盘或微信交给县妇联；县妇联的同步包在同一页导入。</li>"
                "</ol>数据加密保存在这台电脑上；菜单“文件 → 备份与恢复”可以备份到 U 盘。"
            )
        )
        self.guide.setObjectName("first_start_guide")
        self.guide.setWordWrap(True)
        self.guide.setStyleSheet("background: #f3f6fb; border: 1px solid #c9d6ea; padding: 10px;")
        self.guide.hide()
        self.hub = HubPanel(store)
        self.hub.open_sync.connect(self.open_sync)
        self.hub.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.greeting)
        layout.addWidget(self.guide)
        layout.addWidget(self.hub, 2)
        layout.addLayout(columns, 1)
        self._followup_targets: list[tuple[str, str]] = []
        self.followups.cellDoubleClicked.connect(self._open_followup)
        self.preset.currentIndexChanged.connect(self._preset_changed)
        # Filled when shown: quota sums over a year of visits are not start-up work.
        follow(self, store, [*r.RECORD_TYPES, SETTINGS, DEVICES, PROPOSALS], self.refresh, lazy=True)

    def _preset_changed(self) -> None:
        name = self.preset.currentData()
        if name and name != quotas.chosen_preset(self.store):
            perform(self, self.store, lambda s: quotas.choose_preset(s, name))

    def refresh(self) -> None:
        today = self.store.today()
        cadre = self.store.own_cadre()
        own, name = (cadre["id"], cadre["name"]) if cadre else (None, "")
        self.greeting.setText(self.tr("{name}，您好！今天是 {today}").format(name=name, today=today.isoformat()))
        self._fill_followups(today)
        self._fill_projects(today.year, str(cadre["org"]) if cadre else "")
        preset = quotas.chosen_preset(self.store)
        self.preset.blockSignals(True)
        self.preset.setCurrentIndex(self.preset.findData(preset))
        self.preset.blockSignals(False)
        progress = quotas.progress(self.store, preset, today.year, own)
        year = (date(today.year, 1, 1), date(today.year, 12, 31))
        days = quotas.grassroots_days(self.store, *year, own).get(own or "", 0) if own else 0
        self.days_label.setText(self.tr("{year} 年已下基层 {days} 天").format(year=today.year, days=days))
        mine = next((p for p in progress if p.cadre_id == own), None)
        items = mine.items if mine else []
        states = [
            self.tr("不适用") if not i.applies else self.tr("已完成") if i.met else self.tr("未完成") for i in items
        ]
        fill(
            self.quota_table,
            [[i.label, str(i.target), str(i.actual), state] for i, state in zip(items, states, strict=True)],
            [MET if i.met else OVERDUE for i in items],
        )
        fit_columns(self.quota_table)
        self.guide.setVisible(not self.store.has_records(besides="cadre"))  # nothing recorded yet
        hub = hub_summary.is_hub(self.store)
        self.hub.setVisible(hub)
        self.quota_box.setVisible(
            not hub or bool(own and any(i.actual for i in items))
        )  # an operator's own zeros say nothing
        if hub:
            self.hub.refresh()
        self.team_summary.setText(
            self.tr("全体干部的完成情况见上方“全体干部任务指标”和报表") if hub else self.tr("全体干部的完成情况见报表")
        )

    def _fill_projects(self, year: int, org: str) -> None:
        """This year's projects of her federation and those below it that have a target."""
        orgs = tuple(federations.below(self.store, org)) if org else None
        rows = []
        for p in projects.progress(self.store, year, orgs):
            for measure in projects.MEASURES:
                target = p.targets[measure]
                if target:
                    label = self.tr("{project}（{measure}）").format(
                        project=p.name, measure=pick(*projects.MEASURE_LABELS[measure])
                    )
                    rows.append([label, p.done_text(measure)])
        fill(self.project_table, rows)
        self.project_table.setVisible(bool(rows))
        fit_columns(self.project_table)

    def _fill_followups(self, today: object) -> None:
        due = followups.due_followups(self.store, self.store.today(), cadre_id=self.store.own_cadre_id)
        targets = {"help_log": "help_pair", "problem": "problem", "referral": "referral"}
        kinds = {"help_log": self.tr("帮扶回访"), "problem": self.tr("问题时限"), "referral": self.tr("转办答复")}
        self._followup_targets = [(targets[f.kind], f.record_id) for f in due]
        fill(
            self.followups,
            [[f.due, kinds[f.kind], f.title, f.detail] for f in due],
            [OVERDUE if f.overdue else None for f in due],
        )
        fit_columns(self.followups)  # headers and titles whole, in either language
        overdue = sum(1 for f in due if f.overdue)
        self.followup_summary.setText(
            agree(self.tr("共 {n} 项，其中逾期 {overdue} 项（双击打开）").format(n=len(due), overdue=overdue))
        )

    def _open_followup(self, row: int, _column: int) -> None:
        kind, record_id = self._followup_targets[row]
        self.open_requested.emit(kind, record_id)
