"""``fuqing``: the desktop app, or the CLI when a command is given."""

from __future__ import annotations

import sys

# Kept here, not imported from cli, so the GUI starts without loading the CLI.
COMMANDS = (
    "demo", "profile", "add", "edit", "show", "list", "delete", "search", "stats", "check",
    "quotas", "problems", "referrals", "projects", "keys", "export", "import", "devices", "proposals", "conflicts", "cards", "report", "backup",
    "restore", "password",
)  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if any(a in COMMANDS for a in args) or any(a in ("-h", "--help") for a in args):
        from .cli import run_piped

        return run_piped(args)
    from .ui.app import run_app

    return run_app(args)


if __name__ == "__main__":
    sys.exit(main())
