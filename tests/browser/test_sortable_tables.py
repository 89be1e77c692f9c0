"""A long table sorts by keyboard and keeps its text as text: in JupyterLab, trusted or not, and in the site.

Lesson 02's events table is sorted in the lesson runs of test_jupyterlab.py and test_site.py (one run of
the lesson each); here a small notebook of hostile text is shown in JupyterLab when run (a trusted output:
its sorting script runs), when opened already run elsewhere (untrusted: JupyterLab's sanitizer drops the
script, and the table must still be whole and inert), and as a page of the static site.
"""

import nbformat
import pytest
from nbclient import NotebookClient

from browser.sorting import HOSTILE_CELLS, check_hostile_table_shows_text_and_sorts, column, hostile_frame
from browser.test_site import axe_violations
from build_site import CELL_TIMEOUT_S, ensure_npm_assets, export
from jupyterlab_driver import run_all_cells

pytestmark = pytest.mark.browser

TABLE = "table.hemisphere-full-table:has(:text-is('Number'))"  # the header, or its sort button


def hostile_notebook() -> nbformat.NotebookNode:
    source = f"import hemisphere\nimport pandas as pd\npd.DataFrame({hostile_frame().to_dict('list')!r})"
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source)])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return notebook


def executed(notebook: nbformat.NotebookNode, folder) -> nbformat.NotebookNode:
    NotebookClient(notebook, timeout=CELL_TIMEOUT_S, kernel_name="python3",
                   resources={"metadata": {"path": str(folder)}}).execute()
    return notebook


def watch_dialogs(page) -> list[str]:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    return dialogs


def test_hostile_text_in_a_table_run_in_jupyterlab_shows_as_text_and_sorts(lab, offline_page):
    page = offline_page.page
    dialogs = watch_dialogs(page)
    nbformat.write(hostile_notebook(), lab.root / "hostile_table.ipynb")
    page.goto(lab.notebook_url("hostile_table.ipynb"))
    run_all_cells(page)
    page.locator(f"{TABLE} button.hemisphere-sort-button").first.wait_for(timeout=30_000)
    check_hostile_table_shows_text_and_sorts(page)
    assert dialogs == [] and offline_page.blocked == [] and offline_page.errors == []


def test_an_untrusted_output_keeps_the_table_whole_and_runs_nothing(lab, offline_page, tmp_path):
    """A notebook run elsewhere opens untrusted: no script runs, so no sort buttons, but every row and character."""
    page = offline_page.page
    dialogs = watch_dialogs(page)
    nbformat.write(executed(hostile_notebook(), tmp_path), lab.root / "hostile_table_run_elsewhere.ipynb")
    page.goto(lab.notebook_url("hostile_table_run_elsewhere.ipynb"))
    table = page.locator(TABLE).first
    table.wait_for(timeout=60_000)
    assert column(table, "Text") == HOSTILE_CELLS
    assert table.locator("button, img, b").count() == 0
    assert page.locator(".jp-OutputArea script").count() == 0
    assert page.evaluate("() => window.pwned") is None
    assert dialogs == [] and offline_page.blocked == [] and offline_page.errors == []


def test_hostile_text_in_a_table_in_the_site_shows_as_text_and_sorts(offline_page, tmp_path):
    ensure_npm_assets()  # axe-core comes with the site's pinned npm packages
    page = offline_page.page
    dialogs = watch_dialogs(page)
    site_page = tmp_path / "hostile.html"
    site_page.write_text(export(executed(hostile_notebook(), tmp_path), "Hostile text"), encoding="utf-8")
    page.goto(site_page.as_uri())
    page.locator(f"{TABLE} button.hemisphere-sort-button").first.wait_for(timeout=30_000)
    check_hostile_table_shows_text_and_sorts(page)
    assert axe_violations(page) == []
    assert dialogs == [] and offline_page.blocked == [] and offline_page.errors == []
