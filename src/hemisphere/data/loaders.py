"""Loaders: read the pack's data files, check them, return frames. They never write.

Each loader caches what it read, keyed by the file's path, size and modification time, so a
teacher who edits a file sees the change on the next call, and a lesson that calls a loader in
every cell pays for the reading once. Callers get a copy, so changing a frame changes no one else's.
"""

from __future__ import annotations

import datetime as dt
import os
from functools import lru_cache
from pathlib import Path

import geopandas as gpd
import pandas as pd

from .errors import DataError, Problem
from .schemas import (DATASETS_SPEC, GLOSSARY_SPEC, OUTLETS_SPEC, OUTSIDE_AMERICAS_CODES, POLLS_SPEC, QUOTES_SPEC,
                      READINGS_SPEC, REPORT_CLAIMS_SPEC, SEA_CODES, STRIKE_TALLIES_SPEC, coalition_spec,
                      comparisons_spec, history_spec, id_list, operations_spec, positions_spec)
from .tables import TableSpec, read_table, spreadsheet_rows

COUNTRY_PROPERTIES = (
    "iso3", "name_en", "name_es", "kind", "sovereign", "pop_est", "pop_year",
    "gdp_musd", "gdp_year", "label_lon", "label_lat", "note",
)
COUNTRY_KINDS = ("state", "territory")
SEA_PROPERTIES = ("sea", "name_en", "name_es", "natural_earth_names", "note")


def data_dir() -> Path:
    """The folder of the pack's data: ``$HEMISPHERE_DATA`` if set, else the repository's ``data/``."""
    override = os.environ.get("HEMISPHERE_DATA")
    return Path(override) if override else Path(__file__).resolve().parents[3] / "data"


def data_path(file_name: str) -> Path:
    return data_dir() / file_name


def _file_key(path: Path) -> tuple:
    try:
        stat = path.stat()
    except OSError:
        return (str(path), None, None)
    return (str(path), stat.st_size, stat.st_mtime_ns)


def load_countries(path: str | Path | None = None) -> gpd.GeoDataFrame:
    """States and territories of the Americas (Natural Earth), one row each, keyed by ``iso3``."""
    path = Path(path) if path else data_path("countries.geojson")
    return _read_countries(_file_key(path)).copy()


def _country_kind_rule(feature: str, row) -> list[Problem]:
    if row.kind in COUNTRY_KINDS:
        return []
    return [Problem(f"{feature}: kind must be one of {', '.join(COUNTRY_KINDS)}.", column="kind", value=row.kind)]


@lru_cache(maxsize=8)
def _read_countries(key: tuple) -> gpd.GeoDataFrame:
    return _read_features(Path(key[0]), COUNTRY_PROPERTIES, "iso3", (_country_kind_rule,))


def load_seas(path: str | Path | None = None) -> gpd.GeoDataFrame:
    """The Caribbean Sea and the eastern Pacific (from Natural Earth), one row each, keyed by ``sea``."""
    path = Path(path) if path else data_path("seas.geojson")
    return _read_seas(_file_key(path)).copy()


@lru_cache(maxsize=8)
def _read_seas(key: tuple) -> gpd.GeoDataFrame:
    return _read_features(Path(key[0]), SEA_PROPERTIES, "sea")


def _read_features(path: Path, properties: tuple[str, ...], key: str, rules: tuple = ()) -> gpd.GeoDataFrame:
    """A checked GeoJSON file built by ``make data``: the properties, valid shapes, a unique key."""
    if not path.exists():
        raise DataError(path, [Problem("does not exist.", fix="Run `make data` to build it.")])
    try:
        frame = gpd.read_file(path, engine="pyogrio")
    except Exception as exc:  # pyogrio raises several types; all mean "not readable GeoJSON"
        raise DataError(path, [Problem(f"cannot be read as GeoJSON ({exc}).", fix="Run `make data` to rebuild it.")]) from None
    problems = [
        Problem("is missing from the feature properties.", column=name, fix="Run `make data` to rebuild the file.")
        for name in properties if name not in frame.columns
    ]
    if problems:
        raise DataError(path, problems)
    for position, row in enumerate(frame.itertuples()):
        feature = f"feature {position + 1} ({getattr(row, key)})"
        for rule in rules:
            problems += rule(feature, row)
        if row.geometry is None or row.geometry.is_empty or not row.geometry.is_valid:
            problems.append(Problem(f"{feature}: the shape is missing or invalid.", column="geometry",
                                    fix="Run `make data` to rebuild the file."))
    duplicated = frame.loc[frame[key].duplicated(), key].tolist()
    problems += [Problem("appears on more than one feature.", column=key, value=code) for code in duplicated]
    if problems:
        raise DataError(path, problems)
    frame = frame.set_crs("EPSG:4326", allow_override=True)
    return frame[[*properties, "geometry"]]


def _load_table(path: Path, spec: TableSpec) -> pd.DataFrame:
    """A checked table, indexed by its key (kept as a column too); cached until the file changes."""
    return _read_table_cached(_file_key(path), spec).copy()


@lru_cache(maxsize=32)
def _read_table_cached(key: tuple, spec: TableSpec) -> pd.DataFrame:
    frame = read_table(Path(key[0]), spec)
    if spec.key:
        frame.index = pd.Index(frame[spec.key].to_list())
    return frame


def _code_aliases(countries: gpd.GeoDataFrame) -> dict[str, str]:
    """Lower-case English and Spanish names to codes, so a name typed for a code gets a suggestion."""
    aliases = {}
    for row in countries.itertuples():
        aliases[row.name_en.lower()] = row.iso3
        aliases[row.name_es.lower()] = row.iso3
    return aliases


@lru_cache(maxsize=8)
def _state_codes(countries_key: tuple) -> tuple[tuple[str, ...], dict[str, str]]:
    """The 35 states' codes, and each state's English and Spanish name mapped to its code (for hints)."""
    states = _read_countries(countries_key).query("kind == 'state'")
    return tuple(sorted(states.iso3)), _code_aliases(states)


@lru_cache(maxsize=8)
def _coalition_spec(countries_key: tuple) -> TableSpec:
    return coalition_spec(*_state_codes(countries_key))


@lru_cache(maxsize=8)
def _history_spec(countries_key: tuple) -> TableSpec:
    countries = _read_countries(countries_key)
    return history_spec(tuple(sorted(countries.iso3)), _code_aliases(countries))


def load_coalition(path: str | Path | None = None) -> pd.DataFrame:
    """Each independent state's part in the summit and the declaration (``coalition.csv``)."""
    spec = _coalition_spec(_file_key(data_path("countries.geojson")))
    return _load_table(Path(path) if path else data_path("coalition.csv"), spec)


@lru_cache(maxsize=8)
def _positions_spec(countries_key: tuple, quote_ids: frozenset[str]) -> TableSpec:
    return positions_spec(*_state_codes(countries_key), quote_ids)


def load_positions(path: str | Path | None = None) -> pd.DataFrame:
    """Each state's stated positions on the US campaign, each with the dates it held (``positions.csv``).

    A state may have several rows (one per government or stance), indexed by ``iso3``; their periods
    may not overlap. ``quote_ids`` becomes a tuple of ids, each checked against ``quotes.csv``.
    """
    path = Path(path) if path else data_path("positions.csv")
    spec = _positions_spec(_file_key(data_path("countries.geojson")), frozenset(load_quotes().index))
    frame = _load_table(path, spec)
    frame.index = pd.Index(frame.iso3.to_list())
    rows = spreadsheet_rows(frame)
    periods = [(row.iso3, row.from_date, row.to_date if isinstance(row.to_date, dt.date) else dt.date.max)
               for row in frame.itertuples()]
    problems = [
        Problem(f"overlaps the period of the {code} row that starts on {other_start.isoformat()}.",
                row=rows[position], column="from_date", value=start.isoformat(),
                fix="End the earlier row (to_date) before this one starts.")
        for position, (code, start, end) in enumerate(periods)
        for other_code, other_start, other_end in periods[:position]
        if other_code == code and start <= other_end and other_start <= end
    ]
    if problems:
        raise DataError(path, problems)
    frame["quote_ids"] = frame.quote_ids.map(id_list)
    return frame


def load_polls(path: str | Path | None = None) -> pd.DataFrame:
    """Opinion polls and votes on the US campaign, with pollster, dates, method and caveats (``polls.csv``)."""
    return _load_table(Path(path) if path else data_path("polls.csv"), POLLS_SPEC)


def load_readings(path: str | Path | None = None) -> pd.DataFrame:
    """Sources that a lesson's text relies on and no other dataset holds (``readings.csv``): legal texts,
    histories, analyses. Lessons list them in their generated Sources instead of typing links by hand."""
    return _load_table(Path(path) if path else data_path("readings.csv"), READINGS_SPEC)


def load_outlets(path: str | Path | None = None) -> pd.DataFrame:
    """Every host the data cites, with its outlet, kind and owner (``outlets.csv``), keyed by ``host``.

    :mod:`hemisphere.grades` uses it to compute the highest grade a record's sources allow.
    """
    return _load_table(Path(path) if path else data_path("outlets.csv"), OUTLETS_SPEC)


def load_report_claims(path: str | Path | None = None) -> pd.DataFrame:
    """The founding news report's claims, each with the dataset that tests it and the pack's verdict.

    ``row_ids`` becomes a tuple; every ``dataset`` must be registered in ``datasets.csv``.
    """
    path = Path(path) if path else data_path("report_claims.csv")
    claims = _load_table(path, REPORT_CLAIMS_SPEC)
    known = set(load_datasets().index)
    rows = spreadsheet_rows(claims)
    problems = [
        Problem("names a dataset that datasets.csv does not register.", row=rows[position], column="dataset",
                value=name, fix="Use one of: " + ", ".join(sorted(known)) + ".")
        for position, name in enumerate(claims.dataset) if name not in known
    ]
    if problems:
        raise DataError(path, problems)
    claims["row_ids"] = claims.row_ids.map(id_list)
    return claims


@lru_cache(maxsize=8)
def _operations_spec(countries_key: tuple, for_teachers: bool = False) -> TableSpec:
    countries = _read_countries(countries_key)
    aliases = _code_aliases(countries)
    extra = {**SEA_CODES, **OUTSIDE_AMERICAS_CODES}
    aliases.update({name.lower(): code for code, name in extra.items()})
    aliases.update({"caribbean": "XXC", "caribbean sea": "XXC", "pacific": "XXP", "eastern pacific": "XXP"})
    bounds = {row.iso3: tuple(row.geometry.bounds) for row in countries.itertuples()}
    return operations_spec(tuple(sorted([*countries.iso3, *extra])), aliases, bounds, for_teachers=for_teachers)


def load_operations(path: str | Path | None = None) -> pd.DataFrame:
    """Dated US actions and related events, January 2025 to April 2026 (``operations.csv``), keyed by ``id``.

    Rows are in file order; :mod:`hemisphere.topics.operations` sorts and filters them.
    """
    spec = _operations_spec(_file_key(data_path("countries.geojson")))
    return _load_table(Path(path) if path else data_path("operations.csv"), spec)


#: Where an event in international waters is drawn when a teacher's file gives no point.
SEA_CENTRES = {"XXC": (14.5, -72.0), "XXP": (8.0, -88.0)}
PACK_EVENTS = "operations.csv"


def load_events(path: str | Path) -> pd.DataFrame:
    """A teacher's own events, from a CSV made in a spreadsheet, ready to show beside the pack's.

    The file needs the columns ``date, country_iso3, place, category, summary, source_urls,
    confidence`` (see ``data/templates/my_events.csv``); the others may be left out or empty.
    The file may be UTF-8 or what Excel saves as "CSV" (Windows-1252, Mac Roman) or "Unicode text";
    dates may be written as spreadsheets write them: 7/3/2026 is read day first or month first as
    the column's other dates show (13/3/2026 decides it), and is refused only when nothing does.
    A line says how the file was read whenever it was not plain UTF-8 with unambiguous dates. A missing id becomes ``MY-<row>``; a missing map point becomes the
    country's centre (or the sea's), marked approximate. Every problem is reported at once, with
    its row as the spreadsheet shows it. The file is only read, never changed.
    """
    path = Path(path)
    countries = _read_countries(_file_key(data_path("countries.geojson")))
    spec = _operations_spec(_file_key(data_path("countries.geojson")), for_teachers=True)
    events = read_table(path, spec)
    events["origin"] = path.name
    centres = {row.iso3: (row.label_lat, row.label_lon) for row in countries.itertuples()} | SEA_CENTRES
    problems = _id_problems(events)
    for spreadsheet_row, row in zip(spreadsheet_rows(events), events.itertuples()):
        if pd.isna(row.lat) or pd.isna(row.lon):
            if row.country_iso3 not in centres:
                problems.append(Problem("is empty, and the pack has no map point for this place.",
                                        row=spreadsheet_row, column="lat", fix="Give lat and lon."))
                continue
            events.at[row.Index, "lat"], events.at[row.Index, "lon"] = centres[row.country_iso3]
            events.at[row.Index, "location_approximate"] = "yes"
    if problems:
        raise DataError(path, problems)
    events["date_precision"] = [
        precision if isinstance(precision, str) else ("range" if pd.notna(end) else "day")
        for precision, end in zip(events.date_precision, events.end_date)
    ]
    events["location_approximate"] = events.location_approximate.fillna("no")
    events["actors"] = events.actors.fillna("")
    events["tally"] = "no"
    events.index = pd.Index(events.id.to_list())
    for note in events.attrs["read_notes"]:
        print(f"Note: {note}")
    return events


def _id_problems(events: pd.DataFrame) -> list[Problem]:
    """Give rows without an id ``MY-<row>``; refuse an id the pack uses, or one a row's generated id repeats.

    (Repeated typed ids are refused by the reader already.)
    """
    problems = []
    pack_ids = set(load_operations().index)
    rows = spreadsheet_rows(events)
    typed = {event_id: rows[position] for position, event_id in enumerate(events.id) if isinstance(event_id, str)}
    for position, event_id in enumerate(events.id):
        spreadsheet_row = rows[position]
        if not isinstance(event_id, str):
            generated = f"MY-{spreadsheet_row}"
            if generated in typed:
                problems.append(Problem(
                    f"is also the id the pack gives row {spreadsheet_row}, whose id is empty.",
                    row=typed[generated], column="id", value=generated,
                    fix=f"Give row {spreadsheet_row} an id of its own, or choose another id here."))
            events.iloc[position, events.columns.get_loc("id")] = generated
        elif event_id in pack_ids:
            problems.append(Problem(f"is already the id of an event in the pack's {PACK_EVENTS}.",
                                    row=spreadsheet_row, column="id", value=event_id,
                                    fix=f"Give your event its own id, for example MY-{event_id}, or leave the cell empty."))
    return problems


def template_path(name: str) -> Path:
    """A file in ``data/templates/``: ``my_events.csv`` (empty, to copy) and the two examples."""
    return data_path("templates") / name


def combine_events(yours: pd.DataFrame, pack: pd.DataFrame | None = None) -> pd.DataFrame:
    """The pack's events and a teacher's, in one frame; ``origin`` says which file each came from."""
    pack = load_operations() if pack is None else pack
    pack = pack.assign(origin=PACK_EVENTS)
    return pd.concat([pack, yours[pack.columns]])


def load_strike_tallies(path: str | Path | None = None) -> pd.DataFrame:
    """Running counts of boat strikes and deaths, each with its date, counter and source (``strike_tallies.csv``).

    Each ``event_id`` must name a row of ``operations.csv``.
    """
    path = Path(path) if path else data_path("strike_tallies.csv")
    tallies = _load_table(path, STRIKE_TALLIES_SPEC)
    known = set(load_operations().index)
    rows = spreadsheet_rows(tallies)
    problems = [
        Problem("names no row of operations.csv.", row=rows[position], column="event_id", value=event_id,
                fix="Use an id from operations.csv, such as E065, or leave the cell empty.")
        for position, event_id in enumerate(tallies.event_id)
        if isinstance(event_id, str) and event_id not in known
    ]
    if problems:
        raise DataError(path, problems)
    return tallies


def load_quotes(path: str | Path | None = None) -> pd.DataFrame:
    """Short attributed quotations of public figures (``quotes.csv``), keyed by ``id``."""
    return _load_table(Path(path) if path else data_path("quotes.csv"), QUOTES_SPEC)


def load_datasets(path: str | Path | None = None) -> pd.DataFrame:
    """The register of the pack's datasets: file, title, licence and the date they are 'as of'."""
    return _load_table(Path(path) if path else data_path("datasets.csv"), DATASETS_SPEC)


def data_as_of(*datasets: str) -> dt.date:
    """The latest 'as of' date of the named datasets: what a lesson using them is current to."""
    register = load_datasets()
    unknown = [name for name in datasets if name not in register.index]
    if unknown:
        raise KeyError(f"unknown dataset(s) {unknown}; known: {sorted(register.index)}")
    return max(register.loc[list(datasets), "as_of"])


def load_history(path: str | Path | None = None) -> pd.DataFrame:
    """US policy and interventions in the Americas, 1823 to 2026 (``history.csv``), keyed by ``id``.

    ``start_date`` and ``end_date`` hold :class:`~hemisphere.data.tables.PartialDate` values; the frame
    adds ``start`` and ``end`` (the first and last day they can mean; ``end`` is the start's last
    day for one-off events) and ``year``, and is sorted by date.
    """
    spec = _history_spec(_file_key(data_path("countries.geojson")))
    frame = _load_table(Path(path) if path else data_path("history.csv"), spec)
    frame["start"] = frame.start_date.map(lambda date: date.first)
    frame["end"] = [(end or start).last for start, end in zip(frame.start_date, frame.end_date)]
    frame["year"] = frame.start_date.map(lambda date: date.year)
    return frame.sort_values(["start", "id"], kind="stable")


def load_glossary(path: str | Path | None = None) -> pd.DataFrame:
    """Terms students meet in the lessons, with short sourced definitions (``glossary.csv``)."""
    return _load_table(Path(path) if path else data_path("glossary.csv"), GLOSSARY_SPEC)


def load_comparisons(path: str | Path | None = None, history_path: str | Path | None = None) -> pd.DataFrame:
    """Sourced aspects (stated basis, forces, outcome, regional reaction) of events that lessons compare.

    Each ``event_id`` must be an id in ``history.csv``, and each event has each aspect at most once.
    """
    path = Path(path) if path else data_path("comparisons.csv")
    history = load_history(history_path)
    frame = _load_table(path, _comparisons_spec(tuple(sorted(history.id))))
    repeated = frame.duplicated(["event_id", "aspect"], keep="first").to_list()
    if any(repeated):
        raise DataError(path, [
            Problem(f"repeats aspect {row.aspect} for event {row.event_id}.", row=number, column="aspect",
                    value=row.aspect, fix="Keep one row per event and aspect; merge the two texts.")
            for number, row, again in zip(spreadsheet_rows(frame), frame.itertuples(), repeated) if again
        ])
    return frame


@lru_cache(maxsize=8)
def _comparisons_spec(event_ids: tuple[str, ...]) -> TableSpec:
    return comparisons_spec(event_ids)
