"""Sync bundle format 1: a signed ZIP of NDJSON tables, encrypted with age.

Reading a bundle (``open_bundle``) decrypts and checks everything — size
limits, paths, entry hashes, format and schema version, the Ed25519 signature
— without touching any database. See docs/bundle-format.md.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pyrage
from pyrage import passphrase as age_passphrase
from pyrage import x25519

from .. import messages as msg
from .. import store
from ..errors import FuqingError
from ..migrations import LATEST as SCHEMA_VERSION
from .keys import verify

FORMAT = "fuqing-bundle"
FORMAT_VERSION = 1
AGE_MAGIC = b"age-encryption.org/v1\n"
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
SYNCED_TABLES = list(store.SYNCED_TABLES)  # records, then their links, then conflicts: the order rows apply
LOCAL_COLUMNS = {"seq", "sync_seq"}  # never leave the machine


@dataclass(frozen=True)
class Limits:
    """Bounds on what reading a bundle may cost, checked before the signature is
    (a bundle is input from another person's machine). docs/bundle-format.md §4."""

    max_file_bytes: int = 1 << 30  # encrypted bundle on disk (checked before reading it)
    max_plain_bytes: int = 1 << 30  # decrypted ZIP, held in memory while the bundle is read
    max_entries: int = 64
    max_entry_bytes: int = 1 << 30  # one table, uncompressed (streamed, never held whole)
    max_total_bytes: int = 2 << 30  # all tables, uncompressed
    # Work to decompress, in proportion to the ZIP: 64 times it plus 16 MB. A 1 MB
    # diary of one repeated phrase compresses 1000:1 and must still arrive; a
    # bomb of zeros gets at most this much streaming, never a copy held.
    max_expansion: int = 64
    expansion_floor: int = 16 << 20
    max_manifest_bytes: int = 1 << 20  # parsed before its signature is checked
    max_row_bytes: int = 16 << 20  # one NDJSON line: a 1 MB diary escaped many times over fits
    max_scrypt_log_n: int = 20  # passphrase work factor (age uses 18): 2^20 × 1 KiB of scrypt memory at most


LIMITS = Limits()
AGE_CHUNK = 65536


class BundleError(FuqingError):
    """A bundle was refused; ``code`` names the check that failed."""

    def __init__(self, code: str, message: str):
        self.code = code
        super().__init__(message)


@dataclass
class Bundle:
    """A verified bundle: its manifest, and its tables read row by row on demand."""

    manifest: dict[str, Any]
    manifest_bytes: bytes
    signature: bytes
    archive: zipfile.ZipFile | None = None
    limits: Limits = field(default_factory=Limits)
    counts: dict[str, int] = field(default_factory=dict)  # table -> rows, in the order tables are applied

    @property
    def bundle_id(self) -> str:
        return str(self.manifest["bundle_id"])

    @property
    def sender(self) -> dict[str, Any]:
        return dict(self.manifest["sender"])

    @property
    def authors(self) -> dict[str, dict[str, Any]]:
        """Devices whose rows a hub passes on, as the hub registered them (device id -> facts)."""
        found = self.manifest.get("authors")
        return {str(k): dict(v) for k, v in found.items() if isinstance(v, dict)} if isinstance(found, dict) else {}

    def row_count(self) -> int:
        return sum(self.counts.values())

    def rows(self, table: str) -> Iterator[dict[str, Any]]:
        """The table's rows, one at a time (split on \\n only: U+2028 and its kin are text)."""
        if table not in self.counts or self.archive is None:
            return
        entry = self.manifest["tables"][table]["entry"]
        for line in _lines(self.archive, entry, self.limits):
            try:
                row = json.loads(line)
            except (ValueError, RecursionError) as error:
                raise _refuse("bad_manifest", msg.BUNDLE_BAD_MANIFEST, detail=f"{table}: {error}") from None
            if not isinstance(row, dict):
                raise _refuse("bad_manifest", msg.BUNDLE_BAD_MANIFEST, detail=f"{table}: not an object")
            yield row

    @property
    def tables(self) -> dict[str, list[dict[str, Any]]]:
        """Every table's rows at once (tests and tools; imports stream with ``rows``)."""
        return {table: list(self.rows(table)) for table in self.counts}


# -- writing ----------------------------------------------------------------


def ndjson(rows: list[dict[str, Any]]) -> bytes:
    return b"".join(
        json.dumps(row, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8") + b"\n"
        for row in rows
    )


def build_zip(manifest: dict[str, Any], tables: dict[str, list[dict[str, Any]]], sign: Any) -> bytes:
    """The plaintext ZIP: tables, then the manifest that hashes them, then its signature."""
    entries: dict[str, bytes] = {f"tables/{name}.ndjson": ndjson(rows) for name, rows in tables.items() if rows}
    manifest = {
        **manifest,
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "schema_version": SCHEMA_VERSION,
        "tables": {
            name: {"count": len(rows), "entry": f"tables/{name}.ndjson"} for name, rows in tables.items() if rows
        },
        "entries": {
            name: {"sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)} for name, data in entries.items()
        },
    }
    manifest_bytes = json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for name, data in [*entries.items(), (MANIFEST, manifest_bytes), (SIGNATURE, sign(manifest_bytes))]:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return buffer.getvalue()


def encrypt(plain: bytes, recipient: str | None, passphrase: str | None) -> bytes:
    if recipient:
        return bytes(pyrage.encrypt(plain, [x25519.Recipient.from_str(recipient)]))
    assert passphrase, "a bundle is encrypted to a key or a passphrase"
    return bytes(age_passphrase.encrypt(plain, passphrase))


# -- reading ------------------------------------------------------------------


def _refuse(code: str, text: Any, **kwargs: Any) -> BundleError:
    return BundleError(code, text.format(**kwargs))


def decrypt(data: bytes, identities: list[str], passphrase: str | None, limits: Limits = LIMITS) -> bytes:
    if not data:
        raise _refuse("empty", msg.BUNDLE_EMPTY)
    if len(data) > limits.max_file_bytes:
        raise _refuse("too_large", msg.BUNDLE_TOO_LARGE, size=len(data) >> 20, limit=limits.max_file_bytes >> 20)
    if not data.startswith(AGE_MAGIC):
        raise _refuse("not_age", msg.BUNDLE_NOT_AGE)
    header_end = data.find(b"\n---")
    if header_end < 0 or data.find(b"\n", header_end + 4) < 0:
        raise _refuse("truncated", msg.BUNDLE_TRUNCATED)
    header = data[: header_end + 1]
    uses_passphrase = b"\n-> scrypt " in header
    if uses_passphrase and not passphrase:
        raise _refuse("needs_passphrase", msg.BUNDLE_NEEDS_PASSPHRASE)
    if uses_passphrase:
        # The sender chooses scrypt's work factor: 2^40 would mean hours and terabytes here.
        work = re.search(rb"\n-> scrypt \S+ ([0-9]{1,3})\n", header)
        if work is None or int(work[1]) > limits.max_scrypt_log_n:
            raise _refuse("passphrase_work", msg.BUNDLE_PASSPHRASE_WORK)
    out = _Capped(limits.max_plain_bytes)
    try:
        if uses_passphrase:
            out.write(age_passphrase.decrypt(data, passphrase))
        else:
            keys = [x25519.Identity.from_str(i) for i in identities]
            pyrage.decrypt_io(io.BytesIO(data), out, keys)
    except _TooLarge:
        raise _refuse("bomb", msg.BUNDLE_BOMB, limit=limits.max_plain_bytes >> 20) from None
    except (pyrage.DecryptError, OSError) as error:
        # pyrage raises DecryptError, or OSError from its streaming reader.
        text = str(error)
        if "No matching keys" in text:
            raise _refuse("wrong_key", msg.BUNDLE_WRONG_KEY) from None
        if "Decryption failed" in text:
            raise _refuse("wrong_passphrase", msg.BUNDLE_WRONG_PASSPHRASE) from None
        if "fill whole buffer" in text:
            raise _refuse("truncated", msg.BUNDLE_TRUNCATED) from None
        # Chunks decrypt in order: a failure before the last complete chunk is
        # damage inside the file; one at its end is a cut-off (or damaged) tail.
        payload = len(data) - data.find(b"\n", header_end + 4) - 1 - 16
        whole_chunks = max(payload, 0) // (AGE_CHUNK + 16)
        if out.size < whole_chunks * AGE_CHUNK:
            raise _refuse("corrupt", msg.BUNDLE_CORRUPT) from None
        raise _refuse("truncated", msg.BUNDLE_TRUNCATED) from None
    return out.getvalue()


class _TooLarge(Exception):
    pass


class _Capped(io.RawIOBase):
    """A write target that refuses to grow past a limit (decompression bombs)."""

    def __init__(self, limit: int):
        self.limit = limit
        self.size = 0
        self._parts: list[bytes] = []

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        chunk = bytes(data)
        self.size += len(chunk)
        if self.size > self.limit:
            raise _TooLarge
        self._parts.append(chunk)
        return len(chunk)

    def getvalue(self) -> bytes:
        return b"".join(self._parts)


# What the zipfile module raises on damaged archives (found by tests/fuzz).
_ZIP_ERRORS = (
    zipfile.BadZipFile, zlib.error, ValueError, EOFError, OSError, NotImplementedError, RuntimeError,
    struct.error, KeyError, UnicodeDecodeError,
)  # fmt: skip


def open_bundle(plain: bytes, limits: Limits = LIMITS) -> Bundle:
    """Check the ZIP, manifest, hashes and signature of a decrypted bundle."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(plain))
        infos = archive.infolist()
    except _ZIP_ERRORS as error:
        raise _refuse("bad_zip", msg.BUNDLE_BAD_ZIP, detail=error) from None
    if len(infos) > limits.max_entries:
        raise _refuse("too_many_entries", msg.BUNDLE_TOO_MANY_ENTRIES, n=len(infos))
    total = 0
    budget = min(limits.max_total_bytes, limits.max_expansion * len(plain) + limits.expansion_floor)
    names = set()
    for info in infos:
        name = info.filename
        if name.startswith(("/", "\\")) or ".." in name.replace("\\", "/").split("/") or ":" in name:
            raise _refuse("bad_path", msg.BUNDLE_BAD_PATH, name=name)
        if name in names:
            raise _refuse("bad_path", msg.BUNDLE_BAD_PATH, name=name)
        names.add(name)
        # Declared sizes bound what streaming may return: zipfile stops at them.
        total += info.file_size
        if info.file_size > limits.max_entry_bytes or total > budget:
            raise _refuse("bomb", msg.BUNDLE_BOMB, limit=budget >> 20)
    if MANIFEST not in names or SIGNATURE not in names:
        raise _refuse("no_manifest", msg.BUNDLE_NO_MANIFEST)
    if archive.getinfo(MANIFEST).file_size > limits.max_manifest_bytes or archive.getinfo(SIGNATURE).file_size != 64:
        raise _refuse("bad_manifest", msg.BUNDLE_BAD_MANIFEST, detail="size")
    manifest_bytes = _read(archive, MANIFEST, limits)
    signature = _read(archive, SIGNATURE, limits)
    try:
        manifest = json.loads(manifest_bytes)
        if not isinstance(manifest, dict):
            raise ValueError("manifest is not an object")
    except (ValueError, UnicodeDecodeError, RecursionError) as error:
        raise _refuse("bad_manifest", msg.BUNDLE_BAD_MANIFEST, detail=error) from None
    if manifest.get("format") != FORMAT:
        raise _refuse("bad_manifest", msg.BUNDLE_BAD_MANIFEST, detail="format")
    if not isinstance(manifest.get("format_version"), int) or manifest["format_version"] > FORMAT_VERSION:
        raise _refuse(
            "newer_format", msg.BUNDLE_NEWER_FORMAT, found=manifest.get("format_version"), supported=FORMAT_VERSION
        )
    if not isinstance(manifest.get("schema_version"), int) or manifest["schema_version"] > SCHEMA_VERSION:
        raise _refuse(
            "newer_schema", msg.BUNDLE_NEWER_SCHEMA, found=manifest.get("schema_version"), supported=SCHEMA_VERSION
        )
    sender = manifest.get("sender")
    if not isinstance(sender, dict) or not isinstance(sender.get("public_key"), str):
        raise _refuse("bad_manifest", msg.BUNDLE_BAD_MANIFEST, detail="sender")
    if not verify(str(sender["public_key"]), signature, manifest_bytes):
        raise _refuse("bad_signature", msg.BUNDLE_BAD_SIGNATURE)
    _check_manifest(manifest)
    entries = manifest.get("entries") or {}
    expected_names = {MANIFEST, SIGNATURE, *entries}
    if names != expected_names:
        raise _refuse("hash_mismatch", msg.BUNDLE_HASH_MISMATCH, name=", ".join(sorted(names ^ expected_names)))
    bundle = Bundle(manifest, manifest_bytes, signature, archive, limits)
    tables = manifest.get("tables") or {}
    if not isinstance(tables, dict) or not isinstance(entries, dict):
        raise _refuse("bad_manifest", msg.BUNDLE_BAD_MANIFEST, detail="tables")
    for name in SYNCED_TABLES:  # the order rows are applied in
        table = tables.get(name)
        if table is None:
            continue
        if not isinstance(table, dict) or table.get("entry") not in entries or not isinstance(table.get("count"), int):
            raise _refuse("bad_manifest", msg.BUNDLE_BAD_MANIFEST, detail=f"table {name}")
        digest, lines = _scan(archive, table["entry"], limits)
        entry = entries[table["entry"]]
        if not isinstance(entry, dict) or digest != entry.get("sha256"):
            raise _refuse("hash_mismatch", msg.BUNDLE_HASH_MISMATCH, name=table["entry"])
        if lines != table["count"]:
            raise _refuse("bad_manifest", msg.BUNDLE_BAD_MANIFEST, detail=f"count {name}")
        bundle.counts[name] = lines
    if set(tables) - set(bundle.counts):
        raise _refuse(
            "bad_manifest", msg.BUNDLE_BAD_MANIFEST, detail=f"tables {sorted(set(tables) - set(bundle.counts))}"
        )
    return bundle


_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\Z")
KINDS = ("delta", "full", "rollup", "down")


def _check_manifest(manifest: dict[str, Any]) -> None:
    """A signed manifest is still another machine's words: every field of the right type and size."""

    def bad(detail: str) -> BundleError:
        return _refuse("bad_manifest", msg.BUNDLE_BAD_MANIFEST, detail=detail)

    def text(value: object, limit: int = 200, required: bool = False) -> bool:
        if value is None:
            return not required
        if not isinstance(value, str) or len(value) > limit:
            return False
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return False
        return True

    def uuid_like(value: object, required: bool = True) -> bool:
        return (value is None and not required) or (isinstance(value, str) and _UUID.match(value) is not None)

    sender = manifest["sender"]
    if not uuid_like(manifest.get("bundle_id")):
        raise bad("bundle_id")
    if manifest.get("kind", "delta") not in KINDS or not text(manifest.get("created_at"), 40):
        raise bad("kind")
    if not uuid_like(sender.get("device_id")) or not uuid_like(sender.get("cadre_id"), required=False):
        raise bad("sender")
    if not all(text(sender.get(k)) for k in ("cadre_name", "federation", "app_version")):
        raise bad("sender")
    entries, tables = manifest.get("entries") or {}, manifest.get("tables") or {}
    if not isinstance(entries, dict) or not isinstance(tables, dict):
        raise bad("tables")
    for name, entry in entries.items():
        if not text(name, 100) or not isinstance(entry, dict) or not text(entry.get("sha256"), 64, required=True):
            raise bad("entries")
    for table in tables.values():
        if not isinstance(table, dict) or not text(table.get("entry"), 100, required=True):
            raise bad("tables")
    authors = manifest.get("authors") or {}
    if not isinstance(authors, dict):
        raise bad("authors")
    for device_id, facts in authors.items():
        if not uuid_like(device_id) or not isinstance(facts, dict) or not uuid_like(facts.get("cadre_id"), False):
            raise bad("authors")
        if not all(text(facts.get(k)) for k in ("public_key", "cadre_name", "federation", "role")):
            raise bad("authors")


def _read(archive: zipfile.ZipFile, name: str, limits: Limits) -> bytes:
    """Read an entry, stopping if it expands past what its header declared."""
    info = archive.getinfo(name)
    try:
        with archive.open(info) as stream:
            data = stream.read(min(info.file_size, limits.max_entry_bytes) + 1)
    except _ZIP_ERRORS as error:
        raise _refuse("bad_zip", msg.BUNDLE_BAD_ZIP, detail=error) from None
    if len(data) > info.file_size:
        raise _refuse("bomb", msg.BUNDLE_BOMB, limit=limits.max_entry_bytes >> 20)
    return data


def _scan(archive: zipfile.ZipFile, name: str, limits: Limits) -> tuple[str, int]:
    """(sha256, lines) of an entry, streamed; refuses a line longer than ``max_row_bytes``."""
    digest, lines, run = hashlib.sha256(), 0, 0
    try:
        with archive.open(name) as stream:
            while chunk := stream.read(1 << 20):
                digest.update(chunk)
                newlines = chunk.count(b"\n")
                lines += newlines
                run = len(chunk) - chunk.rfind(b"\n") - 1 if newlines else run + len(chunk)
                if run > limits.max_row_bytes:
                    raise _refuse("row_too_large", msg.BUNDLE_ROW_TOO_LARGE, limit=limits.max_row_bytes >> 20)
    except _ZIP_ERRORS as error:
        raise _refuse("bad_zip", msg.BUNDLE_BAD_ZIP, detail=error) from None
    return digest.hexdigest(), lines


def _lines(archive: zipfile.ZipFile, name: str, limits: Limits) -> Iterator[bytes]:
    """The NDJSON lines of an entry, streamed; each at most ``max_row_bytes``."""
    try:
        with archive.open(name) as stream:
            pending = b""
            while True:
                chunk = stream.read(1 << 20)
                if not chunk:
                    break
                pending += chunk
                *whole, pending = pending.split(b"\n")
                for line in whole:
                    if not line:  # the writer never leaves a blank line: the counts would not match
                        raise _refuse("bad_manifest", msg.BUNDLE_BAD_MANIFEST, detail=f"{name}: blank line")
                    yield line
                if len(pending) > limits.max_row_bytes:
                    raise _refuse("row_too_large", msg.BUNDLE_ROW_TOO_LARGE, limit=limits.max_row_bytes >> 20)
            if pending:  # every row ends with \n: a last line without one was not counted
                raise _refuse("bad_manifest", msg.BUNDLE_BAD_MANIFEST, detail=f"{name}: last line")
    except _ZIP_ERRORS as error:
        raise _refuse("bad_zip", msg.BUNDLE_BAD_ZIP, detail=error) from None
