"""Time to first rows of the 100k diary list, and the memory it costs.

Floor: the same first 40 rows read with one raw SQLite query. Ours: open the
store and build the list model (which holds every row number), then read the
first 40 rows as a view would. Goal: < 100 ms to first rows.
"""

from __future__ import annotations

import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from common import demo_db, median, open_raw, report, rss_kb

VISIBLE_ROWS = 40


def raw_first_rows(path: str) -> float:
    started = time.perf_counter()
    conn = open_raw(path)
    rows = conn.execute(
        "SELECT date, place, title, substr(body, 1, 60) FROM diary WHERE deleted = 0 "
        "ORDER BY date DESC, seq DESC LIMIT ?",
        (VISIBLE_ROWS,),
    ).fetchall()
    assert len(rows) == VISIBLE_ROWS
    conn.close()
    return (time.perf_counter() - started) * 1000


def model_first_rows(path: str) -> tuple[float, int]:
    from desktop_app.core.lists.specs import SPECS
    from desktop_app.core.store import Store
    from desktop_app.ui.models.record_list import RecordListModel

    before = rss_kb()
    started = time.perf_counter()
    store = Store(path)
    model = RecordListModel(store, SPECS["diary"])
    for row in range(VISIBLE_ROWS):
        for column in range(model.columnCount()):
            model.data(model.index(row, column))
    elapsed = (time.perf_counter() - started) * 1000
    grown = rss_kb() - before
    assert model.rowCount() > 0 and store.count("diary") == 100_000
    store.close()
    return elapsed, grown


def main() -> None:
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    path = str(demo_db())
    floor = [raw_first_rows(path) for _ in range(7)]
    ours, growth = [], []
    for _ in range(7):
        elapsed, grown = model_first_rows(path)
        ours.append(elapsed)
        growth.append(grown)
    report("time to first rows (100k diaries)", median(ours), median(floor), goal="goal < 100 ms")
    print(f"{'memory growth for the open list (first run)':<44} {growth[0] / 1024:10.1f} MB")
    del app


if __name__ == "__main__":
    main()
