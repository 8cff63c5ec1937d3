"""Printing commands: contact service cards and campaign reports."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..core import enums, federations, quotas
from ..core import messages as msg
from ..core.errors import UsageError
from ..core.i18n import pick
from ..core.store import Store


def register(sub: Any) -> None:
    p = sub.add_parser("cards", help="打印联系服务卡（PDF）")
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--cadre", action="append", default=[], metavar="ID", help="干部编号，可重复；默认本机干部")
    p.add_argument("--all", action="store_true", help="全部干部")
    p.add_argument("--federation", help="与 --all 合用：只印该妇联的干部")
    p.add_argument("--layout", choices=["card", "sheet"], default="card", help="card：每页一张；sheet：A4 每页 10 张")
    p.add_argument("--duplex", action="store_true", help="A4 版式时正反面交替、反面镜像，便于双面打印")
    p.set_defaults(handler=print_cards)

    p = sub.add_parser("report", help="工作报表（PDF 或 XLSX）")
    p.add_argument("--period", required=True, help="2026-09、2026-09/10、2026-Q3 或 2026")
    p.add_argument("--out", type=Path, required=True, help="以 .pdf 或 .xlsx 结尾")
    p.add_argument("--federation", help="为哪个妇联做报表（默认：本机干部档案的妇联），含其下级妇联")
    scope = p.add_mutually_exclusive_group()
    scope.add_argument("--only", action="store_true", help="只统计该妇联本级，不含下级")
    scope.add_argument("--all", action="store_true", help="统计本机的全部记录，不论哪个妇联（不与 --federation 合用）")
    p.add_argument("--preset", choices=sorted(quotas.PRESETS), help="指标方案（默认：本机所选方案）")
    p.add_argument("--research", metavar="CATEGORY", help="改为生成该问题类别的调研报告初稿（PDF），如 employment")
    p.set_defaults(handler=report_command)


# reportlab, zxing-cpp and openpyxl are imported by the commands that use them:
# together ~300 ms that every other command would pay at start.


def print_cards(store: Store, args: argparse.Namespace) -> int:
    from ..core.printing import cards

    skipped: list[str] = []
    if args.all:
        if args.federation:
            federations.require_known(store, args.federation)
        everyone = [c["id"] for c in store.list_records("cadre") if not args.federation or c["org"] == args.federation]
        if not everyone:
            raise UsageError(pick("没有可印联系服务卡的干部档案", "No cadre records to print contact cards for"))
        # "Everyone" is those who can have a card: one cadre without a mobile number holds up no one else's.
        ids = []
        for cadre_id in everyone:
            try:
                cards.card_data(store, cadre_id)
                ids.append(cadre_id)
            except cards.CardError as e:
                skipped.append(str(e))
        if not ids:
            raise UsageError("\n".join([pick("没有生成联系服务卡：", "No cards were made:"), *skipped]))
    else:
        own = store.own_cadre()
        ids = args.cadre or ([own["id"]] if own else [])
        if not ids:
            raise UsageError(str(msg.NO_OWN_CADRE))
    pages = cards.render_cadres(store, ids, args.out, args.layout, duplex=args.duplex or args.layout == "card")
    print(
        pick(
            f"已生成 {len(ids)} 张联系服务卡，共 {pages} 页：{args.out}", f"{len(ids)} cards, {pages} pages: {args.out}"
        )
    )
    if skipped:
        print(pick(f"以下 {len(skipped)} 位干部未印卡：", f"{len(skipped)} cadres got no card:"), file=sys.stderr)
        for reason in skipped:
            print(f"  {reason}", file=sys.stderr)
    return 0


def report_command(store: Store, args: argparse.Namespace) -> int:
    from ..core.reports import figures, pdf, research, xlsx

    suffix = args.out.suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        raise UsageError(pick("输出文件应以 .pdf 或 .xlsx 结尾", "The output file must end in .pdf or .xlsx"))
    period = figures.parse_period(args.period)
    if args.research:
        topic = enums.PROBLEM_CATEGORY.code_for(args.research)
        if topic is None or suffix != ".pdf":
            raise UsageError(
                pick(
                    f"调研报告需要问题类别（{'、'.join(enums.PROBLEM_CATEGORY.codes())}）和 .pdf 文件",
                    "A research report needs a problem category and a .pdf file",
                )
            )
        federation = args.federation or str((store.own_cadre() or {}).get("org") or "")
        research.write_pdf(research.build(store, topic, period, federation), args.out)
        print(pick(f"已生成调研报告初稿：{args.out}", f"Research report draft written: {args.out}"))
        return 0
    if args.federation and args.all:
        # Every record held here is no one federation's report: headed with one, it would misstate whose figures they are.
        raise UsageError(
            pick(f"--all 统计本机全部记录，不是“{args.federation}”的报表：请去掉 --federation，或去掉 --all",
                 f"--all counts every record held here, not a report of “{args.federation}”: "
                 "drop --federation or drop --all")
        )  # fmt: skip
    if args.federation:
        federations.require_known(store, args.federation)
    data = figures.build(store, period, args.federation, args.preset, include_below=not args.only, everything=args.all)
    (pdf.write_pdf if suffix == ".pdf" else xlsx.write_xlsx)(data, args.out)
    print(pick(f"已生成报表：{args.out}", f"Report written: {args.out}"))
    return 0
