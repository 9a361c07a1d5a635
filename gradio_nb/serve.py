"""Serving an app outside a notebook: ``python app.py`` and ``gradio-nb serve PATH``.

The app is served by Voila on 127.0.0.1: every visitor gets a kernel of their own, which
runs the app's script (or notebook) and shows the app, so visitors are isolated. Two fixes
over plain Voila 0.5:

- The page handler sets the ``_xsrf`` cookie, so the shutdown beacon the page sends when it
  is closed or reloaded passes the XSRF check and the visitor's kernel is shut down
  (voila-dashboards/voila#1458). XSRF protection stays on. Idle kernels whose page went
  away without a word are culled as a second line.
- Kernel websockets set TCP_NODELAY: with Nagle's algorithm on, every click's round trip
  waits about 40 ms for the delayed ACK.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DEFAULT_PORT = 7860  # Gradio's
CULL_IDLE_SECONDS = 300
_IMPORT = re.compile(r"^(\s*)import gradio as gr\s*$", re.MULTILINE)
_URL_LINE = "* Running on local URL:  "

#: Jupyter data files of gradio_nb (its Voila template), put on ``JUPYTER_PATH`` when serving.
JUPYTER_DATA = Path(__file__).parent / "jupyter_data"


# -- what the visitor's kernel runs ----------------------------------------------------------
def show_script(path: str) -> None:
    """Run the app script at ``path`` in this kernel and show its app.

    ``import gradio as gr`` is read as ``import gradio_nb as gr``. The script's
    ``demo.launch()`` shows the app; a script that only builds ``demo`` gets it shown.
    """
    from IPython.display import display

    from .blocks import Blocks
    from .display import launches

    script = Path(path)
    os.chdir(script.parent)
    sys.path.insert(0, str(script.parent))
    source = _IMPORT.sub(r"\1import gradio_nb as gr", script.read_text())
    namespace: dict[str, Any] = {"__name__": "__main__", "__file__": str(script)}
    before = launches()
    exec(compile(source, str(script), "exec"), namespace)  # noqa: S102 - the app's own script
    if launches() == before:
        apps = [v for v in namespace.values() if isinstance(v, Blocks)]
        app = namespace.get("demo") if isinstance(namespace.get("demo"), Blocks) else (apps[-1] if apps else None)
        if app is None:
            raise RuntimeError(f"{script} builds no gradio_nb app (no Blocks, Interface or ChatInterface).")
        display(app)


def script_notebook(script: Path, folder: Path) -> Path:
    """Write a one-cell notebook into ``folder`` that shows the app of ``script``."""
    cell = f"from gradio_nb.serve import show_script\nshow_script({str(script.resolve())!r})"
    notebook = {
        "cells": [{"cell_type": "code", "execution_count": None, "id": "app", "metadata": {}, "outputs": [], "source": cell}],
        "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    path = folder / f"{script.stem}.ipynb"
    path.write_text(json.dumps(notebook))
    return path


#: The request headers a served app's functions see in ``gr.Request.headers`` (never cookies
#: or authorization: the kernel's environment is readable by the app's code).
REQUEST_HEADERS = (
    "User-Agent", "Accept-Language", "Referer", "Host", "Origin", "X-Forwarded-For", "X-Forwarded-Proto",
    "X-Real-IP",
)  # fmt: skip


# -- the server --------------------------------------------------------------------------------
def _voila_class() -> type:
    """Voila with gradio_nb's two fixes (the XSRF cookie, TCP_NODELAY); imported lazily."""
    import tornado.ioloop
    from voila.app import Voila
    from voila.tornado.handler import TornadoVoilaHandler
    from voila.tornado.kernel_websocket_handler import VoilaKernelWebsocketHandler

    class PageHandler(TornadoVoilaHandler):  # type: ignore[misc]
        async def get(self, path: str | None = None) -> None:
            # Reading the token sets the _xsrf cookie that the page's shutdown beacon sends.
            self.xsrf_token  # noqa: B018
            await super().get(path)

    class KernelWebsocket(VoilaKernelWebsocketHandler):  # type: ignore[misc]
        async def open(self, kernel_id: str) -> None:  # type: ignore[override]
            self.set_nodelay(True)
            await super().open(kernel_id)

    class GradioVoila(Voila):  # type: ignore[misc]
        def init_handlers(self) -> list[Any]:
            swap = {TornadoVoilaHandler: PageHandler, VoilaKernelWebsocketHandler: KernelWebsocket}
            return [(h[0], swap.get(h[1], h[1]), *h[2:]) for h in super().init_handlers()]

        def start(self) -> None:
            tornado.ioloop.IOLoop.current().add_callback(self._announce)
            super().start()

        def _announce(self) -> None:
            print(f"{_URL_LINE}http://{self.ip}:{self.port}", flush=True)

    return GradioVoila


def serve_forever(path: str | Path, host: str = "127.0.0.1", port: int | None = None, theme: str | None = None) -> None:
    """Serve the app at ``path`` (a ``.py`` script or a notebook) until interrupted; ``theme``
    ("light" or "dark") is Voila's page theme, which the app follows."""
    target = Path(path).resolve()
    if not target.exists():
        raise FileNotFoundError(f"gradio-nb serve: {target} does not exist.")
    if target.suffix not in (".py", ".ipynb"):
        raise ValueError(f"gradio-nb serve: expected a .py app or a .ipynb notebook, got {target.name}.")
    with tempfile.TemporaryDirectory(prefix="gradio_nb_") as folder:
        notebook = script_notebook(target, Path(folder)) if target.suffix == ".py" else target
        # gradio_nb's Voila template (the lab one, with no CDN link) lives in the package.
        os.environ["JUPYTER_PATH"] = os.pathsep.join(filter(None, [str(JUPYTER_DATA), os.environ.get("JUPYTER_PATH")]))
        app = _voila_class()()
        app.initialize(
            [
                str(notebook),
                "--no-browser",
                f"--Voila.ip={host}",
                f"--port={port or DEFAULT_PORT}",
                f"--MappingKernelManager.cull_idle_timeout={CULL_IDLE_SECONDS}",
                "--MappingKernelManager.cull_interval=60",
                "--Voila.log_level=WARN",
                "--VoilaConfiguration.template=gradio_nb",
                # The visitor's headers reach the kernel as HTTP_* variables: gr.Request's headers.
                f"--VoilaConfiguration.http_header_envs={json.dumps(list(REQUEST_HEADERS))}",
                *([f"--VoilaConfiguration.theme={theme}"] if theme else []),
            ]
        )
        app.start()


@dataclass
class Server:
    """A served app running in a child process; :meth:`close` stops it."""

    process: subprocess.Popen[str]
    url: str
    log: list[str] = field(default_factory=list)

    def close(self) -> None:
        """Stop the server (and with it every visitor's kernel)."""
        if self.process.poll() is None:
            import psutil  # ipykernel's dependency: there whenever an app is served

            try:
                kernels = psutil.Process(self.process.pid).children(recursive=True)
            except psutil.Error:
                kernels = []
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
            # Kernels run in sessions of their own (jupyter_client): one the server did not
            # shut down in time would outlive it, holding the server's output pipe open.
            _, alive = psutil.wait_procs(kernels, timeout=5)
            for kernel in alive:
                try:
                    kernel.kill()
                except psutil.Error:
                    pass

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def start_server(
    path: str | Path, host: str = "127.0.0.1", port: int | None = None, timeout: float = 60, theme: str | None = None
) -> Server:
    """Start serving ``path`` in a child process; return once its URL is known."""
    command = [sys.executable, "-m", "gradio_nb.cli", "serve", str(path), "--host", host]
    if port is not None:
        command += ["--port", str(port)]
    if theme is not None:
        command += ["--theme", theme]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, stdin=subprocess.DEVNULL)
    server = Server(process, "")
    deadline = time.monotonic() + timeout
    assert process.stdout is not None
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        server.log.append(line)
        if line.startswith(_URL_LINE):
            server.url = line[len(_URL_LINE):].strip()
            return server
    server.close()
    raise RuntimeError("gradio_nb could not start serving the app:\n" + "".join(server.log[-20:]))


def launch_outside_kernel(host: str | None, port: int | None, block: bool) -> Server:
    """``demo.launch()`` in a plain Python process: serve the running script."""
    main = sys.modules.get("__main__")
    script = getattr(main, "__file__", None)
    if not script or not script.endswith(".py"):
        raise RuntimeError(
            "demo.launch() outside a notebook serves the script being run (python app.py); "
            "this Python session runs no script. Use `gradio-nb serve app.py`, or demo.session()."
        )
    server = start_server(script, host or "127.0.0.1", port)
    print(f"{_URL_LINE}{server.url}", flush=True)
    if block:
        try:
            server.process.wait()
        except KeyboardInterrupt:
            print("Keyboard interruption in main thread... closing server.", flush=True)
        finally:
            server.close()
    return server
