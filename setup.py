"""What pyproject.toml cannot say: the English translation is compiled into the wheel.

The .qm files are build output, not committed; a wheel built from a fresh clone
would otherwise ship without them and the app would have no English. Building
the package runs the same lrelease as build_scripts/build_translations.py when
a .qm is missing or older than its .ts, and fails with the reason when it cannot.
"""

from __future__ import annotations

import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

sys.path.insert(0, str(Path(__file__).resolve().parent / "build_scripts"))
import build_translations


class BuildPyWithTranslations(build_py):
    def run(self) -> None:
        build_translations.release_stale()
        self.__dict__.pop("data_files", None)  # found again: the .qm files just built are package data
        super().run()


setup(cmdclass={"build_py": BuildPyWithTranslations})
