from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from desktop_app.core.lists.query import Filters
from desktop_app.core.lists.specs import SPECS
from desktop_app.core.store import Store
from desktop_app.ui.models.record_list import PAGE, RecordListModel


def test_model_passes_qt_model_tester(qtmodeltester: ModelTester, demo_store: Store) -> None:
    model = RecordListModel(demo_store, SPECS["diary"])
    qtmodeltester.check(model)
    model.set_query("妇女")
    qtmodeltester.check(model)


def test_rows_newest_date_first_with_id_in_user_role(demo_store: Store) -> None:
    model = RecordListModel(demo_store, SPECS["diary"])
    assert model.rowCount() == PAGE and model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == demo_store.count("diary") == 400 and not model.canFetchMore()
    dates = [model.data(model.index(row, 0)) for row in range(model.rowCount())]
    assert dates == sorted(dates, reverse=True)
    first_id = model.data(model.index(0, 0), Qt.ItemDataRole.UserRole)
    assert demo_store.get("diary", first_id)["date"] == dates[0]
    assert model.position_of(first_id) == 0


def test_model_reads_only_the_rows_it_shows(demo_store: Store) -> None:
    model = RecordListModel(demo_store, SPECS["diary"])
    assert model._cache == {}
    model.data(model.index(0, 2))
    assert 0 < len(model._cache) <= 200


def test_search_results_come_a_page_at_a_time(tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from desktop_app.core.demo import generate

    with Store(tmp_path / "big.db") as store:
        generate.fill(store, 1500, seed=2, anchor=date(2026, 11, 20))
        model = RecordListModel(store, SPECS["diary"])
        model.set_query("妇")
        total = len(store.search("diary", "妇"))
        assert total > PAGE
        assert model.rowCount() == PAGE and model.canFetchMore()
        while model.canFetchMore():
            model.fetchMore()
        assert model.rowCount() == total
        snippets = [model.data(model.index(row, 3)) for row in range(20)]
        titles = [model.data(model.index(row, 2)) for row in range(20)]
        assert all("妇" in s or "妇" in t for s, t in zip(snippets, titles, strict=True))
        model.set_query("")
        assert model.rowCount() == PAGE and model.canFetchMore()
        while model.canFetchMore():
            model.fetchMore()
        dates = [model.data(model.index(row, 0)) for row in range(model.rowCount())]
        assert len(dates) == 1500 and dates == sorted(dates, reverse=True)
        last_id = model.record_id(1499)
        model.set_query("")
        assert model.position_of(last_id) == 1499  # pages in until found


@pytest.mark.parametrize("kind", sorted(SPECS))
def test_every_list_model_passes_qt_model_tester(qtmodeltester: ModelTester, demo_store: Store, kind: str) -> None:
    model = RecordListModel(demo_store, SPECS[kind])
    qtmodeltester.check(model)
    assert model.rowCount() > 0
    model.set_filters(Filters(text="村"))
    qtmodeltester.check(model)
    model.sort(0, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(model)
