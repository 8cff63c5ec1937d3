"""The log of a day's work on a demo notebook, failures included, names no one:
none of the demo's names, phones, ID numbers or e-mail addresses is in it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from desktop_app.cli import run_piped
from desktop_app.core.store import Store
from desktop_app.ui.crash_reports import CrashReporter
from desktop_app.ui.jobs import Job
from desktop_app.ui.main_window import MainWindow
from tests.log_helpers import app_log, log_text

SECRETS_SQL = (
    "SELECT name FROM woman UNION SELECT id_number FROM woman UNION SELECT phone FROM woman "
    "UNION SELECT name FROM cadre UNION SELECT mobile FROM cadre UNION SELECT office_phone FROM cadre "
    "UNION SELECT email FROM cadre UNION SELECT contact_name FROM liaison_point "
    "UNION SELECT contact_phone FROM liaison_point"
)


@pytest.mark.qt_no_exception_capture
def test_the_demo_s_names_phones_and_id_numbers_never_reach_the_log(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, db, hub = tmp_path / "logs", tmp_path / "demo.db", tmp_path / "hub.db"
    passphrase = tmp_path / "pw.txt"
    passphrase.write_text("bundle passphrase 1\n", encoding="utf-8")
    bundle = tmp_path / "full.age"
    with app_log(folder, monkeypatch):
        assert run_piped(["--db", str(db), "demo", "--records", "60", "--seed", "5"]) == 0
        with Store(db) as store:
            secrets = sorted({str(row[0]) for row in store.conn.execute(SECRETS_SQL) if row[0]})
            name, id_number, phone = store.conn.execute(
                "SELECT name, id_number, phone FROM woman WHERE id_number IS NOT NULL AND phone IS NOT NULL"
            ).fetchone()
        assert len(secrets) > 40 and any(len(s) == 18 for s in secrets) and any(len(s) == 11 for s in secrets)
        # A day's work through the command line: a backup, a full bundle, the hub importing it
        # and a broken file named after her.
        assert run_piped(["--db", str(db), "backup"]) == 0
        out = ["--out", str(bundle), "--passphrase-file", str(passphrase)]
        assert run_piped(["--db", str(db), "export", "--full", *out]) == 0
        broken = tmp_path / f"{name}-{id_number}-{phone}.age"
        broken.write_bytes(b"age-encryption.org/v1\n" + id_number.encode() + name.encode())
        run_piped(["--db", str(hub), "import", str(bundle), str(broken), "--passphrase-file", str(passphrase)])
        capsys.readouterr()
        # The window: a background job and a button's slot failing with her name, ID number and phone.
        with Store(db) as store:
            window = MainWindow(store)
            qtbot.addWidget(window)
            reporter = CrashReporter()
            reporter.install()
            try:

                def job(_store: Store, _progress: object, _cancelled: object) -> None:
                    raise RuntimeError(f"无法处理{name}（身份证号{id_number}，电话{phone}）")

                running = Job(store, job)
                with qtbot.waitSignal(running.failed, timeout=10_000):
                    running.start()
                button = QPushButton("保存")
                button.clicked.connect(lambda: {}[f"{name} {id_number}"])
                qtbot.addWidget(button)
                button.show()
                QTest.mouseClick(button, Qt.MouseButton.LeftButton)
                qtbot.waitUntil(lambda: reporter.dialog is not None, timeout=5000)
                assert reporter.dialog is not None
                reporter.dialog.reject()
            finally:
                reporter.uninstall()
            window.close()
            QApplication.processEvents()
    text = log_text(folder)
    for event in ("command demo", "manual backup made", "exported bundle", "imported bundle", "code truncated",
                  "background job failed", "RuntimeError", "unhandled KeyError", "Traceback"):  # fmt: skip
        assert event in text, event
    assert [secret for secret in secrets if secret in text] == []
