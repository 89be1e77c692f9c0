"""One student as a browser would be: sign in on the hub's login form, then follow the teacher's nbgitpuller link."""

from __future__ import annotations

import json
import re
import time

import requests


class StudentError(RuntimeError):
    """A step a student takes failed; the message says which and why."""


class Student:
    def __init__(self, name: str, hub_url: str):
        self.name = name
        self.hub_url = hub_url
        self.browser = requests.Session()  # keeps the cookies, as a browser would

    @property
    def server_url(self) -> str:
        return f"{self.hub_url}/user/{self.name}"

    def sign_in(self, password: str) -> None:
        form = self.browser.get(f"{self.hub_url}/hub/login", timeout=60)
        xsrf = re.search(r'name="_xsrf" value="([^"]+)"', form.text)
        if not xsrf:
            raise StudentError(f"{self.name}: the login page has no _xsrf field (status {form.status_code})")
        response = self.browser.post(f"{self.hub_url}/hub/login", allow_redirects=False, timeout=60,
                                     data={"username": self.name, "password": password, "_xsrf": xsrf.group(1)})
        if response.status_code != 302:
            raise StudentError(f"{self.name}: signing in gave status {response.status_code}, not a redirect")

    def follow(self, link: str, timeout_s: float) -> None:
        """Open the link and let nbgitpuller copy the pack, as its page does in the browser; raise unless it finished."""
        page = self.browser.get(link, timeout=timeout_s)
        if page.status_code != 200 or "/git-pull" not in page.url:
            raise StudentError(f"{self.name}: the link ended at {page.url} with status {page.status_code}")
        # nbgitpuller's page pulls through this event stream, with the link's own query.
        api = page.url.replace("/git-pull?", "/git-pull/api?", 1)
        deadline = time.monotonic() + timeout_s
        with self.browser.get(api, stream=True, timeout=timeout_s) as stream:
            for line in stream.iter_lines(decode_unicode=True):
                if time.monotonic() > deadline:
                    break
                if not line or not line.startswith("data:"):
                    continue
                event = json.loads(line[len("data:"):])
                if event.get("phase") == "finished":
                    return
                if event.get("phase") == "error":
                    raise StudentError(f"{self.name}: nbgitpuller failed: {event.get('message')}")
        raise StudentError(f"{self.name}: nbgitpuller did not finish within {timeout_s:.0f} s")
