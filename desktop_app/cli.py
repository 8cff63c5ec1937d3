"""The app's capabilities without a window: ``fuqing [--db PATH] COMMAND``."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .core import db, demo, i18n, idcard, phones, problems, quotas
from .core import messages as msg
from .core import records as r
from .core.errors import FuqingError, UsageError, ValidationFailed
from .core.store import Store


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="fuqing", description="访妇情 — 妇联干部下基层工作台（命令行）")
    parser.add_argument("--db", type=Path, help="数据库文件（默认：用户数据目录下的 fuqing.db）")
    parser.add_argument("--lang", choices=["zh", "en"], help="消息语言 / message language")
    sub = parser.add_subparsers(dest="command", required=True)
    types = list(r.RECORD_TYPES)

    p = sub.add_parser("demo", help="生成演示数据")
    p.add_argument("--records", type=int, default=1000, help="妇情日记条数，其他记录按比例生成")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--anchor", help="演示数据的“今天”，默认为今天（YYYY-MM-DD）")

    p = sub.add_parser("profile", help="设置本机干部档案")
    p.add_argument("--json", dest="data", help="干部字段 JSON；省略则显示当前档案")

    p = sub.add_parser("add", help="新增记录")
    p.add_argument("type", choices=types)
    p.add_argument("--json", dest="data", required=True)

    p = sub.add_parser("edit", help="修改记录")
    p.add_argument("type", choices=types)
    p.add_argument("id")
    p.add_argument("--json", dest="data", required=True)

    p = sub.add_parser("show", help="显示一条记录")
    p.add_argument("type", choices=types)
    p.add_argument("id")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("list", help="列出记录")
    p.add_argument("type", choices=types)
    p.add_argument("--json", action="store_true")
    p.add_argument("--limit", type=int)
    p.add_argument("--reveal", action="store_true", help="显示完整身份证号和电话")

    p = sub.add_parser("delete", help="删除记录（保留删除标记以便同步）")
    p.add_argument("type", choices=types)
    p.add_argument("id")

    p = sub.add_parser("search", help="全文检索日记、走访和问题")
    p.add_argument("text")
    p.add_argument("--type", choices=["diary", "visit", "problem"], action="append")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("stats", help="统计")
    p.add_argument("--json", action="store_true")

    sub.add_parser("check", help="完整性与外键检查")

    p = sub.add_parser("backup", help="备份数据库（可写到 U 盘）")
    p.add_argument("--out", type=Path, help="备份文件或文件夹（默认：数据目录下的 backups）")

    p = sub.add_parser("restore", help="从备份恢复（当前数据先另存）")
    p.add_argument("file", type=Path)

    p = sub.add_parser("quotas", help="各干部任务指标完成情况")
    p.add_argument("--json", action="store_true")
    p.add_argument("--preset", choices=sorted(quotas.PRESETS), help="指标方案（默认：本机所选方案）")
    p.add_argument("--year", type=int, help="年度（默认今年）")
    p.add_argument(
        "--set", action="append", default=[], metavar="KEY=N", help="修改本方案的目标值，如 points_village=5"
    )
    p.add_argument("--choose", action="store_true", help="把 --preset 设为本机默认方案")

    p = sub.add_parser("keys", help="本机密钥与县妇联公钥")
    p.add_argument("--export-hub-key", type=Path, metavar="FILE", help="导出本机公钥文件（县妇联发给干部）")
    p.add_argument("--import-hub-key", type=Path, metavar="FILE", help="导入县妇联公钥文件")
    p.add_argument("--name", help="发送对象名称（默认取自公钥文件）")
    p.add_argument("--export-identity", type=Path, metavar="FILE", help="导出本机私钥（仅用于迁移，注意保密）")
    p.add_argument("--import-identity", type=Path, metavar="FILE", help="导入从旧电脑导出的私钥（县妇联换电脑）")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("export", help="导出加密同步包")
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--full", action="store_true", help="导出全部记录，而不只是新变化")
    p.add_argument("--to", type=Path, metavar="HUBKEYFILE", help="用该公钥加密（默认：已导入的唯一县妇联公钥）")
    p.add_argument("--passphrase-file", type=Path, help="改用口令加密（文件首行为口令）")
    p.add_argument("--rollup", action="store_true", help="汇总上报：把本机收到的全部记录转给上级")
    p.add_argument("--down", action="store_true", help="下发给干部：只含干部、联系点与分工")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("import", help="导入同步包")
    p.add_argument("files", nargs="+", type=Path)
    p.add_argument("--passphrase-file", type=Path)
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("devices", help="设备登记（县妇联）")
    p.add_argument("--revoke", metavar="DEVICE_ID")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("conflicts", help="同步冲突：查看与选择版本")
    p.add_argument("--resolve", metavar="CONFLICT_ID")
    p.add_argument("--keep", choices=["current", "other"], help="保留当前版本或改用另一版本")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("cards", help="打印联系服务卡（PDF）")
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--cadre", action="append", default=[], metavar="ID", help="干部编号，可重复；默认本机干部")
    p.add_argument("--all", action="store_true", help="全部干部")
    p.add_argument("--federation", help="与 --all 合用：只印该妇联的干部")
    p.add_argument("--layout", choices=["card", "sheet"], default="card", help="card：每页一张；sheet：A4 每页 10 张")
    p.add_argument("--duplex", action="store_true", help="A4 版式时正反面交替、反面镜像，便于双面打印")

    p = sub.add_parser("report", help="工作报表（PDF 或 XLSX）")
    p.add_argument("--period", required=True, help="2026-09、2026-09/10、2026-Q3 或 2026")
    p.add_argument("--out", type=Path, required=True, help="以 .pdf 或 .xlsx 结尾")
    p.add_argument("--federation", help="报表抬头的妇联名称（默认取干部档案）")
    p.add_argument("--preset", choices=sorted(quotas.PRESETS), help="指标方案（默认：本机所选方案）")
    p.add_argument("--research", metavar="CATEGORY", help="改为生成该问题类别的调研报告初稿（PDF），如 employment")

    p = sub.add_parser("problems", help="责任清单与趋势预警")
    p.add_argument("--json", action="store_true")
    p.add_argument("--overdue", action="store_true", help="只列逾期未办结的问题")
    p.add_argument("--warnings", action="store_true", help="同时列出趋势预警")
    return parser


def _load_json(text: str) -> dict[str, Any]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise UsageError(msg.BAD_JSON.format(detail=error)) from None
    if not isinstance(data, dict):
        raise UsageError(str(msg.JSON_NOT_OBJECT))
    return data


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def _masked(record: dict[str, Any]) -> dict[str, Any]:
    shown = dict(record)
    if shown.get("id_number"):
        shown["id_number"] = idcard.mask(shown["id_number"])
    for key in ("phone", "mobile", "contact_phone"):
        if shown.get(key):
            shown[key] = phones.mask(shown[key])
    return shown


def _summary(rtype: r.RecordType, record: dict[str, Any]) -> str:
    title = str(record.get(rtype.title_field) or "")
    if rtype.name == "diary":
        title = f"{record['date']}  {title}"
    return f"{record['id']}  {title[:60]}"


def run(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.lang:
        i18n.set_language(args.lang)
    path = args.db or db.default_db_path()
    try:
        if args.command == "restore":
            from .core import backup

            aside = backup.restore(path, args.file)
            print(i18n.pick(f"已恢复；原数据另存为 {aside}", f"Restored; the previous data was kept as {aside}"))
            return 0
        with Store(path) as store:
            return _dispatch(store, args)
    except ValidationFailed as error:
        for field, message in error.errors.items():
            print(
                f"错误 [{field}]: {message}" if i18n.language() == "zh" else f"error [{field}]: {message}",
                file=sys.stderr,
            )
        return 1
    except FuqingError as error:
        print(str(error), file=sys.stderr)
        return 1


def _dispatch(store: Store, args: argparse.Namespace) -> int:
    command = args.command
    if command == "demo":
        from datetime import date

        anchor = date.fromisoformat(args.anchor) if args.anchor else None
        started = time.perf_counter()

        def progress(kind: str, done: int, total: int) -> None:
            print(f"  {kind}: +{done}", file=sys.stderr)

        written = demo.fill(store, args.records, seed=args.seed, anchor=anchor, progress=progress)
        seconds = time.perf_counter() - started
        print(i18n.pick(f"已生成演示数据，用时 {seconds:.1f} 秒", f"Demo data written in {seconds:.1f} s"))
        _print_json({k: v for k, v in written.items() if k in r.RECORD_TYPES})
        return 0
    if command == "profile":
        if args.data is None:
            if not store.own_cadre_id:
                print(str(msg.NO_OWN_CADRE), file=sys.stderr)
                return 1
            _print_json(store.get("cadre", store.own_cadre_id))
            return 0
        _print_json(store.save_profile(_load_json(args.data)))
        return 0
    if command in ("add", "edit"):
        record = store.save(args.type, _load_json(args.data), args.id if command == "edit" else None)
        _print_json(record)
        return 0
    if command == "show":
        record = store.get(args.type, args.id)
        if args.json:
            _print_json(record)
        else:
            rtype = r.record_type(args.type)
            for f in rtype.fields:
                print(f"{f.label}: {record[f.name] if record[f.name] is not None else ''}")
        return 0
    if command == "list":
        rtype = r.record_type(args.type)
        records = store.list_records(args.type, args.limit)
        shown = records if args.reveal else [_masked(rec) for rec in records]
        if args.json:
            _print_json(shown)
        else:
            for rec in shown:
                print(_summary(rtype, rec))
        return 0
    if command == "delete":
        store.delete(args.type, args.id)
        print(i18n.pick("已删除", "Deleted"))
        return 0
    if command == "search":
        return _search(store, args)
    if command == "stats":
        stats = {"schema_version": store.schema_version, "device_id": store.device_id, "counts": store.counts()}
        if args.json:
            _print_json(stats)
        else:
            for kind, n in stats["counts"].items():
                print(f"{r.RECORD_TYPES[kind].label}: {n}")
        return 0
    if command == "quotas":
        preset = args.preset or quotas.chosen_preset(store.conn)
        for assignment in args.set:
            key, _, value = assignment.partition("=")
            try:
                quotas.set_target(store.conn, preset, key.strip(), int(value))
            except ValueError:
                keys = "、".join(i.key for i in quotas.PRESETS[preset].items)
                raise UsageError(
                    i18n.pick(f"无效的目标“{assignment}”，可用：{keys}", f"Bad target “{assignment}”; use: {keys}")
                ) from None
        if args.choose:
            quotas.choose_preset(store.conn, preset)
        year = args.year or store.today().year
        progress = quotas.progress(store.conn, preset, year)
        if args.json:
            _print_json({"preset": preset, "year": year, "cadres": [p.as_json() for p in progress]})
        else:
            print(f"{quotas.PRESETS[preset].label} {year}")
            for cadre in progress:
                marks = "  ".join(
                    f"{i.label} {i.actual}/{i.target}{'' if i.applies else '（不适用）'}{'✓' if i.met else '✗'}"
                    for i in cadre.items
                )
                print(f"{cadre.name}: {marks}")
        return 0
    if command == "problems":
        duties = problems.responsibility_list(store.conn, store.today(), overdue_only=args.overdue)
        warnings = problems.trend_warnings(store.conn) if args.warnings else []
        if args.json:
            data: dict[str, Any] = {"responsibility": [vars(d) for d in duties]}
            if args.warnings:
                data["warnings"] = [vars(w) for w in warnings]
                data["rule"] = problems.rule(store.conn)
            _print_json(data)
        else:
            for duty in duties:
                flag = i18n.pick("【逾期】", "[overdue] ") if duty.overdue else ""
                print(f"{flag}{duty.deadline or '—'}  {duty.responsible}  {duty.description[:40]}")
            for warning in warnings:
                print(
                    i18n.pick(
                        f"预警：{warning.category_label} 在 {len(warning.liaison_point_ids)} 个联系点出现（{warning.first_date}—{warning.last_date}）",
                        f"Warning: {warning.category_label} at {len(warning.liaison_point_ids)} liaison points ({warning.first_date} to {warning.last_date})",
                    )
                )
        return 0
    if command == "backup":
        from .core import backup

        out = backup.make_backup(store.conn, store.path, "manual", args.out)
        print(i18n.pick(f"已备份到 {out}", f"Backed up to {out}"))
        return 0
    if command == "report":
        from .core import report, report_files

        suffix = args.out.suffix.lower()
        if suffix not in (".pdf", ".xlsx"):
            raise UsageError(i18n.pick("输出文件应以 .pdf 或 .xlsx 结尾", "The output file must end in .pdf or .xlsx"))
        period = report.parse_period(args.period)
        if args.research:
            from .core import enums, research

            topic = enums.PROBLEM_CATEGORY.code_for(args.research)
            if topic is None or suffix != ".pdf":
                raise UsageError(i18n.pick(f"调研报告需要问题类别（{'、'.join(enums.PROBLEM_CATEGORY.codes())}）和 .pdf 文件",
                                           "A research report needs a problem category and a .pdf file"))  # fmt: skip
            federation = args.federation or report.build(store.conn, period).federation
            research.write_pdf(research.build(store.conn, topic, period, federation), args.out)
            print(i18n.pick(f"已生成调研报告初稿：{args.out}", f"Research report draft written: {args.out}"))
            return 0
        data = report.build(store.conn, period, args.federation, args.preset)
        (report_files.write_pdf if suffix == ".pdf" else report_files.write_xlsx)(data, args.out)
        print(i18n.pick(f"已生成报表：{args.out}", f"Report written: {args.out}"))
        return 0
    if command == "cards":
        from .core import cards

        if args.all:
            ids = [c["id"] for c in store.list_records("cadre") if not args.federation or c["org"] == args.federation]
        else:
            ids = args.cadre or ([store.own_cadre_id] if store.own_cadre_id else [])
        if not ids:
            raise UsageError(str(msg.NO_OWN_CADRE))
        pages = cards.render_cadres(store, ids, args.out, args.layout, duplex=args.duplex or args.layout == "card")
        print(i18n.pick(f"已生成 {len(ids)} 张联系服务卡，共 {pages} 页：{args.out}",
                        f"{len(ids)} cards, {pages} pages: {args.out}"))  # fmt: skip
        return 0
    if command in ("keys", "export", "import", "devices", "conflicts"):
        from . import sync_cli

        return sync_cli.dispatch(store, args)
    if command == "check":
        found = store.check()
        for line in found:
            print(line, file=sys.stderr)
        print(
            i18n.pick(
                "检查通过" if not found else f"发现 {len(found)} 个问题",
                "Check passed" if not found else f"{len(found)} problems found",
            )
        )
        return 0 if not found else 1
    raise AssertionError(command)


def _search(store: Store, args: argparse.Namespace) -> int:
    from .core import search

    hits = []
    for kind in args.type or ["diary", "visit", "problem"]:
        rtype = r.RECORD_TYPES[kind]
        seqs = store.search(kind, args.text, args.limit)
        rows = store.rows_by_seq(kind, seqs, ["id", *rtype.search_fields])
        for seq in seqs:
            row = rows[seq]
            text = " ".join(str(row[f] or "") for f in rtype.search_fields)
            hits.append({"type": kind, "id": row["id"], "snippet": search.snippet(text, args.text)})
    if args.json:
        _print_json(hits)
    else:
        for hit in hits:
            print(f"{r.RECORD_TYPES[hit['type']].label}  {hit['id']}  {hit['snippet']}")
    return 0


def main() -> None:
    sys.exit(run_piped())


def run_piped(argv: Sequence[str] | None = None) -> int:
    """``run``, quiet when the reader of our output goes away (``| head``)."""
    try:
        return run(argv)
    except BrokenPipeError:
        sys.stderr.close()
        return 0
