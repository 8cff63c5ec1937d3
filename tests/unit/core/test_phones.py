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


@pytest.mark.parametrize("number", ["123", "0531-123", "phone", "00000000000000"])
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
        ("0513-86123456-123", "0513-86123456-123"),
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
