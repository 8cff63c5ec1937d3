"""同一身份证号码已登记: open the woman already registered, save anyway, or go back."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ...core.errors import DuplicateRecord


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
