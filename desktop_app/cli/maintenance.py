"""Looking after the database: demo data, integrity check, backup and restore."""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

from ..core import backup
from ..core import messages as msg
from ..core import records as r
from ..core.demo import generate
from ..core.engine import is_plain
from ..core.i18n import pick
from ..core.store import Store
from ..core.sync import checks
from .common import ask_password, given_password, print_json


def register(sub: Any) -> None:
    p = sub.add_parser("demo", help="生成演示数据")
    p.add_argument("--records", type=int, default=1000, help="妇情日记条数，其他记录按比例生成")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--anchor", help="演示数据的“今天”，默认为今天（YYYY-MM-DD）")
    p.set_defaults(handler=fill_demo)

    p = sub.add_parser("check", help="完整性、外键与记录有效性检查")
    p.add_argument("--repair-clock", action="store_true", help="电脑时钟改正后：把本机“未来”时间的修改改用现在的时间")
    p.set_defaults(handler=check)

    p = sub.add_parser("backup", help="备份数据库（可写到 U 盘）")
    p.add_argument("--out", type=Path, help="备份文件或文件夹（默认：数据目录下的 backups）")
    p.set_defaults(handler=make_backup)

    p = sub.add_parser("restore", help="从备份恢复（当前数据先另存）")
    p.add_argument("file", type=Path)
    p.set_defaults(handler=restore, without_store=True)


def fill_demo(store: Store, args: argparse.Namespace) -> int:
    anchor = date.fromisoformat(args.anchor) if args.anchor else None
    started = time.perf_counter()

    def progress(kind: str, done: int, total: int) -> None:
        print(f"  {kind}: +{done}", file=sys.stderr)

    written = generate.fill(store, args.records, seed=args.seed, anchor=anchor, progress=progress)
    seconds = time.perf_counter() - started
    print(pick(f"已生成演示数据，用时 {seconds:.1f} 秒", f"Demo data written in {seconds:.1f} s"))
    print_json({k: v for k, v in written.items() if k in r.RECORD_TYPES})
    return 0


def check(store: Store, args: argparse.Namespace) -> int:
    if args.repair_clock:
        print(msg.CLOCK_REPAIRED.format(n=store.repair_clock()))
    found = store.check() + checks.stored_problems(store)
    for line in found:
        print(line, file=sys.stderr)
    print(
        pick("检查通过", "Check passed")
        if not found
        else pick(f"发现 {len(found)} 个问题", f"{len(found)} problems found")
    )
    return 0 if not found else 1


def make_backup(store: Store, args: argparse.Namespace) -> int:
    out = backup.make_backup(store, "manual", args.out)
    print(pick(f"已备份到 {out}", f"Backed up to {out}"))
    return 0


def restore(path: Path, args: argparse.Namespace) -> int:
    """Runs without a store: every connection to the file must be closed first."""
    secret = given_password(args)
    if secret is None and not is_plain(args.file) and sys.stdin.isatty():
        secret = ask_password(new=False)
    aside = backup.restore(path, args.file, secret)
    print(pick(f"已恢复；原数据另存为 {aside}", f"Restored; the previous data was kept as {aside}"))
    return 0
