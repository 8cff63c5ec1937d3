"""Start the desktop app: font, translations, database, first-run profile."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from .. import APP_NAME
from ..core import db
from ..core.errors import FuqingError
from ..core.store import Store
from . import fonts, translations
from .main_window import MainWindow


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="fuqing")
    parser.add_argument("--db", type=Path)
    parser.add_argument("--lang", choices=["zh", "en"])
    parser.add_argument(
        "--smoke-test", action="store_true", help="show the main window, then quit (for packaging checks)"
    )
    return parser.parse_args(argv)


def create_application(argv: list[str], language: str | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setOrganizationName("fuqing")
    app.setApplicationName(APP_NAME)
    fonts.install_app_font(app)
    translations.install(app, translations.preferred_language(language))
    return app


def open_store(path: Path) -> Store:
    return Store(path)


def run_app(argv: list[str]) -> int:
    logging.basicConfig(level=logging.INFO)
    args = parse_args(argv)
    app = create_application(sys.argv[:1], args.lang)
    path = args.db or db.default_db_path()
    try:
        store = open_store(path)
    except FuqingError as error:
        QMessageBox.critical(None, app.translate("app", "无法打开数据"), str(error))
        return 1
    if not store.own_cadre_id and not args.smoke_test:
        from .profile_dialog import ProfileDialog

        if ProfileDialog(store).exec() != QDialog.DialogCode.Accepted:
            store.close()
            return 0
    window = MainWindow(store)
    window.show()
    if args.smoke_test:
        # The first timer after show() fires once the window has been laid out
        # and painted: the moment a person sees it.
        def shown() -> None:
            print("FUQING_SHOWN", flush=True)
            app.quit()

        QTimer.singleShot(0, shown)
    else:
        QTimer.singleShot(0, window.offer_drafts)
    code = app.exec()
    window.close()
    store.close()
    return code
