"""An interpreter that cannot run the pack gets one sentence naming the versions that can, and how to get one."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from check_python import NEWEST, OLDEST, problem
from support import ROOT

SCRIPT = ROOT / "scripts" / "check_python.py"
WANTED = f"Python {OLDEST[0]}.{OLDEST[1]} to {NEWEST[0]}.{NEWEST[1]}"


def old_interpreters() -> list[str]:
    """Pythons older than the pack supports that this machine has (pyenv keeps several on CI)."""
    pyenv = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
    versions = {tuple(int(part) for part in path.parent.parent.name.split(".")[:2]): str(path)
                for path in pyenv.glob("[23].*/bin/python") if path.parent.parent.name.replace(".", "").isdigit()}
    old = [versions[version] for version in sorted(versions) if version < OLDEST]
    return old[-2:]  # the newest two are enough: 3.9 and 3.8 on the CI machines


@pytest.mark.parametrize("version", [(3, 9, 18), (3, 6, 15), (2, 7, 18), (NEWEST[0], NEWEST[1] + 1, 0)])
def test_an_unsupported_version_gets_one_sentence_naming_the_ones_that_work(version):
    sentence = problem(version, True, "/usr/bin/python3")
    assert WANTED in sentence and "/usr/bin/python3 is Python " + ".".join(map(str, version)) in sentence
    assert "python.org" in sentence and "PYTHON=python3.11" in sentence
    assert sentence.count(". ") == 0 and sentence.endswith(".")


def test_a_supported_version_without_venv_is_told_to_install_it():
    sentence = problem((3, 11, 2), False, "/usr/bin/python3")
    assert "Python 3.11.2 without its venv module" in sentence and "apt install python3.11-venv" in sentence


@pytest.mark.parametrize("version", [(*OLDEST, 0), (*NEWEST, 1)])
def test_the_oldest_and_newest_supported_versions_pass(version):
    assert problem(version, True, "python3") is None


def test_the_script_is_silent_on_the_python_running_the_tests():
    result = subprocess.run([sys.executable, str(SCRIPT)], capture_output=True, text=True)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


@pytest.mark.parametrize("interpreter", old_interpreters())
def test_the_script_gives_its_sentence_on_a_real_old_interpreter(interpreter):
    result = subprocess.run([interpreter, str(SCRIPT)], capture_output=True, text=True)
    assert result.returncode == 1 and WANTED in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("interpreter", old_interpreters()[-1:])
def test_make_setup_stops_with_the_sentence_before_creating_a_venv(tmp_path, interpreter):
    for name in ["Makefile", "pyproject.toml", "scripts/check_python.py", "scripts/lab-overrides.json"]:
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_bytes((ROOT / name).read_bytes())
    result = subprocess.run(["make", "setup", f"PYTHON={interpreter}"], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode != 0 and WANTED in result.stderr
    assert "pip" not in result.stderr.replace("PYTHON=", "") and not (tmp_path / ".venv").exists()
