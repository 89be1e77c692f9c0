"""Every notebook runs top to bottom in a fresh kernel, with no errors, and leaves data/ untouched."""

import hashlib

import pytest

from hemisphere.lessons import LESSONS
from support import DATA


def data_checksums() -> dict[str, str]:
    return {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in sorted(DATA.rglob("*")) if path.is_file()}


@pytest.mark.notebook
@pytest.mark.parametrize("file", [item.file for item in LESSONS])
def test_notebook_executes_cleanly_and_changes_no_data(executed_notebooks, file):
    before = data_checksums()
    notebook = executed_notebooks(file)  # raises CellExecutionError on the first failing cell
    outputs = [output for cell in notebook.cells for output in cell.get("outputs", [])]
    assert [output for output in outputs if output.output_type == "error"] == []
    stderr = "".join(output.get("text", "") for output in outputs
                     if output.output_type == "stream" and output.name == "stderr")
    assert "Traceback" not in stderr and "Warning" not in stderr, stderr
    assert data_checksums() == before
