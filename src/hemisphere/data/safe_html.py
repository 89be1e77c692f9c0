"""The one way text from data reaches HTML: escaped once, here.

folium escapes nothing (see ../shared/TECH-NOTES.md, "Security"), so every map, panel and table in
the pack builds its HTML through these helpers, and maps receive data as JSON, never as markup.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable
from urllib.parse import urlsplit

SAFE_SCHEMES = ("http", "https")


def escape(value: object) -> str:
    """Text as HTML text: ``<``, ``>``, ``&`` and both quotes become entities."""
    if value is None:
        return ""
    return html.escape(str(value), quote=True)


def is_safe_url(url: object) -> bool:
    """True for absolute http(s) URLs with a host; False for javascript:, data:, relative and the rest."""
    if not isinstance(url, str):
        return False
    text = url.strip()
    if not text or any(ch.isspace() or ord(ch) < 32 for ch in text):
        return False
    try:
        parts = urlsplit(text)
    except ValueError:
        return False
    return parts.scheme.lower() in SAFE_SCHEMES and bool(parts.netloc)


def link(url: str, label: str | None = None) -> str:
    """An escaped link that opens in a new tab, or the escaped text alone when the URL is not http(s)."""
    text = escape(label if label is not None else url)
    if not is_safe_url(url):
        return text
    # Underlined, so a link in running text is not told apart by colour alone.
    return (f'<a href="{escape(url.strip())}" target="_blank" rel="noopener noreferrer" '
            f'style="text-decoration:underline">{text}</a>')


def link_list(urls: Iterable[str]) -> str:
    """Sources as an HTML list of links, labelled by their site so a reader sees where each leads."""
    items = [f"<li>{link(url, source_label(url))}</li>" for url in urls if is_safe_url(url)]
    return f"<ul>{''.join(items)}</ul>" if items else ""


def source_label(url: str) -> str:
    """A short label for a source link: its host without 'www.'."""
    host = urlsplit(url).netloc.lower()
    return host.removeprefix("www.")


def json_for_script(value: object) -> str:
    """JSON that is safe inside a <script> element: no ``</script>``, ``<!--`` or ``]]>`` can form."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )
