"""What every command group shares: reading JSON and secrets, printing results."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..core import idcard, phones
from ..core import messages as msg
from ..core.errors import UsageError
from ..core.i18n import pick


def load_json(text: str) -> dict[str, Any]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise UsageError(msg.BAD_JSON.format(detail=error)) from None
    if not isinstance(data, dict):
        raise UsageError(str(msg.JSON_NOT_OBJECT))
    return data


def print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def masked(record: dict[str, Any]) -> dict[str, Any]:
    """ID numbers and phones as lists show them (``--reveal`` prints them whole)."""
    shown = dict(record)
    if shown.get("id_number"):
        shown["id_number"] = idcard.mask(shown["id_number"])
    for key in ("phone", "mobile", "contact_phone"):
        if shown.get(key):
            shown[key] = phones.mask(shown[key])
    return shown


def read_passphrase(path: Path | None) -> str | None:
    """The first line of a passphrase file (never a command-line argument: shells keep history)."""
    if path is None:
        return None
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise UsageError(pick(f"无法读取口令文件：{error}", f"Cannot read the passphrase file: {error}")) from None
    if not lines or not lines[0].strip():
        raise UsageError(pick("口令文件的第一行是空的", "The passphrase file's first line is empty"))
    return lines[0].strip()
