"""Each lesson's Sources cell: the datasets it uses, with their 'as of' dates, and every source their rows cite."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
from IPython.display import HTML

from ..data.loaders import (load_coalition, load_datasets, load_glossary, load_history, load_operations, load_polls,
                            load_positions, load_quotes, load_readings, load_report_claims, load_strike_tallies)
from ..data.safe_html import escape, link, source_label
from ..topics.history import labelled_comparisons
from .contents import lesson
from ..data.dates import spell_date


#: For each dataset with per-row sources: its loader and the column that names a row for readers.
SOURCED_DATASETS: dict[str, tuple[Callable[[], pd.DataFrame], str]] = {
    "coalition": (load_coalition, "name_en"),
    "quotes": (load_quotes, "speaker"),
    "history": (load_history, "title"),
    "comparisons": (labelled_comparisons, "label"),
    "glossary": (load_glossary, "term"),
    "positions": (load_positions, "name_en"),
    "polls": (load_polls, "pollster"),
    "report_claims": (load_report_claims, "short"),
    "readings": (load_readings, "title"),
    "operations": (load_operations, "id"),
    "strike_tallies": (load_strike_tallies, "as_of"),
}


def citations(datasets: tuple[str, ...], lesson_number: str | None = None,
              quotes: tuple[str, ...] | None = None) -> pd.DataFrame:
    """Each source URL the datasets cite, with the rows that cite it, most-cited first.

    A dataset with a ``lesson`` column (``readings.csv``) contributes only the rows of ``lesson_number``;
    ``quotes``, when given, limits ``quotes.csv`` to those ids.
    """
    cited: dict[str, list[str]] = {}
    for name in datasets:
        if name not in SOURCED_DATASETS:
            continue
        loader, label_column = SOURCED_DATASETS[name]
        rows = loader()
        if "lesson" in rows.columns and lesson_number is not None:
            rows = rows[rows.lesson == lesson_number]
        if name == "quotes" and quotes is not None:
            rows = rows.loc[list(quotes)]
        for row in rows.itertuples():
            for url in row.source_urls:
                cited.setdefault(url, []).append(str(getattr(row, label_column)))
    table = pd.DataFrame(
        [(url, source_label(url), rows) for url, rows in cited.items()], columns=["url", "site", "cited_for"]
    )
    order = table.cited_for.map(len).sort_values(ascending=False, kind="stable").index
    return table.loc[order].reset_index(drop=True)


def lesson_sources(file_or_number: str) -> HTML:
    """The lesson's sources, generated from the data it used, with each dataset's 'as of' date."""
    item = lesson(file_or_number)
    register = load_datasets()
    if item.datasets:
        names, intro = item.datasets, "Datasets used in this lesson:"
    else:
        names, intro = tuple(register.index), "The pack's datasets (each lesson lists the sources its rows cite):"
    parts = ["<h3>Sources</h3>", f"<p>{intro}</p><ul>"]
    for name in names:
        entry = register.loc[name]
        parts.append(
            f"<li><code>data/{escape(entry.file)}</code>: {escape(entry.title)}. "
            f"{escape(entry.provenance)}. Licence: {escape(entry.licence)}. "
            f"As of {spell_date(entry.as_of)}.</li>"
        )
    parts.append("</ul>")
    table = citations(item.datasets, item.number, item.quotes)
    if len(table):
        parts.append(f"<p>{len(table)} sources are cited by the rows this lesson shows:</p><ol>")
        for row in table.itertuples():
            shown = ", ".join(row.cited_for[:8]) + (f" and {len(row.cited_for) - 8} more" if len(row.cited_for) > 8 else "")
            parts.append(f"<li>{link(row.url, row.site)}: cited for {escape(shown)}</li>")
        parts.append("</ol>")
    return HTML("".join(parts))
