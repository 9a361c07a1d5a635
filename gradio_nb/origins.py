"""Which pages and names a served app answers: the ``Origin`` and ``Host`` checks.

Independent of any web framework: :mod:`gradio_nb.access_guard` applies them in one-process
serving (ASGI) and :mod:`gradio_nb.voila_server` with a kernel per visitor (tornado).

- **Origin.** A browser names the page that sends a request in its ``Origin`` header. A
  websocket or a state-changing request (any method but GET, HEAD, OPTIONS) whose origin is
  not the app's own is refused before anything is made (cross-site websocket hijacking and
  CSRF). The app's own origin is the ``Host`` the request was sent to; loopback names
  (``localhost``, ``127.0.0.1``, ``[::1]``) on the same port are one server. ``strict_cors=False``
  also lets in ``null`` (a local file embedding the app), as Gradio does. A request with no
  ``Origin`` is not from a page in a browser (browsers send it on these requests), so it
  cannot be a cross-site one; the login still applies to it.
- **Host.** A server bound to loopback answers to loopback names only (DNS rebinding).
- **Paths.** No route needs a ``..`` segment (:func:`climbs`).
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from .launch_options import LaunchOptions

#: Methods that change nothing, to which the origin check does not apply.
SAFE_METHODS = frozenset(("GET", "HEAD", "OPTIONS"))
_LOOPBACK = frozenset(("localhost", "127.0.0.1", "::1", "0.0.0.0"))
_DEFAULT_PORTS = {"http": 80, "https": 443, "ws": 80, "wss": 443}


def _host_port(netloc: str, scheme: str) -> tuple[str, int | None]:
    """``(host, port)`` of ``netloc`` ("Host: a:1" or an origin's), lower case, the scheme's
    default port filled in; ``("", None)`` if it cannot be parsed."""
    try:
        parts = urlsplit(f"{scheme}://{netloc}")
        host, port = (parts.hostname or "").lower(), parts.port
    except ValueError:
        return "", None
    return host, port if port is not None else _DEFAULT_PORTS.get(scheme)


@dataclass(frozen=True)
class OriginPolicy:
    """Which ``Origin`` may send a websocket or a state-changing request, and which ``Host``
    names the server answers to.

    ``allowed`` names more origins (``"https://school.example"``), for an app embedded in
    another site; ``strict_cors=False`` lets in ``null`` too, as in Gradio. ``hosts``, when
    not empty, are the only names the server answers to: a server bound to loopback answers
    to loopback names (and the allowed origins' hosts) only, so that a site whose name an
    attacker points at 127.0.0.1 (DNS rebinding) is not the app's own origin."""

    strict_cors: bool = True
    allowed: frozenset[str] = frozenset()
    hosts: frozenset[str] = frozenset()

    def allows_host(self, host: str | None) -> bool:
        """Whether the server answers a request sent to ``host`` (its ``Host`` header)."""
        if not self.hosts:
            return True
        return _host_port(host or "", "http")[0] in self.hosts

    def allows(self, origin: str | None, host: str | None) -> bool:
        """Whether a request sent to ``host`` (its ``Host`` header) by a page of ``origin``
        may go on."""
        if origin is None:
            return True  # not sent by a page in a browser: no cross-site request is possible
        origin = origin.strip()
        if origin.lower() == "null":
            return not self.strict_cors
        try:
            parts = urlsplit(origin)
        except ValueError:
            return False
        scheme = parts.scheme.lower()
        if scheme not in ("http", "https") or parts.path not in ("", "/") or parts.query or parts.username:
            return False
        if origin.rstrip("/").lower() in self.allowed:
            return True
        if not host:
            return False
        mine = _host_port(parts.netloc, scheme)
        served = _host_port(host, scheme)
        if not mine[0] or mine[1] is None:
            return False
        same_port = mine[1] == served[1]
        return same_port and (mine[0] == served[0] or (mine[0] in _LOOPBACK and served[0] in _LOOPBACK))

    def refusal(self, raw_path: str, method: str, websocket: bool, host: str | None,
                origin: str | None) -> tuple[int, str] | None:  # fmt: skip
        """Why a request is refused before anything else is looked at, as ``(status,
        reason)``: a path climbing out, a name the server does not answer to, another site's
        websocket or state-changing request. ``None``: it may go on (to the login)."""
        if climbs(raw_path):
            return 404, "Not found."
        if not self.allows_host(host):
            return 403, "Host not allowed."
        if (websocket or method not in SAFE_METHODS) and not self.allows(origin, host):
            return 403, "Cross-origin request refused."
        return None

    @classmethod
    def of(cls, options: LaunchOptions, allowed: Sequence[str] = (), bound_to: str = "127.0.0.1") -> OriginPolicy:
        """The policy of an app's launch options, with ``allowed`` origins added, for a server
        listening on ``bound_to``."""
        origins = frozenset(o.rstrip("/").lower() for o in allowed)
        hosts: frozenset[str] = frozenset()
        if _is_loopback(bound_to):
            named = [*origins, *([options.root_path] if (options.root_path or "").startswith(("http://", "https://")) else [])]
            hosts = _LOOPBACK | {(urlsplit(o).hostname or "").lower() for o in named}
        return cls(options.strict_cors, origins, hosts)


def climbs(path: str) -> bool:
    """Whether a request path has a ``..`` segment, however it is spelled (``%2e%2e``, ``%2F``,
    a backslash, double encoding): no route of a served app needs one, and a file route that
    follows one leaks the machine's files (Gradio's CVE-2023-51449 and its kind)."""
    for _ in range(3):  # decoded up to three times: %252e%252e is %2e%2e is ..
        decoded = unquote(path)
        if decoded == path:
            break
        path = decoded
    return ".." in re.split(r"[/\\]", path)


def _is_loopback(address: str) -> bool:
    """Whether a server listening on ``address`` is reachable from this machine only."""
    if address.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(address.strip("[]")).is_loopback
    except ValueError:
        return False
