"""The packaging files read as their tools read them: the PyInstaller spec as Python, the
Inno Setup script as sections, pyproject's version against the app's; the shipped files
where paths.py says; the Qt tool lookup on a Windows-style layout.

What only Windows can show (the installer compiled and run, the shortcuts, the windowed
exe) is listed in docs/windows-build.md.
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from importlib import metadata
from pathlib import Path

import pytest

import desktop_app
from desktop_app import paths

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "build_scripts"))
import build_app  # noqa: E402
import build_translations  # noqa: E402

SPEC = REPO / "build_scripts" / "fuqing.spec"
ISS = REPO / "build_scripts" / "fuqing.iss"


def _calls(tree: ast.AST, name: str) -> list[ast.Call]:
    return [n for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == name]


def _keywords(call: ast.Call) -> dict[str, object]:
    return {k.arg: ast.literal_eval(k.value) for k in call.keywords if isinstance(k.value, ast.Constant) and k.arg}


def test_spec_makes_a_windowed_and_a_console_program_in_one_folder() -> None:
    source = SPEC.read_text(encoding="utf-8")
    tree = ast.parse(source)  # a spec is Python
    exes = {kw["name"]: kw for kw in map(_keywords, _calls(tree, "EXE"))}
    assert exes["fuqing"]["console"] is False and exes["fuqing-cli"]["console"] is True
    assert all(kw["exclude_binaries"] is True for kw in exes.values()), "binaries belong to the one COLLECT"
    icons = [k for call in _calls(tree, "EXE") for k in call.keywords if k.arg == "icon"]
    assert len(icons) == 2
    (collect,) = _calls(tree, "COLLECT")
    assert [a.id for a in collect.args[:2] if isinstance(a, ast.Name)] == ["gui", "cli"]
    assert _keywords(collect)["name"] == "fuqing"
    (analysis,) = _calls(tree, "Analysis")
    assert {"launcher.py", "cli_launcher.py"} <= set(re.findall(r"\w+\.py", ast.unparse(analysis.args[0])))
    # The shipped files as datas, where paths.py looks for them; the notices copied beside.
    for needed in ('"FuqingSans-Regular.ttf"', '"OFL.txt"', "ICON", 'glob("*.qm")', '"desktop_app/resources/fonts"',
                   '"desktop_app/resources/icons"', '"desktop_app/resources/translations"', '"LICENSE"',
                   '"THIRD_PARTY_NOTICES.md"', '"licenses"'):  # fmt: skip
        assert needed in source, needed
    for script in ("launcher.py", "cli_launcher.py"):
        ast.parse((REPO / "build_scripts" / script).read_text(encoding="utf-8"))


def _iss_sections(text: str) -> dict[str, list[str]]:
    """Inno Setup's layout: ``[Section]`` headers, ``;`` comments, preprocessor ``#`` lines."""
    sections: dict[str, list[str]] = {"#": []}
    current = "#"
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(";"):
            continue
        if line.startswith("#"):
            sections["#"].append(line)
        elif line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            sections.setdefault(current, [])
        else:
            sections[current].append(line)
    return sections


def _directives(lines: list[str]) -> dict[str, str]:
    return dict(line.split("=", 1) for line in lines)


def _entries(lines: list[str]) -> list[dict[str, str]]:
    """``Name: "x"; Filename: "y"; Flags: a b`` lines as dicts."""
    found = []
    for line in lines:
        parts = re.findall(r'(\w+):\s*("[^"]*"|[^;]+)', line)
        found.append({key: value.strip().strip('"') for key, value in parts})
    return found


def test_inno_setup_script() -> None:
    raw = ISS.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with a BOM, or Inno Setup garbles the Chinese"
    sections = _iss_sections(raw.decode("utf-8-sig"))
    assert {"Setup", "Languages", "Tasks", "Files", "Icons", "Run"} <= sections.keys()
    # The version comes from outside (build_app.py reads pyproject.toml); without it, no installer.
    preprocessor = sections["#"]
    assert preprocessor[0] == "#ifndef AppVersion" and preprocessor[1].startswith("#error")
    setup = _directives(sections["Setup"])
    assert re.fullmatch(r"\{\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}", setup["AppId"])
    assert setup["AppVersion"] == "{#AppVersion}"
    assert setup["PrivilegesRequired"] == "lowest" and setup["DefaultDirName"].startswith("{userpf}")
    assert setup.get("Uninstallable", "yes") == "yes"
    languages = {e["Name"]: e["MessagesFile"] for e in _entries(sections["Languages"])}
    assert languages == {
        "chinesesimplified": r"compiler:Languages\Unofficial\ChineseSimplified.isl",
        "english": "compiler:Default.isl",
    }
    assert next(iter(languages)) == "chinesesimplified", "the first language is the fallback"
    (files,) = _entries(sections["Files"])
    assert files["Source"] == r"..\dist\fuqing\*" and "recursesubdirs" in files["Flags"]
    icons = _entries(sections["Icons"])
    start_menu = [i for i in icons if i["Name"].startswith("{group}") and i["Filename"] == r"{app}\{#AppExe}"]
    desktop = [i for i in icons if i["Name"].startswith(("{userdesktop}", "{autodesktop}"))]
    assert start_menu and len(desktop) == 1 and desktop[0]["Tasks"] == "desktopicon"
    assert any(i["Filename"] == "{uninstallexe}" for i in icons)
    (task,) = _entries(sections["Tasks"])
    assert task["Name"] == "desktopicon" and "unchecked" in task["Flags"]  # the desktop icon is a choice
    assert '#define AppExe "fuqing.exe"' in preprocessor


def test_one_version_everywhere() -> None:
    with (REPO / "pyproject.toml").open("rb") as file:
        version = tomllib.load(file)["project"]["version"]
    assert version == desktop_app.__version__ == build_app.pyproject_version()
    try:
        installed = metadata.version("fuqing")
    except metadata.PackageNotFoundError:
        pytest.skip("fuqing is not installed in this environment")
    assert installed == version, "pip install -e . again (scripts/setup.sh does when pyproject changes)"


def test_shipped_files_are_found_in_the_package() -> None:
    resources = Path(desktop_app.__file__).parent / "resources"
    assert paths.font_path() == resources / "fonts" / "FuqingSans-Regular.ttf"
    assert paths.icon_path() == resources / "icons" / "fuqing.png"
    assert paths.translation_path("en") == resources / "translations" / "fuqing_en.qm"
    assert paths.font_path().is_file() and paths.icon_path().is_file()
    assert paths.font_path().read_bytes()[:4] == b"\x00\x01\x00\x00"  # TrueType outlines: reportlab embeds them


def _executable(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("")
    path.chmod(0o755)
    return path


def test_tool_lookup_on_a_windows_layout(tmp_path: Path) -> None:
    # A system Python: python.exe in the install folder, the tools in Scripts\ beside it.
    system = tmp_path / "Python313"
    lrelease = _executable(system / "Scripts" / "pyside6-lrelease.exe")
    find = build_translations.find_tool
    assert find("pyside6-lrelease", python=system / "python.exe", path="", pathext=".COM;.EXE;.BAT") == lrelease
    # A venv: python.exe and the tools both in Scripts\.
    venv = tmp_path / "venv" / "Scripts"
    lupdate = _executable(venv / "pyside6-lupdate.exe")
    assert find("pyside6-lupdate", python=venv / "python.exe", path="", pathext=".COM;.EXE") == lupdate
    # Only on PATH (a conda or user install), PATHEXT's suffix.
    elsewhere = _executable(tmp_path / "bin" / "pyside6-lupdate.bat")
    nowhere = tmp_path / "nothing" / "python.exe"
    assert find("pyside6-lupdate", python=nowhere, path=str(elsewhere.parent), pathext=".EXE;.BAT") == elsewhere
    # Beside the interpreter wins over PATH; a missing tool is None, not a path that does not exist.
    assert find("pyside6-lupdate", python=venv / "python.exe", path=str(elsewhere.parent), pathext=".BAT") == lupdate
    assert find("pyside6-rcc", python=venv / "python.exe", path=str(elsewhere.parent), pathext=".EXE") is None


def test_tool_lookup_here_finds_this_environments_lrelease() -> None:
    found = build_translations.find_tool("pyside6-lrelease")
    assert found is not None and found.exists()


def _clone(destination: Path) -> Path:
    """The checkout's files as a fresh clone has them: what git tracks (or would), no .qm, no build output."""
    try:
        listed = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=REPO, capture_output=True, check=True,
        ).stdout.decode().split("\0")  # fmt: skip
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout")
    for name in filter(None, listed):
        if (REPO / name).is_file():
            (destination / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, destination / name)
    assert not list(destination.rglob("*.qm"))
    return destination


def test_a_wheel_built_from_a_fresh_clone_has_the_english_translation(tmp_path: Path) -> None:
    """The .qm files are not committed: building the package builds them (setup.py), as a release script did."""
    from PySide6.QtCore import QTranslator

    source = _clone(tmp_path / "clone")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "--wheel-dir",
         str(tmp_path / "wheels"), str(source)],
        cwd=tmp_path, check=True, capture_output=True,
    )  # fmt: skip
    (wheel,) = (tmp_path / "wheels").glob("fuqing-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        assert not [n for n in archive.namelist() if n.endswith(".ts")]  # the source of the .qm stays in the sdist
        qm = tmp_path / "fuqing_en.qm"
        qm.write_bytes(archive.read("desktop_app/resources/translations/fuqing_en.qm"))
    translator = QTranslator()
    assert translator.load(str(qm)) and not translator.isEmpty()
    assert translator.translate("AboutDialog", "关于访妇情") == "About Fuqing"


def test_a_build_that_cannot_make_the_translation_says_why(tmp_path: Path) -> None:
    """No lrelease beside the interpreter nor on PATH: the build stops with the reason, not a wheel without English."""
    source = _clone(tmp_path / "clone")
    python = tmp_path / "bare" / "python"
    python.parent.mkdir()
    python.symlink_to(sys._base_executable)  # type: ignore[attr-defined]  # no PySide6 tools beside it
    result = subprocess.run(
        [str(python), "-c", "import build_translations; build_translations.release_stale()"],
        cwd=source / "build_scripts", capture_output=True, text=True,
        env={"PATH": str(tmp_path / "nothing"), "SYSTEMROOT": os.environ.get("SYSTEMROOT", "")},
    )  # fmt: skip
    assert result.returncode != 0
    assert "fuqing_en.qm must be built" in result.stderr and "pyside6-lrelease was not found" in result.stderr
    assert not list(source.rglob("*.qm"))
