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
