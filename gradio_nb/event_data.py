"""What an event tells its function: ``gr.EventData`` and its subclasses, and ``gr.Request``.

A function parameter annotated with one of these classes receives it, as in Gradio: the
dispatcher builds it from the event's payload (the dict a view sends with the event, or the
``data`` of :meth:`Session.trigger`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, unquote

if TYPE_CHECKING:
    from .blocks import Block


class EventData:
    """The event that triggered the listener: ``target`` is the block it happened on.

    Other attributes are read from the event's payload (``evt.index`` is ``payload["index"]``).
    """

    def __init__(self, target: Block | None, _data: Any) -> None:
        self.target = target
        self._data = _data if _data is not None else {}

    def __getattr__(self, name: str) -> Any:
        data = self.__dict__.get("_data") or {}
        if name in data:
            return data[name]
        raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")

    def __repr__(self) -> str:
        return f"{type(self).__name__}(target={self.target!r}, data={self._data!r})"


class SelectData(EventData):
    """A ``.select`` event: ``index`` (a ``[row, col]`` pair for a table), ``value``,
    ``row_value``/``col_value`` (a Dataframe's row and column), ``selected``."""

    def __init__(self, target: Block | None, data: Any) -> None:
        super().__init__(target, data)
        self.index: Any = self._data.get("index")
        self.value: Any = self._data.get("value")
        self.row_value: Any = self._data.get("row_value")
        self.col_value: Any = self._data.get("col_value")
        self.selected: bool = self._data.get("selected", True)


class KeyUpData(EventData):
    """A ``.key_up`` event: the ``key`` pressed and the field's text (``input_value``)."""

    def __init__(self, target: Block | None, data: Any) -> None:
        super().__init__(target, data)
        self.key: str = self._data.get("key", "")
        self.input_value: str = self._data.get("input_value", "")


class LikeData(EventData):
    """A Chatbot ``.like`` event: the message's ``index`` and ``value``, and ``liked``
    (True, False, or a feedback string)."""

    def __init__(self, target: Block | None, data: Any) -> None:
        super().__init__(target, data)
        self.index: Any = self._data.get("index")
        self.value: Any = self._data.get("value")
        self.liked: bool | str = self._data.get("liked", True)


class RetryData(EventData):
    """A Chatbot ``.retry`` event: the ``index`` and ``value`` of the message retried."""

    def __init__(self, target: Block | None, data: Any) -> None:
        super().__init__(target, data)
        self.index: Any = self._data.get("index")
        self.value: Any = self._data.get("value")


class UndoData(EventData):
    """A Chatbot ``.undo`` event: the ``index`` and ``value`` of the message undone."""

    def __init__(self, target: Block | None, data: Any) -> None:
        super().__init__(target, data)
        self.index: Any = self._data.get("index")
        self.value: Any = self._data.get("value")


class EditData(EventData):
    """A Chatbot ``.edit`` event: the message's ``index``, ``previous_value`` and new ``value``."""

    def __init__(self, target: Block | None, data: Any) -> None:
        super().__init__(target, data)
        self.index: Any = self._data.get("index")
        self.previous_value: Any = self._data.get("previous_value")
        self.value: Any = self._data.get("value")


class CopyData(EventData):
    """A ``.copy`` event: the ``value`` copied."""

    def __init__(self, target: Block | None, data: Any) -> None:
        super().__init__(target, data)
        self.value: Any = self._data.get("value")


class FileData(dict):
    """A file as Gradio describes it (``path``, ``url``, ``size``, ``orig_name``, ``mime_type``,
    ``is_stream``, ``meta``): a dict whose keys also read as attributes, as Gradio's
    ``FileData`` model does (``gr.DeletedFileData.file.path``)."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


class DeletedFileData(EventData):
    """A ``.delete`` event of a file component: the ``file`` removed (as Gradio's file dict)."""

    def __init__(self, target: Block | None, data: Any) -> None:
        super().__init__(target, data)
        self.file = FileData(self._data or {})


class DownloadData(EventData):
    """A ``.download`` event of a file component: the ``file`` downloaded."""

    def __init__(self, target: Block | None, data: Any) -> None:
        super().__init__(target, data)
        self.file = FileData(self._data or {})


class Headers(dict):
    """Request headers, looked up without regard to case (``headers["user-agent"]``)."""

    def __init__(self, items: dict[str, str] | None = None) -> None:
        super().__init__({k.lower(): v for k, v in (items or {}).items()})

    def __getitem__(self, key: str) -> str:
        return super().__getitem__(key.lower())

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and super().__contains__(key.lower())

    def get(self, key: str, default: Any = None) -> Any:
        return super().get(key.lower(), default)


#: The header by which a server tells a visitor's session who logged in (lower case; the
#: server removes it from what visitors send, then sets it after checking their login).
USER_HEADER = "x-gradio-nb-user"

#: The request headers a served app's functions see in ``gr.Request.headers`` (never cookies
#: or authorization: one kernel per visitor puts them in the environment, readable by the app).
VISITOR_HEADERS = (
    "User-Agent", "Accept-Language", "Referer", "Host", "Origin", "X-Forwarded-For", "X-Forwarded-Proto",
    "X-Real-IP",
)  # fmt: skip


def served_headers(environ: Mapping[str, str]) -> dict[str, str]:
    """The visitor's headers Voila passed to this kernel as ``HTTP_*`` variables."""
    return {k[5:].replace("_", "-").lower(): v for k, v in environ.items() if k.startswith("HTTP_")}


@dataclass(frozen=True)
class Visit:
    """Whom a session is shown to: the page request's headers (only :data:`VISITOR_HEADERS`),
    query, path and client address, which ``gr.Request`` gives functions. In a notebook there
    are no headers and the person is at the kernel's machine (``client_host`` 127.0.0.1)."""

    headers: dict[str, str] = field(default_factory=dict)
    query_params: dict[str, str] = field(default_factory=dict)
    client_host: str | None = "127.0.0.1"
    path: str = "/"
    #: Who logged in to the served app (``launch(auth=...)``), as its server checked it.
    username: str | None = None

    @classmethod
    def from_request(cls, headers: Mapping[str, str], query: str = "", path: str = "/", username: str | None = None) -> Visit:
        """The visit of a page request (``headers`` in any case) by ``username``."""
        lowered = {k.lower(): v for k, v in headers.items()}
        kept = {name.lower(): lowered[name.lower()] for name in VISITOR_HEADERS if name.lower() in lowered}
        forwarded = kept.get("x-forwarded-for", "").split(",")[0].strip() or kept.get("x-real-ip")
        return cls(kept, dict(parse_qsl(query)), forwarded or None, path, username)

    @classmethod
    def from_environ(cls, environ: Mapping[str, str]) -> Visit:
        """This kernel's visit: from the ``HTTP_*``, ``QUERY_STRING`` and ``SCRIPT_NAME``
        variables Voila gives a visitor's kernel, or a notebook's (none of them)."""
        headers = served_headers(environ)
        query = environ.get("QUERY_STRING", "")
        if not headers and "SERVER_NAME" not in environ:
            return cls(query_params=dict(parse_qsl(query)))
        user = headers.get(USER_HEADER)  # set by the server once the login is checked
        return cls.from_request(headers, query, environ.get("SCRIPT_NAME", "/"), unquote(user) if user else None)


class Request:
    """The session an event comes from, as Gradio's ``gr.Request`` gives it.

    ``session_hash`` names the session (stable for its life, different for every display).
    Served (``gradio-nb serve``, one kernel per visitor), ``headers`` holds the visitor's
    ``User-Agent``, ``Accept-Language``, ``Referer``, ``Host``, ``Origin`` and proxy headers
    (never cookies), ``query_params`` the page's query, and ``client.host`` the address a proxy
    forwarded (``None`` without one: Voila does not tell the kernel). In a notebook they are
    empty and ``client.host`` is "127.0.0.1": the person is at the kernel's own machine.
    ``username`` is who logged in to a served app with ``launch(auth=...)`` (``None`` in a
    notebook, or with no login). One process serving many pages (``gradio-nb serve``) gives
    the same from each page's own request (see :class:`Visit`).
    """

    def __init__(
        self,
        session_hash: str,
        headers: dict[str, str] | None = None,
        query_params: dict[str, str] | None = None,
        client_host: str | None = "127.0.0.1",
        path: str = "/",
        username: str | None = None,
    ) -> None:
        from types import SimpleNamespace

        self.session_hash = session_hash
        self.headers: dict[str, str] = Headers(headers)
        self.query_params: dict[str, str] = dict(query_params or {})
        self.cookies: dict[str, str] = {}
        self.client = SimpleNamespace(host=client_host, port=None)
        self.username: str | None = username
        self.path = path
        self.request = None

    def __getattr__(self, name: str) -> Any:
        # Gradio's Request forwards unknown names to the underlying request; there is none.
        raise AttributeError(f"gr.Request has no attribute {name!r} in a notebook session.")

    def __repr__(self) -> str:
        return f"gr.Request(session_hash={self.session_hash!r})"


class Header(str):
    """Annotate a parameter ``user_agent: gr.Header`` to receive that request header (the
    parameter's name, ``_`` read as ``-``); in a notebook there are no headers: ``None``."""


class OAuthProfile(dict):
    """The logged-in visitor's Hugging Face profile. There is no login in a notebook: a
    parameter annotated ``gr.OAuthProfile | None`` receives ``None``."""


class OAuthToken:
    """The logged-in visitor's OAuth token. There is no login in a notebook: a parameter
    annotated ``gr.OAuthToken | None`` receives ``None``."""

    def __init__(self, token: str, scope: str = "", expires_at: int = 0) -> None:
        self.token, self.scope, self.expires_at = token, scope, expires_at


__all__ = [
    "Header",
    "OAuthProfile",
    "OAuthToken",
    "CopyData",
    "DeletedFileData",
    "FileData",
    "DownloadData",
    "EditData",
    "EventData",
    "KeyUpData",
    "LikeData",
    "Request",
    "RetryData",
    "SelectData",
    "UndoData",
]
