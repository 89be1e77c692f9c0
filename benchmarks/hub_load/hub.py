"""Start a JupyterHub on 127.0.0.1 for the load test, and stop it and everything it started, even on failure."""

from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import psutil
import requests

CONFIG = Path(__file__).resolve().parent / "jupyterhub_config.py"
PROXY = CONFIG.parent / "node_modules" / ".bin" / "configurable-http-proxy"
START_TIMEOUT_S = 120
STOP_TIMEOUT_S = 90


class HubError(RuntimeError):
    """The hub did not start or did not answer as expected."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Hub:
    """A running JupyterHub; use as a context manager so it always stops."""

    def __init__(self, run_dir: Path):
        if not PROXY.exists():
            raise HubError(f"{PROXY} is missing: run `make load-test`, which installs it with npm")
        self.run_dir = run_dir
        self.token = secrets.token_hex(32)
        self.password = secrets.token_hex(8)
        self.url = f"http://127.0.0.1:{free_port()}"
        self.log_path = run_dir / "jupyterhub.log"
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> Hub:
        env = {**os.environ,
               "HUB_LOAD_RUN_DIR": str(self.run_dir), "HUB_LOAD_PORT": self.url.rsplit(":", 1)[1],
               "HUB_LOAD_HUB_PORT": str(free_port()), "HUB_LOAD_PROXY_API_PORT": str(free_port()),
               "HUB_LOAD_TOKEN": self.token, "HUB_LOAD_PASSWORD": self.password}
        with open(self.log_path, "wb") as log:
            self.process = subprocess.Popen(
                [str(Path(sys.executable).parent / "jupyterhub"), "-f", str(CONFIG)],
                cwd=self.run_dir, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            self._wait_until_up()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def _wait_until_up(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise HubError(f"JupyterHub exited with {self.process.returncode}; see {self.log_path}")
            try:
                if requests.get(f"{self.url}/hub/api/", timeout=5).ok:
                    return
            except requests.RequestException:
                pass
            time.sleep(1)
        raise HubError(f"JupyterHub did not answer on {self.url} within {START_TIMEOUT_S} s; see {self.log_path}")

    def api(self, method: str, path: str, **kwargs) -> requests.Response:
        """Call the hub's REST API as the load test's admin service; raises on an error status."""
        response = requests.request(method, f"{self.url}/hub/api{path}", timeout=60,
                                    headers={"Authorization": f"token {self.token}"}, **kwargs)
        response.raise_for_status()
        return response

    def stop(self) -> None:
        """Stop the hub (it stops the servers and the proxy it started), then end whatever of theirs is left."""
        if self.process is None or self.process.poll() is not None:
            return
        try:
            started = psutil.Process(self.process.pid).children(recursive=True)
        except psutil.NoSuchProcess:
            started = []
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(10)
        # Servers are started in sessions of their own, so they outlive a hub that was killed: end them by id.
        left = [process for process in started if process.is_running()]
        for process in left:
            process.terminate()
        _, alive = psutil.wait_procs(left, timeout=10)
        for process in alive:
            process.kill()
