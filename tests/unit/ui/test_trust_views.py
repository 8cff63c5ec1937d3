"""The hub operator's screens: a waiting laptop approved with a click, a change
beyond its sender's rights accepted from the review list, refusals with reasons."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from desktop_app.core.store import RowWrite
from desktop_app.core.sync import devices
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.pages.sync import SyncPage
from desktop_app.ui.widgets.devices_view import ApproveDialog
from tests.sync_helpers import Replica, make_hub_key


@pytest.fixture
def hub_and_laptop(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[MainWindow, Replica, Replica]]:
    files = make_hub_key(tmp_path)
    hub = Replica(tmp_path / "hub.db", *files, "hub")
    hub.store.save_profile({"name": "县妇联", "org": "通州区妇联", "mobile": "13800000000"})
    laptop = Replica(tmp_path / "laptop.db", *files, "laptop")
    laptop.store.save_profile({"name": "王芳", "org": "通州区妇联", "mobile": "13811111111"})
    window = MainWindow(hub.store)
    qtbot.addWidget(window)
    window.show()
    window.show_section("sync")
    yield window, hub, laptop
    window.close()
    QApplication.processEvents()
    laptop.close()
    hub.close()


def _page(window: MainWindow) -> SyncPage:
    page = window.page("sync")
    assert isinstance(page, SyncPage)
    return page


def _accept_next_dialog(role_index: int = 0) -> None:
    def accept() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ApproveDialog)
        dialog.role.setCurrentIndex(role_index)
        dialog.accept()

    QTimer.singleShot(0, accept)


def test_a_waiting_laptop_is_approved_and_its_kept_bundle_merged(
    qtbot: QtBot, hub_and_laptop: tuple[MainWindow, Replica, Replica], tmp_path: Path
) -> None:
    window, hub, laptop = hub_and_laptop
    laptop.store.save("diary", {"title": "第一篇", "body": "走访留守妇女"})
    out = laptop.export(tmp_path / "first.age")
    assert out is not None and hub.import_(out).waiting
    view = _page(window).devices
    _page(window).tabs.setCurrentWidget(view)
    assert view.table.rowCount() == 1
    assert "王芳" in view.table.item(0, 0).text() and view.table.item(0, 2).text() == "等待批准"
    assert "1 台设备等待批准" in view.summary.text()
    view.table.selectRow(0)
    assert view.approve_button.isEnabled()
    _accept_next_dialog()
    qtbot.mouseClick(view.approve_button, Qt.MouseButton.LeftButton)
    assert hub.store.count("diary") == 1
    assert view.table.item(0, 2).text() == "已批准"  # refreshed by the change, not by hand
    assert window.diary_page.model.rowCount() == 1


def test_a_change_beyond_the_senders_rights_is_accepted_from_the_review_list(
    qtbot: QtBot, hub_and_laptop: tuple[MainWindow, Replica, Replica], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, hub, laptop = hub_and_laptop
    hub.trust(laptop, role="cadre")
    first = laptop.export(tmp_path / "profile.age")
    assert first is not None and hub.import_(first).new == 1
    hubs_own = str(hub.store.own_cadre_id)
    with laptop.store.transaction():  # her laptop has the hub cadre's profile, and changes its phone
        row = hub.store.stored_row("cadre", hubs_own)
        assert row is not None
        laptop.store.write_rows("cadre", [RowWrite(row)])
    laptop.store.save("cadre", {"mobile": "13899999999"}, hubs_own)
    second = laptop.export(tmp_path / "phone.age")
    assert second is not None
    result = hub.import_(second)
    assert result.held == 1 and hub.store.get("cadre", hubs_own)["mobile"] == "13800000000"
    view = _page(window).proposals
    _page(window).tabs.setCurrentWidget(view)
    assert view.list.rowCount() == 1 and "本人的干部档案" in view.list.item(0, 3).text()
    fields = {view.compare.item(r, 0).text(): (view.compare.item(r, 1).text(), view.compare.item(r, 2).text())
              for r in range(view.compare.rowCount())}  # fmt: skip
    assert fields["手机"] == ("138****0000", "138****9999")  # labels, masked, the difference shown
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *_a: QMessageBox.StandardButton.Yes))
    qtbot.mouseClick(view.accept_button, Qt.MouseButton.LeftButton)
    assert hub.store.get("cadre", hubs_own)["mobile"] == "13899999999"
    assert view.list.rowCount() == 0 and "已接受" in view.summary.text()


def test_a_refused_bundle_is_listed_with_its_reason(
    qtbot: QtBot, hub_and_laptop: tuple[MainWindow, Replica, Replica], tmp_path: Path
) -> None:
    window, hub, laptop = hub_and_laptop
    junk = tmp_path / "junk.age"
    junk.write_bytes(b"not a bundle at all")
    assert not hub.import_(junk).ok
    devices.revoke_device(hub.store, laptop.store.device_id)  # unknown id: nothing happens
    view = _page(window).devices
    _page(window).tabs.setCurrentWidget(view)
    assert view.refused.rowCount() == 1
    assert view.refused.item(0, 1).text() == "junk.age" and "不是访妇情同步包" in view.refused.item(0, 2).text()


def test_the_device_list_shows_the_app_version_each_laptop_sent(
    hub_and_laptop: tuple[MainWindow, Replica, Replica], tmp_path: Path
) -> None:
    """The bundle's manifest carries the version the laptop runs; the hub's device list shows it."""
    from desktop_app import __version__
    from desktop_app.core.sync import bundle, exchange

    window, hub, laptop = hub_and_laptop
    laptop.store.save("diary", {"title": "第一篇", "body": "走访留守妇女"})
    out = laptop.export(tmp_path / "first.age")
    assert out is not None
    manifest = bundle.open_bundle(exchange.decrypt_file(hub.store, out)).manifest
    assert manifest["sender"]["app_version"] == __version__
    assert hub.import_(out).waiting
    assert devices.get(hub.store, laptop.store.device_id).app_version == __version__  # type: ignore[union-attr]
    view = _page(window).devices
    _page(window).tabs.setCurrentWidget(view)
    header = view.table.horizontalHeaderItem(view.table.columnCount() - 1)
    assert header is not None and header.text() == "软件版本"
    row = next(r for r in range(view.table.rowCount()) if "王芳" in view.table.item(r, 0).text())
    assert view.table.item(row, view.table.columnCount() - 1).text() == __version__
