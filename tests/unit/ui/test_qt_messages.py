"""Qt's own warnings reach the app's log, and whoever listened before (here pytest-qt) still hears them."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import qInfo, qWarning
from pytestqt.logging import _QtMessageCapture

from desktop_app.ui.qt_messages import install_qt_message_handler
from tests.log_helpers import app_log, log_text


@pytest.mark.qt_log_ignore("fuqing test: ")
def test_qt_messages_go_to_the_log_and_on_to_the_previous_handler(
    qtlog: _QtMessageCapture, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "logs"
    with app_log(folder, monkeypatch):
        uninstall = install_qt_message_handler()
        try:
            qWarning("fuqing test: a Qt warning")
            qInfo("fuqing test: a Qt notice")
            qWarning("fuqing test: Unable to detect a launcher for 'file:///home/lixiuying/Li%20Xiuying.pdf'")
        finally:
            uninstall()
        qWarning("fuqing test: after")  # ours is gone: pytest-qt's handler is back
    text = log_text(folder)
    assert "WARNING qt: fuqing test: a Qt warning" in text and "INFO qt: fuqing test: a Qt notice" in text
    assert "after" not in text
    assert "launcher for '***.pdf'" in text and "xiuying" not in text.lower()  # her file's name is hers
    captured = [record.message for record in qtlog.records]
    assert captured[:2] == ["fuqing test: a Qt warning", "fuqing test: a Qt notice"]
    assert captured[-1] == "fuqing test: after" and len(captured) == 4
