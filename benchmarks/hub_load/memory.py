"""Memory and CPU of a running hub, sampled in a background thread: the whole machine, and each student's processes."""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from pathlib import Path

import psutil

MIB = 1024 * 1024
SAMPLE_INTERVAL_S = 1.0


def machine_used_mib() -> float:
    """Memory in use on the whole machine: MemTotal less MemAvailable, as free(1) counts it."""
    fields = dict(line.split(":", 1) for line in Path("/proc/meminfo").read_text().splitlines())
    kib = lambda name: int(fields[name].split()[0])  # noqa: E731
    return (kib("MemTotal") - kib("MemAvailable")) / 1024


class Sampler:
    """Samples the hub's process tree until stopped.

    A process belongs to the student named in its JUPYTERHUB_USER variable (their server, and the kernels and
    git commands it starts, which inherit it); the rest (hub, proxy) is the hub's own overhead.
    """

    def __init__(self, hub_pid: int):
        self.hub = psutil.Process(hub_pid)
        self.baseline_mib = machine_used_mib()
        self.machine_peak_mib = self.baseline_mib
        self.student_peak_mib: dict[str, float] = defaultdict(float)
        self.kernel_peak_mib: dict[str, float] = defaultdict(float)
        self.hub_peak_mib = 0.0
        self._owner: dict[int, str | None] = {}
        self._cpu_s: dict[tuple[int, float], tuple[str | None, float]] = {}
        self._lock = threading.Lock()  # cpu_seconds() reads what the sampling thread writes
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> Sampler:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(SAMPLE_INTERVAL_S):
            self.sample()

    def _owner_of(self, process: psutil.Process) -> str | None:
        if process.pid not in self._owner:
            self._owner[process.pid] = process.environ().get("JUPYTERHUB_USER")
        return self._owner[process.pid]

    def sample(self) -> None:
        students: dict[str, float] = defaultdict(float)
        kernels: dict[str, float] = defaultdict(float)
        hub = 0.0
        try:
            processes = [self.hub, *self.hub.children(recursive=True)]
        except psutil.NoSuchProcess:
            return
        for process in processes:
            try:
                with process.oneshot():
                    owner = self._owner_of(process)
                    rss = process.memory_info().rss / MIB
                    cpu = process.cpu_times()
                    is_kernel = "ipykernel_launcher" in " ".join(process.cmdline())
                    key = (process.pid, process.create_time())
            except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
                continue  # ended between listing and reading: its last sample stands
            with self._lock:
                self._cpu_s[key] = (owner, cpu.user + cpu.system)
            if owner is None:
                hub += rss
            else:
                students[owner] += rss
                if is_kernel:
                    kernels[owner] += rss
        for name, rss in students.items():
            self.student_peak_mib[name] = max(self.student_peak_mib[name], rss)
        for name, rss in kernels.items():
            self.kernel_peak_mib[name] = max(self.kernel_peak_mib[name], rss)
        self.hub_peak_mib = max(self.hub_peak_mib, hub)
        self.machine_peak_mib = max(self.machine_peak_mib, machine_used_mib())

    def cpu_seconds(self) -> dict[str, float]:
        """CPU time each student's processes have used so far (those that ended count up to their last sample)."""
        totals: dict[str, float] = defaultdict(float)
        with self._lock:
            seen = list(self._cpu_s.values())
        for owner, seconds in seen:
            totals[owner or "hub"] += seconds
        return dict(totals)
