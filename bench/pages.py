"""Opening each page on the 100k demo database: build the page and read its
first screen of rows, against one raw SQLite query for the same rows.

Goal: every page as quick to open as the diary list (< 100 ms to first rows).
"""

from __future__ import annotations

import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from common import demo_db, median, open_raw

VISIBLE = 40
RAW = {
    "diary": "SELECT date, title, substr(body, 1, 60) FROM diary WHERE deleted = 0 ORDER BY date DESC, seq DESC",
    "visit": "SELECT start_date, method, substr(situation, 1, 60) FROM visit WHERE deleted = 0 "
    "ORDER BY start_date DESC, seq DESC",
    "help_pair": "SELECT start_date, status FROM help_pair WHERE deleted = 0 ORDER BY start_date DESC",
    "woman": "SELECT name, id_number, phone FROM woman WHERE deleted = 0 ORDER BY name",
    "liaison_point": "SELECT name, kind FROM liaison_point WHERE deleted = 0 ORDER BY name",
    "problem": "SELECT raised_date, category, description FROM problem WHERE deleted = 0 "
    "ORDER BY raised_date DESC, seq DESC",
}


def main() -> None:
    from PySide6.QtWidgets import QApplication

    from desktop_app.core.store import Store
    from desktop_app.ui.main_window import MainWindow

    app = QApplication([])
    path = demo_db()
    conn = open_raw(path)
    store = Store(path)
    print(f"{'page':<16}{'open + first rows':>20}{'raw query':>12}{'ratio':>8}")
    for key in ["diary", "visit", "help_pair", "woman", "liaison_point", "problem", "home"]:
        ours, floor = [], []
        for _ in range(5):
            window = MainWindow(store)
            started = time.perf_counter()
            window.show_section(key)
            page = window.page(key)
            model = getattr(getattr(page, "list_page", page), "model", None)
            if model is not None:
                for row in range(min(VISIBLE, model.rowCount())):
                    for column in range(model.columnCount()):
                        model.data(model.index(row, column))
            elif hasattr(page, "refresh"):
                page.refresh()
            ours.append((time.perf_counter() - started) * 1000)
            window.close()
            window.deleteLater()
            app.processEvents()
            if key in RAW:
                started = time.perf_counter()
                conn.execute(RAW[key] + f" LIMIT {VISIBLE}").fetchall()
                floor.append((time.perf_counter() - started) * 1000)
        raw = median(floor) if floor else float("nan")
        ratio = median(ours) / raw if floor else float("nan")
        print(f"{key:<16}{median(ours):>17.1f} ms{raw:>9.2f} ms{ratio:>7.0f}x")
    store.close()


if __name__ == "__main__":
    main()
