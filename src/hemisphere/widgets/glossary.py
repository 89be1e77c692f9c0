"""The glossary: look up a term students meet in the lessons, with its definition and source."""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd
from IPython.display import HTML

from ..data.loaders import load_glossary
from ..data.safe_html import escape, link_list
from ..data.text import folded


def find_terms(query: str, glossary: pd.DataFrame | None = None) -> pd.DataFrame:
    """Terms whose name contains the query; if none, terms whose definition does. Empty query: all."""
    glossary = load_glossary() if glossary is None else glossary
    wanted = folded(query or "")
    if not wanted:
        return glossary
    in_term = glossary[glossary.term.map(lambda term: wanted in folded(term))]
    if len(in_term):
        return in_term
    return glossary[glossary.definition.map(lambda text: wanted in folded(text))]


def glossary_html(frame: pd.DataFrame, query: str = "") -> str:
    if frame.empty:
        return f"<p>No term matches “{escape(query)}”. Try a shorter word, or leave it empty to list every term.</p>"
    items = "".join(
        f"<dt><strong>{escape(row.term)}</strong></dt><dd>{escape(row.definition)}"
        f"<div style='font-size:90%'>Source: {link_list(row.source_urls)}</div></dd>"
        for row in frame.itertuples()
    )
    return f"<dl class='hemisphere-glossary'>{items}</dl>"


def glossary(query: str = "") -> HTML:
    """Definitions of the terms matching ``query`` (part of a term, any case, accents optional)."""
    return HTML(glossary_html(find_terms(query), query))


def glossary_lookup() -> widgets.VBox:
    """A search box over the glossary: type part of a term; the matching definitions appear below."""
    terms = load_glossary()
    box = widgets.Combobox(placeholder="Type a term, e.g. corollary", options=list(terms.term),
                           description="Look up:", ensure_option=False, layout=widgets.Layout(width="480px"))
    result = widgets.HTML(f"<p>{len(terms)} terms. Type part of one, then press Enter or pick it from the list.</p>")

    def show(change) -> None:
        result.value = glossary_html(find_terms(change["new"], terms), change["new"])

    box.observe(show, names="value")
    return widgets.VBox([box, result])
