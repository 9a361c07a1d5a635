"""Simulated visitors of an app served in one process (``gradio-nb serve``): clients that speak
the page's protocol, not browsers.

A :class:`Visitor` does what solara's page does: it loads the page (which sets the session
cookie), opens the kernel websocket of a new virtual kernel, asks for the app to run (the
``solara.control`` comm), and keeps every widget model the kernel opens. It clicks buttons and
sets values with the comm messages the Jupyter widget front end sends, and waits for models to
change. Built on ``websockets`` (a client library) and the standard library's HTTP client.
"""

from __future__ import annotations

import contextlib
import http.cookiejar
import json
import socket
import ssl
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Callable
from email.message import Message
from typing import Any

from websockets.exceptions import ConnectionClosed
from websockets.sync.client import ClientConnection, connect

Model = dict[str, Any]


class Visitor:
    """One page of the app at ``url``: :meth:`open` it, then drive it."""

    def __init__(self, url: str, query: str = "", origin: str | None = "", ssl_context: ssl.SSLContext | None = None,
                 headers: dict[str, str] | None = None) -> None:  # fmt: skip
        self.url = url.rstrip("/")
        #: Headers every request of this visitor carries (as a proxy in front adds them).
        self.headers = dict(headers or {})
        self.query = query
        #: The Origin header the page's requests carry: "" for the app's own, None for none.
        self.origin = origin if origin != "" else _origin_of(self.url)
        self.ssl_context = ssl_context
        self.kernel_id = str(uuid.uuid4())
        self.page_id = str(uuid.uuid4())
        self.models: dict[str, Model] = {}
        self.ws: ClientConnection | None = None
        self.close_code: int | None = None
        self.close_reason = ""
        self._jar = http.cookiejar.CookieJar()
        self._opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self._jar), urllib.request.HTTPSHandler(context=ssl_context)
        )
        self._control = str(uuid.uuid4())
        self._finished = False
        self._connection = contextlib.ExitStack()

    # -- connecting ----------------------------------------------------------------------------
    def request(self, path: str, data: dict[str, str] | None = None, method: str | None = None,
                headers: dict[str, str] | None = None, timeout: float = 30) -> tuple[int, Message, bytes]:  # fmt: skip
        """An HTTP request to the app (with this visitor's cookies and Origin, as a page of it
        sends one): its status, headers (``get_all("Set-Cookie")`` gives each cookie) and body.
        Redirects are not followed."""
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        origin = {"Origin": self.origin} if self.origin is not None and body is not None else {}
        sent = {**self.headers, **origin, **(headers or {})}
        request = urllib.request.Request(f"{self.url}{path}", data=body, method=method, headers=sent)
        opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self._jar), urllib.request.HTTPSHandler(context=self.ssl_context),
            _NoRedirect(),
        )  # fmt: skip
        try:
            with opener.open(request, timeout=timeout) as answer:
                return answer.status, answer.headers, answer.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read()

    def cookie_header(self) -> str:
        """The ``Cookie`` header this visitor's browser would send."""
        return "; ".join(f"{c.name}={c.value}" for c in self._jar)

    def login(self, username: str, password: str) -> int:
        """Log in with the login form (as a page of the app posts it); the HTTP status."""
        return self.request("/login", {"username": username, "password": password})[0]

    def open(self, timeout: float = 60) -> Visitor:
        """Load the page and its app; return once the app's widgets are all there."""
        page = urllib.request.Request(f"{self.url}/{'?' + self.query if self.query else ''}", headers=self.headers)
        with self._opener.open(page, timeout=timeout) as answer:
            answer.read()
        return self.connect(timeout)

    def connect(self, timeout: float = 60, cookies: str | None = None) -> Visitor:
        """Open the page's kernel websocket (with this visitor's cookies, or ``cookies``) and
        run the app in it; return once the app's widgets are all there."""
        cookies = cookies if cookies is not None else self.cookie_header()
        parts = urllib.parse.urlsplit(self.url)
        scheme = "wss" if parts.scheme == "https" else "ws"
        headers = {**self.headers, "Cookie": cookies, "User-Agent": "gradio-nb-test-visitor/1"}
        if self.origin is not None:
            headers["Origin"] = self.origin
        self.ws = self._connection.enter_context(connect(
            f"{scheme}://{parts.netloc}{parts.path}/jupyter/api/kernels/{self.kernel_id}/channels?session_id={self.page_id}",
            additional_headers=headers, open_timeout=timeout, max_size=None, ssl=self.ssl_context,
        ))  # fmt: skip
        self.send("comm_open", {"comm_id": self._control, "target_name": "solara.control", "data": {}})
        path = "/" + (f"?{self.query}" if self.query else "")
        self.send("comm_msg", {"comm_id": self._control, "data": {"method": "run", "args": {"path": path, "appName": None}}})
        self.wait_for(lambda: self._finished, timeout)
        return self

    def leave(self) -> None:
        """Close the page as a browser tab does: its websocket closes and the close beacon goes
        (in this order: once the kernel is closed, the server no longer answers the websocket's
        closing handshake, which the browser does not wait for but this client would)."""
        self.drop()
        self.close_beacon()

    def close_beacon(self, kernel_id: str | None = None, page_id: str | None = None) -> int:
        """Send the close beacon of this page (or of the page ``kernel_id``/``page_id``) as a
        browser sends it when the tab closes: with this visitor's cookies; the HTTP status."""
        path = f"/_solara/api/close/{kernel_id or self.kernel_id}?session_id={page_id or self.page_id}"
        return self.request(path, data={}, timeout=10)[0]

    def drop(self) -> None:
        """Go away without a word (the network lost): the websocket closes, no beacon."""
        self._connection.close()

    # -- the protocol --------------------------------------------------------------------------
    def send(self, msg_type: str, content: dict[str, Any]) -> None:
        """Send a Jupyter message on the shell channel, as the page's widget manager does."""
        assert self.ws is not None, "open() the page first"
        msg = {
            "header": {"msg_id": uuid.uuid4().hex, "msg_type": msg_type, "session": self.page_id, "username": "",
                       "date": "", "version": "5.3"},
            "parent_header": {}, "metadata": {}, "content": content, "channel": "shell", "buffers": [],
        }  # fmt: skip
        self.ws.send(json.dumps(msg))

    def send_raw(self, frame: str | bytes) -> None:
        """Send a frame as it is (for tests of malformed messages). The server may close the
        connection before a large frame is all sent: its close frame is kept, as on receiving."""
        assert self.ws is not None
        try:
            self.ws.send(frame)
        except ConnectionClosed as closed:
            self._closed_by(closed)

    def _receive(self, timeout: float) -> bool:
        """Take one message from the kernel into the models; False when none came in time."""
        assert self.ws is not None
        try:
            frame = self.ws.recv(timeout=timeout)
        except TimeoutError:
            return False
        except ConnectionClosed as closed:
            self._closed_by(closed)
            raise
        msg = _decode(frame)
        kind, content = msg["header"]["msg_type"], msg["content"]
        if kind == "comm_open" and content.get("target_name") == "jupyter.widget":
            state = content["data"]["state"]
            _put_buffers(state, content["data"].get("buffer_paths", []), msg["buffers"])
            self.models[content["comm_id"]] = state
        elif kind == "comm_msg":
            data = content.get("data", {})
            if content.get("comm_id") == self._control and data.get("method") == "finished":
                self._finished = True
            elif data.get("method") in ("update", "echo_update") and content["comm_id"] in self.models:
                state = data["state"]
                _put_buffers(state, data.get("buffer_paths", []), msg["buffers"])
                self.models[content["comm_id"]].update(state)
        elif kind == "comm_close":
            self.models.pop(content.get("comm_id"), None)
        return True

    def wait_for(self, ready: Callable[[], Any], timeout: float = 30) -> Any:
        """Take messages until ``ready()`` is true; return its value."""
        deadline = time.monotonic() + timeout
        while True:
            value = ready()
            if value:
                return value
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"the page did not get there in {timeout} s")
            self._receive(min(left, 1.0))

    def _closed_by(self, closed: ConnectionClosed) -> None:
        received = closed.rcvd
        self.close_code = received.code if received is not None else 1006
        self.close_reason = received.reason if received is not None else ""

    def settle(self, quiet: float = 0.5) -> None:
        """Take messages until none has come for ``quiet`` seconds."""
        while self._receive(quiet):
            pass

    @property
    def closed(self) -> bool:
        """Whether the server closed this page's websocket."""
        if self.close_code is not None:
            return True
        try:
            while self._receive(0.2):
                pass
        except ConnectionClosed:
            return True
        return False

    # -- driving -------------------------------------------------------------------------------
    def find(self, model_name: str, **props: Any) -> str:
        """The comm id of the one model of class ``model_name`` with these state values."""
        found = [
            cid for cid, state in self.models.items()
            if state.get("_model_name") == model_name and all(state.get(k) == v for k, v in props.items())
        ]  # fmt: skip
        assert len(found) == 1, f"{len(found)} {model_name} models with {props}"
        return found[0]

    def find_field(self, label: str) -> str:
        """The comm id of the labelled field (a gradio_nb Textbox, Number, ...) ``label``."""
        found = [cid for cid, state in self.models.items() if state.get("label") == label and "value" in state]
        assert len(found) == 1, f"{len(found)} fields labelled {label!r}"
        return found[0]

    def click(self, button: str) -> None:
        """Click the button with comm id ``button``."""
        self.send("comm_msg", {"comm_id": button, "data": {"method": "custom", "content": {"event": "click"}}})

    def set(self, model: str, **state: Any) -> None:
        """Set state values of a model, as a view does when a person edits it."""
        self.send("comm_msg", {"comm_id": model, "data": {"method": "update", "state": state, "buffer_paths": []}})
        self.models[model].update(state)

    def value(self, model: str) -> Any:
        """The model's value as the page last heard it."""
        return self.models.get(model, {}).get("value")

    def __enter__(self) -> Visitor:
        return self.open()

    def __exit__(self, *exc: object) -> None:
        try:
            self.leave()
        except OSError:
            pass


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def _origin_of(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _decode(frame: str | bytes) -> dict[str, Any]:
    if isinstance(frame, str):
        msg = json.loads(frame)
        msg["buffers"] = []
        return msg
    count = int.from_bytes(frame[:4], "big")
    offsets = [int.from_bytes(frame[4 + 4 * i : 8 + 4 * i], "big") for i in range(count)] + [len(frame)]
    parts = [frame[a:b] for a, b in zip(offsets, offsets[1:])]
    msg = json.loads(parts[0])
    msg["buffers"] = parts[1:]
    return msg


def _put_buffers(state: dict[str, Any], paths: list[list[Any]], buffers: list[bytes]) -> None:
    for path, buffer in zip(paths, buffers):
        target: Any = state
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = buffer


def free_port() -> int:
    """A free TCP port on 127.0.0.1, for a server a test starts."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def kernels(url: str) -> int:
    """How many virtual kernels (pages' sessions) the server holds, from its /resourcez."""
    with urllib.request.urlopen(f"{url.rstrip('/')}/resourcez", timeout=10) as answer:
        return int(json.load(answer)["kernels"]["total"])


def wait_until(ready: Callable[[], Any], timeout: float = 30, every: float = 0.25) -> Any:
    """Poll ``ready()`` until it is true (return it) or ``timeout`` passes (return the last value)."""
    deadline = time.monotonic() + timeout
    value = ready()
    while not value and time.monotonic() < deadline:
        time.sleep(every)
        value = ready()
    return value
