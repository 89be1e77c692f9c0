"""Lesson 6's lateral reading: for each of the report's claims, two independent sources to open, who is
behind each, and the plain scale a verdict is given on.

The sources come from the claim's own record (``report_claims.csv``, column ``source_urls``); who is behind
each comes from ``outlets.csv``. As for the confidence grades, only official or reputable outlets count
(a site that copies others' stories is not a second source), and two count as independent when
``outlets.csv`` gives them different owners.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..data.errors import DataError, Problem
from ..data.grades import REPUTABLE_KINDS, host_of
from ..data.loaders import load_outlets, load_report_claims

#: The question students answer about each source, and its choices: the kinds of outlets.csv in plain words.
WHO_IS_BEHIND_QUESTION = "Who is behind this source?"
WHO_IS_BEHIND: dict[str, str] = {
    "official": "A government or a public body",
    "wire": "A news agency that sells its stories to other outlets",
    "national_press": "A national newspaper, broadcaster or news site",
    "regional_press": "A local or specialist news outlet",
    "research": "A university or research group",
    "aggregator": "A site that copies or sums up other outlets' stories",
    "partisan": "A site run by or for one political side or government",
    "blog": "A personal blog",
}
#: How to find out who is behind a site, whatever the site: the move lateral readers make.
HOW_TO_FIND_OUT = ("Leave the page: search the outlet's name with words like 'owner' or 'funded by', "
                   "and read what other sites say about it, not only its own About page.")
#: The questions that end each claim: the evidence behind a verdict, and the report's right of reply.
EVIDENCE_PROMPT = "Your evidence: which source says what, and when?"
RIGHT_OF_REPLY_PROMPT = ("Right of reply: how would the report's authors defend their sentence? "
                         "Is their defence good enough to change your verdict?")


@dataclass(frozen=True)
class SourceToOpen:
    """One link from a claim's record, with who stands behind it."""

    url: str
    outlet: str
    kind: str
    owner: str

    @property
    def run_by(self) -> str:
        """Who runs the outlet, when that is not the outlet itself ("" otherwise)."""
        return "" if self.owner == self.outlet else f", run by {self.owner}"

    @property
    def who(self) -> str:
        """The answer to "who is behind this source?", in the words students choose from."""
        return WHO_IS_BEHIND[self.kind]


def _classified(url: str, outlets: pd.DataFrame) -> SourceToOpen | None:
    """The link with who is behind it, if it is an official or reputable outlet's."""
    host = host_of(url)
    if host not in outlets.index or outlets.loc[host, "kind"] not in REPUTABLE_KINDS | {"official"}:
        return None
    outlet = outlets.loc[host]
    return SourceToOpen(url, outlet.outlet, outlet.kind, outlet.owner)


def sources_to_open(claim_id: str) -> tuple[SourceToOpen, SourceToOpen]:
    """The first two official or reputable links of the claim's record that have different owners (a record
    lists its links best first)."""
    claims = load_report_claims()
    if claim_id not in claims.index:
        raise KeyError(f"no claim {claim_id!r}; claims: {list(claims.index)}")
    outlets = load_outlets()
    chosen: list[SourceToOpen] = []
    for url in claims.loc[claim_id, "source_urls"]:
        source = _classified(url, outlets)
        if source and all(source.owner != other.owner for other in chosen):
            chosen.append(source)
        if len(chosen) == 2:
            return chosen[0], chosen[1]
    row = list(claims.index).index(claim_id) + 2  # as a spreadsheet numbers it, under the header
    raise DataError("report_claims.csv", [Problem(
        f"claim {claim_id} has fewer than two official or reputable links with different owners.", row, "source_urls",
        fix="add a link from a reputable outlet with another owner (and its site to outlets.csv).")])


def who_is_behind_feedback(chosen: str, source: SourceToOpen) -> str:
    """Feedback on a student's answer about who is behind a source: what outlets.csv says, and how to find out."""
    fact = f"{source.outlet}{source.run_by}: {source.who[0].lower()}{source.who[1:]}."
    if chosen == source.who:
        return fact
    return f"Look again. {HOW_TO_FIND_OUT}"


def sources_table() -> pd.DataFrame:
    """Each claim's two sources and who is behind them: the teacher's key to the lateral-reading step."""
    rows = []
    for claim_id, claim in load_report_claims().iterrows():
        for number, source in enumerate(sources_to_open(claim_id), start=1):
            rows.append({"Claim": claim_id, "In short": claim.short, "Source": number, "Outlet": source.outlet,
                         "Who is behind it": source.who, "Owner": source.owner})
    return pd.DataFrame(rows)
