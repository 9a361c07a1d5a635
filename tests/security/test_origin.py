"""Cross-site requests to an app on localhost are refused: the origin and Host checks.

From Gradio's advisories GHSA-48cq-79qq-6f7x (CVE-2024-1727: a page of another site drove an
app on localhost), GHSA-3c67-5hwx-f6wx (CVE-2024-47084: the check skipped when a cookie was
sent), GHSA-89v2-pqfv-c5r9 (CVE-2024-47165: ``null`` let in), CVE-2025-5320 (the origin
comparison tricked), and cross-site websocket hijacking (issue 21: any site opened a session
and clicked). Browsers do not apply CORS to websockets: the server checks ``Origin`` on the
handshake, before any session is made. DNS rebinding (a site whose name is pointed at
127.0.0.1) is refused by the Host check of a server bound to loopback.
"""

from __future__ import annotations

import pytest

from gradio_nb.origins import OriginPolicy
from gradio_nb.launch_options import LaunchOptions

from .probes import channels_path, handshake, serve
from visitors import Visitor

HOST = "127.0.0.1:7860"
NEW_KERNEL = "5f1c3c4e-1111-4222-8333-944455556666"

#: (Origin header, allowed?) for a page served from 127.0.0.1:7860 with the defaults.
CASES = [
    (None, True),  # not a browser page: cannot be cross-site (the login still applies)
    ("http://127.0.0.1:7860", True),
    ("http://localhost:7860", True),  # one server, two loopback names
    ("http://[::1]:7860", True),
    ("HTTP://127.0.0.1:7860", True),  # origins compare case-insensitively
    ("http://127.0.0.1:7860/", True),
    ("null", False),  # sandboxed iframes, data: and file: pages
    ("http://127.0.0.1:7861", False),  # another port is another app (a Jupyter server, say)
    ("http://localhost:8888", False),
    ("http://127.0.0.1.evil.example:7860", False),
    ("http://evil.example:7860", False),
    ("http://evil.example", False),
    ("https://127.0.0.1:7860.evil.example", False),
    ("http://127.0.0.1:7860@evil.example", False),  # userinfo trick: the host is evil.example
    ("http://evil.example/http://127.0.0.1:7860", False),
    ("ws://127.0.0.1:7860", False),
    ("file://", False),
    ("", False),
    ("http://127.0.0.1:7860 http://evil.example", False),
]


@pytest.mark.parametrize(("origin", "allowed"), CASES)
def test_origin_policy_default(origin: str | None, allowed: bool) -> None:
    assert OriginPolicy.of(LaunchOptions()).allows(origin, HOST) is allowed


def test_strict_cors_false_lets_null_in_and_nothing_else() -> None:
    loose = OriginPolicy.of(LaunchOptions(strict_cors=False))
    assert loose.allows("null", HOST)
    assert not loose.allows("http://evil.example", HOST)
    assert not loose.allows("http://127.0.0.1:7861", HOST)


def test_allowed_origins_are_exact() -> None:
    policy = OriginPolicy.of(LaunchOptions(), ["https://school.example"])
    assert policy.allows("https://school.example", HOST)
    assert policy.allows("HTTPS://SCHOOL.EXAMPLE/", HOST)
    assert not policy.allows("http://school.example", HOST)  # another scheme is another origin
    assert not policy.allows("https://school.example.evil.example", HOST)
    assert not policy.allows("https://evil.school.example", HOST)


def test_a_server_on_loopback_answers_to_loopback_names_only() -> None:
    """DNS rebinding: evil.example resolves to 127.0.0.1, its page and the app then share an
    origin (evil.example:7860); the Host header gives it away."""
    policy = OriginPolicy.of(LaunchOptions(), ["https://school.example"], bound_to="127.0.0.1")
    assert policy.allows_host("127.0.0.1:7860") and policy.allows_host("localhost:7860") and policy.allows_host("[::1]:7860")
    assert policy.allows_host("school.example")
    assert not policy.allows_host("evil.example:7860")
    assert not policy.allows_host("127.0.0.1.evil.example:7860")
    assert not policy.allows_host(None)
    on_network = OriginPolicy.of(LaunchOptions(), bound_to="0.0.0.0")
    assert on_network.allows_host("app.school.example")  # reached by name on the network


def test_root_path_url_names_the_public_host() -> None:
    policy = OriginPolicy.of(LaunchOptions(root_path="https://apps.school.example/counter"))
    assert policy.allows_host("apps.school.example")


# -- both serving modes -------------------------------------------------------------------------
def test_another_site_cannot_open_a_session(open_server) -> None:
    """Issue 21's attack: a websocket from evil.example, with and without the visitor's cookies,
    is refused (403) before any session is made; the app's own page gets in."""
    url = open_server.url
    visitor = Visitor(url)
    visitor.request("/")  # the page sets its cookies, as a browser's visit does
    path = channels_path(open_server, NEW_KERNEL)
    assert handshake(url, path, {"Origin": "http://evil.example"}) == 403
    # CVE-2024-47084: a request carrying the visitor's cookies is checked the same way.
    assert handshake(url, path, {"Origin": "http://evil.example", "Cookie": visitor.cookie_header()}) == 403
    assert handshake(url, path, {"Origin": "null", "Cookie": visitor.cookie_header()}) == 403
    assert handshake(url, path, {"Origin": url.replace("127.0.0.1", "127.0.0.1.evil.example")}) == 403
    port = int(url.rsplit(":", 1)[1])
    assert handshake(url, path, {"Origin": f"http://127.0.0.1:{port + 1}"}) == 403
    # The app's own page, under another loopback name and in capitals, passes the origin check.
    assert handshake(url, path, {"Origin": f"HTTP://LOCALHOST:{port}", "Cookie": visitor.cookie_header()}) != 403


def test_the_apps_own_page_gets_in_and_clicks(open_server) -> None:
    if open_server.mode != "one-process":
        pytest.skip("the simulated visitor speaks the one-process page's protocol")
    with Visitor(open_server.url) as visitor:
        button, box = visitor.find("ButtonModel", description="Increment"), visitor.find_field("Current Count")
        visitor.click(button)
        visitor.wait_for(lambda: visitor.value(box) == "Count: 1")


def test_evil_page_cannot_click(open_server) -> None:
    """The whole of issue 21's first attack, as the simulated visitor does it: refused."""
    if open_server.mode != "one-process":
        pytest.skip("the simulated visitor speaks the one-process page's protocol")
    evil = Visitor(open_server.url, origin="http://evil.example")
    with pytest.raises(Exception, match="403"):
        evil.connect(timeout=30)


def test_dns_rebinding_is_refused(open_server) -> None:
    url = open_server.url
    port = url.rsplit(":", 1)[1]
    rebound = {"Host": f"evil.example:{port}", "Origin": f"http://evil.example:{port}"}
    assert handshake(url, channels_path(open_server, NEW_KERNEL), rebound) == 403
    status, _, body = Visitor(url).request("/", headers={"Host": f"evil.example:{port}"})
    assert status == 403 and b"Count" not in body


def test_state_changing_requests_from_another_site_are_refused(open_server) -> None:
    """A POST (the close beacon, the login form) from another origin: 403, whatever it names."""
    evil = Visitor(open_server.url, origin="http://evil.example")
    beacon = "/_solara/api/close/x?session_id=y" if open_server.mode == "one-process" else f"/voila/api/shutdown/{NEW_KERNEL}"
    assert evil.request(beacon, data={})[0] == 403
    assert evil.request("/login", {"username": "a", "password": "b"})[0] == 403


def test_null_origin_needs_strict_cors_off() -> None:
    """strict_cors=False (Gradio's switch for a local file embedding the app) lets ``null`` in."""
    server = serve("login_counter", "one-process", env={"GRADIO_NB_TEST_STRICT_CORS": "0"})
    try:
        visitor = Visitor(server.url, origin="null")
        assert visitor.login("teacher", "s3cret") == 200
        assert handshake(server.url, channels_path(server, NEW_KERNEL), {"Origin": "null", "Cookie": visitor.cookie_header()}) == 101
        assert handshake(server.url, channels_path(server, NEW_KERNEL), {"Origin": "http://evil.example", "Cookie": visitor.cookie_header()}) == 403
    finally:
        server.close()


def test_allowed_origin_from_the_command_line() -> None:
    server = serve("open_counter", "one-process", allowed_origins=["https://school.example"])
    try:
        path = channels_path(server, NEW_KERNEL)
        assert handshake(server.url, path, {"Origin": "https://school.example"}) == 101
        assert handshake(server.url, path, {"Origin": "https://evil.example"}) == 403
    finally:
        server.close()
