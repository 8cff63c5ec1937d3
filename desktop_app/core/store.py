"""The collection: every read and write of campaign records goes through here.

One ``Store`` per thread (SQLite connections are not shared). A write is one
``BEGIN IMMEDIATE … COMMIT`` holding the row, its links, its search tokens, its
audit entry and the clock, so a save that returned is complete and durable.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from . import db, search, versions
from . import messages as msg
from . import records as r
from .clock import ZERO, HybridClock, Stamp
from .errors import NotFound, ValidationFailed
from .ids import link_id, new_id
from .validation import clean_record

Record = dict[str, Any]


@dataclass
class AuditEntry:
    hlc: str
    device_id: str
    cadre_id: str | None
    action: str
    changes: dict[str, list[Any]]


class Store:
    def __init__(
        self,
        path: str | Path,
        today: Callable[[], date] = date.today,
        wall_ms: Callable[[], int] | None = None,
    ):
        self.path = Path(path)
        self._closed = False
        self.conn = db.connect(self.path)
        self.conn.row_factory = sqlite3.Row
        self._today = today
        self._wall_ms = wall_ms
        self.device_id = str(db.get_meta(self.conn, "device_id"))
        self._clock: HybridClock | None = None
        self._sync_seq = self._sync_start = 0

    @property
    def is_open(self) -> bool:
        return not self._closed

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        # Keeps the planner's statistics current as the data grows (cheap:
        # SQLite re-analyses only tables whose statistics are stale).
        try:
            self.conn.execute("PRAGMA optimize")
        finally:
            self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- identity ---------------------------------------------------------

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def today(self) -> date:
        return self._today()

    @property
    def own_cadre_id(self) -> str | None:
        return db.get_meta(self.conn, "own_cadre_id")

    def save_profile(self, values: Mapping[str, Any]) -> Record:
        """Create or update this install's own cadre record."""
        with self.transaction():
            record = self.save("cadre", values, self.own_cadre_id)
            db.set_meta(self.conn, "own_cadre_id", record["id"])
            self.conn.execute("UPDATE device SET cadre_id = ? WHERE id = ?", (record["id"], self.device_id))
        return record

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
            if self.conn.in_transaction:  # SQLite may already have rolled back (disk full)
                self.conn.execute("ROLLBACK")
            raise
        finally:
            self._clock = None

    def _tick(self) -> str:
        assert self._clock is not None, "stamps are issued inside a transaction"
        return self._clock.tick().pack()

    def next_sync_seq(self) -> int:
        """The local order of a row change or arrival (what delta exports follow)."""
        assert self._clock is not None, "sync order is issued inside a transaction"
        self._sync_seq += 1
        return self._sync_seq

    def observe_stamp(self, stamp: str) -> None:
        """Keep our clock ahead of every stamp seen in imported rows."""
        assert self._clock is not None
        self._clock.observe(Stamp.unpack(stamp))

    def _rev_after_edit(self, table: str, record_id: str, stamp: str) -> str:
        row = self.conn.execute(f"SELECT rev FROM {table} WHERE id = ?", (record_id,)).fetchone()
        old = versions.load(row[0]) if row else []
        return versions.dump(versions.merge_revs(old, [versions.version(stamp, self.device_id)]))

    # -- reads --------------------------------------------------------------

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
            value = row[f.name]
            if f.kind in (r.CHOICES, r.TAGS):
                value = json.loads(value) if value else []
            elif f.kind == r.BOOL:
                value = bool(value)
            record[f.name] = value
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

    def _ref_exists(self, kind: str, record_id: str) -> bool:
        return self.exists(kind, record_id)

    # -- writes -------------------------------------------------------------

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
        clean = clean_record(rtype, merged, self.today(), self._ref_exists)
        if rtype.name == "help_pair" and "mode" not in values and len(clean["cadre_ids"]) > 1:  # type: ignore[arg-type]
            clean["mode"] = "many_to_one"
        return old, clean

    def save(self, kind: str, values: Mapping[str, Any], record_id: str | None = None) -> Record:
        """Validate and store a new record or changes to one; returns it as stored."""
        rtype = r.record_type(kind)
        with self.transaction():
            old, clean = self._clean(rtype, values, record_id)
            changes = {
                name: [old.get(name) if old else None, value]
                for name, value in clean.items()
                if (old.get(name) if old else None) != value and not (old is None and value in (None, [], False))
            }
            if old is not None and not changes:
                return old
            stamp = self._tick()
            rid = record_id or new_id()
            row = {f.name: _encode(f, clean[f.name]) for f in rtype.column_fields}
            row.update(
                id=rid,
                hlc=stamp,
                device_id=self.device_id,
                rev=self._rev_after_edit(kind, rid, stamp),
                sync_seq=self.next_sync_seq(),
            )
            if old is None:
                cols = ", ".join(row)
                cursor = self.conn.execute(
                    f"INSERT INTO {kind} ({cols}) VALUES ({', '.join('?' * len(row))})", list(row.values())
                )
                seq = int(cursor.lastrowid or 0)
            else:
                sets = ", ".join(f"{c} = ?" for c in row)
                self.conn.execute(f"UPDATE {kind} SET {sets} WHERE id = ?", [*row.values(), rid])
                seq = self.conn.execute(f"SELECT seq FROM {kind} WHERE id = ?", (rid,)).fetchone()[0]
            for name, link in rtype.links.items():
                if name in changes:
                    self._write_links(link, rid, clean[name], stamp)  # type: ignore[arg-type]
            if rtype.search_fields and (old is None or any(n in changes for n in rtype.search_fields)):
                if old is not None:
                    search.unindex(self.conn, rtype, seq, old)
                search.index(self.conn, rtype, seq, clean)
            self._audit(kind, rid, stamp, "create" if old is None else "update", changes)
            return self.get(kind, rid)

    def delete(self, kind: str, record_id: str) -> None:
        """Leave a tombstone: the row stays so the deletion can travel in a bundle."""
        rtype = r.record_type(kind)
        with self.transaction():
            row = self.conn.execute(f"SELECT seq, deleted FROM {kind} WHERE id = ?", (record_id,)).fetchone()
            if row is None:
                raise NotFound(msg.NOT_FOUND.format(kind=rtype.label, record_id=record_id))
            if row["deleted"]:
                raise NotFound(msg.ALREADY_DELETED.format(kind=rtype.label, record_id=record_id))
            old = self.get(kind, record_id)
            stamp = self._tick()
            self.conn.execute(
                f"UPDATE {kind} SET deleted = 1, hlc = ?, device_id = ?, rev = ?, sync_seq = ? WHERE id = ?",
                (stamp, self.device_id, self._rev_after_edit(kind, record_id, stamp), self.next_sync_seq(), record_id),
            )
            if rtype.search_fields:
                search.unindex(self.conn, rtype, row["seq"], old)
            self._audit(kind, record_id, stamp, "delete", {})

    def new_defaults(self, kind: str) -> dict[str, Any]:
        """What a new record of ``kind`` starts with (today, this install's cadre …)."""
        rtype = r.record_type(kind)
        try:
            return self._defaults(rtype, {})
        except ValidationFailed:
            return {f.name: f.default for f in rtype.fields if f.default is not None}

    def new_version(self, table: str, record_id: str, also_descends_from: list[str]) -> None:
        """A new version of a row, unchanged in content, that descends from other
        versions too (settling a sync conflict); travels like any edit."""
        with self.transaction():
            stamp = self._tick()
            row = self.conn.execute(f"SELECT rev FROM {table} WHERE id = ?", (record_id,)).fetchone()
            rev = versions.merge_revs(
                versions.load(row[0]), also_descends_from, [versions.version(stamp, self.device_id)]
            )
            self.conn.execute(
                f"UPDATE {table} SET hlc = ?, device_id = ?, rev = ?, sync_seq = ? WHERE id = ?",
                (stamp, self.device_id, versions.dump(rev), self.next_sync_seq(), record_id),
            )
            self._audit(table, record_id, stamp, "resolve", {})

    def restore(self, kind: str, record_id: str) -> None:
        """Undo a deletion (choosing an edit over a deletion in a conflict)."""
        rtype = r.record_type(kind)
        with self.transaction():
            stamp = self._tick()
            self.conn.execute(
                f"UPDATE {kind} SET deleted = 0, hlc = ?, device_id = ?, rev = ?, sync_seq = ? WHERE id = ?",
                (stamp, self.device_id, self._rev_after_edit(kind, record_id, stamp), self.next_sync_seq(), record_id),
            )
            record = self.get(kind, record_id)
            if rtype.search_fields:
                seq = self.seq_for_id(kind, record_id)
                assert seq is not None
                search.index(self.conn, rtype, seq, record)
            self._audit(kind, record_id, stamp, "restore", {})

    def _defaults(self, rtype: r.RecordType, values: Mapping[str, Any]) -> dict[str, Any]:
        defaults: dict[str, Any] = {f.name: f.default for f in rtype.fields if f.default is not None}
        today = self.today().isoformat()
        for f in rtype.fields:
            if f.kind == r.DATE and f.required and f.not_future:
                defaults[f.name] = today
        own = self.own_cadre_id
        if own and self.exists("cadre", own):
            if rtype.name == "diary":
                defaults["author_id"] = own
            if rtype.name in ("visit", "help_pair"):
                defaults["cadre_ids"] = [own]
        if rtype.name == "diary" and not own and "author_id" not in values:
            # Without a profile there is no author to default to; say how to fix it.
            raise ValidationFailed({"author_id": str(msg.NO_OWN_CADRE)})
        return defaults

    def _write_links(self, link: r.Link, parent_id: str, wanted: list[str], stamp: str) -> None:
        existing = {
            row[0]: bool(row[1])
            for row in self.conn.execute(
                f"SELECT {link.ref_column}, deleted FROM {link.table} WHERE {link.parent_column} = ?", (parent_id,)
            )
        }

        def set_deleted(ref_id: str, deleted: int) -> None:
            lid = link_id(parent_id, ref_id)
            self.conn.execute(
                f"UPDATE {link.table} SET deleted = ?, hlc = ?, device_id = ?, rev = ?, sync_seq = ? WHERE id = ?",
                (
                    deleted,
                    stamp,
                    self.device_id,
                    self._rev_after_edit(link.table, lid, stamp),
                    self.next_sync_seq(),
                    lid,
                ),
            )

        for ref_id, deleted in existing.items():
            if ref_id not in wanted and not deleted:
                set_deleted(ref_id, 1)
        for ref_id in wanted:
            if ref_id not in existing:
                self.conn.execute(
                    f"INSERT INTO {link.table} (id, hlc, device_id, {link.parent_column}, {link.ref_column}, rev, "
                    "sync_seq) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (
                        link_id(parent_id, ref_id),
                        stamp,
                        self.device_id,
                        parent_id,
                        ref_id,
                        versions.dump([versions.version(stamp, self.device_id)]),
                        self.next_sync_seq(),
                    ),
                )
            elif existing[ref_id]:
                set_deleted(ref_id, 0)

    def _audit(self, kind: str, record_id: str, stamp: str, action: str, changes: Mapping[str, Any]) -> None:
        self.conn.execute(
            "INSERT INTO audit_log (id, hlc, device_id, cadre_id, record_type, record_id, action, changes) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                new_id(),
                stamp,
                self.device_id,
                self.own_cadre_id,
                kind,
                record_id,
                action,
                json.dumps(changes, ensure_ascii=False),
            ),
        )

    # -- health -------------------------------------------------------------

    def check(self) -> list[str]:
        """Problems found by SQLite's integrity and foreign-key checks (empty: clean)."""
        found = [str(row[0]) for row in self.conn.execute("PRAGMA integrity_check") if row[0] != "ok"]
        for row in self.conn.execute("PRAGMA foreign_key_check"):
            found.append(f"foreign key: table {row[0]} rowid {row[1]} → {row[2]}")
        return found


def _encode(f: r.Field, value: Any) -> Any:
    if f.kind in (r.CHOICES, r.TAGS):
        return json.dumps(value or [], ensure_ascii=False)
    if f.kind == r.BOOL:
        return 1 if value else 0
    return value


def default_order(rtype: r.RecordType) -> str:
    for name in ("date", "start_date", "raised_date"):
        if rtype.has_field(name):
            return f"{name} DESC, seq DESC"
    return "seq"
