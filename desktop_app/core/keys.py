"""This install's keys and the destinations its bundles go to.

Every install has an Ed25519 signing key (bundles it sends are signed) and an
age X25519 identity (bundles can be encrypted to it: a county hub gives its
recipient key to its cadres; a hub's bundles back down go to a cadre's key).
The private parts live in the local database's ``meta`` table, which never
leaves the machine unencrypted.
"""

from __future__ import annotations

import base64
import hashlib
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from . import db
from . import messages as msg
from .errors import UsageError

HUB_KEY_HEADER = "# 访妇情 (Fuqing) hub key"


@dataclass
class Destination:
    id: str
    kind: str  # "age" or "passphrase"
    name: str
    recipient: str | None
    last_sent_seq: int
    last_sent_at: str | None
    last_bundle_id: str | None


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def ensure_keys(conn: sqlite3.Connection) -> None:
    """Make the signing key and age identity if this install has none yet."""
    if db.get_meta(conn, "signing_key") and db.get_meta(conn, "age_identity"):
        return
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, PublicFormat
    from pyrage import x25519

    private = Ed25519PrivateKey.generate()
    seed = private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    public = private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    identity = x25519.Identity.generate()
    own_transaction = not conn.in_transaction
    if own_transaction:
        conn.execute("BEGIN IMMEDIATE")
    try:
        if not db.get_meta(conn, "signing_key"):
            db.set_meta(conn, "signing_key", _b64(seed))
            conn.execute(
                "UPDATE device SET public_key = ? WHERE id = ?", (_b64(public), db.get_meta(conn, "device_id"))
            )
        if not db.get_meta(conn, "age_identity"):
            db.set_meta(conn, "age_identity", str(identity))
        if own_transaction:
            conn.execute("COMMIT")
    except BaseException:
        if own_transaction:
            if conn.in_transaction:  # SQLite may already have rolled back (disk full)
                conn.execute("ROLLBACK")
        raise


def public_key(conn: sqlite3.Connection) -> str:
    ensure_keys(conn)
    row = conn.execute("SELECT public_key FROM device WHERE id = ?", (db.get_meta(conn, "device_id"),)).fetchone()
    return str(row[0])


def sign(conn: sqlite3.Connection, data: bytes) -> bytes:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    ensure_keys(conn)
    seed = base64.b64decode(str(db.get_meta(conn, "signing_key")))
    return Ed25519PrivateKey.from_private_bytes(seed).sign(data)


def verify(public_key_b64: str, signature: bytes, data: bytes) -> bool:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        Ed25519PublicKey.from_public_bytes(base64.b64decode(public_key_b64)).verify(signature, data)
    except (InvalidSignature, ValueError):
        return False
    return True


def age_identity(conn: sqlite3.Connection) -> str:
    ensure_keys(conn)
    return str(db.get_meta(conn, "age_identity"))


def age_recipient(conn: sqlite3.Connection) -> str:
    from pyrage import x25519

    return str(x25519.Identity.from_str(age_identity(conn)).to_public())


def export_hub_key(conn: sqlite3.Connection, path: Path, federation: str) -> str:
    """Write this install's age recipient as a file cadres import once."""
    recipient = age_recipient(conn)
    device = db.get_meta(conn, "device_id")
    text = f"{HUB_KEY_HEADER}: {federation} (device {device})\n{recipient}\n"
    _write_text_atomically(path, text)
    return recipient


def export_identity(conn: sqlite3.Connection, path: Path) -> None:
    """The secret age identity, for ``age -d -i`` or moving a hub to a new machine."""
    _write_text_atomically(path, f"# 访妇情 (Fuqing) secret key: keep it safe\n{age_identity(conn)}\n", private=True)


def import_identity(conn: sqlite3.Connection, path: Path) -> str:
    """Take over an age identity exported from another install (a hub's new machine)."""
    from pyrage import x25519

    try:
        lines = path.read_text(encoding="utf-8").splitlines()
        secret = next(line.strip() for line in lines if line.strip().startswith("AGE-SECRET-KEY-"))
        x25519.Identity.from_str(secret)
    except (OSError, UnicodeDecodeError, StopIteration, Exception) as error:
        raise UsageError(msg.BAD_HUB_KEY.format(path=path, detail=error)) from None
    db.set_meta(conn, "age_identity", secret)
    return secret


def read_hub_key(path: Path) -> tuple[str, str]:
    """(recipient, name) from a hub key file; a clear error for anything else."""
    from pyrage import x25519

    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(msg.BAD_HUB_KEY.format(path=path, detail=error)) from None
    name = ""
    for line in lines:
        line = line.strip()
        if line.startswith(HUB_KEY_HEADER):
            name = line[len(HUB_KEY_HEADER) :].lstrip(": ").split(" (device")[0]
        elif line.startswith("age1"):
            try:
                x25519.Recipient.from_str(line)
            except Exception as error:  # pyrage raises its own RecipientError types
                raise UsageError(msg.BAD_HUB_KEY.format(path=path, detail=error)) from None
            return line, name or line[:16]
    raise UsageError(msg.BAD_HUB_KEY.format(path=path, detail="no age1… recipient line"))


def add_destination(conn: sqlite3.Connection, kind: str, name: str, recipient: str | None) -> Destination:
    destination_id = "age:" + hashlib.sha256(recipient.encode()).hexdigest()[:16] if recipient else "passphrase:" + name
    conn.execute(
        "INSERT INTO destination (id, kind, name, recipient) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(id) DO UPDATE SET name = excluded.name",
        (destination_id, kind, name, recipient),
    )
    return destination(conn, destination_id)


def destination(conn: sqlite3.Connection, destination_id: str) -> Destination:
    row = conn.execute(
        "SELECT id, kind, name, recipient, last_sent_seq, last_sent_at, last_bundle_id FROM destination WHERE id = ?",
        (destination_id,),
    ).fetchone()
    if row is None:
        raise UsageError(msg.UNKNOWN_DESTINATION.format(name=destination_id))
    return Destination(*row)


def destinations(conn: sqlite3.Connection) -> list[Destination]:
    rows = conn.execute(
        "SELECT id, kind, name, recipient, last_sent_seq, last_sent_at, last_bundle_id FROM destination ORDER BY name"
    ).fetchall()
    return [Destination(*row) for row in rows]


def _write_text_atomically(path: Path, text: str, private: bool = False) -> None:
    import os

    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600 if private else 0o644)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)
