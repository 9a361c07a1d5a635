"""The page solara-server shows each visitor when one process serves an app (``gradio-nb serve``).

solara-server gives every page a virtual kernel: its own comm manager and widgets, in this
one process. :func:`Page` opens a new :class:`~gradio_nb.session.Session` of the app for the
page and closes it when the page goes away (closed, reloaded, or its heartbeat lost), which
runs ``unload`` and frees the session's State (``delete_callback``).

solara imports this module as its app (``SOLARA_APP``); the app script is named by
``GRADIO_NB_APP`` and run once, when the module is imported.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from typing import Any
from urllib.parse import unquote

import solara
from solara.server import kernel_context, server

from .event_data import USER_HEADER, Visit
from .launch_options import LaunchOptions
from .page_frame import frame
from .serve import load_launch
from .session import Session

#: The environment variable naming the app script to serve.
APP_VARIABLE = "GRADIO_NB_APP"


def _visit(router: Any) -> Visit:
    """The page's visit: its websocket request's headers (solara keeps each as a list), the
    page's query and path, and ``gradio-nb serve --theme`` as the query's default ``__theme``."""
    raw = solara.lab.headers.value or {}
    headers = {name: values[-1] if isinstance(values, list) else str(values) for name, values in raw.items() if values}
    # Set by gradio_nb.access_guard once the login is checked (a visitor's own is removed).
    user = headers.get(USER_HEADER)
    visit = Visit.from_request(headers, router.search or "", router.path or "/", unquote(user) if user else None)
    theme = os.environ.get("GRADIO_NB_THEME")  # gradio-nb serve --theme: the default ?__theme=
    if theme and "__theme" not in visit.query_params:
        visit = dataclasses.replace(visit, query_params={**visit.query_params, "__theme": theme})
    return visit


#: solara's session cookies: renewed at login, so that no one can fix a visitor's session.
SESSION_COOKIES = (server.COOKIE_KEY_SESSION_ID, server.COOKIE_KEY_SESSION_ID_LAX)


def owns_page(kernel_id: str, page_id: str, cookies: Mapping[str, str]) -> bool:
    """Whether the visitor sending ``cookies`` opened the page of virtual kernel ``kernel_id``
    (its session cookie is the one the kernel was made with): only then may its close beacon
    close it. An unknown kernel has nothing to close."""
    context = kernel_context.contexts.get(kernel_id)
    return context is None or server.get_session_id_cookie(cookies) == context.session_id


APP, OPTIONS = load_launch(os.environ[APP_VARIABLE]) if APP_VARIABLE in os.environ else (None, LaunchOptions())


def _framed(session: Session) -> Session:
    frame(session, OPTIONS)  # Gradio's page frame and footer round the app
    return session


@solara.component
def Page() -> None:
    """A new session of the app for this page, closed with the page."""
    if APP is None:
        raise RuntimeError(f"gradio_nb.solara_page serves the app script named by ${APP_VARIABLE}; it is not set.")
    router = solara.use_router()
    session = solara.use_memo(lambda: _framed(Session(APP, page=True, visit=_visit(router), show_error=OPTIONS.show_error)), [])
    solara.use_effect(lambda: session.close, [])
    solara.display(session.root)
