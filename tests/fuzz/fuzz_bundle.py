"""Mutate a valid bundle many times; every mutant must be refused cleanly (or
recognised as already imported) and must not change the database.

    .venv/bin/python -m tests.fuzz.fuzz_bundle [--iterations 10000] [--seed 1]

A third of the mutants damage the encrypted file; a third damage the ZIP inside
and are encrypted again to the hub's key; a third damage one entry's content
(manifest, signature or a table) inside an intact ZIP, so the checks after the
ZIP's own (hashes, signature, manifest, rows) get exercised too.
Prints the crash and change counts; exits 1 if either is not zero.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import random
import sys
import tempfile
import time
import zipfile
from collections import Counter
from datetime import date
from pathlib import Path

from desktop_app.core.demo import generate
from desktop_app.core.sync import bundle, exchange, keys
from tests.sync_helpers import Replica, dump, make_hub_key


def mutate(data: bytes, rng: random.Random) -> bytes:
    buf = bytearray(data)
    choice = rng.randrange(6)
    if choice == 0 and buf:  # flip bits
        for _ in range(rng.randint(1, 8)):
            buf[rng.randrange(len(buf))] ^= 1 << rng.randrange(8)
    elif choice == 1:  # truncate
        del buf[rng.randrange(len(buf) + 1) :]
    elif choice == 2:  # insert junk
        at = rng.randrange(len(buf) + 1)
        buf[at:at] = rng.randbytes(rng.randint(1, 64))
    elif choice == 3 and buf:  # delete a run
        at = rng.randrange(len(buf))
        del buf[at : at + rng.randint(1, 256)]
    elif choice == 4 and len(buf) > 8:  # duplicate a run
        at = rng.randrange(len(buf) - 4)
        buf[at:at] = buf[at : at + rng.randint(1, 512)]
    else:  # overwrite with an interesting value
        if buf:
            at = rng.randrange(len(buf))
            value = rng.choice([b"\x00", b"\xff", b"\xff\xff\xff\x7f", b"../", b"{}", b"\x00" * 4])
            buf[at : at + len(value)] = value
    return bytes(buf)


def mutate_entry(plain: bytes, rng: random.Random) -> bytes:
    """The ZIP rebuilt intact, with one entry's content damaged."""
    archive = zipfile.ZipFile(io.BytesIO(plain))
    entries = {name: archive.read(name) for name in archive.namelist()}
    victim = rng.choice(sorted(entries))
    entries[victim] = mutate(entries[victim], rng)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in entries.items():
            out.writestr(name, data)
    return buffer.getvalue()


def state_hash(replica: Replica) -> str:
    conn = replica.store.conn
    extra = (
        tuple(conn.execute("SELECT count(*) FROM bundle_log").fetchone()),
        [tuple(row) for row in conn.execute("SELECT * FROM device ORDER BY id")],
    )
    return hashlib.sha256(repr((dump(replica.store), extra)).encode()).hexdigest()


def run(iterations: int, seed: int, records: int = 60) -> tuple[int, int, Counter[str]]:
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        identity, hub_key = make_hub_key(root)
        cadre = Replica(root / "cadre.db", identity, hub_key, "cadre")
        generate.fill(cadre.store, records, seed=seed, anchor=date(2026, 11, 20))
        good = cadre.export(root / "good.age")
        assert good is not None
        hub = Replica(root / "hub.db", identity, hub_key, "hub")
        hub.trust(cadre)
        assert hub.import_(good).ok  # any valid mutant is then "already imported"
        sealed = good.read_bytes()
        plain = bundle.decrypt(sealed, [keys.age_identity(hub.store)], None)
        recipient, _ = keys.read_hub_key(hub_key)
        before = state_hash(hub)
        crashes, changes = 0, 0
        outcomes: Counter[str] = Counter()
        mutant_path = root / "mutant.age"
        for i in range(iterations):
            if i % 3 == 0:
                mutant = mutate(sealed, rng)
            elif i % 3 == 1:
                mutant = bundle.encrypt(mutate(plain, rng), recipient, None)
            else:
                mutant = bundle.encrypt(mutate_entry(plain, rng), recipient, None)
            mutant_path.write_bytes(mutant)
            try:
                result = exchange.import_file(hub.store, mutant_path)
            except Exception as error:  # a crash: the importer must always answer with a result
                crashes += 1
                print(f"crash at {i}: {type(error).__name__}: {error}", file=sys.stderr)
                continue
            outcomes["duplicate" if result.duplicate else result.code or "ok"] += 1
            if result.ok and not result.duplicate:
                changes += 1
                print(f"mutant {i} was imported: {result.summary()}", file=sys.stderr)
            if i % 500 == 0 or (result.ok and not result.duplicate):
                now = state_hash(hub)
                if now != before:
                    changes += 1
                    before = now
        hub.close()
        cadre.close()
    return crashes, changes, outcomes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--iterations", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    crashes, changes, outcomes = run(args.iterations, args.seed)
    seconds = time.perf_counter() - started
    print(f"{args.iterations} mutants in {seconds:.1f} s: {crashes} crashes, {changes} database changes")
    print("outcomes:", dict(outcomes.most_common()))
    return 0 if crashes == 0 and changes == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
