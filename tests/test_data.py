"""The pack's own data: it loads, it agrees with itself, and it agrees with the research sources."""

import hashlib
import importlib.util

import pytest
import shapely

from support import DATA, ROOT
from hemisphere import load_coalition, load_countries, load_datasets
from hemisphere.data.loaders import load_seas
from hemisphere.topics.coalition import signature_evidence
from hemisphere.data.loaders import load_quotes

SUMMIT_ATTENDEES = {"ARG", "BOL", "CHL", "CRI", "DOM", "ECU", "SLV", "GUY", "HND", "PAN", "PRY", "TTO"}
NOT_INVITED = {"MEX", "BRA", "COL"}


def test_every_state_of_the_americas_has_one_coalition_row_and_one_shape():
    coalition, countries = load_coalition(), load_countries()
    states = set(countries.loc[countries.kind == "state", "iso3"])
    assert len(states) == 35
    assert set(coalition.iso3) == states


def test_territories_are_kept_so_the_map_has_no_holes():
    countries = load_countries()
    territories = set(countries.loc[countries.kind == "territory", "iso3"])
    assert {"GRL", "PRI", "FRA", "NLD", "FLK", "BMU"} <= territories
    assert (countries.loc[countries.kind == "territory", "sovereign"] != "").all()


def test_the_twelve_summit_attendees_match_the_sources():
    coalition = load_coalition()
    attended = set(coalition.loc[coalition.summit_attendee == "yes", "iso3"]) - {"USA"}
    assert attended == SUMMIT_ATTENDEES
    assert set(coalition.loc[coalition.status == "member", "iso3"]) == SUMMIT_ATTENDEES


def test_mexico_brazil_and_colombia_were_not_invited():
    coalition = load_coalition()
    assert NOT_INVITED <= set(coalition.loc[coalition.status == "excluded", "iso3"])
    assert set(coalition.loc[list(NOT_INVITED), "summit_attendee"]) == {"no"}


def test_venezuela_and_cuba_are_targeted_and_the_us_hosts():
    coalition = load_coalition()
    assert set(coalition.loc[coalition.status == "targeted", "iso3"]) == {"VEN", "CUB"}
    assert set(coalition.loc[coalition.status == "host", "iso3"]) == {"USA"}


def test_the_reconstructed_signatories_come_to_seventeen():
    """Partner states named as signers, counting confirmed, reported and disputed names."""
    evidence = signature_evidence()
    assert (~evidence["Signed?"].str.startswith("unverified")).sum() == 17


def test_uncertain_signatures_are_never_graded_high():
    coalition = load_coalition()
    weak = coalition[coalition.coalition_signatory.isin(["unverified"])]
    assert set(weak.confidence) == {"low"}
    single_report = coalition.loc[["BHS", "BLZ", "JAM"]]
    assert set(single_report.confidence) == {"low"}


def test_signature_evidence_is_graded_apart_from_attendance():
    """El Salvador's leader surely attended, but no source names it as a signer: its signature is medium at best."""
    coalition = load_coalition()
    assert coalition.loc["SLV", "confidence"] == "high"
    assert coalition.loc["SLV", "signature_grade"] == "medium"
    press_lists_only = coalition[coalition.coalition_signatory.isin(["reported", "disputed", "unverified"])]
    assert "high" not in set(press_lists_only.signature_grade)
    assert set(coalition.loc[["BHS", "BLZ", "JAM", "CHL", "HTI", "SUR"], "signature_grade"]) == {"low"}


def test_every_row_and_quote_has_a_source():
    for frame in (load_coalition(), load_quotes()):
        assert frame.source_urls.map(len).min() >= 1


def test_quotes_are_short_and_attributed():
    quotes = load_quotes()
    assert quotes.quote.str.split().map(len).max() <= 25
    assert quotes[["speaker", "speaker_role", "date", "setting"]].notna().all().all()


def test_the_dataset_register_lists_every_data_file():
    register = load_datasets()
    files = {path.name for path in DATA.iterdir() if path.is_file() and path.suffix in (".csv", ".geojson")}
    assert set(register.file) | {"datasets.csv"} == files


def test_shapes_are_valid_and_inside_the_americas():
    countries = load_countries()
    assert countries.geometry.is_valid.all()
    west, south, east, north = countries.total_bounds
    assert -180 <= west and east <= -10 and -60 <= south and north <= 84


def test_neighbours_still_share_their_borders_after_simplification():
    """simplify_coverage must leave no gaps or overlaps between states that touch."""
    countries = load_countries().set_index("iso3")
    pairs = [("MEX", "USA"), ("BRA", "ARG"), ("CHL", "ARG"), ("COL", "VEN"), ("HTI", "DOM"), ("GUY", "VEN"),
             ("CAN", "USA"), ("FRA", "SUR"), ("PAN", "COL"), ("BOL", "PER")]
    for left, right in pairs:
        a, b = countries.geometry[left], countries.geometry[right]
        shared = shapely.intersection(a.boundary, b.boundary)
        assert shared.length > 0.5, f"{left}/{right} no longer share a border"
        assert shapely.intersection(a, b).area < 1e-6, f"{left}/{right} overlap"


@pytest.mark.parametrize(("script", "file"), [("build_countries", "countries.geojson"), ("build_seas", "seas.geojson")])
def test_each_shape_build_is_deterministic_and_matches_the_committed_file(tmp_path, script, file):
    spec = importlib.util.spec_from_file_location(script, ROOT / "scripts" / f"{script}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    built = module.build(output=tmp_path / file)
    digest = hashlib.sha256(built.read_bytes()).hexdigest()
    assert digest == hashlib.sha256((DATA / file).read_bytes()).hexdigest()


def test_the_seas_are_the_caribbean_and_the_eastern_pacific_and_do_not_cover_land():
    seas = load_seas().set_index("sea")
    assert list(seas.index) == ["caribbean", "eastern_pacific"]
    assert seas.geometry.is_valid.all()
    land = shapely.union_all(load_countries().geometry.values)
    for sea in seas.geometry:
        # both layers are simplified, so coasts overlap a little (0.4% of the Caribbean); never a country
        assert shapely.intersection(sea, land).area < 0.01 * sea.area
    caribbean, pacific = seas.geometry["caribbean"], seas.geometry["eastern_pacific"]
    assert caribbean.contains(shapely.Point(-75.0, 15.0)) and pacific.contains(shapely.Point(-85.0, 8.0))
    assert not caribbean.intersects(pacific)
    west, south, east, north = pacific.bounds
    assert (west, south, north) == (-120, -10, 25)
