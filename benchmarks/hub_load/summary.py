"""Figures from a load-test run: medians and 95th percentiles, peaks, and the sizing they imply."""

from __future__ import annotations

import math
import statistics

#: The sizing rule for cores: a whole class presses Run All on the heavier lesson at the same moment, and the
#: last student is through within two minutes.
CLASS_RUN_TARGET_S = 120
#: Left for the operating system when sizing a server's memory.
SYSTEM_HEADROOM_GIB = 1
#: Kubernetes limit: room for a student who leaves this many more lesson kernels running.
EXTRA_KERNELS_IN_LIMIT = 2


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile, interpolating between the two nearest ranks (as numpy's default does)."""
    if not values:
        raise ValueError("no values to take a percentile of")
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low, high = math.floor(position), math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def spread(values: list[float]) -> dict | None:
    """Median, 95th percentile and maximum, rounded to a tenth; None when nothing was measured."""
    if not values:
        return None
    return {"median": round(statistics.median(values), 1), "p95": round(percentile(values, 95), 1),
            "max": round(max(values), 1)}


def lesson_summary(runs: list[dict]) -> dict:
    """How many runs of one lesson completed without error, what went wrong in the others, and their times."""
    done = [run for run in runs if run["ok"]]
    return {
        "runs": len(runs),
        "completed_without_error": len(done),
        "errors": sorted({f"{run['student']}: {run['error']}" for run in runs if not run["ok"]}),
        "first_map_s": spread([run["first_map_s"] for run in done]),
        "last_cell_s": spread([run["last_cell_s"] for run in done]),
    }


def sizing(student_peaks_mib: list[float], kernel_peaks_mib: list[float], hub_peak_mib: float,
           lesson_cpu_s: dict[str, list[float]], class_size: int = 30) -> dict:
    """Students per GiB (from the largest student's peak) and per core (from the heavier lesson's median CPU time)."""
    per_student = max(student_peaks_mib)
    heaviest = max(statistics.median(seconds) for seconds in lesson_cpu_s.values())
    return {
        "per_student_peak_mib": round(per_student),
        "students_per_gib": math.floor(1024 / per_student * 10) / 10,
        "cpu_s_per_student_heavier_lesson": round(heaviest, 1),
        "students_per_core": math.floor(CLASS_RUN_TARGET_S / heaviest * 10) / 10,
        "class_run_target_s": CLASS_RUN_TARGET_S,
        "class_size": class_size,
        "memory_for_class_gib": math.ceil((hub_peak_mib + class_size * per_student) / 1024 + SYSTEM_HEADROOM_GIB),
        "cores_for_class": math.ceil(class_size * heaviest / CLASS_RUN_TARGET_S),
        "kubernetes_memory": kubernetes_memory(per_student, max(kernel_peaks_mib)),
    }


def round_up(mib: float, step: int = 100) -> int:
    return math.ceil(mib / step) * step


def kubernetes_memory(student_peak_mib: float, kernel_peak_mib: float) -> dict[str, str]:
    """Zero to JupyterHub's ``singleuser.memory``: guarantee the measured peak of a student (server and one
    lesson's kernel); limit it at that plus two more kernels. KubeSpawner reads M as MiB."""
    return {"guarantee": f"{round_up(student_peak_mib)}M",
            "limit": f"{round_up(student_peak_mib + EXTRA_KERNELS_IN_LIMIT * kernel_peak_mib)}M"}
