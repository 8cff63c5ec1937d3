"""同一身份证号码已登记: open the woman already registered, save anyway, or go back.

``save_asking`` is a form's save: the record and the discard of its draft in
one operation, and on a duplicate the question, then the save again if she
says it is someone else.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ...core import drafts
from ...core.errors import DuplicateRecord
from ...core.store import Record, Store
from ..operations import perform


class DuplicateChoice(Enum):
    OPEN_EXISTING = "open"
    SAVE_ANYWAY = "save"
    CANCEL = "cancel"


def ask_about_duplicate(parent: QWidget | None, duplicate: DuplicateRecord) -> DuplicateChoice:
    box = QMessageBox(parent)
    box.setObjectName("duplicate_dialog")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("duplicate", "身份证号码已登记"))
    box.setText(  # a person's words: her name, the masked number, no internal id
        QCoreApplication.translate(
            "duplicate", "身份证号码 {number} 已登记为“{name}”。同一位妇女请打开已有记录；如确是另一人，请先核对号码。"
        ).format(number=duplicate.masked, name=duplicate.name)
    )
    box.setInformativeText(QCoreApplication.translate("duplicate", "刚才填写的内容已存为草稿，不会丢失。"))
    open_button = box.addButton(
        QCoreApplication.translate("duplicate", "打开已有记录"), QMessageBox.ButtonRole.AcceptRole
    )
    open_button.setObjectName("duplicate_open")
    save_button = box.addButton(
        QCoreApplication.translate("duplicate", "确是另一人，仍然保存"), QMessageBox.ButtonRole.DestructiveRole
    )
    save_button.setObjectName("duplicate_save")
    cancel_button = box.addButton(
        QCoreApplication.translate("duplicate", "返回修改"), QMessageBox.ButtonRole.RejectRole
    )
    cancel_button.setObjectName("duplicate_cancel")
    box.setDefaultButton(open_button)
    box.setEscapeButton(cancel_button)
    box.exec()
    clicked = box.clickedButton()
    if clicked is open_button:
        return DuplicateChoice.OPEN_EXISTING
    if clicked is save_button:
        return DuplicateChoice.SAVE_ANYWAY
    return DuplicateChoice.CANCEL


def save_asking(
    parent: QWidget, store: Store, kind: str, values: dict[str, object], record_id: str | None
) -> Record | str | None:
    """The saved record; the id of the woman already registered if she chose to open
    her instead (what was typed stays as a draft); None if nothing was saved."""

    def op(s: Store, allow_duplicate: bool) -> Record | DuplicateRecord:
        try:
            with s.transaction():
                record = s.save(kind, values, record_id, allow_duplicate=allow_duplicate)
                drafts.discard_draft(s, kind, record_id)
        except DuplicateRecord as duplicate:
            return duplicate
        return record

    outcome = perform(parent, store, lambda s: op(s, False)).value
    if isinstance(outcome, DuplicateRecord):
        choice = ask_about_duplicate(parent, outcome)
        if choice == DuplicateChoice.OPEN_EXISTING:
            return outcome.existing_id
        if choice != DuplicateChoice.SAVE_ANYWAY:
            return None
        outcome = perform(parent, store, lambda s: op(s, True)).value
    return outcome if isinstance(outcome, dict) else None
