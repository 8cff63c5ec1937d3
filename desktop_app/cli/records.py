"""Commands on records: profile, add, edit, show, list, delete, search, stats."""

from __future__ import annotations

import argparse
from typing import Any

from ..core import messages as msg
from ..core import records as r
from ..core import search as fts
from ..core.errors import UsageError
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
    p.set_defaults(handler=add)

    p = sub.add_parser("edit", help="修改记录")
    p.add_argument("type", choices=types)
    p.add_argument("id")
    p.add_argument("--json", dest="data", required=True)
    p.set_defaults(handler=edit)

    p = sub.add_parser("show", help="显示一条记录")
    p.add_argument("type", choices=types)
    p.add_argument("id")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=show)

    p = sub.add_parser("list", help="列出记录")
    p.add_argument("type", choices=types)
    p.add_argument("--json", action="store_true")
    p.add_argument("--limit", type=int)
    p.add_argument("--reveal", action="store_true", help="显示完整身份证号和电话")
    p.set_defaults(handler=list_records)

    p = sub.add_parser("delete", help="删除记录（保留删除标记以便同步）")
    p.add_argument("type", choices=types)
    p.add_argument("id")
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


def add(store: Store, args: argparse.Namespace) -> int:
    print_json(store.save(args.type, load_json(args.data)))
    return 0


def edit(store: Store, args: argparse.Namespace) -> int:
    print_json(store.save(args.type, load_json(args.data), args.id))
    return 0


def show(store: Store, args: argparse.Namespace) -> int:
    record = store.get(args.type, args.id)
    if args.json:
        print_json(record)
    else:
        for f in r.record_type(args.type).fields:
            print(f"{f.label}: {record[f.name] if record[f.name] is not None else ''}")
    return 0


def list_records(store: Store, args: argparse.Namespace) -> int:
    rtype = r.record_type(args.type)
    records = store.list_records(args.type, args.limit)
    shown = records if args.reveal else [masked(rec) for rec in records]
    if args.json:
        print_json(shown)
        return 0
    for record in shown:
        title = str(record.get(rtype.title_field) or "")
        if rtype.name == "diary":
            title = f"{record['date']}  {title}"
        print(f"{record['id']}  {title[:60]}")
    return 0


def delete(store: Store, args: argparse.Namespace) -> int:
    store.delete(args.type, args.id)
    print(pick("已删除", "Deleted"))
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
