"""One app served on 127.0.0.1 by real Gradio and by gradio_nb, each in a child process that
is stopped when its ``with`` block ends, however it ends.

Shared with the browser tests (``tests/browser/conftest.py`` and ``test_gradio_pairs.py``
import these): one home for serving Gradio and for waiting on and stopping a server.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

#: What a served app's process gets besides this one's environment: no analytics, no hub,
#: no proxy for the loopback (the pages and the servers talk on 127.0.0.1 only).
QUIET_ENV = {
    "GRADIO_ANALYTICS_ENABLED": "False",
    "HF_HUB_OFFLINE": "1",
    "MPLBACKEND": "Agg",
    "NO_PROXY": "127.0.0.1,localhost",
    "no_proxy": "127.0.0.1,localhost",
}

# Runs in Gradio's child: the script runs as `python script` would run it (as __main__, its
# folder on sys.path, sys.argv holding only its path: an app that parses its command line sees
# none of ours); its own ``demo.launch()`` (if any) is redirected to a local, non-blocking
# launch on our port; a script that never launches gets its ``demo`` (else its last Blocks)
# launched after it ran. With $LOOK_TAG_BLOCKS set, each block gets the CSS class
# ``gradio-look-<id>`` before the launch (Gradio 6.31's page gives a block's element no id
# of its own, only its elem_id; its elem_classes are on the block's element).
SERVE = r"""
import os, runpy, sys, time
import gradio as gr

script, port = sys.argv[1], int(sys.argv[2])
sys.argv[:] = [script]
sys.path.insert(0, os.path.dirname(os.path.abspath(script)))
launched = []
original = gr.Blocks.launch

def launch(self, *args, **kwargs):
    if launched:
        return None
    launched.append(self)
    if os.environ.get("LOOK_TAG_BLOCKS"):
        for block in self.blocks.values():
            classes = block.elem_classes if isinstance(block.elem_classes, list) else [block.elem_classes] if block.elem_classes else []
            block.elem_classes = [*classes, f"gradio-look-{block._id}"]
    return original(self, server_name="127.0.0.1", server_port=port, prevent_thread_lock=True,
                    share=False, quiet=True, inbrowser=False)

gr.Blocks.launch = launch
namespace = runpy.run_path(script, run_name="__main__")
if not launched:
    apps = [v for v in namespace.values() if isinstance(v, gr.Blocks)]
    app = namespace.get("demo") if isinstance(namespace.get("demo"), gr.Blocks) else (apps[-1] if apps else None)
    if app is None:
        sys.exit(f"{script} builds no Gradio app")
    app.launch()
while True:
    time.sleep(3600)
"""


def free_port() -> int:
    """A free TCP port on 127.0.0.1, for a server to listen on."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_http(url: str, deadline_s: float, process: subprocess.Popen) -> None:
    """Wait until ``url`` answers; raise if ``process`` exits first or ``deadline_s`` passes."""
    deadline = time.monotonic() + deadline_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode} before answering {url}")
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except Exception:
            time.sleep(0.25)
    raise TimeoutError(f"no answer from {url} within {deadline_s} s")


def stop(process: subprocess.Popen) -> None:
    """Terminate ``process`` (kill it if it has not ended within 20 s) and reap it."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def tail(path: Path, lines: int = 12) -> str:
    """The last ``lines`` lines of a log file (what a failed server said)."""
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


def child_env() -> dict[str, str]:
    """This environment, quiet (:data:`QUIET_ENV`), with this checkout first on the path: the
    children import this gradio_nb whatever their working directory."""
    path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    return {**os.environ, **QUIET_ENV, "PYTHONPATH": path}


@contextmanager
def gradio_server(script: Path, log: Path, deadline_s: float = 120, tag_blocks: bool = False) -> Iterator[str]:
    """Serve ``script`` (``import gradio as gr``) with real Gradio from the script's folder,
    its output in ``log``; yield its URL. ``tag_blocks``: each block's element gets the class
    ``gradio-look-<id>`` (see :data:`SERVE`)."""
    port = free_port()
    env = {**child_env(), **({"LOOK_TAG_BLOCKS": "1"} if tag_blocks else {})}
    with open(log, "w") as out:
        process = subprocess.Popen(
            [sys.executable, "-c", SERVE, str(script), str(port)],
            env=env, cwd=str(script.parent), stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            url = f"http://127.0.0.1:{port}"
            try:
                wait_for_http(f"{url}/config", deadline_s, process)
            except (RuntimeError, TimeoutError) as err:
                out.flush()
                raise RuntimeError(f"Gradio: {err}\n{tail(log)}") from None
            yield url
        finally:
            stop(process)


@contextmanager
def gnb_server(script: Path, manifest: Path, log: Path, deadline_s: float = 180) -> Iterator[str]:
    """Serve ``script`` with gradio_nb's one-process server (as ``gradio-nb serve`` does),
    each block's widget tagged and listed in ``manifest`` (see ``tagged_app.py``), the
    server's output in ``log``; yield its URL."""
    # Imported here: the browser tests import this module for Gradio's server alone.
    from gradio_nb.serve import start_server

    tagged = Path(__file__).resolve().parent / "tagged_app.py"
    env = {**child_env(), "LOOK_APP": str(script.resolve()), "LOOK_MANIFEST": str(manifest)}
    try:
        server = start_server(tagged, port=free_port(), mode="one-process", timeout=deadline_s, env=env)
    except RuntimeError as err:
        raise RuntimeError(f"gradio_nb: {err}") from None
    try:
        yield server.url
    finally:
        server.close()
        log.write_text("".join(server.log))
