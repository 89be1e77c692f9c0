"""Lesson 3's maps and comparison: offline, within budget, complete, and safe with hostile text."""

import csv
import json
import re

import pytest

from hemisphere import compare, history_map, load_history
from hemisphere.maps.history_map import label_texts, shape_changes
from hemisphere.maps.offline import external_references
from hemisphere.maps.page import SANDBOX
from hemisphere.maps.palette import HISTORY_CATEGORY_STYLES, TERRITORY_GREY, count_bin
from hemisphere.topics.history import INTERVENTION_CATEGORIES, intervention_counts
from support import map_payload, scripts_balanced

HOSTILE = '</script><img src=x onerror="parent.alert(1)"> ${alert(2)} "onmouseover="alert(3)'
#: An era's map must stay as small as the pack's other maps; the explorer's page (every event) is sent
#: once, so it may be a little larger.
ERA_PAGE_BYTES = 600_000
EXPLORER_PAGE_BYTES = 700_000


def script_data(html: str, function: str):
    element, key = {"addPoints": ("points", "points"), "addShapes": ("shapes", "shapes"),
                    "addLabels": ("add_labels", "arguments")}[function]
    data = map_payload(html, element)[key]
    return data["points"] if function == "addPoints" else data[0] if function == "addLabels" else data


@pytest.fixture(scope="module")
def cold_war_html():
    return history_map("cold_war").html()


def test_maps_load_nothing_from_the_network_and_stay_within_budget(cold_war_html):
    assert external_references(cold_war_html) == []
    assert len(cold_war_html.encode()) < ERA_PAGE_BYTES
    explorer_page = history_map(all_events=True).html()
    assert external_references(explorer_page) == []
    assert len(explorer_page.encode()) < EXPLORER_PAGE_BYTES


def test_an_era_map_shows_that_eras_events_with_their_category_shape(cold_war_html):
    history = load_history()
    points = script_data(cold_war_html, "addPoints")
    expected = history[history.era == "cold_war"]
    assert {point["id"] for point in points} == set(expected.id)
    for point in points:
        category = expected.set_index("id").loc[point["id"], "category"]
        style = HISTORY_CATEGORY_STYLES[category]
        assert (point["shape"], point["colour"]) == (style.shape, style.colour)
        assert point["popup"]["sources"] and point["tooltip"]["title"]


def test_the_shading_and_labels_count_interventions_up_to_the_eras_end(cold_war_html):
    shapes = {feature["properties"]["iso3"]: feature["properties"]
              for feature in script_data(cold_war_html, "addShapes")["features"]}
    counts = intervention_counts(1990)
    for code in ("CUB", "PAN", "MEX", "BRA", "ARG"):
        assert shapes[code]["style"]["fillColor"] == count_bin(int(counts.get(code, 0))).colour, code
    labels = {label["code"]: label["text"] for label in script_data(cold_war_html, "addLabels")}
    assert labels["CUB"] == str(counts["CUB"]) and labels["ARG"] == ""
    assert "Recorded US interventions up to 1990" in cold_war_html
    assert "Hemisphere.listen(" in cold_war_html


def test_shape_changes_and_labels_follow_the_year():
    early, late = shape_changes(1900), shape_changes(2026)
    assert early["VEN"]["popup"]["rows"][0][1] == "0" and late["VEN"]["popup"]["rows"][0][1] == "1"
    assert "Operation Absolute Resolve" in late["VEN"]["popup"]["rows"][1][1]
    assert label_texts(1900)["VEN"] == "" and label_texts(2026)["VEN"] == "1"
    assert early["PRI"]["style"]["fillColor"] == TERRITORY_GREY  # a territory with no count stays territory grey
    assert early["ARG"]["style"]["fillColor"] == count_bin(0).colour


def test_markers_at_the_same_spot_are_spread_so_each_can_be_clicked():
    points = script_data(history_map(all_events=True).html(), "addPoints")
    spots = [(point["lat"], point["lon"]) for point in points]
    assert len(set(spots)) == len(spots)


def test_the_comparison_is_a_two_column_table_with_links_and_a_sandboxed_map():
    view = compare("H047", "H063")
    table = view.as_table()
    assert len(table.columns) == 2 and "Outcome" in table.index
    html = view._repr_html_()
    assert html.count("<tr>") == len(table) + 1 and 'rel="noopener noreferrer"' in html
    assert f'sandbox="{SANDBOX}"' in html and "Operation Just Cause" in html


def rewrite_history(folder, edit):
    path = folder / "history.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    edit(rows)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def test_hostile_text_in_the_history_stays_text_in_maps_tables_and_the_comparison(data_copy):
    def poison(rows):
        for row in rows:
            if row["id"] in ("H047", "H063"):
                row["title"] = HOSTILE
                row["summary"] = HOSTILE
                row["place"] = "<b>bold</b>"

    rewrite_history(data_copy, poison)
    page = history_map("cold_war").html()
    assert "<img src=x" not in page and "<b>bold</b>" not in page
    assert scripts_balanced(page)
    assert any(point["title"] == HOSTILE for point in
               [point["popup"] for point in script_data(page, "addPoints")])
    html = compare("H047", "H063")._repr_html_()
    outside_frame = html.split("<iframe", 1)[0]
    assert "<img src=x" not in outside_frame and "<b>bold</b>" not in outside_frame
    assert "&lt;img src=x" in outside_frame


def test_intervention_categories_are_map_categories():
    assert set(INTERVENTION_CATEGORIES) <= set(HISTORY_CATEGORY_STYLES)
