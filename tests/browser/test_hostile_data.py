"""Hostile text in a teacher's file, in JupyterLab: shown as text, runs nothing, and nothing inside a map
can reach JupyterLab's token or cookies (the maps live in sandboxed frames with an opaque origin)."""

import nbformat
import pytest

from jupyterlab_driver import run_all_cells

pytestmark = pytest.mark.browser

PAYLOAD = ('<img src=x onerror="window.top.pwned=1"><script>window.top.pwned=2</script>'
           '</script><svg onload="window.top.pwned=3"> ${window.top.pwned=4} "quoted" & more')
CSV = ("id,date,country_iso3,place,category,summary,source_urls,confidence\n"
       'EVIL,2026-04-20,MEX,Mexico City,threat,"' + PAYLOAD.replace('"', '""') + '",'
       "https://example.org/a,high\n")
FRAME_PROBE = """() => {
    const tries = {};
    try { tries.cookie = document.cookie; } catch (error) { tries.cookie = 'denied: ' + error.name; }
    try { tries.parent = String(window.parent.document.body.innerHTML.length); }
    catch (error) { tries.parent = 'denied: ' + error.name; }
    try { tries.storage = String(window.localStorage.length); } catch (error) { tries.storage = 'denied: ' + error.name; }
    tries.origin = window.origin;
    return tries;
}"""


def write_probe_notebook(root) -> str:
    cells = [
        "from pathlib import Path\nfrom hemisphere import preview_events_file, combine_events, load_events, operations_explorer",
        f"path = Path('hostile_events.csv')\npath.write_text({CSV!r}, encoding='utf-8')",
        "preview_events_file(path)",
        "explorer = operations_explorer(combine_events(load_events(path)))\nexplorer.go_to('EVIL')\nexplorer",
    ]
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source) for source in cells])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(notebook, root / "hostile.ipynb")
    return "hostile.ipynb"


def test_hostile_event_text_runs_nothing_and_maps_cannot_reach_the_lab(lab, offline_page):
    page = offline_page.page
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(lab.notebook_url(write_probe_notebook(lab.root)))
    run_all_cells(page)
    assert "&lt;img" not in page.locator(".jp-OutputArea").first.inner_text()
    assert "<img src=x" in page.locator(".jp-RenderedHTMLCommon table").first.inner_text()

    # The explorer shows the current event's card beside the map (no popup), and the map its marker.
    page.wait_for_function("[...document.querySelectorAll('.hem-records-detail')].some(d => d.textContent.includes('<img src=x'))",
                           timeout=30_000)
    frame = page.locator("iframe.hem-mapframe").first.element_handle().content_frame()
    frame.wait_for_selector(".hem-marker", timeout=30_000)

    probe = frame.evaluate(FRAME_PROBE)
    assert probe["origin"] == "null"
    assert probe["cookie"].startswith("denied") and probe["parent"].startswith("denied")
    assert probe["storage"].startswith("denied")
    assert page.evaluate("() => window.pwned") is None
    assert frame.evaluate("() => window.top === window ? window.pwned : undefined") is None
    assert dialogs == [] and offline_page.errors == []
