"""Getting the database key when a store opens: from the password (or the
recovery code) through the key file, making both for a new database, and
encrypting a database from before encryption on its first open."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from . import db, keyfile
from . import messages as msg
from .engine import is_plain
from .errors import NotADatabase
from .keyfile import PasswordNeeded


@dataclass(frozen=True)
class Unlocked:
    key: bytes
    unlocked_with: str  # "password" or "recovery" (then a new password is due)
    recovery_code: str | None = None  # made just now: shown once
    backed_up: bool = False  # encrypted just now, after a backup: no second one before migrating


def unlock(path: Path, secret: str | None) -> Unlocked:
    """``secret`` is the password or the recovery code; default: FUQING_PASSWORD (scripts, tests)."""
    secret = secret if secret is not None else os.environ.get("FUQING_PASSWORD")
    new = not path.exists() or path.stat().st_size == 0
    if secret is None:
        raise PasswordNeeded(str(msg.PASSWORD_NEEDED_NEW if new else msg.PASSWORD_NEEDED), new)
    keys = keyfile.keyfile_path(path)
    if new:
        if keys.exists():  # the data is gone but its key is here: a new database would overwrite the key
            raise NotADatabase(msg.DATABASE_MISSING_KEYS_LEFT.format(path=path, keys=keys))
        problem = keyfile.password_problem(secret)
        if problem:  # before anything is made on disk
            raise PasswordNeeded(problem, new=True)
        db.prepare_folder(path)  # the key file is written first
        made = keyfile.create(path, secret)
        return Unlocked(made.key, "password", made.recovery_code)
    if is_plain(path):  # from before encryption: encrypted now, once, after a backup
        db.refuse_plain_if_newer(path)
        if keys.exists():
            key, how = keyfile.unlock_slot(path, secret)
            code = None
        else:
            made = keyfile.create(path, secret)
            key, how, code = made.key, "password", made.recovery_code
        db.encrypt_in_place(path, key)
        return Unlocked(key, how, code, backed_up=True)
    if not keys.exists():  # encrypted without its key file, or no database at all: they look the same
        raise NotADatabase(msg.NOT_A_DATABASE_OR_NO_KEYS.format(path=path, keys=keys))
    key, how = keyfile.unlock_slot(path, secret)
    return Unlocked(key, how)
