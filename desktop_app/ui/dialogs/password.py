"""The data password: asked at start, set on first run, changed from the menu,
and the recovery code shown once to write down.

The dialogs only collect what the person types; opening the database and
sealing the key are the core's (``Store``, ``core/keyfile.py``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core import keyfile
from ...core import messages as msg
from ...core.errors import FuqingError
from ...core.store import Store
from ..confirm import confirm_destructive


def _secret_field(placeholder: str = "") -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setPlaceholderText(placeholder)
    field.setMinimumWidth(280)
    return field


def _problem_label() -> QLabel:
    label = QLabel()
    label.setObjectName("problem")
    label.setStyleSheet("color: #b00020")
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def _ok_cancel(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(QCoreApplication.translate("password", "取消"))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def _fit(dialog: QDialog, width: int = 520) -> None:
    """Wide enough for the wrapped explanations, tall enough for every line of them."""
    dialog.setMinimumWidth(width)
    dialog.adjustSize()


class UnlockDialog(QDialog):
    """Asks for the password (or, after "忘记口令", the recovery code) and opens the store."""

    def __init__(self, path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.path = path
        self.store: Store | None = None
        self.setWindowTitle(self.tr("打开访妇情数据"))
        self.intro = QLabel(self.tr("数据已加密保存。请输入您的数据口令。"))
        self.intro.setWordWrap(True)
        self.secret = _secret_field(self.tr("数据口令"))
        self.forgot = QPushButton(self.tr("忘记口令？用恢复码打开"))
        self.forgot.setObjectName("forgot")
        self.forgot.clicked.connect(self.use_recovery_code)
        self.back = QPushButton(self.tr("返回输入口令"))
        self.back.setObjectName("back_to_password")
        self.back.clicked.connect(self.use_password)
        self.back.hide()
        self.problem = _problem_label()
        where = QLabel(self.tr("数据文件：{path}").format(path=path))
        where.setTextFormat(Qt.TextFormat.PlainText)
        where.setStyleSheet("color: #666")
        where.setWordWrap(True)
        self.buttons = _ok_cancel(self, self.tr("打开"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.secret)
        layout.addWidget(self.problem)
        layout.addWidget(self.forgot, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.back, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(where)
        layout.addWidget(self.buttons)
        _fit(self, 460)

    def use_recovery_code(self) -> None:
        self.intro.setText(
            self.tr("请输入设置口令时得到的恢复码（5 组字母数字，大小写和横线都可以）。打开后请设置新口令。")
        )
        self.secret.setPlaceholderText(self.tr("恢复码，如 ABCDE-FGHJK-…"))
        self.secret.setEchoMode(QLineEdit.EchoMode.Normal)  # copied from paper: seeing it helps
        self.secret.clear()
        self.secret.setFocus()
        self.problem.clear()
        self.forgot.hide()
        self.back.show()
        self.adjustSize()

    def use_password(self) -> None:
        self.intro.setText(self.tr("数据已加密保存。请输入您的数据口令。"))
        self.secret.setPlaceholderText(self.tr("数据口令"))
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.clear()
        self.secret.setFocus()
        self.problem.clear()
        self.back.hide()
        self.forgot.show()
        self.adjustSize()

    def accept(self) -> None:
        typed = self.secret.text()
        if not typed:
            self.problem.setText(self.tr("请输入口令"))
            return
        try:
            self.store = Store(self.path, secret=typed)
        except keyfile.WrongPassword as error:
            self.problem.setText(str(error))
            self.adjustSize()
            self.secret.selectAll()
            self.secret.setFocus()
            return
        except FuqingError as error:  # key file missing or damaged, newer version: nothing to retry here
            self.problem.setText(str(error))
            self.adjustSize()
            return
        super().accept()


class NewPasswordDialog(QDialog):
    """A new password, typed twice; ``password`` holds it once accepted."""

    def __init__(self, intro: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.password = ""
        self.required = False  # True: no way out but a new password (after opening with the recovery code)
        self.setWindowTitle(self.tr("设置数据口令"))
        text = QLabel(intro)
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.PlainText)
        self.first = _secret_field(self.tr("至少 {n} 个字符").format(n=keyfile.MIN_PASSWORD))
        self.second = _secret_field()
        self.show_typed = QCheckBox(self.tr("显示口令"))
        self.show_typed.toggled.connect(self._show)
        form = QFormLayout()
        form.addRow(self.tr("新口令"), self.first)
        form.addRow(self.tr("再输入一次"), self.second)
        form.addRow("", self.show_typed)
        self.problem = _problem_label()
        self.hint = hint = QLabel(
            self.tr(
                "口令保护电脑或 U 盘丢失时妇女的个人信息。可以用几个词的拼音加数字，如 wangjiacun 2026 zoufang；不要用生日或手机号。"
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #666")
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(hint)
        layout.addWidget(_ok_cancel(self, self.tr("确定")))
        _fit(self)

    def _show(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.first.setEchoMode(mode)
        self.second.setEchoMode(mode)

    def problem_with(self, password: str) -> str | None:
        return keyfile.password_problem(password)

    def reject(self) -> None:
        if self.required:
            self.problem.setText(self.tr("请设置新口令：用恢复码打开后必须换一个您记得住的口令"))
            return
        super().reject()

    def accept(self) -> None:
        first = self.first.text()
        problem = self.problem_with(first)
        if problem is None and first != self.second.text():
            problem = self.tr("两次输入的口令不一样")
        if problem:
            self.problem.setText(problem)
            return
        self.password = first
        super().accept()


class BundlePassphraseDialog(NewPasswordDialog):
    """The passphrase of a bundle sent without a hub key, typed twice."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(
            self.tr("同步包将用这个口令加密。请用电话或当面把口令告诉收件人，不要和同步包一起发送。"), parent
        )
        self.setWindowTitle(self.tr("同步包口令"))
        self.hint.setText(
            self.tr("收件人要输入同一个口令才能导入。不要用数据口令；几个词的拼音加数字就好，不要用生日或手机号。")
        )
        self.adjustSize()

    def problem_with(self, password: str) -> str | None:
        return keyfile.secret_too_easy(password)


class RecoveryCodeDialog(QDialog):
    """The recovery code, shown once; closes only after she says she wrote it down."""

    def __init__(self, code: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("恢复码：请抄下来"))
        intro = QLabel(
            self.tr(
                "忘记口令时，用这个恢复码打开数据。它只显示这一次：请抄在纸上（或打印），"
                "和电脑分开、锁好保管。谁拿到恢复码和电脑，谁就能看到数据。"
            )
        )
        intro.setWordWrap(True)
        self.code = QLabel(code)
        self.code.setObjectName("recovery_code")
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code.setTextFormat(Qt.TextFormat.PlainText)
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSize(16)
        font.setBold(True)
        self.code.setFont(font)
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        copy = QPushButton(self.tr("复制"))
        copy.clicked.connect(lambda: self._copy(code, copy))
        self.written = QCheckBox(self.tr("我已把恢复码抄在纸上，另外保管"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("继续"))
        self.ok.setEnabled(False)
        self.written.toggled.connect(self.ok.setEnabled)
        self.buttons.accepted.connect(self.accept)
        row = QHBoxLayout()
        row.addWidget(self.code, 1)
        row.addWidget(copy)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.written)
        layout.addWidget(self.buttons)
        _fit(self, 560)

    def _copy(self, code: str, button: QPushButton) -> None:
        QGuiApplication.clipboard().setText(code)
        button.setText(self.tr("已复制"))

    def done(self, result: int) -> None:
        # The code does not stay on the clipboard for the next program to paste.
        if QGuiApplication.clipboard().text() == self.code.text():
            QGuiApplication.clipboard().clear()
        super().done(result)

    def reject(self) -> None:
        if self.written.isChecked():  # Esc before she ticked the box would lose the only showing
            super().reject()


class ChangePasswordDialog(QDialog):
    """From the menu: a new password (the current one first), or a new recovery code."""

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.new_code: str | None = None
        self.done_message = ""
        self.setWindowTitle(self.tr("数据口令与恢复码"))
        self.current = _secret_field(self.tr("现在的口令或恢复码"))
        self.first = _secret_field(self.tr("至少 {n} 个字符").format(n=keyfile.MIN_PASSWORD))
        self.second = _secret_field()
        form = QFormLayout()
        form.addRow(self.tr("现在的口令"), self.current)
        form.addRow(self.tr("新口令"), self.first)
        form.addRow(self.tr("再输入一次"), self.second)
        self.problem = _problem_label()
        self.code_button = QPushButton(self.tr("生成新的恢复码…"))
        self.code_button.clicked.connect(self.make_code)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.code_button, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(_ok_cancel(self, self.tr("修改口令")))
        _fit(self, 460)

    def _current_ok(self) -> bool:
        if not self.current.text():
            self.problem.setText(self.tr("请先输入现在的口令（或恢复码）"))
            return False
        try:
            if keyfile.unlock(self.store.path, self.current.text()) == self.store.key:
                return True
        except keyfile.WrongPassword:
            pass
        except FuqingError as error:
            self.problem.setText(str(error))
            return False
        self.problem.setText(self.tr("现在的口令不对，没有做任何修改"))
        return False

    def make_code(self) -> None:
        if not self._current_ok():
            return
        if not confirm_destructive(
            self,
            self.tr("生成新的恢复码"),
            self.tr("生成新的恢复码后，以前抄下的恢复码就不能再打开数据了。继续吗？"),
        ):
            return
        try:
            self.new_code = self.store.new_recovery_code()
        except (FuqingError, OSError) as error:
            self.problem.setText(str(error))
            return
        RecoveryCodeDialog(self.new_code, self).exec()
        self.done_message = self.tr("已换成新的恢复码；旧的恢复码不能再打开数据。")
        super().accept()

    def accept(self) -> None:
        if not self._current_ok():
            return
        first = self.first.text()
        problem = keyfile.password_problem(first)
        if problem is None and first != self.second.text():
            problem = self.tr("两次输入的口令不一样")
        if problem:
            self.problem.setText(problem)
            return
        try:
            updated = self.store.set_password(first)
        except (FuqingError, OSError) as error:
            self.problem.setText(str(error))
            return
        self.done_message = msg.PASSWORD_CHANGED.format(n=updated)
        super().accept()
