"""Render the app's pages with demo data to PNG files (docs and review).

    python build_scripts/screenshot.py OUT_DIR [--db FILE] [--lang zh|en]

Uses offscreen Qt unless a display is set, so it runs in CI and on servers.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--db", type=Path)
    parser.add_argument("--lang", choices=["zh", "en"], default="zh")
    args = parser.parse_args(argv)
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtWidgets import QApplication

    from desktop_app.core.demo import generate
    from desktop_app.core.store import Store
    from desktop_app.ui.app import create_application
    from desktop_app.ui.main_window import MainWindow

    app = create_application(sys.argv[:1], args.lang)
    db = args.db
    if db is None:
        db = Path(tempfile.mkdtemp()) / "screens.db"
        with Store(db) as store:
            generate.fill(store, 500, seed=1, anchor=date.today())
    args.out.mkdir(parents=True, exist_ok=True)
    store = Store(db)
    window = MainWindow(store)
    window.resize(1280, 800)
    window.show()

    def shoot(name: str) -> None:
        QApplication.processEvents()
        path = args.out / f"{name}.png"
        window.grab().save(str(path))
        print(path)

    pages = window.record_pages()
    for key in window.section_keys:
        window.show_section(key)
        if key in pages:
            pages[key].table.selectRow(0)
        shoot(key)
        if key == "problem":
            tabs = window.problem_page.tabs
            for index, name in ((1, "problem_responsibility"), (2, "problem_warnings")):
                tabs.setCurrentIndex(index)
                shoot(name)
            tabs.setCurrentIndex(0)
    window.close()
    shoot_password_dialogs(args.out, db, store)
    store.close()
    del app
    return 0


def shoot_password_dialogs(out: Path, db: Path, store: object) -> None:
    """The dialogs before and around the window: unlock, first password, recovery code, change."""
    from PySide6.QtWidgets import QApplication, QDialog

    from desktop_app.ui.dialogs.password import (
        ChangePasswordDialog,
        NewPasswordDialog,
        RecoveryCodeDialog,
        UnlockDialog,
    )

    dialogs: list[tuple[str, QDialog]] = [
        ("dialog_unlock", UnlockDialog(db)),
        (
            "dialog_new_password",
            NewPasswordDialog(
                QApplication.translate(
                    "unlock", "欢迎使用访妇情。记录会加密保存在这台电脑上。请为数据设置口令，以后每次打开访妇情时输入。"
                )
            ),
        ),
        ("dialog_recovery_code", RecoveryCodeDialog("ABCDE-FGHJK-LMNPQ-RSTUV-WXYZ2")),
        ("dialog_change_password", ChangePasswordDialog(store)),  # type: ignore[arg-type]
    ]
    for name, dialog in dialogs:
        dialog.show()
        QApplication.processEvents()
        path = out / f"{name}.png"
        dialog.grab().save(str(path))
        print(path)
        dialog.done(0)


if __name__ == "__main__":
    sys.exit(main())
