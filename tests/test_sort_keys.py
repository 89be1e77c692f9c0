"""Sort keys: a table cell sorts by what it means (a date, a number), never by parsing what it shows."""

import copy
import datetime as dt
import pickle

import numpy as np
import pandas as pd

from hemisphere.data.dates import spell_date
from hemisphere.data.sort_keys import DATE, NUMBER, TEXT, Keyed, cell_key, column_sort
from hemisphere.topics.operations import story, tally_table


def test_each_kind_of_cell_gets_its_machine_key():
    assert cell_key(dt.date(2026, 3, 7)) == (DATE, "2026-03-07")
    assert cell_key(pd.Timestamp("2026-03-07 10:30")) == (DATE, "2026-03-07T10:30:00")
    assert cell_key(83) == (NUMBER, "83") and cell_key(np.int64(83)) == (NUMBER, "83")
    assert cell_key(2.5) == (NUMBER, "2.5") and cell_key(4.0) == (NUMBER, "4")
    assert cell_key(Keyed("at least 83", 83)) == (NUMBER, "83")
    assert cell_key(Keyed("about 7 March 2026", dt.date(2026, 3, 7))) == (DATE, "2026-03-07")
    assert cell_key("Caracas") == (TEXT, "") and cell_key(True) == (TEXT, "")
    assert cell_key(("https://example.org/a",)) == (TEXT, "")
    for empty in (None, float("nan"), pd.NaT, np.nan):
        assert cell_key(empty) is None


def test_a_column_is_a_number_or_date_only_when_every_filled_cell_is_one():
    assert column_sort([3, None, 1.5]) == (NUMBER, ["3", "", "1.5"])
    assert column_sort([dt.date(2026, 1, 3), None]) == (DATE, ["2026-01-03", ""])
    assert column_sort([3, "three"]) == (TEXT, ["", ""])
    assert column_sort([3, dt.date(2026, 1, 3)]) == (TEXT, ["", ""])
    assert column_sort([None, None]) == (TEXT, ["", ""])


def test_a_spelt_date_is_text_that_sorts_by_its_date():
    spelt = spell_date(pd.Timestamp("2026-03-07 18:00"), weekday=True)
    assert spelt == "Saturday 7 March 2026" and isinstance(spelt, str)
    assert spelt.key == dt.date(2026, 3, 7)


def test_keyed_text_keeps_its_key_when_copied_or_pickled():
    keyed = Keyed("at least 83", 83)
    for twin in (copy.deepcopy(keyed), pickle.loads(pickle.dumps(keyed))):
        assert twin == "at least 83" and twin.key == 83


def test_lesson_tables_carry_keys_for_dates_and_qualified_counts():
    ordered = story()
    assert all(isinstance(text, Keyed) for text in ordered.date_text)
    assert [text.key for text in ordered.date_text] == [day for day in ordered.date]  # ranges by their first day
    tallies = tally_table()
    assert column_sort(tallies["As of"])[0] == DATE
    assert column_sort(tallies["Strikes"])[0] == NUMBER and column_sort(tallies["Reported deaths"])[0] == NUMBER
