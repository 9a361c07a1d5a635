"""A static web server on 127.0.0.1 for tests of media values given as URLs: it serves a folder
and records every request, so a test can tell that the kernel fetched nothing (no request while
Python ran) and that a page loaded an image itself (a request from the browser).
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import numpy as np
import PIL.Image


class Served:
    """A running server: ``url(name)`` of a file it serves, ``hits`` the paths asked so far and
    ``agents`` the User-Agent of each request (a browser's, or a Python client's)."""

    def __init__(self, base: str, hits: list[str], agents: list[str]) -> None:
        self.base, self.hits, self.agents = base, hits, agents

    def url(self, name: str) -> str:
        """The URL of file ``name`` of the served folder."""
        return f"{self.base}/{name}"


@contextmanager
def serving(folder: Path, timeout_s: float = 30.0) -> Iterator[Served]:
    """Serve ``folder`` on 127.0.0.1 (a free port) until the block ends; each request waits at
    most ``timeout_s`` for its client, so a stuck one cannot hold the test."""
    hits: list[str] = []
    agents: list[str] = []

    class Handler(SimpleHTTPRequestHandler):
        timeout = timeout_s

        def log_message(self, *args: Any) -> None:
            hits.append(self.path)
            headers = getattr(self, "headers", None)  # none when the request line was bad
            agents.append(headers.get("User-Agent", "") if headers else "")

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(folder)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    try:
        yield Served(f"http://127.0.0.1:{server.server_address[1]}", hits, agents)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def write_png(path: Path, rgb: tuple[int, int, int], size: tuple[int, int] = (24, 16)) -> Path:
    """A small solid PNG (``size`` is width, height) at ``path``."""
    PIL.Image.fromarray(np.full((size[1], size[0], 3), rgb, np.uint8)).save(path)
    return path
