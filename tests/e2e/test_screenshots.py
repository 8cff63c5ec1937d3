"""build_scripts/screenshot.py renders every page to a PNG with Chinese text."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]


def test_every_page_rendered(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("DISPLAY", None)
    result = subprocess.run(
        [sys.executable, str(ROOT / "build_scripts" / "screenshot.py"), str(tmp_path)],
        capture_output=True, text=True, env=env, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    names = {p.stem for p in tmp_path.glob("*.png")}
    assert {"home", "diary", "visit", "help_pair", "woman", "liaison_point", "problem", "problem_warnings"} <= names
    assert {"dialog_unlock", "dialog_new_password", "dialog_recovery_code", "dialog_change_password"} <= names
    for path in tmp_path.glob("*.png"):
        image = QImage(str(path))
        if path.stem.startswith("dialog_"):  # a dialog fits a 1366×768 laptop screen
            assert 300 <= image.width() <= 1366 and image.height() <= 768, path.name
        else:
            assert image.width() >= 1200 and image.height() >= 700, path.name
        step = 2 if path.stem.startswith("dialog_") else 4  # a small dialog: look closer
        dark = sum(
            1
            for y in range(0, image.height(), step)
            for x in range(0, image.width(), step)
            if image.pixelColor(x, y).lightness() < 110
        )
        assert dark > 300, f"{path.name} looks empty"
