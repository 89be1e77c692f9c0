"""The class-on-one-server load test's own logic (`make load-test` runs the real thing, for minutes), and the
README and deployment guide quoting its committed figures."""

from __future__ import annotations

import json
import random
import re
import statistics
import sys
from urllib.parse import parse_qs, urlsplit

import pytest

from support import ROOT

sys.path.append(str(ROOT / "benchmarks"))
from hub_load.links import START_NOTEBOOK, nbgitpuller_link, pulled_folder  # noqa: E402
from hub_load.runner import shows_a_map  # noqa: E402
from hub_load.summary import kubernetes_memory, lesson_summary, percentile, sizing, spread  # noqa: E402

RESULTS = json.loads((ROOT / "benchmarks" / "hub_load.json").read_text())
README = (ROOT / "README.md").read_text()
DEPLOY = (ROOT / "docs" / "deploy.md").read_text()


@pytest.mark.parametrize("repo", ["https://github.com/hemisphere-pack/hemisphere", "file:///tmp/run/hemisphere/"])
def test_link_pulls_the_repo_through_the_signed_in_students_own_server_and_opens_the_start_notebook(repo):
    link = urlsplit(nbgitpuller_link("https://hub.school.example/", repo, "main"))
    query = {key: values[0] for key, values in parse_qs(link.query).items()}
    assert (link.netloc, link.path) == ("hub.school.example", "/hub/user-redirect/git-pull")
    assert query == {"repo": repo, "branch": "main", "urlpath": f"lab/tree/hemisphere/{START_NOTEBOOK}"}
    assert (ROOT / START_NOTEBOOK).exists()


def test_pulled_folder_is_the_last_part_of_the_repo_url_as_nbgitpuller_names_it():
    assert pulled_folder("https://example.org/a/pack-copy") == "pack-copy"
    assert pulled_folder("file:///srv/pack/") == "pack"


def test_percentile_agrees_with_the_standard_librarys_inclusive_quantiles():
    values = [random.Random(seed).uniform(0, 100) for seed in range(37)]
    expected = statistics.quantiles(values, n=20, method="inclusive")
    assert percentile(values, 50) == pytest.approx(statistics.median(values))
    assert percentile(values, 95) == pytest.approx(expected[18])
    assert percentile([7.0], 95) == 7.0
    with pytest.raises(ValueError):
        percentile([], 50)


def run(student: str, ok: bool, last: float) -> dict:
    return {"student": student, "ok": ok, "first_map_s": last / 2 if ok else None,
            "last_cell_s": last if ok else None, "error": None if ok else "cell 3: NameError: x"}


def test_lesson_summary_counts_failures_and_times_only_the_runs_that_completed():
    summary = lesson_summary([run("a", True, 10), run("b", True, 30), run("c", False, 0)])
    assert (summary["runs"], summary["completed_without_error"]) == (3, 2)
    assert summary["errors"] == ["c: cell 3: NameError: x"]
    assert summary["last_cell_s"]["median"] == 20 and summary["last_cell_s"]["max"] == 30
    assert summary["first_map_s"]["median"] == 10
    assert spread([]) is None


def test_sizing_follows_the_largest_student_and_the_heavier_lesson():
    figures = sizing([300, 512, 400], [200, 250, 220], 150, {"02": [4, 6, 5], "04": [2, 3, 2]}, class_size=30)
    assert figures["per_student_peak_mib"] == 512
    assert figures["students_per_gib"] == 2.0
    assert figures["cpu_s_per_student_heavier_lesson"] == 5
    assert figures["students_per_core"] == 24.0
    assert figures["cores_for_class"] == 2
    assert figures["memory_for_class_gib"] == 17  # (150 + 30 * 512) MiB is 15.2 GiB, plus 1 GiB for the system
    assert figures["kubernetes_memory"] == {"guarantee": "600M", "limit": "1100M"}


def test_kubernetes_limit_leaves_room_for_two_more_kernels():
    assert kubernetes_memory(374, 226) == {"guarantee": "400M", "limit": "900M"}


@pytest.mark.parametrize(("content", "is_map"), [
    ({"data": {"application/vnd.jupyter.widget-view+json": {"model_id": "1"}}}, True),
    ({"data": {"image/png": "iVBOR", "text/plain": "<Figure>"}}, True),
    ({"data": {"text/html": "<iframe srcdoc='... L.map(... leaflet.js'>"}}, True),
    ({"data": {"text/html": "<table><tr><td>Venezuela</td></tr></table>"}}, False),
    ({"data": {"text/plain": "42"}}, False),
])
def test_a_map_is_a_widget_an_image_or_a_leaflet_page(content, is_map):
    assert shows_a_map(content) is is_map


def test_committed_figures_come_from_a_full_class_in_which_every_run_completed():
    runs = RESULTS["runs"]
    assert RESULTS["students"] == 30 and len(runs) == 60
    assert all(run["ok"] for run in runs)
    assert RESULTS["completed_without_error"] == "60 of 60"


def test_readme_quotes_the_committed_sizing_and_links_the_deployment_guide():
    sizing_figures = RESULTS["sizing"]
    lessons = RESULTS["lessons"]
    quoted = [
        f"{sizing_figures['students_per_gib']} students per GiB",
        f"{sizing_figures['students_per_core']:g} students per core",
        f"{RESULTS['memory_mib']['per_student_peak']['max']:.0f} MiB",
        RESULTS["completed_without_error"],
        *(f"{lessons[lesson]['last_cell_s']['median']:g} s" for lesson in lessons),
        *(f"{lessons[lesson]['last_cell_s']['p95']:g} s" for lesson in lessons),
        "docs/deploy.md",
    ]
    assert [text for text in quoted if text not in README] == []


def test_deployment_guide_quotes_the_measured_memory_in_its_values_yaml():
    memory = RESULTS["sizing"]["kubernetes_memory"]
    assert re.search(rf"guarantee:\s*{memory['guarantee']}\b", DEPLOY)
    assert re.search(rf"limit:\s*{memory['limit']}\b", DEPLOY)
    assert f"{RESULTS['sizing']['memory_for_class_gib']} GB" in DEPLOY or \
        f"{RESULTS['sizing']['memory_for_class_gib']} GiB" in DEPLOY


def test_deployment_guide_hands_out_the_link_the_load_test_follows():
    link = nbgitpuller_link("https://hub.example.org", "https://github.com/hemisphere-pack/hemisphere", "main")
    assert link in DEPLOY
