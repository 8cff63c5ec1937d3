"""A problem's referrals (转办/反馈): to which department, when, due by when, and the answer."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ...core.store import Store
from .child_panel import ChildPanel, ChildTexts

REFERRAL_FIELDS = ["department", "sent_date", "due_date", "note", "answer_date", "outcome", "answer"]


class ReferralPanel(ChildPanel):
    def __init__(self, store: Store, parent: QWidget | None = None):
        texts = ChildTexts(
            heading=QCoreApplication.translate("ReferralPanel", "转办与答复"),
            new=QCoreApplication.translate("ReferralPanel", "新增转办"),
            save=QCoreApplication.translate("ReferralPanel", "保存转办"),
            delete=QCoreApplication.translate("ReferralPanel", "删除转办"),
            confirm_title=QCoreApplication.translate("ReferralPanel", "删除转办"),
            confirm_text=QCoreApplication.translate("ReferralPanel", "确定删除这条转办记录吗？"),
        )
        super().__init__(store, "referral", "problem_id", REFERRAL_FIELDS, texts, parent)
