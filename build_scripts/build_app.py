"""Build a self-contained app folder with PyInstaller, then check it runs.

    .venv/bin/python build_scripts/build_app.py [--skip-check] [--installer]

Builds the translations, then runs build_scripts/fuqing.spec. Output: dist/fuqing/
with two programs, ``fuqing`` (the window; ``fuqing.exe`` on Windows, without a
console) and ``fuqing-cli`` (the command line, with a console), sharing Python, Qt,
the font, the translations and the icon, with LICENSE, THIRD_PARTY_NOTICES.md and
licenses/ beside them; on Linux also dist/fuqing.desktop and
dist/fuqing-<version>-linux-<arch>.tar.gz. The check runs the built programs with
no Python on the path: ``fuqing-cli demo --records 1000``, ``stats --json`` and
``fuqing --smoke-test`` (a GUI start under offscreen Qt).

Windows (the cadres' usual system): the same command on a Windows machine; with
--installer it then compiles build_scripts/fuqing.iss with Inno Setup 6, passing
the version from pyproject.toml, into dist/fuqing-<version>-setup.exe
(docs/windows-build.md).
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
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
SPEC = ROOT / "build_scripts" / "fuqing.spec"
RESOURCES = ROOT / "desktop_app" / "resources"


def program(name: str) -> Path:
    return DIST / "fuqing" / (f"{name}.exe" if os.name == "nt" else name)


def build() -> None:
    sys.path.insert(0, str(ROOT))
    subprocess.run([sys.executable, str(ROOT / "build_scripts" / "build_translations.py")], check=True)
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--distpath", str(DIST),
               "--workpath", str(ROOT / "build" / "pyinstaller"), str(SPEC)]  # fmt: skip
    subprocess.run(command, check=True, cwd=ROOT)


def check() -> None:
    folder = DIST / "fuqing"
    for name in ("LICENSE", "THIRD_PARTY_NOTICES.md", "licenses/LGPL-3.0.txt", "licenses/GPL-3.0.txt",
                 "licenses/OFL.txt", "licenses/reportlab"):  # fmt: skip
        assert (folder / name).exists(), f"{name} missing from {folder}"
    shipped = folder / "_internal" / "desktop_app" / "resources"
    for name in ("fonts/FuqingSans-Regular.ttf", "icons/fuqing.png", "translations/fuqing_en.qm"):
        assert (shipped / name).exists(), f"{name} missing from {shipped}"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    # No Python of ours on the path: the programs must carry everything they need.
    env["PATH"] = (
        os.path.join(os.environ.get("SystemRoot", r"C:\Windows"), "System32") if os.name == "nt" else "/usr/bin:/bin"
    )
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["FUQING_PASSWORD"] = "build-check-password"  # a throwaway database's: no dialog to answer
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "x.db"
        env["HOME"] = tmp
        run = lambda *args: subprocess.run([str(program("fuqing-cli")), "--db", str(db), *args], env=env,  # noqa: E731
                                           capture_output=True, text=True, timeout=600, cwd=tmp)  # fmt: skip
        result = run("demo", "--records", "1000")
        assert result.returncode == 0, result.stderr
        stats = json.loads(run("stats", "--json").stdout)
        assert stats["counts"]["diary"] == 1000, stats
        fresh = Path(tmp) / "fresh.db"
        smoke = subprocess.run([str(program("fuqing")), "--db", str(fresh), "--smoke-test"], env=env,
                               capture_output=True, text=True, timeout=120, cwd=tmp)  # fmt: skip
        if os.name == "nt":  # the windowed program has no console: nothing to print to
            assert smoke.returncode == 0, smoke.returncode
        else:
            assert "FUQING_SHOWN" in smoke.stdout, smoke.stderr[-2000:]
    print("built app checked: notices, resources, fuqing-cli demo and stats --json, fuqing GUI smoke start")


def pyproject_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as file:
        return str(tomllib.load(file)["project"]["version"])


def find_iscc() -> Path | None:
    """Inno Setup 6's compiler: on PATH, or where its installer puts it (for all users or one)."""
    found = shutil.which("iscc")
    if found:
        return Path(found)
    places = [os.environ.get(name, "") for name in ("ProgramFiles(x86)", "ProgramFiles")]
    places.append(os.path.join(os.environ.get("LOCALAPPDATA", ""), "Programs"))
    for place in places:
        candidate = Path(place) / "Inno Setup 6" / "ISCC.exe"
        if place and candidate.exists():
            return candidate
    return None


def installer() -> Path:
    iscc = find_iscc()
    if iscc is None:
        raise SystemExit("找不到 Inno Setup 6（ISCC.exe）/ Inno Setup 6 not found: https://jrsoftware.org/isinfo.php")
    chinese = iscc.parent / "Languages" / "Unofficial" / "ChineseSimplified.isl"
    if not chinese.exists():
        raise SystemExit(
            f"缺少简体中文安装界面：{chinese} / missing the Simplified Chinese translation: "
            "download ChineseSimplified.isl from https://jrsoftware.org/files/istrans/ into that folder"
        )
    version = pyproject_version()
    subprocess.run([str(iscc), f"/DAppVersion={version}", str(ROOT / "build_scripts" / "fuqing.iss")], check=True)
    return DIST / f"fuqing-{version}-setup.exe"


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
    parser.add_argument("--installer", action="store_true", help="Windows: also the Inno Setup installer")
    args = parser.parse_args(argv)
    if args.installer and sys.platform != "win32":
        raise SystemExit("安装程序只能在 Windows 上生成 / the installer is built on Windows")
    build()
    if not args.skip_check:
        check()
    if sys.platform.startswith("linux"):
        print(f"tarball: {package_linux()}")
    if args.installer:
        print(f"installer: {installer()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
