"""The map page: Leaflet and the pack's own map code inside it, and the data beside them, never in a template.

folium's default page loads ten files from CDNs and is blank without a network. Here those
links are dropped and Leaflet's own files, from the ``xstatic-leaflet`` package (byte-identical
to the release folium pins), are written into the page, with the CSS's images as data URLs.
jQuery, Bootstrap and the icon fonts are not needed: the pack's popups, tooltips and legends are
built by the pack's own scripts (:data:`MAP_SCRIPTS`) with plain DOM calls.

Assets and data enter the page only after folium's Jinja templates have rendered (a placeholder
marks the spot), so no text from data is ever template source: see :class:`MapData`.
"""

from __future__ import annotations

import base64
import json
import re
from functools import lru_cache
from pathlib import Path

import folium
import xstatic.pkg.leaflet as xstatic_leaflet
from branca.element import Element, MacroElement

from ..data.safe_html import escape, json_for_script

LEAFLET_VERSION = xstatic_leaflet.VERSION
_LEAFLET_DIR = Path(xstatic_leaflet.BASE_DIR)
_EXTERNAL = re.compile(
    r"""(?:<(?:script|img|iframe|audio|video|source)\b[^>]*\bsrc\s*=\s*["']?\s*(?:https?:)?//[^"'\s>]+"""
    r"""|<link\b[^>]*\bhref\s*=\s*["']?\s*(?:https?:)?//[^"'\s>]+"""
    r"""|@import\s+(?:url\()?\s*["']?\s*(?:https?:)?//[^"'\s)]+"""
    r"""|url\(\s*["']?\s*(?:https?:)?//[^"'\s)]+)""",
    re.IGNORECASE,
)


def folium_leaflet_version() -> str:
    """The Leaflet version folium's default page would load from a CDN."""
    url = dict(folium.Map.default_js)["leaflet"]
    return re.search(r"leaflet@([\d.]+)", url).group(1)


@lru_cache(maxsize=1)
def leaflet_js() -> str:
    return _script_safe((_LEAFLET_DIR / "leaflet.js").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def leaflet_css() -> str:
    """Leaflet's CSS with its images inlined, so the layer-control icon works offline too."""
    css = (_LEAFLET_DIR / "leaflet.css").read_text(encoding="utf-8")

    def inline(match: re.Match) -> str:
        image = _LEAFLET_DIR / "images" / match.group(1)
        data = base64.b64encode(image.read_bytes()).decode("ascii")
        return f"url(data:image/png;base64,{data})"

    return re.sub(r"url\(images/([\w.-]+\.png)\)", inline, css)


#: The pack's front-end files (scripts and styles) inside the installed package.
ASSETS = Path(__file__).resolve().parents[1] / "assets"


@lru_cache(maxsize=None)
def package_asset(name: str) -> str:
    """A file from ``hemisphere/assets`` as text, checked safe to place inside <script> or <style>."""
    return _script_safe((ASSETS / name).read_text(encoding="utf-8"))


def _script_safe(text: str) -> str:
    if re.search(r"</(script|style)", text, re.IGNORECASE):
        raise ValueError("an inlined asset contains a closing </script> or </style> tag")
    return text


#: The pack's scripts every map page carries, in the order they must run: text safety first, each later
#: file building on the ``Hemisphere`` namespace the earlier ones filled.
MAP_SCRIPTS = ("hemisphere-text.js", "hemisphere-shapes.js", "hemisphere-points.js", "hemisphere-messages.js")


def inline_assets() -> str:
    """The <style> and <script> elements every offline map page needs, in order."""
    return (
        f"<style>{leaflet_css()}</style>\n"
        f"<style>{package_asset('hemisphere-map.css')}</style>\n"
        f"<script>{leaflet_js()}</script>\n"
        + "".join(f"<script>{package_asset(name)}</script>\n" for name in MAP_SCRIPTS)
    )


#: Where the assets and the data go in the rendered page; a fixed string, so safe as template source.
PLACEHOLDER = "<!-- hemisphere: assets and data -->"
DATA_ELEMENT_ID = "hemisphere-data"


class MapData(MacroElement):
    """A map element that hands data to the page's script by name, never inside a template.

    branca renders a ``MacroElement``'s ``script`` macro, then compiles that text as a new Jinja
    template and renders it again, so data written into the macro's output would run as template
    code (``{{ ... }}`` reaches Python). Here the script only names its data
    (``Hemisphere.data("<element>", "<key>")``); :func:`~hemisphere.maps.offline.page_html` writes the
    data into a ``<script type="application/json">`` element after every template has rendered.
    """

    def __init__(self, name: str, **payloads: object):
        super().__init__()
        self._name = name
        self.payloads = payloads

    def data(self, key: str) -> str:
        """The page-side expression that reads one payload (used by the templates)."""
        if key not in self.payloads:
            raise KeyError(key)
        return f'Hemisphere.data("{self.get_name()}", "{key}")'


def make_offline(fmap: folium.Map) -> folium.Map:
    """Drop folium's CDN links from this map and mark where the inlined assets go (in place; returns it)."""
    fmap.default_js = []
    fmap.default_css = []
    fmap.get_root().header.add_child(Element(PLACEHOLDER), name="hemisphere_assets", index=0)
    return fmap


def page_html(fmap: folium.Map, title: str, lang: str = "en") -> str:
    """The map as a complete, self-contained HTML page with a language and an escaped title.

    folium renders its templates first; only then do the assets and every :class:`MapData`
    payload (as JSON in one ``<script type="application/json">`` element) replace the placeholder.
    """
    root = fmap.get_root()
    html = root.render()
    if html.count(PLACEHOLDER) != 1:
        raise ValueError("a map page needs exactly one asset placeholder: build the map with make_offline()")
    data = f'<script type="application/json" id="{DATA_ELEMENT_ID}">{json_for_script(map_data(root))}</script>\n'
    html = html.replace(PLACEHOLDER, inline_assets() + data, 1)
    html = html.replace("<html>", f'<html lang="{escape(lang)}">', 1)
    return html.replace("<head>", f"<head>\n<title>{escape(title)}</title>", 1)


def page_data(html: str) -> dict[str, dict]:
    """The payloads a finished page carries, by element name (the inverse of :func:`page_html`)."""
    start = html.index(f'<script type="application/json" id="{DATA_ELEMENT_ID}">')
    start = html.index(">", start) + 1
    return json.loads(html[start:html.index("</script>", start)])


def map_data(element) -> dict[str, dict]:
    """Every MapData payload under ``element``, by element name."""
    found = {element.get_name(): element.payloads} if isinstance(element, MapData) else {}
    for child in element._children.values():
        found.update(map_data(child))
    return found


def external_references(html: str) -> list[str]:
    """Every script, style, font, image or frame the page would fetch from another host."""
    return _EXTERNAL.findall(html)
