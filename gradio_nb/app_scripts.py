"""Running a Gradio app's script with gradio_nb, with no edit to it or to its modules.

One runner for every way gradio_nb runs a script: ``gradio-nb serve app.py`` (and
``python app.py`` served), :func:`gradio_nb.testing.run_script` and the notebook's
:func:`run_app`. The script runs as ``python app.py`` would run it: as ``__main__``, its folder
first on ``sys.path`` (its helper modules import), ``sys.argv == [path]`` (an app that parses
its command line sees none of the runner's), and every ``import gradio`` or ``gradio.X``, in the
script and in its helper modules, answered by gradio_nb, even where Gradio is installed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from _gradio_nb_alias import gradio_is_gradio_nb

from .blocks import Blocks
from .display import launch, launches
from .kernel import in_kernel
from .launch_options import LaunchOptions


def run_app_script(path: str | Path, *, chdir: bool = False) -> dict[str, Any]:
    """Run the Gradio script at ``path`` with gradio_nb and return its global namespace.

    With ``chdir``, the working directory becomes the script's folder and stays so, and so
    does that folder on ``sys.path`` (a process that only serves the app: a module its
    functions import at click time is found, as under ``python app.py``); otherwise both are
    left as they were, and ``sys.argv`` is restored either way. The helper modules the script
    imported stay imported (and keep using gradio_nb)."""
    script = Path(path).resolve()
    source = script.read_bytes()  # compile() reads the encoding the file declares (UTF-8 by default)
    namespace: dict[str, Any] = {"__name__": "__main__", "__file__": str(script), "__builtins__": __builtins__}
    if chdir:
        os.chdir(script.parent)
    saved_path, saved_argv = list(sys.path), list(sys.argv)
    sys.path.insert(0, str(script.parent))
    sys.argv[:] = [str(script)]
    try:
        with gradio_is_gradio_nb():
            exec(compile(source, str(script), "exec"), namespace)  # noqa: S102 - the app's own script
    finally:
        sys.argv[:] = saved_argv
        if not chdir:
            sys.path[:] = saved_path
    return namespace


def script_app(namespace: dict[str, Any], path: str | Path) -> Blocks:
    """The app a script built: its ``demo``, else the last Blocks it made."""
    apps = [v for v in namespace.values() if isinstance(v, Blocks)]
    app = namespace.get("demo") if isinstance(namespace.get("demo"), Blocks) else (apps[-1] if apps else None)
    if app is None:
        raise RuntimeError(f"{path} builds no gradio_nb app (no Blocks, Interface or ChatInterface).")
    return app


def run_app(path: str | Path, *, chdir: bool = False) -> None:
    """Run an unmodified Gradio app file inline in this notebook: the script's
    ``demo.launch()`` shows its app in the cell's output (a script that only builds ``demo``
    gets it shown). ``import gradio`` in the script and its modules is gradio_nb; ``chdir``
    as in :func:`run_app_script`.

    Usage, in a notebook cell::

        import gradio_nb as gr
        gr.run_app("app.py")
    """
    # Deferred: IPython is there in a kernel, and only a kernel shows apps.
    from IPython.display import display

    before = launches()
    namespace = run_app_script(path, chdir=chdir)
    if launches() == before:
        app = script_app(namespace, path)
        if in_kernel():  # shown as its launch() would show it (served: in the page's frame)
            launch(app, LaunchOptions())
        else:
            display(app)


__all__ = ["run_app", "run_app_script", "script_app"]
