"""The page files solara-server's front end needs, installed from the npm registry.

solara-server 1.64 serves its page's JavaScript and CSS from ``/_solara/cdn/<package>@<version>/...``,
a proxy that fetches each file from a CDN on first use and keeps it in a cache folder. With no
network the proxy answers 404 and the page stays blank, and the ``solara-assets`` wheel on PyPI
is older than the front end solara 1.64 asks for. So the project's install step puts the exact
npm packages the page names into that cache folder, checked against pinned sha512 digests:
afterwards a served app's pages need nothing but the serving process.

``python -m gradio_nb.solara_assets`` installs them (``scripts/setup.sh`` runs it).
"""

from __future__ import annotations

import base64
import hashlib
import io
import os
import sys
import tarfile
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote

REGISTRY = os.environ.get("NPM_CONFIG_REGISTRY", "https://registry.npmjs.org").rstrip("/")


@dataclass(frozen=True)
class Package:
    """An npm package solara's page loads, with its tarball's integrity (npm's ``dist.integrity``)."""

    name: str
    version: str
    integrity: str
    #: A file of the package that shows it is installed.
    probe: str

    @property
    def folder(self) -> str:
        """The package's folder under the cache, as solara's page addresses it."""
        return f"{self.name}@{self.version}"

    @property
    def tarball(self) -> str:
        """The tarball's address on the registry."""
        return f"{REGISTRY}/{self.name}/-/{self.name.split('/')[-1]}-{self.version}.tgz"


#: What solara-server 1.64's page template names (``solara/server/templates/solara.html.j2``)
#: with the Vuetify 3 front end that ipyvue 3 selects.
PACKAGES = (
    Package("@widgetti/solara-vuetify3-app", "5.2.0",
            "sha512-9UMyjf9KASR9PucZ7848upx1gqOqlUnG5Hh5or5CTaN/Um+AxAHQGwv8x4fFJzco/OaccsWdtsqb3bmYAnBo+Q==",
            "dist/solara-vuetify-app8.min.js"),
    Package("requirejs", "2.3.6",
            "sha512-ipEzlWQe6RK3jkzikgCupiTbTvm4S0/CAU5GlgptkN5SO6F3u0UD0K18wy6ErDqiCyP4J4YYe1HuAShvsxePLg==",
            "require.js"),
    Package("font-awesome", "4.5.0",
            "sha512-XGGY8CN/NT8e5fKOC/K7CESNQ3+2oYOfZqwZcKgEMtcmTiHtFIH+XZWRoU0HtcdwhtSkpWXLfTIUlTdJ4PhX8A==",
            "css/font-awesome.min.css"),
)  # fmt: skip


def cache_dir() -> Path:
    """solara's proxy cache folder: ``$SOLARA_ASSETS_PROXY_CACHE_DIR``, else solara's default
    (``<sys.prefix>/share/solara/cdn``)."""
    configured = os.environ.get("SOLARA_ASSETS_PROXY_CACHE_DIR")
    return Path(configured) if configured else Path(sys.prefix) / "share" / "solara" / "cdn"


def missing(folder: Path | None = None) -> list[Package]:
    """The packages not yet installed in ``folder`` (default: :func:`cache_dir`)."""
    root = folder or cache_dir()
    return [p for p in PACKAGES if not (root / p.folder / p.probe).is_file()]


def _verified(package: Package, data: bytes) -> bytes:
    algorithm, _, expected = package.integrity.partition("-")
    digest = base64.b64encode(hashlib.new(algorithm, data).digest()).decode()
    if digest != expected:
        raise RuntimeError(f"{package.folder}: the tarball from {package.tarball} does not match its pinned {algorithm} digest")
    return data


def install(folder: Path | None = None, timeout: float = 120) -> list[Package]:
    """Download, check and unpack every missing package into ``folder``; return those installed."""
    root = folder or cache_dir()
    done = []
    for package in missing(root):
        with urllib.request.urlopen(package.tarball, timeout=timeout) as response:  # noqa: S310 - a pinned https URL
            data = _verified(package, response.read())
        target = root / package.folder
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
            for member in archive.getmembers():
                # npm tarballs hold one top folder ("package/"); files only, never outside target
                name = member.name.split("/", 1)[1] if "/" in member.name else ""
                if not member.isfile() or not name or ".." in Path(name).parts:
                    continue
                path = target / name
                path.parent.mkdir(parents=True, exist_ok=True)
                source = archive.extractfile(member)
                assert source is not None
                path.write_bytes(source.read())
        done.append(package)
    return done


class CachedOnly:
    """ASGI middleware: ``/_solara/cdn/...`` answers from the installed files only.

    solara's proxy fetches a missing file from the CDN while the request waits, in the server's
    event loop (up to 4 tries, 7 s with no network): any visitor could freeze every page by
    asking for files that are not there, and fill the disk with files fetched for them. A path
    that is not an installed file gets 404 here, before solara sees it."""

    def __init__(self, app: Any, folder: Path | None = None, prefix: str = "/_solara/cdn/") -> None:
        self.app = app
        self.folder = (folder or cache_dir()).resolve()
        self.prefix = prefix

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        """Serve one ASGI connection."""
        path = scope.get("path", "")
        root = scope.get("root_path", "").rstrip("/")
        path = path[len(root):] if root and path.startswith(root) else path
        if scope["type"] == "http" and path.startswith(self.prefix) and not self._installed(path[len(self.prefix):]):
            await send({"type": "http.response.start", "status": 404, "headers": [(b"content-length", b"0")]})
            await send({"type": "http.response.body", "body": b""})
            return
        await self.app(scope, receive, send)

    def _installed(self, name: str) -> bool:
        name = unquote(name)
        # A bare package address is its main file, which solara's cache keeps as __main.js.
        target = (self.folder / name / ("__main.js" if "/" not in name.strip("/") else "")).resolve()
        return target.is_relative_to(self.folder) and target.is_file()


def main() -> None:
    """Install the packages and say where."""
    installed = install()
    names = ", ".join(p.folder for p in installed) or "nothing (all present)"
    print(f"solara page files in {cache_dir()}: installed {names}")


if __name__ == "__main__":
    main()
