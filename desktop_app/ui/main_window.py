"""Main window: navigation sidebar over the campaign's sections."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
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
from .diary_page import DiaryPage
from .profile_dialog import ProfileDialog


class MainWindow(QMainWindow):
    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("访妇情 — 妇联干部下基层工作台"))
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setFixedWidth(150)
        self.pages = QStackedWidget()
        self.diary_page = DiaryPage(store)
        sections: list[tuple[str, str, QWidget]] = [
            (
                "home",
                self.tr("首页"),
                ComingPage(self.tr("首页"), self.tr("今日与逾期待办、今年下基层天数、任务指标进度。")),
            ),
            ("diary", self.tr("妇情日记"), self.diary_page),
            (
                "visit",
                self.tr("走访"),
                ComingPage(self.tr("走访"), self.tr("一对一访谈、实地考察、座谈交流、问卷调查、蹲点调研等走访记录。")),
            ),
            (
                "help_pair",
                self.tr("结对帮扶"),
                ComingPage(self.tr("结对帮扶"), self.tr("一帮一、多帮一结对与帮扶记录时间线。")),
            ),
            (
                "woman",
                self.tr("联系妇女"),
                ComingPage(self.tr("联系妇女"), self.tr("联系妇女与帮扶对象：群体、需求、同意登记。")),
            ),
            (
                "liaison_point",
                self.tr("联系点"),
                ComingPage(self.tr("联系点"), self.tr("区县、街道乡镇、社区村、联系户、新型实体与薄弱村妇女组织。")),
            ),
            (
                "problem",
                self.tr("问题清单"),
                ComingPage(self.tr("问题清单"), self.tr("问题清单、责任清单与趋势预警。")),
            ),
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
