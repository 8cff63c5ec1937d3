"""The record specs are consistent: every reference, choice and search field resolves."""

from __future__ import annotations

import pytest

from desktop_app.core import enums
from desktop_app.core import records as r
from desktop_app.core.errors import UsageError


def test_every_reference_names_a_record_type() -> None:
    for rtype in r.RECORD_TYPES.values():
        for f in rtype.fields:
            if f.kind in (r.REF, r.LINKS):
                assert f.ref in r.RECORD_TYPES, (rtype.name, f.name)
            if f.kind in (r.CHOICE, r.CHOICES):
                assert f.choices is not None and f.choices.name in enums.ALL, (rtype.name, f.name)
                if f.default is not None:
                    assert f.default in f.choices
        assert set(rtype.links) == {f.name for f in rtype.link_fields}
        assert all(rtype.has_field(name) for name in rtype.search_fields)
        assert rtype.has_field(rtype.title_field)


def test_design_domain_words_are_the_type_names() -> None:
    assert set(r.RECORD_TYPES) == {
        "cadre", "liaison_point", "woman", "visit", "help_pair", "help_log", "diary", "problem",
        # issue 11's words: 妇联组织, 实事项目, 转办, 调研报告
        "federation", "project", "referral", "research",
    }  # fmt: skip


def test_seed_categories_are_present() -> None:
    assert enums.VISIT_METHOD.code_for("一对一访谈") == "interview"
    assert enums.VISIT_METHOD.code_for("蹲点调研") == "stay"
    assert {"失地失业", "留守", "流动", "特殊困难", "单亲贫困母亲", "高龄空巢", "残疾", "两癌"} <= {
        c.zh for c in enums.WOMAN_GROUP
    }
    assert {"岗位", "法律", "温暖", "政策", "信息", "资金", "项目", "技术"} <= {c.zh for c in enums.HELP_TYPE}
    assert [c.zh for c in enums.PROBLEM_SCOPE] == ["个性问题", "共性问题", "区域性问题", "全局性问题"]
    assert [c.code for c in enums.PROBLEM_DISPOSITION] == ["solve", "explain", "escalate", "warn"]


def test_unknown_type_is_a_usage_error_listing_the_types() -> None:
    with pytest.raises(UsageError) as info:
        r.record_type("diaries")
    assert "diary" in str(info.value)
