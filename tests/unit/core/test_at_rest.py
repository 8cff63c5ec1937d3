"""What a person who finds the laptop or the USB stick gets: files only this
user may read, and in them no name, ID number, phone or diary text, in any
encoding a search tool would try; plain SQLite cannot open them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from desktop_app.core import backup, engine
from desktop_app.core.engine import sqlite3 as sqlcipher
from desktop_app.core.store import Store
from desktop_app.core.sync import exchange, keys
from tests.conftest import FIXED_TODAY

ID_NUMBER = "11010519491231002X"
PHONE = "13912345678"
SECRETS = ["李秀英", "王家村3组", "患乳腺癌正在化疗", ID_NUMBER, PHONE]


def _encodings(text: str) -> list[bytes]:
    return [text.encode(codec) for codec in ("utf-8", "utf-16-le", "utf-16-be", "gb18030")]


def _leaks(path: Path, secrets: list[str] = SECRETS) -> list[str]:
    data = path.read_bytes()
    return [secret for secret in secrets if any(form in data for form in _encodings(secret))]


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


def test_new_files_authenticate_pages_with_hmac_sha256(tmp_path: Path) -> None:
    db_path = tmp_path / "fuqing.db"
    with Store(db_path, today=lambda: FIXED_TODAY) as store:
        _fill(store)
        made = backup.make_backup(store)
        key = store.key
    for path in (db_path, made):
        conn = engine.connect(str(path), key)
        assert conn.execute("PRAGMA cipher_hmac_algorithm").fetchone()[0] == "HMAC_SHA256"
        conn.close()
        legacy = sqlcipher.connect(str(path))
        engine.apply_key(legacy, key, first_format=True)
        with pytest.raises(sqlcipher.DatabaseError):  # the format is really different
            legacy.execute(engine.PROBE).fetchone()
        legacy.close()


def test_a_file_from_the_first_encrypted_build_still_opens(tmp_path: Path) -> None:
    """Files written with SQLCipher 4's own HMAC-SHA512 pages open, change and back up as before."""
    db_path = tmp_path / "fuqing.db"
    with Store(db_path, today=lambda: FIXED_TODAY) as store:
        _fill(store)
        key = store.key
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    first = tmp_path / "first.db"
    conn = sqlcipher.connect(str(db_path))
    engine.apply_key(conn, key)
    conn.execute(f"ATTACH DATABASE ? AS first KEY \"x'{key.hex()}'\"", (str(first),))
    conn.execute("PRAGMA first.cipher_hmac_algorithm = HMAC_SHA512")
    conn.execute("SELECT sqlcipher_export('first')")
    conn.execute(f"PRAGMA first.user_version = {conn.execute('PRAGMA user_version').fetchone()[0]}")
    conn.execute("DETACH DATABASE first")
    conn.close()
    os.replace(first, db_path)
    for suffix in ("-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    assert engine.connect(str(db_path), key).execute("PRAGMA cipher_hmac_algorithm").fetchone()[0] == "HMAC_SHA512"
    with Store(db_path, today=lambda: FIXED_TODAY) as store:
        assert [w["name"] for w in store.list_records("woman")] == ["李秀英"]
        store.save("diary", {"title": "回访", "body": "复查"})
        made = backup.make_backup(store)
    assert backup.check_backup(made, None, key)[0] > 0
    with Store(db_path, today=lambda: FIXED_TODAY) as store:
        assert store.count("diary") == 2
    with pytest.raises(sqlcipher.DatabaseError):
        engine.connect(str(db_path), bytes(32))


def test_the_demo_data_s_names_phones_and_id_numbers_appear_in_no_file(tmp_path: Path) -> None:
    """Every name, phone and ID number of a demo notebook, in no file a finder of the laptop or stick gets."""
    import sqlite3 as plain_sqlite3

    from desktop_app.core.demo import generate
    from tests.sync_helpers import Replica, make_hub_key

    identity, hub_key = make_hub_key(tmp_path)
    cadre = Replica(tmp_path / "fuqing.db", identity, hub_key, "cadre")
    generate.fill(cadre.store, 60, seed=5, anchor=FIXED_TODAY)
    secrets = sorted(
        {str(row[0]) for row in cadre.store.conn.execute(
            "SELECT name FROM woman UNION SELECT id_number FROM woman UNION SELECT phone FROM woman "
            "UNION SELECT name FROM cadre UNION SELECT mobile FROM cadre")
         if row[0] and len(str(row[0])) >= 3}  # (two-character names occur in any binary by chance)
    )  # fmt: skip
    assert len(secrets) > 20 and any(len(s) == 18 for s in secrets) and any(len(s) == 11 for s in secrets)
    made = backup.make_backup(cadre.store)
    bundle_file = cadre.export(tmp_path / "full.age", full=True)
    assert bundle_file is not None
    wal = tmp_path / "fuqing.db-wal"
    for path in (tmp_path / "fuqing.db", wal, made, bundle_file):
        assert _leaks(path, secrets) == [], path
    cadre.close()
    for path in (tmp_path / "fuqing.db", made):
        conn = plain_sqlite3.connect(str(path))  # Python's own SQLite, as any SQLite browser
        with pytest.raises(plain_sqlite3.DatabaseError, match="not a database"):
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.close()
