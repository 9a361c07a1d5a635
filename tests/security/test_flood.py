"""A flood from one visitor leaves the others served.

Gradio has no advisory on flooding its queue (its bounds are ``max_threads`` and
``state_session_capacity``); its DoS advisories are parsers kept busy (GHSA-5cpq-9538-jm2j,
the multipart boundary; GHSA-rvgh-pr46-x7gg, a ReDoS). Here: a page sending thousands of
frames as fast as it can, frames over the size limit, and thousands of bad requests (each one
logged: a server whose log pipe filled up used to stop) leave another visitor's clicks
answered and the server up. Each wait is bounded by a condition, not a speed.
"""

from __future__ import annotations

import http.client
import json
import threading
import urllib.parse
import uuid

import pytest

from gradio_nb.message_guard import MAX_MESSAGE_BYTES

from .probes import channels_path, handshake, voila_kernel
from visitors import Visitor, wait_until


def counter(visitor: Visitor) -> tuple[str, str]:
    return visitor.find("ButtonModel", description="Increment"), visitor.find_field("Current Count")


def test_a_flood_of_frames_leaves_other_visitors_served(open_server) -> None:
    if open_server.mode != "one-process":
        pytest.skip("a kernel per visitor: a flood reaches only the flooder's own kernel process")
    with Visitor(open_server.url) as flooder, Visitor(open_server.url) as other:
        button, _ = counter(flooder)
        junk = json.dumps({"comm_id": str(uuid.uuid4()), "data": {"method": "custom", "content": {"event": "click"}}})
        done = threading.Event()

        def flood() -> None:
            for i in range(3000):
                flooder.send("comm_msg", json.loads(junk) if i % 2 else {"comm_id": button, "data": {"method": "custom", "content": {"event": "click"}}})
            done.set()

        thread = threading.Thread(target=flood)
        thread.start()
        other_button, other_box = counter(other)
        for i in range(1, 6):
            other.click(other_button)
            other.wait_for(lambda i=i: other.value(other_box) == f"Count: {i}", timeout=120)
        thread.join(timeout=120)
        assert done.is_set()
        assert other.value(other_box) == "Count: 5"  # nothing of the flooder's clicks crossed over


def test_an_oversized_frame_closes_only_its_page(open_server) -> None:
    if open_server.mode != "one-process":
        pytest.skip("the kernel-per-visitor server's limit is Jupyter's")
    with Visitor(open_server.url) as big, Visitor(open_server.url) as other:
        big.send_raw(b"\0" * (MAX_MESSAGE_BYTES + 1))
        assert wait_until(lambda: big.closed, timeout=60) and big.close_code == 1009
        button, box = counter(other)
        other.click(button)
        other.wait_for(lambda: other.value(box) == "Count: 1", timeout=120)


def test_thousands_of_bad_requests_do_not_stop_the_server(open_server) -> None:
    """Each refused or missing request is logged by the server; 3,000 of them (several times the
    64 KiB a pipe holds) and the app still opens."""
    parts = urllib.parse.urlsplit(open_server.url)
    prefixes = ("/static", "/_solara/cdn") if open_server.mode == "one-process" else ("/voila/static", "/voila/files")
    connection = http.client.HTTPConnection(parts.netloc, timeout=60)
    try:
        for i in range(3000):
            connection.request("GET", f"{prefixes[i % 2]}/missing-{i}.js")
            response = connection.getresponse()
            response.read()
            assert response.status in (400, 403, 404), response.status
            if response.getheader("Connection", "").lower() == "close":
                connection.close()
                connection = http.client.HTTPConnection(parts.netloc, timeout=60)
    finally:
        connection.close()
    visitor = Visitor(open_server.url)
    if open_server.mode == "one-process":
        with visitor:
            button, box = counter(visitor)
            visitor.click(button)
            visitor.wait_for(lambda: visitor.value(box) == "Count: 1", timeout=120)
    else:
        kernel = voila_kernel(visitor)
        own = {"Origin": open_server.url, "Cookie": visitor.cookie_header()}
        assert handshake(open_server.url, channels_path(open_server, kernel), own) == 101
