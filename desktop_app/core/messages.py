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
BAD_HUB_KEY = Text("“{path}”不是有效的县妇联公钥文件：{detail}", "“{path}” is not a valid hub key file: {detail}")
UNKNOWN_DESTINATION = Text(
    "没有名为“{name}”的发送对象，请先导入县妇联公钥", "No destination “{name}”: import the hub key first"
)
BUNDLE_EMPTY = Text("文件是空的，不是同步包", "The file is empty, not a sync bundle")
BUNDLE_TOO_LARGE = Text(
    "同步包过大（{size} MB，上限 {limit} MB）", "The bundle is too large ({size} MB, limit {limit} MB)"
)
BUNDLE_NOT_AGE = Text("不是访妇情同步包（不是 age 加密文件）", "Not a Fuqing sync bundle (not an age-encrypted file)")
BUNDLE_TRUNCATED = Text(
    "同步包不完整：文件在复制或传输时被截断（或末尾损坏），请重新复制",
    "The bundle is incomplete: it was cut off while copying (or its end is damaged); copy it again",
)
BUNDLE_CORRUPT = Text(
    "同步包已损坏或被篡改：完整性校验失败，请重新导出",
    "The bundle is damaged or was tampered with: its integrity check failed; export it again",
)
BUNDLE_WRONG_KEY = Text(
    "无法解密：这个同步包不是发给本机的（本机没有对应的私钥）",
    "Cannot decrypt: this bundle was not encrypted to this install's key",
)
BUNDLE_WRONG_PASSPHRASE = Text("无法解密：口令不正确", "Cannot decrypt: wrong passphrase")
BUNDLE_NEEDS_PASSPHRASE = Text(
    "这个同步包用口令加密，请提供口令", "This bundle is encrypted with a passphrase: give the passphrase"
)
BUNDLE_BOMB = Text(
    "同步包解压后超过大小上限（{limit} MB），已拒绝", "The bundle expands beyond the size limit ({limit} MB); refused"
)
BUNDLE_BAD_ZIP = Text("同步包内容不是有效的 ZIP：{detail}", "The bundle's content is not a valid ZIP: {detail}")
BUNDLE_TOO_MANY_ENTRIES = Text("同步包内文件过多（{n} 个）", "Too many files inside the bundle ({n})")
BUNDLE_BAD_PATH = Text("同步包内含非法路径“{name}”，已拒绝", "The bundle contains an illegal path “{name}”; refused")
BUNDLE_NO_MANIFEST = Text("同步包缺少清单或签名", "The bundle has no manifest or signature")
BUNDLE_BAD_MANIFEST = Text("同步包清单无效：{detail}", "The bundle's manifest is invalid: {detail}")
BUNDLE_NEWER_FORMAT = Text(
    "同步包格式较新（第{found}版，本程序支持到第{supported}版），请升级访妇情",
    "The bundle's format is newer (version {found}; this program reads up to {supported}): upgrade Fuqing",
)
BUNDLE_NEWER_SCHEMA = Text(
    "同步包来自更新版本的访妇情（数据格式第{found}版，本程序支持到第{supported}版），请升级",
    "The bundle comes from a newer Fuqing (data format {found}; this program supports up to {supported}): upgrade",
)
BUNDLE_BAD_SIGNATURE = Text(
    "同步包签名无效：内容被改动或不是由所声称的设备发出",
    "The bundle's signature is invalid: it was altered or not sent by the device it names",
)
BUNDLE_HASH_MISMATCH = Text(
    "同步包内文件与清单校验值不符：{name}", "A file in the bundle does not match the manifest's hash: {name}"
)
BUNDLE_KEY_CHANGED = Text(
    "设备 {device} 的签名密钥与以前不同，已拒绝（如设备确已重装，请先在设备登记中撤销旧设备）",
    "Device {device} signs with a different key than before; refused (if it was reinstalled, revoke the old device first)",
)
BUNDLE_REVOKED = Text(
    "设备 {device} 已被撤销，不再接收它的同步包", "Device {device} was revoked; its bundles are no longer accepted"
)
BUNDLE_OWN = Text("这是本机自己导出的同步包", "This bundle was exported by this install")
NOTHING_TO_EXPORT = Text(
    "没有新的记录需要发送给“{name}”，未生成文件", "Nothing new to send to “{name}”; no file written"
)
EXPORT_FAILED = Text(
    "写入同步包失败（{detail}），原有文件未改动", "Writing the bundle failed ({detail}); no existing file was changed"
)
WRITE_FAILED = Text(
    "无法写入“{path}”（{detail}）：原有文件未改动。请检查磁盘空间和写入权限",
    "Could not write “{path}” ({detail}); no existing file was changed. Check the free space and permissions",
)
CARD_NO_MOBILE = Text(
    "干部“{name}”没有手机号，联系服务卡必须公开手机号：请先在干部档案中填写手机",
    "Cadre “{name}” has no mobile number, which a contact card must show: add it to the cadre record first",
)
CARD_TOO_LONG = Text(
    "干部“{name}”的{field}太长，缩到最小字号也放不下联系服务卡：请缩短后再打印",
    "Cadre “{name}”: the {field} is too long to fit the card even at the smallest size; shorten it",
)
BAD_PERIOD = Text(
    "报表期间“{period}”无效：可用 2026-09（月）、2026-09/10（两个月）、2026-Q3（季度）或 2026（年）",
    "Bad report period “{period}”: use 2026-09 (month), 2026-09/10 (two months), 2026-Q3 (quarter) or 2026 (year)",
)
BACKUP_FAILED = Text("备份失败（{detail}），数据未受影响", "The backup failed ({detail}); the data is unaffected")
RESTORE_INVALID = Text(
    "“{path}”不是可恢复的访妇情备份：{detail}", "“{path}” is not a Fuqing backup that can be restored: {detail}"
)
CLOCK_EXHAUSTED = Text(
    "数据库中的时间戳已到最大值，无法再保存：请用最近的备份恢复（fuqing restore）",
    "The database's clock stamps reached their largest value; restore a recent backup (fuqing restore)",
)
CLOCK_BEHIND = Text(
    "这台电脑的日期时间（{now}）早于本机上次保存记录的时间（{last}）。请把日期和时间改正后再记录，"
    "否则新记录在同步时可能被当作旧的修改。",
    "This computer's date and time ({now}) is earlier than the last record saved here ({last}). "
    "Correct the date and time before recording; otherwise new records may lose to older changes when syncing.",
)
CLOCK_IMPLAUSIBLE = Text(
    "这台电脑的日期（{now}）看起来不对。请先把日期和时间改正：记录的时间和同步都依赖它。",
    "This computer's date ({now}) looks wrong. Correct the date and time first: record times and sync depend on it.",
)
