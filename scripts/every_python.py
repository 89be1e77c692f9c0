"""`make test-pythons`: the pack on every supported Python this machine has, and wheels for the rest.

For each Python from check_python.OLDEST to check_python.NEWEST found here, it sets up .venv-3.X with
the pack and its test extra, then runs the fast tests and every lesson (all but the browser tests).
For a supported Python that is not here, it asks pip whether every pin has a wheel for it, so a
version the README promises cannot fail for want of one. Prints a table; exits 1 if anything failed.
Run by .venv's Python (it needs `packaging` and the pack's test extra).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from packaging.requirements import Requirement

from check_python import NEWEST, OLDEST

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
PIP = ["-m", "pip", "--disable-pip-version-check"]
PYTEST_WORKERS = os.environ.get("TEST_WORKERS", "2")


@dataclass
class Row:
    version: str
    interpreter: str
    outcome: str
    seconds: float
    passed: bool


def supported_versions() -> list[str]:
    return [f"3.{minor}" for minor in range(OLDEST[1], NEWEST[1] + 1)]


def runs_as(executable: str, version: str) -> bool:
    try:
        reply = subprocess.run([executable, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
                               capture_output=True, text=True, timeout=60)
    except OSError:
        return False
    return reply.returncode == 0 and reply.stdout.strip() == version


def find_interpreter(version: str) -> str | None:
    """`python3.X` on PATH, or else pyenv's newest 3.X: pyenv's shims for versions that are installed
    but not selected fail when run, as on this pack's CI machines."""
    command = f"python{version}"
    if runs_as(command, version):
        return command
    pyenv_versions = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
    candidates = sorted(pyenv_versions.glob(f"{version}.*/bin/python{version}"),
                        key=lambda path: [int(part) if part.isdigit() else -1
                                          for part in path.parent.parent.name.split(".")])
    for candidate in reversed(candidates):
        if runs_as(str(candidate), version):
            return str(candidate)
    return None


def run(command: list[str]) -> bool:
    print("$", " ".join(command), flush=True)
    return subprocess.run(command, cwd=ROOT).returncode == 0


def set_up_and_test(version: str, interpreter: str) -> Row:
    start = time.monotonic()
    venv = ROOT / f".venv-{version}"
    python = str(venv / "bin" / "python")
    if not (venv / "bin" / "python").exists() and not run([interpreter, "-m", "venv", str(venv)]):
        return Row(version, interpreter, "venv could not be created", time.monotonic() - start, False)
    # Wheels only, as for the wheel check: a pin that would need compiling fails here, not on a teacher's laptop.
    if not run([python, *PIP, "install", "--quiet", "--only-binary=:all:", "--editable", ".[test]"]):
        return Row(version, interpreter, "install failed (a pin with no wheel?)", time.monotonic() - start, False)
    installed = time.monotonic() - start
    passed = run([python, "-m", "pytest", "-m", "not browser", "-q", "-p", "no:cacheprovider",
                  "-n", PYTEST_WORKERS, "--dist", "loadgroup"])
    outcome = f"set-up {installed:.0f} s; fast tests and lessons {'passed' if passed else 'FAILED'}"
    return Row(version, interpreter, outcome, time.monotonic() - start, passed)


def pins_for(version: str) -> list[str]:
    """The pack's requirements, test extra included, that apply on Python `version`."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    environment = {"python_version": version, "python_full_version": f"{version}.0"}
    requirements = [Requirement(text) for text in [*project["dependencies"],
                                                   *project["optional-dependencies"]["test"]]]
    return [f"{req.name}{req.specifier}" for req in requirements
            if req.marker is None or req.marker.evaluate(environment)]


def check_wheels(version: str) -> Row:
    """pip resolves the pins for `version` from wheels alone, without installing anything. pip reads
    the markers of the pins' own dependencies for the Python running it, so the pins are given to it
    already chosen for `version`."""
    start = time.monotonic()
    with tempfile.TemporaryDirectory() as target:
        passed = run([sys.executable, *PIP, "install", "--quiet", "--dry-run", "--only-binary=:all:",
                      "--python-version", version, "--target", target, *pins_for(version)])
    outcome = ("not on this machine; every pin has a wheel, lessons not run" if passed
               else "not on this machine; a pin has NO WHEEL for it")
    return Row(version, "-", outcome, time.monotonic() - start, passed)


def table(rows: list[Row]) -> str:
    lines = ["| Python | interpreter | result | time |", "| --- | --- | --- | --- |"]
    lines += [f"| {row.version} | {row.interpreter} | {row.outcome} | {row.seconds / 60:.1f} min |" for row in rows]
    return "\n".join(lines)


def main() -> int:
    rows = []
    for version in supported_versions():
        interpreter = find_interpreter(version)
        rows.append(set_up_and_test(version, interpreter) if interpreter else check_wheels(version))
    print(table(rows))
    tested = [row for row in rows if row.interpreter != "-"]
    failed = sum(not row.passed for row in rows)
    if not tested:
        print("test-pythons: no supported Python found on this machine, so nothing was tested.")
        return 1
    print(f"test-pythons: {len(rows) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
