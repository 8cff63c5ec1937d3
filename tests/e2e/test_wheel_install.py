"""The wheel as someone installs it: built from a copy of this checkout without its
built translations, as a fresh clone has it (the build makes them), installed with its
dependencies from the lock, hashes checked, into a fresh venv outside the checkout, its
commands run from elsewhere.

The app's shipped files must come from the installed package, not from this
checkout: nothing of the checkout is on the new venv's path, and the test asserts
where ``desktop_app`` and its font, icon and translations were found.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
import time
import zipfile
from datetime import date
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.db_helpers import TEST_PASSWORD

REPO = Path(__file__).resolve().parents[2]
LOCK = REPO / "requirements" / "lock.txt"
NOT_SOURCE = shutil.ignore_patterns(
    ".git", ".venv", ".demo", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", ".hypothesis", "*.qm"
)

pytestmark = pytest.mark.skipif(
    not all(shutil.which(t) for t in ("pdffonts", "pdftotext")),
    reason="poppler-utils is installed by scripts/setup.sh --test",
)


def _timed(label: str, timings: dict[str, float], *args: str | Path, **kwargs: object) -> None:
    started = time.perf_counter()
    subprocess.run([str(a) for a in args], check=True, **kwargs)  # type: ignore[call-overload]
    timings[label] = time.perf_counter() - started


def _lock_entries() -> dict[str, str]:
    """The lock's requirement blocks (a line with its ``--hash`` lines), by package name."""
    blocks: dict[str, str] = {}
    for block in re.split(r"\n(?=\S)", LOCK.read_text(encoding="utf-8")):
        if block.startswith("#") or not block.strip():
            continue
        lines = [line for line in block.splitlines() if not line.strip().startswith("#")]
        blocks[canonicalize_name(re.split(r"[=;\s]", lines[0], maxsplit=1)[0])] = "\n".join(lines)
    return blocks


def _runtime_closure(roots: list[str]) -> set[str]:
    """Every package the wheel needs at run time (its requirements and theirs, no extras),
    read from the installed metadata of the environment running the tests."""
    needed: set[str] = set()
    pending = [Requirement(r) for r in roots]
    while pending:
        req = pending.pop()
        if req.marker and not req.marker.evaluate({"extra": ""}):
            continue
        name = canonicalize_name(req.name)
        if name in needed:
            continue
        needed.add(name)
        pending.extend(Requirement(r) for r in metadata.distribution(name).requires or [])
    return needed


def test_wheel_installs_and_runs_outside_the_checkout(tmp_path: Path) -> None:
    timings: dict[str, float] = {}
    started = time.perf_counter()
    source = tmp_path / "source"
    shutil.copytree(REPO, source, ignore=NOT_SOURCE)
    assert not list(source.rglob("*.qm"))  # as a fresh clone: building the wheel builds them (setup.py)
    wheels = tmp_path / "wheels"
    # The build backend is the lock's setuptools, already in this venv: no download, no isolation.
    _timed("build wheel", timings, sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
           "--wheel-dir", wheels, source, cwd=tmp_path)  # fmt: skip
    (wheel,) = wheels.glob("fuqing-*.whl")

    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        requires = [line.split(":", 1)[1].strip() for line in archive.read(
            next(n for n in names if n.endswith(".dist-info/METADATA"))).decode().splitlines()
            if line.startswith("Requires-Dist:")]  # fmt: skip
    licenses = {Path(n).name for n in names if ".dist-info/licenses/" in n}
    assert {"LICENSE", "THIRD_PARTY_NOTICES.md", "OFL.txt", "LGPL-3.0.txt", "GPL-3.0.txt"} <= licenses
    for shipped in ("fonts/FuqingSans-Regular.ttf", "fonts/OFL.txt", "icons/fuqing.png", "translations/fuqing_en.qm"):
        assert f"desktop_app/resources/{shipped}" in names, shipped

    # Its dependencies exactly as locked, hashes checked, the wheel itself by its own hash:
    # pip refuses if the wheel needs a package the lock does not pin.
    entries = _lock_entries()
    runtime = _runtime_closure([r for r in requires if "extra ==" not in r])
    assert runtime <= entries.keys(), runtime - entries.keys()
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    pinned = tmp_path / "install.txt"
    pinned.write_text(
        "\n".join(entries[name] for name in sorted(runtime)) + f"\nfuqing @ {wheel.as_uri()} --hash=sha256:{digest}\n",
        encoding="utf-8",
    )
    venv = tmp_path / "venv"
    _timed("venv", timings, sys.executable, "-m", "venv", "--without-pip", venv)
    python = venv / "bin" / "python"
    _timed("install", timings, sys.executable, "-m", "pip", "--python", python, "install", "-q", "--require-hashes",
           "-r", pinned, cwd=tmp_path)  # fmt: skip
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "check"], check=True, cwd=tmp_path)

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {"PATH": f"{venv / 'bin'}:/usr/bin:/bin", "HOME": str(elsewhere), "FUQING_LANG": "zh",
           "FUQING_PASSWORD": TEST_PASSWORD, "QT_QPA_PLATFORM": "offscreen"}  # fmt: skip

    def run(*args: str) -> str:
        result = subprocess.run(args, cwd=elsewhere, env=env, capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stderr[-3000:]
        assert "Traceback" not in result.stderr
        return result.stdout

    found = run(str(python), "-c", "import desktop_app, desktop_app.paths as p; print(desktop_app.__file__); "
                "print(p.font_path()); print(p.icon_path()); print(p.translation_path('en'))").split()  # fmt: skip
    site = venv / "lib"
    for path in map(Path, found):
        assert path.is_relative_to(site) and path.exists(), (path, site)
    assert (
        run(str(python), "-c", "import desktop_app; print(desktop_app.__version__)").strip() == wheel.name.split("-")[1]
    )
    # The window's font and English from the installed files.
    loaded = run(str(python), "-c", "from PySide6.QtWidgets import QApplication; from desktop_app.ui import fonts, "
                 "translations; app = QApplication([]); print(fonts.install_app_font(app), translations.install(app, 'en'))")  # fmt: skip
    assert loaded.startswith("Fuqing Sans True"), loaded

    db = elsewhere / "demo.db"
    run("fuqing", "--db", str(db), "demo", "--records", "200")
    cards = elsewhere / "cards.pdf"
    run("fuqing", "--db", str(db), "cards", "--all", "--out", str(cards))
    fonts_table = run("pdffonts", str(cards)).splitlines()[2:]
    assert fonts_table and all("FuqingSans" in line and "yes yes yes" in " ".join(line.split()) for line in fonts_table)
    assert "联系服务卡" in run("pdftotext", str(cards), "-")
    report = elsewhere / "report.pdf"
    run("fuqing-cli", "--db", str(db), "report", "--period", str(date.today().year), "--out", str(report))
    assert "访妇情工作报表" in run("pdftotext", str(report), "-")
    assert all("FuqingSans" in line for line in run("pdffonts", str(report)).splitlines()[2:])
    assert "FUQING_SHOWN" in run("fuqing", "--db", str(elsewhere / "fresh.db"), "--smoke-test")
    timings["total"] = time.perf_counter() - started
    print("wheel install: " + ", ".join(f"{k} {v:.1f} s" for k, v in timings.items()))
