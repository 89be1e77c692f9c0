"""Run one lesson top to bottom on a student's server through the Jupyter server API, as "Run All" does.

Opens the notebook (contents API), starts its kernel (sessions API), sends each code cell on the kernel's
websocket and waits for its reply. Times are from opening the notebook.
"""

from __future__ import annotations

import json
import time
import uuid
from dataclasses import dataclass, field

import requests
import websocket
from jupyter_server.services.kernels.connection.base import deserialize_binary_message

#: A map is the first picture a lesson shows: a widget (lesson 02's explorer), a Leaflet page, or an image
#: (lesson 04's projection comparison).
PICTURE_TYPES = ("application/vnd.jupyter.widget-view+json", "image/png")


@dataclass
class LessonRun:
    student: str
    lesson: str
    cells: int = 0
    first_map_s: float | None = None
    last_cell_s: float | None = None
    error: str | None = None
    started_at: float = field(default_factory=time.monotonic, repr=False)

    @property
    def ok(self) -> bool:
        return self.error is None and self.last_cell_s is not None and self.first_map_s is not None

    def as_dict(self) -> dict:
        return {"student": self.student, "lesson": self.lesson, "ok": self.ok, "cells": self.cells,
                "first_map_s": self.first_map_s, "last_cell_s": self.last_cell_s, "error": self.error}


def shows_a_map(content: dict) -> bool:
    data = content.get("data", {})
    return any(kind in data for kind in PICTURE_TYPES) or "leaflet" in data.get("text/html", "").lower()


def execute_request(code: str, session: str) -> dict:
    return {
        "header": {"msg_id": uuid.uuid4().hex, "msg_type": "execute_request", "session": session,
                   "username": "", "version": "5.3"},
        "parent_header": {}, "metadata": {}, "buffers": [], "channel": "shell",
        "content": {"code": code, "silent": False, "store_history": True, "user_expressions": {},
                    "allow_stdin": False, "stop_on_error": True},
    }


def receive(channel: websocket.WebSocket) -> dict:
    frame = channel.recv()
    return deserialize_binary_message(frame) if isinstance(frame, bytes) else json.loads(frame)


def run_cell(channel: websocket.WebSocket, code: str, session: str, run: LessonRun, deadline: float) -> None:
    """Send one cell and read the kernel's messages until it is idle again; note a map and any error in ``run``."""
    request = execute_request(code, session)
    channel.send(json.dumps(request))
    msg_id = request["header"]["msg_id"]
    replied = idle = False
    while not (replied and idle):
        if time.monotonic() > deadline:
            raise TimeoutError(f"cell {run.cells + 1} still running at the time limit")
        channel.settimeout(max(1.0, deadline - time.monotonic()))
        message = receive(channel)
        if message.get("parent_header", {}).get("msg_id") != msg_id:
            continue
        kind, content = message["msg_type"], message["content"]
        if kind in ("display_data", "execute_result") and run.first_map_s is None and shows_a_map(content):
            run.first_map_s = time.monotonic() - run.started_at
        elif kind == "error":
            run.error = f"cell {run.cells + 1}: {content['ename']}: {content['evalue']}"
        elif kind == "execute_reply":
            replied = True
            if content["status"] != "ok" and run.error is None:
                run.error = f"cell {run.cells + 1}: execute_reply {content['status']}"
        elif kind == "status" and content["execution_state"] == "idle":
            idle = True


def run_lesson(server_url: str, token: str, student: str, path: str, deadline: float) -> LessonRun:
    """Run the notebook at ``path`` (relative to the student's home) on ``server_url``; never raises.

    The kernel is left running, so its CPU time can be read before :func:`shut_down_kernels` ends it.
    """
    run = LessonRun(student=student, lesson=path.rsplit("/", 1)[-1])
    api = authorised(token)
    try:
        notebook = api.get(f"{server_url}/api/contents/{path}", timeout=120)
        notebook.raise_for_status()
        session = api.post(f"{server_url}/api/sessions", timeout=300, json={
            "path": path, "name": run.lesson, "type": "notebook", "kernel": {"name": "python3"}})
        session.raise_for_status()
        channel = websocket.create_connection(
            f"{server_url.replace('http://', 'ws://', 1)}/api/kernels/{session.json()['kernel']['id']}/channels",
            header=[f"Authorization: token {token}"], timeout=120)
        try:
            client_session = uuid.uuid4().hex
            for cell in notebook.json()["content"]["cells"]:
                if cell["cell_type"] != "code":
                    continue
                run_cell(channel, cell["source"], client_session, run, deadline)
                run.cells += 1
                if run.error:
                    return run
            run.last_cell_s = time.monotonic() - run.started_at
            if run.first_map_s is None:
                run.error = "no map was shown"
        finally:
            channel.close()
    except Exception as error:  # noqa: BLE001 (any failure is this run's result, not the whole test's)
        run.error = run.error or f"cell {run.cells + 1}: {type(error).__name__}: {error}"
    return run


def shut_down_kernels(server_url: str, token: str) -> None:
    """End every notebook session on a student's server, as closing the lesson and its kernel does."""
    api = authorised(token)
    sessions = api.get(f"{server_url}/api/sessions", timeout=120)
    sessions.raise_for_status()
    for session in sessions.json():
        api.delete(f"{server_url}/api/sessions/{session['id']}", timeout=120).raise_for_status()


def authorised(token: str) -> requests.Session:
    api = requests.Session()
    api.headers["Authorization"] = f"token {token}"
    return api
