<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>关于访妇情</source>
        <translation>About Fuqing</translation>
    </message>
    <message>
        <source>访妇情版本</source>
        <translation>Fuqing version</translation>
    </message>
    <message>
        <source>本机设备编号</source>
        <translation>This device&apos;s id</translation>
    </message>
    <message>
        <source>访妇情：离线记录走访、结对帮扶与妇情日记。</source>
        <translation>Fuqing: an offline notebook for visits, help pairs and the women&apos;s situation diary.</translation>
    </message>
    <message>
        <source>数据文件夹</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <source>日志文件夹</source>
        <translation>Log folder</translation>
    </message>
    <message>
        <source>复制以上信息</source>
        <translation>Copy this information</translation>
    </message>
    <message>
        <source>打开</source>
        <translation>Open</translation>
    </message>
</context>
<context>
    <name>ApproveDialog</name>
    <message>
        <source>批准设备</source>
        <translation>Approve device</translation>
    </message>
    <message>
        <source>（本机尚无档案）</source>
        <translation>(no record here yet)</translation>
    </message>
    <message>
        <source>（未填写）</source>
        <translation>(not given)</translation>
    </message>
    <message>
        <source>自称</source>
        <translation>Calls itself</translation>
    </message>
    <message>
        <source>妇联</source>
        <translation>Federation</translation>
    </message>
    <message>
        <source>绑定到干部档案</source>
        <translation>Bound to cadre record</translation>
    </message>
    <message>
        <source>密钥指纹</source>
        <translation>Key fingerprint</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>“妇联”和“本会的另一台电脑”可以修改其他干部的记录：只在确认这台电脑属于上级、下级妇联或本会时选择。</source>
        <translation>“Federation” and “Another computer of this federation” may change other cadres&apos; records: choose them only when you are sure this computer belongs to a higher or lower federation, or to this one.</translation>
    </message>
    <message>
        <source>请打电话或当面与这位干部核对密钥指纹（她的访妇情在“同步”页显示本机指纹）。批准后，这台电脑发来的、且在其权限内的记录会合并到本机；暂存的同步包随即导入。</source>
        <translation>Check the key fingerprint with this cadre by phone or in person (her Fuqing shows its fingerprint on the Sync page). Once approved, the records this computer sends that are within its rights are merged here, and its kept bundles are imported now.</translation>
    </message>
    <message>
        <source>批准</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>每日自动</source>
        <translation>Daily (automatic)</translation>
    </message>
    <message>
        <source>导入前</source>
        <translation>Before import</translation>
    </message>
    <message>
        <source>升级前</source>
        <translation>Before upgrade</translation>
    </message>
    <message>
        <source>手动</source>
        <translation>Manual</translation>
    </message>
    <message>
        <source>备份与恢复</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>立即备份</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>备份到文件夹（如 U 盘）…</source>
        <translation>Back up to a folder (e.g. a USB stick)…</translation>
    </message>
    <message>
        <source>从所选备份恢复…</source>
        <translation>Restore the selected backup…</translation>
    </message>
    <message>
        <source>访妇情每天启动时、每次导入前和升级前都会自动备份。</source>
        <translation>Fuqing backs up automatically every day at start, before every import and before every upgrade.</translation>
    </message>
    <message>
        <source>正在备份…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <source>已备份到 {path}</source>
        <translation>Backed up to {path}</translation>
    </message>
    <message>
        <source>选择备份文件夹</source>
        <translation>Choose a backup folder</translation>
    </message>
    <message>
        <source>从备份恢复</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <source>用 {time} 的备份替换当前数据？当前数据会先另存一份。访妇情将随后退出，请重新打开。</source>
        <translation>Replace the current data with the backup from {time}? The current data is kept aside first. Fuqing then quits; open it again.</translation>
    </message>
    <message>
        <source>已恢复</source>
        <translation>Restored</translation>
    </message>
    <message>
        <source>数据已恢复。原数据另存为：
{path}
请重新打开访妇情。</source>
        <translation>The data was restored. The previous data was kept as:
{path}
Open Fuqing again.</translation>
    </message>
</context>
<context>
    <name>BundlePassphraseDialog</name>
    <message>
        <source>同步包将用这个口令加密。请用电话或当面把口令告诉收件人，不要和同步包一起发送。</source>
        <translation>The bundle will be encrypted with this passphrase. Tell it to the recipient by phone or in person; never send it with the bundle.</translation>
    </message>
    <message>
        <source>同步包口令</source>
        <translation>Bundle passphrase</translation>
    </message>
    <message>
        <source>收件人要输入同一个口令才能导入。不要用数据口令；几个词的拼音加数字就好，不要用生日或手机号。</source>
        <translation>The recipient types the same passphrase to import it. Do not use the data password; a few words and digits will do, not a birthday or a phone number.</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>数据口令与恢复码</source>
        <translation>Data password and recovery code</translation>
    </message>
    <message>
        <source>现在的口令或恢复码</source>
        <translation>Current password or recovery code</translation>
    </message>
    <message>
        <source>至少 {n} 个字符</source>
        <translation>{n} characters or more</translation>
    </message>
    <message>
        <source>现在的口令</source>
        <translation>Current password</translation>
    </message>
    <message>
        <source>新口令</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>再输入一次</source>
        <translation>Type it again</translation>
    </message>
    <message>
        <source>生成新的恢复码…</source>
        <translation>New recovery code…</translation>
    </message>
    <message>
        <source>修改口令</source>
        <translation>Change password</translation>
    </message>
    <message>
        <source>请先输入现在的口令（或恢复码）</source>
        <translation>Type the current password (or the recovery code) first</translation>
    </message>
    <message>
        <source>现在的口令不对，没有做任何修改</source>
        <translation>The current password is wrong; nothing was changed</translation>
    </message>
    <message>
        <source>生成新的恢复码</source>
        <translation>New recovery code</translation>
    </message>
    <message>
        <source>生成新的恢复码后，以前抄下的恢复码就不能再打开数据了。继续吗？</source>
        <translation>After a new recovery code is made, the code written down before no longer opens the data. Go on?</translation>
    </message>
    <message>
        <source>已换成新的恢复码；旧的恢复码不能再打开数据。</source>
        <translation>The recovery code was replaced; the old one no longer opens the data.</translation>
    </message>
    <message>
        <source>两次输入的口令不一样</source>
        <translation>The two passwords differ</translation>
    </message>
</context>
<context>
    <name>ConflictsView</name>
    <message>
        <source>记录类型</source>
        <translation>Record type</translation>
    </message>
    <message>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>发现时间</source>
        <translation>Found at</translation>
    </message>
    <message>
        <source>另一版本来自</source>
        <translation>Other version from</translation>
    </message>
    <message>
        <source>当前版本</source>
        <translation>Current version</translation>
    </message>
    <message>
        <source>另一版本</source>
        <translation>Other version</translation>
    </message>
    <message>
        <source>保留当前版本</source>
        <translation>Keep the current version</translation>
    </message>
    <message>
        <source>改用另一版本</source>
        <translation>Use the other version</translation>
    </message>
    <message>
        <source>两台电脑同时修改了同一条记录：新的版本已保存，另一版本留在这里，请比较后选择（黄色为不同之处）。</source>
        <translation>Two computers changed the same record: the newer version was saved and the other is kept here. Compare them and choose (differences in yellow).</translation>
    </message>
    <message>
        <source>没有同步冲突。</source>
        <translation>No sync conflicts.</translation>
    </message>
    <message>
        <source>保留当前版本，放弃另一版本？这个选择会同步到其他电脑。</source>
        <translation>Keep the current version and drop the other? Your choice is synced to the other computers.</translation>
    </message>
    <message>
        <source>改用另一版本，替换当前版本？这个选择会同步到其他电脑。</source>
        <translation>Use the other version instead of the current one? Your choice is synced to the other computers.</translation>
    </message>
    <message>
        <source>处理冲突</source>
        <translation>Settle conflict</translation>
    </message>
    <message>
        <source>已处理：保留了您选择的版本。</source>
        <translation>Settled: the version you chose was kept.</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>访妇情出错了</source>
        <translation>Fuqing ran into a problem</translation>
    </message>
    <message>
        <source>访妇情内部出了错，刚才的操作可能没有完成。程序仍在运行，可以继续使用；如果反复出错，请重新启动访妇情。</source>
        <translation>Fuqing failed internally; what you just did may not have finished. The app is still running and you can go on using it; if this keeps happening, restart Fuqing.</translation>
    </message>
    <message>
        <source>已经保存的记录都已写入数据文件，不受影响。记录页上正在填写、还没保存的内容，停顿片刻就会自动存为草稿，重新打开访妇情时可以找回。</source>
        <translation>Every record already saved is in the data file and is safe. What you were typing on a record page and had not saved yet is kept as a draft a moment after you stop typing, and is offered back when you open Fuqing again.</translation>
    </message>
    <message>
        <source>错误详情已写入日志（日志里没有姓名、身份证号和电话）。需要帮助时，请把这个文件夹里的文件交给技术人员：
{folder}</source>
        <translation>The details are in the log (it holds no names, ID numbers or phone numbers). If you need help, give the files in this folder to your IT support:
{folder}</translation>
    </message>
    <message>
        <source>错误类型：{kind}</source>
        <translation>Error type: {kind}</translation>
    </message>
    <message>
        <source>打开日志文件夹</source>
        <translation>Open the log folder</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>DateInput</name>
    <message>
        <source>如 2026-12-31</source>
        <translation>e.g. 2026-12-31</translation>
    </message>
    <message>
        <source>从日历中选择日期（Alt+↓）</source>
        <translation>Pick a date in the calendar (Alt+↓)</translation>
    </message>
</context>
<context>
    <name>DevicesView</name>
    <message>
        <source>上次同步包</source>
        <translation>Last bundle</translation>
    </message>
    <message>
        <source>同步包数</source>
        <translation>Bundles</translation>
    </message>
    <message>
        <source>干部的电脑</source>
        <translation>Cadre&apos;s laptop</translation>
    </message>
    <message>
        <source>妇联（上级或下级）</source>
        <translation>Federation (higher or lower level)</translation>
    </message>
    <message>
        <source>本会的另一台电脑</source>
        <translation>Another computer of this federation</translation>
    </message>
    <message>
        <source>干部已停用</source>
        <translation>Cadre blocked</translation>
    </message>
    <message>
        <source>等待批准</source>
        <translation>Waiting for approval</translation>
    </message>
    <message>
        <source>已批准</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>设备（干部 · 密钥指纹）</source>
        <translation>Device (cadre · key fingerprint)</translation>
    </message>
    <message>
        <source>妇联</source>
        <translation>Federation</translation>
    </message>
    <message>
        <source>收到记录</source>
        <translation>Rows received</translation>
    </message>
    <message>
        <source>停用该干部</source>
        <translation>Block this cadre</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>最近被拒收的同步包</source>
        <translation>Recently refused bundles</translation>
    </message>
    <message>
        <source>有 {n} 台设备等待批准：请核对干部姓名和密钥指纹后批准。</source>
        <translation>{n} devices wait for approval: check the cadre&apos;s name and key fingerprint, then approve.</translation>
    </message>
    <message>
        <source>向本机发送过同步包的设备。新设备首次发来同步包时会在这里等待批准。</source>
        <translation>Devices that sent bundles here. A new device waits here for approval when its first bundle arrives.</translation>
    </message>
    <message>
        <source>已批准 {device}。</source>
        <translation>Approved {device}.</translation>
    </message>
    <message>
        <source>撤销后不再接收“{device}”的同步包（她换了新电脑时，新电脑会重新等待批准）。确定撤销吗？</source>
        <translation>After revoking, bundles from “{device}” are no longer accepted (a new computer of hers will wait for approval). Revoke?</translation>
    </message>
    <message>
        <source>停用干部</source>
        <translation>Block cadre</translation>
    </message>
    <message>
        <source>停用“{name}”后，她所有的设备（包括以后新装的）发来的同步包都不再接收。确定停用吗？</source>
        <translation>After blocking “{name}”, bundles from all her devices (including future ones) are no longer accepted. Block?</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>软件版本</source>
        <translation>App version</translation>
    </message>
    <message>
        <source>批准所选设备…</source>
        <translation>Approve selected device…</translation>
    </message>
    <message>
        <source>撤销所选设备</source>
        <translation>Revoke selected device</translation>
    </message>
    <message>
        <source>已撤销</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <source>撤销设备</source>
        <translation>Revoke device</translation>
    </message>
</context>
<context>
    <name>DropZone</name>
    <message>
        <source>把同步包文件拖到这里导入（可一次拖多个）</source>
        <translation>Drop bundle files here to import them (several at once is fine)</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>搜索：输入任意字词</source>
        <translation>Search: type any word</translation>
    </message>
    <message>
        <source>全部联系点</source>
        <translation>All liaison points</translation>
    </message>
    <message>
        <source>全部群体</source>
        <translation>All groups</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>清除筛选</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <source>不限</source>
        <translation>Any date</translation>
    </message>
</context>
<context>
    <name>HelpLogPanel</name>
    <message>
        <source>新增帮扶记录</source>
        <translation>New act of help</translation>
    </message>
    <message>
        <source>保存帮扶记录</source>
        <translation>Save act of help</translation>
    </message>
    <message>
        <source>删除帮扶记录</source>
        <translation>Delete act of help</translation>
    </message>
    <message>
        <source>帮扶记录时间线</source>
        <translation>Help log timeline</translation>
    </message>
    <message>
        <source>确定删除这条帮扶记录吗？</source>
        <translation>Delete this act of help?</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>{kind}修改历史</source>
        <translation>{kind}: change history</translation>
    </message>
    <message>
        <source>时间 / 字段</source>
        <translation>Time / field</translation>
    </message>
    <message>
        <source>操作 / 原值</source>
        <translation>Action / before</translation>
    </message>
    <message>
        <source>干部 / 新值</source>
        <translation>Cadre / after</translation>
    </message>
    <message>
        <source>设备</source>
        <translation>Device</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>对象 / 问题</source>
        <translation>Helped / problem</translation>
    </message>
    <message>
        <source>下一步 / 责任人</source>
        <translation>Next step / responsible</translation>
    </message>
    <message>
        <source>指标</source>
        <translation>Quota</translation>
    </message>
    <message>
        <source>目标</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>实事项目</source>
        <translation>Practical projects</translation>
    </message>
    <message>
        <source>完成 / 目标</source>
        <translation>Done / target</translation>
    </message>
    <message>
        <source>待办跟进（逾期与 7 天内）</source>
        <translation>Follow-ups (overdue and next 7 days)</translation>
    </message>
    <message>
        <source>任务指标</source>
        <translation>Quotas</translation>
    </message>
    <message>
        <source>指标方案：</source>
        <translation>Quota profile:</translation>
    </message>
    <message>
        <source>&lt;b&gt;开始使用访妇情&lt;/b&gt;&lt;ol&gt;&lt;li&gt;在“联系点”登记您联系的村、社区或企业（新建的联系点自动分给您）。&lt;/li&gt;&lt;li&gt;在“联系妇女”登记需要联系服务的妇女，征得她同意后再填身份证号和电话。&lt;/li&gt;&lt;li&gt;每次下基层，在“走访”记下了解的情况和意见；随手的观察写进“妇情日记”。&lt;/li&gt;&lt;li&gt;结对帮扶和每次帮扶记在“结对帮扶”；解决不了的问题记到“问题清单”。&lt;/li&gt;&lt;li&gt;定期在“同步”页导出同步包，用 U 盘或微信交给县妇联；县妇联的同步包在同一页导入。&lt;/li&gt;&lt;/ol&gt;数据加密保存在这台电脑上；菜单“文件 → 备份与恢复”可以备份到 U 盘。</source>
        <translation>&lt;b&gt;Getting started with Fuqing&lt;/b&gt;&lt;ol&gt;&lt;li&gt;Under “Liaison points”, register the villages, communities or firms you are in touch with (a point you create is assigned to you).&lt;/li&gt;&lt;li&gt;Under “Women”, register the women you serve; add ID numbers and phones only with their consent.&lt;/li&gt;&lt;li&gt;Each time you go down to the grassroots, record what you learned and heard under “Visits”; everyday observations go in the “Diary”.&lt;/li&gt;&lt;li&gt;Help pairs and each act of help go under “Help pairs”; problems you cannot solve go on the “Problems” list.&lt;/li&gt;&lt;li&gt;Regularly export a sync bundle on the “Sync” page and hand it to the county federation on a USB stick or by WeChat; the county&apos;s bundles are imported on the same page.&lt;/li&gt;&lt;/ol&gt;The data is kept encrypted on this computer; File → Backups can copy it to a USB stick.</translation>
    </message>
    <message>
        <source>{name}，您好！今天是 {today}</source>
        <translation>Hello, {name}! Today is {today}</translation>
    </message>
    <message>
        <source>{year} 年已下基层 {days} 天</source>
        <translation>{days} grassroots days in {year}</translation>
    </message>
    <message>
        <source>已完成</source>
        <translation>Met</translation>
    </message>
    <message>
        <source>不适用</source>
        <translation>Not applicable</translation>
    </message>
    <message>
        <source>未完成</source>
        <translation>Not met</translation>
    </message>
    <message>
        <source>全体干部的完成情况见上方“全体干部任务指标”和报表</source>
        <translation>Every cadre&apos;s progress: see “Every cadre&apos;s quotas” above, and the reports</translation>
    </message>
    <message>
        <source>全体干部的完成情况见报表</source>
        <translation>Every cadre&apos;s progress: see the reports</translation>
    </message>
    <message>
        <source>{project}（{measure}）</source>
        <translation>{project} ({measure})</translation>
    </message>
    <message>
        <source>帮扶回访</source>
        <translation>Help follow-up</translation>
    </message>
    <message>
        <source>问题时限</source>
        <translation>Problem deadline</translation>
    </message>
    <message>
        <source>转办答复</source>
        <translation>Referral answer</translation>
    </message>
    <message>
        <source>共 {n} 项，其中逾期 {overdue} 项（双击打开）</source>
        <translation>{n} items, {overdue} overdue (double-click to open)</translation>
    </message>
</context>
<context>
    <name>HubPanel</name>
    <message>
        <source>县妇联汇总</source>
        <translation>County overview</translation>
    </message>
    <message>
        <source>去同步页处理…</source>
        <translation>Open the Sync page…</translation>
    </message>
    <message>
        <source>干部的电脑</source>
        <translation>Cadre&apos;s computer</translation>
    </message>
    <message>
        <source>所属妇联</source>
        <translation>Federation</translation>
    </message>
    <message>
        <source>最近收到</source>
        <translation>Last received</translation>
    </message>
    <message>
        <source>同步包</source>
        <translation>Bundles</translation>
    </message>
    <message>
        <source>记录</source>
        <translation>Records</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>妇联</source>
        <translation>Federation</translation>
    </message>
    <message>
        <source>电脑</source>
        <translation>Computers</translation>
    </message>
    <message>
        <source>干部</source>
        <translation>Cadre</translation>
    </message>
    <message>
        <source>已完成指标</source>
        <translation>Quotas met</translation>
    </message>
    <message>
        <source>未完成</source>
        <translation>Not yet met</translation>
    </message>
    <message>
        <source>各干部送来的数据</source>
        <translation>From each cadre</translation>
    </message>
    <message>
        <source>各妇联合计</source>
        <translation>Per federation</translation>
    </message>
    <message>
        <source>全体干部任务指标</source>
        <translation>Every cadre&apos;s quotas</translation>
    </message>
    <message>
        <source>待批准的电脑 {devices} 台，待审核的修改 {proposals} 条，同步冲突 {conflicts} 个；{silent} 台电脑 {days} 天以上没有送来数据。</source>
        <translation>{devices} computers waiting for approval, {proposals} changes to review, {conflicts} sync conflicts; {silent} computers have sent nothing for {days} days or more.</translation>
    </message>
    <message>
        <source>待批准</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>已批准</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>已撤销</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <source>从未</source>
        <translation>Never</translation>
    </message>
    <message>
        <source>长期未同步</source>
        <translation>Silent</translation>
    </message>
    <message>
        <source>（未填）</source>
        <translation>(not given)</translation>
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
        <source>【演示数据】</source>
        <translation>[DEMO DATA] </translation>
    </message>
    <message>
        <source>首页</source>
        <translation>Home</translation>
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
        <source>结对帮扶</source>
        <translation>Help pairs</translation>
    </message>
    <message>
        <source>联系妇女</source>
        <translation>Women</translation>
    </message>
    <message>
        <source>联系点</source>
        <translation>Liaison points</translation>
    </message>
    <message>
        <source>问题清单</source>
        <translation>Problems</translation>
    </message>
    <message>
        <source>实事项目</source>
        <translation>Practical projects</translation>
    </message>
    <message>
        <source>调研报告</source>
        <translation>Research reports</translation>
    </message>
    <message>
        <source>联系服务卡</source>
        <translation>Contact cards</translation>
    </message>
    <message>
        <source>报表</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>妇联组织</source>
        <translation>Federations</translation>
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
        <source>备份与恢复…</source>
        <translation>Backups…</translation>
    </message>
    <message>
        <source>数据口令与恢复码…</source>
        <translation>Data password and recovery code…</translation>
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
        <source>数据口令与恢复码</source>
        <translation>Data password and recovery code</translation>
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
</context>
<context>
    <name>NewPasswordDialog</name>
    <message>
        <source>设置数据口令</source>
        <translation>Set the data password</translation>
    </message>
    <message>
        <source>至少 {n} 个字符</source>
        <translation>{n} characters or more</translation>
    </message>
    <message>
        <source>显示口令</source>
        <translation>Show password</translation>
    </message>
    <message>
        <source>新口令</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>再输入一次</source>
        <translation>Type it again</translation>
    </message>
    <message>
        <source>口令保护电脑或 U 盘丢失时妇女的个人信息。可以用几个词的拼音加数字，如 wangjiacun 2026 zoufang；不要用生日或手机号。</source>
        <translation>The password protects the women&apos;s personal information if the computer or a USB stick is lost. Use a few words and digits you remember, e.g. wangjiacun 2026 zoufang; not a birthday or a phone number.</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>请设置新口令：用恢复码打开后必须换一个您记得住的口令</source>
        <translation>Set a new password: after opening with the recovery code you need a password you remember</translation>
    </message>
    <message>
        <source>两次输入的口令不一样</source>
        <translation>The two passwords differ</translation>
    </message>
</context>
<context>
    <name>PeriodPicker</name>
    <message>
        <source>月</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>两个月</source>
        <translation>Two months</translation>
    </message>
    <message>
        <source>季度</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <source>全年</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>{m} 月</source>
        <translation>Month {m}</translation>
    </message>
    <message>
        <source>{a}—{b} 月</source>
        <translation>Months {a}–{b}</translation>
    </message>
    <message>
        <source>第一季度</source>
        <translation>Q1 (Jan–Mar)</translation>
    </message>
    <message>
        <source>第二季度</source>
        <translation>Q2 (Apr–Jun)</translation>
    </message>
    <message>
        <source>第三季度</source>
        <translation>Q3 (Jul–Sep)</translation>
    </message>
    <message>
        <source>第四季度</source>
        <translation>Q4 (Oct–Dec)</translation>
    </message>
</context>
<context>
    <name>PrintPage</name>
    <message>
        <source>全选</source>
        <translation>Select all</translation>
    </message>
    <message>
        <source>每页一张（卡片尺寸）</source>
        <translation>One card per page (card size)</translation>
    </message>
    <message>
        <source>A4 每页 10 张，带裁切线</source>
        <translation>A4, 10 per sheet, with crop marks</translation>
    </message>
    <message>
        <source>双面打印（反面镜像对齐）</source>
        <translation>Duplex (backs mirrored to line up)</translation>
    </message>
    <message>
        <source>保存为 PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>选择干部</source>
        <translation>Cadres</translation>
    </message>
    <message>
        <source>预览（正面 / 反面）</source>
        <translation>Preview (front / back)</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>联系服务卡</source>
        <translation>Contact cards</translation>
    </message>
    <message>
        <source>请至少选择一名干部</source>
        <translation>Choose at least one cadre</translation>
    </message>
    <message>
        <source>保存联系服务卡</source>
        <translation>Save contact cards</translation>
    </message>
    <message>
        <source>已保存 {n} 页：{path}</source>
        <translation>Saved {n} pages: {path}</translation>
    </message>
</context>
<context>
    <name>ProblemPage</name>
    <message>
        <source>问题清单</source>
        <translation>Problem list</translation>
    </message>
    <message>
        <source>责任清单</source>
        <translation>Responsibility list</translation>
    </message>
    <message>
        <source>趋势预警</source>
        <translation>Trend warnings</translation>
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
    <name>ProgressView</name>
    <message>
        <source>按通知新建本年度项目</source>
        <translation>Add this year&apos;s projects from a notice</translation>
    </message>
    <message>
        <source>为本机干部档案的妇联新建通知列出的实事项目；已有的不重复新建</source>
        <translation>Adds the notice&apos;s practical projects for the federation in this laptop&apos;s cadre profile; projects already there are not added again</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>妇联</source>
        <translation>Federation</translation>
    </message>
    <message>
        <source>帮扶次数</source>
        <translation>Acts of help</translation>
    </message>
    <message>
        <source>受益人次</source>
        <translation>People served</translation>
    </message>
    <message>
        <source>岗位</source>
        <translation>Jobs</translation>
    </message>
    <message>
        <source>培训人次</source>
        <translation>People trained</translation>
    </message>
    <message>
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <source>最落后的目标</source>
        <translation>Furthest behind</translation>
    </message>
    <message>
        <source>通知列出的项目本年度都已有，没有新建</source>
        <translation>Every project the notice lists is already there this year: none added</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>{year} 年实事项目 {n} 个，计入的帮扶 {acts} 次</source>
        <translation>{n} practical projects in {year}, {acts} acts of help counted</translation>
    </message>
    <message>
        <source>请先在“干部档案”中填写所在妇联</source>
        <translation>Fill in your federation in the cadre profile first</translation>
    </message>
    <message>
        <source>已新建 {n} 个项目</source>
        <translation>{n} projects added</translation>
    </message>
</context>
<context>
    <name>ProjectPage</name>
    <message>
        <source>完成进度</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>项目与目标</source>
        <translation>Projects and targets</translation>
    </message>
</context>
<context>
    <name>ProposalsView</name>
    <message>
        <source>收到时间</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>发送设备</source>
        <translation>Sending device</translation>
    </message>
    <message>
        <source>记录类型</source>
        <translation>Record type</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>本机现在的版本</source>
        <translation>Version here now</translation>
    </message>
    <message>
        <source>提议的版本</source>
        <translation>Proposed version</translation>
    </message>
    <message>
        <source>接受这条修改</source>
        <translation>Accept this change</translation>
    </message>
    <message>
        <source>拒绝</source>
        <translation>Reject</translation>
    </message>
    <message>
        <source>同步包中超出发送人权限的修改不会自动合并，列在这里由您决定：接受后它像其他修改一样合并并继续同步；拒绝则不采用。</source>
        <translation>Changes in bundles that go beyond the sender&apos;s rights are not merged automatically; they wait here for you. Accepted, a change is merged and synced on like any other; rejected, it is not used.</translation>
    </message>
    <message>
        <source>没有待审核的修改。</source>
        <translation>No changes wait for review.</translation>
    </message>
    <message>
        <source>接受后，这条修改会合并到本机并随同步传出。确定接受吗？</source>
        <translation>Accepted, this change is merged here and synced on. Accept?</translation>
    </message>
    <message>
        <source>拒绝后，这条修改不会被采用。确定拒绝吗？</source>
        <translation>Rejected, this change is not used. Reject?</translation>
    </message>
    <message>
        <source>待审核修改</source>
        <translation>Changes for review</translation>
    </message>
    <message>
        <source>已接受这条修改。</source>
        <translation>Change accepted.</translation>
    </message>
    <message>
        <source>已拒绝这条修改。</source>
        <translation>Change rejected.</translation>
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
    <name>RecordPage</name>
    <message>
        <source>新建</source>
        <translation>New</translation>
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
        <source>历史</source>
        <translation>History</translation>
    </message>
    <message>
        <source>搜索结果按录入先后排列，新录入的在前；点击列标题可按该列排序。</source>
        <translation>Search results are in the order they were entered, newest first; click a column header to sort by it.</translation>
    </message>
    <message>
        <source>这条记录已被删除</source>
        <translation>This record has been deleted</translation>
    </message>
    <message>
        <source>这条记录已在别处修改；保存将以您的修改为准</source>
        <translation>This record was changed elsewhere; saving keeps your changes</translation>
    </message>
    <message>
        <source>以上</source>
        <translation>+</translation>
    </message>
    <message>
        <source>共 {n}{more} 条</source>
        <translation>{n}{more} records</translation>
    </message>
    <message>
        <source>未保存的修改</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>当前记录有未保存的修改（已自动存为草稿）。要先保存吗？</source>
        <translation>This record has unsaved changes (kept as a draft). Save them first?</translation>
    </message>
    <message>
        <source>编辑{kind}</source>
        <translation>Edit {kind}</translation>
    </message>
    <message>
        <source>新建{kind}</source>
        <translation>New {kind}</translation>
    </message>
    <message>
        <source>尚未保存</source>
        <translation>Not saved yet</translation>
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
        <source>它的 {children}也一并删除。</source>
        <translation>Its {children} will be deleted with it.</translation>
    </message>
    <message>
        <source>删除{kind}</source>
        <translation>Delete {kind}</translation>
    </message>
    <message>
        <source>确定删除{kind}“{title}”吗？删除后只留下同步所需的删除标记，内容不再保留，同步时传给县妇联。</source>
        <translation>Delete the {kind} “{title}”? Only the deletion mark that sync needs is kept, not the content; it goes to the county federation at the next sync.</translation>
    </message>
    <message>
        <source>已删除</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>无标题</source>
        <translation>untitled</translation>
    </message>
    <message>
        <source>恢复草稿</source>
        <translation>Restore draft</translation>
    </message>
    <message>
        <source>发现上次未保存的{kind}草稿“{title}”（{time}）。要恢复吗？</source>
        <translation>An unsaved {kind} draft “{title}” ({time}) was found. Restore it?</translation>
    </message>
</context>
<context>
    <name>RecordPicker</name>
    <message>
        <source>输入名称查找</source>
        <translation>Find by name</translation>
    </message>
</context>
<context>
    <name>RecoveryCodeDialog</name>
    <message>
        <source>恢复码：请抄下来</source>
        <translation>Recovery code: write it down</translation>
    </message>
    <message>
        <source>忘记口令时，用这个恢复码打开数据。它只显示这一次：请抄在纸上（或打印），和电脑分开、锁好保管。谁拿到恢复码和电脑，谁就能看到数据。</source>
        <translation>If you forget the password, this recovery code opens the data. It is shown only now: write it on paper (or print it) and lock it away from the computer. Whoever has the code and the computer can read the data.</translation>
    </message>
    <message>
        <source>复制</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>我已把恢复码抄在纸上，另外保管</source>
        <translation>I have written the recovery code on paper and keep it apart</translation>
    </message>
    <message>
        <source>继续</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>已复制</source>
        <translation>Copied</translation>
    </message>
</context>
<context>
    <name>ReferralPanel</name>
    <message>
        <source>转办与答复</source>
        <translation>Referrals and answers</translation>
    </message>
    <message>
        <source>新增转办</source>
        <translation>New referral</translation>
    </message>
    <message>
        <source>保存转办</source>
        <translation>Save referral</translation>
    </message>
    <message>
        <source>删除转办</source>
        <translation>Delete referral</translation>
    </message>
    <message>
        <source>确定删除这条转办记录吗？</source>
        <translation>Delete this referral?</translation>
    </message>
</context>
<context>
    <name>RelatedPanel</name>
    <message>
        <source>相关记录（双击打开）</source>
        <translation>Related records (double-click to open)</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>生成 PDF 报表…</source>
        <translation>PDF report…</translation>
    </message>
    <message>
        <source>导出 Excel 表格…</source>
        <translation>Excel tables…</translation>
    </message>
    <message>
        <source>生成调研报告初稿…</source>
        <translation>Research report draft…</translation>
    </message>
    <message>
        <source>期间</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>指标方案</source>
        <translation>Quota profile</translation>
    </message>
    <message>
        <source>本级及所有下级妇联</source>
        <translation>This federation and all below it</translation>
    </message>
    <message>
        <source>仅本级</source>
        <translation>This federation only</translation>
    </message>
    <message>
        <source>本机全部记录（不分妇联）</source>
        <translation>Every record on this computer (any federation)</translation>
    </message>
    <message>
        <source>妇联</source>
        <translation>Federation</translation>
    </message>
    <message>
        <source>统计范围</source>
        <translation>Covers</translation>
    </message>
    <message>
        <source>调研主题</source>
        <translation>Research topic</translation>
    </message>
    <message>
        <source>访妇情报表</source>
        <translation>Fuqing report</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>保存报表</source>
        <translation>Save report</translation>
    </message>
    <message>
        <source>正在生成…</source>
        <translation>Building…</translation>
    </message>
    <message>
        <source>已生成：{path}</source>
        <translation>Written: {path}</translation>
    </message>
</context>
<context>
    <name>ResearchPage</name>
    <message>
        <source>根据数据写入草稿</source>
        <translation>Write a draft from the data</translation>
    </message>
    <message>
        <source>按所选问题类别和期间，把走访、问题和预警的数字写成“基本情况、问题分析、对策建议”，可再修改</source>
        <translation>Writes the visits, problems and warnings of the chosen category and period as “situation, analysis, proposals”; edit it afterwards</translation>
    </message>
    <message>
        <source>问题类别</source>
        <translation>Problem category</translation>
    </message>
    <message>
        <source>草稿期间</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>写入草稿</source>
        <translation>Write a draft</translation>
    </message>
    <message>
        <source>报告正文已有内容。用根据数据生成的草稿替换并保存吗？原来的正文可在“历史”中找回。</source>
        <translation>The report already has text. Replace it with a draft from the data and save? The old text stays in the history.</translation>
    </message>
    <message>
        <source>正在根据数据写草稿…</source>
        <translation>Writing a draft from the data…</translation>
    </message>
    <message>
        <source>已根据数据写入草稿并保存，可继续修改</source>
        <translation>Draft written from the data and saved; edit it further</translation>
    </message>
</context>
<context>
    <name>ResponsibilityView</name>
    <message>
        <source>时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>剩余天数</source>
        <translation>Days left</translation>
    </message>
    <message>
        <source>责任人</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>待办问题 {n} 个，其中逾期 {overdue} 个</source>
        <translation>{n} open problems, {overdue} overdue</translation>
    </message>
</context>
<context>
    <name>SavedFileButtons</name>
    <message>
        <source>打开文件</source>
        <translation>Open the file</translation>
    </message>
    <message>
        <source>打开所在文件夹</source>
        <translation>Open the folder</translation>
    </message>
</context>
<context>
    <name>SensitiveEditor</name>
    <message>
        <source>显示</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>显示完整号码（会记入操作记录）</source>
        <translation>Show the whole number (written to the audit trail)</translation>
    </message>
    <message>
        <source>点“显示”后才能查看和修改完整号码</source>
        <translation>Click Show to see and change the whole number</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>导出与导入</source>
        <translation>Export and import</translation>
    </message>
    <message>
        <source>设备登记</source>
        <translation>Device registry</translation>
    </message>
    <message>
        <source>待审核修改</source>
        <translation>Changes for review</translation>
    </message>
    <message>
        <source>冲突</source>
        <translation>Conflicts</translation>
    </message>
</context>
<context>
    <name>TransferView</name>
    <message>
        <source>导出本机公钥…</source>
        <translation>Export this install&apos;s key…</translation>
    </message>
    <message>
        <source>导入县妇联公钥…</source>
        <translation>Import the hub key…</translation>
    </message>
    <message>
        <source>发送对象</source>
        <translation>Destination</translation>
    </message>
    <message>
        <source>加密方式</source>
        <translation>Encryption</translation>
    </message>
    <message>
        <source>上次发送</source>
        <translation>Last sent</translation>
    </message>
    <message>
        <source>同步包编号</source>
        <translation>Bundle id</translation>
    </message>
    <message>
        <source>导出全部记录（不只是新变化）</source>
        <translation>Export every record (not only new changes)</translation>
    </message>
    <message>
        <source>汇总上报（县妇联把收到的记录转给上级）</source>
        <translation>Roll-up (a hub passes what it received upward)</translation>
    </message>
    <message>
        <source>导出同步包…</source>
        <translation>Export bundle…</translation>
    </message>
    <message>
        <source>用口令导出…</source>
        <translation>Export with a passphrase…</translation>
    </message>
    <message>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>取消导出</source>
        <translation>Cancel export</translation>
    </message>
    <message>
        <source>选择同步包文件…</source>
        <translation>Choose bundle files…</translation>
    </message>
    <message>
        <source>口令（仅口令加密的同步包需要）</source>
        <translation>Passphrase (only for passphrase bundles)</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>新增</source>
        <translation>New</translation>
    </message>
    <message>
        <source>更新</source>
        <translation>Updated</translation>
    </message>
    <message>
        <source>未变</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <source>冲突</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>本机设备：{device}
本机公钥：{recipient}</source>
        <translation>This device: {device}
This install&apos;s key: {recipient}</translation>
    </message>
    <message>
        <source>公钥</source>
        <translation>Key</translation>
    </message>
    <message>
        <source>口令</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>从未</source>
        <translation>Never</translation>
    </message>
    <message>
        <source>导出本机公钥</source>
        <translation>Export this install&apos;s key</translation>
    </message>
    <message>
        <source>已导出本机公钥：{path}</source>
        <translation>This device&apos;s public key was exported: {path}</translation>
    </message>
    <message>
        <source>访妇情公钥</source>
        <translation>Fuqing public key</translation>
    </message>
    <message>
        <source>访妇情同步包</source>
        <translation>Fuqing bundle</translation>
    </message>
    <message>
        <source>导入县妇联公钥</source>
        <translation>Import the hub key</translation>
    </message>
    <message>
        <source>公钥 (*.txt);;所有文件 (*)</source>
        <translation>Public key (*.txt);;All files (*)</translation>
    </message>
    <message>
        <source>请先导入县妇联公钥，或改用口令导出。</source>
        <translation>Import the hub key first, or export with a passphrase.</translation>
    </message>
    <message>
        <source>保存同步包</source>
        <translation>Save bundle</translation>
    </message>
    <message>
        <source>正在导出 {name}…</source>
        <translation>Exporting {name}…</translation>
    </message>
    <message>
        <source>已导出 {n} 条记录到 {path}</source>
        <translation>Exported {n} rows to {path}</translation>
    </message>
    <message>
        <source>选择同步包</source>
        <translation>Choose bundles</translation>
    </message>
    <message>
        <source>同步包 (*.age);;所有文件 (*)</source>
        <translation>Bundles (*.age);;All files (*)</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>打开访妇情数据</source>
        <translation>Open the Fuqing data</translation>
    </message>
    <message>
        <source>数据已加密保存。请输入您的数据口令。</source>
        <translation>The data is kept encrypted. Type your data password.</translation>
    </message>
    <message>
        <source>数据口令</source>
        <translation>Data password</translation>
    </message>
    <message>
        <source>忘记口令？用恢复码打开</source>
        <translation>Forgot the password? Open with the recovery code</translation>
    </message>
    <message>
        <source>返回输入口令</source>
        <translation>Back to the password</translation>
    </message>
    <message>
        <source>数据文件：{path}</source>
        <translation>Data file: {path}</translation>
    </message>
    <message>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>请输入设置口令时得到的恢复码（5 组字母数字，大小写和横线都可以）。打开后请设置新口令。</source>
        <translation>Type the recovery code you got when you set the password (5 groups of letters and digits; case and dashes do not matter). Then set a new password.</translation>
    </message>
    <message>
        <source>恢复码，如 ABCDE-FGHJK-…</source>
        <translation>Recovery code, e.g. ABCDE-FGHJK-…</translation>
    </message>
    <message>
        <source>请输入口令</source>
        <translation>Type the password</translation>
    </message>
</context>
<context>
    <name>VisitPage</name>
    <message>
        <source>从本次走访记录问题…</source>
        <translation>Record a problem from this visit…</translation>
    </message>
</context>
<context>
    <name>WarningsView</name>
    <message>
        <source>同一类问题在</source>
        <translation>A category raised within</translation>
    </message>
    <message>
        <source>天内出现在</source>
        <translation>days at</translation>
    </message>
    <message>
        <source>个及以上联系点，即列为趋势预警</source>
        <translation>or more liaison points is a trend warning</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>联系点数</source>
        <translation>Liaison points</translation>
    </message>
    <message>
        <source>起</source>
        <translation>From</translation>
    </message>
    <message>
        <source>止</source>
        <translation>To</translation>
    </message>
    <message>
        <source>问题数</source>
        <translation>Problems</translation>
    </message>
    <message>
        <source>联系点</source>
        <translation>Liaison points</translation>
    </message>
</context>
<context>
    <name>WomanPage</name>
    <message>
        <source>删除并清除个人信息…</source>
        <translation>Delete and erase personal data…</translation>
    </message>
    <message>
        <source>她本人要求，或不再需要保存她的信息时使用</source>
        <translation>Use when she asks, or when her data no longer needs to be kept</translation>
    </message>
    <message>
        <source>已删除并清除个人信息</source>
        <translation>Deleted, personal data erased</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>访妇情已在运行</source>
        <translation>Fuqing is already running</translation>
    </message>
    <message>
        <source>这个数据文件已经由另一个访妇情窗口打开：请切换到那个窗口。
{path}</source>
        <translation>This data file is already open in another Fuqing window: switch to that window.
{path}</translation>
    </message>
    <message>
        <source>请检查电脑的日期和时间</source>
        <translation>Check the computer&apos;s date and time</translation>
    </message>
    <message>
        <source>日期时间是对的，修复</source>
        <translation>The date and time are right: repair</translation>
    </message>
    <message>
        <source>以后再说</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>（没有可用的备份）</source>
        <translation>(no backup available)</translation>
    </message>
    <message>
        <source>数据文件有损坏</source>
        <translation>The data file is damaged</translation>
    </message>
    <message>
        <source>完整性检查发现问题：{detail}
请关闭访妇情后用最近的备份恢复：
fuqing restore {backup}</source>
        <translation>The integrity check found a problem: {detail}
Close Fuqing and restore the newest backup:
fuqing restore {backup}</translation>
    </message>
</context>
<context>
    <name>compare_table</name>
    <message>
        <source>字段</source>
        <translation>Field</translation>
    </message>
</context>
<context>
    <name>duplicate</name>
    <message>
        <source>身份证号码已登记</source>
        <translation>ID number already registered</translation>
    </message>
    <message>
        <source>身份证号码 {number} 已登记为“{name}”。同一位妇女请打开已有记录；如确是另一人，请先核对号码。</source>
        <translation>ID number {number} is already registered as “{name}”. For the same woman, open that record; if this is someone else, check the number first.</translation>
    </message>
    <message>
        <source>刚才填写的内容已存为草稿，不会丢失。</source>
        <translation>What you typed is kept as a draft and will not be lost.</translation>
    </message>
    <message>
        <source>打开已有记录</source>
        <translation>Open the existing record</translation>
    </message>
    <message>
        <source>确是另一人，仍然保存</source>
        <translation>Someone else: save anyway</translation>
    </message>
    <message>
        <source>返回修改</source>
        <translation>Go back and edit</translation>
    </message>
</context>
<context>
    <name>erase</name>
    <message>
        <source>删除并清除个人信息</source>
        <translation>Delete and erase personal data</translation>
    </message>
    <message>
        <source>确定删除“{name}”并清除她的个人信息吗？</source>
        <translation>Delete “{name}” and erase her personal data?</translation>
    </message>
    <message>
        <source>她的姓名、身份证号码、电话和全部记录内容将被清除，帮扶结对和帮扶记录一并删除，走访和日记中不再关联她。同步后县妇联的副本也会清除。此操作不能撤销。</source>
        <translation>Her name, ID number, phone and everything recorded about her are erased; her help pairs and help logs are deleted, and visits and diaries no longer list her. The county federation&apos;s copy is erased at the next sync. This cannot be undone.</translation>
    </message>
    <message>
        <source>删除并清除</source>
        <translation>Delete and erase</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>已清除个人信息</source>
        <translation>Personal data erased</translation>
    </message>
    <message>
        <source>“{name}”的个人信息已清除。</source>
        <translation>The personal data of “{name}” was erased.</translation>
    </message>
</context>
<context>
    <name>jobs</name>
    <message>
        <source>操作未完成：程序内部出错，详情已写入日志。已保存的数据不受影响。</source>
        <translation>The operation did not finish: an internal error occurred and was written to the log. Saved data is not affected.</translation>
    </message>
</context>
<context>
    <name>open_folder</name>
    <message>
        <source>无法打开</source>
        <translation>Cannot open</translation>
    </message>
    <message>
        <source>这台电脑上没有能打开它的程序。位置：{path}</source>
        <translation>This computer has no program that opens it. It is here: {path}</translation>
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
<context>
    <name>password</name>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>unlock</name>
    <message>
        <source>无法打开数据</source>
        <translation>Cannot open the data</translation>
    </message>
    <message>
        <source>欢迎使用访妇情。记录会加密保存在这台电脑上。请为数据设置口令，以后每次打开访妇情时输入。</source>
        <translation>Welcome to Fuqing. Records are kept encrypted on this computer. Set a password for the data; you will type it each time you open Fuqing.</translation>
    </message>
    <message>
        <source>这一版访妇情把数据加密保存，电脑或 U 盘丢失时妇女的个人信息也不会泄露。请为数据设置口令；加密前会先做备份，所有记录都保留。</source>
        <translation>This version of Fuqing keeps the data encrypted, so the women&apos;s personal data stays safe if the computer or a USB stick is lost. Set a password for the data; a backup is made first and every record is kept.</translation>
    </message>
    <message>
        <source>正在加密数据，请稍候…</source>
        <translation>Encrypting the data, please wait…</translation>
    </message>
    <message>
        <source>加密数据</source>
        <translation>Encrypting data</translation>
    </message>
    <message>
        <source>数据已加密</source>
        <translation>Data encrypted</translation>
    </message>
    <message>
        <source>数据已加密保存，所有记录都在。加密前的数据另存了一份加密的备份，在“{folder}”。</source>
        <translation>The data is now kept encrypted, with every record. An encrypted backup of the data as it was is in “{folder}”.</translation>
    </message>
    <message>
        <source>您用恢复码打开了数据。请设置新口令；之后会给您一个新的恢复码，旧的随即作废。</source>
        <translation>You opened the data with the recovery code. Set a new password; you will then get a new recovery code and the old one stops working.</translation>
    </message>
    <message>
        <source>口令没有修改</source>
        <translation>Password not changed</translation>
    </message>
</context>
</TS>
