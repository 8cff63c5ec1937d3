"""The sync page: export and import run off the UI thread on their own
connection; results, the device registry and conflicts show in the widgets."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from desktop_app.core.demo import generate
from desktop_app.core.store import Store
from desktop_app.core.sync import conflicts, devices
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.pages.sync import SyncPage
from tests.sync_helpers import Replica, make_hub_key


@pytest.fixture
def hub_window(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[MainWindow, Replica, Path]]:
    identity, hub_key = make_hub_key(tmp_path)
    hub = Replica(tmp_path / "hub.db", identity, hub_key, "hub")
    hub.store.save_profile({"name": "县妇联", "org": "通州区妇联"})
    cadre = Replica(tmp_path / "cadre.db", identity, hub_key, "cadre")
    generate.fill(cadre.store, 60, seed=3, anchor=date(2026, 11, 20))
    bundle = cadre.export(tmp_path / "cadre.age")
    assert bundle is not None
    hub.trust(cadre)  # the operator approved this laptop (as a mirror: the demo holds everyone's records)
    cadre.close()
    window = MainWindow(hub.store)
    qtbot.addWidget(window)
    window.show()
    yield window, hub, bundle
    window.close()
    QApplication.processEvents()
    hub.close()


def _sync_page(window: MainWindow) -> SyncPage:
    window.show_section("sync")
    page = window.page("sync")
    assert isinstance(page, SyncPage)
    return page


def test_drop_bundles_to_import_with_a_result_per_file(qtbot: QtBot, hub_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window, hub, bundle = hub_window
    page = _sync_page(window).transfer
    junk = tmp_path / "junk.age"
    junk.write_bytes(b"not a bundle")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(bundle)), QUrl.fromLocalFile(str(junk))])
    drop = QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)  # fmt: skip
    page.drop_zone.dropEvent(drop)
    assert page.job is not None
    with qtbot.waitSignal(page.job.finished, timeout=20_000):
        pass
    assert page.results.rowCount() == 2
    assert page.results.item(0, 0).text() == "cadre.age" and page.results.item(0, 1).text().startswith("新增")
    assert "不是访妇情同步包" in page.results.item(1, 1).text()
    assert hub.store.count("diary") == 60
    assert window.diary_page.model.rowCount() == 60  # lists refreshed after the import


def test_export_writes_a_bundle_and_shows_when_it_was_sent(qtbot: QtBot, hub_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window, _hub, _bundle = hub_window
    page = _sync_page(window).transfer
    assert page.destinations.rowCount() == 1 and page.destinations.item(0, 2).text() == "从未"
    out = tmp_path / "up.age"
    page.destinations.selectRow(0)
    assert not page.export_progress.isVisible()
    page.export(passphrase=None, out=out)
    assert page.job is not None
    assert page.export_progress.isVisible() and page.export_cancel.isEnabled()  # in the export section
    seen: list[int] = []
    page.job.progress.connect(lambda done, _total, _name: seen.append(done))
    with qtbot.waitSignal(page.job.finished, timeout=20_000):
        pass
    assert out.exists() and out.read_bytes().startswith(b"age-encryption.org/v1")
    assert page.destinations.item(0, 2).text() != "从未"
    assert seen == sorted(seen) and seen[-1] == 1000 and len(set(seen)) >= 3  # moves with the work
    assert page.progress.value() == -1  # the import section's bar was not used (never started)
    assert not page.export_progress.isVisible() and not page.export_cancel.isVisible()


def answer_yes_to_questions(monkeypatch: pytest.MonkeyPatch) -> None:
    """Click Yes in the confirmation a person would see (a modal box cannot be clicked offscreen)."""
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *_args: QMessageBox.StandardButton.Yes))


def test_conflicts_and_devices_tabs(qtbot: QtBot, hub_window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    window, hub, bundle = hub_window
    assert hub.import_(bundle).ok
    page = _sync_page(window)
    page.tabs.setCurrentWidget(page.devices)
    assert page.devices.table.rowCount() == 1
    assert page.devices.table.item(0, 3).text() == "1"
    # Make a conflict: two concurrent versions of one point.
    point = hub.store.list_records("liaison_point", limit=1)[0]
    other = Replica(tmp_path / "other.db", tmp_path / "hub.identity", tmp_path / "hub.key", "other")
    for known in devices.registry(hub.store):  # the other machine trusts what the hub trusts
        facts = {"device_id": known.id, "public_key": known.public_key, "cadre_id": known.cadre_id}
        devices.enrol(other.store, facts, known.role)
    hub.trust(other)
    other.import_(bundle)
    other.store.save("liaison_point", {"region": "另一台电脑改的"}, point["id"])
    hub.store.save("liaison_point", {"region": "县里改的"}, point["id"])
    changed = other.export(tmp_path / "other.age")
    assert changed is not None and hub.import_(changed).conflicts == 1
    other.close()
    page.tabs.setCurrentWidget(page.conflicts)
    view = page.conflicts
    assert view.list.rowCount() == 1
    regions = {view.compare.item(r, 0).text(): view.compare.item(r, 1).text() + "|" + view.compare.item(r, 2).text()
               for r in range(view.compare.rowCount())}  # fmt: skip
    assert regions["所属地区"] in ("县里改的|另一台电脑改的", "另一台电脑改的|县里改的")
    loser_region = regions["所属地区"].split("|")[1]
    answer_yes_to_questions(monkeypatch)
    qtbot.mouseClick(view.keep_other, Qt.MouseButton.LeftButton)
    assert view.list.rowCount() == 0 and conflicts.open_conflicts(hub.store) == []
    assert hub.store.get("liaison_point", point["id"])["region"] == loser_region


def test_sync_page_builds_on_a_fresh_install(qtbot: QtBot, profiled: Store) -> None:
    page = SyncPage(profiled)
    qtbot.addWidget(page)
    assert profiled.device_id in page.transfer.identity.text()
    assert "age1" in page.transfer.identity.text()


def test_a_conflict_about_a_woman_reads_in_words_with_her_numbers_masked(
    qtbot: QtBot, hub_window, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window, hub, bundle = hub_window
    assert hub.import_(bundle).ok
    row = hub.store.conn.execute(
        "SELECT id, name, id_number, phone FROM woman WHERE id_number IS NOT NULL AND phone IS NOT NULL LIMIT 1"
    ).fetchone()
    other = Replica(tmp_path / "other.db", tmp_path / "hub.identity", tmp_path / "hub.key", "other")
    for known in devices.registry(hub.store):
        devices.enrol(other.store, {"device_id": known.id, "public_key": known.public_key,
                                    "cadre_id": known.cadre_id}, known.role)  # fmt: skip
    hub.trust(other)
    other.import_(bundle)
    other.store.save("woman", {"needs": "另一台电脑记的需求", "groups": ["left_behind"]}, row["id"])
    hub.store.save("woman", {"needs": "县里记的需求"}, row["id"])
    changed = other.export(tmp_path / "other.age")
    assert changed is not None and hub.import_(changed).conflicts == 1
    other.close()
    page = _sync_page(window)
    page.tabs.setCurrentWidget(page.conflicts)
    view = page.conflicts
    assert view.list.item(0, 0).text() == "联系妇女" and view.list.item(0, 1).text().startswith(row["name"])
    shown = {view.compare.item(r, 0).text(): (view.compare.item(r, 1).text(), view.compare.item(r, 2).text())
             for r in range(view.compare.rowCount())}  # fmt: skip
    assert {"姓名", "身份证号码", "联系电话", "需求"} <= set(shown)
    assert not any(name in shown for name in ("hlc", "device_id", "rev", "owner_id", "consent_method"))
    text = " ".join(" ".join(pair) for pair in shown.values())
    assert row["id_number"] not in text and row["phone"] not in text and row["id_number"][-4:] in text
    assert "None" not in text and "[" not in text
    differs = {view.compare.item(r, 0).text() for r in range(view.compare.rowCount())
               if view.compare.item(r, 1).background().color().name() == "#fff1c2"}  # fmt: skip
    assert "需求" in differs and "姓名" not in differs
