"""A student who uses ``.dt`` on the loaders' plain Python dates gets a hint about the actual mistake,
not a traceback; other errors still show as IPython shows them."""

import subprocess
import sys
import textwrap

import pandas as pd

from hemisphere import load_operations
from hemisphere.data.errors import hint_for
from hemisphere.lessons.exercises import check
from hemisphere.data.schemas import OUTSIDE_AMERICAS_CODES, SEA_CODES


def test_dt_on_plain_dates_gets_the_hint_to_convert_them():
    try:
        load_operations().date.dt.year
    except AttributeError as error:
        assert "pd.to_datetime" in hint_for(error)
    else:
        raise AssertionError("pandas' .dt read plain Python dates: the hint is no longer needed")
    assert hint_for(AttributeError("'Series' object has no attribute 'colour'")) is None


def test_the_converted_column_is_accepted_by_lesson_sixs_check():
    operations = load_operations()
    force = operations[operations.category.isin(["air_strike", "raid", "joint_operation"])
                       & ~operations.country_iso3.isin([*SEA_CODES, *OUTSIDE_AMERICAS_CODES])]
    years = pd.to_datetime(force.date).dt.year
    assert check("06-countries-2025", sorted(force[years == 2025].country_iso3.unique()))


def output_in_ipython(cell: str) -> str:
    script = textwrap.dedent(f"""
        from IPython.testing.globalipapp import start_ipython
        start_ipython().run_cell({cell!r})
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    return result.stdout + result.stderr


def test_in_ipython_the_hint_replaces_the_traceback_and_other_errors_keep_theirs():
    hinted = output_in_ipython("import hemisphere; hemisphere.load_operations().date.dt.year")
    assert "Hint: `.dt` reaches inside pandas dates only" in hinted and "Traceback" not in hinted
    other = output_in_ipython("import hemisphere, pandas; pandas.Series([1]).colour")
    assert "Traceback" in other and "has no attribute 'colour'" in other
