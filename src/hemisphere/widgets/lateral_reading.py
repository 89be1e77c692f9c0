"""Lesson 6's "check the report" as lateral reading: for each claim, open two independent sources, say who is
behind each, compare with the pack's data, give a verdict with evidence, then give the report a right of reply.

The answers about sources come from ``outlets.csv`` and the verdicts from ``report_claims.csv``. The two text
boxes are for the student's own words: nothing is marked, kept or sent.
"""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd
from IPython.display import HTML

from ..data.loaders import load_datasets, load_report_claims
from ..data.safe_html import escape, link, link_list
from ..topics.claims import CLAIM_TESTS, VERDICT_LABELS, Evidence, evidence_for_claim, verdict_feedback
from ..topics.lateral import (EVIDENCE_PROMPT, RIGHT_OF_REPLY_PROMPT, WHO_IS_BEHIND, WHO_IS_BEHIND_QUESTION,
                              SourceToOpen, sources_to_open, who_is_behind_feedback)
from .quiz import NOTHING_SAVED, Option, Question, QuestionWidget
from .table_display import table_html


def evidence_html(claim: pd.Series, evidence: Evidence, *, sortable: bool = True) -> str:
    """A claim's evidence: what the data says and the rows that show it."""
    table = table_html(evidence.table.reset_index(drop=True), classes="hemisphere-evidence", sortable=sortable)
    file = load_datasets().loc[claim.dataset, "file"]
    return (
        f"<p><strong>What the data says</strong> (<code>data/{escape(file)}</code>, "
        f"column {escape(claim.column)}): {escape(evidence.finding)}</p>"
        f'<div style="font-size:90%">{table}</div>'
    )


def report_evidence(claim_id: str) -> HTML:
    """The pack's evidence on one of the report's claims, computed from the data now."""
    claim = load_report_claims().loc[claim_id]
    return HTML(evidence_html(claim, evidence_for_claim(claim_id)))


def report_sources(claim_id: str) -> HTML:
    """A claim's two independent sources as links, each with who is behind it (for the worked example)."""
    rows = "".join(f"<li>{link(source.url, source.outlet)}{escape(source.run_by)}: {escape(source.who.lower())}.</li>"
                   for source in sources_to_open(claim_id))
    return HTML(f"<ol>{rows}</ol>")


def who_is_behind_question(source: SourceToOpen, claim_id: str, number: int) -> Question:
    """"Who is behind this source?", with the kinds of outlet as choices and outlets.csv's answer."""
    return Question(
        id=f"source-{claim_id}-{number}",
        prompt=f"Source {number}: {source.outlet}. {WHO_IS_BEHIND_QUESTION}",
        options=tuple(Option(label, label == source.who, who_is_behind_feedback(label, source))
                      for label in WHO_IS_BEHIND.values()),
    )


def verdict_question(claim: pd.Series) -> Question:
    """The verdict on the four-point scale, with the pack's explanation when it is right."""
    return Question(
        id=f"claim-{claim.id}", prompt="Your verdict, on the scale above:",
        options=tuple(Option(label, key == claim.verdict,
                             claim.explanation if key == claim.verdict else verdict_feedback(key, claim.verdict))
                      for key, label in VERDICT_LABELS.items()),
    )


def _step(text: str) -> widgets.HTML:
    return widgets.HTML(f"<p style='margin:0.8em 0 0.2em'><strong>{escape(text)}</strong></p>")


def _writing_box(label: str, prompt: str) -> widgets.Textarea:
    # The description is the box's visible label (a tooltip alone is no label for a screen reader).
    return widgets.Textarea(placeholder=prompt, description=label, tooltip=prompt,
                            style={"description_width": "initial"},
                            layout=widgets.Layout(width="95%", height="4.5em"))


class ClaimCheck(widgets.VBox):
    """One claim, read laterally: its two sources, who is behind them, the data, a verdict and a right of reply."""

    def __init__(self, claim: pd.Series, number: int):
        self.claim = claim
        self.sources = sources_to_open(claim.id)
        wording = (f"<br><em>Reported wording:</em> “{escape(claim.reported_wording)}” (as other sources quote the "
                   "report; its own text could not be checked)") if isinstance(claim.reported_wording, str) else ""
        header = widgets.HTML(f"<p><strong>Claim {number}. {escape(claim.short)}</strong><br>"
                              f"{escape(claim.claim)}{wording}</p>")
        links = widgets.HTML("<ol>" + "".join(f"<li>{link(source.url, source.outlet)}</li>" for source in self.sources)
                             + "</ol>")
        self.who = [QuestionWidget(who_is_behind_question(source, claim.id, position), position)
                    for position, source in enumerate(self.sources, start=1)]
        self.evidence_button = widgets.Button(description="Show the pack's data",
                                              tooltip=f"Show the pack's data for claim {number}")
        self.evidence = widgets.HTML("")
        self.evidence_button.on_click(self.show_evidence)
        self.verdict = QuestionWidget(verdict_question(claim), 3)
        self.evidence_notes = _writing_box("Your evidence:", EVIDENCE_PROMPT)
        self.reply = _writing_box("Their reply:", RIGHT_OF_REPLY_PROMPT)
        all_sources = widgets.HTML(f"<details><summary>Every source behind the pack's verdict</summary>"
                                   f"{link_list(claim.source_urls)}</details>")
        super().__init__(
            [header,
             _step("Step 1. Pin down the claim: a name, a number, a date or a kind of event?"),
             _step("Step 2. Open both sources (each opens in a new tab). What do they say about the claim?"),
             links,
             _step("Step 3. Who is behind each source? Find out before you trust it."), *self.who,
             _step("Step 4. Compare with the pack's data, then give your verdict and your evidence."),
             self.evidence_button, self.evidence, self.verdict, self.evidence_notes,
             _step("Step 5. " + RIGHT_OF_REPLY_PROMPT), self.reply, all_sources],
            layout=widgets.Layout(border="1px solid #999", padding="6px", margin="0 0 1em 0"))

    def show_evidence(self, _button=None) -> None:
        # an HTML widget runs no script, so its table is left unsortable (see table_html)
        self.evidence.value = evidence_html(self.claim, CLAIM_TESTS[self.claim.check](self.claim), sortable=False)


def check_the_report() -> widgets.VBox:
    """Every claim of the founding report, to read laterally one by one."""
    claims = load_report_claims()
    items = [ClaimCheck(claim, number) for number, (_, claim) in enumerate(claims.iterrows(), start=1)]
    header = widgets.HTML(f"<strong>Check the report</strong>: {len(items)} claims, five steps each. The text boxes "
                          f"are for your own notes. {NOTHING_SAVED}")
    return widgets.VBox([header, *items])
