"""Media values given as ``http(s)://`` URLs: kept as the value, never fetched by the kernel.

Gradio keeps a URL a media component is given as its value (``FileData`` with the URL as its
``path``; a Gallery's also as its ``url``), and its page shows a Gallery's URL itself (an
``<img src=url>``). For the other media components Gradio's server downloads the URL into its
cache (when the value is set, or before a function reads it), and a function receives that copy.

gradio_nb's kernel opens no connection, ever: the value stays the URL, the page (an ``<img>``,
``<audio>``, ``<video>``, a link) loads it itself, and a function that would receive the file
gets a ``gr.Error`` naming the component instead (:func:`refuse_url`). A Chatbot's messages are
the exception: they reach the function with the URL as the file's ``path``.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any
from urllib.parse import unquote, urlsplit

from .exceptions import Error
from .uploads import guess_mimetype

#: The schemes a page may load a value from (Gradio's ``is_http_url_like``).
WEB_SCHEMES = ("http://", "https://")


def is_http_url(value: Any) -> bool:
    """Whether ``value`` is an ``http://`` or ``https://`` URL (a ``str``, as Gradio tells one)."""
    return isinstance(value, str) and value.startswith(WEB_SCHEMES)


def url_name(url: str) -> str:
    """The file name a URL ends with (unquoted), as Gradio names a downloaded file; "file" when
    its path names none."""
    return PurePosixPath(unquote(urlsplit(url).path)).name or "file"


def url_file_data(url: str, mime_type: str | None = None) -> dict[str, Any]:
    """A Gradio ``FileData`` for a URL: the URL as ``path`` and ``url`` (as Gradio's Gallery
    holds one), its file name, its MIME type by that name, no size (nothing was fetched)."""
    name = url_name(url)
    return {"path": url, "url": url, "size": None, "orig_name": name,
            "mime_type": mime_type or guess_mimetype(name), "is_stream": False,
            "meta": {"_type": "gradio.FileData"}}


def url_payload(url: str) -> dict[str, Any]:
    """The payload a one-file component (Image, Audio, Video, Model3D, DownloadButton) holds for
    a URL: ``{"path", "url", "orig_name"}``."""
    return {"path": url, "url": url, "orig_name": url_name(url)}


def refuse_url(owner: str, url: str) -> Error:
    """The ``gr.Error`` for a function that would receive the file at ``url`` from component
    ``owner`` (Gradio downloads it first; this kernel fetches nothing)."""
    return Error(
        f"{owner}: cannot give the function {url!r}: the kernel fetches no URLs (Gradio would download it). "
        "The page shows it; to process the file, give a local path instead."
    )


def check_not_url(path: Any, owner: str) -> None:
    """Raise :func:`refuse_url` if ``path``, a file a function is about to receive, is a URL."""
    if is_http_url(path):
        raise refuse_url(owner, path)
