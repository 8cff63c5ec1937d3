"""This install's keys and the destinations its bundles go to.

Every install has an Ed25519 signing key (bundles it sends are signed) and an
age X25519 identity (bundles can be encrypted to it: a county hub gives its
recipient key to its cadres; a hub's bundles back down go to a cadre's key).
The private parts live in the local database's ``meta`` table, which never
leaves the machine unencrypted.

pyrage and cryptography are imported where keys are used: together they add
about 60 ms to start-up, which the window does not need before a sync.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .. import db
from .. import messages as msg
from ..changes import DESTINATIONS
from ..errors import UsageError
from ..files import write_atomically
from ..i18n import pick
from ..ids import new_id

if TYPE_CHECKING:
    from ..store import Store

HUB_KEY_HEADER = "# 访妇情 (Fuqing) hub key"
PASSPHRASE = "passphrase"  # the one destination id for bundles sealed with a passphrase


@dataclass
class Destination:
    id: str
    kind: str  # "age" or "passphrase"
    name: str
    recipient: str | None
    last_sent_seq: int
    last_sent_at: str | None
    last_bundle_id: str | None

    @property
    def label(self) -> str:
        """What a person calls it: the hub's name, or "passphrase" in the current language."""
        return pick("口令", "passphrase") if self.kind == PASSPHRASE else self.name


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def ensure_identity(store: Store) -> str:
    """This install's device id, made with its keys the first time the database opens."""
    device_id = store.meta("device_id")
    if device_id and store.meta("signing_key") and store.meta("age_identity"):
        return device_id
    with store.transaction():
        device_id = store.meta("device_id")
        if not device_id:
            device_id = new_id()
            db.set_meta(store.conn, "device_id", device_id)
            store.conn.execute(
                "INSERT INTO device(id, name, first_seen) VALUES (?, ?, ?)", (device_id, "本机", db.now_iso())
            )
        _ensure_keys(store, device_id)
    return device_id


def _ensure_keys(store: Store, device_id: str) -> None:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, PublicFormat
    from pyrage import x25519

    if not store.meta("signing_key"):
        private = Ed25519PrivateKey.generate()
        seed = private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
        public = private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        db.set_meta(store.conn, "signing_key", _b64(seed))
        store.conn.execute("UPDATE device SET public_key = ? WHERE id = ?", (_b64(public), device_id))
    if not store.meta("age_identity"):
        db.set_meta(store.conn, "age_identity", str(x25519.Identity.generate()))


def public_key(store: Store) -> str:
    row = store.conn.execute("SELECT public_key FROM device WHERE id = ?", (store.device_id,)).fetchone()
    return str(row[0])


def sign(store: Store, data: bytes) -> bytes:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    seed = base64.b64decode(str(store.meta("signing_key")))
    return Ed25519PrivateKey.from_private_bytes(seed).sign(data)


def verify(public_key_b64: str, signature: bytes, data: bytes) -> bool:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        Ed25519PublicKey.from_public_bytes(base64.b64decode(public_key_b64)).verify(signature, data)
    except (InvalidSignature, ValueError):
        return False
    return True


def age_identity(store: Store) -> str:
    return str(store.meta("age_identity"))


def age_recipient(store: Store) -> str:
    from pyrage import x25519

    return str(x25519.Identity.from_str(age_identity(store)).to_public())


def export_hub_key(store: Store, path: Path) -> str:
    """Write this install's age recipient as a file cadres import once."""
    recipient = age_recipient(store)
    own = store.own_cadre()
    federation = own["org"] if own else ""
    write_atomically(path, f"{HUB_KEY_HEADER}: {federation} (device {store.device_id})\n{recipient}\n")
    return recipient


def export_identity(store: Store, path: Path) -> None:
    """The secret age identity, for ``age -d -i`` or moving a hub to a new machine."""
    text = f"# 访妇情 (Fuqing) secret key: keep it safe\n{age_identity(store)}\n"
    write_atomically(path, text, private=True)


def import_identity(store: Store, path: Path) -> str:
    """Take over an age identity exported from another install (a hub's new machine)."""
    from pyrage import x25519

    try:
        lines = path.read_text(encoding="utf-8").splitlines()
        secret = next(line.strip() for line in lines if line.strip().startswith("AGE-SECRET-KEY-"))
        x25519.Identity.from_str(secret)
    except (OSError, UnicodeDecodeError, StopIteration, Exception) as error:
        raise UsageError(msg.BAD_HUB_KEY.format(path=path, detail=error)) from None
    store.set_meta("age_identity", secret, kind=DESTINATIONS)
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


def add_hub(store: Store, recipient: str, name: str) -> Destination:
    """A hub to send bundles to, by its age recipient; adding it again renames it."""
    destination_id = "age:" + hashlib.sha256(recipient.encode()).hexdigest()[:16]
    return _add_destination(store, destination_id, "age", name, recipient)


def passphrase_destination(store: Store) -> Destination:
    """The destination of bundles sealed with a passphrase (one, whatever the UI language)."""
    return _add_destination(store, PASSPHRASE, PASSPHRASE, PASSPHRASE, None)


def _add_destination(store: Store, destination_id: str, kind: str, name: str, recipient: str | None) -> Destination:
    with store.transaction():
        store.conn.execute(
            "INSERT INTO destination (id, kind, name, recipient) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET name = excluded.name",
            (destination_id, kind, name, recipient),
        )
        store.note_change(DESTINATIONS, [destination_id])
    return destination(store, destination_id)


def destination(store: Store, destination_id: str) -> Destination:
    row = store.conn.execute(
        "SELECT id, kind, name, recipient, last_sent_seq, last_sent_at, last_bundle_id FROM destination WHERE id = ?",
        (destination_id,),
    ).fetchone()
    if row is None:
        raise UsageError(msg.UNKNOWN_DESTINATION.format(name=destination_id))
    return Destination(*row)


def destinations(store: Store) -> list[Destination]:
    rows = store.conn.execute(
        "SELECT id, kind, name, recipient, last_sent_seq, last_sent_at, last_bundle_id FROM destination ORDER BY name"
    ).fetchall()
    return [Destination(*row) for row in rows]


def hubs(store: Store) -> list[Destination]:
    return [d for d in destinations(store) if d.kind == "age"]
