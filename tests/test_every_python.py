"""`make test-pythons` finds each supported Python (on PATH or in pyenv), and fails when any part fails."""

import os
import stat
import subprocess
import sys
from pathlib import Path

import every_python
from every_python import Row, find_interpreter, pins_for, supported_versions


def fake_python(path: Path, reply: str, exit_code: int = 0) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"#!/bin/sh\necho '{reply}'\nexit {exit_code}\n")
    path.chmod(path.stat().st_mode | stat.S_IEXEC)
    return path


def test_supported_versions_run_from_the_oldest_to_the_newest_that_make_accepts():
    assert supported_versions() == ["3.10", "3.11", "3.12", "3.13", "3.14"]


def test_a_pyenv_python_is_found_when_the_command_on_path_is_a_failing_shim(tmp_path, monkeypatch):
    fake_python(tmp_path / "bin" / "python3.12", "pyenv: python3.12: command not found", exit_code=127)
    fake_python(tmp_path / "pyenv" / "versions" / "3.12.1" / "bin" / "python3.12", "3.12")
    newest = fake_python(tmp_path / "pyenv" / "versions" / "3.12.10" / "bin" / "python3.12", "3.12")
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("PYENV_ROOT", str(tmp_path / "pyenv"))
    assert find_interpreter("3.12") == str(newest)


def test_a_python_on_path_that_runs_comes_first(tmp_path, monkeypatch):
    fake_python(tmp_path / "bin" / "python3.13", "3.13")
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("PYENV_ROOT", str(tmp_path / "no-pyenv"))
    assert find_interpreter("3.13") == "python3.13"


def test_a_version_that_is_nowhere_is_not_found(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setenv("PYENV_ROOT", str(tmp_path / "no-pyenv"))
    assert find_interpreter("3.14") is None


def test_the_running_python_is_found():
    version = "%d.%d" % sys.version_info[:2]
    found = find_interpreter(version)
    assert found and subprocess.run([found, "-c", "import sys; print(sys.version_info[:2])"],
                                    capture_output=True, text=True).stdout.strip() == str(sys.version_info[:2])


def test_the_wheel_check_asks_for_the_pins_of_the_python_it_checks():
    assert "pandas==2.3.3" in pins_for("3.10") and "tomli==2.5.0" in pins_for("3.10")
    assert "pandas==3.1.1" in pins_for("3.14") and not any(pin.startswith("tomli") for pin in pins_for("3.14"))


def test_one_failure_anywhere_fails_the_target_and_the_table_says_where(monkeypatch, capsys):
    monkeypatch.setattr(every_python, "find_interpreter", lambda version: None if version == "3.14" else "python")
    monkeypatch.setattr(every_python, "set_up_and_test",
                        lambda version, _: Row(version, "python", "ok" if version != "3.12" else "FAILED", 60, version != "3.12"))
    monkeypatch.setattr(every_python, "check_wheels", lambda version: Row(version, "-", "wheels", 1, True))
    assert every_python.main() == 1
    printed = capsys.readouterr().out
    assert "| 3.12 | python | FAILED | 1.0 min |" in printed and printed.rstrip().endswith("4 passed, 1 failed")


def test_all_passing_passes(monkeypatch, capsys):
    monkeypatch.setattr(every_python, "find_interpreter", lambda version: "python")
    monkeypatch.setattr(every_python, "set_up_and_test", lambda version, _: Row(version, "python", "ok", 60, True))
    assert every_python.main() == 0
    assert capsys.readouterr().out.rstrip().endswith("5 passed, 0 failed")
