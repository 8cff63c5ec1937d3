"""CLI commands for keys, bundles, the device registry and conflicts."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from .core import conflicts, keys, sync
from .core.errors import UsageError
from .core.i18n import pick
from .core.store import Store


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def _passphrase(path: Path | None) -> str | None:
    if path is None:
        return None
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise UsageError(pick(f"无法读取口令文件：{error}", f"Cannot read the passphrase file: {error}")) from None
    if not lines or not lines[0].strip():
        raise UsageError(pick("口令文件的第一行是空的", "The passphrase file's first line is empty"))
    return lines[0].strip()


def dispatch(store: Store, args: argparse.Namespace) -> int:
    return {"keys": _keys, "export": _export, "import": _import, "devices": _devices, "conflicts": _conflicts}[
        args.command
    ](store, args)


def _keys(store: Store, args: argparse.Namespace) -> int:
    conn = store.conn
    if args.export_hub_key:
        own = store.own_cadre_id
        federation = store.get("cadre", own)["org"] if own and store.exists("cadre", own) else ""
        recipient = keys.export_hub_key(conn, args.export_hub_key, federation)
        print(
            pick(
                f"已导出本机公钥：{args.export_hub_key}（{recipient}）",
                f"Key written: {args.export_hub_key} ({recipient})",
            )
        )
    if args.import_hub_key:
        recipient, name = keys.read_hub_key(args.import_hub_key)
        with store.transaction():
            destination = keys.add_destination(conn, "age", args.name or name, recipient)
        print(pick(f"已导入县妇联公钥：{destination.name}", f"Hub key imported: {destination.name}"))
    if args.import_identity:
        with store.transaction():
            keys.import_identity(conn, args.import_identity)
        print(pick("已导入私钥：本机现在可以解密发给该公钥的同步包", "Identity imported"))
    if args.export_identity:
        keys.export_identity(conn, args.export_identity)
        print(pick(f"已导出私钥到 {args.export_identity}，请妥善保管", f"Secret key written to {args.export_identity}"))
    if args.json or not (args.export_hub_key or args.import_hub_key or args.export_identity or args.import_identity):
        data = {
            "device_id": store.device_id,
            "public_key": keys.public_key(conn),
            "age_recipient": keys.age_recipient(conn),
            "destinations": [vars(d) for d in keys.destinations(conn)],
        }
        _print_json(data)
    return 0


def _destination(store: Store, args: argparse.Namespace) -> tuple[keys.Destination, str | None]:
    conn = store.conn
    passphrase = _passphrase(args.passphrase_file)
    with store.transaction():
        if passphrase:
            return keys.add_destination(conn, "passphrase", pick("口令", "passphrase"), None), passphrase
        if args.to:
            recipient, name = keys.read_hub_key(args.to)
            return keys.add_destination(conn, "age", name, recipient), None
    hubs = [d for d in keys.destinations(conn) if d.kind == "age"]
    if len(hubs) != 1:
        raise UsageError(
            pick(
                "请用 --to 指定县妇联公钥文件或 --passphrase-file 指定口令（本机已导入的公钥："
                + ("、".join(d.name for d in hubs) or "无")
                + "）",
                "Give --to HUBKEYFILE or --passphrase-file (imported hub keys: "
                + (", ".join(d.name for d in hubs) or "none")
                + ")",
            )
        )
    return hubs[0], None


def _export(store: Store, args: argparse.Namespace) -> int:
    destination, passphrase = _destination(store, args)
    tables = ["cadre", "liaison_point", "liaison_point_cadre"] if args.down else None
    kind = "rollup" if args.rollup else "down" if args.down else "full" if args.full else "delta"
    try:
        result = sync.export_bundle(store, args.out, destination, passphrase, full=args.full, tables=tables, kind=kind)
    except sync.NothingToExport as nothing:
        print(str(nothing))
        return 0
    if args.json:
        _print_json(
            {"path": str(result.path), "bundle_id": result.bundle_id, "counts": result.counts, "bytes": result.bytes}
        )
    else:
        total = sum(result.counts.values())
        print(pick(f"已导出 {total} 条记录到 {result.path}（{result.bytes} 字节）",
                   f"Exported {total} rows to {result.path} ({result.bytes} bytes)"))  # fmt: skip
    return 0


def _import(store: Store, args: argparse.Namespace) -> int:
    passphrase = _passphrase(args.passphrase_file)

    def progress(done: int, total: int, name: str) -> None:
        if name and not args.json and total > 1:
            print(f"[{done + 1}/{total}] {name}", file=sys.stderr)

    results = sync.import_files(store, args.files, passphrase, progress)
    if args.json:
        _print_json([vars(r) for r in results])
    else:
        for result in results:
            print(f"{result.file}: {result.summary()}")
    return 0 if all(r.ok for r in results) else 1


def _devices(store: Store, args: argparse.Namespace) -> int:
    conn = store.conn
    if args.revoke:
        with store.transaction():
            changed = conn.execute(
                "UPDATE device SET revoked = 1 WHERE id = ? AND id != ?", (args.revoke, store.device_id)
            ).rowcount
        if not changed:
            raise UsageError(pick(f"没有这台设备：{args.revoke}", f"No such device: {args.revoke}"))
    rows = conn.execute(
        "SELECT id, name, cadre_id, first_seen, last_bundle_at, bundle_count, rows_received, revoked FROM device "
        "ORDER BY last_bundle_at DESC"
    ).fetchall()
    devices = [
        dict(
            zip(
                ["id", "name", "cadre_id", "first_seen", "last_bundle_at", "bundles", "rows", "revoked"],
                row,
                strict=True,
            )
        )
        for row in rows
    ]
    if args.json:
        _print_json(devices)
    else:
        for d in devices:
            flag = pick("（已撤销）", " (revoked)") if d["revoked"] else ""
            print(
                f"{d['id']}  {d['name'] or ''}  {d['last_bundle_at'] or '—'}  {d['bundle_count']}  {d['rows_received']}{flag}"
            )
    return 0


def _conflicts(store: Store, args: argparse.Namespace) -> int:
    if args.resolve:
        if not args.keep:
            raise UsageError(
                pick("请用 --keep current 或 --keep other 选择版本", "Choose with --keep current or --keep other")
            )
        conflicts.resolve(store, args.resolve, args.keep)
    found = conflicts.open_conflicts(store)
    if args.json:
        _print_json([vars(c) for c in found])
    else:
        for c in found:
            print(f"{c.id}  {c.record_type}  {c.record_id}  {c.detected_at}")
    return 0
