from __future__ import annotations

import pytest

from desktop_app.core import phones


@pytest.mark.parametrize("number", ["13812345678", "+86 13812345678", "138-1234-5678", "19912345678"])
def test_mobiles(number: str) -> None:
    assert phones.is_mobile(number)


@pytest.mark.parametrize("number", ["12812345678", "1381234567", "138123456789", "abc"])
def test_not_mobiles(number: str) -> None:
    assert not phones.is_mobile(number)


@pytest.mark.parametrize(
    "number", ["0531-82034303", "87657530", "(0451)87657530", "010-65103456转8001", "12338", "13812345678"]
)
def test_phones(number: str) -> None:
    assert phones.is_phone(number)


@pytest.mark.parametrize(
    "number",
    # 020 (Guangzhou) and a local number starting with 1: no local number does; 0201 is no area code
    ["123", "0531-123", "phone", "00000000000000", "02012345678", "020-12345678", "(020)12345678", "12345678"],
)
def test_not_phones(number: str) -> None:
    assert not phones.is_phone(number)


def test_mask_keeps_prefix_and_last_four() -> None:
    assert phones.mask("13812345678") == "138****5678"


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("１３９１２３４５６７８", "13912345678"),  # full-width, as a Chinese input method types it
        ("139 1234 5678", "13912345678"),
        ("+86 139-1234-5678", "13912345678"),
        ("0513 8123 4567", "0513-81234567"),  # a landline with its area code, spaced
        ("010 6512 3456", "010-65123456"),
        ("（０５１３）８６１２３４５６", "0513-86123456"),
        ("0513-86123456转123", "0513-86123456转123"),
        ("0513-86123456-123", "0513-86123456转123"),  # the extension after a dash, as after 转
        ("0513 8612 3456 - 123", "0513-86123456转123"),
        ("0513 8612 3456 转 123", "0513-86123456转123"),
        ("020-8765-4321", "020-87654321"),  # a dash inside the local number is no extension
        ("12338", "12338"),
    ],
)
def test_numbers_as_people_type_them(typed: str, stored: str) -> None:
    assert phones.clean(typed) == stored and phones.is_phone(typed)


def test_a_typed_mobile_and_landline_are_stored_clean(store: object) -> None:
    from desktop_app.core.store import Store

    assert isinstance(store, Store)
    saved = store.save("cadre", {"name": "王芳", "org": "妇联", "mobile": "１３８ １２３４ ５６７８",
                                 "office_phone": "0513 8612 3456"})  # fmt: skip
    assert (saved["mobile"], saved["office_phone"]) == ("13812345678", "0513-86123456")


def test_a_landline_that_cannot_be_is_refused_and_nothing_saved(store: object) -> None:
    from desktop_app.core.errors import ValidationFailed
    from desktop_app.core.store import Store

    assert isinstance(store, Store)
    with pytest.raises(ValidationFailed) as info:
        store.save("cadre", {"name": "王芳", "org": "妇联", "office_phone": "02012345678"})
    assert "应为手机号或固定电话" in str(info.value)
    assert store.count("cadre") == 0
