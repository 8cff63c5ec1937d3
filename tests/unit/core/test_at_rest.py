"""What a person who finds the laptop or the USB stick gets: files only this
user may read, and in them no name, ID number, phone or diary text, in any
encoding a search tool would try; plain SQLite cannot open them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from desktop_app.core import backup
from desktop_app.core.engine import sqlite3 as sqlcipher
from desktop_app.core.store import Store
from desktop_app.core.sync import exchange, keys
from tests.conftest import FIXED_TODAY

ID_NUMBER = "11010519491231002X"
PHONE = "13912345678"
SECRETS = ["李秀英", "王家村3组", "患乳腺癌正在化疗", ID_NUMBER, PHONE]


def _encodings(text: str) -> list[bytes]:
    return [text.encode(codec) for codec in ("utf-8", "utf-16-le", "utf-16-be", "gb18030")]


def _leaks(path: Path) -> list[str]:
    data = path.read_bytes()
    return [secret for secret in SECRETS if any(form in data for form in _encodings(secret))]


def _fill(store: Store) -> None:
    store.save_profile({"name": "王芳", "org": "南通市妇女联合会", "mobile": "13812345678"})
    woman = store.save("woman", {"name": "李秀英", "id_number": ID_NUMBER, "phone": PHONE, "address": "王家村3组"})[
        "id"
    ]
    store.save("diary", {"title": "走访", "body": "李秀英患乳腺癌正在化疗", "woman_ids": [woman]})


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_database_wal_keys_and_backups_are_private_and_unreadable(tmp_path: Path) -> None:
    db_path = tmp_path / "data" / "fuqing.db"
    with Store(db_path, today=lambda: FIXED_TODAY) as store:
        _fill(store)
        wal = Path(f"{db_path}-wal")
        assert wal.exists() and wal.stat().st_size > 0  # the WAL holds the rows before a checkpoint
        stick = tmp_path / "usb"
        stick.mkdir()
        made = [backup.make_backup(store), backup.make_backup(store, out=stick)]
        bundle_file = stick / "王芳.age"
        exchange.export_bundle(store, bundle_file, keys.passphrase_destination(store), passphrase="远山的茶 2026 走访")
        assert _leaks(bundle_file) == []
        files = [
            db_path,
            wal,
            db_path.with_name("fuqing.db.keys"),
            *made,
            *(m.with_name(m.name + ".keys") for m in made),
        ]
        for path in files:
            assert path.exists(), path
            assert path.stat().st_mode & 0o777 == 0o600, path
            assert _leaks(path) == [], path
        for folder in (db_path.parent, backup.backups_dir(db_path)):
            assert folder.stat().st_mode & 0o777 == 0o700, folder
    for path in (db_path, *made):
        conn = sqlcipher.connect(str(path))  # no key: as plain sqlite3 or any SQLite browser would
        with pytest.raises(sqlcipher.DatabaseError):
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.close()
