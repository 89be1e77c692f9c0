"""The highest confidence grade a record's sources allow, by the rule written in data/README.md.

high: an official source, or reputable outlets of two different owners; medium: one reputable outlet,
or a copy of another outlet's story on an aggregator; low: anything else (partisan sites, blogs).
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlparse

import pandas as pd

from .loaders import load_outlets

#: Outlets whose own reporting counts as independent evidence (data/README.md, "outlets.csv").
REPUTABLE_KINDS = frozenset({"wire", "national_press", "regional_press", "research"})
GRADE_RANK = {"low": 0, "medium": 1, "high": 2}


def host_of(url: str) -> str:
    """The host a link points at, without a leading ``www.``: the key of outlets.csv."""
    host = urlparse(url).hostname or ""
    return host.removeprefix("www.")


def allowed_grade(urls: Iterable[str], outlets: pd.DataFrame | None = None) -> str:
    """The highest grade that these links support; a host outlets.csv does not list counts for nothing."""
    outlets = load_outlets() if outlets is None else outlets
    known = [outlets.loc[host] for host in map(host_of, urls) if host in outlets.index]
    if any(outlet.kind == "official" for outlet in known):
        return "high"
    reputable_owners = {outlet.owner for outlet in known if outlet.kind in REPUTABLE_KINDS}
    if len(reputable_owners) >= 2:
        return "high"
    if reputable_owners or any(outlet.kind == "aggregator" for outlet in known):
        return "medium"
    return "low"


def independent_sources(urls: Iterable[str], outlets: pd.DataFrame | None = None) -> set[str]:
    """The owners of the official or reputable outlets among these links: each counts once."""
    outlets = load_outlets() if outlets is None else outlets
    kinds = REPUTABLE_KINDS | {"official"}
    return {outlets.loc[host, "owner"] for host in map(host_of, urls)
            if host in outlets.index and outlets.loc[host, "kind"] in kinds}


def graded_above_sources(records: pd.DataFrame, outlets: pd.DataFrame | None = None,
                         grade: str = "confidence", sources: str = "source_urls") -> list[str]:
    """One line per record whose ``grade`` column is higher than the links in ``sources`` allow.

    Records with an empty grade (a coalition row's signature evidence for a non-signer) are skipped.
    """
    outlets = load_outlets() if outlets is None else outlets
    lines = []
    for key, record in records.iterrows():
        if not isinstance(record[grade], str):
            continue
        allowed = allowed_grade(record[sources], outlets)
        if GRADE_RANK[record[grade]] > GRADE_RANK[allowed]:
            lines.append(f"{key}: {grade} {record[grade]}, but its sources allow {allowed}")
    return lines


def cited_hosts(records: pd.DataFrame) -> set[str]:
    """Every host the records' source columns link to."""
    columns = [column for column in ("source_urls", "signature_sources") if column in records]
    return {host for column in columns for urls in records[column] if isinstance(urls, tuple)
            for host in map(host_of, urls)}


def unknown_hosts(records: pd.DataFrame, outlets: pd.DataFrame | None = None) -> set[str]:
    """Hosts the records cite that outlets.csv does not classify."""
    outlets = load_outlets() if outlets is None else outlets
    return cited_hosts(records) - set(outlets.index)
