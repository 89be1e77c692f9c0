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
from .schemas import (DATASETS_SPEC, OUTSIDE_AMERICAS_CODES, POLLS_SPEC, QUOTES_SPEC, READINGS_SPEC, REPORT_CLAIMS_SPEC,
                      SEA_CODES,
                      STRIKE_TALLIES_SPEC, coalition_spec, id_list, operations_spec, positions_spec)
from .tables import TableSpec, read_table

COUNTRY_PROPERTIES = (
    "iso3", "name_en", "name_es", "kind", "sovereign", "pop_est", "pop_year",
    "gdp_musd", "gdp_year", "label_lon", "label_lat", "note",
)
COUNTRY_KINDS = ("state", "territory")


def data_dir() -> Path:
    """The folder of the pack's data: ``$HEMISPHERE_DATA`` if set, else the repository's ``data/``."""
    override = os.environ.get("HEMISPHERE_DATA")
    return Path(override) if override else Path(__file__).resolve().parents[2] / "data"


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


@lru_cache(maxsize=8)
def _read_countries(key: tuple) -> gpd.GeoDataFrame:
    path = Path(key[0])
    if key[1] is None:
        raise DataError(path, [Problem("does not exist.", fix="Run `make data` to build it.")])
    try:
        frame = gpd.read_file(path, engine="pyogrio")
    except Exception as exc:  # pyogrio raises several types; all mean "not readable GeoJSON"
        raise DataError(path, [Problem(f"cannot be read as GeoJSON ({exc}).", fix="Run `make data` to rebuild it.")]) from None
    problems = [
        Problem("is missing from the feature properties.", column=name, fix="Run `make data` to rebuild the file.")
        for name in COUNTRY_PROPERTIES if name not in frame.columns
    ]
    if problems:
        raise DataError(path, problems)
    for position, row in enumerate(frame.itertuples()):
        feature = f"feature {position + 1} ({row.iso3})"
        if row.kind not in COUNTRY_KINDS:
            problems.append(Problem(f"{feature}: kind must be one of {', '.join(COUNTRY_KINDS)}.", column="kind", value=row.kind))
        if row.geometry is None or row.geometry.is_empty or not row.geometry.is_valid:
            problems.append(Problem(f"{feature}: the shape is missing or invalid.", column="geometry",
                                    fix="Run `make data` to rebuild the file."))
    duplicated = frame.loc[frame.iso3.duplicated(), "iso3"].tolist()
    problems += [Problem("appears on more than one feature.", column="iso3", value=code) for code in duplicated]
    if problems:
        raise DataError(path, problems)
    frame = frame.set_crs("EPSG:4326", allow_override=True)
    return frame[[*COUNTRY_PROPERTIES, "geometry"]]


def _load_table(path: Path, spec: TableSpec) -> pd.DataFrame:
    """A checked table, indexed by its key (kept as a column too); cached until the file changes."""
    return _read_table_cached(_file_key(path), spec).copy()


@lru_cache(maxsize=32)
def _read_table_cached(key: tuple, spec: TableSpec) -> pd.DataFrame:
    frame = read_table(Path(key[0]), spec)
    if spec.key:
        frame.index = pd.Index(frame[spec.key].to_list())
    return frame


@lru_cache(maxsize=8)
def _state_codes(countries_key: tuple) -> tuple[tuple[str, ...], dict[str, str]]:
    """The 35 states' codes, and each state's English and Spanish name mapped to its code (for hints)."""
    states = _read_countries(countries_key).query("kind == 'state'")
    code_by_name = {}
    for row in states.itertuples():
        code_by_name[row.name_en.lower()] = row.iso3
        code_by_name[row.name_es.lower()] = row.iso3
    return tuple(sorted(states.iso3)), code_by_name


@lru_cache(maxsize=8)
def _coalition_spec(countries_key: tuple) -> TableSpec:
    return coalition_spec(*_state_codes(countries_key))


def load_coalition(path: str | Path | None = None) -> pd.DataFrame:
    """Each independent state's part in the summit and the declaration (``coalition.csv``)."""
    spec = _coalition_spec(_file_key(data_path("countries.geojson")))
    return _load_table(Path(path) if path else data_path("coalition.csv"), spec)


@lru_cache(maxsize=8)
def _positions_spec(countries_key: tuple, quote_ids: frozenset[str]) -> TableSpec:
    return positions_spec(*_state_codes(countries_key), quote_ids)


def load_positions(path: str | Path | None = None) -> pd.DataFrame:
    """Each state's stated position on the US campaign, where the research documents one (``positions.csv``).

    ``quote_ids`` becomes a tuple of ids, each checked against ``quotes.csv``.
    """
    spec = _positions_spec(_file_key(data_path("countries.geojson")), frozenset(load_quotes().index))
    frame = _load_table(Path(path) if path else data_path("positions.csv"), spec)
    frame["quote_ids"] = frame.quote_ids.map(id_list)
    return frame


def load_polls(path: str | Path | None = None) -> pd.DataFrame:
    """Opinion polls and votes on the US campaign, with pollster, dates, method and caveats (``polls.csv``)."""
    return _load_table(Path(path) if path else data_path("polls.csv"), POLLS_SPEC)


def load_readings(path: str | Path | None = None) -> pd.DataFrame:
    """Sources that a lesson's text relies on and no other dataset holds (``readings.csv``): legal texts,
    histories, analyses. Lessons list them in their generated Sources instead of typing links by hand."""
    return _load_table(Path(path) if path else data_path("readings.csv"), READINGS_SPEC)


def load_report_claims(path: str | Path | None = None) -> pd.DataFrame:
    """The founding news report's claims, each with the dataset that tests it and the pack's verdict.

    ``row_ids`` becomes a tuple; every ``dataset`` must be registered in ``datasets.csv``.
    """
    path = Path(path) if path else data_path("report_claims.csv")
    claims = _load_table(path, REPORT_CLAIMS_SPEC)
    known = set(load_datasets().index)
    problems = [
        Problem("names a dataset that datasets.csv does not register.", row=position + 2, column="dataset",
                value=name, fix="Use one of: " + ", ".join(sorted(known)) + ".")
        for position, name in enumerate(claims.dataset) if name not in known
    ]
    if problems:
        raise DataError(path, problems)
    claims["row_ids"] = claims.row_ids.map(id_list)
    return claims
def _operations_spec(countries_key: tuple) -> TableSpec:
    countries = _read_countries(countries_key)
    code_by_name = {}
    for row in countries.itertuples():
        code_by_name[row.name_en.lower()] = row.iso3
        code_by_name[row.name_es.lower()] = row.iso3
    extra = {**SEA_CODES, **OUTSIDE_AMERICAS_CODES}
    for code, name in extra.items():
        code_by_name[name.lower()] = code
    code_by_name.update({"caribbean": "XXC", "caribbean sea": "XXC", "pacific": "XXP", "eastern pacific": "XXP"})
    return operations_spec(tuple(sorted([*countries.iso3, *extra])), code_by_name)


def load_operations(path: str | Path | None = None) -> pd.DataFrame:
    """Dated US actions and related events, January 2025 to April 2026 (``operations.csv``), keyed by ``id``.

    Rows are in file order; :mod:`hemisphere.timeline` sorts and filters them.
    """
    spec = _operations_spec(_file_key(data_path("countries.geojson")))
    return _load_table(Path(path) if path else data_path("operations.csv"), spec)


def load_strike_tallies(path: str | Path | None = None) -> pd.DataFrame:
    """Running counts of boat strikes and deaths, each with its date, counter and source (``strike_tallies.csv``).

    Each ``event_id`` must name a row of ``operations.csv``.
    """
    path = Path(path) if path else data_path("strike_tallies.csv")
    tallies = _load_table(path, STRIKE_TALLIES_SPEC)
    known = set(load_operations().index)
    problems = [
        Problem("names no row of operations.csv.", row=position + 2, column="event_id", value=event_id,
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

