"""The front end's pure helpers (text and link safety, step logic) pass their own tests under ``node --test``."""

import os
import shutil
import subprocess

import pytest

from support import ROOT


def test_the_javascript_unit_tests_pass():
    node = shutil.which("node")
    if node is None:
        message = "the front-end tests need Node.js: sudo apt-get install -y nodejs (make test does it as root)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    result = subprocess.run([node, "--test", "tests/js/"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "# fail 0" in result.stdout and "# pass 0" not in result.stdout
