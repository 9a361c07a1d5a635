"""``launch()``'s options: Gradio 6.31's parameters, and what gradio_nb does with each.

Gradio's ``launch()`` starts a web server; gradio_nb shows the app inline in a notebook, or
serves it (``python app.py``, ``gradio-nb serve``). Every Gradio parameter is listed in
:data:`PARAMETERS` with where gradio_nb honours it. A value that changes nothing where the app
runs is never dropped in silence: :func:`unheeded` names it, and ``launch()`` warns once with
every such name (:class:`LaunchWarning`). Options that decide who can reach an app (``auth``,
``strict_cors``, TLS, ``root_path``) are honoured wherever the app is served.
"""

from __future__ import annotations

import sys
import warnings
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field, fields
from typing import Any, Literal

#: A login check: ``(user, password)``, a list of them, or ``fn(user, password) -> bool``.
Auth = tuple[str, str] | Sequence[tuple[str, str]] | Callable[[str, str], bool | Awaitable[bool]]

#: Where an app runs: inline in a notebook, or served to visitors.
Where = Literal["notebook", "served"]


class LaunchWarning(UserWarning):
    """A ``launch()`` option has no effect where the app runs (the message names it and why)."""


@dataclass(frozen=True)
class Parameter:
    """One of Gradio's ``launch()`` parameters: its default, where gradio_nb honours it, and
    what to say where it does not."""

    default: Any
    honoured: frozenset[str]
    why: str


def _p(default: Any, honoured: Iterable[str], why: str = "") -> Parameter:
    return Parameter(default, frozenset(honoured), why)


_NO_SERVER = "a notebook shows the app inline, with no server"
_INLINE = "a notebook app is drawn inline, not in an iframe"
_NODE = "gradio_nb has no Node server-side rendering"

#: Gradio 6.31's ``launch()`` parameters (the private ``_app``/``_frontend`` aside).
PARAMETERS: dict[str, Parameter] = {
    "inline": _p(None, ("notebook",), "inline=False has no meaning: gradio_nb always draws the app in the cell"),
    "inbrowser": _p(False, ("served",), _NO_SERVER),
    "share": _p(None, (), "share links need Gradio's share servers (gradio.live), which gradio_nb does not use; "
                "serve on your own host (server_name='0.0.0.0') behind a proxy with TLS instead"),
    "debug": _p(False, ("notebook", "served"), ""),
    "max_threads": _p(40, (), "gradio_nb runs each session's events in order on the server's event loop"),
    "auth": _p(None, ("served",), "a notebook app has no login: whoever runs the notebook uses it"),
    "auth_message": _p(None, ("served",), "a notebook app has no login page"),
    "prevent_thread_lock": _p(False, ("notebook", "served"), ""),
    "show_error": _p(False, ("notebook", "served"), ""),
    "server_name": _p(None, ("served",), _NO_SERVER),
    "server_port": _p(None, ("served",), _NO_SERVER),
    "height": _p(500, (), _INLINE),
    "width": _p("100%", (), _INLINE),
    "favicon_path": _p(None, (), "gradio_nb's pages keep their server's icon"),
    "ssl_keyfile": _p(None, ("served",), _NO_SERVER),
    "ssl_certfile": _p(None, ("served",), _NO_SERVER),
    "ssl_keyfile_password": _p(None, ("served",), _NO_SERVER),
    "ssl_verify": _p(True, (), "gradio_nb makes no outgoing TLS connections (no share link, no Node server)"),
    "quiet": _p(False, ("notebook", "served"), ""),
    "footer_links": _p(None, ("served",), "a notebook cell has no page footer"),
    "run_history": _p(None, (), "gradio_nb keeps no run history page"),
    "allowed_paths": _p(None, ("notebook", "served"), ""),
    "blocked_paths": _p(None, ("notebook", "served"), ""),
    "root_path": _p(None, ("served",), _NO_SERVER),
    "app_kwargs": _p(None, (), "there is no FastAPI app: one-process serving runs solara-server, a kernel per "
                     "visitor Voila"),
    "state_session_capacity": _p(10000, (), "a session's State lives until its page closes (or 5 minutes after "
                                 "its connection is lost)"),
    "share_server_address": _p(None, (), "gradio_nb makes no share links"),
    "share_server_protocol": _p(None, (), "gradio_nb makes no share links"),
    "share_server_tls_certificate": _p(None, (), "gradio_nb makes no share links"),
    "auth_dependency": _p(None, ("served",), "a notebook app has no login"),
    "max_file_size": _p(None, ("notebook", "served"), ""),
    "enable_monitoring": _p(None, (), "gradio_nb has no /monitoring dashboard"),
    "strict_cors": _p(True, ("served",), "a notebook app is reached through the notebook server, not by origin"),
    "node_server_name": _p(None, (), _NODE),
    "node_port": _p(None, (), _NODE),
    "ssr_mode": _p(None, (), _NODE),
    "pwa": _p(None, (), "gradio_nb's pages are not installable web apps"),
    "mcp_server": _p(None, (), "gradio_nb has no MCP server (gr.mcp's decorators are accepted)"),
    "num_workers": _p(None, (), "one process serves every session; run several behind a load balancer instead"),
    "i18n": _p(None, ("notebook", "served"), ""),
    "theme": _p(None, ("notebook", "served"), ""),
    "css": _p(None, ("notebook", "served"), ""),
    "css_paths": _p(None, ("notebook", "served"), ""),
    "js": _p(None, (), "gradio_nb runs no custom page JavaScript"),
    "head": _p(None, (), "gradio_nb adds nothing to the page's <head>"),
    "head_paths": _p(None, (), "gradio_nb adds nothing to the page's <head>"),
}


@dataclass(frozen=True)
class LaunchOptions:
    """What ``launch()`` was asked, as the server that serves the app needs it.

    Only the options that shape serving are fields; :attr:`given` keeps every parameter that
    was passed with a value other than Gradio's default (for :func:`unheeded`)."""

    auth: Auth | None = None
    auth_message: str | None = None
    auth_dependency: Callable[[Any], str | None | Awaitable[str | None]] | None = None
    server_name: str | None = None
    server_port: int | None = None
    ssl_keyfile: str | None = None
    ssl_certfile: str | None = None
    ssl_keyfile_password: str | None = None
    root_path: str | None = None
    strict_cors: bool = True
    inbrowser: bool = False
    quiet: bool = False
    show_error: bool = False
    #: The served page's footer (:mod:`gradio_nb.page_frame`); None: Gradio's default links.
    footer_links: list[str | dict[str, str]] | None = None
    given: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_launch(cls, values: dict[str, Any]) -> LaunchOptions:
        """The options of a ``launch(**values)`` call; raises ``TypeError`` for a name Gradio's
        ``launch()`` does not take and ``ValueError`` where Gradio refuses a combination."""
        unknown = sorted(set(values) - set(PARAMETERS) - {"_app", "_frontend"})
        if unknown:
            raise TypeError(f"launch() got an unexpected keyword argument {unknown[0]!r}")
        if values.get("auth") is not None and values.get("auth_dependency") is not None:
            raise ValueError("launch(): you cannot provide both `auth` and `auth_dependency`. Please choose one.")
        if values.get("ssl_keyfile") and not values.get("ssl_certfile"):
            raise ValueError("launch(): ssl_certfile must be provided if ssl_keyfile is provided.")
        given = {k: v for k, v in values.items() if k in PARAMETERS and _differs(v, PARAMETERS[k].default)}
        own = {f.name for f in fields(cls)} - {"given"}
        return cls(**{k: v for k, v in values.items() if k in own}, given=given)

    @property
    def needs_login(self) -> bool:
        """Whether a visitor must log in (``auth`` or ``auth_dependency``)."""
        return self.auth is not None or self.auth_dependency is not None


def _differs(value: Any, default: Any) -> bool:
    try:
        return bool(value != default)
    except Exception:  # noqa: BLE001 - a value whose == raises (an array) is not the default
        return True


def unheeded(options: LaunchOptions, where: Where) -> dict[str, str]:
    """The options given that change nothing where the app runs, each with why."""
    return {name: PARAMETERS[name].why for name in options.given if where not in PARAMETERS[name].honoured}


def warn_unheeded(options: LaunchOptions, where: Where) -> None:
    """Warn once, naming every option of ``options`` that has no effect ``where``."""
    ignored = unheeded(options, where)
    if ignored:
        lines = "; ".join(f"{name}: {why}" for name, why in ignored.items())
        place = "in a notebook" if where == "notebook" else "when gradio_nb serves an app"
        warnings.warn(f"launch() options with no effect {place}: {lines}.", LaunchWarning, stacklevel=_callers_level())


def _callers_level() -> int:
    """The ``stacklevel`` of the first frame outside gradio_nb (the app's ``launch()`` line),
    counted from the function that warns, whichever path led there."""
    frame, level = sys._getframe(1), 1
    while frame is not None and str(frame.f_globals.get("__name__", "")).startswith("gradio_nb"):
        frame, level = frame.f_back, level + 1
    return level
