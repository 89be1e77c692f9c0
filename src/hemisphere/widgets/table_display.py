"""One renderer for every table a lesson shows: whole cells, every row, links that open, long tables sortable.

pandas' own notebook view cuts text at 50 characters and drops middle rows; for evidence that is the
wrong default. :func:`show_tables_in_full` makes IPython render every DataFrame with :func:`table_html`.

A table of more than a few rows carries a small script (``assets/hemisphere-tablesort.js``) that puts a
sort button in each header. The script holds no data: it reads each cell's sort key from a data
attribute and moves rows. JupyterLab runs it in a trusted output (every output a student's own run
makes); an untrusted one (a notebook run elsewhere) is sanitized: the script is dropped and the table
stays whole, in its own order. The static site runs it as a page script.
"""

from __future__ import annotations

import pandas as pd

from ..data.safe_html import escape, is_safe_url, link, source_label
from ..data.sort_keys import TEXT, column_sort
from ..maps.offline import package_asset

#: Tables with more rows than this scroll inside a box instead of stretching the page.
SCROLL_AFTER_ROWS = 15
#: Tables with more rows than this can be sorted by any column; a shorter one is read at a glance.
SORT_AFTER_ROWS = 5
TABLE_STYLE = (
    "<style>.hemisphere-full-table td,.hemisphere-full-table th{white-space:normal;vertical-align:top;"
    "text-align:left;max-width:36em;overflow-wrap:anywhere}"
    ".hemisphere-full-table a{color:#0a58a3;text-decoration:underline}"
    # The button reads as the header it replaces; the arrow says which way the column is sorted.
    ".hemisphere-sort-button{font:inherit;font-weight:bold;color:inherit;background:none;border:0;"
    "padding:0;cursor:pointer;text-align:left}"
    ".hemisphere-sort-button::after{content:' \\2195';color:#555}"
    "[aria-sort=ascending]>.hemisphere-sort-button::after{content:' \\25B2'}"
    "[aria-sort=descending]>.hemisphere-sort-button::after{content:' \\25BC'}</style>"
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


def _header(names: list[object], kinds: list[str] | None) -> str:
    """The header row; with ``kinds`` each header says how its column sorts (number, date or text)."""
    marks = [f' data-sort-kind="{kind}"' for kind in kinds] if kinds else [""] * len(names)
    return "".join(f'<th scope="col"{mark}>{escape(name)}</th>' for name, mark in zip(names, marks))


def _sort_attribute(key: str) -> str:
    return f' data-sort="{escape(key)}"' if key else ""


def sort_script() -> str:
    """The script that makes the table just before it sortable: the pack's text helpers and the sorter."""
    code = "\n".join(package_asset(name) for name in ("hemisphere-text.js", "hemisphere-tablesort.js"))
    return (f"<script>(function () {{\n{code}\n"
            "HemisphereTableSort.enhance(document.currentScript.previousElementSibling);\n})();</script>")


def table_html(frame: pd.DataFrame, classes: str = "hemisphere-table", *, sortable: bool = True) -> str:
    """Every row and every character of ``frame`` as an HTML table; long tables scroll in a box.

    The index is shown when it carries labels (not a plain 0, 1, 2 … count). With more than
    :data:`SORT_AFTER_ROWS` rows each column header gets a sort button; dates and numbers sort by the
    keys in :mod:`hemisphere.data.sort_keys`, written into each cell's ``data-sort``. Pass
    ``sortable=False`` for HTML that goes into an ipywidgets ``HTML`` value, which runs no script.
    """
    show_index = not isinstance(frame.index, pd.RangeIndex)
    names = ([frame.index.name or ""] if show_index else []) + list(frame.columns)
    columns = ([list(frame.index)] if show_index else []) + [list(frame.iloc[:, i]) for i in range(frame.shape[1])]
    sortable = sortable and len(frame) > SORT_AFTER_ROWS
    sorts = [column_sort(values) if sortable else (TEXT, [""] * len(values)) for values in columns]
    rows = []
    for position, row in enumerate(zip(*columns)):
        cells = []
        for column, value in enumerate(row):
            tag, scope = ("th", ' scope="row"') if show_index and column == 0 else ("td", "")
            key = _sort_attribute(sorts[column][1][position])
            cells.append(f"<{tag}{scope}{key}>{cell_html(value)}</{tag}>")
        rows.append(f"<tr>{''.join(cells)}</tr>")
    kinds = [kind for kind, _ in sorts] if sortable else None
    table = (f'<table class="hemisphere-full-table {escape(classes)}"><thead><tr>{_header(names, kinds)}</tr>'
             f"</thead><tbody>{''.join(rows)}</tbody></table>")
    if sortable:
        table += sort_script()
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
