"""删除并清除个人信息: erasing a woman from the notebook, links included.

A plain deletion already forgets her fields (``privacy.py``). Erasing also
deletes what exists only because of her (her help pairs and their logs), takes
her out of visits and diaries (the link rows, so the removal travels to the hub
like any edit), and drops what this laptop holds of her outside the records:
kept conflict versions, changes held for the operator's review, unsaved
drafts. The audit trail records that she was erased, never who she was.

What it cannot do is rewrite free text: a diary that says "李秀英 came to the
meeting" still says so. ``Erased.mentions`` lists those records for a person
to read and edit.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import forgetting
from . import messages as msg
from . import records as r
from .changes import DRAFTS, PROPOSALS
from .errors import UsageError
from .store import Store

SEARCHED_KINDS = ("diary", "visit", "problem")


@dataclass
class Mention:
    kind: str
    record_id: str
    title: str


@dataclass
class Erased:
    woman_id: str
    help_pairs: int = 0
    help_logs: int = 0
    links: int = 0
    held: int = 0  # conflicting versions and proposals dropped
    drafts: int = 0
    mentions: list[Mention] = field(default_factory=list)

    def summary(self) -> str:
        return msg.ERASED.format(
            pairs=self.help_pairs, logs=self.help_logs, links=self.links, held=self.held, drafts=self.drafts
        )


def _links_to_women() -> list[tuple[str, str]]:
    """(link table, column naming the woman) for every record type that lists women."""
    found = []
    for rtype in r.RECORD_TYPES.values():
        for name, link in rtype.links.items():
            if rtype.field(name).ref == "woman":
                found.append((link.table, link.ref_column))
    return found


def erase_woman(store: Store, woman_id: str) -> Erased:
    """Erase one woman (deleted or not) in one transaction; see the module docstring."""
    stored = store.stored_row("woman", woman_id)
    if stored is None:
        raise UsageError(msg.NOT_FOUND.format(kind=r.record_type("woman").label, record_id=woman_id))
    name = str(stored["name"] or "")
    result = Erased(woman_id)
    with store.transaction():
        if name:  # before her name is cleared: the records whose text still mentions it
            result.mentions = _mentions(store, name)
        pair_ids = [row[0] for row in store.conn.execute("SELECT id FROM help_pair WHERE woman_id = ?", (woman_id,))]
        marks = ", ".join("?" * len(pair_ids))
        log_ids = [
            row[0] for row in store.conn.execute(f"SELECT id FROM help_log WHERE help_pair_id IN ({marks})", pair_ids)
        ]
        erased_ids = [woman_id, *pair_ids, *log_ids]  # hers first: _drop_held looks for her id in other rows
        result.drafts = _drop_drafts(store, erased_ids, name)  # before the deletions drop some of them uncounted
        result.held = _drop_held(store, erased_ids)
        for pair_id in pair_ids:
            for (log_id,) in store.conn.execute(
                "SELECT id FROM help_log WHERE help_pair_id = ? AND deleted = 0", (pair_id,)
            ).fetchall():
                store.delete("help_log", log_id)
                result.help_logs += 1
            store.unlink_all("help_pair_cadre", "help_pair_id", pair_id)
            if store.exists("help_pair", pair_id):
                store.delete("help_pair", pair_id)
                result.help_pairs += 1
        for table, column in _links_to_women():
            result.links += store.unlink_all(table, column, woman_id)
        if not stored["deleted"]:
            store.delete("woman", woman_id)
        for table, ids in (("woman", [woman_id]), ("help_pair", pair_ids), ("help_log", log_ids)):
            forgetting.forget_audit(store, table, ids)  # also what an earlier deletion left
        store.note_event("woman", woman_id, "erase", {})
    store.flush_forgotten()
    return result


def _mentions(store: Store, name: str) -> list[Mention]:
    found: list[Mention] = []
    for kind in SEARCHED_KINDS:
        rtype = r.record_type(kind)
        seqs = store.search(kind, name)
        rows = store.rows_by_seq(kind, seqs, ["id", rtype.title_field])
        found.extend(Mention(kind, rows[s]["id"], str(rows[s][rtype.title_field] or "")) for s in seqs if s in rows)
    return found


def _drop_held(store: Store, ids: list[str]) -> int:
    """Conflicting versions of her records (or naming her) and changes held for review that name her."""
    dropped = 0
    conflicts = [
        row[0]
        for row in store.conn.execute(
            f"SELECT id FROM conflict WHERE record_id IN ({', '.join('?' * len(ids))}) OR instr(loser_row, ?) > 0",
            [*ids, ids[0]],
        ).fetchall()
    ]
    store.drop_conflicts(conflicts)
    dropped += len(conflicts)
    for record_id in ids:
        cursor = store.conn.execute(
            "DELETE FROM proposal WHERE record_id = ? OR instr(row, ?) > 0", (record_id, record_id)
        )
        dropped += cursor.rowcount
    if dropped:
        store.note_change(PROPOSALS)
    return dropped


def _drop_drafts(store: Store, ids: list[str], name: str) -> int:
    dropped = 0
    for needle in [*ids, *([name] if name else [])]:
        cursor = store.conn.execute(
            "DELETE FROM draft WHERE record_id = ? OR instr(data, ?) > 0", (needle, json_text(needle))
        )
        dropped += cursor.rowcount
    if dropped:
        store.note_change(DRAFTS)
    return dropped


def json_text(value: str) -> str:
    """How ``value`` appears inside a JSON document the app wrote (ensure_ascii=False)."""
    return value.replace("\\", "\\\\").replace('"', '\\"')
