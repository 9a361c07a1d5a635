"""Serving an app outside a notebook: ``python app.py`` and ``gradio-nb serve PATH``.

Two modes, both on 127.0.0.1 by default:

- **One process** (the default for a ``.py`` app, :func:`serve_in_process`): solara-server
  gives every page a virtual kernel (its own comm manager and widgets) in this process, and
  each page gets a new session of the app (:mod:`gradio_nb.solara_page`). Sessions are
  isolated as in a notebook; module-level globals of the app are shared, as in Gradio. A
  guard closes a page that sends anything but Jupyter messages (:mod:`gradio_nb.message_guard`).
- **A kernel per visitor** (``--kernel-per-visitor``, the default for a notebook,
  :func:`serve_forever`): Voila starts a Jupyter kernel for every visitor, which runs the app's
  script (or notebook) and shows the app: process isolation, at a kernel's memory and start-up
  per visitor (:mod:`gradio_nb.voila_server`).

Both modes check who asks before a session is made (:mod:`gradio_nb.origins`: the origin and
the ``Host``; :mod:`gradio_nb.login`: the login of ``launch(auth=...)``), and read the app's
``launch()`` options by running its script once in the serving process, up to ``launch()``
(:func:`load_launch`).
"""

from __future__ import annotations

import json
import os
import secrets
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time
import warnings
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from _gradio_nb_alias import install as install_gradio_alias

from .app_scripts import run_app, run_app_script, script_app
from .display import Launched, launch_mode
from .event_data import USER_HEADER, VISITOR_HEADERS
from .launch_options import LaunchOptions, warn_unheeded
from .login_page import login_style
from .message_guard import MAX_MESSAGE_BYTES, MessageGuard
from .origins import OriginPolicy
from .solara_assets import CachedOnly, cache_dir, missing

if TYPE_CHECKING:
    from .blocks import Blocks

DEFAULT_PORT = 7860  # Gradio's
CULL_IDLE_SECONDS = 300
#: How a server announces where it is (Gradio's words): the line ``start_server`` waits for.
URL_LINE = "* Running on local URL:  "

#: Jupyter data files of gradio_nb (its Voila template), put on ``JUPYTER_PATH`` when serving.
JUPYTER_DATA = Path(__file__).parent / "jupyter_data"


# -- what the visitor's kernel runs ----------------------------------------------------------
def load_launch(path: str | Path) -> tuple[Blocks, LaunchOptions]:
    """Run the app script at ``path`` up to its ``launch()`` and return its app and the
    options it was launched with (what follows ``launch()`` is for a process that launched
    it, which a server is not); a script that only builds ``demo`` gives the default options."""
    token = launch_mode.set("serving")
    try:
        return script_app(run_app_script(path, chdir=True), path), LaunchOptions()
    except Launched as launched:
        return launched.blocks, launched.options
    finally:
        launch_mode.reset(token)


def show_script(path: str) -> None:
    """Run the app script at ``path`` in this (a visitor's) kernel and show its app: the
    script's ``demo.launch()`` shows it; a script that only builds ``demo`` gets it shown.
    The kernel serves only this app: ``gradio`` is gradio_nb here for good (a function
    importing it at click time included)."""
    install_gradio_alias(prefer=True)
    token = launch_mode.set("served")
    try:
        run_app(path, chdir=True)
    finally:
        launch_mode.reset(token)


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


# -- the server --------------------------------------------------------------------------------
def serve_forever(
    path: str | Path, host: str | None = None, port: int | None = None, theme: str | None = None,
    allowed_origins: Sequence[str] = (),
) -> None:  # fmt: skip
    """Serve the app at ``path`` (a ``.py`` script or a notebook) with a kernel per visitor
    until interrupted; ``theme`` ("light" or "dark") is Voila's page theme, which the app
    follows. A script is run here once, up to its ``launch()``, for its options (login,
    ``strict_cors``, TLS, ``root_path``); a notebook is served with the defaults."""
    target = Path(path).resolve()
    if not target.exists():
        raise FileNotFoundError(f"gradio-nb serve: {target} does not exist.")
    if target.suffix not in (".py", ".ipynb"):
        raise ValueError(f"gradio-nb serve: expected a .py app or a .ipynb notebook, got {target.name}.")
    # Voila, tornado and the serve extra's packages: only when serving this way.
    from .login import Login, LoginRoutes
    from .voila_server import OWNER_COOKIE, Access, voila_class

    install_gradio_alias(prefer=True)  # as in the kernels: this process serves only the app
    blocks, options = load_launch(target) if target.suffix == ".py" else (None, LaunchOptions())
    warn_unheeded(options, "served")
    login = Login(options, secrets.token_hex(32)) if options.needs_login else None
    title = blocks.title if blocks is not None else target.stem
    routes = LoginRoutes(login, title, login_style(blocks.theme if blocks is not None else None), ("_xsrf", OWNER_COOKIE))
    root = (options.root_path or "").rstrip("/")
    host = host or options.server_name or "127.0.0.1"
    access = Access(OriginPolicy.of(options, allowed_origins, host), routes, root)
    with tempfile.TemporaryDirectory(prefix="gradio_nb_") as folder:
        notebook = script_notebook(target, Path(folder)) if target.suffix == ".py" else target
        # gradio_nb's Voila template (the lab one, with no CDN link) lives in the package.
        os.environ["JUPYTER_PATH"] = os.pathsep.join(filter(None, [str(JUPYTER_DATA), os.environ.get("JUPYTER_PATH")]))
        app = voila_class(access, options, port or options.server_port)()
        app.initialize(
            [
                str(notebook),
                "--no-browser",
                f"--Voila.ip={host}",
                f"--MappingKernelManager.cull_idle_timeout={CULL_IDLE_SECONDS}",
                "--MappingKernelManager.cull_interval=60",
                "--Voila.log_level=WARN",
                "--VoilaConfiguration.template=gradio_nb",
                "--VoilaConfiguration.multi_kernel_manager_class=gradio_nb.voila_server.OwnedKernels",
                # Behind a proxy that strips root_path: routes at /, the page's URLs under it.
                *([f"--Voila.base_url={root}/", "--Voila.server_url=/"] if root else []),
                # The visitor's headers reach the kernel as HTTP_* variables: gr.Request's headers
                # (and who logged in, set by the server once the login is checked).
                f"--VoilaConfiguration.http_header_envs={json.dumps([*VISITOR_HEADERS, USER_HEADER])}",
                *([f"--VoilaConfiguration.theme={theme}"] if theme else []),
            ]
        )
        app.start()


def ssl_context_of(options: LaunchOptions) -> ssl.SSLContext | None:
    """The server's TLS context from ``ssl_certfile``/``ssl_keyfile``/``ssl_keyfile_password``."""
    if not options.ssl_certfile:
        return None
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(options.ssl_certfile, options.ssl_keyfile, options.ssl_keyfile_password)
    return context


def listening_socket(host: str, port: int | None) -> socket.socket:
    """A socket bound to ``port`` (default: Gradio's 7860, or the next free one).

    Made with ``IPPROTO_TCP`` spelled out: asyncio sets TCP_NODELAY only on connections whose
    socket says so (the default, 0, would leave Nagle's algorithm on: ~50 ms a click)."""
    first = port or DEFAULT_PORT
    for candidate in [first] if port else range(first, first + 100):
        sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, candidate))
        except OSError:
            sock.close()
            continue
        sock.listen(2048)
        return sock
    raise OSError(f"gradio-nb serve: no free port from {first} on {host}")


def serve_in_process(
    path: str | Path, host: str | None = None, port: int | None = None, theme: str | None = None,
    allowed_origins: Sequence[str] = (),
) -> None:  # fmt: skip
    """Serve the app script at ``path`` from this process until interrupted: solara-server's
    virtual kernels give every page its own comms, and each page gets a new session of the
    app (see :mod:`gradio_nb.solara_page`). ``theme`` ("light" or "dark") is the pages'
    default ``?__theme=``. Who may reach it is the app's ``launch()`` options' say (login,
    ``strict_cors``) and ``allowed_origins``' (pages of other sites that may use it); host and
    port given here win over the script's ``server_name``/``server_port``."""
    target = Path(path).resolve()
    if not target.exists():
        raise FileNotFoundError(f"gradio-nb serve: {target} does not exist.")
    if target.suffix != ".py":
        raise ValueError(f"gradio-nb serve: one process serves a .py app; serve {target.name} with --kernel-per-visitor.")
    absent = missing()
    if absent:
        raise RuntimeError(
            f"gradio-nb serve: solara's page files are not installed in {cache_dir()} "
            f"({', '.join(p.folder for p in absent)}); run `python -m gradio_nb.solara_assets` once."
        )
    # solara reads its settings from the environment when it is imported.
    os.environ.update({"SOLARA_APP": "gradio_nb.solara_page", "GRADIO_NB_APP": str(target)})
    os.environ.update({"SOLARA_TELEMETRY_MIXPANEL_ENABLE": "false", "SOLARA_THEME_SHOW_BANNER": "false"})
    os.environ.setdefault("SOLARA_ASSETS_PROXY_CACHE_DIR", str(cache_dir()))
    os.environ.setdefault("SOLARA_ASSETS_FONTAWESOME_ENABLED", "false")
    os.environ.setdefault("SOLARA_THEME_TITLE", target.stem)
    # A page gone without closing (network lost) is freed after this long, as Voila culls.
    os.environ.setdefault("SOLARA_KERNEL_CULL_TIMEOUT", f"{CULL_IDLE_SECONDS}s")
    # Signs the session cookie and the login cookie: one per process unless given (several
    # processes behind one load balancer must share it, see the README).
    os.environ.setdefault("SOLARA_SESSION_SECRET_KEY", secrets.token_hex(32))
    # The session cookie is of no use to the page's scripts: out of their reach (XSS).
    os.environ.setdefault("SOLARA_SESSION_HTTP_ONLY", "true")
    if theme:
        os.environ["GRADIO_NB_THEME"] = theme
        os.environ.setdefault("SOLARA_THEME_VARIANT", theme)
    import uvicorn
    from solara.server.starlette import app

    # solara would set its session cookie SameSite=None, which needs https; on http it keeps
    # SameSite=Lax (what a page that is not embedded elsewhere wants) and warns on every page.
    warnings.filterwarnings("ignore", message="Cookies with samesite=none require https", category=UserWarning)

    # This process serves only the app: ``gradio`` is gradio_nb here for good (a function
    # importing it at click time included).
    install_gradio_alias(prefer=True)
    # The serve extra's packages (itsdangerous, starlette) and the app's own script: only here.
    from . import solara_page  # runs the app's script up to launch() (solara imports it too)
    from .access_guard import AccessGuard
    from .login import Login, LoginRoutes

    assert solara_page.APP is not None
    blocks, options = solara_page.APP, solara_page.OPTIONS
    warn_unheeded(options, "served")
    login = Login(options, os.environ["SOLARA_SESSION_SECRET_KEY"]) if options.needs_login else None
    routes = LoginRoutes(login, blocks.title, login_style(blocks.theme), solara_page.SESSION_COOKIES)
    host = host or options.server_name or "127.0.0.1"
    origins = OriginPolicy.of(options, allowed_origins, host)
    guard = AccessGuard(CachedOnly(MessageGuard(app)), origins, routes, solara_page.owns_page)
    sock = listening_socket(host, port or options.server_port)
    bound_host, bound_port = sock.getsockname()[:2]
    url = served_url(bound_host, bound_port, options)

    class Announcing(uvicorn.Server):
        async def startup(self, sockets: list[socket.socket] | None = None) -> None:
            await super().startup(sockets)
            print(f"{URL_LINE}{url}", flush=True)

    config = uvicorn.Config(
        guard, log_level="warning", lifespan="on", ws_max_size=MAX_MESSAGE_BYTES, root_path=options.root_path or "",
        ssl_keyfile=options.ssl_keyfile, ssl_certfile=options.ssl_certfile,
        ssl_keyfile_password=options.ssl_keyfile_password,
    )  # fmt: skip
    Announcing(config).run(sockets=[sock])


def served_url(host: str, port: int, options: LaunchOptions) -> str:
    """The address visitors open: https with a certificate, under ``root_path`` if it is a
    path (a full URL is used as it is, as Gradio does)."""
    root = (options.root_path or "").rstrip("/")
    if root.startswith(("http://", "https://")):
        return root + "/"
    scheme = "https" if options.ssl_certfile else "http"
    return f"{scheme}://{host}:{port}{root}/" if root else f"{scheme}://{host}:{port}"


@dataclass
class Server:
    """A served app running in a child process; :meth:`close` stops it. :attr:`log` keeps
    the last lines the server printed (read all along: a server whose output nobody reads
    stops once its pipe is full)."""

    process: subprocess.Popen[str]
    url: str
    log: deque[str] = field(default_factory=lambda: deque(maxlen=2000))

    def keep_reading(self, echo: bool = False) -> None:
        """Read the server's output from now on, in a thread, into :attr:`log` (and to this
        process's stdout if ``echo``, as ``python app.py`` shows what its server prints)."""

        def read() -> None:
            assert self.process.stdout is not None
            for line in self.process.stdout:
                self.log.append(line)
                if echo:
                    print(line, end="", flush=True)

        threading.Thread(target=read, name="gradio-nb-server-output", daemon=True).start()

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
    path: str | Path,
    host: str | None = "127.0.0.1",
    port: int | None = None,
    timeout: float = 60,
    theme: str | None = None,
    mode: str | None = None,
    env: dict[str, str] | None = None,
    allowed_origins: Sequence[str] = (),
    echo: bool = False,
) -> Server:
    """Start serving ``path`` in a child process (``mode``: "one-process" or
    "kernel-per-visitor"; by default as ``gradio-nb serve`` chooses), with ``env`` added to
    its environment; return once its URL is known. ``host=None`` leaves it to the script's
    ``launch(server_name=...)`` (else 127.0.0.1). What the server prints afterwards is kept
    in its :attr:`Server.log`, and printed here too if ``echo``."""
    command = [sys.executable, "-m", "gradio_nb.cli", "serve", str(path)]
    if host is not None:
        command += ["--host", host]
    if mode is not None:
        command.append(f"--{mode}")
    if port is not None:
        command += ["--port", str(port)]
    if theme is not None:
        command += ["--theme", theme]
    for origin in allowed_origins:
        command += ["--allowed-origin", origin]
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, stdin=subprocess.DEVNULL,
        env={**os.environ, **(env or {})},
    )  # fmt: skip
    server = Server(process, "")
    deadline = time.monotonic() + timeout
    assert process.stdout is not None
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        server.log.append(line)
        if line.startswith(URL_LINE):
            server.url = line[len(URL_LINE):].strip()
            server.keep_reading(echo)
            return server
    server.close()
    raise RuntimeError("gradio_nb could not start serving the app:\n" + "".join(list(server.log)[-20:]))


def launch_outside_kernel(options: LaunchOptions, block: bool) -> Server:
    """``demo.launch()`` in a plain Python process: serve the running script (whose
    ``launch()`` options the server reads again when it runs the script)."""
    main = sys.modules.get("__main__")
    script = getattr(main, "__file__", None)
    if not script or not script.endswith(".py"):
        raise RuntimeError(
            "demo.launch() outside a notebook serves the script being run (python app.py); "
            "this Python session runs no script. Use `gradio-nb serve app.py`, or demo.session()."
        )
    warn_unheeded(options, "served")
    server = start_server(script, None, None, echo=True)
    if not options.quiet:
        print(f"{URL_LINE}{server.url}", flush=True)
    if options.inbrowser:
        import webbrowser

        webbrowser.open(server.url)
    if block:
        try:
            server.process.wait()
        except KeyboardInterrupt:
            print("Keyboard interruption in main thread... closing server.", flush=True)
        finally:
            server.close()
    return server
