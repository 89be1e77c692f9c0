"""The era explorer on the shared map widgets: controls agree, a step changes only what it must, text stays text."""

import csv
import json

import pytest

from hemisphere import era_explorer, load_history
from hemisphere.data.eras import ERAS, FIRST_YEAR, LAST_YEAR, era
from hemisphere.widgets.era_explorer import ALL, CUSTOM
from hemisphere.topics.history import events_between, intervention_counts
from hemisphere.widgets.map_frame import MapFrame, RecordPanel
from hemisphere.maps.palette import count_bin

HOSTILE = '</script><img src=x onerror="parent.alert(1)"> ${alert(2)}'


def years_of(key: str) -> tuple[int, int]:
    return era(key).first_year, era(key).last_year


@pytest.fixture
def explorer():
    """A fresh explorer for each test: tests choose eras and years, so none may see another's choices."""
    widget = era_explorer()
    yield widget
    widget.close()


def test_it_starts_on_the_whole_record_with_the_shared_widgets(explorer):
    assert explorer.selection == ALL and explorer.years == (FIRST_YEAR, LAST_YEAR)
    assert isinstance(explorer.map, MapFrame) and isinstance(explorer.panel, RecordPanel)
    assert explorer.map.ids == list(load_history().id) == explorer.visible_ids
    assert "Hemisphere.listen()" in explorer.map.page
    assert set(explorer.panel.records) == set(load_history().id)


def test_choosing_an_era_sets_the_years_and_sends_only_what_changes(explorer):
    explorer.choose("imperial")
    history = load_history()
    assert explorer.years == years_of("imperial")
    assert explorer.map.ids == explorer.panel.ids == list(history[history.era == "imperial"].id)
    assert explorer.map.step == explorer.panel.step == -1
    last_year = era("imperial").last_year
    assert f"up to {last_year}" in explorer.map.caption
    mexico = explorer.map.shape_changes["MEX"]
    assert mexico["style"]["fillColor"] == count_bin(int(intervention_counts(last_year)["MEX"])).colour
    assert explorer.map.label_texts["VEN"] == ""
    step = len(json.dumps([explorer.map.ids, explorer.map.shape_changes, explorer.map.label_texts]))
    assert step < len(explorer.map.page) / 10  # a step sends a small fraction of the page
    assert "recorded US interventions" in explorer.summary


def test_every_era_travels_to_the_browser_with_the_controls_as_python_would_show_it(explorer):
    """The menu works with no kernel (the static site): each era's view is in the controls' state."""
    for key in [ALL] + [item.key for item in ERAS]:
        explorer.choose(key)
        view = explorer.controls.views[key]
        assert view["ids"] == explorer.map.ids == explorer.panel.ids
        assert (view["shape_changes"], view["label_texts"], view["caption"]) == (
            explorer.map.shape_changes, explorer.map.label_texts, explorer.map.caption)
        assert view["counts"] == explorer.counts.value and view["summary"] == explorer.summary
        assert (view["first_year"], view["last_year"]) == explorer.years
    assert len(json.dumps(explorer.controls.views)) < len(explorer.map.page) / 2


def test_the_step_control_reads_out_each_events_date_and_title(explorer):
    titles = explorer.controls.titles
    assert set(titles) == set(load_history().id)
    assert titles["H047"] == "20 December 1989: Invasion of Panama (Operation Just Cause)"


def test_typing_years_off_an_era_switches_to_custom_and_back(explorer):
    explorer.set_years(1900, 1950)
    assert explorer.selection == CUSTOM and "1900–1950" in explorer.map.caption
    assert explorer.map.ids == list(events_between((1900, 1950)).id)
    explorer.set_years(*years_of("cold_war"))
    assert explorer.selection == "cold_war"
    explorer.set_years(FIRST_YEAR, LAST_YEAR)
    assert explorer.selection == ALL


def test_a_first_year_after_the_last_is_explained_not_shown(explorer):
    explorer.choose("imperial")
    shown = list(explorer.map.ids)
    explorer.set_years(explorer.years[1] + 1, explorer.years[1])
    assert "after the last" in explorer.summary and explorer.map.ids == shown
    explorer.choose("cold_war")
    history = load_history()
    assert explorer.years == years_of("cold_war")
    assert explorer.map.ids == list(history[history.era == "cold_war"].id)


def test_going_to_an_event_moves_the_map_and_the_card(explorer):
    explorer.choose("cold_war")
    explorer.go_to("H047")
    assert explorer.current_id == "H047" and explorer.map.current_id == "H047"
    text = explorer.panel_text()
    assert text.startswith("Invasion of Panama (Operation Just Cause)") and "history.state.gov" in text
    assert "counted as an intervention" in text
    assert "<table" in explorer.counts.value and "<details>" in explorer.counts.value


def test_hostile_text_stays_text_in_the_explorers_own_html(data_copy):
    path = data_copy / "history.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        if row["id"] in ("H047", "H017"):
            row["title"], row["summary"] = HOSTILE, HOSTILE
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    explorer = era_explorer()
    explorer.choose("imperial")
    for html in (explorer.counts.value, explorer.summary):
        assert "<img src=x" not in html and "</script>" not in html
    assert "&lt;img src=x" in explorer.counts.value  # H017 is counted for Mexico by 1932
    assert explorer.panel.records["H047"]["card"]["title"] == HOSTILE  # drawn with textContent by the panel
    assert "<img src=x" not in explorer.map.page.split("<script>")[0]
