"""Reading a test database as it lies on disk, beside the app's own code."""

from __future__ import annotations

from pathlib import Path

from desktop_app.core import engine, keyfile
from desktop_app.core.engine import apply_key, is_plain, sqlite3

TEST_PASSWORD = "test-password-1"  # the data password of every test database
REPO = Path(__file__).resolve().parents[1]


def cli_env(home: Path) -> dict[str, str]:
    """The environment a ``python -m desktop_app`` test process runs in: this checkout's code,
    Chinese messages, the test password, its own HOME, no display."""
    return {
        "PATH": "/usr/bin:/bin",
        "PYTHONPATH": str(REPO),  # the code beside these tests, whatever the current directory
        "FUQING_LANG": "zh",
        "FUQING_PASSWORD": TEST_PASSWORD,
        "HOME": str(home),
        "QT_QPA_PLATFORM": "offscreen",
    }


def raw(path: Path, password: str = TEST_PASSWORD) -> sqlite3.Connection:
    """A bare connection to the file (no migrations, no store), unlocked like the app does."""
    if not is_plain(path) and path.exists() and path.stat().st_size:
        return engine.connect(str(path), keyfile.unlock(path, password))
    return sqlite3.connect(str(path))


def copy_database(source: Path, target: Path, password: str = TEST_PASSWORD) -> Path:
    """A consistent copy (SQLite's backup: the WAL included), same key, its key file beside it."""
    key = keyfile.unlock(source, password)
    src, dst = engine.connect(str(source), key), sqlite3.connect(str(target))
    try:
        apply_key(dst, key)
        src.backup(dst)
    finally:
        src.close()
        dst.close()
    keyfile.copy_to(source, target)
    return target


def as_before_encryption(path: Path, password: str = TEST_PASSWORD) -> Path:
    """Turn a test database into what the version before encryption left: the same
    rows in a plain SQLite file, no key file."""
    plain = path.with_name(path.name + ".plain")
    conn = raw(path, password)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("ATTACH DATABASE ? AS plain KEY ''", (str(plain),))
        conn.execute("SELECT sqlcipher_export('plain')")
        conn.execute(f"PRAGMA plain.user_version = {int(version)}")
        conn.execute("DETACH DATABASE plain")
    finally:
        conn.close()
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    plain.replace(path)
    keyfile.keyfile_path(path).unlink()
    assert is_plain(path)
    return path
