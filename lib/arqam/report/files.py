"""The report's data files: figures.csv, times.csv, extraction.json and the chart PNGs.

Written with the csv and json modules rather than pandas, so that a report
kernel does not pay pandas' import, and so that the bytes depend on the
extraction alone: two runs write identical files.
"""

from __future__ import annotations

import csv
import io
from dataclasses import fields
from pathlib import Path

from ..model import FIGURE_FIELDS, TIME_FIELDS, Figure, Time

EXTRA_FIGURE = tuple(f.name for f in fields(Figure)
                     if f.name not in FIGURE_FIELDS and f.name != "id")
EXTRA_TIME = tuple(f.name for f in fields(Time) if f.name not in TIME_FIELDS and f.name != "id")


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _csv(records, columns) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns)
    for rec in records:
        row = rec.to_dict()
        writer.writerow([_cell(row.get(c)) for c in columns])
    return buf.getvalue()


def figures_csv(extraction) -> str:
    return _csv(extraction.figures, ("id",) + FIGURE_FIELDS + EXTRA_FIGURE)


def times_csv(extraction) -> str:
    return _csv(extraction.times, ("id",) + TIME_FIELDS + EXTRA_TIME)


def _write(path: Path, data: str | bytes) -> Path:
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8", newline="")
    else:
        path.write_bytes(data)
    return path


def save(report, folder) -> list[Path]:
    """Write the data files of `report` into `folder`; returns what was written."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    ext = report.extraction
    written = [_write(folder / "figures.csv", figures_csv(ext)),
               _write(folder / "times.csv", times_csv(ext)),
               _write(folder / "extraction.json", ext.to_json() + "\n")]
    for chart in (report.counts_chart, report.timeline_chart):
        if chart is not None:
            written.append(_write(folder / f"{chart.name}.png", chart.png))
    return written
