"""A kernel per visitor: Voila, with gradio_nb's fixes and the same access checks as one process.

Voila 0.5 as it is lets in any origin's page requests (its websockets check the origin) and
anyone who knows a kernel's id may connect to it or shut it down. :func:`voila_class` gives
a Voila whose every handler first runs :meth:`Access.check` (the rules of
:mod:`gradio_nb.origins` and :mod:`gradio_nb.login`): the user header removed, the origin checked on websockets and on
every state-changing request, the login required, and a kernel reached only by the visitor
whose page started it (a random, HttpOnly page-owner cookie recorded by
:class:`OwnedKernels`). ``/login`` and ``/logout`` are answered as in one process.

And two fixes over plain Voila 0.5:

- The page handler sets the ``_xsrf`` cookie, so the shutdown beacon the page sends when it
  is closed or reloaded passes the XSRF check and the visitor's kernel is shut down
  (voila-dashboards/voila#1458). XSRF protection stays on.
- Kernel websockets set TCP_NODELAY: with Nagle's algorithm on, every click's round trip waits
  about 40 ms for the delayed ACK.
"""

from __future__ import annotations

import re
import secrets
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import tornado.httpserver
import tornado.ioloop
import tornado.web
from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from starlette.requests import Request
from voila.app import Voila
from voila.tornado.handler import TornadoVoilaHandler
from voila.tornado.kernel_websocket_handler import VoilaKernelWebsocketHandler

from .event_data import USER_HEADER
from .login import LOGIN_COOKIE, MAX_FORM_BYTES, Answer, LoginRoutes, parse_form
from .origins import OriginPolicy
from .launch_options import LaunchOptions
from .serve import URL_LINE, listening_socket, served_url, ssl_context_of

#: The cookie naming whose pages a browser opened: a kernel answers only to its page's owner.
OWNER_COOKIE = "gradio-nb-page-owner"
_KERNEL_ROUTE = re.compile(r"/(?:api/kernels|voila/api/shutdown)/([0-9a-f-]{36})")
_page_owner: ContextVar[str | None] = ContextVar("gradio_nb_page_owner", default=None)


class OwnedKernels(AsyncMappingKernelManager):  # type: ignore[misc]
    """Jupyter's kernel manager, remembering which page owner each kernel was started for."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.owners: dict[str, str | None] = {}

    async def start_kernel(self, *args: Any, **kwargs: Any) -> str:
        """Start a kernel for the page being served (its owner from the page's request)."""
        kernel_id: str = await super().start_kernel(*args, **kwargs)
        self.owners[kernel_id] = _page_owner.get()
        return kernel_id

    def remove_kernel(self, kernel_id: str) -> Any:
        """Forget the kernel's owner with the kernel."""
        self.owners.pop(kernel_id, None)
        return super().remove_kernel(kernel_id)


@dataclass(frozen=True)
class Access:
    """The checks every handler of the Voila server runs first (see the module's docstring)."""

    origins: OriginPolicy
    routes: LoginRoutes
    root: str = ""

    async def check(self, handler: tornado.web.RequestHandler) -> bool:
        """Check ``handler``'s request; ``False`` if it has been answered (refused or sent
        to the login page) and must go no further."""
        request = handler.request
        request.headers.pop(USER_HEADER, None)
        websocket = request.headers.get("Upgrade", "").lower() == "websocket"
        refused = self.origins.refusal(request.path, request.method, websocket, request.headers.get("Host"),
                                       request.headers.get("Origin"))  # fmt: skip
        if refused is not None:
            raise tornado.web.HTTPError(*refused)
        route = request.path[len(self.root):] if self.root and request.path.startswith(self.root) else request.path
        if route.rstrip("/") in ("/login", "/logout"):
            return True
        login = self.routes.login
        if login is not None:
            cookies = {name: morsel.value for name, morsel in request.cookies.items()}
            user = await login.user_of_request(_starlette_request(request), cookies)
            if user is None:
                if request.method == "GET" and not websocket and login.uses_form and "text/html" in request.headers.get("Accept", ""):
                    handler.redirect(f"{self.root}/login", status=303)
                    return False
                raise tornado.web.HTTPError(403 if websocket else 401, "Not authenticated.")
            request.headers[USER_HEADER] = quote(user)  # percent-encoded: headers are Latin-1
        kernel = _KERNEL_ROUTE.match(route)
        if kernel is not None:
            owners = getattr(handler.settings.get("kernel_manager"), "owners", {})
            owner = handler.get_cookie(OWNER_COOKIE)
            if kernel.group(1) in owners and (owner is None or owners[kernel.group(1)] != owner):
                raise tornado.web.HTTPError(403, "Not your page.")
        return True


def _starlette_request(request: Any) -> Request:
    """A tornado request as the starlette ``Request`` that ``auth_dependency`` takes in Gradio."""
    scope = {
        "type": "http", "method": request.method, "path": request.path, "root_path": "",
        "query_string": request.query.encode("latin-1"), "scheme": request.protocol,
        "headers": [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in request.headers.get_all()],
        "client": (request.remote_ip, 0), "server": None,
    }  # fmt: skip
    return Request(scope)


def _write(handler: tornado.web.RequestHandler, answer: Answer) -> None:
    handler.set_status(answer.status)
    handler.set_header("Content-Type", answer.content_type)
    handler.set_header("Cache-Control", "no-store")
    for name, value in answer.headers:
        handler.add_header(name, value)
    handler.finish(answer.body)


def voila_class(access: Access, options: LaunchOptions, port: int | None = None) -> type[Voila]:
    """A Voila application class with gradio_nb's access checks and fixes, listening on
    ``port`` (default: 7860 or the next free one), over TLS if the app's ``options`` name a
    certificate."""
    ssl_context = ssl_context_of(options)

    class Guarded:
        """Runs the access checks before the handler's own ``prepare``."""

        async def prepare(self) -> None:
            if not await access.check(self):  # type: ignore[arg-type]
                return
            prepared = super().prepare()  # type: ignore[misc]
            if prepared is not None:
                await prepared

    class PageHandler(TornadoVoilaHandler):  # type: ignore[misc]
        async def get(self, path: str | None = None) -> None:
            # Reading the token sets the _xsrf cookie that the page's shutdown beacon sends.
            self.xsrf_token  # noqa: B018
            owner = self.get_cookie(OWNER_COOKIE) or secrets.token_urlsafe(24)
            self.set_cookie(OWNER_COOKIE, owner, httponly=True, samesite="Lax", secure=self.request.protocol == "https")
            _page_owner.set(owner)
            await super().get(path)

    class KernelWebsocket(VoilaKernelWebsocketHandler):  # type: ignore[misc]
        async def open(self, kernel_id: str) -> None:  # type: ignore[override]
            self.set_nodelay(True)
            await super().open(kernel_id)

    class LoginHandler(tornado.web.RequestHandler):
        def check_xsrf_cookie(self) -> None:
            """The origin check stands in for XSRF here: a login form has no token yet."""

        def get(self) -> None:
            _write(self, access.routes.get(access.root, self.get_query_argument("__theme", None)))

        async def post(self) -> None:
            body = self.request.body
            form = parse_form(body) if len(body) <= MAX_FORM_BYTES else None
            html = "text/html" in self.request.headers.get("Accept", "")
            answer = await access.routes.post(form, self.request.remote_ip or "unknown", html,
                                              self.request.protocol == "https", access.root,
                                              self.get_query_argument("__theme", None))  # fmt: skip
            _write(self, answer)

    class LogoutHandler(tornado.web.RequestHandler):
        def get(self) -> None:
            _write(self, access.routes.logout(self.get_cookie(LOGIN_COOKIE), access.root))

    def guarded(handler: type) -> type:
        return type(f"Guarded{handler.__name__}", (Guarded, handler), {})

    class GradioVoila(Voila):  # type: ignore[misc]
        def init_handlers(self) -> list[Any]:
            swap = {TornadoVoilaHandler: PageHandler, VoilaKernelWebsocketHandler: KernelWebsocket}
            # Jupyter's own /login and /logout (token login) give way to the app's.
            ours = [(r"/login/?", LoginHandler), (r"/logout/?", LogoutHandler)]
            theirs = [h for h in super().init_handlers() if not re.fullmatch(r"/log(in|out)/?", h[0].rstrip("$"))]
            return [(h[0], guarded(swap.get(h[1], h[1])), *h[2:]) for h in [*ours, *theirs]]

        def start(self) -> None:
            tornado.ioloop.IOLoop.current().add_callback(self._announce)
            super().start()

        def listen(self) -> None:
            # Voila's own listen() has no TLS and no free-port search from 7860; it runs the
            # loop until interrupted, as this does.
            sock = listening_socket(self.ip, port)
            sock.setblocking(False)
            self.port = sock.getsockname()[1]
            tornado.httpserver.HTTPServer(self.app, ssl_options=ssl_context).add_sockets([sock])
            self.ioloop = tornado.ioloop.IOLoop.current()
            try:
                self.ioloop.start()
            except KeyboardInterrupt:
                pass
            finally:
                self.stop()

        def _announce(self) -> None:
            print(f"{URL_LINE}{served_url(self.ip, self.port, options)}", flush=True)

    return GradioVoila
