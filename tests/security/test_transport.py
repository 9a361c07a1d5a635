"""``ssl_keyfile``/``ssl_certfile``/``ssl_keyfile_password`` serve https and wss, and
``root_path`` serves an app behind a reverse proxy (HAProxy) under a path, in both modes.

The certificate is self-signed, made by the test with openssl (its key encrypted, so that the
password is used); the client trusts exactly that certificate. The login cookie is ``Secure``
over https.
"""

from __future__ import annotations

import shutil
import ssl
import subprocess
import time
import urllib.error
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest

from gradio_nb.login import LOGIN_COOKIE

from .probes import MODES, channels_path, handshake, serve, voila_kernel
from visitors import Visitor, free_port

HAPROXY = shutil.which("haproxy") or "/usr/sbin/haproxy"
ROOT = "/myapp"


def click_once(visitor: Visitor) -> None:
    """Open the one-process page, click Increment, see "Count: 1", leave."""
    with visitor:
        button, box = visitor.find("ButtonModel", description="Increment"), visitor.find_field("Current Count")
        visitor.click(button)
        visitor.wait_for(lambda: visitor.value(box) == "Count: 1", timeout=60)


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-keyout", str(key), "-out", str(cert), "-days", "1",
         "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-passout", "pass:key password"],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    return {"TEST_CERT": str(cert), "TEST_KEY": str(key), "TEST_KEY_PASSWORD": "key password"}


@pytest.mark.parametrize("mode", MODES)
def test_https_and_wss(certificate: dict[str, str], mode: str) -> None:
    server = serve("tls_counter", mode, env=certificate)
    try:
        assert server.url.startswith("https://127.0.0.1:")
        trusted = ssl.create_default_context(cafile=certificate["TEST_CERT"])
        visitor = Visitor(server.url, ssl_context=trusted)
        status, headers, _ = visitor.request("/login", {"username": "teacher", "password": "s3cret"})
        assert status == 200
        cookie = next(c for c in headers.get_all("Set-Cookie") if c.startswith(LOGIN_COOKIE))
        assert "Secure" in cookie and "HttpOnly" in cookie
        if mode == "one-process":
            click_once(visitor)
        else:
            kernel = voila_kernel(visitor)
            own = {"Origin": server.url, "Cookie": visitor.cookie_header()}
            assert handshake(server.url, channels_path(server, kernel), own, ssl_context=trusted) == 101
        # Nothing answers in the clear, and a client that does not trust the certificate stops.
        with pytest.raises(Exception):  # noqa: B017 - the connection fails, however the stack words it
            Visitor(server.url.replace("https://", "http://")).request("/login")
        with pytest.raises(urllib.error.URLError, match="CERTIFICATE_VERIFY_FAILED"):
            Visitor(server.url, ssl_context=ssl.create_default_context()).request("/login")
    finally:
        server.close()


PROXY = """
defaults
    mode http
    timeout connect 5s
    timeout client 60s
    timeout server 60s
    timeout tunnel 1h
frontend proxy
    bind 127.0.0.1:{port}
    http-request deny unless {{ path_beg {root}/ }} || {{ path {root} }}
    http-request replace-path {root}(/)?(.*) /\\2
    default_backend app
backend app
    server app {backend}
"""


@pytest.fixture(params=MODES)
def proxied(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, str]]:
    """The login counter served with ``root_path="/myapp"`` behind HAProxy, which strips it."""
    if not Path(HAPROXY).exists():
        pytest.fail("haproxy is not installed: scripts/install_debian_packages.sh installs it (scripts/test runs it)")
    server = serve("tls_counter", request.param, env={"TEST_ROOT_PATH": ROOT})
    port = free_port()
    backend = urllib.parse.urlsplit(server.url).netloc
    (tmp_path / "haproxy.cfg").write_text(PROXY.format(port=port, root=ROOT, backend=backend))
    proxy = subprocess.Popen([HAPROXY, "-db", "-f", str(tmp_path / "haproxy.cfg")], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                Visitor(f"http://127.0.0.1:{port}{ROOT}").request("/login", timeout=5)
                break
            except OSError:
                time.sleep(0.2)
        yield f"http://127.0.0.1:{port}{ROOT}", request.param
    finally:
        proxy.terminate()
        proxy.wait(timeout=15)
        server.close()


def test_root_path_behind_a_reverse_proxy(proxied: tuple[str, str]) -> None:
    url, mode = proxied
    stranger = Visitor(url)
    status, headers, _ = stranger.request("/", headers={"Accept": "text/html"})
    assert status == 303 and headers["Location"] == f"{ROOT}/login"
    visitor = Visitor(url)
    status, headers, _ = visitor.request("/login", {"username": "teacher", "password": "s3cret"}, headers={"Accept": "text/html"})
    assert status == 303 and headers["Location"] == f"{ROOT}/"
    status, _, page = visitor.request("/", headers={"Accept": "text/html"}, timeout=90)
    assert status == 200
    assert f'"{ROOT}/'.encode() in page or f"'{ROOT}/".encode() in page  # the page's own addresses carry the root
    if mode == "one-process":
        click_once(visitor)
    else:
        kernel = voila_kernel(visitor)
        path = channels_path(type("S", (), {"mode": mode})(), kernel)
        assert handshake(url, path, {"Origin": url.removesuffix(ROOT), "Cookie": visitor.cookie_header()}) == 101
    status, headers, _ = visitor.request("/logout")
    assert status == 302 and headers["Location"] == f"{ROOT}/"
