"""实事项目: the federation's practical projects, and each one's progress against its targets."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QSpinBox, QTabWidget, QVBoxLayout, QWidget

from ...core import projects, quotas
from ...core.i18n import agree
from ...core.store import Store
from ..changes import follow
from ..operations import perform
from ..widgets.tables import fill, fit_columns, plain_table
from .record_page import RecordPage

PRESET_KEY = "projects/preset"
PROJECT_FIELDS = ["name", "org", "year", "target_people", "target_jobs", "target_trained", "target_amount", "notes"]


class ProgressView(QWidget):
    """Every project of a year: done against target, measure by measure."""

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.year = QSpinBox(minimum=2000, maximum=2100, value=store.today().year)
        self.year.setObjectName("project_year")
        self.preset = QComboBox()
        self.preset.setObjectName("project_preset")
        for key, preset in projects.PRESETS.items():
            self.preset.addItem(preset.label, key)
        self.preset.setCurrentIndex(max(self.preset.findData(self._first_preset()), 0))
        self.preset.currentIndexChanged.connect(lambda: QSettings().setValue(PRESET_KEY, self.preset.currentData()))
        self.add_button = QPushButton(self.tr("按通知新建本年度项目"))
        self.add_button.setObjectName("project_add_preset")
        self.add_button.setToolTip(self.tr("为本机干部档案的妇联新建通知列出的实事项目；已有的不重复新建"))
        self.summary = QLabel()
        self.summary.setObjectName("project_summary")
        self.table = plain_table(
            [self.tr("项目"), self.tr("妇联"), self.tr("帮扶次数"), self.tr("受益人次"), self.tr("岗位"),
             self.tr("培训人次"), self.tr("金额（元）"), self.tr("最落后的目标")],
            "project_progress_table",
        )  # fmt: skip
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("年度")))
        row.addWidget(self.year)
        row.addStretch(1)
        row.addWidget(self.preset)
        row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        self.year.valueChanged.connect(self.refresh)
        self.add_button.clicked.connect(self.add_preset)
        follow(self, store, ["project", "help_log", "help_pair"], self.refresh, lazy=True)

    def _first_preset(self) -> str:
        """The notice she chose last time; before that, the one of her quota profile's place."""
        saved = QSettings().value(PRESET_KEY)
        if isinstance(saved, str) and saved in projects.PRESETS:
            return saved
        return quotas.chosen_preset(self.store)

    def refresh(self) -> None:
        found = projects.progress(self.store, self.year.value())
        rows = []
        for p in found:
            cells = [p.done_text(m) for m in projects.MEASURES]
            shares = [s for s in (p.share(m) for m in projects.MEASURES) if s is not None]
            done = f"{min(shares):.1%}" if shares else "—"  # the furthest behind of its targets
            rows.append([p.name, p.org, str(p.acts), *cells, done])
        fill(self.table, rows)
        fit_columns(self.table)
        self.summary.setText(
            agree(self.tr("{year} 年实事项目 {n} 个，计入的帮扶 {acts} 次").format(
                year=self.year.value(), n=len(found), acts=sum(p.acts for p in found)))
        )  # fmt: skip

    def add_preset(self) -> None:
        org = str((self.store.own_cadre() or {}).get("org") or "")
        if not org:
            self.summary.setText(self.tr("请先在“干部档案”中填写所在妇联"))
            return
        preset, year = str(self.preset.currentData()), self.year.value()
        outcome = perform(self, self.store, lambda s: projects.add_preset(s, preset, year, org))
        if outcome and outcome.value is not None:
            self.refresh()
            made = (
                agree(self.tr("已新建 {n} 个项目").format(n=len(outcome.value)))
                if outcome.value
                else self.tr("通知列出的项目本年度都已有，没有新建")
            )
            self.summary.setText(made + "　" + self.summary.text())


class ProjectPage(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.list_page = RecordPage(store, "project", PROJECT_FIELDS)
        self.progress = ProgressView(store)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("project_tabs")
        self.tabs.addTab(self.progress, self.tr("完成进度"))
        self.tabs.addTab(self.list_page, self.tr("项目与目标"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
