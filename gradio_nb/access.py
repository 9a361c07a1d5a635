"""Who may reach a served app: the origin check, the login, and the signed login cookie.

Independent of any web framework: :mod:`gradio_nb.access_guard` applies it to one-process
serving (ASGI) and :mod:`gradio_nb.voila_access` to a kernel per visitor (tornado).

- **Origin.** A browser names the page that sends a request in its ``Origin`` header. A
  websocket or a state-changing request (any method but GET, HEAD, OPTIONS) whose origin is
  not the app's own is refused before anything is made (cross-site websocket hijacking and
  CSRF). The app's own origin is the ``Host`` the request was sent to; loopback names
  (``localhost``, ``127.0.0.1``, ``[::1]``) on the same port are one server. ``strict_cors=False``
  also lets in ``null`` (a local file embedding the app), as Gradio does. A request with no
  ``Origin`` is not from a page in a browser (browsers send it on these requests), so it
  cannot be a cross-site one; the login still applies to it.
- **Login** (``launch(auth=...)``): as Gradio checks it (a tuple, a list of them, or a sync or
  async callable), then a cookie signed with the server's secret (HMAC, itsdangerous) naming
  the user and a random token. Logging out forgets every token of that user (Gradio's
  ``/logout``). Failed logins slow down per client (:class:`LoginThrottle`).
- ``auth_dependency``: a function of the request that returns the user or ``None`` (refused).
"""

from __future__ import annotations

import hmac
import json
import inspect
import ipaddress
import math
import re
import secrets
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from itsdangerous import BadSignature, URLSafeTimedSerializer

from .event_data import USER_HEADER
from .launch_options import Auth, LaunchOptions
from .login_page import login_page

__all__ = [
    "LOGIN_COOKIE", "USER_HEADER", "Answer", "Login", "LoginRoutes", "LoginThrottle", "OriginPolicy", "parse_form",
    "retry_after",
]  # fmt: skip

#: The login cookie's name. A cookie, not a header: the page's websocket carries it.
LOGIN_COOKIE = "gradio-nb-login"
#: How long a login lasts (Gradio's tokens last as long as the server; a week is kinder to
#: a shared machine).
LOGIN_SECONDS = 7 * 24 * 3600
#: Methods that change nothing, to which the origin check does not apply.
SAFE_METHODS = frozenset(("GET", "HEAD", "OPTIONS"))
_LOOPBACK = frozenset(("localhost", "127.0.0.1", "::1", "0.0.0.0"))
_DEFAULT_PORTS = {"http": 80, "https": 443, "ws": 80, "wss": 443}


# -- origin ------------------------------------------------------------------------------------
def _host_port(netloc: str, scheme: str) -> tuple[str, int | None]:
    """``(host, port)`` of ``netloc`` ("Host: a:1" or an origin's), lower case, the scheme's
    default port filled in; ``("", None)`` if it cannot be parsed."""
    try:
        parts = urlsplit(f"{scheme}://{netloc}")
        host, port = (parts.hostname or "").lower(), parts.port
    except ValueError:
        return "", None
    return host, port if port is not None else _DEFAULT_PORTS.get(scheme)


@dataclass(frozen=True)
class OriginPolicy:
    """Which ``Origin`` may send a websocket or a state-changing request, and which ``Host``
    names the server answers to.

    ``allowed`` names more origins (``"https://school.example"``), for an app embedded in
    another site; ``strict_cors=False`` lets in ``null`` too, as in Gradio. ``hosts``, when
    not empty, are the only names the server answers to: a server bound to loopback answers
    to loopback names (and the allowed origins' hosts) only, so that a site whose name an
    attacker points at 127.0.0.1 (DNS rebinding) is not the app's own origin."""

    strict_cors: bool = True
    allowed: frozenset[str] = frozenset()
    hosts: frozenset[str] = frozenset()

    def allows_host(self, host: str | None) -> bool:
        """Whether the server answers a request sent to ``host`` (its ``Host`` header)."""
        if not self.hosts:
            return True
        return _host_port(host or "", "http")[0] in self.hosts

    def allows(self, origin: str | None, host: str | None) -> bool:
        """Whether a request sent to ``host`` (its ``Host`` header) by a page of ``origin``
        may go on."""
        if origin is None:
            return True  # not sent by a page in a browser: no cross-site request is possible
        origin = origin.strip()
        if origin.lower() == "null":
            return not self.strict_cors
        try:
            parts = urlsplit(origin)
        except ValueError:
            return False
        scheme = parts.scheme.lower()
        if scheme not in ("http", "https") or parts.path not in ("", "/") or parts.query or parts.username:
            return False
        if origin.rstrip("/").lower() in self.allowed:
            return True
        if not host:
            return False
        mine = _host_port(parts.netloc, scheme)
        served = _host_port(host, scheme)
        if not mine[0] or mine[1] is None:
            return False
        same_port = mine[1] == served[1]
        return same_port and (mine[0] == served[0] or (mine[0] in _LOOPBACK and served[0] in _LOOPBACK))

    @classmethod
    def of(cls, options: LaunchOptions, allowed: Sequence[str] = (), bound_to: str = "127.0.0.1") -> OriginPolicy:
        """The policy of an app's launch options, with ``allowed`` origins added, for a server
        listening on ``bound_to``."""
        origins = frozenset(o.rstrip("/").lower() for o in allowed)
        hosts: frozenset[str] = frozenset()
        if _is_loopback(bound_to):
            named = [*origins, *([options.root_path] if (options.root_path or "").startswith(("http://", "https://")) else [])]
            hosts = _LOOPBACK | {(urlsplit(o).hostname or "").lower() for o in named}
        return cls(options.strict_cors, origins, hosts)


def climbs(path: str) -> bool:
    """Whether a request path has a ``..`` segment, however it is spelled (``%2e%2e``, ``%2F``,
    a backslash, double encoding): no route of a served app needs one, and a file route that
    follows one leaks the machine's files (Gradio's CVE-2023-51449 and its kind)."""
    for _ in range(3):  # decoded up to three times: %252e%252e is %2e%2e is ..
        decoded = unquote(path)
        if decoded == path:
            break
        path = decoded
    return ".." in re.split(r"[/\\]", path)


def _is_loopback(address: str) -> bool:
    """Whether a server listening on ``address`` is reachable from this machine only."""
    if address.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(address.strip("[]")).is_loopback
    except ValueError:
        return False


# -- login -------------------------------------------------------------------------------------
def _credentials(auth: Auth) -> dict[str, str] | Callable[[str, str], Any]:
    """``auth`` as Gradio keeps it: a callable, or a ``{user: password}`` dict."""
    if callable(auth):
        return auth
    pairs = [auth] if isinstance(auth, tuple) else list(auth)
    if not all(isinstance(p, (tuple, list)) and len(p) == 2 for p in pairs):
        raise TypeError("launch(auth=...) expects a (username, password) tuple, a list of them, or a function.")
    return {str(user): str(password) for user, password in pairs}


@dataclass
class LoginThrottle:
    """Failed logins slowed down per client: after ``free`` failures, each further one makes
    the client wait twice as long as the last (from ``first_wait`` seconds up to
    ``longest_wait``) before it may try again. A success forgets the client's failures.
    Gradio has no such limit."""

    free: int = 5
    first_wait: float = 1.0
    longest_wait: float = 300.0
    clock: Callable[[], float] = time.monotonic
    _failures: dict[str, tuple[int, float]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def wait(self, client: str) -> float:
        """Seconds ``client`` must wait before it may try again (0: it may now)."""
        with self._lock:
            until = self._failures.get(client, (0, 0.0))[1]
        return max(0.0, until - self.clock())

    def failed(self, client: str) -> None:
        """Count a failed login of ``client``."""
        with self._lock:
            count = self._failures.get(client, (0, 0.0))[0] + 1
            over = count - self.free
            wait = 0.0 if over <= 0 else min(self.longest_wait, self.first_wait * 2 ** min(over - 1, 30))
            self._failures[client] = (count, self.clock() + wait)
            if len(self._failures) > 100_000:  # bounded: forget clients whose wait is over
                now = self.clock()
                self._failures = {c: v for c, v in self._failures.items() if v[1] > now}

    def succeeded(self, client: str) -> None:
        """Forget ``client``'s failures."""
        with self._lock:
            self._failures.pop(client, None)


class Login:
    """The login of a served app: checks credentials, makes and reads the signed cookie."""

    def __init__(self, options: LaunchOptions, secret: str, throttle: LoginThrottle | None = None) -> None:
        self.options = options
        self.message = options.auth_message
        self._check = _credentials(options.auth) if options.auth is not None else None
        self._dependency = options.auth_dependency
        self._signer = URLSafeTimedSerializer(secret, salt="gradio-nb-login")
        self._tokens: dict[str, str] = {}  # token -> user: a logout forgets them
        self._lock = threading.Lock()
        self.throttle = throttle or LoginThrottle()

    @property
    def uses_form(self) -> bool:
        """Whether visitors log in with the login page (``auth``), not ``auth_dependency``."""
        return self._check is not None

    async def verify(self, username: str, password: str) -> bool:
        """Whether ``username`` and ``password`` log in (Gradio's check: the name stripped,
        passwords compared in constant time, a callable awaited if it is async)."""
        username = username.strip()
        check = self._check
        if check is None:
            return False
        if callable(check):
            result = check(username, password)
            if inspect.isawaitable(result):
                result = await result
            return bool(result)
        known = check.get(username)
        # Compared even for an unknown name, so that the time taken does not tell names apart.
        matches = hmac.compare_digest(password.encode(), (known if known is not None else secrets.token_hex(16)).encode())
        return known is not None and matches

    def cookie_for(self, username: str) -> str:
        """The signed cookie value of a new login of ``username``."""
        token = secrets.token_urlsafe(16)
        with self._lock:
            self._tokens[token] = username
        return self._signer.dumps([username, token])

    def user_of_cookie(self, value: str | None) -> str | None:
        """The user a login cookie names, if its signature holds, it has not expired and its
        user has not logged out; else ``None``."""
        if not value:
            return None
        try:
            username, token = self._signer.loads(value, max_age=LOGIN_SECONDS)
        except (BadSignature, ValueError, TypeError):
            return None
        with self._lock:
            return username if self._tokens.get(token) == username else None

    def log_out(self, value: str | None) -> None:
        """Forget every login of the user the cookie names (Gradio's ``/logout``)."""
        username = self.user_of_cookie(value)
        if username is None:
            return
        with self._lock:
            self._tokens = {t: u for t, u in self._tokens.items() if u != username}

    async def user_of_request(self, request: Any, cookies: Mapping[str, str]) -> str | None:
        """Who sends ``request``: ``auth_dependency(request)`` if the app has one, else the
        user of its login cookie."""
        if self._dependency is not None:
            user = self._dependency(request)
            if inspect.isawaitable(user):
                user = await user
            return None if user is None else str(user)
        return self.user_of_cookie(cookies.get(LOGIN_COOKIE))


def retry_after(seconds: float) -> str:
    """``Retry-After``'s value for a wait of ``seconds``."""
    return str(max(1, math.ceil(seconds)))



# -- the login routes' answers, for either server --------------------------------------------
@dataclass(frozen=True)
class Answer:
    """An HTTP answer to send: status, headers, body."""

    status: int
    headers: list[tuple[str, str]]
    body: bytes = b""
    content_type: str = "text/plain"


@dataclass(frozen=True)
class LoginRoutes:
    """``/login`` and ``/logout`` of a served app, whichever server answers them.

    ``title`` and ``style`` draw the login page; ``session_cookies`` are the server's own
    session cookies, dropped at login and logout so that the next page gets new ones (nobody
    can fix a visitor's session before it logs in)."""

    login: Login | None
    title: str
    style: str
    session_cookies: tuple[str, ...] = ()

    def page(self, mode: str | None, failed: bool = False, status: int = 200) -> Answer:
        """The login page (``mode``: the ``?__theme=``)."""
        assert self.login is not None
        html = login_page(self.title, self.style, self.login.message, failed=failed, mode=mode)
        return Answer(status, [], html.encode(), "text/html; charset=utf-8")

    def get(self, root: str, mode: str | None) -> Answer:
        """``GET /login``: the page, or the app itself when it has no login form."""
        if self.login is None or not self.login.uses_form:
            return Answer(302, [("Location", f"{root}/")])
        return self.page(mode)

    async def post(self, form: Mapping[str, str] | None, client: str, html: bool, https: bool, root: str,
                   mode: str | None) -> Answer:  # fmt: skip
        """``POST /login`` of ``form`` (``None``: too large) from ``client``: a page (``html``)
        or Gradio's JSON answer; the login cookie on success."""
        login = self.login
        if login is None or not login.uses_form:
            return Answer(302, [("Location", f"{root}/")])
        wait = login.throttle.wait(client)
        if wait > 0:
            return _json(429, {"detail": "Too many failed logins: try again later."}, [("Retry-After", retry_after(wait))])
        if form is None:
            return _json(413, {"detail": "Login form too large."})
        username = form.get("username", "")
        if not await login.verify(username, form.get("password", "")):
            login.throttle.failed(client)
            return self.page(mode, failed=True, status=400) if html else _json(400, {"detail": "Incorrect credentials."})
        login.throttle.succeeded(client)
        secure = "; Secure" if https else ""
        cookie = f"{LOGIN_COOKIE}={login.cookie_for(username.strip())}; Path=/; HttpOnly; SameSite=Lax; Max-Age={LOGIN_SECONDS}{secure}"
        cookies = [("Set-Cookie", cookie), *self._dropped(())]
        return Answer(303, [("Location", f"{root}/"), *cookies]) if html else _json(200, {"success": True}, cookies)

    def logout(self, cookie: str | None, root: str) -> Answer:
        """``GET /logout``: forget every login of the cookie's user, drop the cookies, go home."""
        if self.login is not None:
            self.login.log_out(cookie)
        return Answer(302, [("Location", f"{root}/"), *self._dropped((LOGIN_COOKIE,))])

    def _dropped(self, names: tuple[str, ...]) -> list[tuple[str, str]]:
        return [("Set-Cookie", f"{name}=; Path=/; Max-Age=0") for name in (*names, *self.session_cookies)]

    def refused(self, status: int, detail: str) -> Answer:
        """A refusal, as Gradio words its JSON errors."""
        return _json(status, {"detail": detail})


def _json(status: int, content: Any, headers: list[tuple[str, str]] | None = None) -> Answer:
    return Answer(status, headers or [], json.dumps(content).encode(), "application/json")


def parse_form(body: bytes) -> dict[str, str]:
    """A urlencoded form's fields (the first value of each)."""
    return {k: v[0] for k, v in parse_qs(body.decode("utf-8", "replace")).items()}
