"""Build the static site: every lesson executed and exported to HTML that works from disk, offline.

``make site`` writes ``site/index.html``, one page per lesson and ``site/static/``. Maps are embedded
(they carry Leaflet inside them); widget state is saved, and the widget manager, require.js and
anywidget's AMD module are copied next to the pages, so linked controls (Play, sliders, step keys,
lesson 3's era menu) and the quizzes, which mark answers in the page, work with no kernel and no
network. What runs Python (typed years, "Try it" self-checks, "Deal a state", "Show the evidence")
needs a running notebook; the index says so.

Needs Node.js and npm once, to fetch the widget manager (``scripts/site/package.json``).
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
from pathlib import Path

import anywidget
import nbformat
from nbclient import NotebookClient
from nbconvert import HTMLExporter

from hemisphere.data.dates import spell_date
from hemisphere.data.loaders import load_datasets
from hemisphere.data.safe_html import script_safe_json
from hemisphere.lessons.contents import LESSONS

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
SITE_TOOLS = ROOT / "scripts" / "site"
NODE_MODULES = SITE_TOOLS / "node_modules"
HTML_MANAGER = NODE_MODULES / "@jupyter-widgets" / "html-manager" / "dist"
REQUIRE_JS = NODE_MODULES / "requirejs" / "require.js"
CELL_TIMEOUT_S = 120


def ensure_npm_assets() -> None:
    """Install the pinned front-end packages once (npm ci), unless they are already there."""
    if HTML_MANAGER.exists() and REQUIRE_JS.exists():
        return
    npm = shutil.which("npm")
    if npm is None:
        raise SystemExit("make site needs Node.js and npm (for example: sudo apt-get install -y nodejs npm)")
    subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--ignore-scripts", "--prefix", str(SITE_TOOLS)],
                   check=True, stdout=subprocess.DEVNULL)


def execute(file: str) -> nbformat.NotebookNode:
    """A lesson run top to bottom in a fresh kernel, with its widget state stored."""
    notebook = nbformat.read(NOTEBOOKS / file, as_version=4)
    NotebookClient(notebook, timeout=CELL_TIMEOUT_S, kernel_name="python3", store_widget_state=True,
                   resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()
    return notebook


def export(notebook: nbformat.NotebookNode, title: str) -> str:
    exporter = HTMLExporter(
        template_name="hemisphere",
        extra_template_basedirs=[str(SITE_TOOLS / "template")],
        require_js_url="static/require.js",
        widget_renderer_url="static/html-manager/embed-amd.js",
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        # nbconvert writes widget state into <script> elements escaping only "/"; text such as
        # "<!--<script>" in data would then make the browser swallow the rest of the page.
        filters={"escape_html_script": script_safe_json},
    )
    page, _ = exporter.from_notebook_node(notebook, resources={"metadata": {"name": title}})
    return link_pages(page)


def link_pages(page: str) -> str:
    """Links between notebooks become links between pages."""
    return re.sub(r'href="([\w-]+)\.ipynb(#[^"]*)?"', lambda m: f'href="{m.group(1)}.html{m.group(2) or ""}"', page)


def copy_static(site: Path) -> None:
    static = site / "static"
    shutil.copytree(HTML_MANAGER, static / "html-manager", ignore=shutil.ignore_patterns("*.map"), dirs_exist_ok=True)
    shutil.copy(REQUIRE_JS, static / "require.js")
    # anywidget's AMD module ships in its Python wheel (the same version the kernel used). The widget
    # manager asks for the version range the widgets declare (for example "anywidget@~0.11.*"), so the
    # folder carries that range, not the exact version.
    version_range = anywidget.AnyWidget._model_module_version.default_value
    target = static / "npm" / f"anywidget@{version_range}" / "dist"
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(Path(anywidget.__file__).parent / "nbextension" / "index.js", target / "index.js")


def index_page() -> str:
    as_of = load_datasets().as_of.max()
    items = "\n".join(
        f'<li><a href="{html.escape(item.file.removesuffix(".ipynb"))}.html">{html.escape(item.heading)}</a></li>'
        for item in LESSONS
    )
    return f"""<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Hemisphere: lessons on US policy in the Americas</title>
<style>body{{font:17px/1.5 system-ui,sans-serif;max-width:46em;margin:2em auto;padding:0 1em;color:#222}}
a{{color:#0a58a3}}</style></head>
<body><main>
<h1>Hemisphere</h1>
<p>Lessons on US policy in the western hemisphere, centred on the Shield of the Americas summit
(Doral, Florida, 7 March 2026). These pages work offline. Data as of {spell_date(as_of)}.</p>
<h2>Lessons</h2>
<ol start="0">
{items}
</ol>
<p>In these pages the maps, the explorers (Play, sliders, Previous and Next, the arrow keys, lesson 3's
era menu) and the quizzes and activity questions work, with the same feedback as in the notebooks.
Running your own code, the "Try it" exercises' checks, typed years in lesson 3, "Deal a state" and "Show
the evidence" need the notebooks open in JupyterLab (<code>make lab</code>).</p>
<p>Code MIT; lessons and data CC BY 4.0; maps made with Natural Earth.</p>
</main></body></html>
"""


def build(site: Path = ROOT / "site", executed: dict[str, nbformat.NotebookNode] | None = None) -> Path:
    """Write the site; ``executed`` may hold notebooks already run (the tests share theirs)."""
    ensure_npm_assets()
    if site.exists():
        shutil.rmtree(site)
    site.mkdir(parents=True)
    copy_static(site)
    for item in LESSONS:
        notebook = (executed or {}).get(item.file) or execute(item.file)
        page = export(notebook, f"{item.heading} · Hemisphere")
        (site / f"{item.file.removesuffix('.ipynb')}.html").write_text(page, encoding="utf-8")
    (site / "index.html").write_text(index_page(), encoding="utf-8")
    return site


if __name__ == "__main__":
    built = build(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site")
    print(f"site written to {built}/index.html")
