"""Commands on records: profile, add, edit, show, list, delete, search, stats."""

from __future__ import annotations

import argparse
from typing import Any

from ..core import describe, erase, privacy
from ..core import messages as msg
from ..core import records as r
from ..core import search as fts
from ..core.describe import show_value
from ..core.errors import DuplicateRecord, UsageError
from ..core.i18n import pick
from ..core.store import Store
from .common import load_json, masked, print_json

Subparsers = Any  # argparse's _SubParsersAction is private


def register(sub: Subparsers) -> None:
    types = list(r.RECORD_TYPES)

    p = sub.add_parser("profile", help="设置本机干部档案")
    p.add_argument("--json", dest="data", help="干部字段 JSON；省略则显示当前档案")
    p.set_defaults(handler=profile)

    p = sub.add_parser("add", help="新增记录")
    p.add_argument("type", choices=types)
    p.add_argument("--json", dest="data", required=True)
    p.add_argument("--allow-duplicate", action="store_true", help="身份证号码已登记时仍保存为另一条记录")
    p.set_defaults(handler=add)

    p = sub.add_parser("edit", help="修改记录")
    p.add_argument("type", choices=types)
    p.add_argument("id")
    p.add_argument("--json", dest="data", required=True)
    p.add_argument("--allow-duplicate", action="store_true", help="身份证号码已登记时仍保存")
    p.set_defaults(handler=edit)

    p = sub.add_parser("show", help="显示一条记录（身份证号和电话部分隐藏）")
    p.add_argument("type", choices=types)
    p.add_argument("id")
    p.add_argument("--json", action="store_true")
    p.add_argument("--reveal", action="store_true", help="显示完整身份证号和电话（记入操作记录）")
    p.set_defaults(handler=show)

    p = sub.add_parser("list", help="列出记录")
    p.add_argument("type", choices=types)
    p.add_argument("--json", action="store_true")
    p.add_argument("--limit", type=int)
    p.add_argument("--reveal", action="store_true", help="显示完整身份证号和电话（记入操作记录）")
    p.set_defaults(handler=list_records)

    p = sub.add_parser("delete", help="删除记录（只保留同步所需的删除标记）")
    p.add_argument("type", choices=types)
    p.add_argument("id")
    p.add_argument(
        "--erase", action="store_true", help="删除并清除个人信息：连同她的帮扶结对、走访和日记中的关联（仅 woman）"
    )
    p.set_defaults(handler=delete)

    p = sub.add_parser("search", help="全文检索日记、走访和问题")
    p.add_argument("text")
    p.add_argument("--type", choices=["diary", "visit", "problem"], action="append")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=search)

    p = sub.add_parser("stats", help="统计")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=stats)


def profile(store: Store, args: argparse.Namespace) -> int:
    if args.data is None:
        cadre = store.own_cadre()
        if cadre is None:
            raise UsageError(str(msg.NO_OWN_CADRE))
        print_json(cadre)
        return 0
    print_json(store.save_profile(load_json(args.data)))
    return 0


def _save(store: Store, args: argparse.Namespace, record_id: str | None) -> int:
    try:
        record = store.save(args.type, load_json(args.data), record_id, allow_duplicate=args.allow_duplicate)
    except DuplicateRecord as error:
        raise UsageError(f"{error}\n{msg.DUPLICATE_HOW_TO_KEEP}") from error
    print_json(privacy.shown_masked(r.record_type(args.type), record))
    return 0


def add(store: Store, args: argparse.Namespace) -> int:
    return _save(store, args, None)


def edit(store: Store, args: argparse.Namespace) -> int:
    return _save(store, args, args.id)


def _revealed(store: Store, kind: str, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Records whole, each reveal of an ID number or phone written to the audit trail."""
    rtype = r.record_type(kind)
    by_fields: dict[tuple[str, ...], list[str]] = {}
    for record in records:
        fields = tuple(privacy.sensitive_values(rtype, record))
        if fields:
            by_fields.setdefault(fields, []).append(record["id"])
    for fields, ids in by_fields.items():
        store.note_reveals(kind, ids, fields)
    return records


def show(store: Store, args: argparse.Namespace) -> int:
    rtype = r.record_type(args.type)
    record = store.get(args.type, args.id)
    record = _revealed(store, args.type, [record])[0] if args.reveal else privacy.shown_masked(rtype, record)
    if args.json:
        print_json(record)
    else:
        # Words as the window shows them; --json keeps codes and ids for scripts.
        for f in rtype.fields:
            print(f"{f.label}: {show_value(store, f, record[f.name], masked=False)}")
    return 0


def list_records(store: Store, args: argparse.Namespace) -> int:
    rtype = r.record_type(args.type)
    records = store.list_records(args.type, args.limit)
    shown = _revealed(store, args.type, records) if args.reveal else [masked(rec) for rec in records]
    if args.json:
        print_json(shown)
        return 0
    title_field = rtype.field(rtype.title_field)
    for record in shown:
        title = show_value(store, title_field, record.get(rtype.title_field), masked=False)
        if rtype.name == "diary":
            title = f"{record['date']}  {title}"
        print(f"{record['id']}  {title[:60]}")
    return 0


def delete(store: Store, args: argparse.Namespace) -> int:
    if not args.erase:
        children = describe.children_text(store.delete(args.type, args.id))
        print(msg.DELETED_WITH_CHILDREN.format(children=children) if children else pick("已删除", "Deleted"))
        return 0
    if args.type != "woman":
        raise UsageError(str(msg.ERASE_ONLY_WOMEN))
    name = str((store.stored_row("woman", args.id) or {}).get("name") or "")
    erased = erase.erase_woman(store, args.id)
    print(erased.summary())
    if erased.mentions:
        print(msg.ERASE_REVIEW_MENTIONS.format(name=name))
        for mention in erased.mentions:
            print(f"  {r.RECORD_TYPES[mention.kind].label}  {mention.record_id}  {mention.title[:40]}")
    return 0


def search(store: Store, args: argparse.Namespace) -> int:
    hits = []
    for kind in args.type or ["diary", "visit", "problem"]:
        rtype = r.RECORD_TYPES[kind]
        seqs = store.search(kind, args.text, args.limit)
        rows = store.rows_by_seq(kind, seqs, ["id", *rtype.search_fields])
        for seq in seqs:
            row = rows[seq]
            text = " ".join(str(row[f] or "") for f in rtype.search_fields)
            hits.append({"type": kind, "id": row["id"], "snippet": fts.snippet(text, args.text)})
    if args.json:
        print_json(hits)
    else:
        for hit in hits:
            print(f"{r.RECORD_TYPES[hit['type']].label}  {hit['id']}  {hit['snippet']}")
    return 0


def stats(store: Store, args: argparse.Namespace) -> int:
    counts = store.counts()
    if args.json:
        print_json({"schema_version": store.schema_version, "device_id": store.device_id, "counts": counts})
    else:
        for kind, n in counts.items():
            print(f"{r.RECORD_TYPES[kind].label}: {n}")
    return 0
