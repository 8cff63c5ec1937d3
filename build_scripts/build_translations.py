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


def _tool_env() -> dict[str, str]:
    # The tool is a script of the environment PySide6 is installed in; pip's isolated build
    # environment hides that environment's packages from Python through these two.
    return {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONNOUSERSITE")}


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


def release(languages: list[str] = LANGUAGES) -> list[Path]:
    built = []
    for language in languages:
        qm = ts_file(language).with_suffix(".qm")
        subprocess.run(
            [tool("pyside6-lrelease"), "-silent", str(ts_file(language)), "-qm", str(qm)], check=True, env=_tool_env()
        )
        built.append(qm)
    return built


def stale() -> list[str]:
    """The languages whose .qm is missing or older than its .ts (a fresh clone has none: they are not committed)."""
    out = []
    for language in LANGUAGES:
        ts, qm = ts_file(language), ts_file(language).with_suffix(".qm")
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            out.append(language)
    return out


def release_stale() -> list[Path]:
    """What a wheel build runs (setup.py): a wheel without its translations would start in Chinese only, silently."""
    languages = stale()
    if languages and find_tool("pyside6-lrelease") is None:
        missing = ", ".join(str(ts_file(lang).with_suffix(".qm").relative_to(ROOT)) for lang in languages)
        raise SystemExit(
            f"{missing} must be built from its .ts, and pyside6-lrelease was not found: build the wheel in an "
            "environment with PySide6-Essentials (pip wheel --no-build-isolation .), or run "
            "python build_scripts/build_translations.py first"
        )
    return release(languages)


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
