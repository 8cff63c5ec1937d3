"""The campaign's record pages: the shared RecordPage plus each type's extras."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from ...core.store import Store
from ..dialogs.erase import erase_woman
from ..widgets.help_log_panel import HelpLogPanel
from ..widgets.referral_panel import ReferralPanel
from ..widgets.related_panel import RelatedPanel
from .record_page import RecordPage

DIARY_FIELDS = ["date", "liaison_point_id", "place", "title", "body", "woman_ids", "tags", "notable"]
VISIT_FIELDS = ["start_date", "end_date", "liaison_point_id", "method", "cadre_ids", "woman_ids", "attendance",
                "situation", "opinions"]  # fmt: skip
WOMAN_FIELDS = ["name", "id_number", "phone", "liaison_point_id", "address", "groups", "needs", "consent_date",
                "consent_method", "notes"]  # fmt: skip
POINT_FIELDS = ["name", "kind", "region", "address", "contact_name", "contact_phone", "focus", "cadre_ids", "notes"]
PAIR_FIELDS = ["target_kind", "woman_id", "liaison_point_id", "mode", "cadre_ids", "goals", "help_types",
               "start_date", "status", "notes", "feedback", "feedback_note"]  # fmt: skip
PROBLEM_FIELDS = ["raised_date", "source", "liaison_point_id", "description", "category", "scope", "nature",
                  "disposition", "responsible", "deadline", "status", "resolution", "explained_date", "explanation",
                  "feedback", "feedback_note"]  # fmt: skip
FEDERATION_FIELDS = ["name", "level", "parent_id"]


class DiaryPage(RecordPage):
    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(store, "diary", DIARY_FIELDS, parent)


class VisitPage(RecordPage):
    raise_problem = Signal(dict)  # values for a new problem

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(store, "visit", VISIT_FIELDS, parent)
        self.problem_button = QPushButton(self.tr("从本次走访记录问题…"))
        self.problem_button.setObjectName("visit_raise_problem")
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.problem_button)
        self.extras.addLayout(row)
        self.related = RelatedPanel(store, "visit")
        self.extras.addWidget(self.related)
        self.problem_button.clicked.connect(self._raise_problem)
        self.record_opened.connect(self._on_opened)
        self._on_opened(None)

    def _on_opened(self, record_id: str | None) -> None:
        self.problem_button.setEnabled(record_id is not None)
        self.related.show_for(record_id)

    def _raise_problem(self) -> None:
        record_id = self.form.record_id
        if record_id is None:
            return
        visit = self.store.get("visit", record_id)
        self.raise_problem.emit(
            {"source": "visit", "source_id": record_id, "liaison_point_id": visit["liaison_point_id"]}
        )


class WomanPage(RecordPage):
    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(store, "woman", WOMAN_FIELDS, parent)
        self.erase_button = QPushButton(self.tr("删除并清除个人信息…"))
        self.erase_button.setObjectName("woman_erase")
        self.erase_button.setToolTip(self.tr("她本人要求，或不再需要保存她的信息时使用"))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.erase_button)
        self.extras.addLayout(row)
        self.related = RelatedPanel(store, "woman")
        self.extras.addWidget(self.related)
        self.erase_button.clicked.connect(self._erase)
        self.record_opened.connect(self._on_opened)
        self._on_opened(None)

    def _on_opened(self, record_id: str | None) -> None:
        self.erase_button.setEnabled(record_id is not None)
        self.related.show_for(record_id)

    def _erase(self) -> None:
        record_id = self.form.record_id
        if record_id is not None and erase_woman(self, self.store, record_id) is not None:
            self._dirty = False
            self.open_record(None)
            self.status.setText(self.tr("已删除并清除个人信息"))


class LiaisonPointPage(RecordPage):
    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(store, "liaison_point", POINT_FIELDS, parent)
        self.related = RelatedPanel(store, "liaison_point")
        self.extras.addWidget(self.related)
        self.record_opened.connect(self.related.show_for)
        self.related.show_for(None)


class HelpPairPage(RecordPage):
    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(store, "help_pair", PAIR_FIELDS, parent)
        self.logs = HelpLogPanel(store)
        self.extras.addWidget(self.logs)
        self.record_opened.connect(self.logs.show_for)


class ProblemListPage(RecordPage):
    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(store, "problem", PROBLEM_FIELDS, parent)
        self.referrals = ReferralPanel(store)
        self.extras.addWidget(self.referrals)
        self.record_opened.connect(self.referrals.show_for)


class FederationPage(RecordPage):
    """妇联组织: which federation is under which, for reports of a federation and those below it."""

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(store, "federation", FEDERATION_FIELDS, parent)
