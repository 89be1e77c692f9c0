"""Every notebook runs top to bottom in a fresh kernel, with no errors, and leaves data/ untouched."""

import hashlib

import nbformat
import pytest
from nbclient import NotebookClient

from support import DATA, NOTEBOOKS
from hemisphere.lessons import LESSONS

#: Generous per cell: a stalled kernel fails the test instead of hanging the suite (TECH-NOTES).
CELL_TIMEOUT_S = 120


def data_checksums() -> dict[str, str]:
    return {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in sorted(DATA.rglob("*")) if path.is_file()}


@pytest.mark.notebook
@pytest.mark.parametrize("file", [item.file for item in LESSONS])
def test_notebook_executes_cleanly_and_changes_no_data(file):
    before = data_checksums()
    notebook = nbformat.read(NOTEBOOKS / file, as_version=4)
    client = NotebookClient(notebook, timeout=CELL_TIMEOUT_S, kernel_name="python3",
                            resources={"metadata": {"path": str(NOTEBOOKS)}})
    client.execute()
    errors = [output for cell in notebook.cells for output in cell.get("outputs", [])
              if output.output_type == "error"]
    assert errors == []
    streams = "".join(output.get("text", "") for cell in notebook.cells for output in cell.get("outputs", [])
                      if output.output_type == "stream" and output.name == "stderr")
    assert "Traceback" not in streams and "Warning" not in streams, streams
    assert data_checksums() == before
