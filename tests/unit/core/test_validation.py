from __future__ import annotations

from datetime import date

import pytest

from desktop_app.core import records as r
from desktop_app.core.errors import ValidationFailed
from desktop_app.core.validation import clean_record, saving_rules

TODAY = date(2026, 11, 20)
KNOWN = {
    ("help_pair", "hp-1"),
    ("problem", "p-1"),
    ("liaison_point", "lp-1"),
    ("woman", "w-1"),
    ("cadre", "c-1"),
    ("visit", "v-1"),
}
SET = {"source": "other", "status": "open"}


def ref_exists(kind: str, record_id: str) -> bool:
    return (kind, record_id) in KNOWN


def errors_for(kind: str, values: dict) -> dict[str, str]:
    with pytest.raises(ValidationFailed) as info:
        clean_record(r.RECORD_TYPES[kind], values, TODAY, ref_exists)
    return info.value.errors


def test_required_fields_are_named_in_chinese() -> None:
    errors = errors_for("diary", {"date": "2026-11-01"})
    assert errors["title"] == "标题不能为空"
    assert errors["body"] == "正文不能为空"
    assert errors["author_id"] == "记录人不能为空"


def test_date_format_and_not_in_future() -> None:
    assert "格式" in errors_for("diary", {"date": "11/01/2026", "title": "t", "body": "b", "author_id": "c-1"})["date"]
    assert (
        "不能晚于今天"
        in errors_for("diary", {"date": "2026-11-21", "title": "t", "body": "b", "author_id": "c-1"})["date"]
    )


def test_deadline_may_be_in_the_future() -> None:
    clean = clean_record(
        r.PROBLEM,
        {
            "raised_date": "2026-11-01",
            "description": "d",
            "category": "employment",
            "deadline": "2027-01-01",
            "source": "other",
            "status": "open",
        },
        TODAY,
        ref_exists,
    )
    assert clean["deadline"] == "2027-01-01"


def test_a_deadline_or_next_date_comes_after_the_date_it_follows() -> None:
    problem = {
        "raised_date": "2026-11-01",
        "description": "d",
        "category": "employment",
        "deadline": "2026-10-31",
        **SET,
    }
    assert errors_for("problem", problem) == {"deadline": "办结时限不能早于发现日期"}
    act = {"help_pair_id": "hp-1", "date": "2026-11-01", "what": "推荐就业", "next_date": "2026-10-01"}
    assert errors_for("help_log", act)["next_date"] == "下次日期不能早于日期"


def test_a_date_lies_within_the_campaigns_years() -> None:
    woman = {"name": "李秀英", "consent_date": "1900-01-01"}
    assert errors_for("woman", woman) == {"consent_date": "同意登记日期不能早于 2000-01-01：请检查年份是否输错"}
    clean_record(r.WOMAN, {**woman, "consent_date": "2000-01-01"}, TODAY, ref_exists)
    problem = {
        "raised_date": "2026-11-01",
        "description": "d",
        "category": "employment",
        "deadline": "2031-11-21",
        **SET,
    }
    assert errors_for("problem", problem) == {
        "deadline": "办结时限不能晚于 2031-11-20（今天起 5 年内）：请检查年份是否输错"
    }
    clean_record(r.PROBLEM, {**problem, "deadline": "2031-11-20"}, TODAY, ref_exists)
    referral = {"problem_id": "p-1", "department": "民政", "sent_date": "2026-11-01", "due_date": "2126-01-01"}
    assert errors_for("referral", referral).keys() == {"due_date"}
    # Every date field has the lower bound, and each one allowed in the future the upper one.
    for rtype in r.RECORD_TYPES.values():
        for f in rtype.fields:
            if f.kind == r.DATE:
                rec: dict[str, object] = {f.name: "1999-12-31"}
                errors: dict[str, str] = {}
                saving_rules(rtype, rec, errors, TODAY)
                assert "2000-01-01" in errors[f.name], (rtype.name, f.name)


def test_choices_accept_codes_and_chinese_labels() -> None:
    clean = clean_record(r.WOMAN, {"name": "李秀英", "groups": ["留守", "two_cancers", "留守"]}, TODAY, ref_exists)
    assert clean["groups"] == ["left_behind", "two_cancers"]
    assert "可选" in errors_for("woman", {"name": "x", "groups": ["外星人"]})["groups"]


def test_references_must_exist() -> None:
    errors = errors_for("woman", {"name": "x", "liaison_point_id": "nope"})
    assert "不存在" in errors["liaison_point_id"]
    errors = errors_for(
        "visit",
        {"start_date": "2026-11-01", "liaison_point_id": "lp-1", "method": "stay", "woman_ids": ["w-1", "w-404"]},
    )
    assert "w-404" in errors["woman_ids"]


def test_visit_end_not_before_start() -> None:
    errors = errors_for(
        "visit", {"start_date": "2026-11-10", "end_date": "2026-11-01", "liaison_point_id": "lp-1", "method": "stay"}
    )
    assert "不能早于开始日期" in errors["end_date"]


def test_help_pair_target_needs_its_record() -> None:
    errors = errors_for("help_pair", {"target_kind": "woman", "mode": "one_to_one", "status": "active"})
    assert "woman_id" in errors
    errors = errors_for("help_pair", {"target_kind": "entity", "mode": "one_to_one", "status": "active"})
    assert "liaison_point_id" in errors


def test_problem_source_record_must_exist() -> None:
    errors = errors_for(
        "problem",
        {
            "raised_date": "2026-11-01",
            "description": "d",
            "category": "employment",
            "source": "visit",
            "source_id": "v-404",
        },
    )
    assert "source_id" in errors


def test_phone_email_number_bool_rules() -> None:
    errors = errors_for(
        "cadre", {"name": "王芳", "org": "妇联", "mobile": "12345", "email": "x@", "is_leader": "maybe"}
    )
    assert "11位手机号" in errors["mobile"]
    assert "邮箱" in errors["email"]
    assert "是" in errors["is_leader"]
    errors = errors_for("help_log", {"help_pair_id": "p", "date": "2026-11-01", "what": "x", "amount": "-5"})
    assert "负数" in errors["amount"]


def test_unknown_field_rejected() -> None:
    assert "没有名为" in errors_for("woman", {"name": "x", "colour": "red"})["colour"]


def test_text_length_limit() -> None:
    assert "不能超过" in errors_for("woman", {"name": "长" * 41})["name"]


@pytest.mark.parametrize(
    ("kind", "values", "field", "said"),
    [
        ("woman", {"name": {"王芳": "13812345678"}}, "name", "应为文字"),  # an object where a name belongs
        ("woman", {"name": ["王芳"]}, "name", "应为文字"),
        ("woman", {"name": True}, "name", "应为文字"),
        ("woman", {"name": "王芳\x00x"}, "name", "不能保存的字符"),  # a NUL cuts a name short elsewhere
        ("woman", {"name": "王\n芳"}, "name", "不能保存的字符"),
        ("woman", {"name": "\ud800王芳"}, "name", "不能保存的字符"),  # a lone surrogate has no UTF-8 at all
        ("diary", {"date": "2026-11-01", "author_id": "c-1", "title": "t", "body": 1e999}, "body", "应为文字"),
        ("diary", {"date": "2026-11-01", "author_id": "c-1", "title": "t", "body": "正文\udfff"}, "body", "不能保存"),
        ("diary", {"date": "2026-11-01", "author_id": "c-1", "title": "t", "body": "x", "tags": ["a", {"b": 1}]},
         "tags", "应为文字"),
        ("cadre", {"name": "王芳", "org": "妇联", "mobile": {"n": 1}}, "mobile", "应为文字"),
        ("woman", {"name": "李\u2028秀英"}, "name", "不能保存的字符"),  # a line separator breaks a card
        ("woman", {"name": "李秀英\u0085"}, "name", "不能保存的字符"),  # NEL, a C1 control
        ("woman", {"name": "\u200b"}, "name", "不能为空"),  # only a zero-width space is no name
    ],
)  # fmt: skip
def test_a_value_of_the_wrong_shape_is_refused_not_stored_as_its_repr(
    kind: str, values: dict, field: str, said: str
) -> None:
    assert said in errors_for(kind, values)[field]


def test_pasted_text_keeps_its_control_characters_and_numbers_typed_bare_are_text() -> None:
    clean = clean_record(
        r.RECORD_TYPES["diary"],
        {"date": "2026-11-01", "author_id": "c-1", "title": 2026, "body": "第一行\x00\r\t末行"},
        TODAY, ref_exists,
    )  # fmt: skip
    assert clean["title"] == "2026" and clean["body"] == "第一行\x00\r\t末行"


def test_english_messages_are_complete() -> None:
    from desktop_app.core import i18n

    i18n.set_language("en")
    errors = errors_for("diary", {"date": "2026-12-01"})
    assert errors["title"] == "Title is required"
    assert "later than today" in errors["date"]


def test_invisible_characters_pasted_with_a_name_are_dropped() -> None:
    """From a chat or a document: a zero-width space, a direction override, a BOM, a Hangul filler."""
    clean = clean_record(
        r.RECORD_TYPES["woman"], {"name": "\ufeff李\u200b秀英\u202e", "address": "王家村\u31645号"}, TODAY, ref_exists
    )
    assert (clean["name"], clean["address"]) == ("李秀英", "王家村5号")
