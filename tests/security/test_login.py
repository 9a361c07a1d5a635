"""``launch(auth=...)`` closes the app to everyone who has not logged in, in both serving modes.

Issue 21's second attack (auth accepted and ignored) and Gradio's advisories on login:
GHSA-hmx6-r76c-85g9 (passwords compared in non-constant time; "apps are not rate-limited"),
GHSA-h3h8-3v2v-rg7m (CVE-2026-27167: a server secret in a readable cookie, signed with a fixed
key), PR #13687 (file routes served without the login check), GHSA-pfjf-5gxr-995x and
GHSA-vwgg-rgg9-xx9q (open redirects from /login and /logout), CVE-2026-134825 (a user
trusted from a header or Host). Gradio's own tests of /login and /logout (test_routes.py
test_post_login, test_logout) are followed for the answers' shapes.
"""

from __future__ import annotations

import asyncio
import base64
import json
import re
import urllib.parse

import pytest

from gradio_nb.login import LOGIN_COOKIE, Login, LoginThrottle
from gradio_nb.launch_options import LaunchOptions

from .probes import channels_path, handshake, serve, voila_kernel
from visitors import Visitor

NEW_KERNEL = "6a1c3c4e-1111-4222-8333-944455556666"


def logged_in(server, user: str = "teacher", password: str = "s3cret") -> Visitor:
    visitor = Visitor(server.url)
    assert visitor.login(user, password) == 200
    return visitor


def app_user(server, visitor: Visitor) -> str:
    """Who the app says is logged in (its "Logged in as" box, from gr.Request.username)."""
    if server.mode == "one-process":
        visitor.open()
        box = visitor.find_field("Logged in as")
        user = visitor.wait_for(lambda: visitor.value(box))
        visitor.leave()
        return user
    kernel = voila_kernel(visitor)
    raise AssertionError(f"not read in this mode (kernel {kernel}): the browser test reads it")


# -- the checks, without a server ---------------------------------------------------------------
def verify(auth, user: str, password: str) -> bool:
    return asyncio.run(Login(LaunchOptions(auth=auth), "secret").verify(user, password))


def test_auth_forms_as_in_gradio() -> None:
    assert verify(("a", "b"), "a", "b") and not verify(("a", "b"), "a", "c")
    assert verify([("a", "b"), ("c", "d")], "c", "d") and not verify([("a", "b"), ("c", "d")], "a", "d")
    assert verify(("a", "b"), "  a ", "b")  # the name is stripped, as Gradio does
    assert not verify(("a", "b"), "a", " b")  # the password is not
    assert verify(lambda u, p: u == p, "x", "x") and not verify(lambda u, p: u == p, "x", "y")

    async def check(user: str, password: str) -> bool:
        await asyncio.sleep(0)
        return password == "ok"

    assert verify(check, "anyone", "ok") and not verify(check, "anyone", "no")
    # Gradio's test_compare_passwords_securely: non-ASCII passwords compare as bytes.
    assert verify(("ü", "pässwörd🔑"), "ü", "pässwörd🔑") and not verify(("ü", "pässwörd🔑"), "ü", "passwörd🔑")
    with pytest.raises(TypeError, match="auth"):
        Login(LaunchOptions(auth=[("only-a-name",)]), "secret")  # type: ignore[list-item]


def test_passwords_compared_in_constant_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """GHSA-hmx6-r76c-85g9: the comparison is hmac.compare_digest, for known and unknown names."""
    import gradio_nb.login as access

    compared: list[tuple[bytes, bytes]] = []
    real = access.hmac.compare_digest
    monkeypatch.setattr(access.hmac, "compare_digest", lambda a, b: compared.append((a, b)) or real(a, b))
    assert verify(("a", "b"), "a", "b")
    assert not verify(("a", "b"), "nobody", "b")
    assert len(compared) == 2


def test_cookie_is_signed_and_holds_no_secret() -> None:
    """GHSA-h3h8-3v2v-rg7m: the cookie names the user and a random token, signed with the
    server's secret; a changed cookie, another server's cookie or a logged-out one is refused."""
    login = Login(LaunchOptions(auth=("teacher", "s3cret")), "the server's secret")
    cookie = login.cookie_for("teacher")
    payload = base64.urlsafe_b64decode(cookie.split(".")[0] + "==")
    assert "s3cret" not in payload.decode() and "secret" not in payload.decode()
    assert login.user_of_cookie(cookie) == "teacher"
    forged = base64.urlsafe_b64encode(json.dumps(["student", json.loads(payload)[1]]).encode()).decode().rstrip("=")
    assert login.user_of_cookie(".".join([forged, *cookie.split(".")[1:]])) is None
    assert Login(LaunchOptions(auth=("teacher", "s3cret")), "another secret").user_of_cookie(cookie) is None
    assert login.user_of_cookie(cookie[:-2] + ("AA" if not cookie.endswith("AA") else "BB")) is None
    assert login.user_of_cookie("") is None and login.user_of_cookie("garbage") is None
    other = login.cookie_for("teacher")
    login.log_out(cookie)
    assert login.user_of_cookie(cookie) is None and login.user_of_cookie(other) is None  # every session of the user


def test_a_login_lasts_a_week(monkeypatch: pytest.MonkeyPatch) -> None:
    import itsdangerous.timed

    login = Login(LaunchOptions(auth=("teacher", "s3cret")), "secret")
    cookie = login.cookie_for("teacher")
    now = itsdangerous.timed.time.time()
    monkeypatch.setattr(itsdangerous.timed.time, "time", lambda: now + 6.9 * 24 * 3600)
    assert login.user_of_cookie(cookie) == "teacher"
    monkeypatch.setattr(itsdangerous.timed.time, "time", lambda: now + 7.1 * 24 * 3600)
    assert login.user_of_cookie(cookie) is None


def test_throttle_doubles_the_wait_per_client() -> None:
    now = [0.0]
    throttle = LoginThrottle(free=3, first_wait=1.0, longest_wait=8.0, clock=lambda: now[0])
    for _ in range(3):
        assert throttle.wait("a") == 0
        throttle.failed("a")
    assert throttle.wait("a") == 0  # three free tries
    waits = []
    for _ in range(5):
        throttle.failed("a")
        waits.append(throttle.wait("a"))
    assert waits == [1.0, 2.0, 4.0, 8.0, 8.0]
    assert throttle.wait("b") == 0  # per client
    now[0] += 8
    assert throttle.wait("a") == 0
    throttle.succeeded("a")
    throttle.failed("a")
    assert throttle.wait("a") == 0  # a success forgets


# -- both serving modes -------------------------------------------------------------------------
def test_wrong_password_refused_right_one_accepted(login_server) -> None:
    visitor = Visitor(login_server.url)
    status, _, body = visitor.request("/login", {"username": "teacher", "password": "wrong"})
    assert status == 400 and json.loads(body) == {"detail": "Incorrect credentials."}
    assert visitor.request("/login", {"username": "nobody", "password": "s3cret"})[0] == 400
    status, headers, body = visitor.request("/login", {"username": " teacher ", "password": "s3cret"})
    assert status == 200 and json.loads(body) == {"success": True}
    cookie = next(c for c in headers.get_all("Set-Cookie") if c.startswith(LOGIN_COOKIE))
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Path=/" in cookie


def test_login_form_in_a_browser_redirects_home(login_server) -> None:
    visitor = Visitor(login_server.url)
    status, headers, body = visitor.request("/login", {"username": "teacher", "password": "wrong"}, headers={"Accept": "text/html"})
    assert status == 400 and b"Incorrect Credentials" in body and b'name="password"' in body
    status, headers, _ = visitor.request("/login", {"username": "teacher", "password": "s3cret"}, headers={"Accept": "text/html"})
    assert status == 303 and headers["Location"] == "/"


def test_login_page_shows_auth_message_light_and_dark(login_server) -> None:
    status, _, page = Visitor(login_server.url).request("/login")
    assert status == 200 and b"<p>Class members only.</p>" in page and b"<title>Class counter</title>" in page
    assert b"prefers-color-scheme: dark" in page
    dark = Visitor(login_server.url).request("/login?__theme=dark")[2]
    assert b'data-theme="dark"' in dark


def test_nothing_is_reachable_without_login(login_server) -> None:
    """The page, its websocket, every file and asset route the page loads, the API routes and
    the close beacon: none answers a visitor who has not logged in (and each answers one who has)."""
    url = login_server.url
    stranger = Visitor(url)
    status, headers, _ = stranger.request("/", headers={"Accept": "text/html"})
    assert status == 303 and headers["Location"] == "/login"
    assert stranger.request("/")[0] == 401
    member = logged_in(login_server)
    status, _, page = member.request("/", headers={"Accept": "text/html"}, timeout=90)
    assert status == 200
    assets = sorted({urllib.parse.urlsplit(u).path for u in re.findall(rb'(?:src|href)="(/[^"]+)"', page) for u in [u.decode()]})
    assert len(assets) >= 3, assets
    for path in assets:
        assert member.request(path)[0] == 200, path
        assert stranger.request(path)[0] in (401, 403), path
    if login_server.mode == "one-process":
        routes = ["/resourcez", "/readyz", "/jupyter/api/kernels/x", "/static/public/x", "/_solara/cdn/requirejs@2.3.6/require.js"]
        posts = ["/_solara/api/close/x?session_id=y"]
    else:
        kernel = voila_kernel(member)
        routes = [f"/api/kernels/{kernel}", "/voila/static/x", "/voila/files/x.png", "/voila/api/themes/x", "/voila/labextensions/x"]
        posts = [f"/voila/api/shutdown/{kernel}"]
    for path in routes:
        assert stranger.request(path)[0] in (401, 403), path
    for path in posts:
        assert stranger.request(path, data={})[0] in (401, 403), path
    assert handshake(url, channels_path(login_server, NEW_KERNEL), {"Origin": url}) == 403


def test_forged_or_stale_cookies_are_refused(login_server) -> None:
    url = login_server.url
    member = logged_in(login_server)
    cookie = member.cookie_header()
    value = re.search(rf"{LOGIN_COOKIE}=([^;]+)", cookie).group(1)  # type: ignore[union-attr]
    path = channels_path(login_server, NEW_KERNEL)
    payload, signature = value.rsplit(".", 1)
    # The signature's first character: its last one may carry only padding bits, which
    # base64 decoding ignores, so changing it does not always change the signature.
    tampered = f"{payload}.{'B' if signature[0] == 'A' else 'A'}{signature[1:]}"
    for forged in (tampered, "", "teacher", value.split(".")[0]):
        assert handshake(url, path, {"Origin": url, "Cookie": f"{LOGIN_COOKIE}={forged}"}) == 403
    other = logged_in(login_server)
    assert other.request("/logout")[0] == 302
    # Logging out forgets every login of the user (Gradio's all_session): the first one too.
    assert handshake(url, path, {"Origin": url, "Cookie": cookie}) == 403
    assert member.request("/", headers={"Accept": "text/html"})[0] == 303


def test_a_user_header_sent_by_a_visitor_is_ignored(login_server) -> None:
    """Only the server names the user (CVE-2026-134825's lesson): the header it sets, sent by
    a visitor, neither logs in nor changes who is logged in."""
    url = login_server.url
    spoof = {"X-Gradio-NB-User": "teacher"}
    assert Visitor(url, headers=spoof).request("/")[0] == 401
    assert handshake(url, channels_path(login_server, NEW_KERNEL), {"Origin": url, **spoof}) == 403
    if login_server.mode != "one-process":
        pytest.skip("the browser test reads the user in the kernel-per-visitor page")
    student = Visitor(url, headers=spoof)
    assert student.login("student", "pa55") == 200
    assert app_user(login_server, student) == "student"


def test_request_username_is_the_logged_in_user(login_server) -> None:
    if login_server.mode != "one-process":
        pytest.skip("the browser test (tests/browser/test_login_pages.py) reads it in this mode")
    assert app_user(login_server, logged_in(login_server, "student", "pa55")) == "student"
    assert app_user(login_server, logged_in(login_server)) == "teacher"


def test_no_open_redirect(login_server) -> None:
    """GHSA-pfjf-5gxr-995x, GHSA-vwgg-rgg9-xx9q: /login and /logout take no target; they go home."""
    visitor = Visitor(login_server.url)
    for query in ("?next=https://evil.example", "?_target_url=////evil.example", "?_target_url=/%5Cevil.example"):
        status, headers, _ = visitor.request("/logout" + query)
        assert status == 302 and headers["Location"] == "/"
        status, headers, _ = visitor.request("/login" + query, {"username": "teacher", "password": "s3cret"},
                                             headers={"Accept": "text/html"})  # fmt: skip
        assert status == 303 and headers["Location"] == "/"


def test_login_renews_the_session_cookies(login_server) -> None:
    """Session fixation: a session cookie chosen before the login (by someone else) is dropped
    at login, so the page makes a new one; the login cookie itself is always new."""
    visitor = Visitor(login_server.url)
    fixed = {"one-process": "solara-session-id", "kernel-per-visitor": "gradio-nb-page-owner"}[login_server.mode]
    status, headers, _ = visitor.request("/login", {"username": "teacher", "password": "s3cret"},
                                         headers={"Cookie": f"{fixed}=chosen-by-the-attacker"})  # fmt: skip
    assert status == 200
    cookies = headers.get_all("Set-Cookie")
    assert any(c.startswith(f"{fixed}=;") and "Max-Age=0" in c for c in cookies), cookies
    assert any(c.startswith(f"{LOGIN_COOKIE}=") and "chosen" not in c for c in cookies)


@pytest.mark.parametrize("mode", ["one-process", "kernel-per-visitor"])
def test_failed_logins_slow_down(mode: str) -> None:
    """Gradio has no limit: here the sixth failed try in a row makes the client wait, the right
    password included, with Retry-After saying how long."""
    server = serve("login_counter", mode)
    try:
        visitor = Visitor(server.url)
        for _ in range(5):
            assert visitor.login("teacher", "guess") == 400
        assert visitor.login("teacher", "guess") == 400  # the sixth failure starts the wait
        status, headers, _ = visitor.request("/login", {"username": "teacher", "password": "s3cret"})
        assert status == 429 and int(headers["Retry-After"]) >= 1
    finally:
        server.close()


def test_auth_dependency_sync_or_async() -> None:
    async def async_user(request) -> str | None:
        await asyncio.sleep(0)
        return request.headers.get("x-remote-user")

    for dependency in (lambda request: request.headers.get("x-remote-user"), async_user):
        login = Login(LaunchOptions(auth_dependency=dependency), "secret")
        ada = type("Request", (), {"headers": {"x-remote-user": "ada"}})()
        nobody = type("Request", (), {"headers": {}})()
        assert asyncio.run(login.user_of_request(ada, {})) == "ada"
        assert asyncio.run(login.user_of_request(nobody, {LOGIN_COOKIE: login.cookie_for("x")})) is None


@pytest.mark.parametrize(("mode", "flavour"), [("one-process", "sync"), ("kernel-per-visitor", "async")])
def test_auth_dependency(mode: str, flavour: str) -> None:
    """auth_dependency(request) -> user | None, as Gradio: None is refused (401), a user gets in
    (the login cookie counts for nothing then)."""
    server = serve("proxy_login", mode, env={"GRADIO_NB_TEST_ASYNC": "1"} if flavour == "async" else {})
    try:
        stranger = Visitor(server.url)
        assert stranger.request("/", headers={"Accept": "text/html"})[0] == 401
        assert handshake(server.url, channels_path(server, NEW_KERNEL), {"Origin": server.url}) == 403
        member = Visitor(server.url, headers={"X-Remote-User": "ada"})
        assert member.request("/", headers={"Accept": "text/html"}, timeout=90)[0] == 200
        assert member.request("/login")[0] == 302  # no login form: the proxy logs people in
        if mode == "one-process":
            member.open()
            box = member.find_field("Logged in as")
            assert member.wait_for(lambda: member.value(box)) == "ada"
            member.leave()
    finally:
        server.close()
