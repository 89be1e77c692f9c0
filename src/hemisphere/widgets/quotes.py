"""Quotations from ``data/quotes.csv`` as attributed blocks: the words, a translation, who, when, where, source."""

from __future__ import annotations

from IPython.display import HTML

from ..data.loaders import load_quotes
from ..data.safe_html import escape, link, source_label
from ..data.dates import spell_date


def quote_html(row) -> str:
    """One quotation as an attributed block: the words, a translation if needed, who, when, where, source."""
    words = f"<p>“{escape(row.quote)}”</p>"
    if isinstance(row.translation, str) and row.translation:  # an empty cell reads as NaN
        words += f"<p><em>In English (our translation):</em> “{escape(row.translation)}”</p>"
    attribution = (
        f"{escape(row.speaker)}, {escape(row.speaker_role)}. {escape(row.setting)}, "
        f"{spell_date(row.date)}. Source: {link(row.source_urls[0], source_label(row.source_urls[0]))}"
    )
    return (
        '<blockquote style="border-left:4px solid #888;margin:0.6em 0;padding:0.2em 1em">'
        f"{words}<footer>— {attribution}</footer></blockquote>"
    )


def show_quotes(*ids: str) -> HTML:
    """Quotations from ``data/quotes.csv`` by id, each with speaker, date and source."""
    table = load_quotes()
    missing = [quote_id for quote_id in ids if quote_id not in table.index]
    if missing:
        raise KeyError(f"no quotation with id {missing}; see data/quotes.csv")
    return HTML("".join(quote_html(table.loc[quote_id]) for quote_id in ids))
