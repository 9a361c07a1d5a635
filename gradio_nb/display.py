"""Showing an app: ``demo.launch()`` in a notebook, and how tests run scripts that call it."""

from __future__ import annotations

from contextvars import ContextVar
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .blocks import Blocks
    from .session import Session

#: "display" shows the app inline; "headless" (used by ``gradio_nb.testing``) only opens it.
launch_mode: ContextVar[str] = ContextVar("gradio_nb_launch_mode", default="display")


def in_kernel() -> bool:
    """Whether this code runs in a Jupyter kernel (where an app can be displayed)."""
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    return shell is not None and getattr(shell, "kernel", None) is not None


def launch(blocks: Blocks) -> Session:
    """Open a new session of ``blocks`` and show it inline; return the session."""
    from .session import Session

    if launch_mode.get() == "headless":
        return Session(blocks)
    if not in_kernel():
        raise RuntimeError(
            "demo.launch() shows the app in a Jupyter notebook, and this code does not run in a "
            "Jupyter kernel. Run it in JupyterLab, Notebook, VS Code or Voila, or drive it with "
            "demo.session() (see gradio_nb.testing.run_script for scripts)."
        )
    from IPython.display import display

    session = Session(blocks)
    display(session)
    return session
