"""Opening the data at start: ask for the password, set one on first run, encrypt
a database from before encryption, and show the recovery code once."""

from __future__ import annotations

import logging
import os
import sys
import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QProgressDialog, QWidget

from ..core import keyfile
from ..core import messages as msg
from ..core.engine import is_plain, sqlite3
from ..core.errors import FuqingError, NotADatabase
from ..core.store import Store
from .dialogs.password import NewPasswordDialog, RecoveryCodeDialog, UnlockDialog

log = logging.getLogger(__name__)


def open_store(path: Path, parent: QWidget | None = None) -> Store | None:
    """The unlocked store, or None if the person cancelled or it cannot be opened (she was told)."""
    try:
        store = _open(path, parent)
    except (FuqingError, OSError, sqlite3.DatabaseError) as error:
        log.exception("cannot open %s", path)
        QMessageBox.critical(parent, QCoreApplication.translate("unlock", "无法打开数据"), str(error))
        return None
    if store is not None:
        _after_opening(store, parent)
    return store


def _open(path: Path, parent: QWidget | None) -> Store | None:
    if os.environ.get("FUQING_PASSWORD"):  # scripts, tests and the demo: no dialog
        try:
            store = Store(path)
        except keyfile.WrongPassword:
            log.warning("FUQING_PASSWORD does not open %s: asking", path)
        else:
            if store.recovery_code:
                print(msg.RECOVERY_CODE_MADE.format(code=store.recovery_code), file=sys.stderr)
                store.recovery_code = None
            return store
    new = not path.exists() or path.stat().st_size == 0
    if new:
        dialog = NewPasswordDialog(
            QCoreApplication.translate(
                "unlock", "欢迎使用访妇情。记录会加密保存在这台电脑上。请为数据设置口令，以后每次打开访妇情时输入。"
            ),
            parent,
        )
        return Store(path, secret=dialog.password) if dialog.exec() == QDialog.DialogCode.Accepted else None
    if not is_plain(path) and not keyfile.keyfile_path(path).exists():
        # Told now, not after she typed a password: the .keys file travels with the data.
        raise NotADatabase(msg.NOT_A_DATABASE_OR_NO_KEYS.format(path=path, keys=keyfile.keyfile_path(path)))
    if is_plain(path) and not keyfile.keyfile_path(path).exists():
        dialog = NewPasswordDialog(
            QCoreApplication.translate(
                "unlock",
                "这一版访妇情把数据加密保存，电脑或 U 盘丢失时妇女的个人信息也不会泄露。请为数据设置口令；加密前会先做备份，所有记录都保留。",
            ),
            parent,
        )
        return _encrypt(path, dialog.password, parent) if dialog.exec() == QDialog.DialogCode.Accepted else None
    unlock = UnlockDialog(path, parent)
    return unlock.store if unlock.exec() == QDialog.DialogCode.Accepted else None


def _encrypt(path: Path, password: str, parent: QWidget | None) -> Store:
    """Encrypt a database from before encryption, with a busy dialog (large ones take a while)."""
    result: dict[str, object] = {}

    def work() -> None:  # a connection of this thread's own, closed before the window opens its own
        try:
            with Store(path, secret=password) as store:
                result["key"], result["code"] = store.key, store.recovery_code
        except BaseException as error:  # handed to the UI thread, which shows it
            result["error"] = error

    busy = QProgressDialog(QCoreApplication.translate("unlock", "正在加密数据，请稍候…"), "", 0, 0, parent)
    busy.setWindowTitle(QCoreApplication.translate("unlock", "加密数据"))
    busy.setCancelButton(None)
    busy.setWindowModality(Qt.WindowModality.ApplicationModal)
    busy.setMinimumDuration(0)
    busy.show()
    worker = threading.Thread(target=work, name="encrypt", daemon=True)
    worker.start()
    while worker.is_alive():
        QApplication.processEvents()
        worker.join(0.05)
    busy.close()
    error = result.get("error")
    if isinstance(error, BaseException):
        raise error
    key = result["key"]
    assert isinstance(key, bytes)
    store = Store(path, key=key)
    code = result.get("code")
    store.recovery_code = code if isinstance(code, str) else None
    QMessageBox.information(
        parent,
        QCoreApplication.translate("unlock", "数据已加密"),
        QCoreApplication.translate(
            "unlock", "数据已加密保存，所有记录都在。加密前的数据另存了一份加密的备份，在“{folder}”。"
        ).format(folder=path.parent / "backups"),
    )
    return store


def _after_opening(store: Store, parent: QWidget | None) -> None:
    if store.recovery_code:
        RecoveryCodeDialog(store.recovery_code, parent).exec()
        store.recovery_code = None
    if store.unlocked_with != "recovery":
        return
    dialog = NewPasswordDialog(
        QCoreApplication.translate(
            "unlock", "您用恢复码打开了数据。请设置新口令；之后会给您一个新的恢复码，旧的随即作废。"
        ),
        parent,
    )
    dialog.required = True  # opened with the paper code: she leaves with a password she knows
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    try:
        store.set_password(dialog.password)
        code = store.new_recovery_code()
    except (FuqingError, OSError) as error:
        QMessageBox.warning(parent, QCoreApplication.translate("unlock", "口令没有修改"), str(error))
        return
    RecoveryCodeDialog(code, parent).exec()
