"""The architecture as rules a change cannot break unnoticed: one writer of
synced rows, no database handle outside the core, widgets that do not reach
into pages."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from desktop_app.core.sync.bundle import SYNCED_TABLES

APP = Path(__file__).resolve().parents[2] / "desktop_app"
# The store writes synced rows (and, through search.py, their index); migrations
# shape them once, before any store exists.
WRITERS = {APP / "core" / "store.py", *(APP / "core" / "migrations").glob("*.py"), APP / "core" / "search.py"}
# A table named in the SQL, or one filled in at run time ("{}"), which may be any of them.
_WRITE = re.compile(
    r"\b(INSERT(\s+OR\s+\w+)?\s+INTO|UPDATE|DELETE\s+FROM|REPLACE\s+INTO)\s+("
    + "|".join(SYNCED_TABLES)
    + r"|\{\})(\b|\W)",
    re.IGNORECASE,
)


def _strings(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            found.append((node.lineno, node.value))
        elif isinstance(node, ast.JoinedStr):
            text = "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
            found.append((node.lineno, str(text)))
    return found


def test_only_the_store_writes_synced_rows() -> None:
    offenders = [
        f"{path.relative_to(APP)}:{line}: {text.strip()[:60]}"
        for path in APP.rglob("*.py")
        if path not in WRITERS
        for line, text in _strings(path)
        if _WRITE.search(text)
    ]
    assert offenders == []


def test_ui_and_cli_never_touch_the_database_connection() -> None:
    offenders = []
    for folder in (APP / "ui", APP / "cli"):
        for path in folder.rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.Attribute) and node.attr in ("conn", "execute", "executemany"):
                    offenders.append(f"{path.relative_to(APP)}:{node.lineno}: .{node.attr}")
                if (
                    isinstance(node, ast.Constant)
                    and isinstance(node.value, str)
                    and re.search(r"\bSELECT\b.*\bFROM\b", node.value)
                ):
                    offenders.append(f"{path.relative_to(APP)}:{node.lineno}: SQL")
    assert offenders == []


def test_widgets_and_models_do_not_import_pages_or_dialogs() -> None:
    offenders = []
    for folder in (APP / "ui" / "widgets", APP / "ui" / "models"):
        for path in folder.rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if (
                    isinstance(node, ast.ImportFrom)
                    and node.module
                    and node.module.split(".")[0] in ("pages", "dialogs")
                ):
                    offenders.append(f"{path.relative_to(APP)}: {node.module}")
    assert offenders == []
