"""A class on one JupyterHub server, measured: `make load-test` (30 students) or `make load-test STUDENTS=3`.

Starts a JupyterHub on 127.0.0.1 (dummy sign-in, each student a local process from .venv), signs the students
in on the login form, starts their servers, gives each the pack with an nbgitpuller link to a bare clone of
this repository (no network), then runs lesson 02 for all of them at once, then lesson 04 for all at once.
Writes benchmarks/hub_load.json (30 students) or benchmarks/hub_load_N.json, and exits 1 unless every run
completed without error. Everything it started is stopped, even on failure or at the time limit.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone
from pathlib import Path

import psutil

from hub_load.hub import Hub
from hub_load.links import nbgitpuller_link, pulled_folder
from hub_load.memory import Sampler
from hub_load.runner import run_lesson, shut_down_kernels
from hub_load.students import Student
from hub_load.summary import lesson_summary, sizing, spread

ROOT = Path(__file__).resolve().parents[2]
LESSONS = ("notebooks/02_sequence_of_operations.ipynb", "notebooks/04_mapping_power.ipynb")
BRANCH = "load-test"
SERVER_POLL_S = 2


def publish_pack(run_dir: Path) -> str:
    """A bare copy of this repository's HEAD for nbgitpuller to clone, as a file:// URL (no network needed)."""
    bare = run_dir / "hemisphere"
    subprocess.run(["git", "init", "--quiet", "--bare", str(bare)], check=True)
    subprocess.run(["git", "-C", str(ROOT), "push", "--quiet", str(bare), f"HEAD:refs/heads/{BRANCH}"], check=True)
    return bare.as_uri()


def start_servers(hub: Hub, names: list[str], deadline: float) -> dict[str, float]:
    """Ask the hub to start every student's server at once; returns each one's seconds until ready."""
    asked = time.monotonic()
    # Each request waits up to the hub's slow_spawn_timeout (10 s) before answering: send them all at once,
    # as a class signing in does, or the servers start one after another.
    all_at_once(lambda name: hub.api("POST", f"/users/{name}/server"), names)
    ready: dict[str, float] = {}
    while len(ready) < len(names) and time.monotonic() < deadline:
        for name in set(names) - set(ready):
            if hub.api("GET", f"/users/{name}").json()["servers"].get("", {}).get("ready"):
                ready[name] = time.monotonic() - asked
        time.sleep(SERVER_POLL_S)
    missing = sorted(set(names) - set(ready))
    if missing:
        raise RuntimeError(f"servers not ready at the time limit: {', '.join(missing)}")
    return ready


def all_at_once(work, items: list) -> list:
    with ThreadPoolExecutor(max_workers=len(items)) as pool:
        return list(pool.map(work, items))


def measure(students: int, budget_s: float, run_dir: Path) -> dict:
    load_before = os.getloadavg()
    started = time.monotonic()
    deadline = started + budget_s
    repo = publish_pack(run_dir)
    wall: dict[str, float] = {}
    with Hub(run_dir) as hub, Sampler(hub.process.pid) as sampler:
        class_ = [Student(f"student{number:02d}", hub.url) for number in range(1, students + 1)]
        all_at_once(lambda student: student.sign_in(hub.password), class_)
        server_start = start_servers(hub, [student.name for student in class_], deadline)
        wall["sign_in_and_start_servers"] = time.monotonic() - started
        link = nbgitpuller_link(hub.url, repo, BRANCH)
        phase = time.monotonic()
        all_at_once(lambda student: student.follow(link, deadline - time.monotonic()), class_)
        wall["nbgitpuller_link"] = time.monotonic() - phase
        runs, cpu = [], {}
        for lesson in LESSONS:
            phase, before = time.monotonic(), sampler.cpu_seconds()
            path = f"{pulled_folder(repo)}/{lesson}"
            runs += all_at_once(lambda student: run_lesson(student.server_url, hub.token, student.name, path, deadline)
                                .as_dict(), class_)
            sampler.sample()  # the kernels' final CPU time, before they are shut down
            after = sampler.cpu_seconds()
            all_at_once(lambda student: shut_down_kernels(student.server_url, hub.token), class_)
            cpu[Path(lesson).stem] = [after.get(s.name, 0) - before.get(s.name, 0) for s in class_]
            wall[Path(lesson).stem] = time.monotonic() - phase
    wall["total"] = time.monotonic() - started
    lessons = {Path(lesson).stem: lesson_summary([run for run in runs if run["lesson"] == Path(lesson).name])
               for lesson in LESSONS}
    student_peaks = list(sampler.student_peak_mib.values())
    kernel_peaks = list(sampler.kernel_peak_mib.values())
    return {
        "what": "A class on one JupyterHub: each student signs in, follows the nbgitpuller link, then runs "
                "lesson 02 and lesson 04 top to bottom, the whole class at once (`make load-test`). Times are "
                "from opening the notebook; memory is resident (RSS) of each student's server and kernel; "
                "CPU is each student's server and kernel during a lesson.",
        "measured_at": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": {"cores": psutil.cpu_count(), "memory_gib": round(psutil.virtual_memory().total / 2**30, 1),
                    "load_average_before": [round(load, 2) for load in load_before]},
        "students": students,
        "completed_without_error": f"{sum(run['ok'] for run in runs)} of {students * len(LESSONS)}",
        "lessons": lessons,
        "server_start_s": spread(list(server_start.values())),
        "wall_s": {step: round(seconds, 1) for step, seconds in wall.items()},
        "memory_mib": {
            "machine_before": round(sampler.baseline_mib), "machine_peak": round(sampler.machine_peak_mib),
            "machine_added": round(sampler.machine_peak_mib - sampler.baseline_mib),
            "per_student_peak": spread(student_peaks),
            "per_student_kernel_peak": spread(kernel_peaks),
            "hub_and_proxy_peak": round(sampler.hub_peak_mib),
        },
        "cpu_s_per_student": {lesson: spread(seconds) for lesson, seconds in cpu.items()},
        "sizing": sizing(student_peaks, kernel_peaks, sampler.hub_peak_mib, cpu),
        "runs": runs,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=30)
    parser.add_argument("--budget-min", type=float, default=25, help="stop everything after this many minutes")
    args = parser.parse_args()
    output = ROOT / "benchmarks" / ("hub_load.json" if args.students == 30 else f"hub_load_{args.students}.json")
    run_dir = Path(tempfile.mkdtemp(prefix="hh-"))  # short: the kernels' unix sockets live under it
    try:
        results = measure(args.students, args.budget_min * 60, run_dir)
    except BaseException:
        print(f"The load test stopped early; the hub's log and the students' homes are in {run_dir}", file=sys.stderr)
        raise
    output.write_text(json.dumps(results, indent=2) + "\n")
    print(json.dumps({key: value for key, value in results.items() if key != "runs"}, indent=2))
    passed = all(run["ok"] for run in results["runs"]) and len(results["runs"]) == args.students * len(LESSONS)
    if passed:
        shutil.rmtree(run_dir)
    else:
        print(f"Some runs failed (see {output}); logs are in {run_dir}", file=sys.stderr)
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
