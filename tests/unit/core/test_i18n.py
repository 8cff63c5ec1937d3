from __future__ import annotations

import string
from collections.abc import Iterator

import pytest

from desktop_app.core import i18n
from desktop_app.core import messages as msg


@pytest.fixture
def english() -> Iterator[None]:
    before = i18n.language()
    i18n.set_language("en")
    yield
    i18n.set_language(before)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Exported 1 rows to a.age", "Exported 1 row to a.age"),
        ("Saved 1 pages: card.pdf", "Saved 1 page: card.pdf"),
        ("1 items, 1 overdue (double-click to open)", "1 item, 1 overdue (double-click to open)"),
        ("1 open problems, 0 overdue", "1 open problem, 0 overdue"),
        ("1 help pairs, 11 links, 21 records, 0 devices", "1 help pair, 11 links, 21 records, 0 devices"),
        ("0.1 rows, 2,001 records", "0.1 rows, 2,001 records"),
        ("共 1 条", "共 1 条"),
    ],
)
def test_one_thing_takes_the_singular(text: str, said: str) -> None:
    assert i18n.agree(text) == said


def test_core_messages_agree_with_their_count(english: None) -> None:
    assert msg.BINDING_MORE_DEVICES.format(n=1) == "This cadre already has 1 approved device here"
    assert msg.BINDING_MORE_DEVICES.format(n=2) == "This cadre already has 2 approved devices here"
    i18n.set_language("zh")
    assert msg.BINDING_MORE_DEVICES.format(n=1) == "这位干部在本机已有 1 台获批的设备"


@pytest.mark.parametrize("language", ["zh", "en"])
def test_a_message_without_fields_reads_the_same_through_str_and_format(language: str) -> None:
    """JSON_NOT_OBJECT said '{{"title": "…"}}': shown with str(), its escaped braces stayed doubled."""
    before = i18n.language()
    i18n.set_language(language)
    try:
        plain = [
            (name, text)
            for name, text in vars(msg).items()
            if isinstance(text, i18n.Text) and not any(f for _, f, _, _ in string.Formatter().parse(str(text.zh)))
        ]
        assert ("JSON_NOT_OBJECT", msg.JSON_NOT_OBJECT) in plain
        for name, text in plain:
            assert str(text) == text.format(), name
            assert "{{" not in str(text) and "}}" not in str(text), name
        assert str(msg.JSON_NOT_OBJECT).endswith("""'{"title": "…"}'""")
    finally:
        i18n.set_language(before)
