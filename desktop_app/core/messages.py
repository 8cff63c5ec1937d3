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
NOT_BEFORE = Text("{label}不能早于{other}", "{label} cannot be before {other}")
SETTLED_NEEDS_EXPLANATION = Text(
    "问题办结前要向妇女说明结果：请填写{label}",
    "Before a problem is settled, the woman must be told the result: fill in {label}",
)
ANSWER_NEEDS = Text("请填写{label}", "Fill in {label}")
BAD_YEAR = Text("{label}应为 2000 到 2100 之间的年份", "{label} must be a year from 2000 to 2100")
NOT_BEFORE_PARENT = Text(
    "{label}不能早于{parent}的{other}（{date}）", "{label} cannot be before the {other} of its {parent} ({date})"
)
NOT_AFTER_CHILD = Text(
    "{label}不能晚于已有{child}的{other}（最早 {date}）：请先改那条{child}",
    "{label} cannot be after the {other} of a {child} already kept (earliest {date}): change that {child} first",
)
DATE_TOO_EARLY = Text(
    "{label}不能早于 {earliest}：请检查年份是否输错", "{label} cannot be before {earliest}: check the year"
)
DATE_TOO_LATE = Text(
    "{label}不能晚于 {latest}（今天起 {years} 年内）：请检查年份是否输错",
    "{label} cannot be after {latest} (within {years} years from today): check the year",
)
PROJECT_OF_ANOTHER_YEAR = Text(
    "实事项目“{name}”是{year}年度的，这次帮扶在{act_year}年：请选{act_year}年度的项目，或不选项目",
    "The practical project “{name}” is for {year}; this act of help is in {act_year}: choose a project of {act_year}, or none",
)
DUPLICATE_PROJECT = Text(
    "{org}{year}年度已有实事项目“{name}”：请打开那一条，或换个名称",
    "{org} already has a practical project “{name}” for {year}: open that one, or choose another name",
)
FEDERATION_NOT_KNOWN = Text("不认识的妇联“{name}”，本机有：{known}", "Unknown federation “{name}”; known here: {known}")
UNKNOWN_FEDERATION = Text(
    "{label}“{value}”不是本机已知的妇联，请从名单中选：{known}",
    "{label} “{value}” is not a federation known here; choose one of: {known}",
)
SUBMITTED_NEEDS_STATUS = Text(
    "填了报送日期，{label}应为“已报送”", "With a submission date, {label} must be “submitted”"
)
NOT_TEXT = Text("{label}应为文字", "{label} must be text")
BAD_CHARACTERS = Text(
    "{label}含有不能保存的字符（控制字符或残缺的编码），请删去后重新输入",
    "{label} holds characters that cannot be saved (control characters or broken encoding): remove them and type it again",
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
    "设备“{device}”的签名密钥与以前不同，已拒收（可能是冒用）。如那台电脑确已重装，它会以新设备出现，请核对后批准",
    "Device “{device}” signs with a different key than before; refused (it may be an impostor). "
    "A reinstalled computer shows up as a new device to check and approve",
)
BUNDLE_ID_NOT_KEY = Text(
    "同步包声称来自设备 {device_id}，但签名密钥不是那台设备的，已拒收（可能是冒用）",
    "The bundle claims to come from device {device_id}, but it is not signed with that device's key; refused "
    "(it may be an impostor)",
)
BUNDLE_REVOKED = Text(
    "设备“{device}”已被撤销，不再接收它的同步包", "Device “{device}” was revoked; its bundles are no longer accepted"
)
BUNDLE_CADRE_BLOCKED = Text(
    "设备“{device}”所属的干部已被停用，不接收她任何设备的同步包",
    "Device “{device}” belongs to a cadre who was blocked; no bundle from any of her devices is accepted",
)
BUNDLE_HELD = Text(
    "首次收到设备“{device}”（{federation}）的同步包：已暂存，等待在“设备登记”中核对后批准（命令：fuqing devices --approve {device_id}）",
    "First bundle from device “{device}” ({federation}): kept, waiting for approval under Devices "
    "(command: fuqing devices --approve {device_id})",
)
NO_SUCH_DEVICE = Text("没有这台设备：{device}", "No such device: {device}")
BAD_ROLE = Text("角色“{role}”无效，可选：{roles}", "Role “{role}” is not valid; choose from: {roles}")
CADRE_IS_BLOCKED = Text(
    "设备“{device}”所属的干部已被停用，不能批准；如需恢复，请先解除停用",
    "Device “{device}” belongs to a blocked cadre and cannot be approved; unblock her first",
)
BAD_ENROLMENT = Text("登记文件无效：{detail}", "Not a valid enrolment file: {detail}")
BUNDLE_OWN = Text("这是本机自己导出的同步包", "This bundle was exported by this install")
NOTHING_TO_EXPORT = Text(
    "没有新的记录需要发送给“{name}”，未生成文件", "Nothing new to send to “{name}”; no file written"
)
EXPORT_CANCELLED = Text(
    "已取消导出：没有写入文件，下次导出仍包含这些记录",
    "Export cancelled: no file was written; the next export still includes these records",
)
CARDS_CANCELLED = Text("已取消：没有保存联系服务卡文件", "Cancelled: no card file was saved")
EXPORT_FAILED = Text(
    "无法写入同步包“{path}”（{detail}）：原有文件未改动",
    "Could not write the bundle “{path}” ({detail}); no existing file was changed",
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
BUNDLE_ROW_TOO_LARGE = Text(
    "同步包中有一条记录超过 {limit} MB，已拒收；未导入任何记录",
    "A row in the bundle is larger than {limit} MB; refused, nothing was imported",
)
BUNDLE_PASSPHRASE_WORK = Text(
    "这个口令加密的同步包要求的计算量异常大，已拒收：请让对方用访妇情重新导出",
    "This passphrase bundle asks for an unreasonable amount of work to open; refused. Ask the sender to export again",
)
BUNDLE_BAD_ROW = Text(
    "同步包中“{table}”表的记录 {record_id} 的“{field}”无效：{reason}。已拒收整个同步包，未导入任何记录",
    "In the bundle, table “{table}”, record {record_id}, field “{field}” is not valid: {reason}. "
    "The whole bundle was refused; nothing was imported",
)
ROW_UNKNOWN_FIELD = Text("本程序没有这个字段", "this app has no such field")
ROW_MISSING_FIELD = Text("缺少这个字段", "the field is missing")
ROW_NOT_SCALAR = Text("应为文字、数字或空", "must be text, a number or empty")
ROW_BAD_ID = Text("不是有效的记录编号", "not a valid record id")
ROW_NOT_FLAG = Text("应为 0 或 1", "must be 0 or 1")
ROW_BAD_STAMP = Text("不是有效的时间戳", "not a valid clock stamp")
ROW_BAD_REV = Text("版本记录无效", "not a valid version history")
ROW_NOT_CANONICAL = Text("不是本程序保存的格式", "not in the form this app stores")
ROW_NOT_LIST = Text("应为文字列表", "must be a list of words")
ROW_BAD_CHOICE = Text("取值无效", "not a valid choice")
ROW_NOT_OBJECT = Text("应为一条记录", "must be a record")
BUNDLE_CLOCK_AHEAD = Text(
    "设备“{device}”（{cadre}）发来的同步包中，有记录的时间比本机时间晚 {hours} 小时：那台电脑的时钟不对。"
    "请把那台电脑的日期和时间改正（设为自动同步网络时间，或按北京时间手动设置），再重新导出同步包。本次未导入任何记录",
    "The bundle from device “{device}” ({cadre}) has records stamped {hours} hours after this computer's time: "
    "that computer's clock is wrong. Set its date and time right (automatic network time, or by hand), "
    "then export the bundle again. Nothing was imported",
)
RIGHT_NOT_OWN_PROFILE = Text("干部的电脑只能修改她本人的干部档案", "A cadre's laptop may change only her own profile")
RIGHT_DELETE_PROFILE = Text(
    "干部档案不能由本人删除，请由县妇联处理", "A cadre cannot delete her own profile; the hub does that"
)
RIGHT_NOT_OWNER = Text(
    "发送人不是这条记录的创建人，也不在这次走访或结对帮扶的干部名单中",
    "The sender did not create this record and is not listed on this visit or help pair",
)
RIGHT_OWNER_CHANGED = Text("记录的创建人不能更改", "A record's creator cannot be changed")
RIGHT_AUTHOR_NOT_SELF = Text("妇情日记的记录人只能是发送人本人", "A diary's author must be the sender herself")
RIGHT_NOT_ADMIN = Text(
    "联系点、分工、妇联组织、实事项目和转办答复由县妇联管理",
    "Liaison points, assignments, federations, practical projects and referral answers are managed by the hub",
)
RIGHT_FEDERATION_EXISTS = Text(
    "干部的电脑新建了一个已有名称的妇联：它会改变已有妇联的上下级（由县妇联决定）",
    "A cadre's laptop made a federation with a name already in the tree: it would move that federation (the hub decides)",
)
RIGHT_ANSWER_NOT_HERS = Text(
    "干部为别人的问题记下了部门答复：别人问题的答复由县妇联记录",
    "A cadre recorded a department's answer on another cadre's problem: the hub records those answers",
)
RIGHT_RELAYED = Text(
    "干部的电脑转来了其他设备做的修改（只有县妇联可以转交）",
    "A cadre's laptop passed on a change made on another device (only a hub may pass changes on)",
)
RIGHT_UNKNOWN_AUTHOR = Text("修改来自本机不认识的设备", "The change was made on a device this install does not know")
RIGHT_BLOCKED_AUTHOR = Text(
    "修改来自已撤销的设备或干部", "The change was made on a revoked device or by a blocked cadre"
)
NO_SUCH_PROPOSAL = Text("没有这条待审核的修改：{proposal}", "No such proposed change: {proposal}")
PROPOSAL_DECIDED = Text("这条修改已经处理过了：{proposal}", "This proposed change was already decided: {proposal}")
BUNDLE_UNREADABLE = Text("无法读取这个文件：{detail}", "Cannot read this file: {detail}")
BUNDLE_NO_FILE = Text(
    "找不到文件“{path}”：请检查文件名和所在文件夹", "There is no file “{path}”: check the name and folder"
)
BUNDLE_IS_FOLDER = Text("“{path}”是一个文件夹，不是同步包文件", "“{path}” is a folder, not a bundle file")
BUNDLE_NO_PERMISSION = Text("没有权限读取“{path}”", "No permission to read “{path}”")
CHECK_BAD_ROW = Text(
    "“{table}”表的记录 {record_id} 的“{field}”无效：{reason}",
    "Table “{table}”, record {record_id}, field “{field}” is not valid: {reason}",
)
CHECK_ROW_AHEAD = Text(
    "“{table}”表的记录 {record_id} 的时间戳（{stamp}）在本机时钟一天以后",
    "Table “{table}”, record {record_id} is stamped {stamp}, more than a day after this computer's clock",
)
CHECK_LIVE_CHILD = Text(
    "{child} {child_id} 所属的{parent} {parent_id} 已删除，这条{child}却还在：请删除它，或恢复那条{parent}",
    "{child} {child_id} belongs to {parent} {parent_id}, which is deleted: delete it, or restore that {parent}",
)
DELETED_WITH_CHILDREN = Text("已删除，连同 {children}", "Deleted, together with {children}")
CHILD_COUNT = Text("{n} 条{kind}", "{n} {kind} records")  # "1 Referral record": i18n.agree
CHECK_CLOCK_AHEAD = Text(
    "本机最后的时间戳（{stamp}）比现在的时钟（{now}）晚一天以上：请检查电脑的日期时间",
    "This install's last clock stamp ({stamp}) is more than a day after the computer's clock ({now}): check the date",
)
RIGHT_FORGED_OWN = Text(
    "修改声称是本机做的，但本机没有这个修改", "The change claims to have been made on this install, which never made it"
)
BINDING_NEW_CADRE = Text(
    "本机还没有这位干部的档案：批准后，她的档案随同步包导入",
    "This install has no record of this cadre yet: her profile arrives with the bundle once approved",
)
BINDING_NAME_DIFFERS = Text(
    "注意：这台设备自称“{claimed}”，但它要绑定的干部档案在本机是“{actual}”。请核实后再批准",
    "Note: this device calls itself “{claimed}”, but the cadre record it would be bound to here is “{actual}”. "
    "Check before approving",
)
BINDING_MORE_DEVICES = Text("这位干部在本机已有 {n} 台获批的设备", "This cadre already has {n} approved devices here")
TOO_LARGE = Text("{label}的数值太大，请核对", "{label} is too large; check it")
STAY_TOO_LONG = Text(
    "{label}距开始日期不能超过 {days} 天", "{label} cannot be more than {days} days after the start date"
)
ROW_NOT_TEXT = Text("含有无法保存的字符", "contains characters that cannot be stored")
ROW_VERSION_REUSED = Text(
    "同一版本以不同内容出现（可能被篡改）",
    "one version arrives with two different contents (it may have been tampered with)",
)
INTERNAL_ERROR = Text(
    "程序内部出错，操作没有完成；已保存的数据不受影响。详情已写入日志（不含个人信息）：{path}",
    "The app failed internally and the operation did not finish; what was saved is unaffected. "
    "The details are in the log (no personal data): {path}",
)
BUNDLE_INTERNAL = Text(
    "导入这个文件时程序出错，已跳过它，数据未改动；详情已写入日志，请把日志交给技术人员",
    "The app failed while importing this file; it was skipped and nothing changed. The details are in the log: "
    "give it to your IT support",
)
BUNDLE_HELD_FULL = Text(
    "等待批准的同步包已经太多（{detail}），未暂存这个：请先在“设备登记”中批准或撤销等待中的设备",
    "Too many bundles wait for approval ({detail}); this one was not kept. Approve or revoke the waiting devices first",
)
CLOCK_REPAIRED = Text(
    "已修复：{n} 条本机修改改用现在的时间重新记录，可以重新导出同步包了",
    "Repaired: {n} changes made here were stamped again with the current time; export the bundle again",
)
CLOCK_AHEAD_HERE = Text(
    "本机保存的记录时间（{last}）比电脑现在的时间（{now}）晚一天以上：多半是以前电脑时钟设快了。"
    "如果现在的日期时间是对的，请修复（命令：fuqing check --repair-clock），否则县妇联会拒收您的同步包。",
    "Records saved here are stamped {last}, more than a day after the computer's time now ({now}): the clock "
    "was probably set ahead before. If the date and time are right now, repair it (fuqing check --repair-clock); "
    "otherwise the hub refuses your bundles.",
)
BUNDLE_HELD_AGAIN = Text(
    "设备“{device}”（{federation}）仍在等待批准：这个同步包也已暂存，批准后一并导入（命令：fuqing devices --approve {device_id}）",
    "Device “{device}” ({federation}) still waits for approval: this bundle was kept too and is imported on approval "
    "(command: fuqing devices --approve {device_id})",
)
NOT_AN_ENROLMENT = Text(
    "“{path}”不是访妇情的登记文件：请用干部电脑上“导出本机登记文件”得到的文件",
    "“{path}” is not a Fuqing enrolment file: use the file her laptop wrote with “export enrolment”",
)
NO_SUCH_CADRE = Text("没有这位干部：{cadre}", "No such cadre: {cadre}")
CADRE_BLOCKED_DONE = Text(
    "已停用“{name}”：她的 {n} 台设备（包括以后新装的）都不再被接收",
    "Blocked “{name}”: her {n} devices (and any she makes later) are no longer accepted",
)
CADRE_UNBLOCKED = Text("已解除对“{name}”的停用", "“{name}” is no longer blocked")
DEVICE_REVOKED = Text("已撤销设备“{device}”", "Device “{device}” revoked")
ROLE_NEEDS_APPROVE = Text("--role 要与 --approve 一起使用", "--role goes with --approve")
PASSWORD_TOO_SHORT = Text("口令至少要 {n} 个字符", "The password must have at least {n} characters")
WRONG_PASSWORD = Text(
    "口令或恢复码不对，数据未打开，也未做任何改动",
    "Wrong password or recovery code; the data was not opened and nothing changed",
)
KEYFILE_MISSING = Text(
    "找不到数据的密钥文件“{path}”：它应在数据文件旁边。请从备份恢复（备份旁边有同名的 .keys 文件）",
    "The data's key file “{path}” is missing: it belongs beside the data file. Restore from a backup "
    "(each backup has its .keys file beside it)",
)
KEYFILE_DAMAGED = Text(
    "密钥文件“{path}”已损坏（{detail}）：请从备份恢复",
    "The key file “{path}” is damaged ({detail}): restore from a backup",
)
PASSWORD_NEEDED = Text(
    "这个数据文件已加密，需要口令：在窗口中输入，或用 --password-file 文件、环境变量 FUQING_PASSWORD",
    "This data file is encrypted and needs its password: type it in the window, or give --password-file or "
    "the environment variable FUQING_PASSWORD",
)
PASSWORD_NEEDED_NEW = Text(
    "新建数据文件需要设置口令（至少 8 个字符）：在窗口中设置，或用 --password-file 文件、环境变量 FUQING_PASSWORD",
    "A new data file needs a password (8 characters or more): set it in the window, or give --password-file or "
    "the environment variable FUQING_PASSWORD",
)
DATABASE_IN_USE = Text(
    "访妇情正在使用这个数据文件（{path}）：请先关闭访妇情窗口，再恢复备份",
    "Fuqing is using this data file ({path}): close the Fuqing window first, then restore",
)
PASSWORDS_DIFFER = Text("两次输入的口令不一样", "The two passwords differ")
RECOVERY_CODE_MADE = Text(
    "数据已加密。恢复码（忘记口令时用它打开数据，只显示这一次，请抄在纸上，与电脑分开保管）：\n    {code}",
    "The data is encrypted. Recovery code (opens the data if the password is forgotten; shown only now: "
    "write it on paper and keep it away from the computer):\n    {code}",
)
OPENED_WITH_RECOVERY_CODE = Text(
    "已用恢复码打开数据：请用 fuqing password change 设置新口令",
    "The data was opened with the recovery code: set a new password with fuqing password change",
)
PASSWORD_CHANGED = Text(
    "口令已修改，本机 backups 文件夹里的 {n} 份备份也只认新口令了。以前存到 U 盘或别处的备份仍用当时的口令或恢复码打开："
    "怀疑口令泄露时，请删除那些旧备份",
    "Password changed; the {n} backups in this computer's backups folder now take only the new one. Backups saved "
    "earlier to a USB stick or elsewhere still open with the password or recovery code of their time: if the "
    "password may have leaked, delete those",
)
NOT_A_DATABASE_OR_NO_KEYS = Text(
    "“{path}”不是访妇情数据库，或是加密的访妇情数据但旁边缺少密钥文件“{keys}”（请从备份恢复，备份旁边有同名的 .keys 文件）",
    "“{path}” is not a Fuqing database, or it is encrypted Fuqing data whose key file “{keys}” is missing beside it "
    "(restore from a backup: each has its .keys file beside it)",
)
BACKUP_PASSWORD_NEEDED = Text(
    "这个备份来自另一份数据：需要做备份时那份数据的口令或恢复码",
    "This backup is of other data: it needs the password or recovery code that data had when it was backed up",
)
PASSWORD_NOT_ASCII = Text(
    "口令只能用键盘上的英文字母、数字和符号（口令框里不能用输入法打汉字）",
    "The password may use only the keyboard's letters, digits and symbols (no input method in a password box)",
)

# -- privacy: duplicates, erasing ---------------------------------------------------

DUPLICATE_ID_NUMBER = Text(
    "身份证号码 {masked} 已登记为“{name}”（编号 {existing_id}）。同一位妇女请打开已有记录；"
    "如确是另一人，请先核对号码。",
    "ID number {masked} is already registered as “{name}” (id {existing_id}). For the same woman, open "
    "that record; if this is someone else, check the number first.",
)
DUPLICATE_HOW_TO_KEEP = Text(
    "仍要保存为另一条记录，请加 --allow-duplicate。", "To save it as another record anyway, add --allow-duplicate."
)
ERASE_ONLY_WOMEN = Text(
    "只能清除联系妇女的个人信息（--erase 用于 woman）",
    "Only a woman's personal data can be erased (--erase is for woman)",
)
ERASED = Text(
    "已删除并清除个人信息：帮扶结对 {pairs} 个、帮扶记录 {logs} 条、走访和日记中的关联 {links} 处、"
    "冲突版本和待审更改 {held} 条、草稿 {drafts} 份。",
    "Deleted and personal data erased: {pairs} help pairs, {logs} help logs, {links} links from visits and "
    "diaries, {held} conflicting versions and proposals, {drafts} drafts.",
)
ERASE_REVIEW_MENTIONS = Text(
    "以下记录的正文提到“{name}”，请逐条查看是否需要修改：",
    "These records mention “{name}” in their text; check each one:",
)

DEMO_ALREADY_THERE = Text(
    "本数据库已有这批演示数据（同一个 --seed 生成同样的记录），没有改动。要添加更多，请换一个 --seed，如：fuqing --db 演示.db demo --seed 2",
    "This database already holds this demo data (the same --seed makes the same records); nothing was changed. "
    "To add more, use another --seed, e.g. fuqing --db demo.db demo --seed 2",
)
DEMO_NOT_IN_REAL_DATABASE = Text(
    "演示数据只能放在单独的数据库文件里，不能放进“{path}”（这里是真实数据或默认数据库）。"
    "请另指定一个文件，如：fuqing --db 演示.db demo",
    "Demo data goes in a database file of its own, not in “{path}” (real data or the default database). "
    "Name another file, e.g. fuqing --db demo.db demo",
)
PASSWORD_EDGE_SPACES = Text("口令开头和结尾不能是空格", "The password cannot start or end with a space")
PASSWORD_TOO_EASY = Text(
    "口令太容易被猜到（常见口令、生日、手机号或重复字符）。请用几个词的拼音加数字，如 wangjiacun 2026 zoufang",
    "This password is too easy to guess (a common one, a date, a phone number or repeated characters). "
    "Use a few words and digits, e.g. wangjiacun 2026 zoufang",
)
BUNDLE_PASSPHRASE_WEAK = Text(
    "同步包口令不够安全：{problem}。同步包里有妇女的身份证号和电话，要经过 U 盘和聊天软件。",
    "The bundle passphrase is not safe enough: {problem}. The bundle holds the women's ID numbers and phones "
    "and travels on USB sticks and in chat apps.",
)
DATABASE_MISSING_KEYS_LEFT = Text(
    "找不到数据文件“{path}”（或它是空的），但它的密钥文件“{keys}”还在。数据被移走或删除了吗？请从备份恢复；"
    "确要从头开始，请先把这个密钥文件移到别处。",
    "The data file “{path}” is missing (or empty) but its key file “{keys}” is still there. Was the data moved or "
    "deleted? Restore a backup; to start afresh, first move that key file elsewhere.",
)
