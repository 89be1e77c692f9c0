"""One renderer for every table a lesson shows: whole cells, every row, links that open.

pandas' own notebook view cuts text at 50 characters and drops middle rows; for evidence that is the
wrong default. :func:`show_tables_in_full` makes IPython render every DataFrame with :func:`table_html`.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from ..data.safe_html import escape, is_safe_url, link, source_label

#: Tables with more rows than this scroll inside a box instead of stretching the page.
SCROLL_AFTER_ROWS = 15
TABLE_STYLE = (
    "<style>.hemisphere-full-table td,.hemisphere-full-table th{white-space:normal;vertical-align:top;"
    "text-align:left;max-width:36em;overflow-wrap:anywhere}"
    ".hemisphere-full-table a{color:#0a58a3;text-decoration:underline}</style>"
)


def cell_html(value: object) -> str:
    """One cell: text escaped, web links clickable, several links one per line, nothing shortened."""
    if isinstance(value, (tuple, list)):
        return "<br>".join(cell_html(part) for part in value)
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, str):
        parts = [part.strip() for part in value.split(" | ")]
        if parts and all(is_safe_url(part) for part in parts):
            return "<br>".join(link(part, source_label(part)) for part in parts)
        return escape(value)
    if isinstance(value, float):
        return f"{value:,.6g}"
    if hasattr(value, "geom_type"):  # a shape: its kind, not thousands of coordinates
        return escape(f"{value.geom_type} (shape)")
    return escape(value)


def _header(names: Iterable[object]) -> str:
    return "".join(f'<th scope="col">{escape(name)}</th>' for name in names)


def table_html(frame: pd.DataFrame, classes: str = "hemisphere-table") -> str:
    """Every row and every character of ``frame`` as an HTML table; long tables scroll in a box.

    The index is shown when it carries labels (not a plain 0, 1, 2 … count).
    """
    show_index = not isinstance(frame.index, pd.RangeIndex)
    names = ([frame.index.name or ""] if show_index else []) + list(frame.columns)
    rows = []
    for label, row in zip(frame.index, frame.itertuples(index=False)):
        cells = [f'<th scope="row">{cell_html(label)}</th>'] if show_index else []
        cells += [f"<td>{cell_html(value)}</td>" for value in row]
        rows.append(f"<tr>{''.join(cells)}</tr>")
    table = (f'<table class="hemisphere-full-table {escape(classes)}"><thead><tr>{_header(names)}</tr></thead>'
             f"<tbody>{''.join(rows)}</tbody></table>")
    if len(frame) > SCROLL_AFTER_ROWS:
        table = (f'<div style="max-height:30em;overflow:auto" tabindex="0" role="region" '
                 f'aria-label="Table of {len(frame)} rows; scroll to read them all">{table}</div>')
    return TABLE_STYLE + table


def show_tables_in_full() -> None:
    """In IPython, render every DataFrame (and GeoDataFrame) with :func:`table_html`."""
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is None:
        return
    shell.display_formatter.formatters["text/html"].for_type(pd.DataFrame, table_html)
