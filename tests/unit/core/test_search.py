from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.core import search
from desktop_app.core.store import Store


def _diary(store: Store, body: str, title: str = "日记") -> int:
    record = store.save("diary", {"title": title, "body": body})
    return int(store.conn.execute("SELECT seq FROM diary WHERE id = ?", (record["id"],)).fetchone()[0])


def test_finds_chinese_substrings_of_any_length(profiled: Store) -> None:
    a = _diary(profiled, "今天走访留守妇女李秀英，她想学电商。")
    b = _diary(profiled, "座谈会上大家关心小额贷款。")
    assert profiled.search("diary", "妇") == [a]
    assert profiled.search("diary", "守妇") == [a]
    assert profiled.search("diary", "小额贷款") == [b]
    assert profiled.search("diary", "会") == [b]
    assert profiled.search("diary", "日记") == [b, a]  # title, newest first
    assert profiled.search("diary", "贷款 座谈") == [b]
    assert profiled.search("diary", "留守 贷款") == []
    assert profiled.search("diary", "妇女会") == []


def test_latin_and_digits_are_substrings_too(profiled: Store) -> None:
    a = _diary(profiled, "拨打12338热线，或登录WeChat小程序")
    assert profiled.search("diary", "233") == [a]
    assert profiled.search("diary", "chat") == [a]


def test_edit_and_delete_update_the_index(profiled: Store) -> None:
    record = profiled.save("diary", {"title": "t", "body": "种植草莓"})
    profiled.save("diary", {"body": "养殖山羊"}, record["id"])
    assert profiled.search("diary", "草莓") == []
    assert len(profiled.search("diary", "山羊")) == 1
    profiled.delete("diary", record["id"])
    assert profiled.search("diary", "山羊") == []


def test_visits_and_problems_are_searchable(profiled: Store) -> None:
    point = profiled.save("liaison_point", {"name": "王家村", "kind": "village"})
    profiled.save("visit", {"liaison_point_id": point["id"], "method": "座谈交流", "situation": "留守儿童无人看管"})
    profiled.save("problem", {"description": "公交班次少", "category": "public_service"})
    assert len(profiled.search("visit", "看管")) == 1
    assert len(profiled.search("problem", "班次")) == 1


def test_punctuation_only_query_matches_nothing(profiled: Store) -> None:
    _diary(profiled, "正文")
    assert profiled.search("diary", "，。！") == []
    assert search.match_expression('"引号"') == '"引 号"'


def test_snippet_centres_on_hit() -> None:
    text = "前" * 50 + "关键字" + "后" * 50
    snippet = search.snippet(text, "关键字", width=20)
    assert "关键字" in snippet and snippet.startswith("…") and snippet.endswith("…")


alphabet = st.sampled_from(list("妇女留守电商贷款a1，。 "))


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.text(alphabet, min_size=1, max_size=30), min_size=1, max_size=8),
    st.text(alphabet, min_size=1, max_size=4),
)
def test_search_equals_naive_substring_match(bodies: list[str], query: str) -> None:
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "s.db") as store:
        store.save_profile({"name": "王芳", "org": "妇联"})
        seqs = [_diary(store, "-" + body, title="-") for body in bodies]

        def norm(text: str) -> str:
            return "".join(search.tokens(text))

        words = [norm(w) for w in query.split() if norm(w)]
        expected = sorted(
            (s for s, body in zip(seqs, bodies, strict=True) if words and all(w in norm(body) for w in words)),
            reverse=True,
        )
        assert store.search("diary", query) == expected
