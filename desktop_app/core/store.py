"""The collection: every read and write of campaign records goes through here.

One ``Store`` per thread (SQLite connections are not shared). A write is one
``BEGIN IMMEDIATE … COMMIT`` holding the row, its links, its search tokens, its
audit entry and the clock, so a save that returned is complete and durable.

Every synced row — saved in a form, merged from a bundle, made by the demo, or
settled in a conflict — is written by ``write_rows`` and nothing else. After
each commit the store tells its listeners what changed (``Changes``).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from . import db, forgetting, idcard, keyfile, privacy, relations, search, unlocking
from . import messages as msg
from . import records as r
from .changes import DEVICES, SETTINGS, ChangeLog, Changes
from .clock import MAX_AHEAD_MS, ZERO, HybridClock, Stamp, wall_now_ms
from .engine import sqlite3
from .errors import DuplicateRecord, NotFound, ValidationFailed
from .ids import link_id, new_id
from .sync import keys, revisions
from .validation import clean_record

log = logging.getLogger(__name__)
Record = dict[str, Any]
Row = dict[str, Any]  # a stored row: every synced column, values as SQLite holds them
Listener = Callable[[Changes], None]
LOCAL_COLUMNS = ("seq", "sync_seq")  # numbering of this replica: never leaves the machine
SYNCED_TABLES = (
    *r.RECORD_TYPES, *(link.table for link in r.link_tables()), "conflict",
)  # fmt: skip
OBSERVE_AHEAD_MS = 5 * 60_000


@dataclass
class AuditEntry:
    hlc: str
    device_id: str
    cadre_id: str | None
    action: str
    changes: dict[str, list[Any]]


@dataclass
class RowWrite:
    """One version of a synced row to store in place of ``old`` (None: a new row)."""

    row: Row
    old: Row | None = None
    action: str | None = None  # audit action; None for rows audited through their parent (links)
    changes: Mapping[str, Any] = field(default_factory=dict)
    bundle_id: str | None = None  # the bundle it arrived in (merged rows): traced and undone by bundle


class Store:
    def __init__(
        self,
        path: str | Path,
        today: Callable[[], date] | None = None,
        wall_ms: Callable[[], int] | None = None,
        secret: str | None = None,
        key: bytes | None = None,
    ):
        """Open (or make) the database at ``path``, unlocked with ``key``, or with
        ``secret`` (the password or the recovery code; default: the environment
        variable FUQING_PASSWORD, for scripts and tests). A new database is made
        with ``secret`` as its password; ``recovery_code`` then holds the code to
        show once. A database from before encryption is encrypted on first open."""
        self.path = Path(path)
        self._closed = False
        self.recovery_code: str | None = None
        self.unlocked_with = "key"  # or "password", "recovery" (then a new password is due)
        backed_up = False
        if key is None:
            unlocked = unlocking.unlock(self.path, secret)
            key, self.unlocked_with, self.recovery_code = unlocked.key, unlocked.unlocked_with, unlocked.recovery_code
            backed_up = unlocked.backed_up
        self.key = key
        self.conn = db.connect(self.path, self.key, backed_up=backed_up)
        self.conn.row_factory = sqlite3.Row
        if today is None:  # one clock: today follows a given wall clock
            today = date.today if wall_ms is None else (lambda: date.fromtimestamp(wall_ms() / 1000))
        self._today = today
        self._wall_ms = wall_ms
        self._clock: HybridClock | None = None
        self._sync_seq = self._sync_start = 0
        self._log = ChangeLog()
        self._listeners: list[Listener] = []
        self._columns: dict[str, list[str]] = {}
        self._required: dict[str, frozenset[str]] = {}
        try:
            self.device_id = self._ensure_identity()
        except BaseException:
            self.conn.close()
            raise

    def set_password(self, password: str) -> int:
        """A new password for this database and the backups beside it (the old one
        opens none of them any more); returns how many backups were updated."""
        keyfile.set_password(self.path, self.key, password)
        return keyfile.rewrap_copies(self.path, self.key)

    def new_recovery_code(self) -> str:
        """A new recovery code to show once; the old one stops opening this database and its backups."""
        code = keyfile.new_recovery_code(self.path, self.key)
        keyfile.rewrap_copies(self.path, self.key)
        return code

    def reopen(self) -> Store:
        """Another store on the same file, for another thread (connections are not shared)."""
        return Store(self.path, self._today, self._wall_ms, key=self.key)

    @property
    def is_open(self) -> bool:
        return not self._closed

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        # Keeps the planner's statistics current as the data grows (cheap:
        # SQLite re-analyses only tables whose statistics are stale). Everything
        # is committed by now: another program holding the file only means the
        # statistics wait for the next close, so a busy database is no error.
        try:
            self.conn.execute("PRAGMA busy_timeout = 250")  # not worth making a person wait for
            self.conn.execute("PRAGMA optimize")
            db.drop_value_samples(self.conn)
        except sqlite3.OperationalError as error:
            log.info("statistics left for next time: %s", error)
        finally:
            self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- identity and local settings ---------------------------------------

    def _ensure_identity(self) -> str:
        return keys.ensure_identity(self)

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def today(self) -> date:
        return self._today()

    def wall_ms(self) -> int:
        """This computer's clock in milliseconds (tests pass their own)."""
        return (self._wall_ms or wall_now_ms)()

    def clock_warning(self) -> str | None:
        """What is wrong with this computer's date, if anything a person should fix first."""
        now = self.wall_ms()
        shown = datetime.fromtimestamp(now / 1000).strftime("%Y-%m-%d %H:%M")
        year = datetime.fromtimestamp(now / 1000).year
        if not 2024 <= year <= 2099:
            return msg.CLOCK_IMPLAUSIBLE.format(now=shown)
        last = self.last_stamp_ms()
        when = datetime.fromtimestamp(last / 1000).strftime("%Y-%m-%d %H:%M")
        if now < last - MAX_AHEAD_MS:
            return msg.CLOCK_AHEAD_HERE.format(now=shown, last=when)
        if now < last - 10 * 60_000:  # ten minutes of drift between two saves is not worth a word
            return msg.CLOCK_BEHIND.format(now=shown, last=when)
        return None

    def last_stamp_ms(self) -> int:
        stored = db.get_meta(self.conn, "hlc")
        return Stamp.unpack(stored).wall_ms if stored else 0

    def repair_clock(self) -> int:
        """After a clock that was set ahead is set right: stamp this install's own
        changes that lie in that future again, with the time now, so a hub no
        longer refuses them. Returns how many. (They descend from the old stamps,
        so every replica takes them as later edits.)"""
        now = self.wall_ms()
        limit = Stamp(now + MAX_AHEAD_MS, 0).pack()
        repaired = 0
        with self.transaction():
            self._clock = HybridClock(Stamp(now, 0), self._wall_ms)  # not from the stamp the wrong clock left
            for table in SYNCED_TABLES:
                columns = self.synced_columns(table)
                rows = self.conn.execute(
                    f"SELECT {', '.join(columns)} FROM {table} WHERE device_id = ? AND hlc > ?", (self.device_id, limit)
                ).fetchall()
                for values in rows:
                    self._new_local_version(table, dict(zip(columns, values, strict=True)), "restamp")
                    repaired += 1
        return repaired

    def meta(self, key: str) -> str | None:
        return db.get_meta(self.conn, key)

    def set_meta(self, key: str, value: str, kind: str = SETTINGS) -> None:
        """A local setting; screens showing ``kind`` are told."""
        with self.transaction():
            db.set_meta(self.conn, key, value)
            self._log.kind(kind)

    def note_change(self, kind: str, ids: Sequence[str] = ()) -> None:
        """Record a change to local state other than synced rows (devices, destinations, drafts)."""
        self._log.kind(kind, ids)
        if not self.conn.in_transaction:
            self._notify(self._log.take())

    def receives_bundles(self) -> bool:
        """A hub: cadres' laptops were approved (or wait for approval) here, not
        only heard of through another hub (``vouched_by``)."""
        return bool(
            self.conn.execute(
                "SELECT 1 FROM device WHERE id != ? AND role = 'cadre' AND vouched_by IS NULL LIMIT 1",
                (self.device_id,),
            ).fetchone()
        )

    @property
    def is_demo(self) -> bool:
        """Made by ``fuqing demo``: made-up records, in a file of their own."""
        return self.meta("demo_data") == "1"

    @property
    def own_cadre_id(self) -> str | None:
        return self.meta("own_cadre_id")

    def own_cadre(self) -> Record | None:
        """This install's own cadre record, if it has one that is not deleted."""
        own = self.own_cadre_id
        return self.get("cadre", own) if own and self.exists("cadre", own) else None

    def save_profile(self, values: Mapping[str, Any]) -> Record:
        """Create or update this install's own cadre record."""
        with self.transaction():
            record = self.save("cadre", values, self.own_cadre_id)
            self.set_own_cadre(record["id"])
        return record

    def set_own_cadre(self, cadre_id: str) -> None:
        """Make ``cadre_id`` this install's cadre: bundles it sends carry her name."""
        with self.transaction():
            self.set_meta("own_cadre_id", cadre_id)
            self.conn.execute("UPDATE device SET cadre_id = ? WHERE id = ?", (cadre_id, self.device_id))
            self._log.kind(DEVICES)

    # -- change notification ----------------------------------------------

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener(changes)`` after every commit that changed something; returns an unsubscribe."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def _notify(self, changes: Changes) -> None:
        if changes:
            for listener in list(self._listeners):
                listener(changes)

    # -- transactions and the clock ---------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction; nested use joins the outer one."""
        if self.conn.in_transaction:
            yield self.conn
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            stored = db.get_meta(self.conn, "hlc")
            self._clock = HybridClock(Stamp.unpack(stored) if stored else ZERO, self._wall_ms)
            self._sync_start = self._sync_seq = int(db.get_meta(self.conn, "sync_seq") or 0)
            yield self.conn
            if self._clock.last != ZERO:
                db.set_meta(self.conn, "hlc", self._clock.last.pack())
            if self._sync_seq != self._sync_start:
                db.set_meta(self.conn, "sync_seq", str(self._sync_seq))
            self.conn.execute("COMMIT")
        except BaseException:
            self._log.discard()
            if self.conn.in_transaction:  # SQLite may already have rolled back (disk full)
                self.conn.execute("ROLLBACK")
            raise
        finally:
            self._clock = None
        self._notify(self._log.take())

    def _tick(self) -> str:
        assert self._clock is not None, "stamps are issued inside a transaction"
        return self._clock.tick().pack()

    def _next_sync_seq(self) -> int:
        """The local order of a row change or arrival (what delta exports follow)."""
        assert self._clock is not None, "sync order is issued inside a transaction"
        self._sync_seq += 1
        return self._sync_seq

    def observe_stamp(self, stamp: str) -> None:
        """Keep our clock ahead of every stamp seen in imported rows, but never let
        another computer's fast clock drag ours more than a few minutes ahead."""
        assert self._clock is not None
        limit = Stamp(self.wall_ms() + OBSERVE_AHEAD_MS, 0)
        self._clock.observe(min(Stamp.unpack(stamp), limit))

    # -- reads --------------------------------------------------------------

    def synced_columns(self, table: str) -> list[str]:
        """The columns of a synced table that travel in bundles (all but local numbering)."""
        columns = self._columns.get(table)
        if columns is None:
            columns = [
                row[1] for row in self.conn.execute(f"PRAGMA table_info({table})") if row[1] not in LOCAL_COLUMNS
            ]
            self._columns[table] = columns
        return columns

    def stored_row(self, table: str, record_id: str) -> Row | None:
        """A row as stored (synced columns, raw values), deleted or not."""
        columns = self.synced_columns(table)
        found = self.conn.execute(f"SELECT {', '.join(columns)} FROM {table} WHERE id = ?", (record_id,)).fetchone()
        return dict(zip(columns, found, strict=True)) if found else None

    def exists(self, kind: str, record_id: str) -> bool:
        r.record_type(kind)
        row = self.conn.execute(f"SELECT 1 FROM {kind} WHERE id = ? AND deleted = 0", (record_id,)).fetchone()
        return row is not None

    def get(self, kind: str, record_id: str, include_deleted: bool = False) -> Record:
        rtype = r.record_type(kind)
        row = self.conn.execute(f"SELECT * FROM {kind} WHERE id = ?", (record_id,)).fetchone()
        if row is None or (row["deleted"] and not include_deleted):
            raise NotFound(msg.NOT_FOUND.format(kind=rtype.label, record_id=record_id))
        return self._decode(rtype, row)

    def rows_by_seq(self, kind: str, seqs: list[int], columns: list[str]) -> dict[int, sqlite3.Row]:
        """Raw rows for list models: only the columns a view shows."""
        r.record_type(kind)
        if not seqs:
            return {}
        cols = ", ".join(["seq", *columns])
        found: dict[int, sqlite3.Row] = {}
        for start in range(0, len(seqs), 500):
            chunk = seqs[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            for row in self.conn.execute(f"SELECT {cols} FROM {kind} WHERE seq IN ({marks})", chunk):
                found[row["seq"]] = row
        return found

    def seqs(self, kind: str, order_by: str = "seq DESC") -> list[int]:
        """Local row numbers of every live record, in display order."""
        r.record_type(kind)
        return [row[0] for row in self.conn.execute(f"SELECT seq FROM {kind} WHERE deleted = 0 ORDER BY {order_by}")]

    def seq_for_id(self, kind: str, record_id: str) -> int | None:
        r.record_type(kind)
        row = self.conn.execute(f"SELECT seq FROM {kind} WHERE id = ?", (record_id,)).fetchone()
        return None if row is None else int(row[0])

    def id_for_seq(self, kind: str, seq: int) -> str:
        row = self.conn.execute(f"SELECT id FROM {kind} WHERE seq = ?", (seq,)).fetchone()
        if row is None:
            raise NotFound(msg.NOT_FOUND.format(kind=r.record_type(kind).label, record_id=seq))
        return str(row[0])

    def list_records(self, kind: str, limit: int | None = None) -> list[Record]:
        rtype = r.record_type(kind)
        sql = f"SELECT * FROM {kind} WHERE deleted = 0 ORDER BY {default_order(rtype)}"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [self._decode(rtype, row) for row in self.conn.execute(sql).fetchall()]

    def count(self, kind: str) -> int:
        r.record_type(kind)
        return int(self.conn.execute(f"SELECT count(*) FROM {kind} WHERE deleted = 0").fetchone()[0])

    def has_records(self, besides: str = "") -> bool:
        """Any live record (of a type other than ``besides``): one indexed probe per type, no counting."""
        return any(
            self.conn.execute(f"SELECT 1 FROM {kind} WHERE deleted = 0 LIMIT 1").fetchone()
            for kind in r.RECORD_TYPES
            if kind != besides
        )

    def counts(self) -> dict[str, int]:
        return {kind: self.count(kind) for kind in r.RECORD_TYPES}

    def search(self, kind: str, query: str, limit: int | None = None) -> list[int]:
        return search.search_seqs(self.conn, r.record_type(kind), query, limit)

    def history(self, record_id: str) -> list[AuditEntry]:
        rows = self.conn.execute(
            "SELECT hlc, device_id, cadre_id, action, changes FROM audit_log WHERE record_id = ? ORDER BY hlc",
            (record_id,),
        ).fetchall()
        return [AuditEntry(row[0], row[1], row[2], row[3], json.loads(row[4])) for row in rows]

    def _decode(self, rtype: r.RecordType, row: sqlite3.Row) -> Record:
        record: Record = {"id": row["id"]}
        for f in rtype.column_fields:
            record[f.name] = decode_value(f, row[f.name])
        for name, link in rtype.links.items():
            ref = rtype.field(name).ref
            record[name] = [
                row2[0]
                for row2 in self.conn.execute(
                    f"SELECT l.{link.ref_column} FROM {link.table} l JOIN {ref} t ON t.id = l.{link.ref_column} "
                    f"WHERE l.{link.parent_column} = ? AND l.deleted = 0 AND t.deleted = 0 ORDER BY l.seq",
                    (row["id"],),
                )
            ]
        record["hlc"] = row["hlc"]
        record["device_id"] = row["device_id"]
        record["deleted"] = bool(row["deleted"])
        return record

    # -- saving records -------------------------------------------------------

    def validate(self, kind: str, values: Mapping[str, Any], record_id: str | None = None) -> dict[str, str]:
        """Field → message for what would stop ``save``; empty when it would pass."""
        try:
            self._clean(r.record_type(kind), values, record_id)
        except ValidationFailed as error:
            return error.errors
        return {}

    def _clean(
        self, rtype: r.RecordType, values: Mapping[str, Any], record_id: str | None
    ) -> tuple[Record | None, dict[str, Any]]:
        old = self.get(rtype.name, record_id) if record_id else None
        if old is None:
            merged = {**self._defaults(rtype, values), **values}
        else:
            merged = {f.name: old[f.name] for f in rtype.fields}
            merged.update(values)
        clean = clean_record(rtype, merged, self.today(), self.exists)
        broken = relations.errors(self, rtype, clean, old)
        if broken:
            raise ValidationFailed(broken, rtype.name)
        cadres = clean.get("cadre_ids")
        if rtype.name == "help_pair" and "mode" not in values and isinstance(cadres, list) and len(cadres) > 1:
            clean["mode"] = "many_to_one"
        return old, clean

    def save(
        self, kind: str, values: Mapping[str, Any], record_id: str | None = None, allow_duplicate: bool = False
    ) -> Record:
        """Validate and store a new record or changes to one; returns it as stored.

        A woman whose ID number is already registered raises ``DuplicateRecord``
        (naming the existing record) unless ``allow_duplicate``.
        """
        rtype = r.record_type(kind)
        with self.transaction():
            old, clean = self._clean(rtype, values, record_id)
            if kind == "woman" and not allow_duplicate and clean.get("id_number"):
                if old is None or old.get("id_number") != clean["id_number"]:
                    self._refuse_duplicate_id_number(clean["id_number"], record_id)
            changes = {
                name: [old.get(name) if old else None, value]
                for name, value in clean.items()
                if (old.get(name) if old else None) != value and not (old is None and value in (None, [], False))
            }
            if old is not None and not changes:
                return old
            stamp = self._tick()
            rid = record_id or new_id()
            stored = self.stored_row(kind, rid) if old is not None else None
            row = {f.name: encode_value(f, clean[f.name]) for f in rtype.column_fields}
            row.update(id=rid, hlc=stamp, device_id=self.device_id, deleted=0, rev=self._rev_after(stored, stamp))
            # The creator owns a record for good: the hub judges later edits by it.
            row["owner_id"] = (
                stored["owner_id"] if stored else (self.own_cadre_id or (rid if kind == "cadre" else None))
            )
            self.write_rows(kind, [RowWrite(row, stored, "create" if old is None else "update", changes)])
            for name, link in rtype.links.items():
                if name in changes:
                    self._write_links(link, rid, clean[name], stamp, row["owner_id"])
            return self.get(kind, rid)

    def same_id_number(self, id_number: str, except_id: str | None = None) -> Record | None:
        """The woman already registered with this ID number, if any."""
        row = self.conn.execute(
            "SELECT id FROM woman WHERE id_number = ? AND id_number IS NOT NULL AND deleted = 0 AND id != ? LIMIT 1",
            (id_number, except_id or ""),
        ).fetchone()
        return self.get("woman", row[0]) if row else None

    def _refuse_duplicate_id_number(self, id_number: str, record_id: str | None) -> None:
        existing = self.same_id_number(id_number, record_id)
        if existing is not None:
            raise DuplicateRecord(
                msg.DUPLICATE_ID_NUMBER.format(
                    masked=idcard.mask(id_number), name=existing["name"], existing_id=existing["id"]
                ),
                existing["id"],
                str(existing["name"]),
                idcard.mask(id_number),
            )

    def note_reveals(self, kind: str, record_ids: Sequence[str], fields: Sequence[str]) -> None:
        """Audit entries saying that ``fields`` of these records were shown whole (not their values)."""
        if not record_ids:
            return
        with self.transaction():
            stamp = self._tick()
            details = json.dumps({"fields": list(fields)}, ensure_ascii=False)
            self.conn.executemany(
                "INSERT INTO audit_log (id, hlc, device_id, cadre_id, record_type, record_id, action, changes) "
                "VALUES (?, ?, ?, ?, ?, ?, 'reveal', ?)",
                [(new_id(), stamp, self.device_id, self.own_cadre_id, kind, rid, details) for rid in record_ids],
            )

    def delete(self, kind: str, record_id: str) -> dict[str, int]:
        """Leave a tombstone: the row stays so the deletion can travel in a bundle.
        Records that cannot exist without it (``records.CHILDREN``: a problem's
        referrals, a pair's acts of help) are deleted with it, each a deletion that
        travels too; returns how many of each type went with it."""
        with self.transaction():
            stored = self._stored_record(kind, record_id)
            if stored["deleted"]:
                label = r.record_type(kind).label
                raise NotFound(msg.ALREADY_DELETED.format(kind=label, record_id=record_id))
            children = self.live_children(kind, record_id)
            for child_kind, ids in children.items():
                for child_id in ids:
                    self._delete_one(child_kind, self._stored_record(child_kind, child_id))
            self._delete_one(kind, stored)
        self.flush_forgotten()
        return {child_kind: len(ids) for child_kind, ids in children.items() if ids}

    def live_children(self, kind: str, record_id: str) -> dict[str, list[str]]:
        """Ids of the live records that go when this one is deleted, by type."""
        return {
            child: [
                row[0]
                for row in self.conn.execute(
                    f"SELECT id FROM {child} WHERE {column} = ? AND deleted = 0 ORDER BY seq", (record_id,)
                )
            ]
            for child, column in r.CHILDREN.get(kind, ())
        }

    def _delete_one(self, kind: str, stored: Row) -> None:
        # The deletion drops the record's kept conflicting versions: it descends from them.
        kept = [
            v
            for version, rev in self.conn.execute(
                "SELECT loser_version, rev FROM conflict WHERE record_type = ? AND record_id = ?", (kind, stored["id"])
            ).fetchall()
            for v in (version, *revisions.load(rev))
        ]
        self._new_local_version(kind, stored, "delete", deleted=1, also_descends_from=kept)

    def flush_forgotten(self) -> None:
        """Move what a deletion cleared out of the write-ahead log now, so the old
        values do not wait there (encrypted) until the next checkpoint."""
        if self.conn.in_transaction:  # the caller's transaction flushes when it ends
            return
        # A background job reading at that moment would make a TRUNCATE checkpoint wait
        # up to the busy timeout (10 s) on the UI thread: a quarter second, then later.
        self.conn.execute("PRAGMA busy_timeout = 250")
        try:
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.OperationalError as error:  # a reader elsewhere: SQLite checkpoints later by itself
            log.info("checkpoint after a deletion left for later: %s", error)
        finally:
            self.conn.execute(f"PRAGMA busy_timeout = {db.BUSY_TIMEOUT_MS}")

    def restore(self, kind: str, record_id: str) -> None:
        """Undo a deletion (choosing an edit over a deletion in a conflict)."""
        with self.transaction():
            self._new_local_version(kind, self._stored_record(kind, record_id), "restore", deleted=0)

    def _stored_record(self, kind: str, record_id: str) -> Row:
        stored = self.stored_row(kind, record_id)
        if stored is None:
            raise NotFound(msg.NOT_FOUND.format(kind=r.record_type(kind).label, record_id=record_id))
        return stored

    def new_version(self, table: str, record_id: str, also_descends_from: list[str]) -> None:
        """A new version of a row, unchanged in content, that descends from other
        versions too (settling a sync conflict); travels like any edit."""
        with self.transaction():
            stored = self.stored_row(table, record_id)
            if stored is None:
                raise NotFound(msg.NOT_FOUND.format(kind=table, record_id=record_id))
            self._new_local_version(table, stored, "resolve", also_descends_from=also_descends_from)

    def _new_local_version(
        self, table: str, stored: Row, action: str, deleted: int | None = None, also_descends_from: Sequence[str] = ()
    ) -> None:
        stamp = self._tick()
        row = dict(stored)
        if deleted is not None:
            row["deleted"] = deleted
        row.update(hlc=stamp, device_id=self.device_id, rev=self._rev_after(stored, stamp, also_descends_from))
        self.write_rows(table, [RowWrite(row, stored, action)])

    def _rev_after(self, stored: Row | None, stamp: str, also: Sequence[str] = ()) -> str:
        old = revisions.load(stored["rev"]) if stored else []
        return revisions.dump(revisions.merge_revs(old, also, [revisions.version(stamp, self.device_id)]))

    def new_defaults(self, kind: str) -> dict[str, Any]:
        """What a new record of ``kind`` starts with (today, this install's cadre …)."""
        rtype = r.record_type(kind)
        try:
            return self._defaults(rtype, {})
        except ValidationFailed:
            return {f.name: f.default for f in rtype.fields if f.default is not None}

    def _defaults(self, rtype: r.RecordType, values: Mapping[str, Any]) -> dict[str, Any]:
        defaults: dict[str, Any] = {f.name: f.default for f in rtype.fields if f.default is not None}
        today = self.today().isoformat()
        for f in rtype.fields:
            if f.kind == r.DATE and f.required and f.not_future:
                defaults[f.name] = today
        own = self.own_cadre()
        if own:
            if rtype.name == "diary":
                defaults["author_id"] = own["id"]
            if rtype.name in ("visit", "help_pair"):
                defaults["cadre_ids"] = [own["id"]]
            if rtype.name == "research":
                defaults["lead_id"] = own["id"]
            if rtype.name in ("research", "project"):
                defaults["org"] = own["org"]
            if rtype.name == "project":
                defaults["year"] = self.today().year
            if rtype.name == "liaison_point" and not self.receives_bundles():  # a cadre's point is hers to visit;
                defaults["cadre_ids"] = [own["id"]]  # a hub operator sets points up for others
        if rtype.name == "diary" and not own and "author_id" not in values:
            # Without a profile there is no author to default to; say how to fix it.
            raise ValidationFailed({"author_id": str(msg.NO_OWN_CADRE)}, rtype.name)
        return defaults

    def _write_links(self, link: r.Link, parent_id: str, wanted: list[str], stamp: str, owner: str | None) -> None:
        """A link row belongs to whoever owns its parent record."""
        existing = {
            row[0]: row[1]
            for row in self.conn.execute(
                f"SELECT {link.ref_column}, id FROM {link.table} WHERE {link.parent_column} = ?", (parent_id,)
            )
        }
        writes = []
        for ref_id, lid in existing.items():
            stored = self.stored_row(link.table, lid)
            assert stored is not None
            deleted = 0 if ref_id in wanted else 1
            if stored["deleted"] != deleted:
                row = {**stored, "deleted": deleted, "hlc": stamp, "device_id": self.device_id}
                row["rev"] = self._rev_after(stored, stamp)
                writes.append(RowWrite(row, stored))
        for ref_id in wanted:
            if ref_id not in existing:
                row = {
                    "id": link_id(parent_id, ref_id),
                    "hlc": stamp,
                    "device_id": self.device_id,
                    "deleted": 0,
                    link.parent_column: parent_id,
                    link.ref_column: ref_id,
                    "rev": self._rev_after(None, stamp),
                    "owner_id": owner,
                }
                writes.append(RowWrite(row))
        self.write_rows(link.table, writes)

    def unlink_all(self, table: str, column: str, record_id: str) -> int:
        """Delete every live link row of ``table`` whose ``column`` is ``record_id``
        (a new version of each, so the removal travels); returns how many."""
        with self.transaction():
            stamp = self._tick()
            writes = []
            for (lid,) in self.conn.execute(
                f"SELECT id FROM {table} WHERE {column} = ? AND deleted = 0", (record_id,)
            ).fetchall():
                stored = self.stored_row(table, lid)
                assert stored is not None
                row = {**stored, "deleted": 1, "hlc": stamp, "device_id": self.device_id}
                row["rev"] = self._rev_after(stored, stamp)
                writes.append(RowWrite(row, stored))
            self.write_rows(table, writes)
            return len(writes)

    # -- the one write path for synced rows ----------------------------------

    def write_rows(self, table: str, writes: Sequence[RowWrite]) -> None:
        """Store versions of synced rows: the row, its place in the sync order, its
        search tokens and its audit entry, inside the caller's transaction.

        Saves, merges, the demo and conflict resolution all come through here.
        A new row needs ``old=None``; an update the row as stored before.
        """
        if not writes:
            return
        assert self.conn.in_transaction, "rows are written inside a transaction"
        rtype = r.RECORD_TYPES.get(table)
        writes = forgetting.before_writing(self, table, writes)  # a deletion forgets, whoever made it
        seqs = self._insert(table, [w for w in writes if w.old is None])
        for w in writes:
            if w.old is not None:
                seqs[w.row["id"]] = self._update(table, w.row)
        if rtype is not None and rtype.search_fields:
            self._reindex(rtype, writes, seqs)
        self._audit(table, writes)
        forgetting.after_writing(self, table, writes)
        for w in writes:
            self._log.row(table, w.row["id"], w.row)

    def required_columns(self, table: str) -> frozenset[str]:
        """``table``'s NOT NULL columns (a tombstone empties them to '' rather than NULL)."""
        found = self._required.get(table)
        if found is None:
            found = self._required[table] = frozenset(
                row[1] for row in self.conn.execute(f"PRAGMA table_info({table})") if row[3]
            )
        return found

    def _insert(self, table: str, writes: list[RowWrite]) -> dict[str, int]:
        if not writes:
            return {}
        if len(writes) == 1:  # the common case (a save, a merged row): SQLite numbers it
            row = writes[0].row
            cursor = self.conn.execute(
                f"INSERT INTO {table} (sync_seq, {', '.join(row)}) VALUES ({', '.join('?' * (len(row) + 1))})",
                (self._next_sync_seq(), *row.values()),
            )
            return {row["id"]: int(cursor.lastrowid or 0)}
        columns = list(writes[0].row)
        first = int(self.conn.execute(f"SELECT coalesce(max(seq), 0) FROM {table}").fetchone()[0]) + 1
        seqs = {w.row["id"]: first + n for n, w in enumerate(writes)}
        marks = ", ".join("?" * (len(columns) + 2))
        self.conn.executemany(
            f"INSERT INTO {table} (seq, sync_seq, {', '.join(columns)}) VALUES ({marks})",
            [(seqs[w.row["id"]], self._next_sync_seq(), *(w.row[c] for c in columns)) for w in writes],
        )
        return seqs

    def _update(self, table: str, row: Row) -> int:
        sets = ", ".join(f"{c} = ?" for c in row)
        self.conn.execute(
            f"UPDATE {table} SET {sets}, sync_seq = ? WHERE id = ?", [*row.values(), self._next_sync_seq(), row["id"]]
        )
        return int(self.conn.execute(f"SELECT seq FROM {table} WHERE id = ?", (row["id"],)).fetchone()[0])

    def _reindex(self, rtype: r.RecordType, writes: Sequence[RowWrite], seqs: Mapping[str, int]) -> None:
        fields = rtype.search_fields
        remove, add = [], []
        for w in writes:
            old, new = w.old, w.row
            same_text = old is not None and all(old.get(f) == new.get(f) for f in fields)
            if old is not None and not old["deleted"] and (new["deleted"] or not same_text):
                remove.append((seqs[new["id"]], old))
            if not new["deleted"] and (old is None or old["deleted"] or not same_text):
                add.append((seqs[new["id"]], new))
        for seq, row in remove:
            search.unindex(self.conn, rtype, seq, row)
        search.index_many(self.conn, rtype, add)

    def _audit(self, table: str, writes: Sequence[RowWrite]) -> None:
        own = self.own_cadre_id
        entries = [
            (
                new_id(),
                w.row["hlc"],
                w.row["device_id"],
                own if w.row["device_id"] == self.device_id else None,
                table,
                w.row["id"],
                w.action,
                json.dumps(privacy.audit_changes(r.RECORD_TYPES.get(table), w.changes), ensure_ascii=False),
                w.bundle_id,
            )
            for w in writes
            if w.action is not None
        ]
        self.conn.executemany(
            "INSERT INTO audit_log (id, hlc, device_id, cadre_id, record_type, record_id, action, changes, bundle_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            entries,
        )

    def note_event(self, record_type: str, record_id: str, action: str, details: Mapping[str, Any]) -> None:
        """An audit entry for something done to the collection as a whole (a demo fill)."""
        with self.transaction():
            self.conn.execute(
                "INSERT INTO audit_log (id, hlc, device_id, cadre_id, record_type, record_id, action, changes) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (new_id(), self._tick(), self.device_id, self.own_cadre_id, record_type, record_id, action,
                 json.dumps(details, ensure_ascii=False)),
            )  # fmt: skip

    def drop_conflicts(self, ids: Sequence[str]) -> None:
        """Remove settled conflicts outright: every replica drops them by itself
        once it holds a version that descends from the loser."""
        if not ids:
            return
        with self.transaction():
            for conflict_id in ids:
                self.conn.execute("DELETE FROM conflict WHERE id = ?", (conflict_id,))
                self._log.row("conflict", conflict_id)

    # -- health -------------------------------------------------------------

    def check(self) -> list[str]:
        """Problems found by SQLite's integrity and foreign-key checks (empty: clean)."""
        found = [str(row[0]) for row in self.conn.execute("PRAGMA integrity_check") if row[0] != "ok"]
        for row in self.conn.execute("PRAGMA foreign_key_check"):
            found.append(f"foreign key: table {row[0]} rowid {row[1]} → {row[2]}")
        return found


def encode_value(f: r.Field, value: Any) -> Any:
    """A record's field value as its column holds it."""
    if f.kind in (r.CHOICES, r.TAGS):
        return json.dumps(value or [], ensure_ascii=False)
    if f.kind == r.BOOL:
        return 1 if value else 0
    return value


def decode_value(f: r.Field, value: Any) -> Any:
    """A column's value as a record field (lists for JSON arrays, bools)."""
    if f.kind in (r.CHOICES, r.TAGS):
        return json.loads(value) if value else []
    if f.kind == r.BOOL:
        return bool(value)
    return value


def default_order(rtype: r.RecordType) -> str:
    for name in ("date", "start_date", "raised_date"):
        if rtype.has_field(name):
            return f"{name} DESC, seq DESC"
    return "seq"
