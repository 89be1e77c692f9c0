"""Offline assets: every map page carries Leaflet and the pack's own map code inside it.

folium's default page loads ten files from CDNs and is blank without a network. Here those
links are dropped and Leaflet's own files, from the ``xstatic-leaflet`` package (byte-identical
to the release folium pins), are written into the page, with the CSS's images as data URLs.
jQuery, Bootstrap and the icon fonts are not needed: the pack's popups, tooltips and legends are
built by ``assets/hemisphere-map.js`` with plain DOM calls.
"""

from __future__ import annotations

import base64
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

import folium
import xstatic.pkg.leaflet as xstatic_leaflet
from branca.element import Element

from ..data.safe_html import escape

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


@lru_cache(maxsize=None)
def package_asset(name: str) -> str:
    """A file from ``hemisphere/assets`` as text, checked safe to place inside <script> or <style>."""
    return _script_safe(resources.files("hemisphere").joinpath("assets", name).read_text(encoding="utf-8"))


def _script_safe(text: str) -> str:
    if re.search(r"</(script|style)", text, re.IGNORECASE):
        raise ValueError("an inlined asset contains a closing </script> or </style> tag")
    return text


def inline_assets() -> str:
    """The <style> and <script> elements every offline map page needs, in order."""
    return (
        f"<style>{leaflet_css()}</style>\n"
        f"<style>{package_asset('hemisphere-map.css')}</style>\n"
        f"<script>{leaflet_js()}</script>\n"
        f"<script>{package_asset('hemisphere-text.js')}</script>\n"
        f"<script>{package_asset('hemisphere-map.js')}</script>\n"
    )


def make_offline(fmap: folium.Map) -> folium.Map:
    """Drop folium's CDN links from this map and embed the assets instead (in place; returns it)."""
    fmap.default_js = []
    fmap.default_css = []
    fmap.get_root().header.add_child(Element(inline_assets()), name="hemisphere_assets", index=0)
    return fmap


def page_html(fmap: folium.Map, title: str, lang: str = "en") -> str:
    """The map as a complete, self-contained HTML page with a language and an escaped title."""
    html = fmap.get_root().render()
    html = html.replace("<html>", f'<html lang="{escape(lang)}">', 1)
    return html.replace("<head>", f"<head>\n<title>{escape(title)}</title>", 1)


def external_references(html: str) -> list[str]:
    """Every script, style, font, image or frame the page would fetch from another host."""
    return _EXTERNAL.findall(html)
