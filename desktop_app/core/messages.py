"""Every message the core shows a person, Chinese first, English beside it."""

from __future__ import annotations

from .i18n import Text

REQUIRED = Text("{label}不能为空", "{label} is required")
TOO_LONG = Text("{label}不能超过{limit}个字", "{label} must be at most {limit} characters")
NOT_A_DATE = Text("{label}应为日期，格式如 2026-09-01", "{label} must be a date like 2026-09-01")
DATE_IN_FUTURE = Text("{label}不能晚于今天（{today}）", "{label} cannot be later than today ({today})")
END_BEFORE_START = Text("{label}不能早于开始日期", "{label} cannot be before the start date")
BAD_CHOICE = Text(
    "{label}的取值“{value}”无效，可选：{options}", "{label}: “{value}” is not valid; choose from: {options}"
)
NOT_A_LIST = Text("{label}应为列表", "{label} must be a list")
NOT_A_NUMBER = Text("{label}应为数字", "{label} must be a number")
NEGATIVE = Text("{label}不能为负数", "{label} cannot be negative")
NOT_A_BOOL = Text("{label}应为“是”或“否”", "{label} must be yes or no")
UNKNOWN_FIELD = Text("没有名为“{field}”的字段", "There is no field named “{field}”")
MISSING_REFERENCE = Text(
    "{label}指向的记录不存在或已删除：{value}", "{label} refers to a record that does not exist or was deleted: {value}"
)
ID_LENGTH = Text(
    "{label}应为18位（最后一位可为X），现在是{length}位",
    "{label} must have 18 characters (the last may be X); it has {length}",
)
ID_CHARS = Text(
    "{label}前17位只能是数字，最后一位是数字或X",
    "{label}: the first 17 characters must be digits, the last a digit or X",
)
ID_REGION = Text("{label}的前两位地区代码“{code}”不存在", "{label}: region code “{code}” does not exist")
ID_BIRTH_DATE = Text("{label}中的出生日期“{birth}”无效", "{label}: birth date “{birth}” is not valid")
ID_CHECK_DIGIT = Text(
    "{label}校验位错误：最后一位应为“{expected}”，请核对号码",
    "{label}: the check digit should be “{expected}”; check the number",
)
BAD_MOBILE = Text(
    "{label}应为11位手机号，以1开头，如 13812345678",
    "{label} must be an 11-digit mobile number starting with 1, e.g. 13812345678",
)
BAD_PHONE = Text(
    "{label}应为手机号或固定电话（如 0531-82034303），可加分机号",
    "{label} must be a mobile or landline number (e.g. 0531-82034303), optionally with an extension",
)
BAD_EMAIL = Text("{label}不是有效的电子邮箱地址", "{label} is not a valid e-mail address")
BAD_TARGET = Text(
    "帮扶对象为妇女时须选择一名妇女；为组织或实体时须选择联系点",
    "A pair that helps a woman needs the woman; one that helps an organisation or entity needs its liaison point",
)
NO_OWN_CADRE = Text(
    "尚未设置本机干部档案：请先在应用中完成首次设置，或运行 fuqing profile --json '{{\"name\": …}}'",
    "This install has no cadre profile yet: finish first-run setup in the app or run fuqing profile --json '{{\"name\": …}}'",
)
UNKNOWN_TYPE = Text("未知的记录类型“{kind}”，可用：{kinds}", "Unknown record type “{kind}”; use one of: {kinds}")
NOT_FOUND = Text("找不到{kind}记录：{record_id}", "No {kind} record: {record_id}")
ALREADY_DELETED = Text("该{kind}记录已删除：{record_id}", "This {kind} record is already deleted: {record_id}")
SCHEMA_TOO_NEW = Text(
    "数据库“{path}”由更新版本的访妇情创建（数据格式第{found}版，本程序只支持到第{supported}版）。请升级访妇情后再打开，本程序不会修改该文件。",
    "The database “{path}” was made by a newer Fuqing (data format {found}; this program supports up to {supported}). Upgrade Fuqing to open it; this program will not change the file.",
)
NOT_A_DATABASE = Text(
    "“{path}”不是访妇情数据库或已损坏：{detail}", "“{path}” is not a Fuqing database or is damaged: {detail}"
)
BAD_JSON = Text("JSON 格式错误：{detail}", "Malformed JSON: {detail}")
JSON_NOT_OBJECT = Text(
    '--json 应为一个 JSON 对象，如 \'{{"title": "…"}}\'', '--json must be a JSON object such as \'{{"title": "…"}}\''
)
