"""A teacher's own events file, read and shown before it joins the explorer: what was read, or every problem."""

from __future__ import annotations

from IPython.display import HTML

from ..data.errors import DataError
from ..data.loaders import load_events
from ..data.safe_html import escape
from ..data.dates import spell_date


def preview_events_file(path) -> HTML | DataError:
    """Read a teacher's events file and show what was read, or every problem in it, as a box.

    Use it to look a file over before giving it to the explorer; it never raises for a bad file.
    """
    try:
        events = load_events(path)
    except DataError as error:
        return error
    rows = "".join(
        f"<tr><td>{escape(row.id)}</td><td>{spell_date(row.date, short_month=True)}</td><td>{escape(row.place)}</td>"
        f"<td>{escape(row.category)}</td><td>{escape(row.summary)}</td></tr>"
        for row in events.itertuples()
    )
    count = len(events)
    return HTML(
        f'<div role="status" style="border-left:6px solid #006e4f;padding:4px 10px">'
        f"<strong>✔ {escape(events.origin.iloc[0])}: {count} event{'s' if count != 1 else ''} read.</strong> "
        "Look them over below, then add them to the explorer with <code>combine_events</code>.</div>"
        f"<table><thead><tr><th>id</th><th>date</th><th>place</th><th>kind</th><th>summary</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )
