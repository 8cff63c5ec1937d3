"""Campaign commands: quota progress and targets, the problem list and warnings,
referrals and their answers, practical projects against their targets."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..core import federations, problems, projects, quotas, referrals
from ..core.errors import UsageError
from ..core.i18n import pick
from ..core.store import Store
from .common import print_json


def register(sub: Any) -> None:
    p = sub.add_parser("quotas", help="各干部任务指标完成情况")
    p.add_argument("--json", action="store_true")
    p.add_argument("--preset", choices=sorted(quotas.PRESETS), help="指标方案（默认：本机所选方案）")
    p.add_argument("--year", type=int, help="年度（默认今年）")
    p.add_argument(
        "--set", action="append", default=[], metavar="KEY=N", help="修改本方案的目标值，如 points_village=5"
    )
    p.add_argument("--choose", action="store_true", help="把 --preset 设为本机默认方案")
    p.set_defaults(handler=quota_progress)

    p = sub.add_parser("problems", help="责任清单与趋势预警")
    p.add_argument("--json", action="store_true")
    p.add_argument("--overdue", action="store_true", help="只列逾期未办结的问题")
    p.add_argument("--warnings", action="store_true", help="同时列出趋势预警")
    p.set_defaults(handler=problem_list)

    p = sub.add_parser("referrals", help="转办与答复：问题转给了哪个部门、是否答复")
    p.add_argument("--json", action="store_true")
    p.add_argument("--overdue", action="store_true", help="只列过了答复期限仍未答复的转办")
    p.add_argument("--problem", metavar="ID", help="只列这个问题的转办")
    p.set_defaults(handler=referral_list)

    p = sub.add_parser("projects", help="实事项目及完成进度")
    p.add_argument("--json", action="store_true")
    p.add_argument("--year", type=int, help="年度（默认今年；0 表示全部年度）")
    p.add_argument("--federation", help="只列该妇联及其下级的项目")
    p.add_argument(
        "--add-preset", choices=sorted(projects.PRESETS), help="为本机妇联按通知新建该年度的实事项目（已有的跳过）"
    )
    p.set_defaults(handler=project_list)


def quota_progress(store: Store, args: argparse.Namespace) -> int:
    preset = args.preset or quotas.chosen_preset(store)
    for assignment in args.set:
        key, _, value = assignment.partition("=")
        try:
            quotas.set_target(store, preset, key.strip(), int(value))
        except ValueError:
            keys = "、".join(i.key for i in quotas.PRESETS[preset].items)
            raise UsageError(
                pick(f"无效的目标“{assignment}”，可用：{keys}", f"Bad target “{assignment}”; use: {keys}")
            ) from None
    if args.choose:
        quotas.choose_preset(store, preset)
    year = args.year or store.today().year
    progress = quotas.progress(store, preset, year)
    if args.json:
        print_json({"preset": preset, "year": year, "cadres": [p.as_json() for p in progress]})
        return 0
    print(f"{quotas.PRESETS[preset].label} {year}")
    for cadre in progress:
        marks = "  ".join(
            f"{i.label} {i.actual}/{i.target}{'' if i.applies else pick('（不适用）', ' (n/a)')}{'✓' if i.met else '✗'}"
            for i in cadre.items
        )
        print(f"{cadre.name}: {marks}")
    return 0


def problem_list(store: Store, args: argparse.Namespace) -> int:
    duties = problems.responsibility_list(store, store.today(), overdue_only=args.overdue)
    warnings = problems.trend_warnings(store) if args.warnings else []
    if args.json:
        data: dict[str, Any] = {"responsibility": [vars(d) for d in duties]}
        if args.warnings:
            data["warnings"] = [vars(w) for w in warnings]
            data["rule"] = problems.rule(store)
        print_json(data)
        return 0
    for duty in duties:
        flag = pick("【逾期】", "[overdue] ") if duty.overdue else ""
        print(f"{flag}{duty.deadline or '—'}  {duty.responsible}  {duty.description[:40]}")
    for warning in warnings:
        points = len(warning.liaison_point_ids)
        print(
            pick(
                f"预警：{warning.category_label} 在 {points} 个联系点出现（{warning.first_date}—{warning.last_date}）",
                f"Warning: {warning.category_label} at {points} liaison points "
                f"({warning.first_date} to {warning.last_date})",
            )
        )
    return 0


def referral_list(store: Store, args: argparse.Namespace) -> int:
    views = referrals.referral_list(store, store.today(), overdue_only=args.overdue, problem_id=args.problem)
    if args.json:
        print_json([v.as_json() for v in views])
        return 0
    for v in views:
        flag = pick(f"【逾期 {v.days_overdue} 天】", f"[{v.days_overdue} days overdue] ") if v.overdue else ""
        due = pick(f"限 {v.due_date}", f"due {v.due_date}") if v.due_date else ""
        print(f"{flag}{v.sent_date}  {v.department_label}  {v.state_label}  {due}  {v.problem[:30]}")
    if not views:
        print(pick("没有转办记录", "No referrals"))
    return 0


def project_list(store: Store, args: argparse.Namespace) -> int:
    if args.federation:
        federations.require_known(store, args.federation)  # before adding anything
    year = store.today().year if args.year is None else args.year
    if args.add_preset:
        org = str((store.own_cadre() or {}).get("org") or "")
        if not org:
            raise UsageError(pick("请先设置本机干部档案（所在妇联）", "Set this laptop's cadre profile first"))
        made = projects.add_preset(store, args.add_preset, year or store.today().year, org)
        # With --json, stdout is the JSON array alone.
        print(pick(f"已新建 {len(made)} 个实事项目", f"{len(made)} practical projects added"),
              file=sys.stderr if args.json else sys.stdout)  # fmt: skip
    orgs = tuple(federations.below(store, args.federation)) if args.federation else None
    found = projects.progress(store, year or None, orgs)
    if args.json:
        print_json([p.as_json() for p in found])
        return 0
    for p in found:
        parts = []
        for measure in projects.MEASURES:
            target, done = p.targets[measure], p.actual[measure]
            if target or done:
                label = pick(*projects.MEASURE_LABELS[measure])
                parts.append(f"{label} {done:,.0f}/{target:,.0f}" if target else f"{label} {done:,.0f}")
        print(f"{p.year}  {p.org}  {p.name}  {pick('帮扶', 'acts')} {p.acts}  {'  '.join(parts)}")
    if not found:
        print(pick("没有实事项目", "No practical projects"))
    return 0
