"""One process serving many visitors (``gradio-nb serve``, solara-server's virtual kernels),
driven by simulated visitors speaking the page's protocol (tests/visitors.py): no click lost
or crossing sessions, every session freed when its page leaves (or its connection drops), and
malformed or oversized messages close only the page that sent them."""

from __future__ import annotations

import importlib.util
import socket
import statistics
import struct
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

if importlib.util.find_spec("solara") is None:  # not imported here: it patches what it imports
    pytest.skip("one-process serving needs gradio_nb[serve]", allow_module_level=True)
psutil = pytest.importorskip("psutil")

from gradio_nb.serve import Server, start_server  # noqa: E402

from figures import record_figure  # noqa: E402
from visitors import Visitor, free_port, kernels, wait_until  # noqa: E402

APP = Path(__file__).parent / "served_apps" / "counted_sessions.py"
VISITORS, CLICKS = 20, 20


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, Path]]:
    log = tmp_path_factory.mktemp("one_process") / "freed.log"
    log.touch()
    # A page that vanishes without a word is freed after 2 s here (300 s by default).
    env = {"GRADIO_NB_TEST_LOG": str(log), "SOLARA_KERNEL_CULL_TIMEOUT": "2s"}
    server = start_server(APP, port=free_port(), mode="one-process", env=env)
    yield server, log
    server.close()
    assert server.process.poll() is not None


def freed(log: Path) -> list[str]:
    return [line.split()[1] for line in log.read_text().splitlines() if line.startswith("freed ")]


def counter(visitor: Visitor) -> tuple[str, str, str]:
    return visitor.find("ButtonModel", description="Increment"), visitor.find_field("Count"), visitor.find_field("Visitor")


def clicks_count(visitor: Visitor, clicks: int) -> None:
    """Click Increment ``clicks`` times, each once the last one's count has come back."""
    button, box, _ = counter(visitor)
    for i in range(1, clicks + 1):
        visitor.click(button)
        visitor.wait_for(lambda: visitor.value(box) == str(i))


def visit_and_click(url: str, clicks: int) -> dict:
    """One visitor: open the page, click as fast as answers come, leave."""
    started = time.monotonic()
    visitor = Visitor(url).open()
    ready = time.monotonic() - started
    button, box, who = counter(visitor)
    me = visitor.wait_for(lambda: visitor.value(who))
    trips, seen = [], {me}
    for i in range(1, clicks + 1):
        sent = time.monotonic()
        visitor.click(button)
        visitor.wait_for(lambda: visitor.value(box) == str(i))
        trips.append(time.monotonic() - sent)
        seen.add(visitor.value(who))
    count = visitor.value(box)
    visitor.leave()
    return {"id": me, "seen": seen, "count": count, "trips": trips, "ready": ready}


def test_visitors_at_once_lose_no_click_and_never_cross(served) -> None:
    server, log = served
    with ThreadPoolExecutor(VISITORS) as pool:
        results = list(pool.map(lambda _: visit_and_click(server.url, CLICKS), range(VISITORS)))
    assert [r["count"] for r in results] == [str(CLICKS)] * VISITORS  # every click counted, none lost
    assert all(r["seen"] == {r["id"]} for r in results)  # a page only ever heard of its own session
    assert len({r["id"] for r in results}) == VISITORS  # a session per page
    trips = sorted(t for r in results for t in r["trips"])
    p50, p99 = trips[len(trips) // 2], trips[int(len(trips) * 0.99)]
    ready = statistics.median(r["ready"] for r in results)
    record_figure("one_process_20x20_round_trip_ms", f"p50 {p50 * 1e3:.0f}, p99 {p99 * 1e3:.0f}; page ready median {ready:.2f} s")
    # Each page closed with the beacon a browser sends: every session is freed, its State too.
    assert wait_until(lambda: {r["id"] for r in results} <= set(freed(log))), "not every session was freed"
    assert wait_until(lambda: kernels(server.url) == 0) is True


def rss(server: Server) -> int:
    return psutil.Process(server.process.pid).memory_info().rss


def forty_pages(server: Server) -> int:
    """Open 40 pages at once, click once in each, close them all; the RSS while they were open."""
    visitors = [Visitor(server.url).open() for _ in range(40)]
    held = rss(server)
    for visitor in visitors:
        clicks_count(visitor, 1)
    for visitor in visitors:
        visitor.leave()
    assert wait_until(lambda: kernels(server.url) == 0) is True
    time.sleep(1)
    return held


def test_memory_comes_back_after_visitors_leave(served) -> None:
    server, _ = served
    # Warm up with as many pages as are measured: the first pages import and cache what every
    # page needs, and the allocator keeps the arenas of its highest use (not a leak).
    idle = rss(server)
    held = forty_pages(server)
    before = rss(server)
    for _ in range(2):
        forty_pages(server)
    after = rss(server)
    record_figure(
        "one_process_memory_40_visitors",
        f"{idle / 2**20:.1f} MiB idle, {held / 2**20:.1f} MiB with 40 pages open "
        f"({(held - idle) / 40 / 2**20:.2f} MiB per page); after 80 more came and went "
        f"{before / 2**20:.1f} -> {after / 2**20:.1f} MiB",
    )
    assert after <= before * 1.05, f"memory did not come back: {before / 2**20:.1f} MiB -> {after / 2**20:.1f} MiB"


def test_a_visitor_leaving_mid_event_harms_no_one(served) -> None:
    server, log = served
    with Visitor(server.url) as stays:
        leaving = Visitor(server.url).open()
        slow = leaving.find("ButtonModel", description="Slow")
        _, _, who = counter(leaving)
        gone = leaving.wait_for(lambda: leaving.value(who))
        leaving.click(slow)
        leaving.drop()  # the network is lost while its event runs: no beacon, no goodbye
        clicks_count(stays, 5)
        # the vanished page's session is culled once its grace period is over
        assert wait_until(lambda: gone in freed(log)), "the vanished visitor's session was not freed"
    assert wait_until(lambda: kernels(server.url) == 0) is True


def _frame(kind: str) -> str | bytes:
    if kind == "not_json":
        return "{not json"
    if kind == "no_channel":
        return '{"header": {"msg_type": "comm_msg"}, "content": {"comm_id": "x", "data": {}}}'
    if kind == "bad_binary":
        return struct.pack("!i", 3) + struct.pack("!III", 40, 8, 9999) + b"{}"
    if kind == "oversized":
        return b"x" * (17 * 1024 * 1024)
    raise ValueError(kind)


@pytest.mark.parametrize("kind", ["not_json", "no_channel", "bad_binary", "oversized"])
def test_a_malformed_message_closes_only_its_page(served, kind: str) -> None:
    server, log = served
    with Visitor(server.url) as other:
        bad = Visitor(server.url).open()
        _, _, who = counter(bad)
        bad_id = bad.wait_for(lambda: bad.value(who))
        bad.send_raw(_frame(kind))
        assert wait_until(lambda: bad.closed, timeout=60), "the page that sent it was not closed"
        assert bad.close_code == (1009 if kind == "oversized" else 1008), (bad.close_code, bad.close_reason)
        clicks_count(other, 3)
        assert wait_until(lambda: bad_id in freed(log)), "the closed page's session was not freed"
    assert wait_until(lambda: kernels(server.url) == 0) is True


def test_no_visitor_reaches_another_visitors_comms(served) -> None:
    """A page that sends messages to the comm ids of another page's widgets (which it could
    only guess: ids are random) changes nothing there: each page's comms are its own."""
    server, _ = served
    with Visitor(server.url) as victim, Visitor(server.url) as attacker:
        button, box, _ = counter(victim)
        for _ in range(3):
            attacker.click(button)  # the victim's Increment, by its comm id
        attacker.send("comm_msg", {"comm_id": box, "data": {"method": "update", "state": {"value": "hacked"}, "buffer_paths": []}})
        own_button, own_box, _ = counter(attacker)
        attacker.click(own_button)
        attacker.wait_for(lambda: attacker.value(own_box) == "1")  # its page still works, all it sent was taken
        victim.click(button)
        victim.settle()
        assert victim.value(box) == "1"  # only the victim's own click counted


@pytest.mark.parametrize(
    "path",
    [
        "/counted_sessions.py",
        "/static/public/../../counted_sessions.py",
        "/static/public/..%2F..%2Fcounted_sessions.py",
        "/_solara/cdn/..%2F..%2F..%2F..%2Fetc%2Fpasswd",
        "/static/..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd",
        "/jupyter/nbextensions/..%2F..%2F..%2Fetc%2Fpasswd",
    ],
)
def test_no_request_reaches_the_servers_files(served, path: str) -> None:
    """The app's script and the machine's files are not served, however the path is spelled:
    what is not a page file is the app's page again, or not found."""
    import urllib.error
    import urllib.request

    server, _ = served
    try:
        with urllib.request.urlopen(server.url + path, timeout=10) as answer:
            body = answer.read().decode(errors="replace")
    except urllib.error.HTTPError as refused:
        assert refused.code in (400, 403, 404), refused.code
        return
    assert "delete_callback=freed" not in body and "root:x:0:0" not in body


def test_served_connections_have_nagles_algorithm_off() -> None:
    """The one-process server's connections set TCP_NODELAY (asyncio does, for a socket that
    says it is TCP): with Nagle's algorithm on, a click's answer waits ~50 ms for an ACK."""
    import asyncio

    from gradio_nb.serve import listening_socket

    async def accept_one() -> int:
        seen: asyncio.Future[int] = asyncio.get_running_loop().create_future()

        class Probe(asyncio.Protocol):
            def connection_made(self, transport: asyncio.BaseTransport) -> None:
                sock = transport.get_extra_info("socket")
                seen.set_result(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
                transport.close()

        listener = listening_socket("127.0.0.1", free_port())
        server = await asyncio.get_running_loop().create_server(Probe, sock=listener)
        _, writer = await asyncio.open_connection(*listener.getsockname()[:2])
        try:
            return await asyncio.wait_for(seen, 10)
        finally:
            writer.close()
            server.close()

    assert asyncio.run(accept_one()) != 0
