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
import json
import re
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .. import db
from .. import messages as msg
from ..changes import DESTINATIONS
from ..errors import UsageError
from ..files import write_atomically
from ..i18n import pick

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


def derive_device_id(public_key: str) -> str:
    """The id of a device with this Ed25519 key (base64): a UUID, version 8, from its hash."""
    digest = hashlib.sha256(b"fuqing-device\0" + base64.b64decode(public_key)).digest()
    value = int.from_bytes(digest[:16], "big")
    value = (value & ~(0xF << 76)) | (0x8 << 76)  # version 8: custom
    value = (value & ~(0x3 << 62)) | (0x2 << 62)  # RFC 4122 variant
    return str(uuid.UUID(int=value))


def is_derived(device_id: str) -> bool:
    try:
        return uuid.UUID(device_id).version == 8
    except ValueError:
        return False


def fingerprint(public_key: str) -> str:
    """Four groups of four hex digits of the key's hash: read aloud on the phone to check a device."""
    digest = hashlib.sha256(base64.b64decode(public_key)).hexdigest()[:16]
    return " ".join(digest[i : i + 4] for i in range(0, 16, 4))


def ensure_identity(store: Store) -> str:
    """This install's device id, made with its keys the first time the database opens."""
    device_id = store.meta("device_id")
    if device_id and store.meta("signing_key") and store.meta("age_identity"):
        return device_id
    with store.transaction():
        public = _ensure_keys(store)
        device_id = store.meta("device_id")
        if not device_id:
            # Derived from the key: no other key can ever claim this id (installs
            # made before schema 5 keep their random id, bound at approval).
            device_id = derive_device_id(public)
            db.set_meta(store.conn, "device_id", device_id)
            store.conn.execute(
                "INSERT INTO device(id, name, first_seen, public_key) VALUES (?, ?, ?, ?)",
                (device_id, "本机", db.now_iso(), public),
            )
        store.conn.execute("UPDATE device SET public_key = ? WHERE id = ? AND public_key IS NULL", (public, device_id))
    return device_id


def _ensure_keys(store: Store) -> str:
    """Make whichever key is missing; returns the signing key's public half (base64)."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, PublicFormat
    from pyrage import x25519

    seed_b64 = store.meta("signing_key")
    if seed_b64:
        private = Ed25519PrivateKey.from_private_bytes(base64.b64decode(seed_b64))
    else:
        private = Ed25519PrivateKey.generate()
        seed = private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
        db.set_meta(store.conn, "signing_key", _b64(seed))
    if not store.meta("age_identity"):
        db.set_meta(store.conn, "age_identity", str(x25519.Identity.generate()))
    return _b64(private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw))


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


SIGNER_PREFIX = "# signing key: "


def export_hub_key(store: Store, path: Path) -> str:
    """Write this install's age recipient as a file cadres import once; it also
    carries the hub's signing key, so a cadre's app trusts the hub's bundles."""
    recipient = age_recipient(store)
    own = store.own_cadre()
    federation = own["org"] if own else ""
    text = (
        f"{HUB_KEY_HEADER}: {federation} (device {store.device_id})\n{SIGNER_PREFIX}{public_key(store)}\n{recipient}\n"
    )
    write_atomically(path, text)
    return recipient


def read_hub_signer(path: Path) -> dict[str, str] | None:
    """The hub's device id, signing key and federation from its key file (None in older files)."""
    try:
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    except (OSError, UnicodeDecodeError):
        return None
    header = next((line for line in lines if line.startswith(HUB_KEY_HEADER)), "")
    signer = next((line[len(SIGNER_PREFIX) :] for line in lines if line.startswith(SIGNER_PREFIX)), "")
    found = re.search(r"\(device ([0-9a-f-]{36})\)", header)
    if not signer or found is None:
        return None
    federation = header[len(HUB_KEY_HEADER) :].lstrip(": ").split(" (device")[0]
    return {"device_id": found[1], "public_key": signer, "federation": federation, "cadre_name": federation}


def export_enrolment(store: Store, path: Path) -> dict[str, str | None]:
    """A small public file a cadre gives her hub so it trusts this laptop before its first bundle."""
    own = store.own_cadre() or {}
    facts = {
        "format": "fuqing-enrolment",
        "device_id": store.device_id,
        "public_key": public_key(store),
        "cadre_id": own.get("id"),
        "cadre_name": own.get("name"),
        "federation": own.get("org"),
    }
    write_atomically(path, json.dumps(facts, ensure_ascii=False, indent=1) + "\n")
    return facts


def export_identity(store: Store, path: Path) -> None:
    """The secret age identity, for ``age -d -i`` or moving a hub to a new machine."""
    text = (
        "# 访妇情 (Fuqing) secret key: it decrypts every bundle sent to this install.\n"
        "# File mode 0600 (this user only). Keep it safe; delete it once it has been moved.\n"
        f"{age_identity(store)}\n"
    )
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


def partial_mark(store: Store, target: Destination, tables: list[str]) -> Destination:
    """The destination as seen by bundles of only these tables: the same key, its own delta mark."""
    mark_id = f"{target.id}|{','.join(sorted(tables))}"
    with store.transaction():
        store.conn.execute(
            "INSERT OR IGNORE INTO destination (id, kind, name, recipient) VALUES (?, ?, ?, ?)",
            (mark_id, target.kind, target.name, target.recipient),
        )
    return destination(store, mark_id)


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
        "SELECT id, kind, name, recipient, last_sent_seq, last_sent_at, last_bundle_id FROM destination "
        "WHERE id NOT LIKE '%|%' ORDER BY name"  # partial marks are not destinations of their own
    ).fetchall()
    return [Destination(*row) for row in rows]


def hubs(store: Store) -> list[Destination]:
    return [d for d in destinations(store) if d.kind == "age"]
