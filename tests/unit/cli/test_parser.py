"""A mistyped command is told in the CLI's language, with how to see the options, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli_helpers import fuqing


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("report",), "缺少必需的参数：--period, --out"),
        (("report", "--period", "2026", "--out", "r.pdf", "--preset", "foo"), "参数 --preset 不接受 'foo'"),
        (("list", "woman", "--limit", "abc"), "参数 --limit 要一个整数，不是 'abc'"),
        (("stats", "--bogus"), "不认识的参数：--bogus"),
        (("report", "--only", "--all", "--period", "2026", "--out", "r.pdf"), "参数 --all 不能和 --only 一起用"),
        (("list",), "缺少必需的参数"),
    ],
)
def test_a_usage_mistake_is_told_in_chinese(tmp_path: Path, args: tuple[str, ...], said: str) -> None:
    result = fuqing(tmp_path / "p.db", *args)
    assert result.returncode == 2
    assert said in result.stderr and "错误" in result.stderr and "-h 查看全部选项" in result.stderr
    assert "error:" not in result.stderr and "Traceback" not in result.stderr
    assert result.stderr.startswith("用法：fuqing")
    assert not (tmp_path / "p.db").exists()  # nothing was opened, let alone made


def test_lang_en_before_the_mistake_keeps_argparse_s_english(tmp_path: Path) -> None:
    result = fuqing(tmp_path / "p.db", "--lang", "en", "report")
    assert result.returncode == 2
    assert "error: the following arguments are required: --period, --out" in result.stderr
    assert "Run fuqing report -h to see every option." in result.stderr and "错误" not in result.stderr


def test_help_reads_in_chinese(tmp_path: Path) -> None:
    result = fuqing(tmp_path / "p.db", "report", "-h")
    assert result.returncode == 0
    assert result.stdout.startswith("用法：fuqing report") and "选项：" in result.stdout
    assert "显示本帮助并退出" in result.stdout and "show this help" not in result.stdout
