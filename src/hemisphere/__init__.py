"""Hemisphere: a teaching pack on US policy in the western hemisphere.

Lessons call the names below; everything else is internal.
"""

from .charts import group_shares_chart, strike_chart
from .checks import check
from .coalition import coalition_map_frame, figures_years, group_totals, signature_evidence, states_by_status
from .data import (combine_events, data_as_of, load_coalition, load_countries, load_datasets, load_events,
                   load_operations, load_quotes, load_strike_tallies, template_path)
from .errors import DataError, show_data_errors_as_boxes
from .eventmap import events_table, operations_map
from .explorer import operations_explorer
from .lessons import check_events_file, lesson_sources, show_quotes
from .maps import MapView, status_map
from .quiz import quiz
from .timeline import category_counts, filter_events, running_count, story, storyline_table, tally_table

show_data_errors_as_boxes()

__all__ = [
    "DataError",
    "MapView",
    "category_counts",
    "check",
    "check_events_file",
    "combine_events",
    "coalition_map_frame",
    "data_as_of",
    "events_table",
    "figures_years",
    "filter_events",
    "group_shares_chart",
    "group_totals",
    "lesson_sources",
    "load_coalition",
    "load_countries",
    "load_datasets",
    "load_events",
    "load_operations",
    "load_quotes",
    "load_strike_tallies",
    "operations_explorer",
    "operations_map",
    "quiz",
    "running_count",
    "show_quotes",
    "signature_evidence",
    "states_by_status",
    "status_map",
    "story",
    "storyline_table",
    "strike_chart",
    "tally_table",
    "template_path",
]
