from __future__ import annotations

from desktop_app.core.lists import names
from desktop_app.core.lists.query import SNIPPET_CHARS, Filters, ListQuery
from desktop_app.core.lists.specs import SPECS
from desktop_app.core.store import Store

DIARIES = ListQuery(SPECS["diary"])


def _diaries(store: Store, dates: list[str]) -> list[str]:
    return [
        store.save("diary", {"title": f"日记{i}", "body": "正文" * 50, "date": d})["id"] for i, d in enumerate(dates)
    ]


def test_list_pages_follow_date_then_entry_order_without_gaps(profiled: Store) -> None:
    dates = ["2026-11-01", "2026-11-03", "2026-11-03", "2026-10-30", "2026-11-03", "2026-11-02", "2026-11-01"]
    _diaries(profiled, dates)
    seen: list[tuple[int, str]] = []
    after = None
    while True:
        page = DIARIES.page(profiled, after, 2)
        if not page:
            break
        seen += page
        after = (page[-1][1], page[-1][0])
    assert [d for _s, d in seen] == sorted(dates, reverse=True)
    assert len({s for s, _d in seen}) == len(dates)
    same_day = [s for s, d in seen if d == "2026-11-03"]
    assert same_day == sorted(same_day, reverse=True)


def test_deleted_diaries_leave_the_list(profiled: Store) -> None:
    ids = _diaries(profiled, ["2026-11-01", "2026-11-02"])
    profiled.delete("diary", ids[1])
    page = DIARIES.page(profiled, None, 10)
    assert [profiled.id_for_seq("diary", s) for s, _d in page] == [ids[0]]


def test_rows_show_place_or_liaison_point_and_a_short_snippet(profiled: Store) -> None:
    point = profiled.save("liaison_point", {"name": "王家村", "kind": "village"})
    a = profiled.save("diary", {"title": "甲", "body": "一" * 100, "liaison_point_id": point["id"]})
    b = profiled.save("diary", {"title": "乙", "body": "短", "place": "村委会"})
    seqs = [profiled.seq_for_id("diary", a["id"]), profiled.seq_for_id("diary", b["id"])]
    rows = DIARIES.rows(profiled, seqs)  # type: ignore[arg-type]
    first, second = rows[seqs[0]], rows[seqs[1]]  # type: ignore[index]
    assert first["place"] == "王家村" and second["place"] == "村委会"
    assert first["snippet"] == "一" * SNIPPET_CHARS + "…"
    assert second["snippet"] == "短"


def test_search_pages_continue_below_the_last_row(profiled: Store) -> None:
    for i in range(5):
        profiled.save("diary", {"title": f"第{i}篇", "body": "留守妇女"})
    matching = DIARIES.with_filters(Filters(text="留守"))
    first = [seq for seq, _key in matching.page(profiled, None, 3)]
    rest = [seq for seq, _key in matching.page(profiled, (first[-1], first[-1]), 3)]
    assert len(first) == 3 and len(rest) == 2 and max(rest) < min(first)


def test_lookup_finds_by_part_of_a_name_and_escapes_wildcards(profiled: Store) -> None:
    point = profiled.save("liaison_point", {"name": "王家村", "kind": "village"})
    profiled.save("woman", {"name": "李秀英", "liaison_point_id": point["id"], "address": "王家村3组"})
    profiled.save("woman", {"name": "100%_张", "liaison_point_id": point["id"]})
    assert [label for _id, label in names.lookup(profiled, "woman", "秀")] == ["李秀英（王家村3组）"]
    assert [label for _id, label in names.lookup(profiled, "woman", "%_")] == ["100%_张"]
    assert len(names.lookup(profiled, "woman", "")) == 2
