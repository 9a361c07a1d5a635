"""Which files a function may show: Gradio's rule for the paths it serves.

Gradio copies every file a function returns into its cache before the page may fetch it, and
refuses (``InvalidPathError``) a file it would not serve: one in ``blocked_paths``, or one that
is in none of ``allowed_paths``, the current working directory, the system's temporary folder
and Gradio's upload folder (``GRADIO_TEMP_DIR``); a dotfile in the working directory only when
``allowed_paths`` names it; a file under ``gr.set_static_paths`` always. gradio_nb has no
server, but a notebook app shared through Voila serves its files to visitors as Gradio would,
so the same rule applies, with the same messages, to what a function returns.

One folder more is always allowed here: gradio_nb's own sample media (``gradio_nb/media_assets``,
what ``gr.get_image()`` and its siblings return), exactly that folder, links and ``..``
resolved (a link in it to a file elsewhere is that file, and is checked as such). Gradio
allows its own only when it happens to lie under the working directory or ``allowed_paths``.
An ``http(s)://`` URL is no file: it is not checked (as in Gradio), and never fetched (see
:mod:`gradio_nb.media_urls`).

``allowed_paths``/``blocked_paths`` are read from the app (``Blocks.launch(allowed_paths=...,
blocked_paths=...)`` keeps them as attributes, as Gradio's Blocks does); an app without them
has none.
"""

from __future__ import annotations

import copy
import errno
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

from .alerts import current_session
from .exceptions import Error
from .media import MEDIA_ROOT
from .media_urls import check_not_url, is_http_url


class InvalidPathError(Error, ValueError):
    """A function returned a file that Gradio would not serve (Gradio's ``InvalidPathError``, a
    ``ValueError``). Also a ``gr.Error`` here, so that the app shows its message as it is, as
    Gradio does, not wrapped as a failed postprocess."""

    def __init__(self, message: str = "") -> None:
        super().__init__(message)

    def __str__(self) -> str:
        return self.message


def abspath(path: str | Path) -> Path:
    """An absolute path, not resolving links (Gradio's ``utils.abspath``)."""
    return Path(os.path.abspath(str(path)))


def real_path(path: str | Path) -> Path:
    """Where ``path`` leads, as the file system opens it: made absolute from the working
    directory, then each link and ``..`` resolved in order. ``link/..`` is the parent of the
    link's target, which is not where ``os.path.abspath`` puts it (it drops ``link/..``
    before looking at links): a check on that spelling would pass a path that reads
    another file."""
    return Path(os.path.realpath(Path.cwd() / path))


def is_in_or_equal(path: str | Path, folder: str | Path) -> bool:
    """Whether ``path`` is ``folder`` or inside it, links and ``..`` resolved as the file
    system resolves them (Gradio's rule; see :func:`real_path`)."""
    try:
        real_path(path).relative_to(real_path(folder))
    except ValueError:
        return False
    return True


def upload_folder() -> str:
    """Gradio's upload folder: ``GRADIO_TEMP_DIR``, else ``<system temp>/gradio``."""
    return os.environ.get("GRADIO_TEMP_DIR") or str((Path(tempfile.gettempdir()) / "gradio").resolve())


Reason = Literal["in_blocklist", "allowed", "created", "not_created_or_allowed"]


def is_allowed_file(
    path: str | Path,
    blocked_paths: Sequence[str | Path],
    allowed_paths: Sequence[str | Path],
    created_paths: Sequence[str | Path],
) -> tuple[bool, Reason]:
    """Whether ``path`` may be served, and why (Gradio's ``utils.is_allowed_file``): the
    block list wins (compared case-insensitively), then the allowed and created folders."""
    if any(is_in_or_equal(str(path).lower(), str(blocked).lower()) for blocked in blocked_paths):
        return False, "in_blocklist"
    if any(is_in_or_equal(path, allowed) for allowed in allowed_paths):
        return True, "allowed"
    if any(is_in_or_equal(path, created) for created in created_paths):
        return True, "created"
    return False, "not_created_or_allowed"


def _paths(app: Any, name: str) -> list[str]:
    """``app.<name>`` as a list of strings (an app that does not keep it has none)."""
    value = getattr(app, name, None) or []
    items = [value] if isinstance(value, (str, Path)) else list(value)
    return [str(p) for p in items]


#: Folders given to ``gr.set_static_paths`` (there is no server to serve them from).
static_paths: list[str] = []


def set_static_paths(paths: str | Any | list[Any]) -> None:
    """Files under ``paths`` may be returned by any function (Gradio's static files: they
    pass the allowed-paths rule of this module); kept in :data:`static_paths`."""
    items = paths if isinstance(paths, (list, tuple)) else [paths]
    # Resolved now, as Gradio does: a later os.chdir does not move them.
    static_paths.extend(str(Path(p).resolve()) for p in items)


def _static_paths() -> list[str]:
    return list(static_paths)


def check_allowed(path: str | Path, app: Any = None) -> None:
    """Raise :class:`InvalidPathError` (with Gradio's message) if a function of ``app`` may not
    return ``path``; ``app`` is the ``Blocks`` (for its ``allowed_paths``/``blocked_paths``)."""
    if any(is_in_or_equal(path, static) for static in _static_paths()) and Path(path).exists():
        return  # a static file is served where it is, unchecked (Gradio's is_static_file)
    allowed_paths = _paths(app, "allowed_paths")
    blocked_paths = _paths(app, "blocked_paths")
    absolute = abspath(path)  # as Gradio names it in its messages
    cwd, temp = os.getcwd(), tempfile.gettempdir()
    as_given = Path(cwd) / path  # absolute, its ``..`` kept for is_in_or_equal to resolve after links
    # The sample media folder is allowed as the working directory is: the block list still wins.
    allowed, reason = is_allowed_file(
        as_given, blocked_paths, [*allowed_paths, cwd, temp, str(MEDIA_ROOT)], [upload_folder()]
    )
    if not allowed:
        msg = f"Cannot move {absolute} to the gradio cache dir because "
        if reason == "in_blocklist":
            msg += f"it is located in one of the blocked_paths ({', '.join(blocked_paths)})."
        else:
            msg += "it was not created by the application or it is not "
            msg += "located in either the current working directory or your system's temp directory. "
            msg += "To fix this error, please ensure your function returns files located in either "
            msg += f"the current working directory ({cwd}), your system's temp directory ({temp}) "
            msg += f"or add {absolute.parent} to the allowed_paths parameter of launch()."
        raise InvalidPathError(msg)
    if (
        is_in_or_equal(as_given, cwd)
        and absolute.name.startswith(".")
        and not any(is_in_or_equal(path, allowed) for allowed in allowed_paths)
    ):
        raise InvalidPathError(
            "Dotfiles located in the temporary directory cannot be moved to the cache for security reasons. "
            "If you'd like to specifically allow this file to be served, you can add it to the allowed_paths "
            "parameter of launch()."
        )


def check_returned(path: str | Path, app: Any = None) -> None:
    """:func:`check_allowed` for a path a component's ``postprocess`` received, when it runs for
    an event's output (as Gradio checks only once the app runs); a value given when the app is
    declared, or set by a test driver as a person's upload, is not checked.

    The app checked is the running session's (or ``app`` when no session runs). Components
    call it through :func:`local_file` and :func:`returned_payload`.
    """
    session = current_session.get()
    if session is None:
        return
    check_allowed(path, getattr(session, "blocks", None) or app)


def is_url(value: str) -> bool:
    """Whether ``value`` names a resource on the network (or a ``data:`` URL), not a file."""
    return value.startswith(("http://", "https://", "ftp://", "data:"))


def local_file(value: str | Path, owner: str, app: Any = None, *, must_exist: bool = True, what: str = "file") -> str:
    """``value`` as a path a component may show: not a URL, an existing file (unless
    ``must_exist`` is False: Gradio keeps a missing image path and fails when reading it),
    and one Gradio would serve (:func:`check_returned`). ``owner`` names the component in the
    errors (``"Image"``); ``what`` names the file ("video", "subtitles", ...). Components that
    keep an ``http(s)://`` URL as their value (:mod:`gradio_nb.media_urls`) take it before."""
    text = str(value)
    if is_url(text):
        raise Error(f"{owner}: cannot load {text!r}: URLs are not fetched here (no network); give a local path.")
    if must_exist and not Path(text).is_file():
        raise Error(f"{owner}: no such {what}: {text!r}.")
    check_returned(text, app)
    return text


def returned_payload(payload: dict[str, Any], app: Any = None) -> dict[str, Any]:
    """A copy of a file payload a function returned as is (``{"path", ...}``, nested ones
    too), every path in it checked as :func:`check_returned` checks a returned path: a dict
    is no way round Gradio's rule. An ``http(s)://`` URL is kept unchecked, as Gradio keeps it."""
    for path in _paths_in(payload):
        if not is_http_url(path):
            check_returned(path, app)
    return copy.deepcopy(payload)


class NamedString(str):
    """A file path as ``File`` and ``UploadButton`` give it to a function (Gradio's
    ``utils.NamedString``): a ``str`` whose ``.name`` is itself, so that code written for
    Gradio 3's file objects (``file.name``) keeps working."""

    name: str

    def __init__(self, *args: Any) -> None:
        super().__init__()
        self.name = str(self) if args else ""


class MissingFileError(FileNotFoundError):
    """A value names a file that does not exist (raised by :func:`readable`; a
    ``FileNotFoundError`` a function raises itself is not one)."""


def missing_file(path: Any) -> MissingFileError:
    """The error for reading ``path`` where no file is (the value named a file that does not
    exist: the app built, as in Gradio, and the page showed nothing): the
    ``FileNotFoundError`` Gradio's preprocess raises, with the absolute path. An event turns it
    into :func:`not_uploaded`'s error, as Gradio's does."""
    return MissingFileError(errno.ENOENT, os.strerror(errno.ENOENT), str(abspath(str(path))))


def not_uploaded(path: str | Path) -> InvalidPathError:
    """Gradio's error when an event's input names a file that is not in its upload folder:
    here, one that does not exist (every other file a function gets is where it was)."""
    return InvalidPathError(f"Cannot move {abspath(path)} to the gradio cache dir because it was not uploaded by a user.")


def readable(path: Any, owner: str) -> str:
    """``path``, a file a function of component ``owner`` is about to receive, if it can be
    read: a URL (never fetched here, see :mod:`gradio_nb.media_urls`) raises a ``gr.Error``
    naming the component, a missing file :func:`missing_file`'s error."""
    if not path:
        raise Error(f"{owner}: the value names no file.")
    check_not_url(path, owner)
    if not Path(path).is_file():
        raise missing_file(path)
    return str(path)


def _paths_in(value: Any) -> list[str]:
    if isinstance(value, dict):
        found = [str(value["path"])] if isinstance(value.get("path"), (str, Path)) else []
        return found + [p for k, v in value.items() if k != "path" for p in _paths_in(v)]
    if isinstance(value, (list, tuple)):
        return [p for v in value for p in _paths_in(v)]
    return []
