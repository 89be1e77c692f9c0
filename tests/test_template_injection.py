"""Text in data is shown, never run: template syntax in any data file or a teacher's events file
reaches no template engine when the maps and explorers are built, and shows as written.

Each payload would run a command (``touch pwned``), read a file, print 49, or break Jinja if it were
ever compiled as a template (branca compiles a MacroElement's script output as one).
"""

from __future__ import annotations

import ast
import csv
import json

import pytest

import hemisphere
from hemisphere import DataError
from hemisphere.data import loaders
from hemisphere.data.eras import ERA_KEYS
from hemisphere.maps.offline import page_data
from support import ROOT, rewrite_csv

RUN_COMMAND = "{{cycler.__init__.__globals__.os.system('touch${IFS}pwned')}}"
READ_FILE = "{{self.__init__.__globals__.__builtins__.open('/etc/hostname').read()}}"
STATEMENT = "{%set(x)=cycler.__init__.__globals__.os.system('touch${IFS}pwned')%}"
ARITHMETIC = "{{7*7}}{{name}}{#note#}"
UNBALANCED = "{#{%{{"
#: Each is one "word", so a field with a word limit (quotations, definitions) still accepts it.
PAYLOADS = [RUN_COMMAND, READ_FILE, STATEMENT, ARITHMETIC, UNBALANCED]
PAYLOAD_IDS = ["command", "read-file", "statement", "arithmetic", "unbalanced"]

#: Every data file a lesson draws, with its loader.
LOADERS = {
    "coalition.csv": "load_coalition", "positions.csv": "load_positions", "polls.csv": "load_polls",
    "report_claims.csv": "load_report_claims", "operations.csv": "load_operations",
    "strike_tallies.csv": "load_strike_tallies", "quotes.csv": "load_quotes", "datasets.csv": "load_datasets",
    "history.csv": "load_history", "glossary.csv": "load_glossary", "comparisons.csv": "load_comparisons",
    "readings.csv": "load_readings", "outlets.csv": "load_outlets",
}


def test_every_data_file_is_poisoned():
    assert set(LOADERS) == {path.name for path in (ROOT / "data").glob("*.csv")}


def poison_text_columns(folder, payload: str) -> dict[str, list[str]]:
    """Put ``payload`` into every column of every data file whose loader accepts it there: after the
    cell's text, or in its place where the field is short. Returns the poisoned columns by file."""
    poisoned = {}
    for name, loader in LOADERS.items():
        path = folder / name
        with path.open(encoding="utf-8", newline="") as handle:
            original = list(csv.DictReader(handle))
        ways = {"after": lambda text: f"{text} {payload}", "instead": lambda text: payload}

        def accepted(chosen: dict) -> bool:
            rewrite_csv(path, lambda rows: [
                {**row, **{c: ways[way](row[c]) for c, way in chosen.items() if row[c]}} for row in original])
            try:
                getattr(loaders, loader)()
            except DataError:  # a column that only takes codes, dates or links
                return False
            return True

        chosen = {}
        for column in (c for c in original[0] if any(row[c] for row in original) and not is_key(c)):
            way = next((way for way in ways if accepted({column: way})), None)
            if way:
                chosen[column] = way
        assert accepted(chosen), name
        poisoned[name] = list(chosen)
    return poisoned


def is_key(column: str) -> bool:
    """Ids and codes other files refer to stay as they are, so the files still agree with each other."""
    return column in ("id", "iso3", "file") or column.endswith(("_id", "_ids"))


def every_map_page() -> dict[str, str]:
    """The HTML of every map and explorer the lessons build, by name."""
    pages = {
        "status_map": hemisphere.status_map().html(),
        "positions_map": hemisphere.positions_map().html(),
        "operations_map": hemisphere.operations_map().html(),
        "operations_explorer": hemisphere.operations_explorer().map.page,
        "era_explorer": hemisphere.era_explorer().map.page,
        "history_map_all": hemisphere.history_map(all_events=True).html(),
        "compare": hemisphere.compare().map.html(),
    }
    pages.update({f"history_map_{key}": hemisphere.history_map(key).html() for key in ERA_KEYS})
    return pages


def shown_text(html: str) -> str:
    """Every string the page's data carries, as the page's script will read it."""
    return json.dumps(page_data(html), ensure_ascii=False)


@pytest.mark.parametrize("payload", PAYLOADS, ids=PAYLOAD_IDS)
def test_template_syntax_in_any_data_file_runs_nothing_and_shows_as_written(data_copy, tmp_path, monkeypatch, payload):
    monkeypatch.chdir(tmp_path)
    poisoned = poison_text_columns(data_copy, payload)
    assert poisoned["coalition.csv"] and poisoned["history.csv"] and poisoned["operations.csv"]
    assert poisoned["quotes.csv"] and poisoned["glossary.csv"] and poisoned["positions.csv"]
    for name, html in every_map_page().items():
        assert not (tmp_path / "pwned").exists(), f"{name} ran a command from the data"
        assert payload in shown_text(html), f"{name} does not show the data's text as written"


@pytest.mark.parametrize("payload", PAYLOADS, ids=PAYLOAD_IDS)
def test_template_syntax_in_a_teachers_events_file_and_its_name_runs_nothing(tmp_path, monkeypatch, payload):
    monkeypatch.chdir(tmp_path)
    name = f"mine{payload.replace('/', '')}.csv"
    path = tmp_path / name
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "date", "country_iso3", "place", "category", "actors", "summary", "source_urls",
                         "confidence", "notes"])
        writer.writerow(["MY-1", "2026-04-20", "MEX", f"Mexico City {payload}", "diplomatic", f"A minister {payload}",
                         f"A meeting {payload}", f"https://example.org/{payload}", "medium", f"Note {payload}"])
    events = hemisphere.load_events(path)
    combined = hemisphere.combine_events(events)
    explorer = hemisphere.operations_explorer(combined)
    # The explorer's map page carries markers only; the events' text travels once, in its side panel.
    shown = {"operations_map": shown_text(hemisphere.operations_map(combined).html()),
             "operations_explorer": json.dumps(explorer.panel.event_columns(), ensure_ascii=False)}
    assert not (tmp_path / "pwned").exists() and "pwned" not in explorer.map.page
    for page_name, text in shown.items():
        assert not (tmp_path / "pwned").exists(), f"{page_name} ran a command from the teacher's file"
        for written in (f"Mexico City {payload}", f"A minister {payload}", f"A meeting {payload}", name):
            assert written in text, f"{page_name} does not show {written!r} as written"


TEMPLATE_SOURCES = ("Template", "Element", "Environment", "from_string")


def template_calls(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in TEMPLATE_SOURCES:
                yield node


def test_every_template_the_pack_compiles_is_written_in_its_code_never_made_from_data():
    """A template's source must be a string literal or a module constant: data goes in as JSON after
    rendering (offline.page_html), so no change can hand data to Jinja by accident."""
    offenders = []
    for path in [*(ROOT / "src" / "hemisphere").rglob("*.py"), *(ROOT / "scripts").glob("*.py")]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        constants = {target.id for node in tree.body if isinstance(node, ast.Assign)
                     and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)
                     for target in node.targets if isinstance(target, ast.Name)}
        for call in template_calls(tree):
            sources = [*call.args, *(keyword.value for keyword in call.keywords)]
            if not all(isinstance(arg, ast.Constant) or (isinstance(arg, ast.Name) and arg.id in constants)
                       for arg in sources):
                offenders.append(f"{path.relative_to(ROOT)}:{call.lineno}")
    assert offenders == []
