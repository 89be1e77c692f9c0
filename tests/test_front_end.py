"""The front end's pure helpers (text and link safety, step logic) pass their own tests under ``node --test``."""

import subprocess

from support import ROOT, node_or_skip


def test_the_javascript_unit_tests_pass():
    node = node_or_skip()
    result = subprocess.run([node, "--test", "tests/js/"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "# fail 0" in result.stdout and "# pass 0" not in result.stdout
