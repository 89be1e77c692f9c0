"""Hemisphere: a teaching pack on US policy in the western hemisphere.

Lessons call the names below; everything else is internal.
"""

from .charts import group_shares_chart, timeline_chart
from .checks import check
from .coalition import coalition_map_frame, figures_years, group_totals, signature_evidence, states_by_status
from .data import (
    data_as_of,
    load_coalition,
    load_comparisons,
    load_countries,
    load_datasets,
    load_glossary,
    load_history,
    load_operations,
    load_quotes,
    load_strike_tallies,
)
from .era_explorer import era_explorer
from .glossary import glossary, glossary_lookup
from .history import (
    compare_events,
    counts_by_era,
    counts_table,
    events_between,
    events_table,
    intervention_counts,
    interventions_per_decade,
    most_intervened,
)
from .history_maps import compare, era_overview, history_map
from .errors import DataError, show_data_errors_as_boxes
from .lessons import lesson_sources, show_quotes
from .maps import MapView, status_map
from .quiz import quiz

show_data_errors_as_boxes()

__all__ = [
    "DataError",
    "MapView",
    "check",
    "coalition_map_frame",
    "compare",
    "compare_events",
    "counts_by_era",
    "counts_table",
    "data_as_of",
    "era_explorer",
    "era_overview",
    "events_between",
    "events_table",
    "figures_years",
    "glossary",
    "glossary_lookup",
    "group_shares_chart",
    "group_totals",
    "history_map",
    "intervention_counts",
    "interventions_per_decade",
    "lesson_sources",
    "load_coalition",
    "load_comparisons",
    "load_countries",
    "load_datasets",
    "load_glossary",
    "load_history",
    "load_operations",
    "load_quotes",
    "load_strike_tallies",
    "most_intervened",
    "quiz",
    "show_quotes",
    "signature_evidence",
    "states_by_status",
    "status_map",
    "timeline_chart",
]
