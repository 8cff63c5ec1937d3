"""Start the desktop app: the log and crash reports, font, translations,
database, first-run profile."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from .. import APP_NAME, __version__
from ..core import backup, db, logs
from ..core import messages as msg
from ..core.clock import MAX_AHEAD_MS
from ..core.instance_lock import InstanceLock
from ..core.store import Store
from ..paths import icon_path
from . import fonts, translations, unlock
from .crash_reports import CrashReporter
from .dialogs.profile import ProfileDialog
from .jobs import Job
from .main_window import MainWindow
from .operations import perform
from .qt_messages import install_qt_message_handler
from .settings import settings_from_environment


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="fuqing")
    parser.add_argument("--db", type=Path)
    parser.add_argument("--lang", choices=["zh", "en"])
    parser.add_argument(
        "--smoke-test", action="store_true", help="show the main window, then quit (for packaging checks)"
    )
    return parser.parse_args(argv)


def create_application(argv: list[str], language: str | None = None) -> QApplication:
    QGuiApplication.setDesktopFileName(APP_NAME)  # fuqing.desktop: the taskbar groups the window under its icon
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setOrganizationName(APP_NAME)  # QSettings: the registry's Software\fuqing, ~/.config/fuqing
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(icon_path())))
    settings_from_environment()
    fonts.install_app_font(app)
    translations.install(app, translations.preferred_language(language))
    return app


def run_app(argv: list[str]) -> int:
    logs.setup_logging(console=True)
    logs.enable_fault_log()
    args = parse_args(argv)
    app = create_application(sys.argv[:1], args.lang)
    uninstall_qt_messages = install_qt_message_handler()
    reporter = CrashReporter(app)
    reporter.install()
    try:
        return _run(app, args)
    finally:
        reporter.uninstall()
        uninstall_qt_messages()
        logging.getLogger(__name__).info("fuqing closed")


def _run(app: QApplication, args: argparse.Namespace) -> int:
    path = args.db or db.default_db_path()
    # One running copy per database: two windows writing one file would undo
    # each other's drafts, and a restore must not replace the file under it.
    lock = InstanceLock(path)
    if not lock.acquire():
        QMessageBox.warning(
            None,
            app.translate("app", "访妇情已在运行"),
            app.translate("app", "这个数据文件已经由另一个访妇情窗口打开：请切换到那个窗口。\n{path}").format(
                path=path
            ),
        )
        return 2
    store = unlock.open_store(path)
    if store is None:
        lock.release()
        return 1
    if not store.own_cadre_id and not args.smoke_test:
        if ProfileDialog(store).exec() != QDialog.DialogCode.Accepted:
            store.close()
            lock.release()
            return 0
    window = MainWindow(store)
    window.show()
    if not args.smoke_test:
        QTimer.singleShot(1000, lambda: start_health_check(window))
    if args.smoke_test:
        # The first timer after show() fires once the window has been laid out
        # and painted: the moment a person sees it.
        def shown() -> None:
            print("FUQING_SHOWN", flush=True)
            app.quit()

        QTimer.singleShot(0, shown)
    else:
        QTimer.singleShot(0, window.offer_drafts)
        QTimer.singleShot(0, lambda: warn_about_clock(window))
    code = app.exec()
    window.close()
    store.close()
    lock.release()
    return code


def warn_about_clock(window: MainWindow) -> None:
    """A wrong computer date makes records sort wrong and bundles be refused: say so first,
    and offer the repair when the clock was ahead before and is right now."""
    store = window.store
    problem = store.clock_warning()
    if not problem:
        return
    title = QCoreApplication.translate("app", "请检查电脑的日期和时间")
    if store.last_stamp_ms() <= store.wall_ms() + MAX_AHEAD_MS:
        QMessageBox.warning(window, title, problem)
        return
    box = QMessageBox(QMessageBox.Icon.Warning, title, problem, parent=window)
    repair = box.addButton(QCoreApplication.translate("app", "日期时间是对的，修复"), QMessageBox.ButtonRole.AcceptRole)
    later = box.addButton(QCoreApplication.translate("app", "以后再说"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(later)
    box.exec()
    if box.clickedButton() is repair:
        outcome = perform(window, store, lambda s: s.repair_clock())
        if outcome:
            window.statusBar().showMessage(msg.CLOCK_REPAIRED.format(n=outcome.value), 15_000)


def start_health_check(window: MainWindow) -> None:
    """After the window shows: a quick integrity check, then the daily backup,
    in the background on their own connection."""

    def job(store: Store, progress: Any, cancelled: Any) -> str:
        result = backup.quick_check(store)
        if result == "ok" and backup.needs_daily(store.path):
            backup.make_backup(store, "daily")
        return result

    def done(result: str) -> None:
        if result != "ok":
            newest = backup.list_backups(backup.backups_dir(window.store.path), window.store.path)
            where = str(newest[0].path) if newest else QCoreApplication.translate("app", "（没有可用的备份）")
            QMessageBox.critical(
                window,
                QCoreApplication.translate("app", "数据文件有损坏"),
                QCoreApplication.translate(
                    "app", "完整性检查发现问题：{detail}\n请关闭访妇情后用最近的备份恢复：\nfuqing restore {backup}"
                ).format(detail=result, backup=where),
            )

    window.health_job = Job(window.store, job, window)
    window.health_job.finished.connect(done)
    window.health_job.failed.connect(lambda message: window.statusBar().showMessage(message, 10_000))
    window.health_job.start()
