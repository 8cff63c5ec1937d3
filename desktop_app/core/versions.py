"""Which versions this install runs on, for 帮助 → 关于 and the support desk."""

from __future__ import annotations

import platform

import reportlab

from .. import __version__
from .store import Store


def versions(store: Store) -> dict[str, str]:
    """The app's, Python's, the database engine's (read through the open
    connection: the SQLite and SQLCipher really in use) and reportlab's versions."""
    sqlite = str(store.conn.execute("SELECT sqlite_version()").fetchone()[0])
    cipher_row = store.conn.execute("PRAGMA cipher_version").fetchone()
    return {
        "app": __version__,
        "python": platform.python_version(),
        "sqlcipher": str(cipher_row[0]) if cipher_row else "",  # empty: a plain SQLite build
        "sqlite": sqlite,
        "reportlab": str(reportlab.Version),
    }
