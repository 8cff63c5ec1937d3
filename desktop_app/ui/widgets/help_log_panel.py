"""A help pair's acts of help as a timeline, with an editor for one act."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ...core.store import Store
from .child_panel import ChildPanel, ChildTexts

LOG_FIELDS = ["date", "what", "help_type", "amount", "result", "next_step", "next_date", "project_id", "people",
              "jobs", "trained"]  # fmt: skip


class HelpLogPanel(ChildPanel):
    def __init__(self, store: Store, parent: QWidget | None = None):
        texts = ChildTexts(
            heading=QCoreApplication.translate("HelpLogPanel", "帮扶记录时间线"),
            new=QCoreApplication.translate("HelpLogPanel", "新增帮扶记录"),
            save=QCoreApplication.translate("HelpLogPanel", "保存帮扶记录"),
            delete=QCoreApplication.translate("HelpLogPanel", "删除帮扶记录"),
            confirm_title=QCoreApplication.translate("HelpLogPanel", "删除帮扶记录"),
            confirm_text=QCoreApplication.translate("HelpLogPanel", "确定删除这条帮扶记录吗？"),
        )
        super().__init__(store, "help_log", "help_pair_id", LOG_FIELDS, texts, parent)
