"""Class activities built from the data: "whose lens?", the structured-debate dealer, "check the report".

Both are widgets that a notebook shows with one call. Nothing about a student is asked for, kept or
sent: the dealer remembers only which states it has dealt since "Start again", so that two groups
do not draw the same state.
"""

from __future__ import annotations

import base64
import random

import ipywidgets as widgets
import pandas as pd
from IPython.display import HTML

from ..maps.charts import locator_map_png
from ..data.loaders import load_datasets, load_quotes, load_report_claims
from .quotes import quote_html
from .table_display import table_html
from ..maps.palette import POSITION_STYLES
from ..topics.perspectives import LANGUAGE_NAMES, debate_states, positions_frame
from .quiz import NOTHING_SAVED, Option, Question, QuestionWidget, question_list
from ..topics.claims import CLAIM_TESTS, VERDICT_LABELS, Evidence, evidence_for_claim, verdict_feedback
from ..data.safe_html import escape, link_list
from ..data.schemas import PERSPECTIVES
from ..data.dates import spell_date

#: For each perspective in quotes.csv: how "whose lens?" names it, and a clue that does not name it.
LENSES: dict[str, tuple[str, str]] = {
    "us_administration": ("The US administration",
                          "the speaker says what the United States will do, and speaks for those who decide it."),
    "us_congress": ("A member of the US Congress",
                    "the speaker judges the campaign from Washington, through legality, briefings or the powers of "
                    "Congress, but does not order anything."),
    "supportive_government": ("A government that backs the US campaign",
                              "the speaker speaks for another country of the region and welcomes the pressure."),
    "critic_government": ("A government that criticises the US campaign",
                          "the speaker defends sovereignty or international law on behalf of a government of the region."),
    "targeted_government": ("A government targeted by the US campaign",
                            "the speaker is on the receiving end of the US action."),
    "international_organisation": ("The United Nations",
                                   "the speaker talks about law and precedent for every country, not for one."),
    "rights_group": ("A human-rights organisation",
                     "the speaker judges the action by human-rights law and asks others to speak out."),
    "analyst": ("An analyst or researcher", "the speaker weighs costs and results rather than defending a side."),
    "other": ("Someone else", "look at the speaker's role."),
}

#: The quotations "whose lens?" uses by default: seven views of the Caracas raid of 3 January 2026.
CARACAS_RAID_QUOTES = ("Q012", "Q018", "Q208", "Q209", "Q014", "Q030", "Q025")


def lens_question(quote: pd.Series, lenses: list[str]) -> Question:
    """A question: here are some words; whose lens do they come from? The options are ``lenses``."""
    if isinstance(quote.translation, str) and quote.translation:
        prompt = f"“{quote.translation}” (translated from {LANGUAGE_NAMES[quote.language]})"
    else:
        prompt = f"“{quote.quote}”"
    who = f"{quote.speaker}, {quote.speaker_role}; {quote.setting}, {spell_date(quote.date)}."
    clue = LENSES[quote.perspective][1]
    options = tuple(
        Option(LENSES[lens][0], lens == quote.perspective,
               f"Right: {who} Which words gave it away?" if lens == quote.perspective
               else f"Not this lens. A clue: {clue}")
        for lens in lenses
    )
    return Question(id=f"lens-{quote.id}", prompt=prompt, options=options)


def whose_lens(*quote_ids: str) -> widgets.VBox:
    """The "whose lens?" activity: for each quotation, guess whose point of view it comes from.

    With no ids, uses seven views of the Caracas raid. The options are the perspectives of the
    quotations chosen, in a fixed order, so every question has the same list.
    """
    quotes = load_quotes()
    ids = quote_ids or CARACAS_RAID_QUOTES
    missing = [quote_id for quote_id in ids if quote_id not in quotes.index]
    if missing:
        raise KeyError(f"no quotation with id {missing}; see data/quotes.csv")
    chosen = quotes.loc[list(ids)]
    lenses = [lens for lens in PERSPECTIVES if lens in set(chosen.perspective)]
    questions = [lens_question(quote, lenses) for _, quote in chosen.iterrows()]
    return question_list(questions, "Whose lens?")


DEBATE_TASKS = (
    "State your government's position in one sentence, in your own words.",
    "Give its two strongest reasons, each backed by a source on this card or in the lesson.",
    "Name the strongest objection a state with the opposite position would make, and answer it.",
    "Name one fact that is awkward for your side, and say how your government would respond.",
)


def debate_card(iso3: str, frame=None) -> str:
    """A state's debate card as HTML: its map, position, summary, quotations, sources and tasks."""
    frame = positions_frame() if frame is None else frame
    rows = frame[(frame.iso3 == iso3) & (frame.kind == "state")]
    if rows.empty:
        raise KeyError(f"no state with code {iso3!r}; use a code such as MEX (see data/positions.csv)")
    row = rows.iloc[0]
    style = POSITION_STYLES[row.position]
    png = base64.b64encode(locator_map_png(frame, iso3, style)).decode("ascii")
    quotes = load_quotes()
    quotations = "".join(quote_html(quotes.loc[quote_id]) for quote_id in row.quote_ids) or (
        "<p><em>No quotation in the pack: argue from the summary and the sources.</em></p>")
    confidence = f" Confidence: {escape(row.confidence)}." if isinstance(row.confidence, str) else ""
    tasks = "".join(f"<li>{escape(task)}</li>" for task in DEBATE_TASKS)
    return (
        "<style>.hemisphere-debate-card a{color:#0a58a3;text-decoration:underline}</style>"
        '<div class="hemisphere-debate-card" style="border:2px solid #444;border-radius:6px;padding:10px;'
        'max-width:760px;overflow:auto">'
        f'<img src="data:image/png;base64,{png}" style="float:right;margin:0 0 8px 12px;width:220px" '
        f'alt="Map of the Americas with {escape(row.name_en)} outlined in black and filled with the colour and '
        f'pattern of the position “{escape(style.label)}”.">'
        f"<h3 style='margin-top:0'>You speak for {escape(row.name_en)}</h3>"
        f"<p><strong>Position:</strong> {escape(style.label)}: {escape(style.meaning)}.</p>"
        f"<p><strong>In our words:</strong> {escape(row.summary)}</p>"
        f"<p><strong>In their words:</strong></p>{quotations}"
        f"<p><strong>Sources</strong> (open them: lateral reading starts here).{confidence}</p>"
        f"{link_list(row.source_urls)}"
        f"<p><strong>Prepare</strong> (about 10 minutes):</p><ol>{tasks}</ol>"
        "</div>"
    )


class DebateDealer(widgets.VBox):
    """Deals each group a state at random (no state twice until "Start again"), or shows a chosen one."""

    def __init__(self, seed: int | None = None):
        self.frame = positions_frame()
        self.codes = debate_states(self.frame)
        names = self.frame.set_index("iso3").name_en
        self.random = random.Random(seed)
        self.remaining: list[str] = []
        self.deal_button = widgets.Button(description="Deal a state", tooltip="Deal a state at random",
                                          button_style="primary")
        self.restart_button = widgets.Button(description="Start again", tooltip="Put every state back in the pack")
        self.choice = widgets.Dropdown(options=[("choose a state…", None)] + [(names[code], code) for code in self.codes],
                                       value=None, description="Or show:", tooltip="Show a chosen state's card")
        self.status = widgets.HTML("")
        self.card = widgets.HTML("")
        self.deal_button.on_click(self.deal)
        self.restart_button.on_click(self.restart)
        self.choice.observe(self._chosen, names="value")
        self.restart()
        intro = widgets.HTML(
            f"<strong>Structured debate</strong>: {len(self.codes)} states whose governments took a public "
            "position. Press <em>Deal a state</em> for each group, or choose one. Nothing is saved."
        )
        super().__init__([intro, widgets.HBox([self.deal_button, self.restart_button, self.choice]),
                          self.status, self.card])

    def restart(self, _button=None) -> None:
        self.remaining = self.codes.copy()
        self.random.shuffle(self.remaining)
        self.status.value = f"{len(self.remaining)} states in the pack."

    def deal(self, _button=None) -> str | None:
        """Show the next state's card; returns its code (None when the pack is empty)."""
        if not self.remaining:
            self.status.value = "Every state has been dealt. Press <em>Start again</em> to reuse them."
            return None
        code = self.remaining.pop()
        self.show(code)
        self.status.value = f"Dealt. {len(self.remaining)} states left in the pack."
        return code

    def show(self, code: str) -> None:
        self.card.value = debate_card(code, self.frame)

    def _chosen(self, change) -> None:
        if change["new"]:
            self.show(change["new"])


def debate_dealer(seed: int | None = None) -> DebateDealer:
    """The structured-debate dealer: each group draws a state and gets its map, position, quotes and sources."""
    return DebateDealer(seed)


def evidence_html(claim: pd.Series, evidence: Evidence, *, sortable: bool = True) -> str:
    """A claim's evidence: what the data says, the rows that show it, and the sources behind the verdict.

    ``sortable=False`` for an HTML widget, which runs no script (see :func:`table_html`)."""
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


class ClaimCheck(widgets.VBox):
    """One claim: what the report says, a button that shows the evidence, and a verdict to choose."""

    def __init__(self, claim: pd.Series, number: int):
        self.claim = claim
        wording = (f"<br><em>Reported wording:</em> “{escape(claim.reported_wording)}” (as other sources quote the "
                   "report; its own text could not be checked)") if isinstance(claim.reported_wording, str) else ""
        header = widgets.HTML(f"<p><strong>Claim {number}. {escape(claim.short)}</strong><br>"
                              f"{escape(claim.claim)}{wording}</p>")
        self.evidence_button = widgets.Button(description="Show the evidence",
                                              tooltip=f"Show the pack's evidence for claim {number}")
        self.evidence = widgets.HTML("")
        self.evidence_button.on_click(self.show_evidence)
        question = Question(
            id=f"claim-{claim.id}", prompt="Your verdict:",
            options=tuple(
                Option(label, key == claim.verdict,
                       (f"Right. {claim.explanation}" if key == claim.verdict
                        else verdict_feedback(key, claim.verdict)))
                for key, label in VERDICT_LABELS.items()
            ),
        )
        self.verdict = QuestionWidget(question, number)
        sources = widgets.HTML(f"<details><summary>Sources behind the pack's verdict</summary>"
                               f"{link_list(claim.source_urls)}</details>")
        super().__init__([header, self.evidence_button, self.evidence, self.verdict, sources],
                         layout=widgets.Layout(border="1px solid #999", padding="6px", margin="0 0 1em 0"))

    def show_evidence(self, _button=None) -> None:
        self.evidence.value = evidence_html(self.claim, CLAIM_TESTS[self.claim.check](self.claim), sortable=False)


def check_the_report() -> widgets.VBox:
    """Every claim of the founding report, to test against the data one by one."""
    claims = load_report_claims()
    items = [ClaimCheck(claim, number) for number, (_, claim) in enumerate(claims.iterrows(), start=1)]
    header = widgets.HTML(f"<strong>Check the report</strong>: {len(items)} claims. For each, read the claim, open "
                          f"the evidence, then choose a verdict. {NOTHING_SAVED}")
    return widgets.VBox([header, *items])
