"""Small helpers for the pack's own text (no HTML here: see safe_html.py)."""

from __future__ import annotations

import re
import unicodedata


def first_sentence(text: str) -> str:
    """The first sentence of ``text`` (all of it if it has no sentence end)."""
    match = re.match(r"(.+?[.!?])(\s|$)", text or "")
    return match.group(1) if match else (text or "")


def folded(text: object) -> str:
    """Lower case without accents or outer spaces, for comparing what people type: "merida" finds "Mérida"."""
    return unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode().lower().strip()
