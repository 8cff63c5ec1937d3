"""The yearly report on the 100k demo database, PDF and XLSX, against reading
the same rows with raw SQLite (the floor)."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from common import demo_db, open_raw, report

from desktop_app.core.reports import figures as campaign_report
from desktop_app.core.reports import pdf as report_pdf
from desktop_app.core.reports import xlsx as report_xlsx
from desktop_app.core.store import Store


def main() -> None:
    path = demo_db()
    started = time.perf_counter()
    raw = open_raw(path)
    for table in ("visit", "visit_cadre", "help_log", "problem", "diary"):
        raw.execute(f"SELECT * FROM {table}").fetchall()
    floor = time.perf_counter() - started
    with Store(path) as store, tempfile.TemporaryDirectory() as tmp:
        period = campaign_report.parse_period("2026")
        started = time.perf_counter()
        data = campaign_report.build(store, period)
        figures = time.perf_counter() - started
        started = time.perf_counter()
        report_pdf.write_pdf(data, Path(tmp) / "y.pdf")
        pdf = time.perf_counter() - started
        started = time.perf_counter()
        report_xlsx.write_xlsx(data, Path(tmp) / "y.xlsx")
        xlsx = time.perf_counter() - started
        report("yearly report: figures", figures, floor, unit="s", goal="floor: read the tables raw")
        report("yearly report: + PDF", figures + pdf, floor, unit="s")
        report("yearly report: + XLSX", figures + xlsx, floor, unit="s")


if __name__ == "__main__":
    main()
