"""The eras of US policy in the Americas that lesson 3 uses, with the years each covers.

Eras are a teaching device, not a law of history: the boundaries are the pack's choice, written
down here once so the data (``history.csv``'s ``era`` column), the explorer and the timeline agree.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Era:
    key: str
    label: str
    first_year: int
    last_year: int
    summary: str

    @property
    def years(self) -> str:
        return f"{self.first_year}–{self.last_year}"

    @property
    def heading(self) -> str:
        return f"{self.label} ({self.years})"

    def contains(self, year: int) -> bool:
        return self.first_year <= year <= self.last_year


ERAS: tuple[Era, ...] = (
    Era("monroe", "The Monroe Doctrine", 1823, 1897,
        "A young United States warns Europe off the hemisphere and expands at Mexico's expense."),
    Era("imperial", "Empire and the Roosevelt Corollary", 1898, 1932,
        "After the war with Spain, Washington claims a right to police its neighbours and lands troops again and again."),
    Era("good_neighbor", "The Good Neighbor", 1933, 1946,
        "Franklin Roosevelt gives up armed intervention and accepts the rule of non-intervention."),
    Era("cold_war", "The Cold War", 1947, 1990,
        "Fear of communism brings covert action, backing for coups and two invasions, alongside aid and new treaties."),
    Era("post_cold_war", "After the Cold War", 1991, 2000,
        "Democracy, trade and drugs take centre stage; the canal passes to Panama."),
    Era("drug_war_and_security", "Drug war and security", 2001, 2024,
        "Security aid against cartels, sanctions and indictments, and a thaw with Cuba."),
    Era("2025_26", "2025–26", 2025, 2026,
        "A 'Trump Corollary', strikes on alleged drug boats and the capture of Maduro (lesson 2 has the full record)."),
)
ERA_KEYS: tuple[str, ...] = tuple(era.key for era in ERAS)
FIRST_YEAR = ERAS[0].first_year
LAST_YEAR = ERAS[-1].last_year


def era(key: str) -> Era:
    """The era with this key; KeyError names the keys that exist."""
    for candidate in ERAS:
        if candidate.key == key:
            return candidate
    raise KeyError(f"no era {key!r}; eras: {', '.join(ERA_KEYS)}")


def era_of_year(year: int) -> Era | None:
    """The era a year belongs to, or None outside 1823–2026."""
    return next((candidate for candidate in ERAS if candidate.contains(year)), None)
