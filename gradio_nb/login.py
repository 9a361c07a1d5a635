"""The login of a served app (``launch(auth=...)``, ``auth_dependency``) and its routes.

Independent of any web framework: :mod:`gradio_nb.access_guard` answers ``/login`` and
``/logout`` in one-process serving (ASGI) and :mod:`gradio_nb.voila_server` with a kernel per
visitor (tornado), both through :class:`LoginRoutes`.

- Credentials are checked as Gradio checks them (a tuple, a list of them, or a sync or async
  callable; the name stripped, passwords compared in constant time), then a cookie signed
  with the server's secret (HMAC, itsdangerous) names the user and a random token. Logging
  out forgets every token of that user (Gradio's ``/logout``).
- ``auth_dependency``: a function of the request that returns the user or ``None`` (refused).
- Failed logins slow down per client (:class:`LoginThrottle`); Gradio has no limit.
"""

from __future__ import annotations

import hmac
import inspect
import json
import math
import secrets
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs

from itsdangerous import BadSignature, URLSafeTimedSerializer

from .launch_options import Auth, LaunchOptions
from .login_page import login_page

#: The login cookie's name. A cookie, not a header: the page's websocket carries it.
LOGIN_COOKIE = "gradio-nb-login"
#: How long a login lasts (Gradio's tokens last as long as the server; a week is kinder to
#: a shared machine).
LOGIN_SECONDS = 7 * 24 * 3600
#: A login form is small: a larger body is refused before it is all read.
MAX_FORM_BYTES = 16 * 1024
#: Logins kept before expired ones are forgotten (each is a few dozen bytes).
_TOKENS_KEPT = 10_000


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
        self.message = options.auth_message
        self._check = _credentials(options.auth) if options.auth is not None else None
        self._dependency = options.auth_dependency
        self._signer = URLSafeTimedSerializer(secret, salt="gradio-nb-login")
        self._tokens: dict[str, tuple[str, float]] = {}  # token -> (user, when): a logout forgets them
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
        now = time.time()
        with self._lock:
            if len(self._tokens) >= _TOKENS_KEPT:  # bounded: expired logins are forgotten
                self._tokens = {t: (u, at) for t, (u, at) in self._tokens.items() if now - at < LOGIN_SECONDS}
            self._tokens[token] = (username, now)
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
            return username if self._tokens.get(token, ("", 0.0))[0] == username else None

    def log_out(self, value: str | None) -> None:
        """Forget every login of the user the cookie names (Gradio's ``/logout``)."""
        username = self.user_of_cookie(value)
        if username is None:
            return
        with self._lock:
            self._tokens = {t: kept for t, kept in self._tokens.items() if kept[0] != username}

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
