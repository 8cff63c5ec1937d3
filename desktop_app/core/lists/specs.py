"""What each record type's list shows: columns as SQL, filters, related lists."""

from __future__ import annotations

from .. import enums
from .query import CHOICE, CHOICES, MASKED_ID, MASKED_PHONE, NUMBER, SNIPPET, Column, Filters, ListQuery, ListSpec


def _point_name(alias: str = "p") -> str:
    return f"LEFT JOIN liaison_point {alias} ON {alias}.id = t.liaison_point_id"


SPECS: dict[str, ListSpec] = {
    "diary": ListSpec(
        "diary",
        (
            Column("date", "日期", "Date", "t.date", width=92, not_null=True),
            Column("place", "地点", "Place", "coalesce(nullif(t.place, ''), p.name, '')"),
            Column("title", "标题", "Title", "t.title", width=200),
            Column("snippet", "摘要", "Excerpt", "t.body", SNIPPET, width=260),
        ),
        default_sort="date",
        joins=_point_name(),
        date_sql="t.date",
    ),
    "visit": ListSpec(
        "visit",
        (
            Column("start_date", "日期", "Date", "t.start_date", width=92, not_null=True),
            Column("end_date", "结束", "End", "coalesce(t.end_date, '')", width=92),
            Column("point", "联系点", "Liaison point", "p.name", width=170),
            Column("method", "方式", "Method", "t.method", CHOICE, enums.VISIT_METHOD),
            Column("attendance", "人数", "People", "t.attendance", NUMBER, width=60),
            Column("situation", "了解情况", "Situation", "t.situation", SNIPPET, width=260),
        ),
        default_sort="start_date",
        joins=_point_name(),
        date_sql="t.start_date",
    ),
    "woman": ListSpec(
        "woman",
        (
            Column("name", "姓名", "Name", "t.name", width=90, not_null=True),
            Column("id_number", "身份证号", "ID number", "t.id_number", MASKED_ID, width=150),
            Column("phone", "电话", "Phone", "t.phone", MASKED_PHONE, width=110),
            Column("point", "联系点", "Liaison point", "p.name", width=170),
            Column("groups", "群体", "Groups", "t.groups", CHOICES, enums.WOMAN_GROUP, width=160),
            Column("needs", "需求", "Needs", "t.needs", SNIPPET, width=220),
        ),
        default_sort="name",
        default_descending=False,
        joins=_point_name(),
        date_sql="t.consent_date",
        group_sql="t.groups",
        name_search_sql="t.name || ' ' || coalesce(t.address, '') || ' ' || coalesce(t.needs, '')",
    ),
    "liaison_point": ListSpec(
        "liaison_point",
        (
            Column("name", "名称", "Name", "t.name", width=190, not_null=True),
            Column("kind", "类型", "Kind", "t.kind", CHOICE, enums.LIAISON_POINT_KIND, width=150),
            Column("region", "地区", "Region", "coalesce(t.region, '')", width=160),
            Column("contact_name", "联系人", "Contact", "coalesce(t.contact_name, '')", width=80),
            Column("focus", "重点关注", "Focus", "t.focus", CHOICES, enums.LIAISON_POINT_FOCUS, width=200),
        ),
        default_sort="name",
        default_descending=False,
        point_sql="t.id",
        status_sql="t.kind",
        status_choices=enums.LIAISON_POINT_KIND,
        name_search_sql="t.name || ' ' || coalesce(t.region, '') || ' ' || coalesce(t.address, '')",
    ),
    "help_pair": ListSpec(
        "help_pair",
        (
            Column("start_date", "结对日期", "Paired on", "coalesce(t.start_date, '')", width=92),
            Column("target", "帮扶对象", "Helped", "coalesce(w.name, p.name, '')", width=150),
            Column("mode", "方式", "Pairing", "t.mode", CHOICE, enums.HELP_MODE, width=70),
            Column("target_kind", "对象类型", "Target", "t.target_kind", CHOICE, enums.HELP_TARGET),
            Column("help_types", "帮扶类型", "Help types", "t.help_types", CHOICES, enums.HELP_TYPE, width=150),
            Column("status", "状态", "Status", "t.status", CHOICE, enums.HELP_PAIR_STATUS, width=70),
        ),
        default_sort="start_date",
        joins="LEFT JOIN woman w ON w.id = t.woman_id " + _point_name(),
        date_sql="t.start_date",
        point_sql="coalesce(w.liaison_point_id, t.liaison_point_id)",
        status_sql="t.status",
        status_choices=enums.HELP_PAIR_STATUS,
        name_search_sql="coalesce(w.name, p.name, '') || ' ' || coalesce(t.notes, '')",
    ),
    "problem": ListSpec(
        "problem",
        (
            Column("raised_date", "发现日期", "Raised", "t.raised_date", width=92, not_null=True),
            Column("category", "类别", "Category", "t.category", CHOICE, enums.PROBLEM_CATEGORY, width=100),
            Column("description", "问题描述", "Description", "t.description", SNIPPET, width=240),
            Column("scope", "范围", "Scope", "coalesce(t.scope, '')", CHOICE, enums.PROBLEM_SCOPE, width=80),
            Column(
                "disposition",
                "处置",
                "Disposition",
                "coalesce(t.disposition, '')",
                CHOICE,
                enums.PROBLEM_DISPOSITION,
                width=70,
            ),
            Column("responsible", "责任人", "Responsible", "coalesce(t.responsible, '')", width=70),
            Column("deadline", "时限", "Deadline", "coalesce(t.deadline, '')", width=92),
            Column("status", "状态", "Status", "t.status", CHOICE, enums.PROBLEM_STATUS, width=70),
        ),
        default_sort="raised_date",
        joins=_point_name(),
        date_sql="t.raised_date",
        status_sql="t.status",
        status_choices=enums.PROBLEM_STATUS,
    ),
    "cadre": ListSpec(
        "cadre",
        (
            Column("name", "姓名", "Name", "t.name", width=90, not_null=True),
            Column("position", "职务", "Position", "coalesce(t.position, '')", width=140),
            Column("org", "所在妇联", "Federation", "t.org", width=200),
            Column("mobile", "手机", "Mobile", "t.mobile", MASKED_PHONE),
        ),
        default_sort="name",
        default_descending=False,
        point_sql=None,
        name_search_sql="t.name || ' ' || coalesce(t.position, '')",
    ),
    "help_log": ListSpec(
        "help_log",
        (
            Column("date", "日期", "Date", "t.date", width=92, not_null=True),
            Column("what", "帮扶内容", "What was done", "t.what", width=200),
            Column("help_type", "类型", "Type", "coalesce(t.help_type, '')", CHOICE, enums.HELP_TYPE, width=60),
            Column("amount", "金额", "Amount", "t.amount", NUMBER, width=70),
            Column("result", "成效", "Result", "coalesce(t.result, '')", width=140),
            Column("next_step", "下一步", "Next step", "coalesce(t.next_step, '')", width=140),
            Column("next_date", "下次日期", "Next date", "coalesce(t.next_date, '')", width=92),
        ),
        default_sort="date",
        point_sql=None,
        date_sql="t.date",
        name_search_sql="t.what || ' ' || coalesce(t.result, '')",
    ),
    "referral": ListSpec(
        "referral",
        (
            Column("sent_date", "转办日期", "Sent", "t.sent_date", width=92, not_null=True),
            Column("department", "部门", "Department", "t.department", CHOICE, enums.DEPARTMENT, width=110),
            Column("due_date", "答复期限", "Due by", "coalesce(t.due_date, '')", width=92),
            Column("answer_date", "答复日期", "Answered", "coalesce(t.answer_date, '')", width=92),
            Column("outcome", "答复结果", "Outcome", "coalesce(t.outcome, '')", CHOICE, enums.REFERRAL_OUTCOME),
            Column("answer", "答复内容", "Answer", "coalesce(t.answer, '')", SNIPPET, width=200),
        ),
        default_sort="sent_date",
        point_sql=None,
        date_sql="t.sent_date",
        name_search_sql="t.department || ' ' || coalesce(t.note, '') || ' ' || coalesce(t.answer, '')",
    ),
    "project": ListSpec(
        "project",
        (
            Column("year", "年度", "Year", "t.year", NUMBER, width=60, not_null=True),
            Column("name", "项目名称", "Project", "t.name", width=200),
            Column("org", "所属妇联", "Federation", "t.org", width=180),
            Column("target_jobs", "目标岗位", "Target jobs", "t.target_jobs", NUMBER, width=80),
            Column("target_trained", "目标培训", "Target trained", "t.target_trained", NUMBER, width=80),
            Column("target_amount", "目标金额", "Target amount", "t.target_amount", NUMBER, width=100),
        ),
        default_sort="year",
        point_sql=None,
        name_search_sql="t.name || ' ' || t.org",
    ),
    "research": ListSpec(
        "research",
        (
            Column("topic", "调研题目", "Topic", "t.topic", width=240, not_null=True),
            Column("lead", "牵头人", "Lead", "coalesce(c.name, '')", width=80),
            Column("deadline", "完成时限", "Due by", "coalesce(t.deadline, '')", width=92),
            Column("status", "状态", "Status", "t.status", CHOICE, enums.RESEARCH_STATUS, width=70),
            Column("submitted_date", "报送日期", "Submitted", "coalesce(t.submitted_date, '')", width=92),
        ),
        default_sort="deadline",
        joins="LEFT JOIN cadre c ON c.id = t.lead_id",
        point_sql=None,
        date_sql="t.deadline",
        status_sql="t.status",
        status_choices=enums.RESEARCH_STATUS,
        name_search_sql="t.topic || ' ' || coalesce(t.org, '')",
    ),
    "federation": ListSpec(
        "federation",
        (
            Column("name", "名称", "Name", "t.name", width=220, not_null=True),
            Column("level", "层级", "Level", "coalesce(t.level, '')", CHOICE, enums.ORG_LEVEL, width=120),
            Column("parent", "上级妇联", "Federation above", "coalesce(f.name, '')", width=220),
        ),
        default_sort="name",
        default_descending=False,
        joins="LEFT JOIN federation f ON f.id = t.parent_id",
        point_sql=None,
        name_search_sql="t.name",
    ),
}


# For each record type, the lists of other types that belong to one of its
# records: (list kind, SQL over t with ? for the record's id, how many ?).
RELATED: dict[str, list[tuple[str, str, int]]] = {
    "liaison_point": [
        ("visit", "t.liaison_point_id = ?", 1),
        ("woman", "t.liaison_point_id = ?", 1),
        ("help_pair", "coalesce(w.liaison_point_id, t.liaison_point_id) = ?", 1),
        ("problem", "t.liaison_point_id = ?", 1),
    ],
    "woman": [
        ("help_pair", "t.woman_id = ?", 1),
        ("help_log", "t.help_pair_id IN (SELECT id FROM help_pair WHERE woman_id = ? AND deleted = 0)", 1),
        ("visit", "t.id IN (SELECT visit_id FROM visit_woman WHERE woman_id = ? AND deleted = 0)", 1),
        (
            "problem",
            "t.source_id IN (SELECT visit_id FROM visit_woman WHERE woman_id = ? AND deleted = 0) "
            "OR t.source_id IN (SELECT id FROM help_pair WHERE woman_id = ? AND deleted = 0)",
            2,
        ),
    ],
    "help_pair": [("help_log", "t.help_pair_id = ?", 1)],
    "visit": [("problem", "t.source = 'visit' AND t.source_id = ?", 1)],
    "problem": [("referral", "t.problem_id = ?", 1)],
}


def related(spec_kind: str, sql: str, record_id: str, placeholders: int = 1) -> ListQuery:
    """A list of one type restricted to rows related to another record."""
    return ListQuery(SPECS[spec_kind], Filters(extra=((sql, (record_id,) * placeholders),)))
