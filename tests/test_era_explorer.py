"""The era explorer: controls agree with each other, a step changes only what it must, text stays text."""

import csv
import json

import pytest

from hemisphere import era_explorer, load_history
from hemisphere.era_explorer import ALL, CUSTOM
from hemisphere.history import intervention_counts
from hemisphere.maps import SANDBOX
from hemisphere.palette import count_bin

HOSTILE = '</script><img src=x onerror="parent.alert(1)"> ${alert(2)}'


@pytest.fixture(scope="module")
def explorer():
    return era_explorer()


def test_it_starts_on_the_whole_record_with_the_map_sent_once(explorer):
    assert explorer.era.value == ALL and explorer.years == (1823, 2026)
    assert explorer.map.visible == list(load_history().id)
    assert explorer.map.sandbox == SANDBOX and "allow-same-origin" not in SANDBOX
    assert "Hemisphere.listen(" in explorer.map.page


def test_choosing_an_era_moves_the_slider_and_redraws_only_what_changes(explorer):
    explorer.era.value = "imperial"
    history = load_history()
    assert explorer.years == (1898, 1932)
    assert explorer.map.visible == list(history[history.era == "imperial"].id)
    assert "up to 1932" in explorer.map.caption
    mexico = explorer.map.shape_changes["MEX"]
    assert mexico["style"]["fillColor"] == count_bin(int(intervention_counts(1932)["MEX"])).colour
    assert explorer.map.label_texts["VEN"] == ""
    step = len(json.dumps([explorer.map.visible, explorer.map.shape_changes, explorer.map.label_texts]))
    assert step < len(explorer.map.page) / 10  # a step sends a small fraction of the page
    assert len(explorer.events.options) == len(explorer.map.visible)
    assert "recorded US interventions" in explorer.summary.value


def test_typing_years_off_an_era_switches_to_custom_and_back(explorer):
    explorer.set_years(1900, 1950)
    assert explorer.era.value == CUSTOM and "1900–1950" in explorer.map.caption
    explorer.last_year.value = 1990
    explorer.first_year.value = 1947
    assert explorer.era.value == "cold_war"
    explorer.set_years(1823, 2026)
    assert explorer.era.value == ALL


def test_a_first_year_after_the_last_is_explained_not_shown(explorer):
    explorer.era.value = "imperial"
    shown = list(explorer.map.visible)
    explorer.first_year.value = 1990
    assert "after the last" in explorer.summary.value and explorer.map.visible == shown
    explorer.era.value = "cold_war"
    history = load_history()
    assert explorer.years == (1947, 1990)
    assert explorer.map.visible == list(history[history.era == "cold_war"].id)


def test_picking_an_event_opens_its_card_on_the_map_and_in_the_panel(explorer):
    explorer.era.value = "cold_war"
    explorer.events.value = "H047"
    assert explorer.map.focus == "H047"
    assert "Operation Just Cause" in explorer.detail.value and "history.state.gov" in explorer.detail.value
    assert 'rel="noopener noreferrer"' in explorer.detail.value
    assert "<table" in explorer.table.value and "<table" in explorer.counts.value


def test_hostile_text_stays_text_in_the_panel_and_tables(data_copy):
    path = data_copy / "history.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        if row["id"] == "H047":
            row["title"], row["summary"] = HOSTILE, HOSTILE
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    explorer = era_explorer()
    explorer.era.value = "cold_war"
    explorer.events.value = "H047"
    for html in (explorer.detail.value, explorer.table.value, explorer.counts.value, explorer.summary.value):
        assert "<img src=x" not in html and "</script>" not in html
    assert "&lt;img src=x" in explorer.detail.value
