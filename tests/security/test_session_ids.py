"""One page cannot close, read or drive another page's session, with or without its ids.

Issue 21's fifth point. In one process a page's session is a solara virtual kernel named by
two random UUIDs (the kernel's, the page's) that only the page knows; solara itself refuses a
websocket to a kernel made with another session cookie, and its close beacon (unauthenticated
in solara) is checked by gradio_nb's guard. With a kernel per visitor, any client that knew a
kernel's id could connect to it or shut it down (Jupyter's token is off in Voila); gradio_nb
ties each kernel to the page-owner cookie of the browser that opened its page.
"""

from __future__ import annotations

import pytest

from .probes import channels_path, handshake, serve, voila_kernel
from visitors import Visitor


def test_one_process_a_page_is_closed_only_by_its_own_visitor(open_server) -> None:
    if open_server.mode != "one-process":
        pytest.skip("test_kernel_per_visitor_pages_are_their_owners")
    with Visitor(open_server.url) as victim:
        button, box = victim.find("ButtonModel", description="Increment"), victim.find_field("Current Count")
        attacker = Visitor(open_server.url)
        attacker.request("/")  # a visitor of the app with a session cookie of their own
        # The victim's ids, as if they had leaked: the beacon is refused without the victim's cookie.
        assert attacker.close_beacon(victim.kernel_id, victim.page_id) == 403
        assert Visitor(open_server.url, origin=None).close_beacon(victim.kernel_id, victim.page_id) == 403
        # ... and a websocket to the victim's kernel with the attacker's cookie drives nothing.
        hijack = Visitor(open_server.url)
        hijack.kernel_id, hijack.page_id = victim.kernel_id, victim.page_id
        hijack.request("/")
        try:
            hijack.connect(timeout=10)
            hijacked = True
        except Exception:  # noqa: BLE001 - refused: solara closes it ("Session id mismatch"), or it never runs the app
            hijacked = False
        assert not hijacked
        victim.click(button)
        victim.wait_for(lambda: victim.value(box) == "Count: 1")  # the victim's page still works
        assert victim.close_beacon() == 200


def _kernel_per_visitor(server) -> None:
    victim = Visitor(server.url)
    kernel = voila_kernel(victim)
    own = {"Origin": server.url, "Cookie": victim.cookie_header()}
    attacker = Visitor(server.url)
    attacker.request("/", headers={"Accept": "text/html"}, timeout=90)  # the attacker's own page
    theirs = {"Origin": server.url, "Cookie": attacker.cookie_header()}
    path = channels_path(server, kernel)
    assert handshake(server.url, path, theirs) == 403
    assert handshake(server.url, path, {"Origin": server.url}) == 403
    assert attacker.request(f"/api/kernels/{kernel}")[0] == 403
    assert attacker.request(f"/api/kernels/{kernel}", method="DELETE", data={})[0] == 403
    assert attacker.request(f"/voila/api/shutdown/{kernel}", data={})[0] == 403
    assert handshake(server.url, path, own) == 101  # still alive, and its own page gets in


def test_kernel_per_visitor_pages_are_their_owners(open_server) -> None:
    if open_server.mode == "one-process":
        pytest.skip("test_one_process_a_page_is_closed_only_by_its_own_visitor")
    _kernel_per_visitor(open_server)


def test_login_does_not_open_other_peoples_pages() -> None:
    """Logged in as another user of the app, a visitor still cannot reach a page it did not open."""
    server = serve("login_counter", "kernel-per-visitor")
    try:
        teacher, student = Visitor(server.url), Visitor(server.url)
        assert teacher.login("teacher", "s3cret") == 200 and student.login("student", "pa55") == 200
        kernel = voila_kernel(teacher)
        path = channels_path(server, kernel)
        assert handshake(server.url, path, {"Origin": server.url, "Cookie": student.cookie_header()}) == 403
        assert handshake(server.url, path, {"Origin": server.url, "Cookie": teacher.cookie_header()}) == 101
    finally:
        server.close()
