"""Lesson 6, "Check the report": exercise checks."""

from __future__ import annotations

import datetime as dt
import numbers

import numpy as np

from ..self_checks import Exercise
from ...data.loaders import load_coalition, load_countries, load_operations
from ...data.vocabulary import USES_OF_FORCE_IN_A_COUNTRY
from ...data.schemas import OUTSIDE_AMERICAS_CODES, SEA_CODES


def _partners_at_summit() -> int:
    coalition = load_coalition()
    return int(((coalition.summit_attendee == "yes") & (coalition.status != "host")).sum())


def _is_whole_number(answer: object) -> bool:
    """Python and numpy integers (a pandas .sum() gives numpy's), and floats such as 11.0; not True."""
    if isinstance(answer, (bool, np.bool_)):
        return False
    if isinstance(answer, numbers.Integral):
        return True
    return isinstance(answer, numbers.Real) and float(answer).is_integer()


ATTENDEES = Exercise(
    key="06-attendees",
    expected=_partners_at_summit,
    same=lambda answer, expected: _is_whole_number(answer) and int(answer) == expected,
    mistakes=(
        (lambda answer, _: not _is_whole_number(answer),
         "Give one whole number: the count itself, for example the .sum() of a condition."),
        (lambda answer, expected: answer == expected + 1,
         "One too many: the United States hosted the summit. Leave out the row whose status is 'host'."),
        (lambda answer, _: answer == 17,
         "17 is the number of reported signers of the declaration. The question asks who attended the summit."),
    ),
    general_hint="Count the rows whose summit_attendee is 'yes' and whose status is not 'host'.",
)


ECUADOR_DAY = Exercise(
    key="06-ecuador-day",
    expected=lambda: f"{load_operations().loc['E060', 'date']:%A}",
    same=lambda answer, expected: str(answer).strip().lower() == expected.lower(),
    mistakes=(
        (lambda answer, _: str(answer).strip().lower() == f"{load_operations().loc['E056', 'date']:%A}".lower(),
         "That is the day of row E056, the announcement that named no target. The strike is row E060."),
        (lambda answer, _: str(answer)[:4].isdigit(),
         "Give the day of the week, for example 'Monday', not the date. f\"{date:%A}\" gives it."),
    ),
    general_hint="Look up row E060 with operations.loc['E060', 'date'] and turn it into a weekday with f\"{...:%A}\".",
)


def _struck_in_2025() -> list[str]:
    operations = load_operations()
    outside = set(SEA_CODES) | set(OUTSIDE_AMERICAS_CODES)
    force = operations[operations.category.isin(USES_OF_FORCE_IN_A_COUNTRY) & ~operations.country_iso3.isin(outside)]
    codes = sorted(set(force[force.date < dt.date(2026, 1, 1)].country_iso3))
    names = load_countries().set_index("iso3").name_en
    return [names[code] for code in codes]


def _codes_or_names(answer: object) -> set[str]:
    """Accept codes ('VEN') or English names ('Venezuela'), as a list or a single string."""
    items = [answer] if isinstance(answer, str) else list(answer)
    names = load_countries().set_index("iso3").name_en
    return {names.get(str(item).strip().upper(), str(item).strip()).lower() for item in items}


COUNTRIES_2025 = Exercise(
    key="06-countries-2025",
    expected=_struck_in_2025,
    same=lambda answer, expected: _codes_or_names(answer) == {name.lower() for name in expected},
    mistakes=(
        (lambda answer, _: bool({"xxc", "xxp"} & {str(item).lower() for item in
                                                  ([answer] if isinstance(answer, str) else answer)}),
         "XXC and XXP are the Caribbean and the eastern Pacific: strikes on boats at sea are not inside a country."),
        (lambda answer, _: "ecuador" in _codes_or_names(answer),
         "Ecuador's joint operations came in March 2026. The question asks about 2025."),
    ),
    general_hint="Keep the rows whose category is air_strike, raid or joint_operation and whose date is in 2025, "
                 "then list their country_iso3 codes.",
)

#: This lesson's exercises, in the order the notebook asks them.
EXERCISES = (ATTENDEES, ECUADOR_DAY, COUNTRIES_2025)
