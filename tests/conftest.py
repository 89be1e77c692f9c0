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


@pytest.fixture(scope="session")
def executed_notebooks():
    """Each lesson run once per test session in a fresh kernel, shared by the notebook and site tests."""
    from build_site import execute

    cache: dict = {}

    def run(file: str):
        if file not in cache:
            cache[file] = execute(file)
        return cache[file]

    return run
