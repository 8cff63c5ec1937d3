"""联系服务卡: choose cadres and layout, see the card, save a PDF or print."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QMarginsF, QSizeF, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.i18n import agree
from ...core.printing import cards, imposition
from ...core.store import Store
from .. import file_dialogs
from ..changes import follow
from ..jobs import Job
from ..widgets.card_canvas import QtCardCanvas
from ..widgets.card_preview import CardPreview
from ..widgets.job_progress import JobProgress
from ..widgets.saved_file import SavedFileButtons

ID_ROLE = Qt.ItemDataRole.UserRole


class PrintPage(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.job: Job | None = None
        self.cadres = QListWidget()
        self.cadres.setObjectName("card_cadres")
        self.select_all = QPushButton(self.tr("全选"))
        self.layout_box = QComboBox()
        self.layout_box.setObjectName("card_layout")
        self.layout_box.addItem(self.tr("每页一张（卡片尺寸）"), "card")
        self.layout_box.addItem(self.tr("A4 每页 10 张，带裁切线"), "sheet")
        self.duplex = QCheckBox(self.tr("双面打印（反面镜像对齐）"))
        self.duplex.setChecked(True)
        self.front = CardPreview("front")
        self.front.setObjectName("card_front_preview")
        self.back = CardPreview("back")
        self.back.setObjectName("card_back_preview")
        self.message = QLabel()
        self.message.setObjectName("card_message")
        self.message.setWordWrap(True)
        self.save_button = QPushButton(self.tr("保存为 PDF…"))
        self.print_button = QPushButton(self.tr("打印…"))
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("选择干部")))
        left.addWidget(self.cadres, 1)
        left.addWidget(self.select_all)
        left.addWidget(self.layout_box)
        left.addWidget(self.duplex)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("预览（正面 / 反面）")))
        right.addWidget(self.front)
        right.addWidget(self.back)
        right.addWidget(self.message)
        buttons = QHBoxLayout()
        self.saved_file = SavedFileButtons()
        buttons.addWidget(self.saved_file)
        self.running = JobProgress("card", self.tr("取消"))  # shown while the PDF is being made
        self.progress, self.cancel_button = self.running.bar, self.running.cancel_button
        buttons.addWidget(self.running, 1)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        right.addLayout(buttons)
        right.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addLayout(right, 2)
        self.cadres.currentItemChanged.connect(lambda *_: self.preview())
        self.cadres.itemChanged.connect(lambda *_: self.preview())
        self.select_all.clicked.connect(self._select_all)
        # clicked(bool) would arrive as the file name: ask for one instead.
        self.save_button.clicked.connect(lambda: self.save_pdf())
        self.print_button.clicked.connect(self.print_cards)
        self._filled = False
        self.refresh()
        # A card shows the cadre's record and her liaison points.
        follow(self, store, ["cadre", "liaison_point"], self.refresh)

    def refresh(self) -> None:
        """List the cadres, keeping what was ticked and which card is previewed."""
        current = self.cadres.currentItem()
        current_id = current.data(ID_ROLE) if current else self.store.own_cadre_id
        checked = set(self.chosen_ids()) if self._filled else {self.store.own_cadre_id}
        self.cadres.blockSignals(True)
        self.cadres.clear()
        for cadre in self.store.list_records("cadre"):
            item = QListWidgetItem(f"{cadre['name']}（{cadre.get('position') or ''}）")
            item.setData(ID_ROLE, cadre["id"])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if cadre["id"] in checked else Qt.CheckState.Unchecked)
            self.cadres.addItem(item)
            if cadre["id"] == current_id:
                self.cadres.setCurrentItem(item)
        self.cadres.blockSignals(False)
        self._filled = True
        self.preview()

    def _select_all(self) -> None:
        for i in range(self.cadres.count()):
            self.cadres.item(i).setCheckState(Qt.CheckState.Checked)

    def chosen_ids(self) -> list[str]:
        return [
            str(self.cadres.item(i).data(ID_ROLE))
            for i in range(self.cadres.count())
            if self.cadres.item(i).checkState() == Qt.CheckState.Checked
        ]

    def preview(self) -> None:
        item = self.cadres.currentItem()
        self.front.clear_card()
        self.back.clear_card()
        if item is None:
            return
        try:
            data = cards.card_data(self.store, str(item.data(ID_ROLE)))
            self.front.show_card(data)
            self.back.show_card(data)
        except cards.CardError as error:
            self.front.clear_card()
            self._say(str(error))
            return
        self._say("")

    def file_name(self) -> str:
        return self.tr("联系服务卡") + ".pdf"

    def save_pdf(self, out: Path | None = None) -> None:
        ids = self.chosen_ids()
        if not ids:
            self._say(self.tr("请至少选择一名干部"))
            return
        if out is None:
            out = file_dialogs.save_file(self, self.tr("保存联系服务卡"), self.file_name(), "PDF (*.pdf)")
            if out is None:
                return
        layout, duplex = self.layout_box.currentData(), self.duplex.isChecked()
        target = out

        def job(store: Store, progress: Any, cancelled: Any) -> int:
            return cards.render_cadres(store, ids, target, layout, duplex, progress, cancelled)

        self.job = Job(self.store, job, self)
        self.saved_file.hide()
        self.running.follow(self.job)
        self.job.finished.connect(lambda pages: self._say(
            agree(self.tr("已保存 {n} 页：{path}").format(n=pages, path=target)), problem=False))  # fmt: skip
        self.job.finished.connect(lambda *_: self.saved_file.show_for(target))
        self.job.failed.connect(self._say)
        self.save_button.setEnabled(False)
        self.job.finished.connect(lambda *_: self.save_button.setEnabled(True))
        self.job.failed.connect(lambda *_: self.save_button.setEnabled(True))
        self.job.start()

    def _say(self, text: str, problem: bool = True) -> None:
        """Problems in red beside the preview; a result (已保存 …) in the ordinary colour."""
        self.message.setStyleSheet("color: #b3261e;" if problem else "")
        self.message.setText(text)

    def print_cards(self) -> None:
        ids = self.chosen_ids()
        try:
            data = [cards.card_data(self.store, cadre_id) for cadre_id in ids]
        except cards.CardError as error:
            self._say(str(error))
            return
        if not data:
            self._say(self.tr("请至少选择一名干部"))
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        sheet = self.layout_box.currentData() == "sheet"
        if sheet:
            printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        else:
            printer.setPageSize(QPageSize(QSizeF(85.6, 54), QPageSize.Unit.Millimeter, "ID-1"))
        printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
        printer.setFullPage(True)
        if self.duplex.isChecked():
            printer.setDuplex(QPrinter.DuplexMode.DuplexLongSide)
        if QPrintDialog(printer, self).exec() != QPrintDialog.DialogCode.Accepted:
            return
        paint_cards(printer, data, sheet, self.duplex.isChecked())


def paint_cards(printer: QPrinter, data: list[cards.CardData], sheet: bool, duplex: bool) -> None:
    """Print through the same layout and drawing code as the PDF, page by page."""
    layout = "sheet" if sheet else "card"
    painter = QPainter(printer)
    canvas = QtCardCanvas(painter, printer.resolution() / 72, imposition.page_size(layout)[1])
    for number, page in enumerate(imposition.pages(data, layout, duplex)):
        if number:
            printer.newPage()
        for p in page.placements:
            if p.crop_marks:
                imposition.draw_crop_marks(canvas, p.x, p.y)
            cards.draw_side(canvas, p.side, p.x, p.y, p.card)
    painter.end()
