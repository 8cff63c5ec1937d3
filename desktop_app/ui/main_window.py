"""Main window: navigation sidebar over the campaign's sections."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent
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

from .. import __version__
from ..core.store import Store
from .coming_page import ComingPage
from .home_page import HomePage
from .pages import DiaryPage, HelpPairPage, LiaisonPointPage, VisitPage, WomanPage
from .problem_page import ProblemPage
from .profile_dialog import ProfileDialog
from .record_page import RecordPage


class MainWindow(QMainWindow):
    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("访妇情 — 妇联干部下基层工作台"))
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setFixedWidth(150)
        self.pages = QStackedWidget()
        self.home_page = HomePage(store)
        self.diary_page = DiaryPage(store)
        self.visit_page = VisitPage(store)
        self.help_pair_page = HelpPairPage(store)
        self.woman_page = WomanPage(store)
        self.liaison_point_page = LiaisonPointPage(store)
        self.problem_page = ProblemPage(store)
        sections: list[tuple[str, str, QWidget]] = [
            ("home", self.tr("首页"), self.home_page),
            ("diary", self.tr("妇情日记"), self.diary_page),
            ("visit", self.tr("走访"), self.visit_page),
            ("help_pair", self.tr("结对帮扶"), self.help_pair_page),
            ("woman", self.tr("联系妇女"), self.woman_page),
            ("liaison_point", self.tr("联系点"), self.liaison_point_page),
            ("problem", self.tr("问题清单"), self.problem_page),
            (
                "cards",
                self.tr("联系服务卡"),
                ComingPage(self.tr("联系服务卡"), self.tr("打印联系服务卡（正面信息、背面二维码名片）。")),
            ),
            (
                "reports",
                self.tr("报表"),
                ComingPage(self.tr("报表"), self.tr("双月、季度、年度报表（PDF 与 Excel）。")),
            ),
            ("sync", self.tr("同步"), ComingPage(self.tr("同步"), self.tr("加密同步包的导出与导入。"))),
        ]
        self.section_keys: list[str] = []
        for key, label, page in sections:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.sidebar.addItem(item)
            self.pages.addWidget(page)
            self.section_keys.append(key)
        self.sidebar.currentRowChanged.connect(self.pages.setCurrentIndex)
        for panel in (
            self.home_page,
            self.woman_page.related,
            self.liaison_point_page.related,
            self.visit_page.related,
        ):
            panel.open_requested.connect(self.open_record)
        self.visit_page.raise_problem.connect(self.raise_problem)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self._build_menu()
        self._update_status()
        self.show_section("diary")
        self.resize(1180, 760)

    def show_section(self, key: str) -> None:
        self.sidebar.setCurrentRow(self.section_keys.index(key))

    def record_pages(self) -> dict[str, RecordPage]:
        return {
            "diary": self.diary_page,
            "visit": self.visit_page,
            "help_pair": self.help_pair_page,
            "woman": self.woman_page,
            "liaison_point": self.liaison_point_page,
            "problem": self.problem_page.list_page,
        }

    def open_record(self, kind: str, record_id: str) -> None:
        """Go to a record's page and open it (from related lists and follow-ups)."""
        if kind == "help_log":
            kind, record_id = "help_pair", self.store.get("help_log", record_id)["help_pair_id"]
        self.show_section(kind)
        if kind == "problem":
            self.problem_page.show_problem(record_id)
        else:
            self.record_pages()[kind].show_record(record_id)

    def raise_problem(self, values: dict) -> None:
        self.show_section("problem")
        self.problem_page.new_problem(values)

    def closeEvent(self, event: QCloseEvent) -> None:
        for page in self.record_pages().values():
            page.shutdown()
        super().closeEvent(event)

    def offer_drafts(self) -> None:
        """After a crash: offer each page's newest unsaved draft back."""
        for key, page in self.record_pages().items():
            if page.pending_drafts():
                self.show_section(key)
                page.offer_drafts()

    def _build_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("文件"))
        profile = QAction(self.tr("本机干部档案…"), self)
        profile.triggered.connect(self.edit_profile)
        menu.addAction(profile)
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

    def _update_status(self) -> None:
        own = self.store.own_cadre_id
        name = self.store.get("cadre", own)["name"] if own and self.store.exists("cadre", own) else ""
        self.statusBar().addPermanentWidget(QLabel(self.tr("干部：{name}").format(name=name)))
        self.statusBar().addPermanentWidget(QLabel(self.tr("数据文件：{path}").format(path=self.store.path)))

    def edit_profile(self) -> None:
        ProfileDialog(self.store, self).exec()

    def choose_language(self, code: str) -> None:
        QSettings().setValue("ui/language", code)
        QMessageBox.information(
            self,
            self.tr("语言 / Language"),
            self.tr("界面语言将在重新启动访妇情后生效。\nThe new language applies after a restart."),
        )

    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("关于访妇情"),
            self.tr("访妇情 {version}\n离线记录走访、结对帮扶与妇情日记。\n本机设备编号：{device}").format(
                version=__version__, device=self.store.device_id
            ),
        )
