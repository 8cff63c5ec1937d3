"""The SQLite the app runs on: SQLCipher, so the database, its WAL and every
backup are encrypted at rest (AES-256, pages authenticated with HMAC-SHA512).

The binding is ``sqlcipher3-wheels``: maintained, with wheels for Windows,
Linux and macOS, and the same DB-API as Python's ``sqlite3`` (exceptions,
``Row``, the online backup API), so the rest of the app imports ``sqlite3``
from here and reads like ordinary SQLite code. Its SQLite has FTS5 and JSON.
"""

from __future__ import annotations

from pathlib import Path

from sqlcipher3 import dbapi2 as sqlite3

PLAIN_HEADER = b"SQLite format 3\x00"  # an unencrypted file starts with it; an encrypted one never does

__all__ = ["PLAIN_HEADER", "apply_key", "is_plain", "sqlite3"]


def apply_key(conn: sqlite3.Connection, key: bytes | None) -> None:
    """Unlock a connection with the raw 256-bit database key (None: an unencrypted file)."""
    if key is not None:
        # A raw key skips SQLCipher's own PBKDF2: the key is already derived
        # (core/keyfile.py, scrypt) and random underneath.
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")


def is_plain(path: Path) -> bool:
    """True for an existing unencrypted SQLite file (an install from before encryption)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(16) == PLAIN_HEADER
    except OSError:
        return False
