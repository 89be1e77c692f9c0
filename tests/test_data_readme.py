"""data/README.md describes every file and every column the loaders read."""

import re

import pytest

from support import DATA
from hemisphere import load_datasets
from hemisphere.data.loaders import COUNTRY_PROPERTIES, SEA_PROPERTIES
from hemisphere.data.schemas import (DATASETS_SPEC, GLOSSARY_SPEC, OUTLETS_SPEC, POLLS_SPEC, QUOTES_SPEC, READINGS_SPEC,
                                REPORT_CLAIMS_SPEC, STRIKE_TALLIES_SPEC, coalition_spec, comparisons_spec, history_spec, operations_spec,
                                positions_spec)

README = (DATA / "README.md").read_text(encoding="utf-8")


def section(file: str) -> str:
    match = re.search(rf"^## `{re.escape(file)}`.*?(?=^## |\Z)", README, re.S | re.M)
    assert match, f"data/README.md has no section for {file}"
    return match.group(0)


@pytest.mark.parametrize(
    ("file", "columns"),
    [
        ("countries.geojson", COUNTRY_PROPERTIES),
        ("seas.geojson", SEA_PROPERTIES),
        ("coalition.csv", coalition_spec((), {}).columns),
        ("quotes.csv", QUOTES_SPEC.columns),
        ("positions.csv", positions_spec((), {}, frozenset()).columns),
        ("polls.csv", POLLS_SPEC.columns),
        ("report_claims.csv", REPORT_CLAIMS_SPEC.columns),
        ("readings.csv", READINGS_SPEC.columns),
        ("outlets.csv", OUTLETS_SPEC.columns),
        ("datasets.csv", DATASETS_SPEC.columns),
        ("history.csv", history_spec((), {}).columns),
        ("comparisons.csv", comparisons_spec(()).columns),
        ("glossary.csv", GLOSSARY_SPEC.columns),
        ("operations.csv", operations_spec((), {}, {}).columns),
        ("strike_tallies.csv", STRIKE_TALLIES_SPEC.columns),
    ],
)
def test_every_column_is_described(file, columns):
    text = section(file)
    missing = [column for column in columns if f"`{column}`" not in text]
    assert missing == []


def test_every_registered_dataset_has_a_section_with_source_and_licence():
    for file in load_datasets().file:
        text = section(file)
        assert "Source" in text and "Licence" in text
