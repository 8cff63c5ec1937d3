"""The campaign's record types: their fields, labels and links, in one place.

The store, validation, the CLI and (later) the generic editors all read these
specs, so a field is described once. Column DDL lives in migrations, frozen per
version; a test checks that every field here has its column.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import enums
from . import messages as msg
from .enums import ChoiceSet
from .errors import UsageError
from .i18n import pick

# Field kinds
TEXT = "text"
LONGTEXT = "longtext"
DATE = "date"
CHOICE = "choice"
CHOICES = "choices"  # several codes, stored as a JSON array
OPEN_CHOICE = "open_choice"  # a code of the list, or any other name a person types (stored as typed)
TAGS = "tags"  # free words, stored as a JSON array
BOOL = "bool"
INT = "int"
AMOUNT = "amount"
REF = "ref"  # id of one record of another type
LINKS = "links"  # ids of several records, kept in a link table
ID_NUMBER = "id_number"
MOBILE = "mobile"
PHONE = "phone"
EMAIL = "email"


@dataclass(frozen=True)
class Field:
    name: str
    kind: str
    zh: str
    en: str
    required: bool = False
    choices: ChoiceSet | None = None
    ref: str | None = None  # record type for REF / LINKS
    not_future: bool = False
    max_length: int | None = None
    default: object = None
    sensitive: bool = False  # a woman's ID number or phone: masked until shown, never in the audit trail

    @property
    def label(self) -> str:
        return pick(self.zh, self.en)


@dataclass(frozen=True)
class Link:
    """A many-to-many link kept in its own synced table."""

    table: str
    parent_column: str
    ref_column: str


@dataclass(frozen=True)
class RecordType:
    name: str
    zh: str
    en: str
    fields: tuple[Field, ...]
    search_fields: tuple[str, ...] = ()
    title_field: str = "name"
    links: dict[str, Link] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return pick(self.zh, self.en)

    def field(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(name)

    def has_field(self, name: str) -> bool:
        return any(f.name == name for f in self.fields)

    @property
    def column_fields(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.kind != LINKS)

    @property
    def link_fields(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.kind == LINKS)


DEFAULT_PROMISE = "有求必应，有访必回，有难必帮"

CADRE = RecordType(
    "cadre",
    "干部",
    "Cadre",
    (
        Field("name", TEXT, "姓名", "Name", required=True, max_length=40),
        Field("org", TEXT, "所在妇联", "Federation", required=True, max_length=80),
        Field("org_level", CHOICE, "妇联层级", "Federation level", choices=enums.ORG_LEVEL),
        Field("position", TEXT, "职务", "Position", max_length=60),
        Field("is_leader", BOOL, "领导干部（局处级）", "Leader (bureau level)", default=False),
        Field("mobile", MOBILE, "手机", "Mobile"),
        Field("office_phone", PHONE, "办公电话", "Office phone"),
        Field("email", EMAIL, "电子邮箱", "E-mail"),
        Field("address", TEXT, "通讯地址", "Address", max_length=120),
        Field("hotline", PHONE, "维权热线", "Rights hotline", default="12338"),
        Field("service_promise", TEXT, "服务承诺", "Service promise", max_length=60, default=DEFAULT_PROMISE),
    ),
)

LIAISON_POINT = RecordType(
    "liaison_point",
    "联系点",
    "Liaison point",
    (
        Field("name", TEXT, "名称", "Name", required=True, max_length=80),
        Field("kind", CHOICE, "类型", "Kind", required=True, choices=enums.LIAISON_POINT_KIND),
        Field("region", TEXT, "所属地区", "Region", max_length=80),
        Field("address", TEXT, "地址", "Address", max_length=120),
        Field("contact_name", TEXT, "联系人", "Contact", max_length=40),
        Field("contact_phone", PHONE, "联系电话", "Contact phone"),
        Field("focus", CHOICES, "重点关注", "Focus", choices=enums.LIAISON_POINT_FOCUS),
        Field("notes", LONGTEXT, "备注", "Notes"),
        Field("cadre_ids", LINKS, "联系干部", "Assigned cadres", ref="cadre"),
    ),
    links={"cadre_ids": Link("liaison_point_cadre", "liaison_point_id", "cadre_id")},
)

WOMAN = RecordType(
    "woman",
    "联系妇女",
    "Woman",
    (
        Field("name", TEXT, "姓名", "Name", required=True, max_length=40),
        Field("id_number", ID_NUMBER, "身份证号码", "ID number", sensitive=True),
        Field("phone", PHONE, "联系电话", "Phone", sensitive=True),
        Field("liaison_point_id", REF, "联系点", "Liaison point", ref="liaison_point"),
        Field("address", TEXT, "住址", "Address", max_length=120),
        Field("groups", CHOICES, "所属群体", "Groups", choices=enums.WOMAN_GROUP),
        Field("needs", LONGTEXT, "需求", "Needs"),
        Field("consent_date", DATE, "同意登记日期", "Consent date", not_future=True),
        Field("consent_method", CHOICE, "同意方式", "Consent given", choices=enums.CONSENT_METHOD),
        Field("notes", LONGTEXT, "备注", "Notes"),
    ),
)

VISIT = RecordType(
    "visit",
    "走访",
    "Visit",
    (
        Field("start_date", DATE, "走访日期", "Date", required=True, not_future=True),
        Field("end_date", DATE, "结束日期", "End date", not_future=True),
        Field("liaison_point_id", REF, "联系点", "Liaison point", required=True, ref="liaison_point"),
        Field("method", CHOICE, "走访方式", "Method", required=True, choices=enums.VISIT_METHOD),
        Field("cadre_ids", LINKS, "参加干部", "Cadres", ref="cadre"),
        Field("woman_ids", LINKS, "走访妇女", "Women met", ref="woman"),
        Field("attendance", INT, "参加人数", "Attendance"),
        Field("situation", LONGTEXT, "了解情况", "Situation"),
        Field("opinions", LONGTEXT, "意见建议", "Opinions"),
    ),
    search_fields=("situation", "opinions"),
    title_field="start_date",
    links={
        "cadre_ids": Link("visit_cadre", "visit_id", "cadre_id"),
        "woman_ids": Link("visit_woman", "visit_id", "woman_id"),
    },
)

HELP_PAIR = RecordType(
    "help_pair",
    "结对帮扶",
    "Help pair",
    (
        Field("mode", CHOICE, "帮扶方式", "Pairing", required=True, choices=enums.HELP_MODE, default="one_to_one"),
        Field(
            "target_kind",
            CHOICE,
            "帮扶对象类型",
            "Target kind",
            required=True,
            choices=enums.HELP_TARGET,
            default="woman",
        ),
        Field("woman_id", REF, "帮扶妇女", "Woman helped", ref="woman"),
        Field("liaison_point_id", REF, "帮扶组织/实体", "Organisation or entity", ref="liaison_point"),
        Field("cadre_ids", LINKS, "帮扶干部", "Cadres", ref="cadre"),
        Field("goals", CHOICES, "帮扶目标", "Goals", choices=enums.HELP_GOAL),
        Field("help_types", CHOICES, "帮扶类型", "Help types", choices=enums.HELP_TYPE),
        Field("start_date", DATE, "结对日期", "Paired on", not_future=True),
        Field("status", CHOICE, "状态", "Status", required=True, choices=enums.HELP_PAIR_STATUS, default="active"),
        Field("notes", LONGTEXT, "备注", "Notes"),
        Field("feedback", CHOICE, "妇女评价", "The woman's feedback", choices=enums.FEEDBACK),
        Field("feedback_note", TEXT, "评价说明", "Feedback note", max_length=200),
    ),
    title_field="start_date",
    links={"cadre_ids": Link("help_pair_cadre", "help_pair_id", "cadre_id")},
)

HELP_LOG = RecordType(
    "help_log",
    "帮扶记录",
    "Help log",
    (
        Field("help_pair_id", REF, "结对帮扶", "Help pair", required=True, ref="help_pair"),
        Field("date", DATE, "日期", "Date", required=True, not_future=True),
        Field("what", TEXT, "帮扶内容", "What was done", required=True, max_length=200),
        Field("help_type", CHOICE, "帮扶类型", "Help type", choices=enums.HELP_TYPE),
        Field("amount", AMOUNT, "金额（元）", "Amount (yuan)"),
        Field("result", LONGTEXT, "成效", "Result"),
        Field("next_step", TEXT, "下一步", "Next step", max_length=200),
        Field("next_date", DATE, "下次日期", "Next date"),
        Field("project_id", REF, "实事项目", "Practical project", ref="project"),
        Field("people", INT, "受益人数（人次）", "People served"),
        Field("jobs", INT, "提供岗位（个）", "Jobs provided"),
        Field("trained", INT, "培训（人次）", "People trained"),
    ),
    title_field="what",
)

DIARY = RecordType(
    "diary",
    "妇情日记",
    "Diary",
    (
        Field("date", DATE, "日期", "Date", required=True, not_future=True),
        Field("author_id", REF, "记录人", "Author", required=True, ref="cadre"),
        Field("liaison_point_id", REF, "联系点", "Liaison point", ref="liaison_point"),
        Field("place", TEXT, "地点", "Place", max_length=80),
        Field("title", TEXT, "标题", "Title", required=True, max_length=100),
        Field("body", LONGTEXT, "正文", "Text", required=True),
        Field("woman_ids", LINKS, "涉及妇女", "Women concerned", ref="woman"),
        Field("tags", TAGS, "标签", "Tags"),
        Field("notable", BOOL, "典型摘录", "Notable", default=False),
    ),
    search_fields=("body", "title", "place", "tags"),
    title_field="title",
    links={"woman_ids": Link("diary_woman", "diary_id", "woman_id")},
)

PROBLEM = RecordType(
    "problem",
    "问题",
    "Problem",
    (
        Field("raised_date", DATE, "发现日期", "Raised on", required=True, not_future=True),
        Field("source", CHOICE, "来源", "Source", required=True, choices=enums.PROBLEM_SOURCE, default="other"),
        Field("source_id", TEXT, "来源记录", "Source record"),
        Field("liaison_point_id", REF, "联系点", "Liaison point", ref="liaison_point"),
        Field("description", LONGTEXT, "问题描述", "Description", required=True),
        Field("category", CHOICE, "问题类别", "Category", required=True, choices=enums.PROBLEM_CATEGORY),
        Field("scope", CHOICE, "问题范围", "Scope", choices=enums.PROBLEM_SCOPE, default="individual"),
        Field("nature", CHOICE, "问题性质", "Nature", choices=enums.PROBLEM_NATURE, default="temporary"),
        Field("disposition", CHOICE, "处置方式", "Disposition", choices=enums.PROBLEM_DISPOSITION, default="solve"),
        Field("responsible", TEXT, "责任人", "Responsible", max_length=40),
        Field("deadline", DATE, "办结时限", "Deadline"),
        Field("status", CHOICE, "办理状态", "Status", required=True, choices=enums.PROBLEM_STATUS, default="open"),
        Field("resolution", LONGTEXT, "办理结果", "Resolution"),
        Field("explained_date", DATE, "向妇女反馈日期", "Explained to her on", not_future=True),
        Field("explanation", LONGTEXT, "向妇女解释的结果", "What she was told"),
        Field("feedback", CHOICE, "妇女评价", "The woman's feedback", choices=enums.FEEDBACK),
        Field("feedback_note", TEXT, "评价说明", "Feedback note", max_length=200),
    ),
    search_fields=("description", "resolution"),
    title_field="description",
)

FEDERATION = RecordType(
    "federation",
    "妇联组织",
    "Federation",
    (
        Field("name", TEXT, "名称", "Name", required=True, max_length=80),
        Field("level", CHOICE, "层级", "Level", choices=enums.ORG_LEVEL),
        Field("parent_id", REF, "上级妇联", "Federation above", ref="federation"),
    ),
)

PROJECT = RecordType(
    "project",
    "实事项目",
    "Practical project",
    (
        Field("name", TEXT, "项目名称", "Name", required=True, max_length=80),
        Field("org", TEXT, "所属妇联", "Federation", required=True, max_length=80),
        Field("year", INT, "年度", "Year", required=True),
        Field("target_people", INT, "目标受益人数（人次）", "Target: people served"),
        Field("target_jobs", INT, "目标岗位（个）", "Target: jobs"),
        Field("target_trained", INT, "目标培训（人次）", "Target: people trained"),
        Field("target_amount", AMOUNT, "目标金额（元）", "Target: amount (yuan)"),
        Field("notes", LONGTEXT, "说明", "Notes"),
    ),
)

REFERRAL = RecordType(
    "referral",
    "转办",
    "Referral",
    (
        Field("problem_id", REF, "问题", "Problem", required=True, ref="problem"),
        Field("department", OPEN_CHOICE, "转办部门", "Referred to", required=True, choices=enums.DEPARTMENT,
              max_length=60),
        Field("sent_date", DATE, "转办日期", "Sent on", required=True, not_future=True),
        Field("note", LONGTEXT, "转办函/说明", "Letter or note"),
        Field("due_date", DATE, "答复期限", "Answer due by"),
        Field("answer_date", DATE, "答复日期", "Answered on", not_future=True),
        Field("answer", LONGTEXT, "答复内容", "Answer"),
        Field("outcome", CHOICE, "答复结果", "Outcome", choices=enums.REFERRAL_OUTCOME),
    ),
    title_field="department",
)  # fmt: skip

RESEARCH = RecordType(
    "research",
    "调研报告",
    "Research report",
    (
        Field("topic", TEXT, "调研题目", "Topic", required=True, max_length=100),
        Field("lead_id", REF, "牵头人", "Lead", required=True, ref="cadre"),
        Field("org", TEXT, "所属妇联", "Federation", max_length=80),
        Field("deadline", DATE, "完成时限", "Due by"),
        Field("status", CHOICE, "状态", "Status", required=True, choices=enums.RESEARCH_STATUS, default="planned"),
        Field("submitted_date", DATE, "报送日期", "Submitted on", not_future=True),
        Field("draft", LONGTEXT, "报告正文", "Report text"),
    ),
    title_field="topic",
)

# The order rows apply in a bundle: what a record refers to comes before it.
RECORD_TYPES: dict[str, RecordType] = {
    t.name: t
    for t in (
        CADRE, FEDERATION, LIAISON_POINT, WOMAN, VISIT, HELP_PAIR, PROJECT, HELP_LOG, DIARY, PROBLEM, REFERRAL,
        RESEARCH,
    )
}  # fmt: skip

# Source kinds of a problem map to the record type the source id must name.
PROBLEM_SOURCE_TYPES = {"visit": "visit", "diary": "diary", "help_pair": "help_pair"}

# Records that cannot exist without their parent (a required reference to it): (child type, its column).
# Deleting the parent deletes them with it; a cadre, a liaison point or a woman is referred to by
# records that stand on their own (a diary, a visit) and is no parent in this sense.
CHILDREN: dict[str, tuple[tuple[str, str], ...]] = {
    "problem": (("referral", "problem_id"),),
    "help_pair": (("help_log", "help_pair_id"),),
}


def record_type(name: str) -> RecordType:
    try:
        return RECORD_TYPES[name]
    except KeyError:
        raise UsageError(msg.UNKNOWN_TYPE.format(kind=name, kinds=", ".join(RECORD_TYPES))) from None


def link_tables() -> list[Link]:
    return [link for t in RECORD_TYPES.values() for link in t.links.values()]
