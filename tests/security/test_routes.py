"""No file route of a served app reaches the machine's files, the app's script or a symlink's
target, however the path is spelled.

From Gradio's advisories on its file routes: GHSA-6qm2-wpxq-7qh2 (CVE-2023-51449, ``/file=``
traversal), GHSA-37qc-qgx6-9xjv (CVE-2024-47166, one-level traversal in an asset route),
GHSA-77xq-6g77-h274 (CVE-2024-47164, ``..`` past a prefix check), GHSA-39mp-8hj3-5c49
(CVE-2026-28414, ``/static//windows/win.ini``), and Gradio's tests
``test_static_files_served_safely`` (``/static/..%2findex.html``) and ``test_file_access``.
gradio_nb serves no file of the app by URL (component values travel over the page's
websocket); the routes that remain are the servers' own (solara's static and CDN files,
Voila's static, template and notebook-folder files), tried here with the usual spellings.
"""

from __future__ import annotations

import http.client
import json
import shutil
import urllib.parse
from pathlib import Path

import pytest

from gradio_nb.serve import start_server

from .probes import APPS
from visitors import Visitor, free_port

SECRET = Path("/etc/passwd")
TRAVERSALS = [
    "{r}/..%2f..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd",
    "{r}/..%2F..%2F..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd",
    "{r}/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "{r}/../../../../../../../etc/passwd",
    "{r}//etc/passwd",
    "{r}/%2fetc%2fpasswd",
    "{r}/....//....//....//etc/passwd",
    "{r}/..%5c..%5c..%5c..%5cetc%5cpasswd",
    "{r}/%252e%252e/%252e%252e/%252e%252e/etc/passwd",
    "{r}/..%c0%af..%c0%af..%c0%afetc/passwd",
]
ROUTES = {
    "one-process": ["/static", "/static/public", "/static/assets", "/_solara/cdn", "/jupyter/nbextensions", ""],
    # Any other path of a kernel-per-visitor server is the app's page (a new kernel each): not tried here.
    "kernel-per-visitor": ["/voila/static", "/voila/files", "/voila/templates", "/voila/labextensions", "/voila/api/themes"],
}


def raw_get(url: str, path: str) -> tuple[int, bytes]:
    """GET ``path`` exactly as written (no client-side normalising of ``..``)."""
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.netloc, timeout=90)
    try:
        connection.request("GET", path)
        answer = connection.getresponse()
        return answer.status, answer.read()
    finally:
        connection.close()


def leaked(body: bytes, script: Path) -> bool:
    """Whether ``body`` holds the machine's password file or the app's source."""
    return b"root:x:0:0" in body or b"def increment(count)" in body or script.read_bytes()[:200] in body


@pytest.mark.parametrize("template", TRAVERSALS)
def test_traversals_reach_nothing(open_server, template: str) -> None:
    script = APPS / "open_counter.py"
    for route in ROUTES[open_server.mode]:
        path = template.format(r=route)
        status, body = raw_get(open_server.url, path)
        assert not leaked(body, script), (path, status)
    for name in ("open_counter.py", "probes.py", "../apps/open_counter.py"):
        for route in ROUTES[open_server.mode]:
            status, body = raw_get(open_server.url, f"{route}/{name}")
            assert not leaked(body, script), (route, name, status)


def test_the_apps_folder_is_not_served(open_server) -> None:
    """The script's own folder, its Python files and a dotfile beside it are not served."""
    for path in ("/open_counter.py", "/apps/open_counter.py", "/.env", "/voila/files/open_counter.py"):
        assert not leaked(raw_get(open_server.url, path)[1], APPS / "open_counter.py"), path


def test_a_symlink_beside_a_served_notebook_is_not_followed(tmp_path: Path) -> None:
    """Voila serves image files beside a notebook (``/voila/files/``); a link there pointing
    out of the folder is refused, a plain image is served (so the route is really there)."""
    notebook = Path(__file__).parents[2] / "notebooks" / "01_counter.ipynb"
    shutil.copy(notebook, tmp_path / notebook.name)
    (tmp_path / "leak.png").symlink_to(SECRET)
    (tmp_path / "fine.png").write_bytes(b"\x89PNG not really")
    outside = tmp_path.parent / f"{tmp_path.name}-outside.png"
    outside.write_bytes(b"root:x:0:0 outside")
    (tmp_path / "up.png").symlink_to(outside)
    server = start_server(tmp_path / notebook.name, port=free_port(), mode="kernel-per-visitor", timeout=90)
    try:
        assert raw_get(server.url, "/voila/files/fine.png") == (200, b"\x89PNG not really")
        for path in ("/voila/files/leak.png", "/voila/files/up.png", f"/voila/files/..%2f{outside.name}"):
            status, body = raw_get(server.url, path)
            assert status in (403, 404) and not leaked(body, notebook), path
    finally:
        server.close()


def test_the_cdn_proxy_fetches_nothing_for_a_visitor(open_server) -> None:
    """solara's /_solara/cdn/ proxy would fetch a missing file from the CDN while the request
    waits in the server's one event loop (7 s without network: every page frozen meanwhile)
    and keep it on disk: a flood of such requests would stop the app and fill the disk.
    gradio_nb answers it from the installed files only."""
    if open_server.mode != "one-process":
        pytest.skip("solara's route")
    from gradio_nb.solara_assets import cache_dir

    before = sorted(p.name for p in cache_dir().iterdir())
    for path in ("/_solara/cdn/left-pad@1.3.0/index.js", "/_solara/cdn/left-pad@1.3.0", "/_solara/cdn//etc/passwd"):
        assert raw_get(open_server.url, path)[0] == 404, path
    assert sorted(p.name for p in cache_dir().iterdir()) == before
    assert raw_get(open_server.url, "/_solara/cdn/requirejs@2.3.6/require.js")[0] == 200  # installed files are served


def test_server_state_is_not_for_visitors(open_server) -> None:
    """solara's /resourcez tells no more than counts to a visitor (no session or kernel ids)."""
    if open_server.mode != "one-process":
        pytest.skip("solara's route")
    with Visitor(open_server.url) as visitor:
        status, _, body = visitor.request("/resourcez")
        if status == 200:
            assert visitor.kernel_id not in body.decode() and visitor.page_id not in body.decode()
            json.loads(body)
