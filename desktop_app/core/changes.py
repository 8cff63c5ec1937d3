"""What a write changed: record types and ids, plus the local state beside them.

Every committed transaction of a ``Store`` yields one ``Changes``; screens read
it to refresh only what they show (a new cadre refreshes the print page's list,
a quota setting the home page), never by being told by another screen.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from . import records as r

# Local state that is not a record type but that screens show.
SETTINGS = "settings"  # quota preset and targets, warning rule, this install's cadre
DEVICES = "devices"  # the device registry (approvals, revocations, bundles received)
DESTINATIONS = "destinations"  # hub keys and passphrase destinations, with their delta marks
DRAFTS = "drafts"  # autosaved, unsaved form contents
PROPOSALS = "proposals"  # changes held for the hub operator
LOCAL_KINDS = (SETTINGS, DEVICES, DESTINATIONS, DRAFTS, PROPOSALS)
# Synced tables that are not record types are kinds under their table name
# ("conflict"); link tables count as changes to the records on both ends.

# A link row changes the records on both of its ends.
_LINK_ENDS: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    link.table: ((parent.name, link.parent_column), (parent.field(name).ref or "", link.ref_column))
    for parent in r.RECORD_TYPES.values()
    for name, link in parent.links.items()
}


@dataclass(frozen=True)
class Changes:
    """Record types (and local kinds) touched, with the ids of changed records."""

    ids: Mapping[str, frozenset[str]] = field(default_factory=dict)

    @property
    def kinds(self) -> frozenset[str]:
        return frozenset(self.ids)

    def __bool__(self) -> bool:
        return bool(self.ids)

    def touches(self, *kinds: str) -> bool:
        return any(kind in self.ids for kind in kinds)

    def ids_of(self, kind: str) -> frozenset[str]:
        return self.ids.get(kind, frozenset())

    def __or__(self, other: Changes) -> Changes:
        merged = {kind: set(ids) for kind, ids in self.ids.items()}
        for kind, ids in other.ids.items():
            merged.setdefault(kind, set()).update(ids)
        return Changes({kind: frozenset(ids) for kind, ids in merged.items()})


NOTHING = Changes()


class ChangeLog:
    """Collects what one transaction touches; ``take`` hands it over and starts afresh."""

    def __init__(self) -> None:
        self._ids: dict[str, set[str]] = {}

    def row(self, table: str, record_id: str, row: Mapping[str, object] | None = None) -> None:
        if table in _LINK_ENDS:
            for kind, column in _LINK_ENDS[table]:
                ids = self._ids.setdefault(kind, set())
                value = row.get(column) if row is not None else None
                if isinstance(value, str):
                    ids.add(value)
            return
        self._ids.setdefault(table, set()).add(record_id)

    def kind(self, kind: str, ids: Iterable[str] = ()) -> None:
        self._ids.setdefault(kind, set()).update(ids)

    def take(self) -> Changes:
        taken = Changes({kind: frozenset(ids) for kind, ids in self._ids.items()})
        self._ids = {}
        return taken

    def discard(self) -> None:
        self._ids = {}
