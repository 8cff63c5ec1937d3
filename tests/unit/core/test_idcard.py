from __future__ import annotations

from datetime import date

from hypothesis import assume, given
from hypothesis import strategies as st

from desktop_app.core import idcard

TODAY = date(2026, 11, 20)
LABEL = "身份证号码"


def test_published_example_is_valid() -> None:
    # The GB 11643 worked example, with an X check digit.
    assert idcard.id_number_error("11010519491231002X", LABEL, TODAY) is None
    assert idcard.id_number_error("11010519491231002x", LABEL, TODAY) is None


def test_each_failure_has_its_own_chinese_message() -> None:
    assert "18位" in idcard.id_number_error("1101051949123100", LABEL, TODAY)  # type: ignore[operator]
    assert "数字" in idcard.id_number_error("1101051949123100AX", LABEL, TODAY)  # type: ignore[operator]
    assert "地区代码" in idcard.id_number_error("99010519491231002X", LABEL, TODAY)  # type: ignore[operator]
    assert "出生日期" in idcard.id_number_error("110105194902300028", LABEL, TODAY)  # type: ignore[operator]
    message = idcard.id_number_error("110105194912310021", LABEL, TODAY)
    assert message is not None and "校验位" in message and "X" in message


def _valid_first17(draw: st.DrawFn) -> str:
    province = draw(st.sampled_from(sorted(idcard.PROVINCE_CODES)))
    rest = draw(st.text("0123456789", min_size=4, max_size=4))
    born = draw(st.dates(min_value=date(1900, 1, 1), max_value=TODAY))
    seq = draw(st.text("0123456789", min_size=3, max_size=3))
    return f"{province}{rest}{born:%Y%m%d}{seq}"


first17s = st.composite(_valid_first17)()


@given(first17s)
def test_computed_check_digit_always_validates(first17: str) -> None:
    assert idcard.id_number_error(first17 + idcard.check_digit(first17), LABEL, TODAY) is None


@given(first17s, st.sampled_from("0123456789X"))
def test_any_other_check_digit_is_rejected(first17: str, wrong: str) -> None:
    assume(wrong != idcard.check_digit(first17))
    assert "校验位" in str(idcard.id_number_error(first17 + wrong, LABEL, TODAY))


@given(first17s, st.integers(0, 16), st.integers(1, 9))
def test_a_single_mistyped_digit_is_caught(first17: str, position: int, delta: int) -> None:
    number = first17 + idcard.check_digit(first17)
    changed = str((int(number[position]) + delta) % 10)
    typo = number[:position] + changed + number[position + 1 :]
    # GB 11643 weights are all non-zero mod 11, so one changed digit always
    # changes the sum mod 11: the number is rejected (for one reason or another).
    assert idcard.id_number_error(typo, LABEL, TODAY) is not None


def test_future_birth_date_rejected() -> None:
    first17 = "11010520301231002"
    assert "出生日期" in str(idcard.id_number_error(first17 + idcard.check_digit(first17), LABEL, TODAY))


def test_mask_shows_only_last_four() -> None:
    assert idcard.mask("11010519491231002X") == "**************002X"
    assert idcard.mask(None) == ""


def test_full_width_spaced_and_dashed_numbers_are_the_same_number() -> None:
    from desktop_app.core.idcard import id_number_error, normalize

    for typed in ("１１０１０５１９４９１２３１００２ｘ", "110105 19491231 002X", "110105-1949-1231-002x"):
        assert normalize(typed) == "11010519491231002X"
        assert id_number_error(typed, "身份证号", date(2026, 11, 23)) is None
