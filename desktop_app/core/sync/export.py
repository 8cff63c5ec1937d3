"""Export a delta (or everything) as a signed, encrypted bundle for one destination."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ... import __version__ as app_version
from .. import db, keyfile
from .. import messages as msg
from .. import records as r
from ..changes import DESTINATIONS
from ..errors import FuqingError, UsageError
from ..files import write_atomically
from ..i18n import pick
from ..ids import new_id
from ..progress import Cancelled, Progress, Steps
from ..store import Store
from . import bundle as b
from . import devices, keys

log = logging.getLogger(__name__)


class NothingToExport(FuqingError):
    """Nothing changed since the last bundle to this destination: no file is written."""


class ExportCancelled(FuqingError):
    """Stopped before the file was written: nothing was written, nothing marked as sent."""


@dataclass
class ExportResult:
    path: Path
    bundle_id: str
    counts: dict[str, int]
    bytes: int


def export_bundle(
    store: Store,
    out: Path,
    destination: keys.Destination,
    passphrase: str | None = None,
    full: bool = False,
    tables: list[str] | None = None,
    kind: str = "delta",
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ExportResult:
    """Write a signed, encrypted bundle of what ``destination`` has not had yet.

    The file appears under its final name only once it is complete and on disk;
    the destination's mark moves forward only after that. Progress is in
    thousandths: reading the rows (table by table) is most of it, then packing,
    encrypting and writing; ``cancelled`` is honoured up to the write.
    """
    step = Steps(progress, cancelled, lambda: ExportCancelled(str(msg.EXPORT_CANCELLED)))
    if passphrase is not None:
        weak = keyfile.secret_too_easy(passphrase)
        if weak:
            raise UsageError(msg.BUNDLE_PASSPHRASE_WEAK.format(problem=weak.rstrip("。.")))
    conn = store.conn
    # A bundle of some tables only (down to a cadre) keeps a mark of its own:
    # moving the destination's mark would skip the other tables' rows for good.
    if tables is not None:
        destination = keys.partial_mark(store, destination, tables)
    since = 0 if full else destination.last_sent_seq
    chosen = tables or b.SYNCED_TABLES
    conn.execute("BEGIN")  # one snapshot for every table
    try:
        upto = int(db.get_meta(conn, "sync_seq") or 0)
        rows: dict[str, list[dict[str, Any]]] = {}
        window = "WHERE sync_seq > ? AND sync_seq <= ?"
        sizes = {t: conn.execute(f"SELECT count(*) FROM {t} {window}", (since, upto)).fetchone()[0] for t in chosen}
        total, read = max(sum(sizes.values()), 1), 0
        for table in chosen:
            label = _what(table)
            columns = store.synced_columns(table)
            cursor = conn.execute(f"SELECT {', '.join(columns)} FROM {table} {window} ORDER BY sync_seq", (since, upto))
            found = rows[table] = []
            while chunk := cursor.fetchmany(2000):
                step(600 * read // total, label)
                found.extend(dict(zip(columns, row, strict=True)) for row in chunk)
                read += len(chunk)
        # Rows made on other devices travel with what this install knows of
        # those devices: a hub's receiver checks each against its author's rights.
        authors = devices.authors_for_export(store, {str(row["device_id"]) for found in rows.values() for row in found})
    finally:
        conn.execute("COMMIT")
    counts = {table: len(found) for table, found in rows.items() if found}
    if not counts:
        raise NothingToExport(msg.NOTHING_TO_EXPORT.format(name=destination.label))
    step(600, pick("打包并签名", "Packing and signing"))
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
            "app_version": app_version,
        },
        "authors": authors,
    }
    plain = b.build_zip(manifest, rows, lambda data: keys.sign(store, data))
    step(800, pick("加密", "Encrypting"))
    sealed = b.encrypt(plain, destination.recipient, passphrase)
    step(950, pick("写入文件", "Writing the file"))
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
    step.finished()
    log.info("exported bundle %s (%s, %d bytes): %s", bundle_id, kind, len(sealed), counts)
    return ExportResult(out, bundle_id, counts, len(sealed))


def _what(table: str) -> str:
    """A table as the progress bar names it: the record type ("走访"), a link table by its record type."""
    kind = next((k for k in r.RECORD_TYPES if table == k or table.startswith(f"{k}_")), None)
    return r.record_type(kind).label if kind else ""
