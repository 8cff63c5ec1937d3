"""The SQLite the app runs on: SQLCipher, so the database, its WAL and every
backup are encrypted at rest (AES-256, pages authenticated with HMAC-SHA256).

The binding is ``sqlcipher3-wheels``: maintained, with wheels for Windows,
Linux and macOS, and the same DB-API as Python's ``sqlite3`` (exceptions,
``Row``, the online backup API), so the rest of the app imports ``sqlite3``
from here and reads like ordinary SQLite code. Its SQLite has FTS5 and JSON.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlcipher3 import dbapi2 as sqlite3

PLAIN_HEADER = b"SQLite format 3\x00"  # an unencrypted file starts with it; an encrypted one never does
PROBE = "SELECT count(*) FROM sqlite_master"  # reads page 1: fails unless the key (and format) is right

__all__ = ["PLAIN_HEADER", "apply_key", "connect", "is_plain", "sqlite3"]


def _set_cipher_defaults() -> None:
    """Every file this process makes (databases, backups, attached copies) uses these.

    HMAC-SHA256 instead of SQLCipher 4's HMAC-SHA512 for page authentication:
    still a 256-bit MAC under a 256-bit key, and a third cheaper per page read
    on CPUs with SHA instructions (bench/encryption.py), which is what keeps the
    encrypted notebook within 1.3x of a plain one. Errors are not logged to
    stderr (a windowed app has none): every one reaches us as an exception.
    """
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute("PRAGMA cipher_default_hmac_algorithm = HMAC_SHA256")
        conn.execute("PRAGMA cipher_log_level = NONE")
    finally:
        conn.close()


_set_cipher_defaults()


def apply_key(conn: sqlite3.Connection, key: bytes | None, first_format: bool = False) -> None:
    """Unlock a connection with the raw 256-bit database key (None: an unencrypted file).

    ``first_format``: a file from the first encrypted build, whose pages carry
    HMAC-SHA512 (it keeps working in its own format; only the speed differs).
    """
    if key is not None:
        # A raw key skips SQLCipher's own PBKDF2: the key is already derived
        # (core/keyfile.py, scrypt) and random underneath.
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        if first_format:
            conn.execute("PRAGMA cipher_hmac_algorithm = HMAC_SHA512")


def connect(database: str, key: bytes | None, **kwargs: Any) -> sqlite3.Connection:
    """An unlocked connection to an existing or new file, in whichever format it was written.

    Raises ``sqlite3.DatabaseError`` when the key opens it in neither format
    (a wrong key, or not a database).
    """
    if key is None:
        return sqlite3.connect(database, **kwargs)
    try:
        return _unlocked(sqlite3.connect(database, **kwargs), key, first_format=False)
    except sqlite3.DatabaseError:
        # Not readable as today's format: perhaps the first build's (the
        # second try raises if the key does not open it at all).
        return _unlocked(sqlite3.connect(database, **kwargs), key, first_format=True)


def _unlocked(conn: sqlite3.Connection, key: bytes, first_format: bool) -> sqlite3.Connection:
    try:
        apply_key(conn, key, first_format)
        conn.execute(PROBE).fetchone()
    except BaseException:
        conn.close()
        raise
    return conn


def is_plain(path: Path) -> bool:
    """True for an existing unencrypted SQLite file (an install from before encryption)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(16) == PLAIN_HEADER
    except OSError:
        return False
