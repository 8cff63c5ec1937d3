"""Choosing where a file goes or comes from, as desktop programs do: the dialog
opens in the folder she used last, else her Documents folder, never the
program's own working directory (the install folder on Windows, where a
report saved by accident is lost at the next update)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

LAST_FOLDER_KEY = "files/last_folder"


def start_folder() -> Path:
    saved = QSettings().value(LAST_FOLDER_KEY)
    if isinstance(saved, str) and saved and Path(saved).is_dir():
        return Path(saved)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()


def remember(path: Path) -> None:
    """The folder of a file she chose (or the folder itself) is where the next dialog opens."""
    folder = path if path.is_dir() else path.parent
    QSettings().setValue(LAST_FOLDER_KEY, str(folder))


def suggested_path(name: str) -> Path:
    """Where a new file called ``name`` is offered: the starting folder, the name as given."""
    return start_folder() / name.replace("/", "-").replace("\\", "-")


def save_file(parent: QWidget, title: str, name: str, filters: str = "") -> Path | None:
    chosen, _ = QFileDialog.getSaveFileName(parent, title, str(suggested_path(name)), filters)
    if not chosen:
        return None
    path = Path(chosen)
    remember(path)
    return path


def open_file(parent: QWidget, title: str, filters: str = "") -> Path | None:
    chosen, _ = QFileDialog.getOpenFileName(parent, title, str(start_folder()), filters)
    if not chosen:
        return None
    path = Path(chosen)
    remember(path)
    return path


def open_files(parent: QWidget, title: str, filters: str = "") -> list[Path]:
    chosen, _ = QFileDialog.getOpenFileNames(parent, title, str(start_folder()), filters)
    paths = [Path(p) for p in chosen]
    if paths:
        remember(paths[0])
    return paths


def choose_folder(parent: QWidget, title: str) -> Path | None:
    chosen = QFileDialog.getExistingDirectory(parent, title, str(start_folder()))
    if not chosen:
        return None
    path = Path(chosen)
    remember(path)
    return path
