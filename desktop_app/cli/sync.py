"""Sync commands: keys, export, import, the device registry, conflicts."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..core import messages as msg
from ..core.errors import UsageError
from ..core.i18n import agree, pick
from ..core.store import Store
from ..core.sync import conflicts, exchange, keys, proposals, rights
from ..core.sync import devices as registry
from .common import masked, print_json, read_passphrase


def register(sub: Any) -> None:
    p = sub.add_parser("keys", help="本机密钥与县妇联公钥")
    p.add_argument("--export-hub-key", type=Path, metavar="FILE", help="导出本机公钥文件（县妇联发给干部）")
    p.add_argument("--import-hub-key", type=Path, metavar="FILE", help="导入县妇联公钥文件")
    p.add_argument("--name", help="发送对象名称（默认取自公钥文件）")
    p.add_argument("--export-identity", type=Path, metavar="FILE", help="导出本机私钥（仅用于迁移，注意保密）")
    p.add_argument("--import-identity", type=Path, metavar="FILE", help="导入从旧电脑导出的私钥（县妇联换电脑）")
    p.add_argument("--export-enrolment", type=Path, metavar="FILE", help="导出本机登记文件，交县妇联预先批准本机")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=keys_command)

    p = sub.add_parser("export", help="导出加密同步包")
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--full", action="store_true", help="导出全部记录，而不只是新变化")
    p.add_argument("--to", type=Path, metavar="HUBKEYFILE", help="用该公钥加密（默认：已导入的唯一县妇联公钥）")
    p.add_argument("--passphrase-file", type=Path, help="改用口令加密（文件首行为口令）")
    p.add_argument("--rollup", action="store_true", help="汇总上报：把本机收到的全部记录转给上级")
    p.add_argument("--down", action="store_true", help="下发给干部：只含干部、联系点与分工")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=export)

    p = sub.add_parser("import", help="导入同步包")
    p.add_argument("files", nargs="+", type=Path)
    p.add_argument("--passphrase-file", type=Path)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=import_bundles)

    p = sub.add_parser("devices", help="设备登记：批准、撤销、停用干部（县妇联）")
    p.add_argument("--approve", metavar="DEVICE_ID", help="批准等待中的设备，并导入它暂存的同步包")
    p.add_argument(
        "--role", choices=list(rights.ROLES), help="与 --approve 合用：cadre（干部）、hub（妇联）、mirror（本会另一台）"
    )
    p.add_argument("--revoke", metavar="DEVICE_ID", help="撤销设备：不再接收它的同步包")
    p.add_argument("--block-cadre", metavar="CADRE_ID", help="停用干部：她所有设备（包括以后新装的）都不再被接收")
    p.add_argument("--unblock-cadre", metavar="CADRE_ID", help="解除对干部的停用")
    p.add_argument("--enrol", type=Path, metavar="FILE", help="按干部的登记文件预先批准她的电脑")
    p.add_argument("--refused", action="store_true", help="列出最近被拒收的同步包及原因")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=devices_command)

    p = sub.add_parser("proposals", help="待审核的修改：超出发送人权限的记录")
    p.add_argument("--accept", metavar="ID", help="接受这条修改")
    p.add_argument("--reject", metavar="ID", help="拒绝这条修改")
    p.add_argument("--all", action="store_true", help="也列出已处理的")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=proposal_list)

    p = sub.add_parser("conflicts", help="同步冲突：查看与选择版本")
    p.add_argument("--resolve", metavar="CONFLICT_ID")
    p.add_argument("--keep", choices=["current", "other"], help="保留当前版本或改用另一版本")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=conflict_list)


def keys_command(store: Store, args: argparse.Namespace) -> int:
    if args.export_hub_key:
        recipient = keys.export_hub_key(store, args.export_hub_key)
        print(pick(f"已导出本机公钥：{args.export_hub_key}（{recipient}）",
                   f"Key written: {args.export_hub_key} ({recipient})"))  # fmt: skip
    if args.import_hub_key:
        destination = registry.import_hub_key(store, args.import_hub_key, args.name)
        print(pick(f"已导入县妇联公钥：{destination.label}", f"Hub key imported: {destination.label}"))
    if args.import_identity:
        keys.import_identity(store, args.import_identity)
        print(pick("已导入私钥：本机现在可以解密发给该公钥的同步包", "Identity imported"))
    if args.export_identity:
        keys.export_identity(store, args.export_identity)
        print(pick(f"已导出私钥到 {args.export_identity}（权限 0600，仅本用户可读）。它能解密发给本机的所有同步包："
                   "请妥善保管，移交后删除。",
                   f"Secret key written to {args.export_identity} (mode 0600, readable by this user only). It "
                   "decrypts every bundle sent to this install: keep it safe and delete it once moved."))  # fmt: skip
    if args.export_enrolment:
        keys.export_enrolment(store, args.export_enrolment)
        print(pick(f"已导出本机登记文件：{args.export_enrolment}（请交给县妇联）",
                   f"Enrolment file written: {args.export_enrolment} (give it to your hub)"))  # fmt: skip
    acted = (
        args.export_hub_key,
        args.import_hub_key,
        args.export_identity,
        args.import_identity,
        args.export_enrolment,
    )
    if args.json or not any(acted):
        print_json(
            {
                "device_id": store.device_id,
                "public_key": keys.public_key(store),
                "age_recipient": keys.age_recipient(store),
                "destinations": [vars(d) for d in keys.destinations(store)],
            }
        )
    return 0


def _destination(store: Store, args: argparse.Namespace) -> tuple[keys.Destination, str | None]:
    passphrase = read_passphrase(args.passphrase_file)
    if passphrase:
        return keys.passphrase_destination(store), passphrase
    if args.to:  # a destination only: whose bundles to trust is decided by approval, never by sending
        recipient, name = keys.read_hub_key(args.to)
        return keys.add_hub(store, recipient, name), None
    hubs = keys.hubs(store)
    if len(hubs) != 1:
        names = [d.label for d in hubs]
        raise UsageError(
            pick(
                f"请用 --to 指定县妇联公钥文件或 --passphrase-file 指定口令（本机已导入的公钥：{'、'.join(names) or '无'}）",
                f"Give --to HUBKEYFILE or --passphrase-file (imported hub keys: {', '.join(names) or 'none'})",
            )
        )
    return hubs[0], None


def export(store: Store, args: argparse.Namespace) -> int:
    destination, passphrase = _destination(store, args)
    tables = ["cadre", "liaison_point", "liaison_point_cadre"] if args.down else None
    kind = "rollup" if args.rollup else "down" if args.down else "full" if args.full else "delta"
    try:
        result = exchange.export_bundle(
            store, args.out, destination, passphrase, full=args.full, tables=tables, kind=kind
        )
    except exchange.NothingToExport as nothing:
        print(str(nothing))
        return 0
    if args.json:
        print_json(
            {"path": str(result.path), "bundle_id": result.bundle_id, "counts": result.counts, "bytes": result.bytes}
        )
    else:
        total = sum(result.counts.values())
        print(agree(pick(f"已导出 {total} 条记录到 {result.path}（{result.bytes} 字节）",
                         f"Exported {total} rows to {result.path} ({result.bytes} bytes)")))  # fmt: skip
    return 0


def import_bundles(store: Store, args: argparse.Namespace) -> int:
    passphrase = read_passphrase(args.passphrase_file)

    started: list[str] = []

    def progress(done: int, total: int, name: str) -> None:  # one line per file as it starts
        if name and not args.json and len(args.files) > 1 and (not started or started[-1] != name):
            started.append(name)
            print(f"[{len(started)}/{len(args.files)}] {name}", file=sys.stderr)

    results = exchange.import_files(store, args.files, passphrase, progress)
    if args.json:
        print_json([vars(r) for r in results])
    else:
        for result in results:
            print(f"{result.file}: {result.summary()}")
    return 0 if all(r.ok for r in results) else 1


def devices_command(store: Store, args: argparse.Namespace) -> int:
    if args.role and not args.approve:
        raise UsageError(str(msg.ROLE_NEEDS_APPROVE))
    merged: list[exchange.ImportResult] = []
    if args.approve:
        waiting = registry.get(store, args.approve)
        if waiting is not None:
            for warning in registry.binding(store, waiting).warnings():
                print(warning, file=sys.stderr)
        device, results = exchange.approve_device(store, args.approve, args.role)
        print(pick(f"已批准设备：{device.label}", f"Device approved: {device.label}"))
        merged += results
    if args.revoke:
        if not registry.revoke_device(store, args.revoke):
            raise UsageError(msg.NO_SUCH_DEVICE.format(device=args.revoke))
        revoked = registry.get(store, args.revoke)
        print(msg.DEVICE_REVOKED.format(device=revoked.label if revoked else args.revoke))
    if args.block_cadre:
        n = registry.block_cadre(store, args.block_cadre)
        print(msg.CADRE_BLOCKED_DONE.format(name=_cadre_name(store, args.block_cadre), n=n))
    if args.unblock_cadre:
        registry.unblock_cadre(store, args.unblock_cadre)
        print(msg.CADRE_UNBLOCKED.format(name=_cadre_name(store, args.unblock_cadre)))
    if args.enrol:
        device, results = exchange.enrol_file(store, args.enrol)
        print(pick(f"已登记并批准：{device.label}", f"Enrolled and approved: {device.label}"))
        merged += results
    for result in merged:
        print(f"{result.file}: {result.summary()}")
    if args.approve or args.revoke or args.block_cadre or args.unblock_cadre or args.enrol:
        return 0 if all(r.ok for r in merged) else 1
    if args.refused:
        refused = registry.refusals(store)
        if args.json:
            print_json(refused)
        else:
            for item in refused:
                print(f"{item['at']}  {item['file_name'] or ''}  {item['message']}")
        return 0
    listed = registry.registry(store)
    if args.json:
        print_json([d.as_json() for d in listed])
        return 0
    states = {
        "pending": pick("待批准", "pending"),
        "approved": pick("已批准", "approved"),
        "revoked": pick("已撤销", "revoked"),
    }
    for d in listed:
        status = states["revoked"] if d.blocked else states.get(d.status, d.status)
        print(
            f"{d.id}  {d.label}  {d.role}  {status}  {d.last_bundle_at or '—'}  {d.bundle_count}  {d.rows_received}"
            f"  {d.app_version or '—'}"  # which laptops still run an old release: support asks this first
        )
    return 0


def _cadre_name(store: Store, cadre_id: str) -> str:
    return str(store.get("cadre", cadre_id)["name"]) if store.exists("cadre", cadre_id) else cadre_id


def proposal_list(store: Store, args: argparse.Namespace) -> int:
    if args.accept:
        proposals.accept(store, args.accept)
        print(pick("已接受这条修改", "Change accepted"), file=sys.stderr if args.json else sys.stdout)
    if args.reject:
        proposals.reject(store, args.reject)
        print(pick("已拒绝这条修改", "Change rejected"), file=sys.stderr if args.json else sys.stdout)
    found = proposals.listed(store, None if args.all else proposals.PENDING)
    if args.json:
        print_json([{**p.as_json(), "row": masked(p.row), "sender": proposals.sender_label(store, p)} for p in found])
        return 0
    for p in found:
        status = proposals.status_label(p.status)
        print(f"{p.id}  {p.record_type}  {p.record_id}  {proposals.sender_label(store, p)}  {p.reason_text}  {status}")
    return 0


def conflict_list(store: Store, args: argparse.Namespace) -> int:
    if args.resolve:
        if not args.keep:
            raise UsageError(
                pick("请用 --keep current 或 --keep other 选择版本", "Choose with --keep current or --keep other")
            )
        conflicts.resolve(store, args.resolve, args.keep)
        print(pick("已处理这个冲突", "Conflict settled"), file=sys.stderr if args.json else sys.stdout)
    found = conflicts.open_conflicts(store)
    if args.json:  # the other version's ID number and phone masked, as everywhere without --reveal
        print_json([{**vars(c), "loser": masked(c.loser)} for c in found])
    else:
        for c in found:
            print(f"{c.id}  {c.record_type}  {c.record_id}  {c.detected_at}")
    return 0
