"""Qt Linguist workflow: lupdate (sources → .ts) and lrelease (.ts → .qm).

    python build_scripts/build_translations.py            # build .qm from the committed .ts
    python build_scripts/build_translations.py --update   # refresh .ts from the sources first

Chinese is the source language; fuqing_en.ts holds the English. The .qm files
are build output and are not committed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "desktop_app" / "ui").rglob("*.py"))
TRANSLATIONS = ROOT / "desktop_app" / "resources" / "translations"
LANGUAGES = ["en"]


def find_tool(
    name: str, python: Path | None = None, path: str | None = None, pathext: str | None = None
) -> Path | None:
    """Where PySide6's ``name`` (pyside6-lrelease, …) is, or None.

    First beside the interpreter, whose environment installed PySide6: a venv's
    ``bin/`` (Linux, macOS) or ``Scripts\\`` (Windows, where python.exe is in
    ``Scripts\\`` of a venv but in the folder above ``Scripts\\`` of a system
    install), then on ``path`` (default PATH). On Windows the tool is
    ``name.exe``: every suffix of PATHEXT is tried, and ``.exe`` always.
    """
    python = Path(sys.executable) if python is None else python
    pathext = os.environ.get("PATHEXT", "") if pathext is None else pathext
    suffixes = ["", ".exe", *(ext.lower() for ext in pathext.split(";") if ext)]
    beside = os.pathsep.join(str(d) for d in (python.parent, python.parent / "Scripts"))
    for search in (beside, os.environ.get("PATH", os.defpath) if path is None else path):
        for suffix in dict.fromkeys(suffixes):
            found = shutil.which(name + suffix, path=search)
            if found:
                return Path(found)
    return None


def tool(name: str) -> str:
    found = find_tool(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6-Essentials in this environment")
    return str(found)


def ts_file(language: str) -> Path:
    return TRANSLATIONS / f"fuqing_{language}.ts"


def lupdate(language: str, ts: Path) -> None:
    """Merge the sources' current strings into ``ts``, dropping obsolete ones."""
    subprocess.run(
        [tool("pyside6-lupdate"), "-locations", "none", "-no-obsolete", "-source-language", "zh_CN",
         "-target-language", language, *SOURCES, "-ts", str(ts)],
        cwd=ROOT, check=True, capture_output=True,
    )  # fmt: skip


def update() -> None:
    for language in LANGUAGES:
        lupdate(language, ts_file(language))


def release() -> list[Path]:
    built = []
    for language in LANGUAGES:
        qm = ts_file(language).with_suffix(".qm")
        subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts_file(language)), "-qm", str(qm)], check=True)
        built.append(qm)
    return built


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--update", action="store_true", help="run lupdate on the sources before lrelease")
    args = parser.parse_args(argv)
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    if args.update:
        update()
    for qm in release():
        print(f"built {qm.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
