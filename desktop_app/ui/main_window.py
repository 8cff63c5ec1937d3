"""Main window: navigation sidebar over the campaign's sections."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QIcon
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from ..core import drafts
from ..core.changes import SETTINGS
from ..core.store import Store
from ..paths import icon_path
from . import window_state
from .changes import follow
from .dialogs.about import AboutDialog
from .dialogs.backups import BackupsDialog
from .dialogs.password import ChangePasswordDialog
from .dialogs.profile import ProfileDialog
from .jobs import Job
from .pages.record_page import RecordPage
from .pages.records import DiaryPage, FederationPage, HelpPairPage, LiaisonPointPage, VisitPage, WomanPage

if TYPE_CHECKING:
    from .pages.home import HomePage
    from .pages.problems import ProblemPage


# Pages other than the record pages are imported when first shown: the window appears
# ~100 ms sooner (importing them costs that: reportlab, zxing-cpp, pyrage), and most sessions never
# open the print, report or sync pages.


def _home(store: Store) -> QWidget:
    from .pages.home import HomePage

    return HomePage(store)


def _problems(store: Store) -> QWidget:
    from .pages.problems import ProblemPage

    return ProblemPage(store)


def _projects(store: Store) -> QWidget:
    from .pages.projects import ProjectPage

    return ProjectPage(store)


def _research(store: Store) -> QWidget:
    from .pages.research import ResearchPage

    return ResearchPage(store)


def _print(store: Store) -> QWidget:
    from .pages.printing import PrintPage

    return PrintPage(store)


def _reports(store: Store) -> QWidget:
    from .pages.reports import ReportsPage

    return ReportsPage(store)


def _sync(store: Store) -> QWidget:
    from .pages.sync import SyncPage

    return SyncPage(store)


class MainWindow(QMainWindow):
    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.health_job: Job | None = None  # the integrity check and daily backup after start
        title = self.tr("访妇情 — 妇联干部下基层工作台")
        if store.is_demo:  # never mistaken for her real notebook
            title = self.tr("【演示数据】") + title
        self.setWindowTitle(title)
        self.setWindowIcon(QIcon(str(icon_path())))
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setFixedWidth(150)
        self.pages = QStackedWidget()
        # Pages are built the first time they are shown: start-up pays only
        # for the page a cadre lands on.
        self._factories: dict[str, Callable[[], QWidget]] = {
            "home": lambda: _home(store),
            "diary": lambda: DiaryPage(store),
            "visit": lambda: VisitPage(store),
            "help_pair": lambda: HelpPairPage(store),
            "woman": lambda: WomanPage(store),
            "liaison_point": lambda: LiaisonPointPage(store),
            "problem": lambda: _problems(store),
            "project": lambda: _projects(store),
            "research": lambda: _research(store),
            "cards": lambda: _print(store),
            "reports": lambda: _reports(store),
            "sync": lambda: _sync(store),
            "federation": lambda: FederationPage(store),
        }
        labels = {
            "home": self.tr("首页"),
            "diary": self.tr("妇情日记"),
            "visit": self.tr("走访"),
            "help_pair": self.tr("结对帮扶"),
            "woman": self.tr("联系妇女"),
            "liaison_point": self.tr("联系点"),
            "problem": self.tr("问题清单"),
            "project": self.tr("实事项目"),
            "research": self.tr("调研报告"),
            "cards": self.tr("联系服务卡"),
            "reports": self.tr("报表"),
            "sync": self.tr("同步"),
            "federation": self.tr("妇联组织"),
        }
        self.section_keys = list(self._factories)
        self._built: dict[str, QWidget] = {}
        for key in self.section_keys:
            item = QListWidgetItem(labels[key])
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.sidebar.addItem(item)
            self.pages.addWidget(QWidget())
        self.sidebar.currentRowChanged.connect(self._section_changed)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self._build_menu()
        self._build_status()
        # She comes back to the section she left; a first start opens on the home
        # page and its guide (what to record first, how sync works).
        self.show_section(window_state.restore_section(self.section_keys) or "home")
        if not window_state.restore_geometry(self):
            screens = window_state.available_screens()
            wanted = QSize(1180, 760)
            self.resize(window_state.first_size(wanted, screens[0]) if screens else wanted)

    def show_section(self, key: str) -> None:
        self.sidebar.setCurrentRow(self.section_keys.index(key))

    def _section_changed(self, row: int) -> None:
        self.pages.setCurrentWidget(self.page(self.section_keys[row]))

    def page(self, key: str) -> QWidget:
        """The section's page, built on first use."""
        built = self._built.get(key)
        if built is None:
            built = self._factories[key]()
            index = self.section_keys.index(key)
            placeholder = self.pages.widget(index)
            assert placeholder is not None
            self.pages.insertWidget(index, built)
            self.pages.removeWidget(placeholder)
            placeholder.deleteLater()
            self._built[key] = built
            self._connect(key, built)
            listed = getattr(built, "list_page", built)  # the problem page holds its record page
            if isinstance(listed, RecordPage):
                window_state.restore_splitter(key, listed.splitter)
        return built

    def _connect(self, key: str, page: QWidget) -> None:
        if key == "home":
            cast("HomePage", page).open_requested.connect(self.open_record)
            cast("HomePage", page).open_sync.connect(lambda: self.show_section("sync"))
        if isinstance(page, (WomanPage, LiaisonPointPage, VisitPage)):
            page.related.open_requested.connect(self.open_record)
        if isinstance(page, VisitPage):
            page.raise_problem.connect(self.raise_problem)

    @property
    def home_page(self) -> HomePage:
        return cast("HomePage", self.page("home"))

    @property
    def diary_page(self) -> DiaryPage:
        return cast(DiaryPage, self.page("diary"))

    @property
    def visit_page(self) -> VisitPage:
        return cast(VisitPage, self.page("visit"))

    @property
    def help_pair_page(self) -> HelpPairPage:
        return cast(HelpPairPage, self.page("help_pair"))

    @property
    def woman_page(self) -> WomanPage:
        return cast(WomanPage, self.page("woman"))

    @property
    def liaison_point_page(self) -> LiaisonPointPage:
        return cast(LiaisonPointPage, self.page("liaison_point"))

    @property
    def problem_page(self) -> ProblemPage:
        return cast("ProblemPage", self.page("problem"))

    def record_pages(self, built_only: bool = False) -> dict[str, RecordPage]:
        """Record pages by kind (building them, unless ``built_only``)."""
        pages: dict[str, RecordPage] = {}
        for key in ("diary", "visit", "help_pair", "woman", "liaison_point", "problem", "project", "research",
                    "federation"):  # fmt: skip
            if built_only and key not in self._built:
                continue
            page = self.page(key)
            # The problem and project sections hold their list page in a tab.
            pages[key] = cast(RecordPage, getattr(page, "list_page", page))
        return pages

    def open_record(self, kind: str, record_id: str) -> None:
        """Go to a record's page and open it (from related lists and follow-ups)."""
        if kind == "help_log":
            kind, record_id = "help_pair", self.store.get("help_log", record_id)["help_pair_id"]
        if kind == "referral":  # a referral is shown under its problem
            referral = record_id
            self.open_record("problem", self.store.get("referral", referral)["problem_id"])
            self.problem_page.list_page.referrals.open_child(referral)
            return
        self.show_section(kind)
        if kind == "problem":
            self.problem_page.show_problem(record_id)
        else:
            self.record_pages()[kind].show_record(record_id)

    def raise_problem(self, values: dict) -> None:
        self.show_section("problem")
        self.problem_page.new_problem(values)

    def closeEvent(self, event: QCloseEvent) -> None:
        window_state.save_geometry(self)
        window_state.save_section(self.section_keys[self.sidebar.currentRow()])
        for key, page in self.record_pages(built_only=True).items():
            window_state.save_splitter(key, page.splitter)
            page.shutdown()
        if "home" in self._built:
            self.home_page.hub.shutdown()  # its count runs on a connection of its own
        super().closeEvent(event)

    def offer_drafts(self) -> None:
        """After a crash: offer each page's newest unsaved draft back."""
        for kind in drafts.kinds_with_drafts(self.store):
            page = self.record_pages().get(kind)
            if page is not None:
                self.show_section(kind)
                page.offer_drafts()

    def _build_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("文件"))
        profile = QAction(self.tr("本机干部档案…"), self)
        profile.triggered.connect(self.edit_profile)
        menu.addAction(profile)
        backups = QAction(self.tr("备份与恢复…"), self)
        backups.triggered.connect(self.show_backups)
        menu.addAction(backups)
        password = QAction(self.tr("数据口令与恢复码…"), self)
        password.triggered.connect(self.change_password)
        menu.addAction(password)
        menu.addSeparator()
        quit_action = QAction(self.tr("退出"), self)
        quit_action.setShortcut("Ctrl+Q")
        quit_action.triggered.connect(self.close)
        menu.addAction(quit_action)
        language = self.menuBar().addMenu(self.tr("语言 / Language"))
        for code, label in (("zh", "中文"), ("en", "English")):
            action = QAction(label, self)
            action.triggered.connect(lambda _checked=False, c=code: self.choose_language(c))
            language.addAction(action)
        help_menu = self.menuBar().addMenu(self.tr("帮助"))
        about = QAction(self.tr("关于访妇情"), self)
        about.triggered.connect(self.about)
        help_menu.addAction(about)

    def _build_status(self) -> None:
        self.cadre_label = QLabel()
        self.cadre_label.setObjectName("status_cadre")
        self.statusBar().addPermanentWidget(self.cadre_label)
        self.statusBar().addPermanentWidget(QLabel(self.tr("数据文件：{path}").format(path=self.store.path)))
        self._update_status()
        follow(self, self.store, ["cadre", SETTINGS], self._update_status)

    def _update_status(self) -> None:
        cadre = self.store.own_cadre()
        self.cadre_label.setText(self.tr("干部：{name}").format(name=cadre["name"] if cadre else ""))

    def show_backups(self) -> None:
        BackupsDialog(self.store, self).exec()

    def change_password(self) -> None:
        dialog = ChangePasswordDialog(self.store, self)
        if dialog.exec():
            QMessageBox.information(self, self.tr("数据口令与恢复码"), dialog.done_message)

    def edit_profile(self) -> None:
        ProfileDialog(self.store, self).exec()

    def choose_language(self, code: str) -> None:
        QSettings().setValue("ui/language", code)
        QMessageBox.information(
            self,
            self.tr("语言 / Language"),
            self.tr("界面语言将在重新启动访妇情后生效。\nThe new language applies after a restart."),
        )

    def about(self) -> AboutDialog:
        dialog = AboutDialog(self.store, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog
