"""argparse in the CLI's language: its own words (usage, options, the errors
for a missing or mistyped argument) are English; a county operator typing a
command in Chinese gets them in Chinese, and is told how to see the options."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from typing import NoReturn

from ..core import i18n

# Python's own error texts (3.11–3.13), as argparse words them, and what a Chinese reader is told instead.
ERRORS_ZH = (
    (r"the following arguments are required: (.+)", r"缺少必需的参数：\1"),
    (r"unrecognized arguments: (.+)", r"不认识的参数：\1"),
    (r"argument (\S+): invalid choice: (.+?) \(choose from (.+)\)", r"参数 \1 不接受 \2，可选：\3"),
    (r"argument (\S+): invalid int value: (.+)", r"参数 \1 要一个整数，不是 \2"),
    (r"argument (\S+): invalid float value: (.+)", r"参数 \1 要一个数字，不是 \2"),
    (r"argument (\S+): invalid \w+ value: (.+)", r"参数 \1 不接受 \2"),
    (r"argument (\S+): expected one argument", r"参数 \1 后面要跟一个值"),
    (r"argument (\S+): expected at least one argument", r"参数 \1 后面至少要跟一个值"),
    (r"argument (\S+): not allowed with argument (\S+)", r"参数 \1 不能和 \2 一起用"),
    (r"argument (\S+): ignored explicit argument (.+)", r"参数 \1 不带值，多出了 \2"),
    (r"ambiguous option: (\S+) could match (.+)", r"选项 \1 不明确，可能是：\2"),
    (r"one of the arguments (.+) is required", r"\1 中必须给出一个"),
)
HELP_ZH = (
    ("usage: ", "用法："),
    ("\npositional arguments:\n", "\n位置参数：\n"),
    ("\noptions:\n", "\n选项：\n"),
    ("\noptional arguments:\n", "\n选项：\n"),
    ("show this help message and exit", "显示本帮助并退出"),
)


def error_text(message: str) -> str:
    if i18n.language() == "en":
        return message
    for pattern, replacement in ERRORS_ZH:
        if re.fullmatch(pattern, message):
            return re.sub(pattern, replacement, message)
    return message


def language_from(argv: Sequence[str]) -> str | None:
    """``--lang`` read before parsing, so a mistake in the same command is told in that language."""
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


class Parser(argparse.ArgumentParser):
    """Subcommands get this class too (``add_subparsers`` makes parsers of the parent's type)."""

    def format_usage(self) -> str:
        return self._localised(super().format_usage())

    def format_help(self) -> str:
        return self._localised(super().format_help())

    @staticmethod
    def _localised(text: str) -> str:
        if i18n.language() == "en":
            return text
        for english, chinese in HELP_ZH:
            text = text.replace(english, chinese)
        return text

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        hint = i18n.pick(f"运行 {self.prog} -h 查看全部选项。", f"Run {self.prog} -h to see every option.")
        said = i18n.pick(f"{self.prog}：错误：", f"{self.prog}: error: ")
        self.exit(2, f"{said}{error_text(message)}\n{hint}\n")
