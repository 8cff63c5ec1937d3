"""Import bundles and merge them (making them: export.py, re-exported here).

Merge rule (per row, by id): the version with the later clock stamp wins
(device id breaks ties); a deletion is a version like any other, so it wins
over older edits. When neither version descends from the other (``rev``), the
edits were concurrent: the loser is kept in ``conflict`` for a person to
review. Conflict rows are made the same way on every replica, so replicas that
import the same bundles, in any order and any number of times, end equal.
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import backup, characters
from .. import messages as msg
from ..clock import Stamp
from ..errors import FuqingError, UsageError
from ..i18n import pick
from ..progress import Cancelled, Progress
from ..store import Row, Store
from . import bundle as b
from . import devices, keys, proposals, rights
from .checks import check_row, loser_of
from .export import ExportCancelled as ExportCancelled  # (callers keep using exchange.*)
from .export import ExportResult as ExportResult
from .export import NothingToExport as NothingToExport
from .export import export_bundle as export_bundle
from .merge import NewRows, References, merge_row

RowProgress = Callable[[int, int], None]  # rows of the bundle merged so far, of how many
log = logging.getLogger(__name__)


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
    held: int = 0  # changes the sender may not make: waiting for the operator as proposals
    waiting: bool = False  # the sending device waits for approval; the bundle is kept until then
    duplicate: bool = False
    counts: dict[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        if not self.ok or self.waiting:
            return self.message
        if self.duplicate:
            return pick("此同步包已导入过，无变化", "Already imported; nothing changed")
        text = pick(
            f"新增 {self.new}，更新 {self.updated}，未变 {self.unchanged}，冲突 {self.conflicts}",
            f"new {self.new}, updated {self.updated}, unchanged {self.unchanged}, conflicts {self.conflicts}",
        )
        if self.held:
            text += pick(
                f"；{self.held} 条修改超出发送人的权限，已列入待审核",
                f"; {self.held} changes beyond the sender's rights wait for review",
            )
        if self.pending_refs:
            text += pick(
                f"（{self.pending_refs} 条引用的记录尚未收到）",
                f" ({self.pending_refs} referenced records not yet received)",
            )
        return text


# -- import -------------------------------------------------------------------


def read_file(store: Store, path: Path, passphrase: str | None = None) -> b.Bundle:
    """Decrypt and verify a bundle file; touches no database rows."""
    return b.open_bundle(decrypt_file(store, path, passphrase))


def decrypt_file(store: Store, path: Path, passphrase: str | None = None, limits: b.Limits = b.LIMITS) -> bytes:
    """Decrypt a bundle file (its size checked before it is read); touches no database rows."""
    try:
        size = path.stat().st_size
        if size > limits.max_file_bytes:
            raise b.BundleError(
                "too_large", msg.BUNDLE_TOO_LARGE.format(size=size >> 20, limit=limits.max_file_bytes >> 20)
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise b.BundleError("unreadable", msg.BUNDLE_NO_FILE.format(path=path)) from None
    except IsADirectoryError:
        raise b.BundleError("unreadable", msg.BUNDLE_IS_FOLDER.format(path=path)) from None
    except PermissionError:
        raise b.BundleError("unreadable", msg.BUNDLE_NO_PERMISSION.format(path=path)) from None
    except OSError as error:
        raise b.BundleError("unreadable", msg.BUNDLE_UNREADABLE.format(detail=error.strerror or error)) from None
    return b.decrypt(data, [keys.age_identity(store)], passphrase, limits)


def import_files(
    store: Store,
    paths: list[Path],
    passphrase: str | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> list[ImportResult]:
    """Import each file on its own: one bad file does not stop the others.

    A backup is taken first, so a batch that turns out to be unwanted can be undone.
    """
    if paths:
        backup.make_backup(store, "pre-import")
    # Progress in thousandths of the bytes to import, moved row by row inside a
    # bundle: one big bundle does not sit at 0 % for a minute.
    sizes = [_size(path) for path in paths]
    total = sum(sizes) or 1
    results: list[ImportResult] = []
    before = 0
    for path, size in zip(paths, sizes, strict=True):
        if cancelled and cancelled():
            break

        def rows(
            done: int, of: int, base: int = before, size: int = size, name: str = characters.file_name(path.name)
        ) -> None:
            if progress:
                progress((base + size * done // max(of, 1)) * 1000 // total, 1000, name)

        rows(0, 1)
        result = import_file(store, path, passphrase, rows)
        log.info(
            "imported bundle %s: ok %s, code %s, new %d, updated %d, unchanged %d, conflicts %d, held %d, waiting %s",
            result.bundle_id or "-", result.ok, result.code or "-", result.new, result.updated, result.unchanged,
            result.conflicts, result.held, result.waiting,
        )  # fmt: skip
        results.append(result)
        before += size
    if progress:
        progress(1000 * before // total, 1000, "")
    return results


def _size(path: Path) -> int:
    try:
        return max(path.stat().st_size, 1)
    except OSError:
        return 1


def import_file(
    store: Store, path: Path, passphrase: str | None = None, on_rows: RowProgress | None = None
) -> ImportResult:
    """Read, verify and receive one bundle file; a refusal is a result, never an exception."""
    name = characters.file_name(path.name)
    try:
        plain = decrypt_file(store, path, passphrase)
        return receive(store, plain, name, on_rows)
    except b.BundleError as error:
        devices.record_refusal(store, name, None, error.code, str(error))
        return ImportResult(name, False, str(error), error.code)
    except Exception:  # a defect of ours must not stop the batch: logged, told, nothing changed
        log.exception("import of a bundle failed")  # not its file's name: it may name the woman
        message = str(msg.BUNDLE_INTERNAL)
        devices.record_refusal(store, name, None, "internal", message)
        return ImportResult(name, False, message, "internal")


def receive(store: Store, plain: bytes, file_name: str, on_rows: RowProgress | None = None) -> ImportResult:
    """A verified bundle from an approved device is merged; one from a device not
    yet approved is kept until the operator approves it."""
    try:
        bundle = b.open_bundle(plain)
        sender = devices.check_sender(store, bundle)
        if sender is None:
            already = devices.get(store, str(bundle.sender["device_id"])) is not None
            waiting = devices.hold(store, bundle, plain, file_name)
            message = (msg.BUNDLE_HELD_AGAIN if already else msg.BUNDLE_HELD).format(
                device=waiting.label, federation=waiting.federation or "?", device_id=waiting.id
            )
            return ImportResult(file_name, True, message, "waiting", bundle.bundle_id, waiting.label, waiting=True)
        result = apply_bundle(store, bundle, sender, on_rows)
    except b.BundleError as error:
        device = _claimed_device(plain)
        devices.record_refusal(store, file_name, device, error.code, str(error))
        return ImportResult(file_name, False, str(error), error.code)
    except FuqingError as error:
        devices.record_refusal(store, file_name, None, "error", str(error))
        return ImportResult(file_name, False, str(error), "error")
    result.file = file_name
    return result


def _claimed_device(plain: bytes) -> str | None:
    try:
        return str(b.open_bundle(plain).sender["device_id"])
    except (b.BundleError, KeyError, TypeError):
        return None


def approve_device(
    store: Store, device_id: str, role: str | None = None, cadre_id: str | None = None
) -> tuple[devices.Device, list[ImportResult]]:
    """The operator trusts a waiting device: its kept bundles are merged now."""
    device = devices.approve(store, device_id, role, cadre_id)
    results = []
    for bundle_id, file_name, plain in devices.held_bundles(store, device_id):
        results.append(receive(store, plain, file_name or bundle_id))
        devices.release(store, bundle_id)
    return device, results


def check(store: Store, sender: devices.Device, table: str, row: dict[str, Any], now: int) -> None:
    """The row is valid and its clock not far ahead of ours (else the bundle is refused)."""
    try:
        check_row(table, row, store.synced_columns(table), now)
        if table == "conflict":
            loser_table, loser = loser_of(row)
            check_row(loser_table, loser, store.synced_columns(loser_table), now)
    except b.BundleError as error:
        if error.code != "clock_ahead":
            raise
        ahead = (Stamp.unpack(str(row["hlc"])).wall_ms - now) / 3_600_000
        raise b.BundleError(
            "clock_ahead",
            msg.BUNDLE_CLOCK_AHEAD.format(device=sender.label, cadre=sender.name or "?", hours=round(ahead)),
        ) from None


def apply_bundle(
    store: Store, bundle: b.Bundle, sender: devices.Device, on_rows: RowProgress | None = None
) -> ImportResult:
    """Merge a verified bundle from an approved device in one transaction: all of it or none.

    Each row is checked as it is read, and the first bad one rolls the whole
    bundle back (one pass over the rows, nothing applied if any is bad). Each
    version that would change something is judged against the rights of the
    device that made it; what is not allowed is held as a proposal.
    """
    conn = store.conn
    result = ImportResult("", True, bundle_id=bundle.bundle_id, sender=sender.label)
    if conn.execute("SELECT 1 FROM bundle_log WHERE bundle_id = ?", (bundle.bundle_id,)).fetchone():
        result.duplicate = True
        result.unchanged = bundle.row_count()
        return result
    gate = _Gate(store, bundle, sender)
    now = store.wall_ms()
    # References may point at records in a bundle not imported yet (any order
    # must work), so foreign keys are checked by ``fuqing check``, not here.
    conn.execute("PRAGMA foreign_keys = OFF")
    try:
        with store.transaction():
            counts: Counter[str] = Counter()
            references = References(store)
            new_rows = NewRows(store, bundle.bundle_id)
            done, of = 0, bundle.row_count()
            for table in bundle.counts:
                for row in bundle.rows(table):
                    done += 1
                    if on_rows is not None and done % 100 == 0:
                        on_rows(done, of)
                    check(store, sender, table, row, now)
                    references.note(table, row)
                    merge_row(store, table, row, counts, gate, bundle.bundle_id, new_rows)
                new_rows.flush()  # a later table's rights may look at this one
            result.new, result.updated = counts["new"], counts["updated"]
            result.unchanged, result.conflicts, result.held = counts["unchanged"], counts["conflicts"], counts["held"]
            result.pending_refs = references.missing()
            devices.record_bundle(store, bundle, result.file, result.new, result.updated, result.conflicts)
    finally:
        conn.execute("PRAGMA foreign_keys = ON")
    result.counts = dict(bundle.counts)
    return result


class _Gate:
    """Judges each row version a bundle would apply by the rights of the device that made it."""

    def __init__(self, store: Store, bundle: b.Bundle, sender: devices.Device):
        self.store = store
        self.bundle = bundle
        self.sender = sender.writer()
        self.writers: dict[str, rights.Writer | str] = {sender.id: self.sender}

    def __call__(self, table: str, row: dict[str, Any], stored: Row | None) -> bool:
        writer = self._writer(str(row["device_id"]))
        reason = writer if isinstance(writer, str) else None
        if isinstance(writer, rights.Writer):
            if row.get("owner_id") is None and stored is None and writer.role != rights.MIRROR:
                row["owner_id"] = self._default_owner(table, row, writer)
            reason = rights.judge(self.store, writer, table, row, stored)
        if reason is None:
            return True
        proposals.hold(self.store, self.bundle.bundle_id, self.sender.device_id, table, row, reason)
        return False

    def _default_owner(self, table: str, row: dict[str, Any], writer: rights.Writer) -> str | None:
        # A row from an app before owners (schema 4): its parent's owner, or its maker's cadre.
        parent = rights.PARENTS.get(table)
        if parent is not None:
            parent_row = self.store.stored_row(parent[0], str(row[parent[1]]))
            if parent_row is not None:
                return parent_row.get("owner_id")
        return str(row["id"]) if table == "cadre" else writer.cadre_id

    def _writer(self, device_id: str) -> rights.Writer | str:
        known = self.writers.get(device_id)
        if known is None:
            known = self.writers[device_id] = self._find_writer(device_id)
        return known

    def _find_writer(self, device_id: str) -> rights.Writer | str:
        if device_id == self.store.device_id:
            return "forged_own"  # a change "made here" that this install never made
        if self.sender.role == rights.CADRE:
            return "relayed"  # a cadre's laptop passes on nothing it did not make
        if self.sender.role == rights.MIRROR:
            return self.sender  # this federation's own other machine: what it passes on is ours
        device = devices.get(self.store, device_id)
        if device is None:
            facts = self.bundle.authors.get(device_id)
            if facts is None or not devices.may_vouch(self.store, facts.get("cadre_id")):
                return "unknown_author"
            try:
                device = devices.enrol(
                    self.store, {**facts, "device_id": device_id}, rights.CADRE, self.sender.device_id
                )
            except FuqingError:
                return "unknown_author"
        if device.status != devices.APPROVED or device.blocked:
            return "blocked_author"
        return device.writer()


def enrol_file(store: Store, path: Path) -> tuple[devices.Device, list[ImportResult]]:
    """On a hub: approve a cadre's laptop from the enrolment file her app wrote
    (a laptop already waiting is approved as the cadre it claimed, its kept bundles merged)."""
    try:
        facts = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UsageError(msg.BUNDLE_NO_FILE.format(path=path)) from None
    except (OSError, UnicodeDecodeError, ValueError):
        raise UsageError(msg.NOT_AN_ENROLMENT.format(path=path.name)) from None
    if not isinstance(facts, dict) or facts.get("format") != "fuqing-enrolment":
        raise UsageError(msg.NOT_AN_ENROLMENT.format(path=path.name))
    cadre_id = facts.get("cadre_id")
    if cadre_id and store.conn.execute("SELECT 1 FROM blocked_cadre WHERE cadre_id = ?", (cadre_id,)).fetchone():
        raise UsageError(msg.CADRE_IS_BLOCKED.format(device=str(facts.get("cadre_name") or "?")))
    known = devices.get(store, str(facts.get("device_id") or ""))
    if known is not None and known.status == devices.PENDING:
        if known.public_key != facts.get("public_key") or known.cadre_id != cadre_id:
            raise UsageError(msg.BAD_ENROLMENT.format(detail=known.label))
        return approve_device(store, known.id, rights.CADRE)
    return devices.enrol(store, facts, rights.CADRE), []
