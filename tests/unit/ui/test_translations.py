"""English must be complete: every wrapped string translated, .ts current."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.core import enums, i18n, messages
from desktop_app.core.store import Store
from desktop_app.paths import translation_path
from desktop_app.ui import translations
from desktop_app.ui.dialogs.password import ChangePasswordDialog, NewPasswordDialog, RecoveryCodeDialog, UnlockDialog
from desktop_app.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "build_scripts"))
import build_translations  # noqa: E402

TS = build_translations.ts_file("en")


def _messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    tree = ET.parse(ts)
    found = []
    for context in tree.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found.append((name, message.findtext("source") or "", message.find("translation")))  # type: ignore[arg-type]
    return found


def test_every_ui_string_has_a_finished_english_translation() -> None:
    found = _messages(TS)
    assert len(found) > 50
    unfinished = [source for _ctx, source, tr in found if tr.get("type") or not (tr.text or "").strip()]
    assert unfinished == []
    assert all(ctx for ctx, _source, _tr in found), "strings outside a translation context are never looked up"


def test_committed_ts_is_current_with_the_sources(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    shutil.copy(TS, fresh)
    build_translations.lupdate("en", fresh)
    committed = {(ctx, src) for ctx, src, _ in _messages(TS)}
    current = {(ctx, src) for ctx, src, _ in _messages(fresh)}
    assert current - committed == set(), "run build_scripts/build_translations.py --update and translate"
    assert committed - current == set(), "obsolete strings left in the .ts"


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    if not translation_path("en").exists():
        subprocess.run([sys.executable, str(ROOT / "build_scripts" / "build_translations.py")], check=True)
    assert translations.install(qapp, "en")
    yield
    translations.install(qapp, "zh")


def test_main_window_in_english(qtbot: QtBot, profiled: Store, english: None) -> None:
    window = MainWindow(profiled)
    qtbot.addWidget(window)
    labels = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert labels[:3] == ["Home", "Diary", "Visits"]
    assert window.diary_page.save_button.text() == "Save"
    form_labels = {editor.field.label for editor in window.diary_page.form.editors.values()}
    assert "Title" in form_labels and "Liaison point" in form_labels


def test_core_labels_and_messages_have_english() -> None:
    for choice_set in enums.ALL.values():
        for choice in choice_set:
            assert choice.zh and choice.en and choice.zh != choice.en, choice
    for name in dir(messages):
        text = getattr(messages, name)
        if isinstance(text, i18n.Text):
            assert text.zh and text.en and text.zh != text.en, name


def _visible_texts(widget: QWidget) -> list[str]:
    texts = []
    for child in [widget, *widget.findChildren(QWidget)]:
        for getter in ("text", "placeholderText", "windowTitle", "toolTip"):
            value = getattr(child, getter, None)
            if callable(value):
                text = value()
                if isinstance(text, str) and text:
                    texts.append(text)
    return texts


def test_password_dialogs_in_english(qtbot: QtBot, store: Store, english: None) -> None:
    """Every word a person reads before the window opens, in English (the file path aside)."""
    dialogs = [
        UnlockDialog(store.path),
        NewPasswordDialog(
            QApplication.translate(
                "unlock", "欢迎使用访妇情。记录会加密保存在这台电脑上。请为数据设置口令，以后每次打开访妇情时输入。"
            )
        ),
        RecoveryCodeDialog("ABCDE-FGHJK-LMNPQ-RSTUV-WXYZ2"),
        ChangePasswordDialog(store),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        chinese = [t for t in _visible_texts(dialog) if any("\u4e00" <= ch <= "\u9fff" for ch in t)]
        assert chinese == [], type(dialog).__name__


def test_backup_kinds_in_english(english: None) -> None:
    from desktop_app.ui.dialogs.backups import kind_label

    assert [kind_label(k) for k in ("daily", "pre-import", "pre-migration", "manual")] == [
        "Daily (automatic)", "Before import", "Before upgrade", "Manual",
    ]  # fmt: skip
