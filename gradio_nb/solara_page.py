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
from typing import Any

import solara

from .blocks import Blocks
from .display import Launched, launch_mode
from .event_data import Visit
from .serve import run_script, script_app
from .session import Session

#: The environment variable naming the app script to serve.
APP_VARIABLE = "GRADIO_NB_APP"


def load_app(path: str) -> Blocks:
    """Run the app script once and return its app: the one it launches (the script stops at
    ``demo.launch()``: what follows is for a process that launched it), else its ``demo``."""
    token = launch_mode.set("serving")
    try:
        return script_app(run_script(path), path)
    except Launched as launched:
        return launched.blocks
    finally:
        launch_mode.reset(token)


def _visit(router: Any) -> Visit:
    """The page's visit: its websocket request's headers (solara keeps each as a list), the
    page's query and path, and ``gradio-nb serve --theme`` as the query's default ``__theme``."""
    raw = solara.lab.headers.value or {}
    headers = {name: values[-1] if isinstance(values, list) else str(values) for name, values in raw.items() if values}
    visit = Visit.from_request(headers, router.search or "", router.path or "/")
    theme = os.environ.get("GRADIO_NB_THEME")  # gradio-nb serve --theme: the default ?__theme=
    if theme and "__theme" not in visit.query_params:
        visit = dataclasses.replace(visit, query_params={**visit.query_params, "__theme": theme})
    return visit


APP = load_app(os.environ[APP_VARIABLE]) if APP_VARIABLE in os.environ else None


@solara.component
def Page() -> None:
    """A new session of the app for this page, closed with the page."""
    if APP is None:
        raise RuntimeError(f"gradio_nb.solara_page serves the app script named by ${APP_VARIABLE}; it is not set.")
    router = solara.use_router()
    session = solara.use_memo(lambda: Session(APP, page=True, visit=_visit(router)), [])
    solara.use_effect(lambda: session.close, [])
    solara.display(session._root or session.widget)
