"""删除并清除个人信息: ask (No is the default), erase, then say what was done
and which records still name her in their text."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ...core import erase
from ...core import messages as msg
from ...core import records as r
from ...core.store import Store
from ..operations import perform


def confirm_erase(parent: QWidget | None, name: str) -> bool:
    box = QMessageBox(parent)
    box.setObjectName("erase_confirm")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("erase", "删除并清除个人信息"))
    box.setText(QCoreApplication.translate("erase", "确定删除“{name}”并清除她的个人信息吗？").format(name=name))
    box.setInformativeText(
        QCoreApplication.translate(
            "erase",
            "她的姓名、身份证号码、电话和全部记录内容将被清除，帮扶结对和帮扶记录一并删除，走访和日记中不再关联她。同步后县妇联的副本也会清除。此操作不能撤销。",
        )
    )
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.button(QMessageBox.StandardButton.Yes).setText(QCoreApplication.translate("erase", "删除并清除"))
    box.button(QMessageBox.StandardButton.No).setText(QCoreApplication.translate("erase", "取消"))
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


def erase_woman(parent: QWidget | None, store: Store, woman_id: str) -> erase.Erased | None:
    """Ask, erase, report; returns what was erased (None if she said no or it failed)."""
    name = str(store.get("woman", woman_id, include_deleted=True).get("name") or "")
    if not confirm_erase(parent, name):
        return None
    erased = perform(parent, store, lambda s: erase.erase_woman(s, woman_id)).value
    if erased is None:
        return None
    box = QMessageBox(parent)
    box.setObjectName("erase_done")
    box.setWindowTitle(QCoreApplication.translate("erase", "已清除个人信息"))
    box.setText(
        QCoreApplication.translate("erase", "“{name}”的个人信息已清除。").format(name=name) + "\n" + erased.summary()
    )
    if erased.mentions:
        lines = [msg.ERASE_REVIEW_MENTIONS.format(name=name)]
        lines += [f"{r.record_type(m.kind).label}：{m.title[:40]}" for m in erased.mentions]
        box.setInformativeText("\n".join(lines))
    box.exec()
    return erased
