"""Shared fixtures: copies of the pack's data that a test may break without harm."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support import DATA


@pytest.fixture
def data_copy(tmp_path, monkeypatch) -> Path:
    """A private copy of data/, made the pack's data folder for this test."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    monkeypatch.setenv("HEMISPHERE_DATA", str(target))
    return target
