"""What the log may not carry is replaced, whatever the text around it; ids and counts stay."""

from __future__ import annotations

import logging
import sys

import pytest

from desktop_app.core.redaction import RedactingFormatter, redact


@pytest.mark.parametrize(
    "text",
    [
        "身份证 11010519491231002X 已登记",
        "id=11010519491231002x;",
        "110105 19491231 002X",
        "mobile 13812345678",
        "+86 138-1234-5678 called",
        "008613812345678",
        "１３８１２３４５６７８",  # full-width, as an input method types it
        "office 0513-81234567 ext",
        "(010)65123456",
        "wang.fang@example.cn wrote",
    ],
)
def test_numbers_and_addresses_are_hidden(text: str) -> None:
    shown = redact(text)
    assert "***" in shown
    for secret in ("11010519491231002", "13812345678", "1234-5678", "81234567", "65123456", "wang.fang", "１３８"):
        assert secret not in shown


def test_chinese_text_is_hidden_and_ids_counts_and_stamps_are_kept() -> None:
    line = (
        "import of 访妇情-王芳-20261120.age failed: diary 0192f3a4-1381-7234-8567-a13812345678 "
        "sha256 " + "a" * 20 + "13812345678" + "b" * 33 + " stamp 1732060800000.0001 new 12 pid 4242"
    )
    shown = redact(line)
    assert "王芳" not in shown and "访妇情" not in shown and "***-***-20261120.age" in shown
    assert "0192f3a4-1381-7234-8567-a13812345678" in shown  # a record id: kept whole
    assert "a" * 20 + "13812345678" + "b" * 33 in shown  # a digest
    assert "1732060800000.0001" in shown and "new 12" in shown and "pid 4242" in shown


def test_the_formatter_redacts_the_message_and_the_traceback() -> None:
    formatter = RedactingFormatter("%(levelname)s %(message)s")
    try:
        raise ValueError("李秀英 11010519491231002X 13812345678")
    except ValueError:
        record = logging.LogRecord("t", logging.ERROR, __file__, 1, "saving %s failed", ("李秀英",), sys.exc_info())
    shown = formatter.format(record)
    assert "Traceback" in shown and "ValueError" in shown and "test_redaction.py" in shown
    assert "李秀英" not in shown and "11010519491231002X" not in shown and "13812345678" not in shown
