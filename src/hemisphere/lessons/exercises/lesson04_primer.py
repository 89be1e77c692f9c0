"""Lesson 4's pandas warm-up: checks for selecting, filtering, sorting, taking the top few and counting.

Each check accepts every way the warm-up teaches (brackets or ``query``, ``value_counts`` or
``groupby().size()``, codes or names) and names the slip a wrong answer shows.
"""

from __future__ import annotations

import pandas as pd

from ..self_checks import Exercise
from ...data.loaders import load_coalition, load_countries, load_operations

ATTENDED_COLUMNS = ["name_en", "status"]
TOP_COUNT = 3


# --- 04-pandas-filter: select two columns of the rows that attended ---------------------------------

def _attended_names(attended: str = "yes") -> set[str]:
    coalition = load_coalition()
    return set(coalition.loc[coalition.summit_attendee == attended, "name_en"])


def _table(answer: object) -> pd.DataFrame:
    if not isinstance(answer, pd.DataFrame):
        raise TypeError("not a table")
    return answer


def _names(answer: object) -> set[str]:
    return set(_table(answer)["name_en"])


FILTER = Exercise(
    key="04-pandas-filter",
    expected=lambda: _attended_names(),
    same=lambda answer, expected: (list(_table(answer).columns) == ATTENDED_COLUMNS
                                   and _names(answer) == expected and not _table(answer).name_en.duplicated().any()),
    mistakes=(
        (lambda answer, _: isinstance(answer, pd.Series),
         "That is one column (a Series). Select two with a list inside the brackets: "
         "coalition[['name_en', 'status']]."),
        (lambda answer, _: not isinstance(answer, pd.DataFrame),
         "Give the table itself: the filtered rows with the two columns, not a count or a list."),
        (lambda answer, _: "name_en" not in _table(answer),
         "Your table has no name_en column. Select name_en and status: [['name_en', 'status']]."),
        (lambda answer, expected: _names(answer) == _attended_names("no"),
         "You kept the states that did not attend. Keep the rows where summit_attendee == 'yes'."),
        (lambda answer, expected: len(_table(answer)) == len(load_coalition()),
         "Your table has every state: the filter is missing. Put a condition in the brackets first: "
         "coalition[coalition.summit_attendee == 'yes']."),
        (lambda answer, expected: _names(answer) != expected,
         "Some rows are missing or extra. Keep exactly the rows where summit_attendee == 'yes'."),
        (lambda answer, _: list(_table(answer).columns) != ATTENDED_COLUMNS,
         "The right rows. Now keep only the two columns, in this order: [['name_en', 'status']]."),
    ),
    general_hint="Filter with a condition, then select two columns: "
                 "coalition[coalition.summit_attendee == 'yes'][['name_en', 'status']].",
)


# --- 04-pandas-top: sort and take the top three -----------------------------------------------------

def _top(ascending: bool = False) -> list[str]:
    countries = load_countries()
    return list(countries.sort_values("pop_est", ascending=ascending).iso3[:TOP_COUNT])


def _as_codes(answer: object) -> set[str]:
    """Codes ('USA') or English names ('United States'), as a list, a Series or an index."""
    if isinstance(answer, (str, pd.DataFrame)) or not hasattr(answer, "__iter__"):
        raise TypeError("not a list")
    codes = {name.lower(): code for code, name in load_countries().set_index("iso3").name_en.items()}
    return {codes.get(str(item).strip().lower(), str(item).strip().upper()) for item in answer}


TOP = Exercise(
    key="04-pandas-top",
    expected=lambda: set(_top()),
    same=lambda answer, expected: _as_codes(answer) == expected,
    mistakes=(
        (lambda answer, _: isinstance(answer, pd.DataFrame),
         "That is a table. Give the three codes: add ['iso3'].tolist() at the end."),
        (lambda answer, _: isinstance(answer, str) or not hasattr(answer, "__iter__"),
         "Give a list of three codes, for example ['ABC', 'DEF', 'GHI'], not a single value."),
        (lambda answer, _: len(_as_codes(answer)) != TOP_COUNT,
         "Give exactly three: .head(3) keeps the first three rows."),
        (lambda answer, _: _as_codes(answer) == set(_top(ascending=True)),
         "Those are the three smallest. Sort from largest to smallest: sort_values('pop_est', ascending=False)."),
        (lambda answer, _: _as_codes(answer) == set(load_countries().iso3[:TOP_COUNT]),
         "Those are the first three rows of the file, not the largest. Sort by pop_est before head(3)."),
    ),
    general_hint="Sort countries by pop_est from largest to smallest, take head(3), then their iso3 codes.",
)


# --- 04-pandas-count: group and count ---------------------------------------------------------------

def _category_counts() -> pd.Series:
    return load_operations().category.value_counts()


def _counts_by_label(answer: object) -> dict[str, int]:
    if isinstance(answer, pd.DataFrame) and answer.shape[1] == 1:
        answer = answer.iloc[:, 0]
    if not isinstance(answer, pd.Series):
        raise TypeError("not a Series")
    return {str(label): int(count) for label, count in answer.items() if count}


COUNT = Exercise(
    key="04-pandas-count",
    expected=_category_counts,
    same=lambda answer, expected: _counts_by_label(answer) == _counts_by_label(expected),
    mistakes=(
        (lambda answer, _: isinstance(answer, (int, float)),
         "That is one number for the whole table. Give one count per category: "
         "operations.category.value_counts()."),
        (lambda answer, _: not isinstance(answer, (pd.Series, pd.DataFrame)),
         "Give a pandas Series: one count per category, labelled by category."),
        (lambda answer, _: set(_counts_by_label(answer)) == set(load_operations().columns),
         "Those are the filled cells in each column: .count() on the whole table counts columns. "
         "Group by category first: operations.groupby('category').size()."),
        (lambda answer, expected: not set(_counts_by_label(answer)) & set(_counts_by_label(expected)),
         "Your labels are not categories. Count the category column: operations.category.value_counts()."),
        (lambda answer, expected: sum(_counts_by_label(answer).values()) < len(load_operations()),
         "Some rows are not counted: did you filter the table first? Count every row of operations."),
    ),
    general_hint="Count the rows of each category: operations.category.value_counts(), or "
                 "operations.groupby('category').size().",
)

#: The warm-up's exercises, in the order the notebook asks them.
EXERCISES = (FILTER, TOP, COUNT)
