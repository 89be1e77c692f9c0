"""Hemisphere: a teaching pack on US policy in the western hemisphere.

Lessons call the names below; everything else is internal.
"""

# data: loaders and the one error type
from .data.errors import DataError, show_data_errors_as_boxes
from .data.loaders import (combine_events, data_as_of, data_path, load_coalition, load_comparisons, load_countries,
                           load_datasets, load_events, load_glossary, load_history, load_operations, load_polls,
                           load_positions, load_quotes, load_report_claims, load_seas, load_strike_tallies,
                           template_path)
# topics: what each lesson computes
from .topics.claims import claims_to_check
from .topics.coalition import coalition_map_frame, figures_years, group_totals, signature_evidence, states_by_status
from .topics.geo import (AMERICAS_EQUAL_AREA, DORAL, WEB_MERCATOR, WGS84, area_comparison, densifying_compared,
                         distances_from_doral, strikes_by_sea)
from .topics.history import (compare_events, counts_by_era, counts_table, events_between, intervention_counts,
                             interventions_per_decade, most_intervened)
from .topics.operations import category_counts, filter_events, running_count, story, storyline_table, tally_table
from .topics.perspectives import polls_table, positions_table, states_by_position
# maps: offline map pages and charts
from .maps.charts import (group_shares_chart, maritime_campaign, projection_comparison, reach_map, strike_chart,
                          timeline_chart)
from .maps.history_map import compare, era_overview, history_map
from .maps.operations_map import events_table, operations_map
from .maps.page import MapView, positions_map, status_map
# widgets: what students click
from .widgets.activities import debate_card, debate_dealer, whose_lens
from .widgets.lateral_reading import check_the_report, report_evidence, report_sources
from .widgets.era_explorer import era_explorer
from .widgets.events_file import preview_events_file
from .widgets.glossary import glossary, glossary_lookup
from .widgets.operations_explorer import operations_explorer
from .widgets.quiz import quiz
from .widgets.quotes import show_quotes
from .widgets.table_display import show_tables_in_full
# lessons: sources and self-checks
from .lessons.exercises import check

show_data_errors_as_boxes()
show_tables_in_full()

__all__ = [
    "AMERICAS_EQUAL_AREA",
    "DORAL",
    "DataError",
    "MapView",
    "WEB_MERCATOR",
    "WGS84",
    "area_comparison",
    "densifying_compared",
    "category_counts",
    "check",
    "preview_events_file",
    "check_the_report",
    "claims_to_check",
    "coalition_map_frame",
    "combine_events",
    "compare",
    "compare_events",
    "counts_by_era",
    "counts_table",
    "data_as_of",
    "data_path",
    "debate_card",
    "debate_dealer",
    "distances_from_doral",
    "era_explorer",
    "era_overview",
    "events_between",
    "events_table",
    "figures_years",
    "filter_events",
    "glossary",
    "glossary_lookup",
    "group_shares_chart",
    "group_totals",
    "history_map",
    "intervention_counts",
    "interventions_per_decade",
    "load_coalition",
    "load_comparisons",
    "load_countries",
    "load_datasets",
    "load_events",
    "load_glossary",
    "load_history",
    "load_operations",
    "load_polls",
    "load_positions",
    "load_quotes",
    "load_report_claims",
    "load_seas",
    "load_strike_tallies",
    "maritime_campaign",
    "most_intervened",
    "operations_explorer",
    "operations_map",
    "polls_table",
    "positions_map",
    "positions_table",
    "projection_comparison",
    "quiz",
    "reach_map",
    "report_evidence",
    "report_sources",
    "running_count",
    "show_quotes",
    "signature_evidence",
    "states_by_position",
    "status_map",
    "story",
    "storyline_table",
    "strike_chart",
    "strikes_by_sea",
    "tally_table",
    "template_path",
    "timeline_chart",
    "whose_lens",
]
