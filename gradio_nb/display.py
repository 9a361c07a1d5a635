"""Showing an app: ``demo.launch()`` in a notebook, and how tests run scripts that call it."""

from __future__ import annotations

import os
from contextvars import ContextVar
from typing import TYPE_CHECKING

from .blocks import Blocks
from .kernel import in_kernel
from .launch_options import LaunchOptions, warn_unheeded
from .page_frame import frame
from .session import Session

if TYPE_CHECKING:
    # Deferred: a cycle, serve.py imports this module (and outside a kernel only).
    from .serve import Server

#: "display" shows the app inline; "headless" (used by ``gradio_nb.testing``) only opens it;
#: "serving" (a server loading the app's script) stops the script at ``launch()``; "served"
#: shows it inline in a visitor's kernel, whose server honours the serving options.
launch_mode: ContextVar[str] = ContextVar("gradio_nb_launch_mode", default="display")


class Launched(Exception):  # noqa: N818 - a signal, not an error
    """Raised by ``launch()`` while a server loads an app's script: the app is built, and
    what follows ``launch()`` is for the process that launched it (which a server is not)."""

    def __init__(self, blocks: Blocks, options: LaunchOptions | None = None) -> None:
        super().__init__("launch()")
        self.blocks = blocks
        self.options = options if options is not None else LaunchOptions()


_launched = [0]


def launches() -> int:
    """How many apps ``launch()`` has shown in this process (serving uses it)."""
    return _launched[0]


def launch(blocks: Blocks, options: LaunchOptions, prevent_thread_lock: bool = False, inspect: bool = False) -> Session | Server:
    """Show a new session of ``blocks`` inline (with its State inspector beside it if
    ``inspect``) and return it; outside a kernel, serve the running script and block, or
    return the :class:`Server`. Options with no effect where the app runs are warned about."""
    mode = launch_mode.get()
    if mode == "serving":
        raise Launched(blocks, options)
    if mode == "headless":
        session = Session(blocks)
        if inspect:
            session.inspector()
        return session
    if not in_kernel():
        # Deferred: a cycle, serve.py imports this module (and outside a kernel only).
        from .serve import launch_outside_kernel

        return launch_outside_kernel(options, block=not prevent_thread_lock)
    from IPython.display import display

    if mode != "served":  # a visitor's kernel: its server has said what it does not honour
        if options.needs_login and "VOILA_SERVER_URL" in os.environ:
            # A notebook Voila serves to visitors: its server has no login to check, so the
            # app is not shown rather than shown to everyone.
            raise RuntimeError(
                "launch(auth=...) in a notebook served to visitors: the server of a notebook cannot check "
                "a login. Serve the app's script instead (gradio-nb serve app.py), whose server does."
            )
        warn_unheeded(options, "notebook")
    # A visitor of a served app sees an exception's text only if the app says so (Gradio's rule).
    session = Session(blocks, page=True, show_error=options.show_error if mode == "served" else True)
    if mode == "served":  # a page of its own (Voila's): Gradio's page frame and footer
        frame(session, options)
    if inspect:
        session.show_inspector()
    display(session)
    _launched[0] += 1
    return session


# Blocks.launch() shows an app through this front end: the declaration never imports it.
# ``launch`` is looked up at each call, so that replacing this module's launch takes effect.
Blocks.launcher = staticmethod(lambda *args: launch(*args))
