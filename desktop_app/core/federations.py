"""Which federation a record belongs to, and which federations are below which.

A record belongs to the federation of the cadre who created it (its
``owner_id``, which never changes): a visit recorded by a township cadre counts
for her township however many county cadres came along. So every record counts
for exactly one federation, and a report's breakdown by federation adds up to
its total. Records with no known owner count only in a report of everything.

Federations are matched by name: a cadre's 所在妇联 names one, and the
``federation`` records (kept by the hub) say which is under which.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import messages as msg
from .errors import UsageError
from .i18n import join, pick

if TYPE_CHECKING:
    from .store import Store


@dataclass(frozen=True)
class Scope:
    """The federations a report covers and the cadres who belong to them."""

    federation: str
    names: tuple[str, ...]  # the federation first, then those below it, by name
    cadre_ids: tuple[str, ...]
    everything: bool = False  # no filter: every record this install holds

    def owners_json(self) -> str:
        """The cadre ids as a JSON array, for ``owner_id IN (SELECT value FROM json_each(?))``."""
        return json.dumps(list(self.cadre_ids))

    def owned(self, column: str = "owner_id") -> str:
        """An SQL condition on ``column``, with one parameter: ``owners_json()``.

        A report of everything keeps every row (the parameter is then unused but
        still bound, so callers pass the same arguments either way)."""
        if self.everything:
            return "(1 = 1 OR ? IS NULL)"
        return f"{column} IN (SELECT value FROM json_each(?))"


def children(store: Store) -> dict[str, list[str]]:
    """Federation name → the names directly below it (live records only)."""
    below: dict[str, list[str]] = defaultdict(list)
    rows = store.conn.execute(
        "SELECT f.name, p.name FROM federation f JOIN federation p ON p.id = f.parent_id AND p.deleted = 0 "
        "WHERE f.deleted = 0 ORDER BY f.name"
    )
    for name, parent in rows:
        if name not in below[parent]:
            below[parent].append(name)
    return below


def below(store: Store, federation: str) -> list[str]:
    """``federation`` and every federation under it, each once (a loop in the tree stops there)."""
    tree = children(store)
    found = [federation]
    for name in found:  # grows while walked: breadth first
        found.extend(n for n in tree.get(name, []) if n not in found)
    return found


def scope(store: Store, federation: str, include_below: bool = True) -> Scope:
    names = below(store, federation) if include_below else [federation]
    marks = ", ".join("?" * len(names))
    cadres = [
        row[0]
        for row in store.conn.execute(
            f"SELECT id FROM cadre WHERE deleted = 0 AND org IN ({marks}) ORDER BY name", names
        )
    ]
    return Scope(federation, tuple(names), tuple(cadres))


def everything(store: Store, federation: str) -> Scope:
    cadres = [row[0] for row in store.conn.execute("SELECT id FROM cadre WHERE deleted = 0 ORDER BY name")]
    names = sorted({str(row[0]) for row in store.conn.execute("SELECT DISTINCT org FROM cadre WHERE deleted = 0")})
    return Scope(federation, tuple(names), tuple(cadres), everything=True)


def federation_names(store: Store) -> list[str]:
    """Every federation this install knows: from the tree and from cadres' profiles."""
    rows = store.conn.execute(
        "SELECT name FROM federation WHERE deleted = 0 UNION SELECT org FROM cadre WHERE deleted = 0 ORDER BY 1"
    )
    return [str(row[0]) for row in rows if row[0]]


def require_known(store: Store, federation: str) -> None:
    """Refuse a federation this install does not know (a typo would give an empty
    report, no cards or no projects, as if there were nothing), naming those it knows."""
    known = federation_names(store)
    if federation not in known:
        raise UsageError(msg.FEDERATION_NOT_KNOWN.format(name=federation, known=known_text(known)))


KNOWN_SHOWN = 10  # a county hub knows a hundred federations: a message names the first few


def known_text(known: list[str]) -> str:
    """The federations known here as a message lists them."""
    if not known:
        return pick("（无）", "(none)")
    return join(known[:KNOWN_SHOWN]) + ("……" if len(known) > KNOWN_SHOWN else "")


def cadre_federations(store: Store, cadre_ids: tuple[str, ...]) -> dict[str, str]:
    """Cadre id → her federation's name."""
    rows = store.conn.execute(
        "SELECT id, org FROM cadre WHERE id IN (SELECT value FROM json_each(?))", (json.dumps(list(cadre_ids)),)
    )
    return {str(i): str(org) for i, org in rows}
