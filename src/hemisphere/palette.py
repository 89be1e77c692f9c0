"""The pack's one palette: Okabe-Ito colours, each paired with a second cue that is not colour.

Every category on a map (a coalition status, a stated position) has a colour *and* a fill pattern
(and the legend names it); every event category has a colour *and* a marker shape. Colour-blind readers, grey-scale printouts and
projectors with washed-out colours all keep the distinction.
"""

from __future__ import annotations

from dataclasses import dataclass

# Okabe & Ito (2008), "Color Universal Design"; the eight colours distinguishable under the
# common colour-vision deficiencies.
OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}
NEUTRAL_GREY = "#BBBBBB"
TERRITORY_GREY = "#EEEEEE"
SEA = "#DCE9F2"
OUTLINE = "#444444"


@dataclass(frozen=True)
class StatusStyle:
    """How one category of a categorical map looks: colour, pattern, and the words a legend uses.

    Used for coalition statuses and for stated positions; ``status`` is the category's key.
    """

    status: str
    label: str
    meaning: str
    colour: str
    pattern: str  # one of: solid, stripes, dots, lines, crosshatch, checks, plain
    emphasised: bool = False  # drawn with a thick outline (the United States on both maps)

    @property
    def fill(self) -> str:
        """The SVG fill: the pattern, falling back to the plain colour if patterns are missing."""
        if self.pattern in ("solid", "plain"):
            return self.colour
        return f"url(#hem-{self.status}) {self.colour}"


STATUS_STYLES: dict[str, StatusStyle] = {
    style.status: style
    for style in (
        StatusStyle("host", "Host", "hosted the Doral summit (United States)", OKABE_ITO["blue"], "solid",
                    emphasised=True),
        StatusStyle("member", "Summit member", "its leader stood with Trump at Doral on 7 March 2026",
                    OKABE_ITO["bluish_green"], "stripes"),
        StatusStyle("signatory", "Signatory, not at summit",
                    "reported to have signed the 5 March declaration, but its leader was not at Doral",
                    OKABE_ITO["sky_blue"], "dots"),
        StatusStyle("excluded", "Left out", "not invited; its absence was reported as a choice",
                    OKABE_ITO["orange"], "lines"),
        StatusStyle("targeted", "Targeted", "not invited; the target of US threats, pressure or force",
                    OKABE_ITO["vermillion"], "crosshatch"),
        StatusStyle("other", "No reported role", "no reported invitation, attendance or signature",
                    NEUTRAL_GREY, "plain"),
    )
}
STATUS_ORDER = tuple(STATUS_STYLES)

TERRITORY_STYLE = StatusStyle(
    "territory", "Territory", "a dependent territory, not a state: outside the coalition's membership",
    TERRITORY_GREY, "plain",
)

#: Each state's stated position on the US military campaign of 2025-26 (boat strikes, the Caracas
#: raid) and on the coalition. Colours echo the status map where the meanings are close (green: with
#: the United States; orange: critics; red-orange: targets), so the two maps can be read side by side.
POSITION_STYLES: dict[str, StatusStyle] = {
    style.status: style
    for style in (
        StatusStyle("leads", "Leads the campaign", "the United States: its government ordered the strikes and the raid",
                    OKABE_ITO["blue"], "solid", emphasised=True),
        StatusStyle("supports", "Supports", "its government publicly backed US military action in the region",
                    OKABE_ITO["bluish_green"], "stripes"),
        StatusStyle("joined", "Joined the coalition",
                    "attended Doral or was reported to have signed the declaration; no clear statement on the strikes "
                    "or the raid found",
                    OKABE_ITO["sky_blue"], "dots"),
        StatusStyle("critical", "Critical", "its government publicly condemned US military action or unilateral force",
                    OKABE_ITO["orange"], "lines"),
        StatusStyle("target", "Target", "the target of US force or pressure; its government condemned it",
                    OKABE_ITO["vermillion"], "crosshatch"),
        StatusStyle("none", "No stated position found", "our research found no public statement by its government",
                    NEUTRAL_GREY, "plain"),
    )
}
POSITION_ORDER = tuple(POSITION_STYLES)
#: The position of every state that positions.csv does not list.
NO_POSITION = "none"

#: Outline dash for rows whose category rests on a single uncorroborated report (confidence low).
UNCERTAIN_DASH = "5 4"


@dataclass(frozen=True)
class CategoryStyle:
    """How one event category looks on a map: colour, marker shape and label."""

    category: str
    label: str
    colour: str
    shape: str  # circle, square, triangle, triangle_down, diamond, star, cross


EVENT_CATEGORY_STYLES: dict[str, CategoryStyle] = {
    style.category: style
    for style in (
        CategoryStyle("maritime_strike", "Strike on a boat", OKABE_ITO["vermillion"], "triangle"),
        CategoryStyle("air_strike", "Air or drone strike", OKABE_ITO["vermillion"], "diamond"),
        CategoryStyle("raid", "Raid on land", OKABE_ITO["black"], "star"),
        CategoryStyle("joint_operation", "Joint operation", OKABE_ITO["reddish_purple"], "diamond"),
        CategoryStyle("intelligence_support", "Intelligence support", OKABE_ITO["reddish_purple"], "circle"),
        CategoryStyle("deployment", "Deployment of forces", OKABE_ITO["blue"], "square"),
        CategoryStyle("designation", "Terrorist designation or sanction", OKABE_ITO["orange"], "square"),
        CategoryStyle("threat", "Threat or ultimatum", OKABE_ITO["orange"], "triangle_down"),
        CategoryStyle("legal", "Legal or congressional step", OKABE_ITO["sky_blue"], "circle"),
        CategoryStyle("diplomatic", "Diplomacy", OKABE_ITO["bluish_green"], "circle"),
        CategoryStyle("other", "Other", OKABE_ITO["black"], "cross"),
    )
}


def status_style(status: str) -> StatusStyle:
    """The style for a coalition status, or the territory style for ``"territory"``."""
    if status == "territory":
        return TERRITORY_STYLE
    return STATUS_STYLES[status]


#: Categories of ``history.csv`` (lesson 3). Colour groups a family (vermillion: armed action; black:
#: covert action; blue: doctrine, treaty and canal; others: diplomacy, law, pressure and aid); the
#: shape tells the categories of one family apart, and every legend names them.
HISTORY_CATEGORY_STYLES: dict[str, CategoryStyle] = {
    style.category: style
    for style in (
        CategoryStyle("war", "War", OKABE_ITO["vermillion"], "star"),
        CategoryStyle("invasion", "Invasion", OKABE_ITO["vermillion"], "triangle"),
        CategoryStyle("occupation", "Occupation", OKABE_ITO["vermillion"], "square"),
        CategoryStyle("intervention", "Other armed intervention", OKABE_ITO["vermillion"], "diamond"),
        CategoryStyle("covert_action", "Covert action", OKABE_ITO["black"], "triangle_down"),
        CategoryStyle("coup_support", "Backing for a coup", OKABE_ITO["black"], "cross"),
        CategoryStyle("doctrine", "Doctrine or policy", OKABE_ITO["blue"], "star"),
        CategoryStyle("treaty", "Treaty or agreement", OKABE_ITO["blue"], "square"),
        CategoryStyle("canal", "Panama Canal", OKABE_ITO["blue"], "diamond"),
        CategoryStyle("diplomatic", "Diplomacy", OKABE_ITO["bluish_green"], "circle"),
        CategoryStyle("legal", "Court case, indictment or inquiry", OKABE_ITO["sky_blue"], "circle"),
        CategoryStyle("sanctions", "Sanctions", OKABE_ITO["orange"], "square"),
        CategoryStyle("aid", "Aid or support at a government's request", OKABE_ITO["reddish_purple"], "circle"),
    )
}
HISTORY_CATEGORY_ORDER = tuple(HISTORY_CATEGORY_STYLES)


@dataclass(frozen=True)
class CountBin:
    """One step of the intervention-count choropleth: the counts it covers, its fill and label."""

    low: int
    high: int | None  # None: and above
    colour: str

    @property
    def label(self) -> str:
        if self.high is None:
            return f"{self.low} or more"
        return str(self.low) if self.low == self.high else f"{self.low}–{self.high}"

    def holds(self, count: int) -> bool:
        return count >= self.low and (self.high is None or count <= self.high)


#: Light to dark tints of Okabe-Ito vermillion. Colour is never alone: each state with a count
#: carries the number as a label on the map, and the table lists every count.
INTERVENTION_COUNT_BINS: tuple[CountBin, ...] = (
    CountBin(0, 0, "#F4F4F4"),
    CountBin(1, 1, "#F8D3BC"),
    CountBin(2, 2, "#EDA06E"),
    CountBin(3, 3, "#DE7230"),
    CountBin(4, None, "#A84A00"),
)


def count_bin(count: int) -> CountBin:
    return next(step for step in INTERVENTION_COUNT_BINS if step.holds(count))


#: The two seas of the maritime campaign (lesson 4): colour and hatching, for maps and bars alike.
SEA_STYLES = {
    "Caribbean Sea": (OKABE_ITO["sky_blue"], ".."),
    "Eastern Pacific": (OKABE_ITO["blue"], "//"),
}
