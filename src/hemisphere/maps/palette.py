"""The pack's one palette: Okabe-Ito colours, each paired with a second cue that is not colour.

Colours, patterns and shapes only: each category's key, label and meaning come from
:mod:`hemisphere.data.vocabulary`.

Every category on a map (a coalition status, a stated position) has a colour *and* a fill pattern
(and the legend names it); every event category has a colour *and* a marker shape. Colour-blind readers, grey-scale printouts and
projectors with washed-out colours all keep the distinction.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..data.vocabulary import (COALITION_STATUSES, EVENT_CATEGORIES, HISTORY_CATEGORIES, POSITIONS, TERRITORY,
                               Category)

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
    """How one category of a categorical map looks: its colour and fill pattern (its words: ``category``).

    Used for coalition statuses and for stated positions.
    """

    category: Category
    colour: str
    pattern: str  # one of: solid, stripes, dots, lines, crosshatch, checks, plain
    emphasised: bool = False  # drawn with a thick outline (the United States on both maps)

    @property
    def status(self) -> str:
        return self.category.key

    @property
    def label(self) -> str:
        return self.category.label

    @property
    def meaning(self) -> str:
        return self.category.meaning

    @property
    def fill(self) -> str:
        """The SVG fill: the pattern, falling back to the plain colour if patterns are missing."""
        if self.pattern in ("solid", "plain"):
            return self.colour
        return f"url(#hem-{self.status}) {self.colour}"


def _status_styles(categories: dict[str, Category], looks: dict[str, tuple[str, str]],
                   emphasised: str) -> dict[str, StatusStyle]:
    if set(looks) != set(categories):
        raise ValueError(f"the palette styles {sorted(looks)}, the vocabulary has {sorted(categories)}")
    return {key: StatusStyle(category, *looks[key], emphasised=key == emphasised) for key, category in categories.items()}


STATUS_STYLES = _status_styles(COALITION_STATUSES, {
    "host": (OKABE_ITO["blue"], "solid"),
    "member": (OKABE_ITO["bluish_green"], "stripes"),
    "signatory": (OKABE_ITO["sky_blue"], "dots"),
    "excluded": (OKABE_ITO["orange"], "lines"),
    "targeted": (OKABE_ITO["vermillion"], "crosshatch"),
    "other": (NEUTRAL_GREY, "plain"),
}, emphasised="host")

TERRITORY_STYLE = StatusStyle(TERRITORY, TERRITORY_GREY, "plain")

#: Colours echo the status map where the meanings are close (green: with the United States; orange:
#: critics; red-orange: targets), so the two maps can be read side by side.
POSITION_STYLES = _status_styles(POSITIONS, {
    "leads": (OKABE_ITO["blue"], "solid"),
    "supports": (OKABE_ITO["bluish_green"], "stripes"),
    "joined": (OKABE_ITO["sky_blue"], "dots"),
    "critical": (OKABE_ITO["orange"], "lines"),
    "target": (OKABE_ITO["vermillion"], "crosshatch"),
    "none": (NEUTRAL_GREY, "plain"),
}, emphasised="leads")

#: Outline dash for rows whose category rests on a single uncorroborated report (confidence low).
UNCERTAIN_DASH = "5 4"


@dataclass(frozen=True)
class CategoryStyle:
    """How one event category looks on a map: colour and marker shape (its words: ``kind``)."""

    kind: Category
    colour: str
    shape: str  # circle, square, triangle, triangle_down, diamond, star, cross

    @property
    def category(self) -> str:
        return self.kind.key

    @property
    def label(self) -> str:
        return self.kind.label


def _marker_styles(categories: dict[str, Category], looks: dict[str, tuple[str, str]]) -> dict[str, CategoryStyle]:
    if set(looks) != set(categories):
        raise ValueError(f"the palette styles {sorted(looks)}, the vocabulary has {sorted(categories)}")
    return {key: CategoryStyle(category, *looks[key]) for key, category in categories.items()}


EVENT_CATEGORY_STYLES = _marker_styles(EVENT_CATEGORIES, {
    "maritime_strike": (OKABE_ITO["vermillion"], "triangle"),
    "air_strike": (OKABE_ITO["vermillion"], "diamond"),
    "raid": (OKABE_ITO["black"], "star"),
    "joint_operation": (OKABE_ITO["reddish_purple"], "diamond"),
    "intelligence_support": (OKABE_ITO["reddish_purple"], "circle"),
    "deployment": (OKABE_ITO["blue"], "square"),
    "designation": (OKABE_ITO["orange"], "square"),
    "threat": (OKABE_ITO["orange"], "triangle_down"),
    "legal": (OKABE_ITO["sky_blue"], "circle"),
    "diplomatic": (OKABE_ITO["bluish_green"], "circle"),
    "other": (OKABE_ITO["black"], "cross"),
})

#: Colour groups a family of history categories (vermillion: armed action; black: covert action; blue:
#: doctrine, treaty and canal; others: diplomacy, law, pressure and aid); the shape tells the categories
#: of one family apart, and every legend names them.
HISTORY_CATEGORY_STYLES = _marker_styles(HISTORY_CATEGORIES, {
    "war": (OKABE_ITO["vermillion"], "star"),
    "invasion": (OKABE_ITO["vermillion"], "triangle"),
    "occupation": (OKABE_ITO["vermillion"], "square"),
    "intervention": (OKABE_ITO["vermillion"], "diamond"),
    "covert_action": (OKABE_ITO["black"], "triangle_down"),
    "coup_support": (OKABE_ITO["black"], "cross"),
    "doctrine": (OKABE_ITO["blue"], "star"),
    "treaty": (OKABE_ITO["blue"], "square"),
    "canal": (OKABE_ITO["blue"], "diamond"),
    "diplomatic": (OKABE_ITO["bluish_green"], "circle"),
    "legal": (OKABE_ITO["sky_blue"], "circle"),
    "sanctions": (OKABE_ITO["orange"], "square"),
    "aid": (OKABE_ITO["reddish_purple"], "circle"),
})


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
