"""The data password and the recovery code: ``fuqing password change|recovery-code``.

Forgot the password? Open with the recovery code instead (``--password-file``
holding the code, or type it at the prompt) and set a new password here.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..core import messages as msg
from ..core.i18n import pick
from ..core.store import Store
from .common import ask_password, read_passphrase


def register(sub: Any) -> None:
    p = sub.add_parser("password", help="修改数据口令，或换一个新的恢复码")
    actions = p.add_subparsers(dest="password_action", required=True)
    change = actions.add_parser("change", help="设置新口令（用旧口令或恢复码打开后）")
    change.add_argument("--new-password-file", type=Path, help="新口令在这个文件的第一行；没有时在终端询问两次")
    change.set_defaults(handler=change_password)
    code = actions.add_parser("recovery-code", help="生成新的恢复码（旧的随即失效），只显示这一次")
    code.set_defaults(handler=new_recovery_code)


def change_password(store: Store, args: argparse.Namespace) -> int:
    if args.new_password_file is not None:
        new = read_passphrase(args.new_password_file)
    elif sys.stdin.isatty():
        new = ask_password(new=True)
    else:
        print(pick("请用 --new-password-file 给出新口令", "Give the new password with --new-password-file"),
              file=sys.stderr)  # fmt: skip
        return 1
    assert new is not None
    print(msg.PASSWORD_CHANGED.format(n=store.set_password(new)))
    return 0


def new_recovery_code(store: Store, args: argparse.Namespace) -> int:
    print(msg.RECOVERY_CODE_MADE.format(code=store.new_recovery_code()))
    return 0
