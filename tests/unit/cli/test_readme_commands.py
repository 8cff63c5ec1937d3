"""Every ``fuqing`` command line the README shows runs for real and does not crash.

Like sqlite-utils' documentation test: README.md is parsed, every command line
in its ```sh blocks that starts with ``fuqing`` is collected (a line that holds
two commands is split, trailing ``# comments`` dropped), and so is every inline
`` `fuqing …` `` span of its prose. Each command then runs in a real process on
a copy of a prepared database, in its documented forms: with its optional
``[…]`` parts left out, and with them all in, once for every ``A|B`` choice.
Placeholders (ID, CADRE_ID, FILE, hub.key, pw.txt, ``*.age``, ``KEY=N``, …)
are turned into real values by the PLACEHOLDERS table below, from databases,
key and enrolment files, bundles, a backup, a conflict, a laptop waiting for
approval and changes held for review that the CLI itself made in the ``world``
fixture, trust set up as an operator does (``devices --approve``).

Each run must exit 0 (or the code in EXPECTED_EXIT), print no Python
traceback, write the file it was asked to write, and print JSON when given
``--json``. The commands found must cover every subcommand of the CLI parser,
and every option of the sync commands (keys, export, import, devices,
proposals, conflicts), so a new command or sync option without README
documentation fails here.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from desktop_app.cli import build_parser, sync
from tests.db_helpers import TEST_PASSWORD, cli_env, copy_database

REPO = Path(__file__).resolve().parents[3]
README = REPO / "README.md"
OUTPUT_OPTIONS = {
    "--out",
    "--export-hub-key",
    "--export-identity",
    "--export-enrolment",
}  # the word after names a file to write
GLOBAL_OPTIONS = {"--db", "--lang", "--password-file"}  # options before COMMAND, each with a value
DEMO_RECORDS = "40"


# -- reading the README ---------------------------------------------------------


def strip_comment(line: str) -> str:
    """The line without a shell comment (a ``#`` after a space, outside quotes)."""
    quote = ""
    for i, ch in enumerate(line):
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "'\"":
            quote = ch
        elif ch == "#" and (i == 0 or line[i - 1].isspace()):
            return line[:i].rstrip()
    return line.rstrip()


def readme_commands(text: str) -> list[str]:
    """``fuqing …`` command lines: from ```sh blocks and from inline code in the prose."""
    found: list[str] = []
    fence: str | None = None
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("```"):
            fence = stripped[3:].strip() if fence is None else None
            continue
        if fence == "sh":
            # Two commands on one line are separated by several spaces.
            parts = re.split(r"\s{2,}(?=fuqing\s)", strip_comment(stripped))
            found += [part.strip() for part in parts if part.startswith("fuqing ")]
        elif fence is None:
            found += re.findall(r"`(fuqing [^`]+)`", line)
    return list(dict.fromkeys(found))


# -- the usage notation: [optional], A|B choices, quoted words -------------------


@dataclass(frozen=True)
class Choice:
    """``zh|en``: one word out of several."""

    options: tuple[str, ...]


@dataclass(frozen=True)
class Bracket:
    """``[…]``: may be left out; ``[--a X|--b]`` holds alternatives (a ``|`` before an option)."""

    alternatives: tuple[tuple[Node, ...], ...]


Node = str | Choice | Bracket


def parse_usage(text: str) -> tuple[Node, ...]:
    pos = 0

    def sequence(inside: bool) -> tuple[tuple[Node, ...], ...]:
        nonlocal pos
        alternatives: list[list[Node]] = [[]]
        word, quoted = "", False

        def flush() -> None:
            nonlocal word, quoted
            if word or quoted:
                plain = not quoted and "|" in word
                alternatives[-1].append(Choice(tuple(word.split("|"))) if plain else word)
            word, quoted = "", False

        while pos < len(text):
            ch = text[pos]
            pos += 1
            if ch in "'\"":
                end = text.index(ch, pos)
                word, quoted, pos = word + text[pos:end], True, end + 1
            elif ch.isspace():
                flush()
            elif ch == "[":
                flush()
                alternatives[-1].append(Bracket(sequence(inside=True)))
            elif ch == "]":
                assert inside, f"unbalanced ] in {text!r}"
                flush()
                return tuple(tuple(a) for a in alternatives)
            elif ch == "|" and text[pos : pos + 1] == "-":
                flush()
                alternatives.append([])
            else:
                word += ch
        assert not inside, f"unbalanced [ in {text!r}"
        flush()
        return tuple(tuple(a) for a in alternatives)

    (top,) = sequence(inside=False)
    return top


def expand(nodes: tuple[Node, ...], with_optional: bool) -> list[list[str]]:
    """Every concrete form: optional parts all left out, or all in (each alternative, each choice)."""
    forms: list[list[str]] = [[]]
    for node in nodes:
        if isinstance(node, str):
            options = [[node]]
        elif isinstance(node, Choice):
            options = [[o] for o in node.options]
        elif with_optional:
            options = [form for alternative in node.alternatives for form in expand(alternative, True)]
        else:
            options = [[]]
        forms = [form + option for form in forms for option in options]
    return forms


def forms_of(command: str) -> list[list[str]]:
    nodes = parse_usage(command)
    unique = {tuple(f): f for f in [*expand(nodes, False), *expand(nodes, True)]}
    return list(unique.values())


def subcommand(words: list[str]) -> str:
    """The COMMAND of ``fuqing [--db PATH] [--lang zh|en] COMMAND …``."""
    i = 1
    while words[i] in GLOBAL_OPTIONS:
        i += 2
    return words[i]


COMMANDS = readme_commands(README.read_text(encoding="utf-8"))


# -- what the placeholders stand for -----------------------------------------------


@dataclass
class World:
    """Installs and files made by the CLI itself, once for the module."""

    root: Path
    hub: Path  # the county hub: has imported the cadre's bundles, with one open conflict
    cadre: Path  # a cadre's laptop with demo data, the hub's key, and a change not sent yet
    hub_key: Path
    city_key: Path
    cadre_key: Path
    hub_secret: Path  # the hub's exported identity
    enrolment: Path  # a laptop the hub has not heard of yet
    passphrase: Path
    incoming: list[Path]  # bundles the hub has not imported yet: one to its key, one with the passphrase
    backup: Path
    # record type (and "device", "pending_device", "conflict", "proposal") → ids
    ids: dict[str, list[str]] = field(default_factory=dict)
    federation: str = ""


@dataclass
class Run:
    """One form of one README command: its own folder and its own copy of a database."""

    world: World
    folder: Path
    db: Path


Resolver = Callable[[Run, list[str]], list[str]]  # (the run, the README form) → values

ANY = ""  # in a PLACEHOLDERS key: whatever the word before is

# ``--set KEY=N`` needs a key of the ``--preset`` chosen on the same line.
QUOTA_TARGET: dict[str, str] = {"beijing": "points_village=5", "harbin": "grassroots_days=60", "shandong": "diaries=2"}

# (the README word before, the README word) → its real values. One placeholder
# used twice in a command (``--cadre ID ...``) takes the next value each time;
# a ``*`` glob takes them all. The word after an option in OUTPUT_OPTIONS that is
# not listed here becomes a file of that name in the run's own folder.
PLACEHOLDERS: dict[tuple[str, str], Resolver] = {
    ("--db", "PATH"): lambda run, form: [str(run.db)],
    ("--db", "/tmp/x.db"): lambda run, form: [str(run.db)],
    (ANY, "COMMAND"): lambda run, form: ["stats"],
    # The README's 100000 records are far too slow for a unit test (tests/e2e runs that size):
    # a small number runs the same code.
    ("--records", "100000"): lambda run, form: [DEMO_RECORDS],
    ("woman", "ID"): lambda run, form: run.world.ids["woman"],
    ("visit", "ID"): lambda run, form: run.world.ids["visit"],
    ("diary", "ID"): lambda run, form: run.world.ids["diary"],
    ("--problem", "ID"): lambda run, form: run.world.ids["problem"],
    ("--cadre", "ID"): lambda run, form: run.world.ids["cadre"],
    ("--revoke", "ID"): lambda run, form: run.world.ids["device"],
    ("--approve", "ID"): lambda run, form: run.world.ids["pending_device"],
    ("--block-cadre", "CADRE_ID"): lambda run, form: run.world.ids["cadre"],
    ("--unblock-cadre", "CADRE_ID"): lambda run, form: run.world.ids["cadre"],
    ("--enrol", "王芳-登记.json"): lambda run, form: [str(run.world.enrolment)],
    ("--accept", "ID"): lambda run, form: run.world.ids["proposal"],
    ("--reject", "ID"): lambda run, form: run.world.ids["proposal"],
    ("--import-identity", "hub-secret.txt"): lambda run, form: [str(run.world.hub_secret)],
    ("--resolve", "ID"): lambda run, form: run.world.ids["conflict"],
    ("--json", "{…}"): lambda run, form: ['{"situation": "README 示例：了解到三户留守妇女想学电商"}'],
    ("--set", "KEY=N"): lambda run, form: [QUOTA_TARGET[form[form.index("--preset") + 1]]],
    ("--federation", "妇联"): lambda run, form: [run.world.federation],
    ("--import-hub-key", "hub.key"): lambda run, form: [str(run.world.hub_key)],
    ("--passphrase-file", "pw.txt"): lambda run, form: [str(run.world.passphrase)],
    ("--to", "city.key"): lambda run, form: [str(run.world.city_key)],
    ("--to", "cadre.key"): lambda run, form: [str(run.world.cadre_key)],
    ("import", "*.age"): lambda run, form: [str(p) for p in run.world.incoming],
    ("--out", "USB-FOLDER"): lambda run, form: [str(usb_folder(run))],
    ("restore", "FILE"): lambda run, form: [str(run.world.backup)],
    ("--password-file", "F"): lambda run, form: [str(password_file(run, "password.txt", TEST_PASSWORD))],
    ("--new-password-file", "F"): lambda run, form: [str(password_file(run, "new.txt", "a new password 2"))],
}

# Words that are placeholders and must appear in PLACEHOLDERS (or follow an output option).
LOOKS_LIKE_PLACEHOLDER = re.compile(
    r"^[A-Z][A-Z_=-]*$|^\{…\}$|\*|^\.\.\.$|^/tmp/|\.(key|txt|age|pdf|xlsx|db|json)$|^\d{5,}$"
)

# Which install a command runs on (first match: subcommand, an option it must have); default: the cadre's.
ROLES: list[tuple[str, str, str]] = [
    ("keys", "--export-hub-key", "hub"),  # "on the hub"
    ("keys", "--import-hub-key", "new"),  # "on a cadre's laptop", the first time
    ("keys", "--export-identity", "hub"),  # the hub's secret key …
    ("keys", "--import-identity", "new"),  # … on its new computer
    ("import", "", "hub"),
    ("export", "--rollup", "hub"),
    ("export", "--down", "hub"),
    ("devices", "", "hub"),
    ("proposals", "", "hub"),
    ("conflicts", "", "hub"),
    ("demo", "", "new"),
    ("profile", "", "new"),
]

# README forms that do not exit 0, and why.
EXPECTED_EXIT = {
    # Without --passphrase-file the passphrase bundle among *.age cannot be opened:
    # its line says so, the other file still imports, and the exit code tells a script.
    "fuqing import *.age": 1,
    # Without --new-password-file and without a terminal to ask at, there is no new password.
    "fuqing password change": 1,
}


def password_file(run: Run, name: str, password: str) -> Path:
    path = run.folder / name
    path.write_text(password + "\n", encoding="utf-8")
    return path


def usb_folder(run: Run) -> Path:
    folder = run.folder / "U盘"
    folder.mkdir(exist_ok=True)
    return folder


def role(words: list[str]) -> str:
    command = subcommand(words)
    for name, option, where in ROLES:
        if command == name and (not option or option in words):
            return where
    return "cadre"


def resolve(words: list[str], run: Run) -> tuple[list[str], list[Path]]:
    """The real argument list (without the leading ``fuqing``) and the files it should write."""
    args: list[str] = []
    outputs: list[Path] = []
    used: Counter[tuple[str, str]] = Counter()
    i = 1
    while i < len(words):
        before, word = words[i - 1], words[i]
        if word == "...":  # "the option before may be repeated": repeat it with the next value
            before, word = words[i - 2], words[i - 1]
            args.append(before)
        key = (before, word) if (before, word) in PLACEHOLDERS else (ANY, word)
        if key in PLACEHOLDERS:
            values = PLACEHOLDERS[key](run, words)
            if "*" in word:
                args += values
            else:
                assert used[key] < len(values), f"not enough values for {word} after {before}"
                args.append(values[used[key]])
                used[key] += 1
            if before in OUTPUT_OPTIONS:
                outputs.append(Path(args[-1]))
        elif before in OUTPUT_OPTIONS:
            path = run.folder / word
            args.append(str(path))
            outputs.append(path)
        else:
            assert not LOOKS_LIKE_PLACEHOLDER.search(word), (
                f"README placeholder {word!r} after {before!r}: add it to PLACEHOLDERS"
            )
            args.append(word)
        i += 1
    if "--db" not in args:
        args = ["--db", str(run.db), *args]
    return args, outputs


# -- the world the commands run in ---------------------------------------------------


def fuqing(home: Path, *args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``fuqing ARGS…`` as the installed entry point runs it (``python -m desktop_app``)."""
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *map(str, args)],
        capture_output=True,
        text=True,
        env=cli_env(home),
        cwd=cwd,
        timeout=120,
    )


def ok(home: Path, db: Path, *args: str | Path) -> str:
    result = fuqing(home, "--db", db, *args)
    assert result.returncode == 0, f"{args}: {result.stderr}"
    return result.stdout


def ok_json(home: Path, db: Path, *args: str | Path) -> Any:
    return json.loads(ok(home, db, *args))


def profile(name: str, org: str, mobile: str) -> str:
    return json.dumps({"name": name, "org": org, "mobile": mobile}, ensure_ascii=False)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    root = tmp_path_factory.mktemp("readme")
    home = root / "home"
    home.mkdir()
    hub, city, cadre = root / "hub.db", root / "city.db", root / "cadre.db"
    county = "南通市通州区妇女联合会"
    ok(home, hub, "profile", "--json", profile("张敏", county, "13900001111"))
    ok(home, city, "profile", "--json", profile("陈红", "南通市妇女联合会", "13600003333"))
    hub_key, city_key, cadre_key = root / "hub.key", root / "city.key", root / "cadre.key"
    ok(home, hub, "keys", "--export-hub-key", hub_key)
    ok(home, city, "keys", "--export-hub-key", city_key)
    hub_secret = root / "hub-secret.txt"
    ok(home, hub, "keys", "--export-identity", hub_secret)
    ok(home, cadre, "demo", "--records", DEMO_RECORDS, "--seed", "2")
    ok(home, cadre, "keys", "--import-hub-key", hub_key)
    ok(home, cadre, "keys", "--export-hub-key", cadre_key)  # the cadre's own key, for bundles down
    cadre_device = ok_json(home, cadre, "stats", "--json")["device_id"]
    # Her first bundle waits at the hub until the operator approves her laptop, which merges it.
    ok(home, cadre, "export", "--out", root / "first.age")
    assert "fuqing devices --approve" in ok(home, hub, "import", root / "first.age")
    assert "first.age: 新增" in ok(home, hub, "devices", "--approve", cadre_device)
    woman = ok_json(home, cadre, "list", "woman", "--json")[0]["id"]
    # Hub and cadre edit the same record: the cadre's next bundle leaves one conflict at the hub.
    ok(home, hub, "edit", "woman", woman, "--json", '{"needs": "县里核实：需要技能培训"}')
    ok(home, cadre, "edit", "woman", woman, "--json", '{"needs": "本人：需要小额贷款"}')
    # She also adds a colleague's profile, which her laptop may not write: held for review at the hub.
    ok(home, cadre, "add", "cadre", "--json", profile("周洁", county, "13300005555"))
    ok(home, cadre, "export", "--out", root / "second.age")
    assert "已列入待审核" in ok(home, hub, "import", root / "second.age")
    conflicts = [c["id"] for c in ok_json(home, hub, "conflicts", "--json")]
    assert len(conflicts) == 1
    # (The demo's records made on her laptop by its other cadres are held too; the README's
    # --accept and --reject take her colleague's profile, which refers to no other record.)
    proposals = [p["id"] for p in ok_json(home, hub, "proposals", "--json") if p["row"].get("name") == "周洁"]
    assert len(proposals) == 1
    # Two laptops the hub has not approved: one sent a bundle (waiting), one wrote an enrolment file.
    waiting, enrolled = root / "zhaolan.db", root / "lijuan.db"
    ok(home, waiting, "profile", "--json", profile("赵兰", county, "13500004444"))
    ok(home, waiting, "export", "--to", hub_key, "--out", root / "zhaolan.age")
    assert "fuqing devices --approve" in ok(home, hub, "import", root / "zhaolan.age")
    pending = [d["id"] for d in ok_json(home, hub, "devices", "--json") if d["status"] == "pending"]
    assert len(pending) == 1
    ok(home, enrolled, "profile", "--json", profile("李娟", county, "13700002222"))
    enrolment = root / "李娟-登记.json"
    ok(home, enrolled, "keys", "--export-enrolment", enrolment)
    passphrase = root / "pw.txt"
    passphrase.write_text("远山的茶 2026\n", encoding="utf-8")
    incoming = root / "incoming"
    incoming.mkdir()
    ok(home, cadre, "add", "diary", "--json", '{"title": "U 盘送来的日记", "body": "留守妇女座谈"}')
    ok(home, cadre, "export", "--out", incoming / "王芳-1120.age")
    ok(home, cadre, "export", "--out", incoming / "x.age", "--passphrase-file", passphrase)
    # A change not sent yet, so that the README's exports have something to write.
    ok(home, cadre, "add", "diary", "--json", '{"title": "还没报送的日记", "body": "妇女之家活动"}')
    backups = root / "backups-usb"
    backups.mkdir()
    ok(home, cadre, "backup", "--out", backups)
    (backup,) = backups.glob("*.db")
    own = ok_json(home, cadre, "profile")
    cadres = [own["id"]] + [c["id"] for c in ok_json(home, cadre, "list", "cadre", "--json") if c["id"] != own["id"]]
    ids = {
        kind: [r["id"] for r in ok_json(home, cadre, "list", kind, "--json")]
        for kind in ("woman", "visit", "diary", "problem")
    }
    ids |= {"cadre": cadres, "conflict": conflicts, "device": [cadre_device], "pending_device": pending}
    ids["proposal"] = proposals
    assert [d["status"] for d in ok_json(home, hub, "devices", "--json") if d["id"] == cadre_device] == ["approved"]
    return World(
        root=root,
        hub=hub,
        cadre=cadre,
        hub_key=hub_key,
        city_key=city_key,
        cadre_key=cadre_key,
        hub_secret=hub_secret,
        enrolment=enrolment,
        passphrase=passphrase,
        incoming=sorted(incoming.glob("*.age")),
        backup=backup,
        ids=ids,
        federation=own["org"],
    )


def prepare(world: World, words: list[str], folder: Path) -> Run:
    """A folder of its own and a copy of the database this command runs on."""
    folder.mkdir()
    db = folder / "fuqing.db"
    source = {"hub": world.hub, "cadre": world.cadre, "new": None}[role(words)]
    if source is not None:
        copy_database(source, db)
    return Run(world, folder, db)


# -- the tests -------------------------------------------------------------------------


def test_the_readme_shows_commands_for_every_cli_subcommand() -> None:
    assert len(COMMANDS) >= 20, COMMANDS
    found = {subcommand(form) for command in COMMANDS for form in forms_of(command)}
    found.discard("COMMAND")  # the synopsis line: fuqing [--db PATH] [--lang zh|en] COMMAND
    subparsers = next(a for a in build_parser()._actions if a.dest == "command")
    in_parser = set(subparsers.choices)  # type: ignore[arg-type]
    assert in_parser - found == set(), "CLI commands the README never shows"
    assert found - in_parser == set(), "README commands the CLI does not have"


def test_the_readme_shows_every_option_of_the_sync_commands() -> None:
    subparsers = argparse.ArgumentParser().add_subparsers(dest="command")
    sync.register(subparsers)
    shown = {(subcommand(form), word) for command in COMMANDS for form in forms_of(command) for word in form}
    missing = [
        f"{name} {option}"
        for name, sub in subparsers._name_parser_map.items()
        for action in sub._actions
        for option in action.option_strings
        if option.startswith("--") and option != "--help" and (name, option) not in shown
    ]
    assert {"proposals", "devices"} <= {name for name, _ in shown}
    assert missing == [], "sync options the README never shows"


def test_every_placeholder_rule_is_used_by_the_readme() -> None:
    pairs = {(f[i - 1], f[i]) for c in COMMANDS for f in forms_of(c) for i in range(1, len(f))}
    pairs |= {(ANY, word) for _, word in pairs}
    assert set(PLACEHOLDERS) - pairs == set(), "PLACEHOLDERS entries no README line needs"


def test_the_readme_parser_splits_lines_and_reads_the_notation() -> None:
    text = "```sh\nfuqing a X --json      fuqing b [--c d|e]  # note\nbash x.sh\n```\nsee `fuqing c FILE`.\n"
    assert readme_commands(text) == ["fuqing a X --json", "fuqing b [--c d|e]", "fuqing c FILE"]
    forms = forms_of("fuqing cards [--cadre ID ...|--all [--federation 妇联]] --x '{\"a\": [1]}'")
    assert forms == [
        ["fuqing", "cards", "--x", '{"a": [1]}'],
        ["fuqing", "cards", "--cadre", "ID", "...", "--x", '{"a": [1]}'],
        ["fuqing", "cards", "--all", "--federation", "妇联", "--x", '{"a": [1]}'],
    ]


@pytest.mark.parametrize("command", COMMANDS, ids=COMMANDS)  # ids: the README text, however long
def test_readme_command_runs(command: str, world: World, tmp_path: Path) -> None:
    failures = []
    for n, words in enumerate(forms_of(command)):
        run = prepare(world, words, tmp_path / f"form{n}")
        args, outputs = resolve(words, run)
        result = fuqing(world.root / "home", *args, cwd=run.folder)
        shown = " ".join(words)
        expected = EXPECTED_EXIT.get(shown, 0)
        problems = []
        if result.returncode != expected:
            problems.append(f"exit {result.returncode}, expected {expected}")
        if "Traceback" in result.stderr:
            problems.append("a Python traceback")
        if result.returncode != 0 and not re.search(r"[\u4e00-\u9fff]", result.stdout + result.stderr):
            problems.append("no message in Chinese")
        for path in outputs:
            if not (path.is_file() or (path.is_dir() and any(path.iterdir()))):
                problems.append(f"{path.name} was not written")
        if "--json" in words and result.returncode == 0:
            try:
                json.loads(result.stdout)
            except ValueError:
                problems.append("--json output is not JSON")
        if subcommand(words) == "import":
            files = [a for a in args if a.endswith(".age")]
            results = json.loads(result.stdout) if "--json" in words else result.stdout.splitlines()
            if len(results) != len(files):
                problems.append(f"{len(results)} results for {len(files)} files")
        if problems:
            failures.append(
                f"{shown}\n  ran: fuqing {' '.join(args)}\n  problems: {'; '.join(problems)}\n"
                f"  stdout: {result.stdout[-600:]}\n  stderr: {result.stderr[-1500:]}"
            )
    assert not (world.root / "home" / ".local" / "share" / "fuqing").exists(), "a command used the default database"
    assert not failures, "\n\n".join(failures)
