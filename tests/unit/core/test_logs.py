"""The app's log: a rotating file in its own folder, set up by the CLI as by the
window; a defect is logged with its traceback and told to a person in words."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.core import logs
from tests.db_helpers import cli_env
from tests.log_helpers import app_log, log_text


def test_the_log_goes_to_the_folder_the_environment_names(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(logs.LOG_DIR_ENV, raising=False)
    assert "fuqing" in str(logs.log_dir())  # the platform's user log folder, named for the app
    with app_log(tmp_path / "logs", monkeypatch) as path:
        logging.getLogger("desktop_app.test").info("backup made: %d bytes", 4096)
        logs.setup_logging()  # again: replaces its handlers, never doubles them
        logging.getLogger("desktop_app.test").info("once")
    text = path.read_text(encoding="utf-8")
    assert "fuqing 0." in text and "started" in text and "backup made: 4096 bytes" in text
    assert text.count("once") == 1


def test_the_log_rotates_and_keeps_its_size(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "logs"
    monkeypatch.setattr(logs, "MAX_BYTES", 100_000)  # the mechanism at a tenth of the size: seconds sooner
    with app_log(folder, monkeypatch):
        line = "x" * 1000
        for n in range(800):  # 800 kB: more than the file and all its backups hold
            logging.getLogger("desktop_app.test").info("%d %s", n, line)
    files = sorted(p.name for p in folder.glob(f"{logs.LOG_FILE}*"))
    assert files == [logs.LOG_FILE] + [f"{logs.LOG_FILE}.{n}" for n in range(1, logs.BACKUP_COUNT + 1)]
    sizes = [p.stat().st_size for p in folder.glob(f"{logs.LOG_FILE}*")]
    assert all(size <= 100_000 for size in sizes) and sum(sizes) > 500_000
    assert "799 x" in (folder / logs.LOG_FILE).read_text(encoding="utf-8")  # the newest in the live file


def test_an_unwritable_log_folder_is_no_reason_to_stop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("")
    monkeypatch.setenv(logs.LOG_DIR_ENV, str(blocker / "logs"))
    root = logging.getLogger()
    before = list(root.handlers)
    try:
        assert logs.setup_logging() is None
    finally:
        for handler in [h for h in root.handlers if h not in before]:
            root.removeHandler(handler)


def test_a_hard_crash_leaves_every_thread_s_traceback_in_the_fault_log(tmp_path: Path) -> None:
    env = {**cli_env(tmp_path), logs.LOG_DIR_ENV: str(tmp_path / "logs")}
    code = "from desktop_app.core import logs; logs.enable_fault_log(); import faulthandler; faulthandler._sigsegv()"
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    text = (tmp_path / "logs" / logs.FAULT_FILE).read_text(encoding="utf-8")
    assert text.startswith("--- fuqing ") and "Segmentation fault" in text and 'File "<string>"' in text


def test_a_command_keeps_a_fault_log_too(tmp_path: Path) -> None:
    """The county's scripts run the CLI: a hard crash there must leave its traceback like the window's."""
    folder = tmp_path / "logs"
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--db", str(tmp_path / "f.db"), "stats", "--json"],
        env={**cli_env(tmp_path), logs.LOG_DIR_ENV: str(folder)}, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert (folder / logs.FAULT_FILE).read_text(encoding="utf-8").startswith("--- fuqing ")


def test_a_command_s_defect_is_logged_and_told_in_words(tmp_path: Path) -> None:
    """Her name and ID number in the failing path: in the log neither, nor a traceback on her screen."""
    folder = tmp_path / "logs"
    db = Path("/dev/null") / "王秀兰-11010519491231002X" / "fuqing.db"  # a folder that cannot be made
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--db", str(db), "stats", "--json"],
        env={**cli_env(tmp_path), logs.LOG_DIR_ENV: str(folder)}, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 70, result.stderr
    assert "Traceback" not in result.stderr and "程序内部出错" in result.stderr and str(folder) in result.stderr
    text = log_text(folder)
    assert "command stats" in text and "Traceback" in text and "command failed" in text
    assert "王秀兰" not in text and "11010519491231002X" not in text and "/dev/null" not in text
    assert f'File "{Path(logs.__file__).parent.parent / "cli"}' in text  # the app's own code: support needs it


def test_the_command_line_logs_what_it_did_never_the_values(tmp_path: Path) -> None:
    folder, db = tmp_path / "logs", tmp_path / "cli.db"

    def run(*args: str) -> int:
        env = {**cli_env(tmp_path), logs.LOG_DIR_ENV: str(folder)}
        command = [sys.executable, "-m", "desktop_app", "--db", str(db), *args]
        return subprocess.run(command, env=env, capture_output=True, text=True, timeout=120).returncode

    assert run("profile", "--json", '{"name": "王芳", "org": "南通市妇联", "mobile": "13812345678"}') == 0
    assert (
        run("add", "woman", "--json", '{"name": "李秀英", "id_number": "110105194912310021"}') == 1
    )  # bad check digit
    assert run("add", "woman", "--json", '{"Li Xiuying No.5 Heping Road": 1, "name": "李秀英"}') == 1
    text = log_text(folder)
    assert "command profile" in text and "command add" in text and "refused: invalid id_number" in text
    assert "refused: invalid (no such field)" in text
    for value in ("王芳", "南通", "13812345678", "李秀英", "110105194912310021", "Xiuying", "Heping"):
        assert value not in text
