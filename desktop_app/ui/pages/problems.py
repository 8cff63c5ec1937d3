"""问题清单: the problem list, the responsibility list and the trend warnings."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core import enums, i18n, problems
from ...core.changes import SETTINGS
from ...core.i18n import agree
from ...core.lists import names
from ...core.store import Store
from ..changes import follow
from ..operations import perform
from ..widgets.tables import fill, plain_table
from .records import ProblemListPage

OVERDUE = QColor("#b3261e")


class ResponsibilityView(QWidget):
    """Who owns which open problem by when; overdue first, in red."""

    open_problem = Signal(str)

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.table = plain_table(
            [
                self.tr("时限"),
                self.tr("剩余天数"),
                self.tr("责任人"),
                self.tr("类别"),
                self.tr("状态"),
                self.tr("问题"),
            ],
            "responsibility_table",
        )
        self.summary = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        self.table.cellDoubleClicked.connect(self._open)
        self._ids: list[str] = []
        follow(self, store, ["problem"], self.refresh, lazy=True)

    def refresh(self) -> None:
        duties = problems.responsibility_list(self.store, self.store.today())
        self._ids = [d.problem_id for d in duties]
        lang = i18n.language()
        rows = [
            [
                duty.deadline or "",
                "" if duty.days_left is None else str(duty.days_left),
                duty.responsible,
                enums.PROBLEM_CATEGORY.label(duty.category, lang),
                enums.PROBLEM_STATUS.label(duty.status, lang),
                duty.description,
            ]
            for duty in duties
        ]
        fill(self.table, rows, [OVERDUE if d.overdue else None for d in duties])
        overdue = sum(1 for d in duties if d.overdue)
        self.summary.setText(
            agree(self.tr("待办问题 {n} 个，其中逾期 {overdue} 个").format(n=len(duties), overdue=overdue))
        )

    def _open(self, row: int, _column: int) -> None:
        self.open_problem.emit(self._ids[row])


class WarningsView(QWidget):
    """Trend warnings under the configurable rule (N points within D days)."""

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        rule = problems.rule(store)
        self.min_points = QSpinBox(minimum=2, maximum=50, value=rule["min_points"])
        self.min_points.setObjectName("warning_min_points")
        self.window_days = QSpinBox(minimum=1, maximum=365, value=rule["window_days"])
        self.window_days.setObjectName("warning_window_days")
        rule_row = QHBoxLayout()
        rule_row.addWidget(QLabel(self.tr("同一类问题在")))
        rule_row.addWidget(self.window_days)
        rule_row.addWidget(QLabel(self.tr("天内出现在")))
        rule_row.addWidget(self.min_points)
        rule_row.addWidget(QLabel(self.tr("个及以上联系点，即列为趋势预警")))
        rule_row.addStretch(1)
        self.table = plain_table(
            [self.tr("类别"), self.tr("联系点数"), self.tr("起"), self.tr("止"), self.tr("问题数"), self.tr("联系点")],
            "warnings_table",
        )
        layout = QVBoxLayout(self)
        layout.addLayout(rule_row)
        layout.addWidget(self.table)
        self.min_points.valueChanged.connect(self._rule_changed)
        self.window_days.valueChanged.connect(self._rule_changed)
        follow(self, store, ["problem", "liaison_point", SETTINGS], self.refresh, lazy=True)

    def _rule_changed(self) -> None:
        n, d = self.min_points.value(), self.window_days.value()
        perform(self, self.store, lambda s: problems.set_rule(s, n, d))

    def refresh(self) -> None:
        rule = problems.rule(self.store)
        for box, value in ((self.min_points, rule["min_points"]), (self.window_days, rule["window_days"])):
            box.blockSignals(True)
            box.setValue(value)
            box.blockSignals(False)
        warnings = problems.trend_warnings(self.store)
        point_names = names.labels(self.store, "liaison_point", [p for w in warnings for p in w.liaison_point_ids])
        rows = [
            [
                enums.PROBLEM_CATEGORY.label(warning.category, i18n.language()),
                str(len(warning.liaison_point_ids)),
                warning.first_date,
                warning.last_date,
                str(len(warning.problem_ids)),
                "、".join(point_names.get(p, p) for p in warning.liaison_point_ids),
            ]
            for warning in warnings
        ]
        fill(self.table, rows)


class ProblemPage(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.list_page = ProblemListPage(store)
        self.responsibility = ResponsibilityView(store)
        self.warnings = WarningsView(store)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("problem_tabs")
        self.tabs.addTab(self.list_page, self.tr("问题清单"))
        self.tabs.addTab(self.responsibility, self.tr("责任清单"))
        self.tabs.addTab(self.warnings, self.tr("趋势预警"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.responsibility.open_problem.connect(self.show_problem)

    def show_problem(self, record_id: str) -> None:
        self.tabs.setCurrentWidget(self.list_page)
        self.list_page.show_record(record_id)

    def new_problem(self, values: dict) -> None:
        self.tabs.setCurrentWidget(self.list_page)
        self.list_page.new_record(values)
