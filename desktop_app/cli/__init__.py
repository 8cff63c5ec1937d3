"""The app's capabilities without a window: ``fuqing [--db PATH] COMMAND``.

Commands live in one module per group (records, campaign, sync, printing,
maintenance); each registers its parsers with a ``handler(store, args)``.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from ..core import db, i18n, logs
from ..core import messages as msg
from ..core import records as r
from ..core.errors import FuqingError, ValidationFailed
from . import campaign, maintenance, password, printing, records, sync
from .common import open_store
from .parser import Parser, language_from

GROUPS = (records, campaign, sync, printing, maintenance, password)
log = logging.getLogger(__name__)
_FIELD_NAMES = frozenset(f.name for t in r.RECORD_TYPES.values() for f in t.fields)


def build_parser() -> Parser:
    parser = Parser(prog="fuqing", description="访妇情 — 妇联干部下基层工作台（命令行）")
    parser.add_argument("--db", type=Path, help="数据库文件（默认：用户数据目录下的 fuqing.db）")
    parser.add_argument("--lang", choices=["zh", "en"], help="消息语言 / message language")
    parser.add_argument(
        "--password-file", type=Path,
        help="数据口令（或恢复码）在这个文件的第一行；也可用环境变量 FUQING_PASSWORD，都没有时在终端询问",
    )  # fmt: skip
    sub = parser.add_subparsers(dest="command", required=True)
    for group in GROUPS:
        group.register(sub)
    return parser


def run(argv: Sequence[str] | None = None) -> int:
    said = language_from(sys.argv[1:] if argv is None else argv)
    if said:
        i18n.set_language(said)
    args = build_parser().parse_args(argv)
    log.info("command %s", args.command)  # its name only: arguments can hold names and numbers
    if args.lang:
        i18n.set_language(args.lang)
    path = args.db or db.default_db_path()
    try:
        if getattr(args, "without_store", False):
            return int(args.handler(path, args))
        with open_store(path, args) as store:
            problem = store.clock_warning()
            if problem:
                print(problem, file=sys.stderr)
            return int(args.handler(store, args))
    except ValidationFailed as error:
        # The fields' names, not their values; a name she typed that is no field may be anything (her name).
        named = [f if f in _FIELD_NAMES else "(no such field)" for f in error.errors]
        log.info("refused: invalid %s", ", ".join(named))
        rtype = r.RECORD_TYPES.get(error.kind or "")
        for name, message in error.errors.items():
            # Its label, as the form says it: a code means nothing to her (a field she made up keeps her word).
            field = rtype.field(name).label if rtype and rtype.has_field(name) else name
            print(i18n.pick(f"错误 [{field}]: {message}", f"error [{field}]: {message}"), file=sys.stderr)
        return 1
    except FuqingError as error:
        log.info("refused: %s", type(error).__name__)
        print(str(error), file=sys.stderr)
        return 1


def main() -> None:
    sys.exit(run_piped())


def run_piped(argv: Sequence[str] | None = None) -> int:
    """``run`` with the log set up, quiet when the reader of our output goes away
    (``| head``); a defect of ours is logged with its traceback and told in words."""
    logs.setup_logging()
    logs.enable_fault_log()  # a crash inside Qt's printing or SQLite leaves its traceback, as in the window
    try:
        return run(argv)
    except BrokenPipeError:
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:  # Ctrl+C: no traceback; a write in progress was rolled back
        return 130
    except Exception:
        log.exception("command failed")
        print(msg.INTERNAL_ERROR.format(path=logs.log_file()), file=sys.stderr)
        return 70  # EX_SOFTWARE
