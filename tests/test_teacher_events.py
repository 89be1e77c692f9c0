"""A teacher's own events: read as spreadsheets write them, explained when wrong, shown safely, never changed."""

import datetime as dt

import pytest

from hemisphere import DataError, preview_events_file, combine_events, load_events, template_path
from hemisphere.maps.operations_map import detail_card, event_records, operations_map
from hemisphere.widgets.operations_explorer import operations_explorer
from support import scripts_balanced, write_csv

HEADER = "date,country_iso3,place,category,summary,source_urls,confidence"
GOOD_ROW = "2026-04-20,MEX,Mexico City,diplomatic,A meeting our class read about.,https://example.org/a,medium"
HOSTILE = '</script><img src=x onerror="parent.alert(1)"> ${alert(2)} "quoted" & more'


def problems(path) -> str:
    with pytest.raises(DataError) as caught:
        load_events(path)
    return str(caught.value)


def test_a_minimal_file_gets_ids_points_and_defaults(tmp_path):
    events = load_events(write_csv(tmp_path / "mine.csv", f"{HEADER}\n{GOOD_ROW}\n"))
    row = events.iloc[0]
    assert row.id == "MY-2" and row.date == dt.date(2026, 4, 20)
    assert row.location_approximate == "yes" and 14 < row.lat < 33 and -118 < row.lon < -86
    assert row.date_precision == "day" and row.origin == "mine.csv"


def test_spreadsheet_exports_are_accepted(tmp_path):
    text = "\ufeff" + HEADER.replace(",", ";") + "\n" + \
        "20/04/2026;MEX;Mexico City;diplomatic;A meeting, with a comma.;https://example.org/a;medium\n"
    events = load_events(write_csv(tmp_path / "excel.csv", text))
    assert events.iloc[0].date == dt.date(2026, 4, 20) and "comma" in events.iloc[0].summary


def test_the_template_and_the_example_load_and_the_broken_example_explains_itself():
    with pytest.raises(DataError) as caught:
        load_events(template_path("my_events.csv"))
    assert "no data rows" in str(caught.value)
    assert len(load_events(template_path("example_events.csv"))) == 1
    message = problems(template_path("broken_events.csv"))
    for expected in ('Did you mean "MEX"', "ambiguous", "not a real date", "look swapped", "http(s)",
                     'Did you mean "high"'):
        assert expected in message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "is empty"),
        ("date,summary\n2026-04-20,x\n", 'column "country_iso3": is missing from the header'),
        (f"{HEADER},colour\n{GOOD_ROW},red\n", 'column "colour": is not a column'),
        (f"{HEADER}\n{GOOD_ROW.replace('2026-04-20', '2026-13-01')}\n", "months run from 1 to 12"),
        (f"{HEADER}\n{GOOD_ROW.replace('2026-04-20', '31/04/2026')}\n", "April 2026 has 30 days"),
        (f"{HEADER}\n{GOOD_ROW.replace('MEX', 'MXE')}\n", 'Did you mean "MEX"'),
        (f"{HEADER}\n{GOOD_ROW.replace('MEX', 'Brasil')}\n", 'Did you mean "BRA"'),
        (f"{HEADER}\n{GOOD_ROW.replace('diplomatic', 'diplomacy')}\n", 'Did you mean "diplomatic"'),
        (f"{HEADER}\n{GOOD_ROW.replace('https://example.org/a', '')}\n", 'column "source_urls": is empty'),
        (f"{HEADER}\n{GOOD_ROW.replace('A meeting our class read about.', 'x' * 900)}\n", "900 characters long"),
        (f"{HEADER},lat,lon\n{GOOD_ROW},95,-99\n", "latitude outside -90 to 90"),
        (f"{HEADER},lat,lon\n{GOOD_ROW},-99.13,19.43\n", "look swapped"),
        (f"{HEADER},lat,lon\n{GOOD_ROW},48.85,2.35\n", "outside the country coded MEX"),
        (f"id,{HEADER}\nA1,{GOOD_ROW}\nA1,{GOOD_ROW}\n", "repeats the id already used on row 2"),
        (f"id,{HEADER}\nE001,{GOOD_ROW}\n", "already the id of an event in the pack"),
    ],
)
def test_each_kind_of_mistake_gets_a_clear_message(tmp_path, text, expected):
    assert expected in problems(write_csv(tmp_path / "mine.csv", text))


def test_workbooks_are_refused_plainly(tmp_path):
    workbook = tmp_path / "events.xlsx.csv"
    workbook.write_bytes(b"PK\x03\x04 a spreadsheet saved under the wrong name")
    assert "spreadsheet workbook" in problems(workbook)


def test_every_problem_is_listed_at_once_with_spreadsheet_rows(tmp_path):
    text = f"{HEADER},lat,lon\n{GOOD_ROW},19.43,-99.13\n" \
           "2026-02-30,COL,Bogotá,diplomacy,x,javascript:alert(1),hihg,-74.07,4.71\n"
    message = problems(write_csv(tmp_path / "many.csv", text))
    assert message.count("  - row 3") == 5 and "look swapped" in message


def test_rows_after_blank_lines_keep_the_numbers_the_spreadsheet_shows(tmp_path):
    events = load_events(write_csv(tmp_path / "gaps.csv", f"{HEADER}\n{GOOD_ROW}\n,,,,,,\n\n{GOOD_ROW}\n"))
    assert list(events.id) == ["MY-2", "MY-5"]
    message = problems(write_csv(tmp_path / "clash.csv", f"id,{HEADER}\nMY-5,{GOOD_ROW}\n\n,,,,,,,\n,{GOOD_ROW}\n"))
    assert "row 2" in message and "Give row 5 an id of its own" in message


def test_the_file_is_never_rewritten(tmp_path):
    path = write_csv(tmp_path / "mine.csv", f"{HEADER}\n{GOOD_ROW}\n")
    before = path.read_bytes()
    load_events(path)
    preview_events_file(path)
    assert path.read_bytes() == before


def test_teacher_events_join_the_explorer_beside_the_pack(tmp_path):
    mine = load_events(write_csv(tmp_path / "mine.csv", f"{HEADER}\n{GOOD_ROW}\n"))
    combined = combine_events(mine)
    explorer = operations_explorer(combined)
    explorer.go_to("MY-2")
    assert "Added from: mine.csv" in explorer.panel_text()
    assert len(explorer.visible_ids) == len(combined)


def test_hostile_text_in_a_teachers_file_stays_text(tmp_path):
    row = GOOD_ROW.replace("A meeting our class read about.", f'"{HOSTILE.replace(chr(34), chr(34) * 2)}"')
    path = write_csv(tmp_path / "mine.csv", f"{HEADER}\n{row}\n")
    mine = load_events(path)
    assert mine.iloc[0].summary == HOSTILE
    shown = preview_events_file(path).data
    assert "<img" not in shown and "&lt;img" in shown
    page = operations_map(combine_events(mine)).html()
    assert "<img src=x" not in page and scripts_balanced(page)
    card = detail_card(next(record for record in event_records(combine_events(mine)) if record["id"] == "MY-2"))
    assert ["What happened", HOSTILE] in card["rows"]
