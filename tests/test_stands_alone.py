"""The repository stands alone: no file points at notes outside it, which users do not have."""

import re
import subprocess

from support import ROOT

#: A path out of the repository, or the name of a planning file kept beside it.
OUTSIDE = re.compile(r"\.\./shared|/work/shared|TECH-NOTES|ARCHITECTURE\.md|MISSION\.md|LESSON-TEMPLATE|CHECKS-\w+\.md")


def test_no_tracked_file_points_outside_the_repository():
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True, check=True)
    offenders = []
    for name in filter(None, tracked.stdout.split("\0")):
        path = ROOT / name
        if not path.is_file() or name == "tests/test_stands_alone.py":
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        offenders += [f"{name}:{number}" for number, line in enumerate(text.splitlines(), 1) if OUTSIDE.search(line)]
    assert not offenders, ", ".join(offenders)
