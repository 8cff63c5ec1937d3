<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>ComingPage</name>
    <message>
        <source>此页面将在后续版本中提供；数据已可通过命令行 fuqing 录入和查看。</source>
        <translation>This page is coming in a later release; records can already be entered and viewed with the fuqing command line.</translation>
    </message>
</context>
<context>
    <name>DiaryListModel</name>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>摘要</source>
        <translation>Excerpt</translation>
    </message>
</context>
<context>
    <name>DiaryPage</name>
    <message>
        <source>搜索日记：输入任意字词，如“留守”“电商”</source>
        <translation>Search diaries: type any word, e.g. 留守 or 电商</translation>
    </message>
    <message>
        <source>新建日记</source>
        <translation>New diary</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>以上</source>
        <translation>+</translation>
    </message>
    <message>
        <source>找到 {n}{more} 篇</source>
        <translation>{n}{more} found</translation>
    </message>
    <message>
        <source>共 {n} 篇日记</source>
        <translation>{n} diaries</translation>
    </message>
    <message>
        <source>未保存的修改</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>当前日记有未保存的修改（已自动存为草稿）。要先保存吗？</source>
        <translation>This diary has unsaved changes (kept as a draft). Save them first?</translation>
    </message>
    <message>
        <source>编辑日记</source>
        <translation>Edit diary</translation>
    </message>
    <message>
        <source>已从草稿恢复，尚未保存</source>
        <translation>Restored from draft, not saved yet</translation>
    </message>
    <message>
        <source>正在编辑…</source>
        <translation>Editing…</translation>
    </message>
    <message>
        <source>草稿已自动保存 {time}</source>
        <translation>Draft saved automatically at {time}</translation>
    </message>
    <message>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>删除日记</source>
        <translation>Delete diary</translation>
    </message>
    <message>
        <source>确定删除日记“{title}”吗？删除后可在同步时传给县妇联。</source>
        <translation>Delete the diary “{title}”? The deletion will reach the county federation with the next sync.</translation>
    </message>
    <message>
        <source>已删除</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>恢复草稿</source>
        <translation>Restore draft</translation>
    </message>
    <message>
        <source>发现上次未保存的日记草稿“{title}”（{time}）。要恢复吗？</source>
        <translation>An unsaved diary draft “{title}” ({time}) was found. Restore it?</translation>
    </message>
    <message>
        <source>无标题</source>
        <translation>untitled</translation>
    </message>
</context>
<context>
    <name>LinksPicker</name>
    <message>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>访妇情 — 妇联干部下基层工作台</source>
        <translation>Fuqing — field notebook for Women&apos;s Federation cadres</translation>
    </message>
    <message>
        <source>首页</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>今日与逾期待办、今年下基层天数、任务指标进度。</source>
        <translation>Today&apos;s and overdue follow-ups, this year&apos;s grassroots days, quota progress.</translation>
    </message>
    <message>
        <source>妇情日记</source>
        <translation>Diary</translation>
    </message>
    <message>
        <source>走访</source>
        <translation>Visits</translation>
    </message>
    <message>
        <source>一对一访谈、实地考察、座谈交流、问卷调查、蹲点调研等走访记录。</source>
        <translation>Visits: interviews, field inspections, group talks, questionnaires, multi-day stays.</translation>
    </message>
    <message>
        <source>结对帮扶</source>
        <translation>Help pairs</translation>
    </message>
    <message>
        <source>一帮一、多帮一结对与帮扶记录时间线。</source>
        <translation>One-to-one and many-to-one pairs with their help log timeline.</translation>
    </message>
    <message>
        <source>联系妇女</source>
        <translation>Women</translation>
    </message>
    <message>
        <source>联系妇女与帮扶对象：群体、需求、同意登记。</source>
        <translation>Women in contact and those helped: groups, needs, recorded consent.</translation>
    </message>
    <message>
        <source>联系点</source>
        <translation>Liaison points</translation>
    </message>
    <message>
        <source>区县、街道乡镇、社区村、联系户、新型实体与薄弱村妇女组织。</source>
        <translation>Districts, townships, villages, households, new-type entities and weak women&apos;s organisations.</translation>
    </message>
    <message>
        <source>问题清单</source>
        <translation>Problems</translation>
    </message>
    <message>
        <source>问题清单、责任清单与趋势预警。</source>
        <translation>Problem list, responsibility list and trend warnings.</translation>
    </message>
    <message>
        <source>联系服务卡</source>
        <translation>Contact cards</translation>
    </message>
    <message>
        <source>打印联系服务卡（正面信息、背面二维码名片）。</source>
        <translation>Print contact service cards (details on the front, a QR contact on the back).</translation>
    </message>
    <message>
        <source>报表</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>双月、季度、年度报表（PDF 与 Excel）。</source>
        <translation>Bi-monthly, quarterly and yearly reports (PDF and Excel).</translation>
    </message>
    <message>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>加密同步包的导出与导入。</source>
        <translation>Export and import of encrypted sync bundles.</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>本机干部档案…</source>
        <translation>My cadre profile…</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>语言 / Language</source>
        <translation>语言 / Language</translation>
    </message>
    <message>
        <source>帮助</source>
        <translation>Help</translation>
    </message>
    <message>
        <source>关于访妇情</source>
        <translation>About Fuqing</translation>
    </message>
    <message>
        <source>干部：{name}</source>
        <translation>Cadre: {name}</translation>
    </message>
    <message>
        <source>数据文件：{path}</source>
        <translation>Data file: {path}</translation>
    </message>
    <message>
        <source>界面语言将在重新启动访妇情后生效。
The new language applies after a restart.</source>
        <translation>The new language applies after a restart.
界面语言将在重新启动访妇情后生效。</translation>
    </message>
    <message>
        <source>访妇情 {version}
离线记录走访、结对帮扶与妇情日记。
本机设备编号：{device}</source>
        <translation>Fuqing {version}
Offline records of visits, help pairs and women&apos;s situation diaries.
Device id: {device}</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>本机干部档案</source>
        <translation>My cadre profile</translation>
    </message>
    <message>
        <source>欢迎使用访妇情。请先填写您的干部档案：它会作为您所记日记、走访的记录人，并印在联系服务卡上。带 * 的为必填项。</source>
        <translation>Welcome to Fuqing. Please fill in your cadre profile first: it is the author of your diaries and visits and is printed on your contact cards. Fields marked * are required.</translation>
    </message>
    <message>
        <source>本机设备编号：{device}</source>
        <translation>Device id: {device}</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <source>必填</source>
        <translation>Required</translation>
    </message>
</context>
<context>
    <name>RecordPicker</name>
    <message>
        <source>输入名称查找</source>
        <translation>Type part of a name</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>无法打开数据</source>
        <translation>Cannot open the data</translation>
    </message>
</context>
<context>
    <name>operations</name>
    <message>
        <source>无法完成</source>
        <translation>Could not complete</translation>
    </message>
    <message>
        <source>保存失败：磁盘已满或数据文件只读。已保存的内容不受影响，请腾出空间后重试。</source>
        <translation>Save failed: the disk is full or the data file is read-only. What was already saved is unaffected; free some space and try again.</translation>
    </message>
    <message>
        <source>保存失败：数据库暂时不可用（{detail}）。请稍后重试。</source>
        <translation>Save failed: the database is not available right now ({detail}). Please try again shortly.</translation>
    </message>
    <message>
        <source>保存失败</source>
        <translation>Save failed</translation>
    </message>
</context>
</TS>
