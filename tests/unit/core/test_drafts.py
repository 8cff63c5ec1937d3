from __future__ import annotations

from pathlib import Path

from desktop_app.core import drafts
from desktop_app.core.store import Store


def test_draft_survives_reopen_and_is_replaced_not_duplicated(store: Store, db_path: Path) -> None:
    drafts.save_draft(store, "diary", None, {"title": "第一稿"})
    drafts.save_draft(store, "diary", None, {"title": "第二稿"})
    store.close()
    with Store(db_path) as again:
        found = drafts.drafts(again, "diary")
        assert [d.data for d in found] == [{"title": "第二稿"}]
        assert found[0].record_id is None and found[0].key == "diary:new"


def test_drafts_are_per_record_and_discarded_individually(store: Store) -> None:
    drafts.save_draft(store, "diary", "a", {"title": "甲"})
    drafts.save_draft(store, "diary", "b", {"title": "乙"})
    drafts.save_draft(store, "visit", None, {"situation": "丙"})
    drafts.discard_draft(store, "diary", "a")
    assert [d.record_id for d in drafts.drafts(store, "diary")] == ["b"]
    assert len(drafts.drafts(store, "visit")) == 1
