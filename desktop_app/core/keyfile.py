"""The database key, and the two ways a person unlocks it: her password, or the
recovery code shown once when the database was made.

The database is encrypted with a random 256-bit key. That key is kept beside
the database in ``<name>.keys``, sealed (AES-256-GCM) twice: under a key derived
from the password, and under one derived from the recovery code, both with
scrypt (N=2^15, r=8, p=1: about 32 MB of memory per try, so guessing is slow
even on a graphics card). Forgetting the password therefore loses nothing: the
recovery code opens the database and sets a new password. A backup keeps a copy
of the key file beside it; without the password or the code both are useless.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import engine
from . import messages as msg
from .engine import sqlite3
from .errors import FuqingError
from .files import write_atomically

FORMAT = "fuqing-keys"
KDF_N, KDF_R, KDF_P = 2**15, 8, 1
KDF: dict[str, str | int] = {"name": "scrypt", "n": KDF_N, "r": KDF_R, "p": KDF_P}
_AAD = b"fuqing database key v1"
_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: read off paper without doubt
MIN_PASSWORD = 8
# (salt, hash of the secret) -> derived key: one scrypt per secret and slot per run (the
# window checks the current password again before changing it). The secret itself is not kept.
_derived: dict[tuple[bytes, bytes], bytes] = {}


class WrongPassword(FuqingError):
    pass


class KeyFileMissing(FuqingError):
    pass


class PasswordNeeded(FuqingError):
    """The database (or a backup) is encrypted, or is new, and no password was given."""

    def __init__(self, message: str, new: bool = False):
        self.new = new
        super().__init__(message)


@dataclass(frozen=True)
class NewKeys:
    key: bytes  # the database key
    recovery_code: str  # shown once, to print or write down


def keyfile_path(db_path: Path) -> Path:
    return Path(db_path).with_name(Path(db_path).name + ".keys")


def password_problem(password: str) -> str | None:
    """Why a new password will not do, or None."""
    if len(password) < MIN_PASSWORD:
        return msg.PASSWORD_TOO_SHORT.format(n=MIN_PASSWORD)
    if not all(" " <= ch <= "~" for ch in password):
        # A password box turns the input method off: a Chinese password could be set
        # from a script and then never typed again at the window.
        return str(msg.PASSWORD_NOT_ASCII)
    if password != password.strip():  # a password file's line is read without them
        return str(msg.PASSWORD_EDGE_SPACES)
    return secret_too_easy(password)


COMMON_SECRETS = frozenset({
    "password", "password1", "passw0rd", "12345678", "123456789", "1234567890", "87654321", "11111111",
    "88888888", "66666666", "00000000", "qwertyui", "qwertyuiop", "asdfghjk", "1qaz2wsx", "abcd1234",
    "a1234567", "woaini1314", "iloveyou", "abc12345", "admin123", "fuqing123", "fulian123", "12341234",
})  # fmt: skip


def secret_too_easy(secret: str) -> str | None:
    """A password or bundle passphrase that is among the first guesses anyone tries."""
    text = secret.strip().lower()
    if len(text) < MIN_PASSWORD:
        return msg.PASSWORD_TOO_SHORT.format(n=MIN_PASSWORD)
    if text in COMMON_SECRETS or len(set(text)) < 4 or (text.isdigit() and len(text) < 12):
        # Birthdays, phone numbers, 11111111: tried first, in seconds.
        return str(msg.PASSWORD_TOO_EASY)
    return None


def create(db_path: Path, password: str) -> NewKeys:
    """A new database key, sealed under the password and a new recovery code."""
    problem = password_problem(password)
    if problem:
        raise FuqingError(problem)
    key = secrets.token_bytes(32)
    code = _new_code()
    _write(db_path, {"password": _seal(key, password), "recovery": _seal(key, _normal(code))})
    return NewKeys(key, code)


def unlock(db_path: Path, secret: str) -> bytes:
    """The database key from the password or the recovery code; WrongPassword if neither."""
    return unlock_slot(db_path, secret)[0]


def unlock_slot(db_path: Path, secret: str) -> tuple[bytes, str]:
    """(key, "password" or "recovery"): which one opened it, so a person who used
    the recovery code is asked for a new password."""
    slots = _read(db_path)["slots"]
    for name, secret_form in (("password", secret), ("recovery", _normal(secret))):
        key = _open(slots.get(name), secret_form)
        if key is not None:
            return key, name
    raise WrongPassword(str(msg.WRONG_PASSWORD))


def set_password(db_path: Path, key: bytes, password: str) -> None:
    """Seal the key under a new password (after unlocking with the old one or the recovery code)."""
    problem = password_problem(password)
    if problem:
        raise FuqingError(problem)
    data = _read(db_path)
    data["slots"]["password"] = _seal(key, password)
    _write(db_path, data["slots"])


def new_recovery_code(db_path: Path, key: bytes) -> str:
    """Replace the recovery code (the old one stops working)."""
    code = _new_code()
    data = _read(db_path)
    data["slots"]["recovery"] = _seal(key, _normal(code))
    _write(db_path, data["slots"])
    return code


def rewrap_copies(db_path: Path, key: bytes) -> int:
    """After a new password or recovery code: the backups beside the database that
    use the same key get the new key file too, so the old password or code opens
    none of them. (Copies elsewhere, on a USB stick, keep theirs: docs/privacy.md.)"""
    folder = db_path.parent
    candidates = [
        *folder.glob(f"{glob_escape(db_path.name)}.before-restore-*"),
        *(folder / "backups").glob(f"{glob_escape(db_path.stem)}-*.db"),
    ]
    rewrapped = 0
    for copy in candidates:
        if copy.suffix == ".keys" or not keyfile_path(copy).exists() or not opens_with(copy, key):
            continue
        copy_to(db_path, copy)
        rewrapped += 1
    return rewrapped


def glob_escape(name: str) -> str:
    return "".join(f"[{ch}]" if ch in "*?[" else ch for ch in name)


def opens_with(path: Path, key: bytes) -> bool:
    """The database file at ``path`` opens with ``key`` (read only, nothing written)."""
    try:
        engine.connect(f"{path.resolve().as_uri()}?mode=ro", key, uri=True).close()
        return True
    except sqlite3.DatabaseError:
        return False


def copy_to(db_path: Path, target_db: Path) -> None:
    """The key file beside a copy of the database (a backup), so the copy can be opened."""
    write_atomically(keyfile_path(target_db), keyfile_path(db_path).read_bytes(), private=True)


# -- inside ------------------------------------------------------------------------------


def _new_code() -> str:
    chars = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(25))  # 25 × log2(31) ≈ 124 bits
    return "-".join(chars[i : i + 5] for i in range(0, 25, 5))


def _normal(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def _kdf(secret: str, salt: bytes) -> bytes:
    cache_key = (salt, hashlib.sha256(secret.encode("utf-8")).digest())
    derived = _derived.get(cache_key)
    if derived is None:
        derived = hashlib.scrypt(
            secret.encode("utf-8"), salt=salt, n=KDF_N, r=KDF_R, p=KDF_P, maxmem=64 << 20, dklen=32
        )
        _derived[cache_key] = derived
    return derived


def _seal(key: bytes, secret: str) -> dict[str, str]:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM  # ~15 ms: only when a key is made

    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    sealed = AESGCM(_kdf(secret, salt)).encrypt(nonce, key, _AAD)
    return {"salt": _b64(salt), "nonce": _b64(nonce), "sealed": _b64(sealed)}


def _open(slot: Any, secret: str) -> bytes | None:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if not isinstance(slot, dict) or not secret:
        return None
    try:
        salt, nonce, sealed = (base64.b64decode(slot[k]) for k in ("salt", "nonce", "sealed"))
        return AESGCM(_kdf(secret, salt)).decrypt(nonce, sealed, _AAD)
    except (InvalidTag, KeyError, ValueError, TypeError):
        return None


def _read(db_path: Path) -> dict[str, Any]:
    path = keyfile_path(db_path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise KeyFileMissing(msg.KEYFILE_MISSING.format(path=path)) from None
    except (OSError, ValueError, UnicodeDecodeError) as error:
        raise KeyFileMissing(msg.KEYFILE_DAMAGED.format(path=path, detail=error)) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("slots"), dict):
        raise KeyFileMissing(msg.KEYFILE_DAMAGED.format(path=path, detail="format"))
    return data


def _write(db_path: Path, slots: dict[str, Any]) -> None:
    data = {"format": FORMAT, "version": 1, "kdf": KDF, "slots": slots}
    write_atomically(keyfile_path(db_path), json.dumps(data, indent=1) + "\n", private=True)
    if os.name == "posix":
        os.chmod(keyfile_path(db_path), 0o600)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")
