"""Probes of the attack suite: serve an app of ``tests/security/apps`` on 127.0.0.1, send a
websocket handshake with any headers, find the kernel a kernel-per-visitor page started."""

from __future__ import annotations

import base64
import http.client
import os
import re
import ssl
import urllib.parse
from pathlib import Path

from gradio_nb.serve import Server, start_server

from visitors import Visitor, free_port

APPS = Path(__file__).parent / "apps"
MODES = ("one-process", "kernel-per-visitor")


def serve(app: str, mode: str, env: dict[str, str] | None = None, **kwargs: object) -> Server:
    """Start serving ``apps/<app>.py`` in ``mode`` on a free loopback port (``server.mode``
    says which)."""
    server = start_server(APPS / f"{app}.py", port=free_port(), mode=mode, env=env, timeout=90, **kwargs)  # type: ignore[arg-type]
    server.mode = mode  # type: ignore[attr-defined]
    return server


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
