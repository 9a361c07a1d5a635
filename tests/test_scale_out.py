"""Scale-out past one process: two one-process servers behind HAProxy with sticky sessions.

The load balancer sends a new visitor's page request to either server and sets a cookie
naming it; the page's kernel websocket carries the cookie, so it reaches the server that holds
the page's session. Both servers share the session-cookie secret. Visitors spread over both,
and every click is counted in its own session. The close beacon a page sends when it goes
reaches its own server only thanks to the cookie (any other server would not know the page,
and its session would wait for the cull timeout)."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

if importlib.util.find_spec("solara") is None:  # not imported here: it patches what it imports
    pytest.skip("one-process serving needs gradio_nb[serve]", allow_module_level=True)

from gradio_nb.serve import Server, start_server  # noqa: E402

from visitors import Visitor, free_port, kernels, wait_until  # noqa: E402

APP = Path(__file__).parent / "served_apps" / "counted_sessions.py"
HAPROXY = shutil.which("haproxy") or "/usr/sbin/haproxy"

CONFIG = """
defaults
    mode http
    timeout connect 5s
    timeout client 60s
    timeout server 60s
    timeout tunnel 1h
frontend app
    bind 127.0.0.1:{port}
    default_backend servers
backend servers
    balance roundrobin
    cookie GNB_SERVER insert indirect nocache httponly
{servers}
"""


@pytest.fixture(scope="module")
def balanced(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, list[Server]]]:
    if not Path(HAPROXY).exists():
        pytest.fail("haproxy is not installed: scripts/install_debian_packages.sh installs it (scripts/test runs it)")
    folder = tmp_path_factory.mktemp("scale_out")
    env = {"SOLARA_SESSION_SECRET_KEY": "one secret for every server of the app"}
    servers = [start_server(APP, port=free_port(), mode="one-process", env=env) for _ in range(2)]
    port = free_port()
    lines = [f"    server s{i} {s.url.split('//')[1]} cookie s{i}" for i, s in enumerate(servers)]
    (folder / "haproxy.cfg").write_text(CONFIG.format(port=port, servers="\n".join(lines)))
    proxy = subprocess.Popen([HAPROXY, "-db", "-f", str(folder / "haproxy.cfg")], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        assert wait_until(lambda: _answers(url), timeout=30), "haproxy did not start"
        yield url, servers
    finally:
        proxy.terminate()
        proxy.wait(timeout=10)
        for server in servers:
            server.close()


def _answers(url: str) -> bool:
    try:
        return urllib.request.urlopen(url, timeout=2).status == 200
    except OSError:
        return False


def test_visitors_spread_over_two_servers_and_stay_with_theirs(balanced) -> None:
    url, servers = balanced
    pages = [Visitor(url).open() for _ in range(10)]
    held = [kernels(s.url) for s in servers]
    assert all(n > 0 for n in held) and sum(held) == 10, held  # both servers hold sessions

    def click(page: Visitor, times: int) -> str:
        button, box = page.find("ButtonModel", description="Increment"), page.find_field("Count")
        for i in range(1, times + 1):
            page.click(button)
            page.wait_for(lambda: page.value(box) == str(i))
        return page.value(box)

    with ThreadPoolExecutor(10) as pool:
        counts = list(pool.map(lambda pair: click(*pair), [(page, i + 1) for i, page in enumerate(pages)]))
    assert counts == [str(i + 1) for i in range(10)]
    for page in pages:
        page.leave()  # the close beacon goes through the balancer to the page's server too
    assert wait_until(lambda: [kernels(s.url) for s in servers] == [0, 0]) is True
