"""Every enumeration of the campaign, in one place, with zh_CN and en labels.

Codes are stable identifiers stored in the database and in bundles; labels are
for people. Sources: the five campaign notices in shared/seeds (Nantong 2017,
Harbin 2014, Shandong 2012, Beijing 2012, Changchun 2016).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .i18n import language


@dataclass(frozen=True)
class Choice:
    code: str
    zh: str
    en: str


class ChoiceSet:
    def __init__(self, name: str, zh: str, en: str, choices: list[Choice]):
        self.name = name
        self.zh = zh
        self.en = en
        self.choices = choices
        self._by_code = {c.code: c for c in choices}

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def __iter__(self) -> Iterator[Choice]:
        return iter(self.choices)

    def codes(self) -> list[str]:
        return [c.code for c in self.choices]

    def label(self, code: str, lang: str | None = None) -> str:
        """In ``lang``, by default the language of the moment: a label is for output,
        and an English report or command must not carry a Chinese one."""
        choice = self._by_code.get(code)
        if choice is None:
            return code
        return choice.en if (lang or language()) == "en" else choice.zh

    def code_for(self, text: str) -> str | None:
        """Accept a code or either label (CLI users type 一对一访谈)."""
        if text in self._by_code:
            return text
        for c in self.choices:
            if text in (c.zh, c.en):
                return c.code
        return None


def _set(name: str, zh: str, en: str, *rows: tuple[str, str, str]) -> ChoiceSet:
    return ChoiceSet(name, zh, en, [Choice(*row) for row in rows])


ORG_LEVEL = _set(
    "org_level",
    "妇联层级",
    "Federation level",
    ("national", "全国", "National"),
    ("province", "省", "Province"),
    ("city", "市", "City"),
    ("county", "县（市、区）", "County / district"),
    ("township", "乡镇（街道）", "Township / subdistrict"),
    ("village", "村（社区）", "Village / community"),
)

LIAISON_POINT_KIND = _set(
    "liaison_point_kind",
    "联系点类型",
    "Liaison point kind",
    ("district", "区县", "District / county"),
    ("township", "街道/乡镇", "Subdistrict / township"),
    ("village", "社区/村", "Community / village"),
    ("household", "联系户", "Household"),
    (
        "enterprise",
        "新型实体（合作社、龙头企业、女性领办企业）",
        "New-type entity (cooperative, leading or woman-led enterprise)",
    ),
    ("women_org", "薄弱村（社区）妇女组织", "Weak village women's organisation"),
)

LIAISON_POINT_FOCUS = _set(
    "liaison_point_focus",
    "重点关注",
    "Focus",
    ("left_behind_migrant", "留守流动妇女儿童多", "Many left-behind or migrant women and children"),
    ("economically_behind", "经济相对落后", "Economically behind"),
    ("female_graduate_official", "有女大学生村干部", "Has a female graduate village official"),
    ("weak_organisation", "妇女组织建设较弱", "Weak women's organisation"),
    ("many_difficulties", "困难妇女较多、难题集中", "Many women in difficulty"),
)

WOMAN_GROUP = _set(
    "woman_group",
    "妇女群体",
    "Group",
    ("landless_unemployed", "失地失业", "Landless or unemployed"),
    ("left_behind", "留守", "Left behind"),
    ("migrant", "流动", "Migrant"),
    ("special_hardship", "特殊困难", "Special hardship"),
    ("single_poor_mother", "单亲贫困母亲", "Poor single mother"),
    ("elderly_empty_nest", "高龄空巢", "Elderly, empty nest"),
    ("disabled", "残疾", "Disabled"),
    ("two_cancers", "两癌", "Cervical or breast cancer"),
    ("entrepreneur", "创业就业", "Starting a business or seeking work"),
)

CONSENT_METHOD = _set(
    "consent_method",
    "同意方式",
    "Consent given",
    ("written", "书面签字", "In writing"),
    ("oral", "当面口头", "Orally in person"),
    ("phone", "电话", "By phone"),
    ("guardian", "监护人代为同意", "By a guardian"),
)

VISIT_METHOD = _set(
    "visit_method",
    "走访方式",
    "Visit method",
    ("interview", "一对一访谈", "One-to-one interview"),
    ("field_inspection", "实地考察", "Field inspection"),
    ("group_talk", "座谈交流", "Group talk"),
    ("questionnaire", "问卷调查", "Questionnaire"),
    ("stay", "蹲点调研", "Multi-day field stay"),
    ("home_visit", "入户走访", "Home visit"),
    ("phone_followup", "电话回访", "Phone follow-up"),
)

HELP_MODE = _set(
    "help_mode",
    "帮扶方式",
    "Pairing",
    ("one_to_one", "一帮一", "One helps one"),
    ("many_to_one", "多帮一", "Several help one"),
)

HELP_TARGET = _set(
    "help_target",
    "帮扶对象类型",
    "Target kind",
    ("woman", "帮扶妇女群众", "A woman"),
    ("women_org", "帮扶妇女组织", "A women's organisation"),
    ("entity", "帮扶新型实体", "A new-type entity"),
)

HELP_GOAL = _set(
    "help_goal",
    "帮扶目标",
    "Goal",
    ("practical_thing", "办一件实事", "Do one practical thing"),
    ("skill", "送一项技术", "Pass on a skill"),
    ("livelihood", "找一个致富门路", "Find a way to earn a living"),
    ("organisation", "健全妇女组织制度", "Strengthen the organisation"),
    ("brand_market", "打造品牌、开拓市场、培训骨干", "Brand, market and train leaders"),
)

HELP_TYPE = _set(
    "help_type",
    "帮扶类型",
    "Help type",
    ("job", "岗位", "Job"),
    ("legal", "法律", "Legal"),
    ("warmth", "温暖", "Care and relief"),
    ("policy", "政策", "Policy"),
    ("information", "信息", "Information"),
    ("funding", "资金", "Funding or loan"),
    ("project", "项目", "Project"),
    ("technology", "技术", "Skill or technology"),
    ("health", "健康", "Health"),
)

HELP_PAIR_STATUS = _set(
    "help_pair_status",
    "帮扶状态",
    "Status",
    ("active", "帮扶中", "Active"),
    ("paused", "暂停", "Paused"),
    ("completed", "已完成", "Completed"),
    ("closed", "已终止", "Closed"),
)

PROBLEM_SOURCE = _set(
    "problem_source",
    "问题来源",
    "Source",
    ("visit", "走访", "Visit"),
    ("diary", "妇情日记", "Diary"),
    ("help_pair", "结对帮扶", "Help pair"),
    ("other", "其他", "Other"),
)

PROBLEM_CATEGORY = _set(
    "problem_category",
    "问题类别",
    "Category",
    ("employment", "就业创业", "Jobs and business"),
    ("rights", "权益维护", "Rights and legal aid"),
    ("marriage_family", "婚姻家庭", "Marriage and family"),
    ("health", "妇女健康", "Health"),
    ("children_education", "儿童教育", "Children and schooling"),
    ("elderly_care", "养老照护", "Care of the elderly"),
    ("poverty_relief", "帮扶救助", "Hardship relief"),
    ("political_participation", "参选参政", "Political participation"),
    ("organisation", "妇女组织建设", "Women's organisation"),
    ("public_service", "公共服务与社会治理", "Public services and governance"),
    ("other", "其他", "Other"),
)

PROBLEM_SCOPE = _set(
    "problem_scope",
    "问题范围",
    "Scope",
    ("individual", "个性问题", "Individual"),
    ("common", "共性问题", "Common"),
    ("regional", "区域性问题", "Regional"),
    ("systemic", "全局性问题", "Systemic"),
)

PROBLEM_NATURE = _set(
    "problem_nature",
    "问题性质",
    "Nature",
    ("temporary", "阶段性", "Temporary"),
    ("trend", "趋势性", "Trend"),
)

PROBLEM_DISPOSITION = _set(
    "problem_disposition",
    "处置方式",
    "Disposition",
    ("solve", "解决", "Solve"),
    ("explain", "解释说明", "Explain"),
    ("escalate", "上报", "Escalate"),
    ("warn", "预警", "Early warning"),
)

PROBLEM_STATUS = _set(
    "problem_status",
    "办理状态",
    "Status",
    ("open", "待办", "Open"),
    ("in_progress", "办理中", "In progress"),
    ("resolved", "已解决", "Resolved"),
    ("explained", "已解释", "Explained"),
    ("escalated", "已上报", "Escalated"),
    ("closed", "已关闭", "Closed"),
)

# Who a problem is referred to (转办). A federation adds its own by typing a new
# name: the referral list offers these and every name used before.
DEPARTMENT = _set(
    "department",
    "转办部门",
    "Department",
    ("federation_above", "上级妇联", "Higher-level federation"),
    ("civil_affairs", "民政", "Civil affairs"),
    ("human_resources", "人社", "Human resources and social security"),
    ("education", "教育", "Education"),
    ("health", "卫健", "Health commission"),
    ("justice", "司法", "Justice"),
    ("police", "公安", "Police"),
    ("township_government", "乡镇政府", "Township government"),
    ("party_committee", "党委", "Party committee"),
    ("congress", "人大", "People's congress"),
    ("cppcc", "政协", "CPPCC"),
)

REFERRAL_OUTCOME = _set(
    "referral_outcome",
    "答复结果",
    "Outcome",
    ("solved", "已解决", "Solved"),
    ("in_progress", "办理中", "In progress"),
    ("refused", "不予解决", "Refused"),
    ("explained", "已向妇女解释", "Explained to the woman"),
)

FEEDBACK = _set(
    "feedback",
    "妇女评价",
    "The woman's feedback",
    ("satisfied", "满意", "Satisfied"),
    ("fairly_satisfied", "基本满意", "Fairly satisfied"),
    ("dissatisfied", "不满意", "Dissatisfied"),
)

RESEARCH_STATUS = _set(
    "research_status",
    "调研状态",
    "Status",
    ("planned", "已立项", "Planned"),
    ("drafting", "撰写中", "Drafting"),
    ("submitted", "已报送", "Submitted"),
)

ALL: dict[str, ChoiceSet] = {
    s.name: s
    for s in (
        ORG_LEVEL,
        LIAISON_POINT_KIND,
        LIAISON_POINT_FOCUS,
        WOMAN_GROUP,
        CONSENT_METHOD,
        VISIT_METHOD,
        HELP_MODE,
        HELP_TARGET,
        HELP_GOAL,
        HELP_TYPE,
        HELP_PAIR_STATUS,
        PROBLEM_SOURCE,
        PROBLEM_CATEGORY,
        PROBLEM_SCOPE,
        PROBLEM_NATURE,
        PROBLEM_DISPOSITION,
        PROBLEM_STATUS,
        DEPARTMENT,
        REFERRAL_OUTCOME,
        FEEDBACK,
        RESEARCH_STATUS,
    )
}
