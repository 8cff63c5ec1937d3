"""A start of the app's window in a process of its own, on the screens a test
describes (the offscreen platform's config file): ``python -m
tests.unit.ui.window_process DB [X Y W H]`` starts as the app does, opens the
main window, goes to the visit page, optionally puts it at X, Y with size W × H and
splits that page 600 : the rest, closes it (which saves its geometry and
splitters) and prints what it saw as JSON."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from desktop_app.core.store import Store
from desktop_app.ui.app import create_application
from desktop_app.ui.main_window import MainWindow


def rect(r: object) -> list[int]:
    return [r.x(), r.y(), r.width(), r.height()]  # type: ignore[attr-defined]


def main(argv: list[str]) -> int:
    app = create_application(sys.argv[:1])
    with Store(Path(argv[0])) as store:
        window = MainWindow(store)
        window.show()
        section = window.section_keys[window.sidebar.currentRow()]  # the one it opened on
        window.show_section("visit")
        splitter = window.visit_page.splitter
        QApplication.processEvents()
        opened = {"geometry": rect(window.geometry()), "frame": rect(window.frameGeometry()), "split": splitter.sizes()}
        if len(argv) == 5:
            x, y, w, h = (int(v) for v in argv[1:])
            window.setGeometry(x, y, w, h)
            QApplication.processEvents()
            splitter.setSizes([600, sum(splitter.sizes()) - 600])
            QApplication.processEvents()
        placed = {"geometry": rect(window.geometry()), "split": splitter.sizes()}
        window.close()
        QApplication.processEvents()
    print(json.dumps({
        "section": section,
        "opened": opened,
        "placed": placed,
        "screens": [rect(s.availableGeometry()) for s in QGuiApplication.screens()],
        "icon": not app.windowIcon().isNull() and not window.windowIcon().isNull(),
        "desktop_file_name": QGuiApplication.desktopFileName(),
        "organization": app.organizationName(),
    }))  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
