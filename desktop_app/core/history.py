"""A record's change history from the audit log, in words a person reads."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from . import records as r
from .clock import Stamp
from .describe import device_label, show_value
from .i18n import pick
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
    "restamp": ("时钟改正后重记时间", "Stamped again after the clock was corrected"),
    "reveal": ("查看完整号码", "Full number shown"),
    "erase": ("删除并清除个人信息", "Deleted, personal data erased"),
}  # fmt: skip


def describe(store: Store, kind: str, record_id: str) -> list[HistoryLine]:
    rtype = r.record_type(kind)
    entries = store.history(record_id)
    cadre_names = labels(store, "cadre", sorted({e.cadre_id for e in entries if e.cadre_id}))
    lines = []
    for entry in entries:
        when = datetime.fromtimestamp(Stamp.unpack(entry.hlc).wall_ms / 1000).strftime("%Y-%m-%d %H:%M:%S")
        device = device_label(store, entry.device_id)
        changes = []
        if entry.action == "reveal":  # which fields were shown whole, never the values
            names = entry.changes.get("fields", [])
            changes = [(rtype.field(n).label if rtype.has_field(n) else n, "", "") for n in names]
            entry = replace(entry, changes={})
        for name, (before, after) in entry.changes.items():
            field = rtype.field(name) if rtype.has_field(name) else None
            label = field.label if field else name
            changes.append((label, show_value(store, field, before), show_value(store, field, after)))
        zh, en = ACTIONS.get(entry.action, (entry.action, entry.action))
        lines.append(HistoryLine(when, cadre_names.get(entry.cadre_id or "", ""), device, pick(zh, en), changes))
    return lines
