"""Teachers' files as spreadsheets save them: the encodings Excel writes, and date columns written
day first or month first, are read with a one-line note instead of being refused."""

from __future__ import annotations

import datetime as dt

import pytest

from hemisphere import DataError, load_events
from hemisphere.data.encodings import NAMES, decode_spreadsheet_bytes
from hemisphere.data.tables import date_order
from support import DATA, write_csv

HEADER = "date,country_iso3,place,category,summary,source_urls,confidence"


def event(date: str, place: str = "Bogotá", summary: str = "Reunión con el ministro de Defensa.") -> str:
    return f'{date},COL,{place},diplomatic,"{summary}",https://example.org/a,medium'


ACCENTED = [event("2026-04-20", "Bogotá", "Reunión en la Cancillería, “histórica” – dijo él."),
            event("2026-04-21", "São Paulo", "Encontro com o ministro: ação conjunta."),
            event("2026-04-22", "Panamá", "Réunion à Panamá, façade de l'accord.")]


@pytest.mark.parametrize(("encoding", "named"), [("cp1252", "Windows-1252"), ("mac_roman", "Mac Roman"),
                                                 ("utf-16", "UTF-16")])
def test_excel_encodings_load_with_one_line_saying_which_was_read(tmp_path, capsys, encoding, named):
    path = write_csv(tmp_path / "excel.csv", "\n".join([HEADER, *ACCENTED]) + "\n", encoding)
    events = load_events(path)
    assert list(events.place) == ["Bogotá", "São Paulo", "Panamá"]
    assert "“histórica” – dijo él" in events.summary.iloc[0]
    printed = capsys.readouterr().out.strip().splitlines()
    assert len(printed) == 1 and named in printed[0] and "excel.csv" in printed[0]


def test_a_utf8_file_is_read_without_a_note(tmp_path, capsys):
    load_events(write_csv(tmp_path / "plain.csv", "\n".join([HEADER, *ACCENTED]) + "\n"))
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize("name", ["Bogotá", "Perú", "Medellín", "Curaçao", "Ñuñoa"])
def test_a_single_accented_name_is_told_apart_in_both_encodings(name):
    line = f"{HEADER}\n{event('2026-04-20', name, 'A meeting.')}\n"
    for encoding in ("cp1252", "mac_roman"):
        text, _ = decode_spreadsheet_bytes(line.encode(encoding))
        assert name in text, encoding


def test_a_day_first_column_is_read_day_first_and_says_so(tmp_path, capsys):
    dates = ["13/01/2025", "02/01/2025", "05/03/2025", "28/02/2025"]
    events = load_events(write_csv(tmp_path / "days.csv", "\n".join([HEADER, *map(event, dates)]) + "\n"))
    assert list(events.date) == [dt.date(2025, 1, 13), dt.date(2025, 1, 2), dt.date(2025, 3, 5), dt.date(2025, 2, 28)]
    printed = capsys.readouterr().out
    assert 'column "date" were read day first' in printed and "13/01/2025" in printed


def test_a_month_first_column_is_read_month_first(tmp_path, capsys):
    dates = ["01/13/2025", "01/02/2025", "03/05/2025"]
    events = load_events(write_csv(tmp_path / "months.csv", "\n".join([HEADER, *map(event, dates)]) + "\n"))
    assert list(events.date) == [dt.date(2025, 1, 13), dt.date(2025, 1, 2), dt.date(2025, 3, 5)]
    assert "month first" in capsys.readouterr().out


def test_when_nothing_decides_or_the_column_disagrees_ambiguous_dates_are_still_asked_about(tmp_path):
    undecided = write_csv(tmp_path / "undecided.csv", "\n".join([HEADER, event("02/01/2025"), event("2025-01-20")]))
    with pytest.raises(DataError) as caught:
        load_events(undecided)
    assert "ambiguous" in str(caught.value)
    mixed = write_csv(tmp_path / "mixed.csv", "\n".join([HEADER, event("13/01/2025"), event("01/14/2025"),
                                                         event("02/01/2025")]))
    with pytest.raises(DataError) as caught:
        load_events(mixed)
    assert [problem.row for problem in caught.value.problems] == [4]


def test_a_column_is_decided_by_its_unambiguous_dates_alone():
    assert date_order({"13/01/2025", "02/01/2025"}) == (True, "13/01/2025")
    assert date_order({"01/13/2025", "02/01/2025"}) == (False, "01/13/2025")
    assert date_order({"02/01/2025", "2025-01-02", "7 March 2026"}) == (None, None)
    assert date_order({"13/01/2025", "01/13/2025"}) == (None, None)


@pytest.mark.parametrize("name", ["history.csv", "operations.csv", "quotes.csv", "coalition.csv"])
@pytest.mark.parametrize("encoding", ["cp1252", "mac_roman"])
def test_the_packs_own_files_saved_by_excel_read_back_exactly(name, encoding):
    raw = (DATA / name).read_text(encoding="utf-8").encode(encoding, errors="replace")  # as Excel loses them
    text = raw.decode(encoding)
    assert decode_spreadsheet_bytes(raw) == (text, NAMES[encoding])
