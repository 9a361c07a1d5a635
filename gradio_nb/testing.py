"""Run Gradio scripts headlessly, for tests and CI.

A Gradio script ends with ``demo.launch()``. :func:`run_script` runs such a script, unmodified,
with every ``import gradio`` (in it and in its helper modules) answered by gradio_nb and
``launch()`` opening a headless session instead of displaying (or serving) the app, and
returns the script's namespace.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .app_scripts import run_app_script
from .display import launch_mode


def run_script(path: str | Path) -> dict[str, Any]:
    """Execute the Gradio script at ``path`` with gradio_nb; return its global namespace.

    ``import gradio as gr`` (any form, in the script and in the modules it imports) is
    gradio_nb, even where Gradio is installed; ``demo.launch()`` returns a new headless
    :class:`~gradio_nb.session.Session` and displays nothing.
    """
    token = launch_mode.set("headless")
    try:
        return run_app_script(path)
    finally:
        launch_mode.reset(token)


__all__ = ["run_script"]
