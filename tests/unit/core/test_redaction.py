"""What the log may not carry is replaced, whatever the text around it; ids and counts stay."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

import pytest

from desktop_app.core import redaction
from desktop_app.core.redaction import RedactingFormatter, redact
from tests.log_helpers import app_log


@pytest.mark.parametrize(
    "text",
    [
        "身份证 11010519491231002X 已登记",
        "tel 138/1234/5678",
        "tel 138_1234_5678",
        "tel 138,1234,5678",
        "tel 138—1234—5678",
        "tel 138|1234|5678",
        "tel 138:1234:5678",
        "tel 138    1234    5678",
        "stamp-shaped 999913812345678.00000",
        "id=11010519491231002x;",
        "110105 19491231 002X",
        "mobile 13812345678",
        "+86 138-1234-5678 called",
        "008613812345678",
        "１３８１２３４５６７８",  # full-width, as an input method types it
        "office 0513-81234567 ext",
        "(010)65123456",
        "wang.fang@example.cn wrote",
        # separators anywhere, as people type them: any 7 digits or more are hidden whole
        "call 0513 8123 4567 now",
        "office 010 6512 3456",
        "(0531) 8203 4303",
        "0531-8203-4303",
        "110105 1949 1231 002X",
        "110105-1949-1231-002X",
        "1101 0519 4912 3100 2X",
        "local 81234567",
        "hotline 400-123-4567",
        "0086 138.1234.5678",
    ],
)
def test_numbers_and_addresses_are_hidden(text: str) -> None:
    shown = redact(text)
    assert "***" in shown
    for secret in ("11010519491231002", "13812345678", "1234-5678", "81234567", "65123456", "wang.fang", "１３８"):
        assert secret not in shown


def test_digits_of_every_shape_are_hidden_with_their_extension() -> None:
    for text in ("0513-81234567转123", "0513-81234567 转 123", "0513-81234567-123", "0513 8123 4567 ext 123"):
        assert redact(f"phone {text}; done") == "phone ***; done", text
    for digit_run in ("0513", "8123", "4567", "0531", "8203", "4303", "1949", "1231", "002"):
        for text in ("0513 8123 4567", "(0531) 8203 4303", "110105-1949-1231-002X"):
            assert digit_run not in redact(text)


def test_chinese_text_is_hidden_and_ids_counts_and_stamps_are_kept() -> None:
    line = (
        "import of 访妇情-王芳-20261120.age failed: diary 0192f3a4-1381-7234-8567-a13812345678 "
        "sha256 " + "a" * 20 + "13812345678" + "b" * 33 + " stamp 001732060800000.00001 new 12 pid 4242"
    )
    shown = redact(line)
    assert "王芳" not in shown and "访妇情" not in shown and "***-***-***.age" in shown  # 20261120: a local number
    assert "0192f3a4-1381-7234-8567-a13812345678" in shown  # a record id: kept whole
    assert "a" * 20 + "13812345678" + "b" * 33 in shown  # a digest
    assert "001732060800000.00001" in shown and "new 12" in shown and "pid 4242" in shown  # a clock stamp


@pytest.mark.parametrize(
    "text",
    [
        "2026-12-07 23:32:12,123 4242 INFO desktop_app.core.logs: fuqing 0.3.1 started (Python 3.11.7, linux)",
        "Qt 6.8.0.2, sqlite 3.45.1, at 2026-12-07T23:32:12.123456+08:00",
        "imported bundle 0192f3a4-1381-7234-8567-a13812345678: new 12, updated 3, unchanged 456, conflicts 0",
        "exported bundle " + "0123456789abcdef" * 4 + " (full, 52341 bytes)",
        "see https://example.com/docs/a and 1/2 and/or 40 KB/s",
    ],
)
def test_what_support_needs_is_kept(text: str) -> None:
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        (
            "OSError: [Errno 30] Read-only file system: '/media/usb/Li Xiuying 0513 8123 4567.xlsx'",
            "OSError: [Errno 30] Read-only file system: '***.xlsx'",
        ),
        (
            "Unable to detect a launcher for 'file:///home/lixiuying/Li%20Xiuying.pdf'",
            "Unable to detect a launcher for '***.pdf'",
        ),
        ("QFile::open: file:///home/wangfang/notes.txt, failed", "QFile::open: ***.txt, failed"),
        ("cannot open /home/wangfang/Fuqing Data/fuqing.db: asking", "cannot open ***.db: asking"),
        ("cannot open /media/usb/Wang Fang 2026.xlsx now", "cannot open ***.xlsx now"),
        ("cannot open /home/wangfang/backups.", "cannot open ***."),
        ("FileNotFoundError: 'C:\\\\Users\\\\WangFang\\\\Desktop\\\\x.age'", "FileNotFoundError: '***.age'"),
        ("writing C:\\Users\\WangFang\\Desktop\\Wang Fang.xlsx.", "writing ***.xlsx."),
        ('  File "/home/wangfang/tools/fix.py", line 3, in f', '  File "***.py", line 3, in f'),
        ("~/Wang Fang/a.pdf and \\\\server\\share\\Wang.docx", "***.pdf and ***.docx"),
    ],
)
def test_a_file_path_keeps_only_its_extension(text: str, shown: str) -> None:
    assert redact(text) == shown


def test_a_traceback_keeps_the_paths_of_the_app_s_code_and_python_s() -> None:
    ours = Path(redaction.__file__)
    library = Path(json.__file__)
    for path in (ours, library):
        line = f'  File "{path}", line 3, in f'
        assert redact(line) == line


def test_the_formatter_redacts_the_message_and_the_traceback() -> None:
    formatter = RedactingFormatter("%(levelname)s %(message)s")
    try:
        raise ValueError("李秀英 11010519491231002X 13812345678")
    except ValueError:
        record = logging.LogRecord("t", logging.ERROR, __file__, 1, "saving %s failed", ("李秀英",), sys.exc_info())
    shown = formatter.format(record)
    assert "Traceback" in shown and "ValueError" in shown and 'File "***.py", line' in shown  # not the app's code
    assert "李秀英" not in shown and "11010519491231002X" not in shown and "13812345678" not in shown


def test_the_log_file_holds_the_traceback_without_her_file_s_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failed write to her USB stick, logged as the app logs it: her name and number in neither message nor traceback."""
    target = tmp_path / "a file" / "Li Xiuying 0513 8123 4567.xlsx"  # its folder is a file: the write fails
    target.parent.write_text("")
    with app_log(tmp_path / "logs", monkeypatch) as path:
        try:
            target.write_bytes(b"x")
        except OSError:
            logging.getLogger("desktop_app.test").exception("writing %s failed, phone (0531) 8203 4303", target)
    text = path.read_text(encoding="utf-8")
    assert "Traceback" in text and "NotADirectoryError" in text and "'***.xlsx'" in text
    assert "writing ***.xlsx failed, phone ***" in text
    assert f'File "{Path(__file__)}"' not in text  # a test is not the app's code
    assert f'File "{Path(__import__("pathlib").__file__)}"' in text  # Python's own: kept for support
    for secret in ("Li Xiuying", "Xiuying", "0513", "8123", "4567", "8203", "4303", str(tmp_path)):
        assert secret not in text
