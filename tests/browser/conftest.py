"""Browser fixtures: Debian's Chromium driven by Playwright, with every non-local request blocked.

Without /usr/bin/chromium the browser tests skip with one line saying how to install it, except
under CI=true, where a missing browser is an error (`make test` installs it as root).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from jupyterlab_driver import CHROMIUM, CHROMIUM_ARGS, LabServer, OfflinePage

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"


def chromium_available() -> bool:
    return Path(CHROMIUM).exists() or shutil.which("chromium") is not None


@pytest.fixture(scope="session")
def browser():
    if not chromium_available():
        message = "Chromium not found: install it with `sudo apt-get install -y chromium` to run the browser tests"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def offline_page(browser):
    context = browser.new_context(viewport={"width": 1200, "height": 800})
    page = context.new_page()
    yield OfflinePage(page)
    context.close()


@pytest.fixture(scope="session")
def lab(browser, tmp_path_factory):
    root = tmp_path_factory.mktemp("lab") / "notebooks"
    shutil.copytree(NOTEBOOKS, root)
    server = LabServer(root)
    yield server
    server.stop()


