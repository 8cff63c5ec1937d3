"""What every command group shares: reading JSON and secrets, printing results."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from pathlib import Path
from typing import Any

from ..core import idcard, keyfile, phones
from ..core import messages as msg
from ..core.errors import UsageError
from ..core.i18n import pick
from ..core.keyfile import PasswordNeeded
from ..core.store import Store

PROMPT_TRIES = 3


def load_json(text: str) -> dict[str, Any]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise UsageError(msg.BAD_JSON.format(detail=error)) from None
    if not isinstance(data, dict):
        raise UsageError(str(msg.JSON_NOT_OBJECT))
    return data


def print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def masked(record: dict[str, Any]) -> dict[str, Any]:
    """ID numbers and phones as lists show them (``--reveal`` prints them whole)."""
    shown = dict(record)
    if shown.get("id_number"):
        shown["id_number"] = idcard.mask(shown["id_number"])
    for key in ("phone", "mobile", "contact_phone"):
        if shown.get(key):
            shown[key] = phones.mask(shown[key])
    return shown


def read_passphrase(path: Path | None) -> str | None:
    """The first line of a passphrase file (never a command-line argument: shells keep history)."""
    if path is None:
        return None
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UsageError(pick(f"无法读取口令文件：{error}", f"Cannot read the passphrase file: {error}")) from None
    # Notepad saves UTF-16 or UTF-8 with a byte-order mark: both read as the text she typed.
    encoding = "utf-16" if data[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-8-sig"
    try:
        lines = data.decode(encoding).splitlines()
    except UnicodeDecodeError:
        raise UsageError(
            pick("口令文件不是文本文件（请用 UTF-8 保存）", "The passphrase file is not text (save it as UTF-8)")
        ) from None
    if not lines or not lines[0].strip():
        raise UsageError(pick("口令文件的第一行是空的", "The passphrase file's first line is empty"))
    return lines[0].strip()  # (a data password cannot start or end with a space: keyfile.password_problem)


def given_password(args: argparse.Namespace) -> str | None:
    """The database password (or recovery code) from ``--password-file`` or FUQING_PASSWORD."""
    if getattr(args, "password_file", None) is not None:
        return read_passphrase(args.password_file)
    return os.environ.get("FUQING_PASSWORD")


def ask_password(new: bool) -> str:
    """Typed at the terminal, not echoed; a new one twice."""
    if not new:
        return getpass.getpass(pick("数据口令（或恢复码）：", "Data password (or recovery code): "))
    while True:
        first = getpass.getpass(
            pick(f"为数据设置口令（至少 {keyfile.MIN_PASSWORD} 个字符）：",
                 f"Set a password for the data ({keyfile.MIN_PASSWORD} characters or more): ")
        )  # fmt: skip
        problem = keyfile.password_problem(first)
        if problem:
            print(problem, file=sys.stderr)
            continue
        if getpass.getpass(pick("再输入一次：", "Type it again: ")) == first:
            return first
        print(msg.PASSWORDS_DIFFER, file=sys.stderr)


def open_store(path: Path, args: argparse.Namespace) -> Store:
    """The store, unlocked with the given password, or one typed at the terminal."""
    secret = given_password(args)
    tries = 0
    while True:
        try:
            store = Store(path, secret=secret)
            break
        except (PasswordNeeded, keyfile.WrongPassword) as error:
            tries += 1
            if not sys.stdin.isatty() or tries > PROMPT_TRIES:
                raise
            if isinstance(error, keyfile.WrongPassword):
                print(error, file=sys.stderr)
            secret = ask_password(isinstance(error, PasswordNeeded) and error.new)
    if store.recovery_code:
        print(msg.RECOVERY_CODE_MADE.format(code=store.recovery_code), file=sys.stderr)
    if store.unlocked_with == "recovery":
        print(msg.OPENED_WITH_RECOVERY_CODE, file=sys.stderr)
    return store
