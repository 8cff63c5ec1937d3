"""Export a delta (or everything) as a bundle; import bundles and merge them.

Merge rule (per row, by id): the version with the later clock stamp wins
(device id breaks ties); a deletion is a version like any other, so it wins
over older edits. When neither version descends from the other (``rev``), the
edits were concurrent: the loser is kept in ``conflict`` for a person to
review. Conflict rows are made the same way on every replica, so replicas that
import the same bundles, in any order and any number of times, end equal.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import backup, db
from .. import messages as msg
from ..changes import DESTINATIONS
from ..errors import FuqingError
from ..files import write_atomically
from ..i18n import pick
from ..ids import new_id
from ..store import Store
from . import bundle as b
from . import devices, keys
from .merge import check_rows, merge_row, missing_references

Progress = Callable[[int, int, str], None]  # done, total, current file


class NothingToExport(FuqingError):
    """Nothing changed since the last bundle to this destination: no file is written."""


@dataclass
class ExportResult:
    path: Path
    bundle_id: str
    counts: dict[str, int]
    bytes: int


@dataclass
class ImportResult:
    file: str
    ok: bool
    message: str = ""
    code: str = ""
    bundle_id: str = ""
    sender: str = ""
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: int = 0
    pending_refs: int = 0
    duplicate: bool = False
    counts: dict[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        if not self.ok:
            return self.message
        if self.duplicate:
            return pick("此同步包已导入过，无变化", "Already imported; nothing changed")
        text = pick(
            f"新增 {self.new}，更新 {self.updated}，未变 {self.unchanged}，冲突 {self.conflicts}",
            f"new {self.new}, updated {self.updated}, unchanged {self.unchanged}, conflicts {self.conflicts}",
        )
        if self.pending_refs:
            text += pick(
                f"（{self.pending_refs} 条引用的记录尚未收到）",
                f" ({self.pending_refs} referenced records not yet received)",
            )
        return text


# -- export -------------------------------------------------------------------


def export_bundle(
    store: Store,
    out: Path,
    destination: keys.Destination,
    passphrase: str | None = None,
    full: bool = False,
    tables: list[str] | None = None,
    kind: str = "delta",
) -> ExportResult:
    """Write a signed, encrypted bundle of what ``destination`` has not had yet.

    The file appears under its final name only once it is complete and on disk;
    the destination's mark moves forward only after that.
    """
    conn = store.conn
    since = 0 if full else destination.last_sent_seq
    chosen = tables or b.SYNCED_TABLES
    conn.execute("BEGIN")  # one snapshot for every table
    try:
        upto = int(db.get_meta(conn, "sync_seq") or 0)
        rows: dict[str, list[dict[str, Any]]] = {}
        for table in chosen:
            columns = store.synced_columns(table)
            cursor = conn.execute(
                f"SELECT {', '.join(columns)} FROM {table} WHERE sync_seq > ? AND sync_seq <= ? ORDER BY sync_seq",
                (since, upto),
            )
            rows[table] = [dict(zip(columns, row, strict=True)) for row in cursor]
    finally:
        conn.execute("COMMIT")
    counts = {table: len(found) for table, found in rows.items() if found}
    if not counts:
        raise NothingToExport(msg.NOTHING_TO_EXPORT.format(name=destination.label))
    cadre = store.own_cadre() or {}
    bundle_id = new_id()
    manifest = {
        "bundle_id": bundle_id,
        "kind": kind,
        "created_at": db.now_iso(),
        "since_seq": since,
        "sender": {
            "device_id": store.device_id,
            "public_key": keys.public_key(store),
            "cadre_id": cadre.get("id"),
            "cadre_name": cadre.get("name"),
            "federation": cadre.get("org"),
        },
    }
    plain = b.build_zip(manifest, rows, lambda data: keys.sign(store, data))
    sealed = b.encrypt(plain, destination.recipient, passphrase)
    write_atomically(out, sealed, failed=msg.EXPORT_FAILED)
    with store.transaction():
        conn.execute(
            "UPDATE destination SET last_sent_seq = max(last_sent_seq, ?), last_sent_at = ?, last_bundle_id = ? "
            "WHERE id = ?",
            (upto, db.now_iso(), bundle_id, destination.id),
        )
        conn.execute(
            "INSERT INTO bundle_log (bundle_id, direction, device_id, destination_id, file_name, at, counts) "
            "VALUES (?, 'out', ?, ?, ?, ?, ?)",
            (bundle_id, store.device_id, destination.id, out.name, db.now_iso(), json.dumps(counts)),
        )
        store.note_change(DESTINATIONS, [destination.id])
    return ExportResult(out, bundle_id, counts, len(sealed))


# -- import -------------------------------------------------------------------


def read_file(store: Store, path: Path, passphrase: str | None = None) -> b.Bundle:
    """Decrypt and verify a bundle file; touches no database rows."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise b.BundleError("unreadable", str(error)) from error
    plain = b.decrypt(data, [keys.age_identity(store)], passphrase)
    return b.open_bundle(plain)


def import_files(
    store: Store,
    paths: list[Path],
    passphrase: str | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[ImportResult]:
    """Import each file on its own: one bad file does not stop the others.

    A backup is taken first, so a batch that turns out to be unwanted can be undone.
    """
    if paths:
        backup.make_backup(store, "pre-import")
    results = []
    for done, path in enumerate(paths):
        if cancelled and cancelled():
            break
        if progress:
            progress(done, len(paths), path.name)
        results.append(import_file(store, path, passphrase))
    if progress:
        progress(len(results), len(paths), "")
    return results


def import_file(store: Store, path: Path, passphrase: str | None = None) -> ImportResult:
    try:
        bundle = read_file(store, path, passphrase)
        devices.check_sender(store, bundle)
        result = apply_bundle(store, bundle)
    except b.BundleError as error:
        return ImportResult(path.name, False, str(error), error.code)
    except FuqingError as error:
        return ImportResult(path.name, False, str(error), "error")
    result.file = path.name
    return result


def apply_bundle(store: Store, bundle: b.Bundle) -> ImportResult:
    """Merge a verified bundle in one transaction: all of it or none."""
    conn = store.conn
    sender = bundle.sender
    result = ImportResult("", True, bundle_id=bundle.bundle_id, sender=str(sender.get("cadre_name") or ""))
    if conn.execute("SELECT 1 FROM bundle_log WHERE bundle_id = ?", (bundle.bundle_id,)).fetchone():
        result.duplicate = True
        result.unchanged = bundle.row_count()
        return result
    for table, rows in bundle.tables.items():
        check_rows(table, rows, set(store.synced_columns(table)))
    # References may point at records in a bundle not imported yet (any order
    # must work), so foreign keys are checked by ``fuqing check``, not here.
    conn.execute("PRAGMA foreign_keys = OFF")
    try:
        with store.transaction():
            counts: Counter[str] = Counter()
            for table in b.SYNCED_TABLES:
                for row in bundle.tables.get(table, []):
                    merge_row(store, table, row, counts)
            result.new, result.updated = counts["new"], counts["updated"]
            result.unchanged, result.conflicts = counts["unchanged"], counts["conflicts"]
            result.pending_refs = missing_references(store, bundle)
            devices.record_bundle(store, bundle, result.file, result.new, result.updated, result.conflicts)
    finally:
        conn.execute("PRAGMA foreign_keys = ON")
    result.counts = {table: len(rows) for table, rows in bundle.tables.items()}
    return result
