"""A record's change history from the audit log, in words a person reads."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from . import records as r
from .clock import Stamp
from .i18n import join, pick
from .idcard import mask
from .lists.names import labels
from .store import Store


@dataclass
class HistoryLine:
    when: str
    who: str
    device: str
    action: str
    changes: list[tuple[str, str, str]]  # (field label, before, after)


ACTIONS = {
    "create": ("新建", "Created"), "update": ("修改", "Changed"), "delete": ("删除", "Deleted"),
    "restore": ("恢复", "Restored"), "resolve": ("处理同步冲突", "Sync conflict settled"),
}  # fmt: skip


def describe(store: Store, kind: str, record_id: str) -> list[HistoryLine]:
    rtype = r.record_type(kind)
    entries = store.history(record_id)
    cadre_names = labels(store, "cadre", sorted({e.cadre_id for e in entries if e.cadre_id}))
    lines = []
    for entry in entries:
        when = datetime.fromtimestamp(Stamp.unpack(entry.hlc).wall_ms / 1000).strftime("%Y-%m-%d %H:%M:%S")
        device = pick("本机", "this device") if entry.device_id == store.device_id else entry.device_id[:8]
        changes = []
        for name, (before, after) in entry.changes.items():
            field = rtype.field(name) if rtype.has_field(name) else None
            label = field.label if field else name
            changes.append((label, _show(store, field, before), _show(store, field, after)))
        zh, en = ACTIONS.get(entry.action, (entry.action, entry.action))
        lines.append(HistoryLine(when, cadre_names.get(entry.cadre_id or "", ""), device, pick(zh, en), changes))
    return lines


def _show(store: Store, field: r.Field | None, value: Any) -> str:
    if value is None or value == [] or value == "":
        return ""
    if field is None:
        return str(value)
    lang = pick("zh", "en")
    if field.kind == r.CHOICE and field.choices:
        return field.choices.label(str(value), lang)
    if field.kind == r.CHOICES and field.choices:
        return join(field.choices.label(v, lang) for v in value)
    if field.kind == r.REF and field.ref:
        return labels(store, field.ref, [str(value)]).get(str(value), str(value))
    if field.kind == r.LINKS and field.ref:
        names = labels(store, field.ref, list(value))
        return join(names.get(v, v) for v in value)
    if field.kind == r.BOOL:
        return pick("是", "yes") if value else pick("否", "no")
    if field.kind == r.ID_NUMBER:
        return mask(str(value))
    if field.kind == r.TAGS:
        return join(value)
    return str(value)
