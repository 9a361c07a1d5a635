"""Who may reach an app served in one process: an ASGI middleware in front of solara-server.

Every request passes :class:`AccessGuard` before it reaches solara (see :mod:`gradio_nb.origins`
and :mod:`gradio_nb.login` for the rules):

1. the header naming the logged-in user is removed, whoever sent it, and a path climbing
   out with ``..`` (however encoded) gets 404;
2. a request to a name the server does not answer to (DNS rebinding), and a websocket or a
   state-changing request from another origin, are refused (403) before a session is made;
3. ``/login`` (the form, and its POST) and ``/logout`` are answered here;
4. with ``auth=`` or ``auth_dependency=``, anything else needs a login: a page is sent to the
   login page, a websocket is refused (403), any other request gets 401. A logged-in
   request goes on with the user named in :data:`~gradio_nb.event_data.USER_HEADER`;
5. the close beacon closes a page only for the visitor whose page it is (``owns_page``).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qsl, quote

from starlette.requests import HTTPConnection, Request

from .event_data import USER_HEADER
from .login import LOGIN_COOKIE, MAX_FORM_BYTES, Answer, LoginRoutes, parse_form
from .origins import OriginPolicy

Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

_CLOSE_BEACON = "/_solara/api/close/"


def cookies_of(header: str | None) -> dict[str, str]:
    """The cookies of a ``Cookie`` header (none if it is malformed)."""
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(header or "")
    except Exception:  # noqa: BLE001 - a malformed cookie header is no cookie
        return {}
    return {key: morsel.value for key, morsel in jar.items()}


def _header(headers: list[tuple[bytes, bytes]], name: bytes) -> str | None:
    for key, value in headers:
        if key == name:
            return value.decode("latin-1")
    return None


class AccessGuard:
    """ASGI middleware: the origin check, the login and the close beacon's owner check.

    ``routes`` answers ``/login`` and ``/logout`` (its ``login`` is ``None`` for an app
    without ``auth``/``auth_dependency``); ``owns_page(kernel, page, cookies)`` says whether
    the visitor with ``cookies`` opened that page."""

    def __init__(
        self,
        app: ASGIApp,
        origins: OriginPolicy,
        routes: LoginRoutes,
        owns_page: Callable[[str, str, Mapping[str, str]], bool],
    ) -> None:
        self.app = app
        self.origins = origins
        self.routes = routes
        self.owns_page = owns_page

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Serve one ASGI connection."""
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        headers = [(k, v) for k, v in scope["headers"] if k != USER_HEADER.encode()]
        scope = {**scope, "headers": headers}
        root = scope.get("root_path", "").rstrip("/")
        path = scope["path"][len(root):] if root and scope["path"].startswith(root) else scope["path"]
        websocket = scope["type"] == "websocket"
        raw_path = scope.get("raw_path", b"").decode("latin-1") or scope["path"]  # as sent: %2e%2e too
        method = "GET" if websocket else scope["method"]
        refused = self.origins.refusal(raw_path, method, websocket, _header(headers, b"host"), _header(headers, b"origin"))
        if refused is not None:
            await self._refuse(scope, receive, send, *refused)
            return
        query = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1")))
        cookies = cookies_of(_header(headers, b"cookie"))
        if not websocket and path in ("/login", "/login/"):
            await self._login(scope, receive, send, root, query.get("__theme"))
            return
        if not websocket and path in ("/logout", "/logout/"):
            await _send(send, self.routes.logout(cookies.get(LOGIN_COOKIE), root))
            return
        login = self.routes.login
        if login is not None:
            # auth_dependency gets a Request, as in Gradio (a websocket's: its handshake's).
            connection = Request(scope) if not websocket else HTTPConnection(scope)
            user = await login.user_of_request(connection, cookies)
            if user is None:
                accept = _header(headers, b"accept") or ""
                if not websocket and scope["method"] == "GET" and "text/html" in accept and login.uses_form:
                    await _send(send, Answer(303, [("Location", f"{root}/login")]))
                else:
                    await self._refuse(scope, receive, send, 403 if websocket else 401, "Not authenticated.")
                return
            # A new list: starlette's connection object may have replaced the scope's own.
            named = (USER_HEADER.encode(), quote(user).encode())  # percent-encoded: headers are Latin-1
            scope = {**scope, "headers": [*scope["headers"], named]}
        if path.startswith(_CLOSE_BEACON) and not self.owns_page(path[len(_CLOSE_BEACON):].strip("/"), query.get("session_id", ""), cookies):
            await self._refuse(scope, receive, send, 403, "Not your page.")
            return
        await self.app(scope, receive, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send, status: int, reason: str) -> None:
        if scope["type"] == "websocket":
            await receive()  # websocket.connect
            await send({"type": "websocket.close", "code": 1008, "reason": reason})  # before accept: HTTP 403
            return
        await _send(send, self.routes.refused(status, reason))

    async def _login(self, scope: Scope, receive: Receive, send: Send, root: str, mode: str | None) -> None:
        if scope["method"] != "POST":
            await _send(send, self.routes.get(root, mode))
            return
        body = await _body(receive, MAX_FORM_BYTES)
        client = (scope.get("client") or ("unknown", 0))[0]
        html = "text/html" in (_header(scope["headers"], b"accept") or "")
        https = scope.get("scheme") == "https"
        form = parse_form(body) if body is not None else None
        await _send(send, await self.routes.post(form, client, html, https, root, mode))


async def _body(receive: Receive, limit: int) -> bytes | None:
    """The request's body, or ``None`` once it passes ``limit`` bytes."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            return b"".join(chunks)
        size += len(message.get("body", b""))
        if size > limit:
            return None
        chunks.append(message.get("body", b""))
        if not message.get("more_body"):
            return b"".join(chunks)


async def _send(send: Send, answer: Answer) -> None:
    headers = [(b"content-type", answer.content_type.encode()), (b"content-length", str(len(answer.body)).encode()),
               (b"cache-control", b"no-store"), *((k.lower().encode(), v.encode()) for k, v in answer.headers)]  # fmt: skip
    await send({"type": "http.response.start", "status": answer.status, "headers": headers})
    await send({"type": "http.response.body", "body": answer.body})
