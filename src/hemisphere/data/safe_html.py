"""The one way text from data reaches HTML: escaped once, here.

folium escapes nothing, so every map, panel and table in
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
    """A short label for a source link: the host it really leads to, without 'www.'.

    Never the text before an ``@`` (``bbc.co.uk@evil.example`` leads to evil.example), and a
    host with non-ASCII letters in its ASCII form (``bbс.com`` with a Cyrillic "с" is
    ``xn--bb-...``), so a look-alike cannot pass for the outlet it imitates.
    """
    host = (urlsplit(url).hostname or "").rstrip(".")
    return ".".join(_ascii_label(label) for label in host.split(".")).removeprefix("www.")


def _ascii_label(label: str) -> str:
    if label.isascii():
        return label
    try:
        return label.encode("idna").decode("ascii")
    except UnicodeError:  # not a valid IDNA label: show its raw Punycode all the same
        return "xn--" + label.encode("punycode").decode("ascii")


def json_for_script(value: object) -> str:
    """JSON that is safe inside a <script> element: no ``</script>``, ``<!--`` or ``]]>`` can form."""
    return script_safe_json(json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False))


def script_safe_json(text: str) -> str:
    """JSON text made safe inside a <script> element, still the same JSON.

    ``<``, ``>`` and ``&`` can only stand inside JSON strings, where ``\\u003c`` means the same
    character, so no ``</script>``, ``<!--`` or ``<script`` (which would make the HTML parser
    swallow the rest of the page) can form; U+2028 and U+2029 end lines in older JavaScript.
    """
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )
