"""A teacher's events file of any size, made up from the pack's own events, for scale tests and benchmarks.

Each generated row copies a pack event (its place, kind, text and sources) to a new day, so the file
is as varied as the real data and loads with ``load_events`` like any teacher's file.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from hemisphere import load_operations

COLUMNS = ("id", "date", "country_iso3", "place", "lat", "lon", "category", "actors", "summary",
           "casualties", "source_urls", "confidence", "notes")
FIRST_DAY = dt.date(2025, 1, 20)
DAYS = 450  # the pack's own span, January 2025 to April 2026


def write_generated_events(path: Path, count: int) -> Path:
    """Write ``count`` made-up events to ``path`` (CSV, as the template has it) and return the path."""
    pack = load_operations()
    rows = list(pack.itertuples())
    with Path(path).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for number in range(count):
            row = rows[number % len(rows)]
            day = FIRST_DAY + dt.timedelta(days=number * DAYS // max(count, 1))
            writer.writerow([
                f"GEN-{number + 1:05d}", day.isoformat(), row.country_iso3, row.place, row.lat, row.lon,
                row.category, row.actors, f"Generated event {number + 1}. {row.summary}",
                row.casualties if isinstance(row.casualties, str) else "", " | ".join(row.source_urls),
                row.confidence, "",
            ])
    return Path(path)
