"""The two routes to the packages (pip via pyproject.toml, conda via environment.yml) agree."""

import re
import tomllib

from support import ROOT

CONDA_ONLY = {"python", "pip"}


def pyproject_pins() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    pins = {}
    for requirement in project["dependencies"]:
        name, version = requirement.split("==")
        pins[name.lower().replace("_", "-")] = version
    return pins


def environment_pins() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "environment.yml").read_text().splitlines():
        match = re.match(r"\s*-\s+([A-Za-z0-9_.-]+)\s*(==?)\s*([\w.]+)\s*$", line)
        if match:
            pins[match.group(1).lower().replace("_", "-")] = match.group(3)
    return pins


def test_environment_and_pyproject_name_the_same_packages_at_the_same_versions():
    conda = {name: version for name, version in environment_pins().items() if name not in CONDA_ONLY}
    assert conda == pyproject_pins()


def test_every_lesson_dependency_is_pinned_exactly():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    loose = [req for req in project["dependencies"] if "==" not in req]
    assert loose == []


def test_ipywidgets_8_travels_with_jupyterlab_widgets_3():
    pins = pyproject_pins()
    assert pins["ipywidgets"].split(".")[0] == "8"
    assert pins["jupyterlab-widgets"].split(".")[0] == "3"


def test_readme_shows_the_two_commands_before_anything_else():
    readme = (ROOT / "README.md").read_text()
    first_command = re.search(r"make (\w+)", readme)
    assert first_command and first_command.group(1) == "lab"
    assert readme.index("make lab") < readme.index("make test") < readme.index("conda env create")


def test_ci_runs_the_readme_test_command():
    assert "make test" in (ROOT / ".ci" / "run").read_text()
