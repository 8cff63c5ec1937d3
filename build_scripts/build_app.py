"""Build a self-contained app folder with PyInstaller, then check it runs.

    .venv/bin/python build_scripts/build_app.py [--skip-check]

Output: dist/fuqing/ (the binary ``fuqing`` plus Python, Qt, the font, the
translations and the icon), on Linux also dist/fuqing.desktop and
dist/fuqing-<version>-linux-<arch>.tar.gz. The check runs the built binary with
no Python on its path: ``demo --records 1000``, ``stats --json`` and a GUI
smoke start under offscreen Qt.

Windows (the cadres' usual system) uses the same command on a Windows machine
with Python 3.11; docs/windows-build.md adds the Inno Setup installer script.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
SEP = ";" if os.name == "nt" else ":"
RESOURCES = ROOT / "desktop_app" / "resources"


def build() -> Path:
    sys.path.insert(0, str(ROOT))
    subprocess.run([sys.executable, str(ROOT / "build_scripts" / "build_translations.py")], check=True)
    command = [
        sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--name", "fuqing",
        "--distpath", str(DIST), "--workpath", str(ROOT / "build" / "pyinstaller"), "--specpath", str(ROOT / "build"),
        "--add-data", f"{RESOURCES / 'fonts'}{SEP}desktop_app/resources/fonts",
        "--add-data", f"{RESOURCES / 'translations' / 'fuqing_en.qm'}{SEP}desktop_app/resources/translations",
        "--add-data", f"{RESOURCES / 'icons'}{SEP}desktop_app/resources/icons",
        "--icon", str(RESOURCES / "icons" / "fuqing.png"),
        "--collect-submodules", "desktop_app",
        "--collect-all", "zxingcpp", "--collect-all", "pyrage", "--collect-all", "sqlcipher3",
        "--exclude-module", "tkinter", "--exclude-module", "pytest", "--exclude-module", "hypothesis",
        str(ROOT / "build_scripts" / "launcher.py"),
    ]  # fmt: skip
    subprocess.run(command, check=True, cwd=ROOT)
    return DIST / "fuqing" / ("fuqing.exe" if os.name == "nt" else "fuqing")


def check(binary: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env["PATH"] = "/usr/bin:/bin"
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["FUQING_PASSWORD"] = "build-check-password"  # a throwaway database's: no dialog to answer
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "x.db"
        env["HOME"] = tmp
        run = lambda *args: subprocess.run([str(binary), "--db", str(db), *args], env=env, capture_output=True,  # noqa: E731
                                           text=True, timeout=600)  # fmt: skip
        result = run("demo", "--records", "1000")
        assert result.returncode == 0, result.stderr
        stats = json.loads(run("stats", "--json").stdout)
        assert stats["counts"]["diary"] == 1000, stats
        fresh = Path(tmp) / "fresh.db"
        smoke = subprocess.run([str(binary), "--db", str(fresh), "--smoke-test"], env=env, capture_output=True,
                               text=True, timeout=120)  # fmt: skip
        assert "FUQING_SHOWN" in smoke.stdout, smoke.stderr[-2000:]
    print("built app checked: demo, stats --json and GUI smoke start all pass")


def package_linux() -> Path:
    from desktop_app import __version__

    desktop = DIST / "fuqing.desktop"
    desktop.write_text(
        "[Desktop Entry]\nType=Application\nName=访妇情\nName[en]=Fuqing\nComment=妇联干部下基层工作台\n"
        "Exec=fuqing\nIcon=fuqing\nCategories=Office;\nTerminal=false\n",
        encoding="utf-8",
    )
    shutil.copy(RESOURCES / "icons" / "fuqing.png", DIST / "fuqing" / "fuqing.png")
    shutil.copy(desktop, DIST / "fuqing" / "fuqing.desktop")
    tarball = DIST / f"fuqing-{__version__}-linux-{platform.machine()}.tar.gz"
    with tarfile.open(tarball, "w:gz") as archive:
        archive.add(DIST / "fuqing", arcname="fuqing")
    return tarball


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--skip-check", action="store_true")
    args = parser.parse_args(argv)
    binary = build()
    if not args.skip_check:
        check(binary)
    if sys.platform.startswith("linux"):
        print(f"tarball: {package_linux()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
