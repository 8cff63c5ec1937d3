"""The print page previews the card with the PDF's own drawing code and saves PDFs."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from desktop_app.core.printing import cards
from desktop_app.core.store import Store
from desktop_app.ui.pages.printing import PrintPage, paint_cards
from desktop_app.ui.widgets.card_canvas import card_image


def test_preview_shows_both_sides_and_saves_a_pdf(qtbot: QtBot, profiled: Store, tmp_path: Path) -> None:
    page = PrintPage(profiled)
    qtbot.addWidget(page)
    assert page.chosen_ids() == [profiled.own_cadre_id]
    assert not page.front.pixmap().isNull() and not page.back.pixmap().isNull()
    out = tmp_path / "cards.pdf"
    page.layout_box.setCurrentIndex(page.layout_box.findData("sheet"))
    page.save_pdf(out)
    assert page.job is not None
    assert not page.progress.isHidden() and not page.cancel_button.isHidden()
    seen: list[int] = []
    page.job.progress.connect(lambda done, _total, _name: seen.append(done))
    with qtbot.waitSignal(page.job.finished, timeout=20_000):
        pass
    assert out.read_bytes().startswith(b"%PDF")
    assert "已保存 2 页" in page.message.text()
    assert seen and seen[-1] == 1000 and page.progress.isHidden() and page.cancel_button.isHidden()


def test_cadre_without_mobile_is_named_in_the_preview(qtbot: QtBot, profiled: Store) -> None:
    other = profiled.save("cadre", {"name": "李娟", "org": "妇联"})["id"]
    page = PrintPage(profiled)
    qtbot.addWidget(page)
    for i in range(page.cadres.count()):
        if page.cadres.item(i).data(Qt.ItemDataRole.UserRole) == other:
            page.cadres.setCurrentRow(i)
    assert "李娟" in page.message.text() and "手机" in page.message.text()


class _GrayImage:
    """A QImage's pixels in the array interface zxing-cpp reads."""

    def __init__(self, image: QImage):
        import array

        gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
        width, height, stride = gray.width(), gray.height(), gray.bytesPerLine()
        raw = bytes(gray.constBits())[: stride * height]
        self._pixels = array.array("B", b"".join(raw[r * stride : r * stride + width] for r in range(height)))
        self.__array_interface__ = {
            "shape": (height, width), "typestr": "|u1", "data": (self._pixels.buffer_info()[0], False), "version": 3,
        }  # fmt: skip


def test_preview_qr_is_the_vcard(profiled: Store) -> None:
    import zxingcpp

    data = cards.card_data(profiled, str(profiled.own_cadre_id))
    found = zxingcpp.read_barcodes(_GrayImage(card_image(data, "back", pixels_per_point=6)))
    assert found and "FN:王芳" in found[0].text and "13812345678" in found[0].text


def test_printing_paints_pages_through_the_same_code(tmp_path: Path, profiled: Store, qtbot: QtBot) -> None:
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    data = cards.card_data(profiled, str(profiled.own_cadre_id))
    paint_cards(printer, [data, data, data], sheet=True, duplex=True)
    assert out.read_bytes().startswith(b"%PDF") and out.stat().st_size > 2000


def test_save_button_asks_where_and_offers_the_folder(qtbot: QtBot, profiled: Store, tmp_path: Path) -> None:
    """保存为 PDF… opens the file dialog; the file goes where she said, never to a file named False."""
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit

    page = PrintPage(profiled)
    qtbot.addWidget(page)
    page.show()
    out = tmp_path / "my-cards.pdf"

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, answer)
            return
        dialog.setDirectory(str(tmp_path))
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        assert name is not None and name.text() == "联系服务卡.pdf"  # a sensible default name
        name.selectAll()
        QTest.keyClicks(name, out.name)
        QTest.keyClick(name, Qt.Key.Key_Return)

    QTimer.singleShot(20, answer)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.job is not None
    with qtbot.waitSignal(page.job.finished, timeout=20_000):
        pass
    assert out.exists(), page.message.text()
    assert out.read_bytes().startswith(b"%PDF") and not Path("False").exists()
    qtbot.waitUntil(page.saved_file.isVisible, timeout=2000)
    assert page.saved_file.folder == tmp_path.resolve()
