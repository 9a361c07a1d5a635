"""The attack suite's servers and probes: apps served both ways, on 127.0.0.1, stopped after.

``served`` gives a running server of an app in ``tests/security/apps`` for each serving mode
(one process; a kernel per visitor); ``handshake`` opens a websocket and tells its HTTP status
(101 when it was let in); ``voila_kernel`` loads a kernel-per-visitor page and gives the
kernel it started.
"""

from __future__ import annotations

import base64
import http.client
import importlib.util
import os
import re
import ssl
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest

if importlib.util.find_spec("solara") is None or importlib.util.find_spec("voila") is None:
    pytest.skip("serving needs gradio_nb[serve]", allow_module_level=True)

from gradio_nb.serve import Server, start_server  # noqa: E402

from visitors import Visitor, free_port  # noqa: E402

APPS = Path(__file__).parent / "apps"
MODES = ("one-process", "kernel-per-visitor")


def serve(app: str, mode: str, env: dict[str, str] | None = None, **kwargs: object) -> Server:
    """Start serving ``apps/<app>.py`` in ``mode`` on a free loopback port."""
    return start_server(APPS / f"{app}.py", port=free_port(), mode=mode, env=env, timeout=90, **kwargs)  # type: ignore[arg-type]


@pytest.fixture(scope="module", params=MODES)
def login_server(request: pytest.FixtureRequest) -> Iterator[Server]:
    """The seed counter behind ``auth=[("teacher", "s3cret"), ("student", "pa55")]``, each mode."""
    server = serve("login_counter", request.param)
    server.mode = request.param  # type: ignore[attr-defined]
    yield server
    server.close()


@pytest.fixture(scope="module", params=MODES)
def open_server(request: pytest.FixtureRequest) -> Iterator[Server]:
    """The seed counter with no login, each mode."""
    server = serve("open_counter", request.param)
    server.mode = request.param  # type: ignore[attr-defined]
    yield server
    server.close()


def channels_path(server: Server, kernel_id: str, page_id: str = "00000000-0000-4000-8000-000000000000") -> str:
    """The path of a kernel's websocket in the server's mode."""
    if getattr(server, "mode", "one-process") == "one-process":
        return f"/jupyter/api/kernels/{kernel_id}/channels?session_id={page_id}"
    return f"/api/kernels/{kernel_id}/channels?session_id={page_id}"


def handshake(url: str, path: str, headers: dict[str, str] | None = None, ssl_context: ssl.SSLContext | None = None) -> int:
    """Send a websocket opening handshake for ``path`` of the app at ``url`` with ``headers``
    (a ``Host`` among them replaces the real one); the HTTP status of the answer (101: it was
    let in). Spoken with ``http.client``, so that any header can be sent as an attacker would."""
    parts = urllib.parse.urlsplit(url)
    connection = (
        http.client.HTTPSConnection(parts.netloc, timeout=30, context=ssl_context) if parts.scheme == "https"
        else http.client.HTTPConnection(parts.netloc, timeout=30)
    )  # fmt: skip
    sent = {
        "Host": parts.netloc, "Upgrade": "websocket", "Connection": "Upgrade", "Sec-WebSocket-Version": "13",
        "Sec-WebSocket-Key": base64.b64encode(os.urandom(16)).decode(), **(headers or {}),
    }  # fmt: skip
    try:
        connection.putrequest("GET", f"{parts.path.rstrip('/')}{path}", skip_host=True, skip_accept_encoding=True)
        for name, value in sent.items():
            connection.putheader(name, value)
        connection.endheaders()
        return connection.getresponse().status
    finally:
        connection.close()


_KERNEL_ID = re.compile(rb'kernelId["\']?\s*[:=]\s*["\']([0-9a-f-]{36})|kernel_id["\']?\s*[:=]\s*["\']([0-9a-f-]{36})')


def voila_kernel(visitor: Visitor) -> str:
    """Load the kernel-per-visitor page as ``visitor`` (who must be let in): the id of the
    kernel it started for this page."""
    status, _, body = visitor.request("/", headers={"Accept": "text/html"}, timeout=90)
    assert status == 200, status
    found = _KERNEL_ID.search(body)
    assert found, "no kernel id in the page"
    return (found.group(1) or found.group(2)).decode()
