"""The pack's categories: the key each data file uses, the label readers see, and what it means.

Loaders check files against these keys; topics, maps and lessons take their words from here.
How a category looks (colour, pattern, marker shape) is the palette's business, not this module's.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Category:
    """One value of a category column: its key in the data, its label, and a sentence saying what it means."""

    key: str
    label: str
    meaning: str = ""


def _by_key(*categories: Category) -> dict[str, Category]:
    return {category.key: category for category in categories}


#: ``coalition.csv``'s ``status``: each state's relation to the Shield of the Americas summit.
COALITION_STATUSES = _by_key(
    Category("host", "Host", "hosted the Doral summit (United States)"),
    Category("member", "Summit member", "its leader stood with Trump at Doral on 7 March 2026"),
    Category("signatory", "Signatory, not at summit",
             "reported to have signed the 5 March declaration, but its leader was not at Doral"),
    Category("excluded", "Left out", "not invited; its absence was reported as a choice"),
    Category("targeted", "Targeted", "not invited; the target of US threats, pressure or force"),
    Category("other", "No reported role", "no reported invitation, attendance or signature"),
)
STATUS_ORDER = tuple(COALITION_STATUSES)

#: Dependent territories on the maps: not states, so outside the coalition's membership.
TERRITORY = Category("territory", "Territory", "a dependent territory, not a state: outside the coalition's membership")

#: ``positions.csv``'s ``position``: each state's stated position on the US military campaign of
#: 2025-26 (boat strikes, the Caracas raid) and on the coalition.
POSITIONS = _by_key(
    Category("leads", "Leads the campaign", "the United States: its government ordered the strikes and the raid"),
    Category("supports", "Supports", "its government publicly backed US military action in the region"),
    Category("joined", "Joined the coalition",
             "attended Doral or was reported to have signed the declaration; no clear statement on the strikes "
             "or the raid found"),
    Category("critical", "Critical", "its government publicly condemned US military action or unilateral force"),
    Category("target", "Target", "the target of US force or pressure; its government condemned it"),
    Category("none", "No stated position found", "our research found no public statement by its government"),
)
POSITION_ORDER = tuple(POSITIONS)
#: The position of every state that positions.csv does not list.
NO_POSITION = "none"

#: ``operations.csv``'s (and a teacher's events file's) ``category``: the kind of event.
EVENT_CATEGORIES = _by_key(
    Category("maritime_strike", "Strike on a boat"),
    Category("air_strike", "Air or drone strike"),
    Category("raid", "Raid on land"),
    Category("joint_operation", "Joint operation"),
    Category("intelligence_support", "Intelligence support"),
    Category("deployment", "Deployment of forces"),
    Category("designation", "Terrorist designation or sanction"),
    Category("threat", "Threat or ultimatum"),
    Category("legal", "Legal or congressional step"),
    Category("diplomatic", "Diplomacy"),
    Category("other", "Other"),
)

#: ``history.csv``'s ``category`` (lesson 3).
HISTORY_CATEGORIES = _by_key(
    Category("war", "War"),
    Category("invasion", "Invasion"),
    Category("occupation", "Occupation"),
    Category("intervention", "Other armed intervention"),
    Category("covert_action", "Covert action"),
    Category("coup_support", "Backing for a coup"),
    Category("doctrine", "Doctrine or policy"),
    Category("treaty", "Treaty or agreement"),
    Category("canal", "Panama Canal"),
    Category("diplomatic", "Diplomacy"),
    Category("legal", "Court case, indictment or inquiry"),
    Category("sanctions", "Sanctions"),
    Category("aid", "Aid or support at a government's request"),
)
HISTORY_CATEGORY_ORDER = tuple(HISTORY_CATEGORIES)

#: The event categories that are uses of armed force by, or with, US forces: strikes on boats, air
#: strikes, the Caracas raid and the joint operations in Ecuador. (Intelligence support, as for the
#: Mexican operation against El Mencho, is not counted: Mexican forces acted.)
USES_OF_FORCE = ("maritime_strike", "air_strike", "raid", "joint_operation")
#: The uses of force that put US forces, or their weapons, inside a country: all but strikes on boats at sea.
USES_OF_FORCE_IN_A_COUNTRY = tuple(key for key in USES_OF_FORCE if key != "maritime_strike")
