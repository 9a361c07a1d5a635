"""Browser fixtures: JupyterLab and Voila on 127.0.0.1, Debian's chromium driven by Playwright.

Every server is started on a free port by the fixture, waited for with a deadline, and
stopped (with its kernels) when the test is done. Screenshots go to ``tests/browser/output``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from scripts.look.servers import stop, wait_for_http  # noqa: F401 - the browser tests import them from here
from visitors import free_port  # noqa: F401 - also imported by the browser tests from here

playwright_api = pytest.importorskip("playwright.sync_api")

ROOT = Path(__file__).resolve().parents[2]
OUTPUT = Path(__file__).resolve().parent / "output"
SCREENSHOTS = ROOT / "docs" / "screenshots"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # A microphone that needs no person: a fake device, allowed without a prompt.
    "--use-fake-ui-for-media-stream",
    "--use-fake-device-for-media-stream",
]
TOKEN = "gradio-nb-browser-tests"


def children_running(pid: int, needle: str) -> int:
    """How many processes whose parent is ``pid`` have ``needle`` in their command line."""
    count = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) != pid:
                continue
            cmdline = (stat.parent / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except (OSError, IndexError, ValueError):
            continue
        if needle in cmdline:
            count += 1
    return count


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    # Module scope: Playwright's sync API keeps an asyncio loop running in this thread while
    # it is open, which would change how the non-browser tests after it run async code.
    if not Path(CHROMIUM).exists():
        pytest.fail("chromium is not installed: scripts/install_debian_packages.sh installs it (scripts/test runs it)")
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, timeout=60_000)
        yield browser
        browser.close()


class Lab:
    """A running JupyterLab: its URL, the folder it serves, its process."""

    def __init__(self, url: str, root: Path, process: subprocess.Popen) -> None:
        self.url, self.root, self.process = url, root, process

    def notebook_url(self, name: str) -> str:
        return f"{self.url}/lab/tree/{name}?token={TOKEN}&reset"


def _serve_notebooks(factory: pytest.TempPathFactory, name: str, app: list[str], kind: type[Lab]) -> Iterator[Lab]:
    """A Jupyter server (``app``: JupyterLab or Notebook 7) on 127.0.0.1, on a copy of
    ``notebooks/`` (runs there never touch the saved ones), started within 90 s, stopped after."""
    root = factory.mktemp(name)
    for nb in (ROOT / "notebooks").glob("*.ipynb"):
        shutil.copy(nb, root / nb.name)
    settings = factory.mktemp(f"{name}-settings")
    tracker = settings / "@jupyterlab" / "notebook-extension"
    tracker.mkdir(parents=True)
    # Off-screen cells are not rendered in windowing mode: the tests need every app drawn.
    (tracker / "tracker.jupyterlab-settings").write_text(json.dumps({"windowingMode": "none"}))
    news = settings / "@jupyterlab" / "apputils-extension"
    news.mkdir(parents=True)
    (news / "notification.jupyterlab-settings").write_text(json.dumps({"fetchNews": "false", "checkForUpdates": False}))
    port = free_port()
    env = {**os.environ, "JUPYTERLAB_SETTINGS_DIR": str(settings), "JUPYTER_CONFIG_DIR": str(factory.mktemp(f"{name}-config"))}
    command = [
        sys.executable, "-m", "jupyter", *app, "--no-browser", "--ip=127.0.0.1", f"--port={port}",
        f"--IdentityProvider.token={TOKEN}", f"--ServerApp.root_dir={root}",
        "--ServerApp.port_retries=0", "--MappingKernelManager.cull_idle_timeout=600",
    ]
    if os.geteuid() == 0:
        command.append("--allow-root")
    log = open(output_dir() / f"{name}.log", "w")
    process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}"
        wait_for_http(f"{url}/api/status?token={TOKEN}", 90, process)
        yield kind(url, root, process)
    finally:
        stop(process)
        log.close()


@pytest.fixture(scope="session")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Lab]:
    """JupyterLab 4 on a copy of ``notebooks/``."""
    yield from _serve_notebooks(tmp_path_factory, "jupyterlab", ["lab", "--LabApp.expose_app_in_browser=True"], Lab)


def output_dir() -> Path:
    OUTPUT.mkdir(exist_ok=True)
    return OUTPUT


def keep_shot(locator: object, name: str) -> str:
    """Screenshot ``locator`` into the test output and into docs/screenshots (for the README)."""
    path = output_dir() / name
    locator.screenshot(path=str(path))  # type: ignore[attr-defined]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shutil.copy(path, SCREENSHOTS / name)
    return str(SCREENSHOTS / name)


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    """A fresh browser context and page, with console errors and page errors collected."""
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    page.console_errors = []
    page.on("console", lambda m: m.type == "error" and page.console_errors.append(m.text))
    page.on("pageerror", lambda e: page.console_errors.append(str(e)))
    yield page
    context.close()


class Notebook7(Lab):
    """A running Notebook 7 (``jupyter notebook``): its notebook pages are ``/notebooks/<name>``."""

    def notebook_url(self, name: str) -> str:
        return f"{self.url}/notebooks/{name}?token={TOKEN}"


@pytest.fixture(scope="session")
def notebook7(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Notebook7]:
    """Notebook 7 on its own copy of ``notebooks/``, like ``lab``."""
    yield from _serve_notebooks(  # type: ignore[misc]
        tmp_path_factory, "notebook7", ["notebook", "--JupyterNotebookApp.expose_app_in_browser=True"], Notebook7
    )
