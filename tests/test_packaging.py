"""The two routes to the packages (pip via pyproject.toml, conda via environment.yml) agree."""

import re

import pytest
from packaging.requirements import Requirement

from check_python import NEWEST, OLDEST
from support import ROOT

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

CONDA_ONLY = {"pip"}
SUPPORTED_PYTHONS = [f"3.{minor}" for minor in range(OLDEST[1], NEWEST[1] + 1)]


def project_table() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


def pyproject_pins(python_version: str) -> dict[str, str]:
    """The lesson packages' exact versions that pip installs on Python `python_version` ("3.11")."""
    environment = {"python_version": python_version, "python_full_version": f"{python_version}.0"}
    pins = {}
    for requirement in map(Requirement, project_table()["dependencies"]):
        if requirement.marker is None or requirement.marker.evaluate(environment):
            (pin,) = requirement.specifier
            pins[requirement.name.lower().replace("_", "-")] = pin.version
    return pins


def environment_pins() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "environment.yml").read_text().splitlines():
        match = re.match(r"\s*-\s+([A-Za-z0-9_.-]+)\s*(==?)\s*([\w.]+)\s*$", line)
        if match:
            pins[match.group(1).lower().replace("_", "-")] = match.group(3)
    return pins


def test_environment_and_pyproject_name_the_same_packages_at_the_same_versions():
    """environment.yml pins one Python; pip's pins for that Python are the ones it must match."""
    conda = environment_pins()
    python = conda.pop("python")
    assert {name: version for name, version in conda.items() if name not in CONDA_ONLY} == pyproject_pins(python)


def test_every_lesson_dependency_is_pinned_exactly():
    requirements = map(Requirement, project_table()["dependencies"])
    loose = [str(req) for req in requirements if [pin.operator for pin in req.specifier] != ["=="]]
    assert loose == []


@pytest.mark.parametrize("python_version", SUPPORTED_PYTHONS)
def test_each_supported_python_gets_exactly_one_pin_of_each_package(python_version):
    environment = {"python_version": python_version, "python_full_version": f"{python_version}.0"}
    project = project_table()
    applying = [Requirement(text) for text in [*project["dependencies"], *project["optional-dependencies"]["test"]]]
    names = [req.name for req in applying if req.marker is None or req.marker.evaluate(environment)]
    assert sorted(name for name in set(names) if names.count(name) > 1) == []
    assert set(pyproject_pins(python_version)) == set(pyproject_pins("3.11"))


def test_pip_is_told_the_oldest_python_that_the_make_check_accepts():
    assert project_table()["requires-python"] == f">={OLDEST[0]}.{OLDEST[1]}"


@pytest.mark.parametrize("python_version", SUPPORTED_PYTHONS)
def test_ipywidgets_8_travels_with_jupyterlab_widgets_3(python_version):
    pins = pyproject_pins(python_version)
    assert pins["ipywidgets"].split(".")[0] == "8"
    assert pins["jupyterlab-widgets"].split(".")[0] == "3"


def test_readme_shows_the_two_commands_before_anything_else():
    readme = (ROOT / "README.md").read_text()
    first_command = re.search(r"make (\w+)", readme)
    assert first_command and first_command.group(1) == "lab"
    assert readme.index("make lab") < readme.index("make test") < readme.index("conda env create")


def test_ci_runs_the_readme_test_command():
    assert "make test" in (ROOT / ".ci" / "run").read_text()
