"""JupyterHub for the load test: localhost only, dummy sign-in, each student a local process running from .venv.

benchmarks/hub_load/hub.py starts the hub with this file and passes everything that changes from run to run
(folder, ports, token) in HUB_LOAD_* environment variables.
"""

import os
import sys
from pathlib import Path

c = get_config()  # noqa: F821 (defined by JupyterHub when it loads this file)

run_dir = Path(os.environ["HUB_LOAD_RUN_DIR"])
here = Path(__file__).resolve().parent
# The hub runs from the pack's .venv, so its singleuser command (and the kernels' Python) is the pack's too.
venv_bin = Path(sys.executable).parent

c.JupyterHub.bind_url = f"http://127.0.0.1:{os.environ['HUB_LOAD_PORT']}"
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = int(os.environ["HUB_LOAD_HUB_PORT"])
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{os.environ['HUB_LOAD_PROXY_API_PORT']}"
c.ConfigurableHTTPProxy.command = [str(here / "node_modules" / ".bin" / "configurable-http-proxy")]
c.ConfigurableHTTPProxy.pid_file = str(run_dir / "proxy.pid")
c.JupyterHub.db_url = f"sqlite:///{run_dir / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(run_dir / "cookie_secret")

c.JupyterHub.authenticator_class = "dummy"
c.DummyAuthenticator.password = os.environ["HUB_LOAD_PASSWORD"]
c.Authenticator.allow_all = True

# SimpleLocalProcessSpawner: every student is the hub's own unix user, with a home folder of their own.
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = str(run_dir / "home" / "{username}")
c.Spawner.cmd = [str(venv_bin / "jupyterhub-singleuser")]
c.Spawner.args = ["--allow-root"] if os.getuid() == 0 else []
# Kernels talk to their server over unix sockets, not TCP ports. With thirty servers on one machine, a port a
# server has picked for a new kernel can be taken by another process before the kernel binds it
# (jupyter_client#487): in the first 30-student run, 9 of 60 kernel starts failed so and one never recovered.
c.Spawner.args.append("--KernelManager.transport=ipc")
# A unix socket's path must stay under 108 bytes, which a kernel's socket under the home folder would not.
c.Spawner.environment = {"JUPYTER_RUNTIME_DIR": lambda spawner: str(run_dir / "run" / spawner.user.name)}
c.Spawner.ip = "127.0.0.1"
c.Spawner.default_url = "/lab"
# Thirty servers starting at once on two cores take minutes, not the default 30-60 s.
c.Spawner.start_timeout = 600
c.Spawner.http_timeout = 600

# The load test's own admin token: it creates the students, starts their servers and talks to them.
c.JupyterHub.services = [{"name": "load-test", "api_token": os.environ["HUB_LOAD_TOKEN"]}]
c.JupyterHub.load_roles = [{
    "name": "load-test",
    "scopes": ["admin:users", "admin:servers", "access:servers"],
    "services": ["load-test"],
}]
