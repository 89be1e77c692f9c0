"""Driving JupyterLab in Debian's Chromium with Playwright, offline: shared by the browser tests and
the browser benchmark (``make bench``).

Chromium is /usr/bin/chromium from Debian (never ``playwright install``: it cannot download here).
Every request that does not go to this machine is aborted and recorded.
"""

from __future__ import annotations

import json
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
LOCAL_PREFIXES = ("file:", "data:", "about:", "blob:", "http://127.0.0.1", "ws://127.0.0.1")
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"


class OfflinePage:
    """A page whose requests to anywhere but this machine are aborted and recorded."""

    def __init__(self, page):
        self.page = page
        self.blocked: list[str] = []
        self.errors: list[str] = []
        page.route("**/*", self._route)
        page.on("pageerror", lambda error: self.errors.append(str(error)))

    def _route(self, route):
        url = route.request.url
        if url.startswith(LOCAL_PREFIXES):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()

    def screenshot(self, name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class LabServer:
    """JupyterLab on 127.0.0.1 with a token, serving a scratch copy of the notebooks.

    The copy matters: JupyterLab saves notebooks after running them, and the committed ones must stay
    without outputs.
    """

    def __init__(self, root: Path):
        self.root = root
        self.port = _free_port()
        self.token = secrets.token_hex(16)
        settings = root.parent / "lab-settings"
        workspaces = root.parent / "lab-workspaces"
        workspaces.mkdir(exist_ok=True)
        # Render every cell, not only those in view, so the test can see every prompt and output.
        tracker = settings / "@jupyterlab" / "notebook-extension" / "tracker.jupyterlab-settings"
        tracker.parent.mkdir(parents=True, exist_ok=True)
        tracker.write_text('{"windowingMode": "none", "autoStartDefaultKernel": true}')
        command = [
            sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root",
            "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={self.port}", "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={self.token}", f"--ServerApp.root_dir={root}",
            f"--LabApp.user_settings_dir={settings}", f"--LabApp.workspaces_dir={workspaces}",
        ]
        self.log = (root.parent / "jupyterlab.log").open("w")
        self.process = subprocess.Popen(command, stdout=self.log, stderr=subprocess.STDOUT)
        self._wait_until_up()

    def _wait_until_up(self, seconds: float = 60) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"JupyterLab exited; see {self.log.name}")
            try:
                urllib.request.urlopen(f"{self.base}/api/status?token={self.token}", timeout=2)
                return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError(f"JupyterLab did not start within {seconds} s; see {self.log.name}")

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def notebook_url(self, name: str) -> str:
        return f"{self.base}/lab/tree/{name}?reset&token={self.token}"

    def shut_down_kernels(self) -> None:
        """Shut down every running kernel (a run of many notebooks would otherwise keep them all)."""
        with urllib.request.urlopen(f"{self.base}/api/kernels?token={self.token}", timeout=10) as answer:
            kernels = json.load(answer)
        for kernel in kernels:
            request = urllib.request.Request(f"{self.base}/api/kernels/{kernel['id']}?token={self.token}",
                                             method="DELETE")
            urllib.request.urlopen(request, timeout=30).close()

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


def run_all_cells(page, timeout_s: float = 180) -> None:
    """Restart the kernel and run every cell; wait until each code cell shows an execution count.

    "Restart Kernel and Run All" starts from a kernel known to be ready, which avoids the race of a
    plain "Run All" clicked while the kernel is still starting (only the first cell then runs).
    """
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
    page.wait_for_selector(".jp-StatusBar-Widget:has-text('| Idle')", timeout=60_000)
    page.click(".lm-MenuBar-itemLabel:text-is('Kernel')")
    page.click(".lm-Menu-itemLabel:text-is('Restart Kernel and Run All Cells…')")
    page.click(".jp-Dialog .jp-mod-accept")
    page.wait_for_function(
        """() => {
            const prompts = [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')];
            return prompts.length > 0 && prompts.every(p => /\\[\\d+\\]/.test(p.textContent));
        }""",
        timeout=timeout_s * 1000,
    )


def start_cell(page, number: int) -> str:
    """Run one code cell in place (select it, Ctrl+Enter), as a reader would; its prompt before the run."""
    prompt = page.locator(".jp-CodeCell").nth(number).locator(".jp-InputPrompt")
    before = prompt.inner_text()
    prompt.click()
    page.keyboard.press("Control+Enter")
    return before


def wait_for_cell(page, number: int, before: str, timeout_s: float = 60) -> None:
    """Until the cell has run again: a new execution count, not the busy mark."""
    page.wait_for_function(
        "([prompt, before]) => prompt.textContent !== before && /\\[\\d+\\]/.test(prompt.textContent)",
        arg=[page.locator(".jp-CodeCell").nth(number).locator(".jp-InputPrompt").element_handle(), before],
        timeout=timeout_s * 1000,
    )


def run_cell(page, number: int) -> str:
    """Run one code cell and return what it printed."""
    wait_for_cell(page, number, start_cell(page, number))
    return page.locator(".jp-CodeCell").nth(number).locator(".jp-OutputArea-output").inner_text().strip()
