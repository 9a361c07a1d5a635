"""Run Gradio scripts headlessly, for tests and CI.

A Gradio script ends with ``demo.launch()``. :func:`run_script` runs such a script with
``import gradio as gr`` served by gradio_nb and ``launch()`` opening a headless session
instead of displaying (or serving) the app, and returns the script's namespace.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from .display import launch_mode

#: ``import gradio`` (as any name) and ``from gradio import ...``, at the start of a line.
_IMPORT = re.compile(r"^([ \t]*)import gradio(?:[ \t]+as[ \t]+(\w+))?[ \t]*$", re.MULTILINE)
_FROM = re.compile(r"^([ \t]*)from gradio import ", re.MULTILINE)


def _uses_gradio_nb(source: str) -> str:
    """``source`` with its imports of Gradio turned into imports of gradio_nb."""
    source = _IMPORT.sub(lambda m: f"{m.group(1)}import gradio_nb as {m.group(2) or 'gradio'}", source)
    return _FROM.sub(r"\1from gradio_nb import ", source)


def run_script(path: str | Path) -> dict[str, Any]:
    """Execute the Gradio script at ``path`` with gradio_nb; return its global namespace.

    ``import gradio as gr`` is rewritten to ``import gradio_nb as gr`` (``import gradio`` and
    ``from gradio import ...`` likewise); ``demo.launch()``
    returns a new headless :class:`~gradio_nb.session.Session` and displays nothing.
    """
    path = Path(path)
    source = _uses_gradio_nb(path.read_text())
    namespace: dict[str, Any] = {"__name__": "__main__", "__file__": str(path)}
    token = launch_mode.set("headless")
    try:
        exec(compile(source, str(path), "exec"), namespace)  # noqa: S102 - running the user's own script
    finally:
        launch_mode.reset(token)
    return namespace


__all__ = ["run_script"]

