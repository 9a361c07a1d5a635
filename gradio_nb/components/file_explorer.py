"""``gr.FileExplorer``: the kernel's files under ``root_dir``, shown as a tree to tick files in.

The page holds Gradio's payload: a list of selected paths, each a list of its parts relative
to ``root_dir`` (``[["data", "a.csv"]]``). Directory listings travel on request (the view
asks for a folder when it is opened), and nothing outside ``root_dir`` is ever listed or
accepted: every path is checked after resolving ``..`` and symbolic links.
"""

from __future__ import annotations

import fnmatch
import os
import posixpath
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, ClassVar

import traitlets as t

from ..events import listener
from ..exceptions import Error
from ..unavailable import DATA_MODEL, module_getattr
from ..widgets import LabelledView, css_size, on_view_event, sync_label
from .base import Component


class FileExplorerWidget(LabelledView):
    """A tree of folders and files with checkboxes.

    The view asks for listings (``{"op": "ls", "path": [...]}``, answered with
    ``{"op": "ls", "path": [...], "items": [...]}``), reports ticks
    (``{"op": "check", "path": [...], "type": "file"|"folder", "checked": bool}``, turned
    into a new ``value`` by the kernel) and clicks on names (``{"event": "select", ...}``).
    """

    _view_file = "file_explorer"
    value = t.List(None, allow_none=True).tag(sync=True)
    disabled = t.Bool(False).tag(sync=True)
    file_count = t.Unicode("multiple").tag(sync=True)
    max_height = t.Unicode("500px").tag(sync=True)
    #: Changes whenever what is listed may change (root, globs): the view reloads the tree.
    listing = t.Unicode("").tag(sync=True)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        #: The component version whose ``ls``/``checked`` answer this widget's requests.
        self.explorer: FileExplorer | None = None
        self.on_msg(self._view_message)

    def _view_message(self, _widget: Any, content: Any, _buffers: Any) -> None:
        explorer = self.explorer
        if explorer is None or not isinstance(content, dict):
            return
        path = content.get("path")
        if not isinstance(path, list) or not all(isinstance(p, str) for p in path):
            return
        if content.get("op") == "ls":
            self.send({"op": "ls", "path": path, "items": explorer.ls(path) or []})
        elif content.get("op") == "check" and not self.disabled:
            self.value = explorer.checked(self.value, path, content.get("type") == "folder", bool(content.get("checked")))


class FileExplorer(Component):
    """Files of the kernel's machine under ``root_dir`` (default: the working directory).

    ``glob`` chooses the files that may be ticked (matched against the full path, as Gradio
    does with ``fnmatch``: ``"**/*.py"``), ``ignore_glob`` hides matching files and folders.
    ``file_count="single"`` gives the function one absolute path (or ``None``), ``"multiple"``
    a list of absolute paths, as Gradio does. A function may return paths relative to
    ``root_dir`` or absolute ones inside it; a path outside ``root_dir`` (after resolving
    ``..`` and symbolic links) is refused with an error, and the tree never lists entries
    whose target lies outside it. Ticking a folder (``"multiple"``) ticks every file in it.
    ``height`` and ``min_height`` are accepted and ignored (``max_height`` is honoured), as are
    ``container``, ``scale``, ``min_width`` and ``buttons``.
    """

    SHOWN_LABEL = "FileExplorer"

    EVENTS: ClassVar[tuple[str, ...]] = ("change", "input", "select")
    UPDATABLE = (
        *Component.UPDATABLE,
        "glob",
        "file_count",
        "root_dir",
        "ignore_glob",
        "height",
        "max_height",
        "min_height",
    )
    select = listener("select", "Run ``fn`` when the user clicks a file or folder name (``gr.SelectData``).")

    def __init__(
        self,
        glob: str = "**/*",
        *,
        value: str | list[str] | Callable[[], Any] | None = None,
        file_count: str = "multiple",
        root_dir: str | Path = ".",
        ignore_glob: str | None = None,
        label: str | None = None,
        every: Any = None,
        inputs: Any = None,
        show_label: bool | None = None,
        container: bool = True,
        scale: int | None = None,
        min_width: int = 160,
        height: int | str | None = None,
        max_height: int | str | None = 500,
        min_height: int | str | None = None,
        interactive: bool | None = None,
        visible: bool = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
        preserved_by_key: Any = "value",
        buttons: Any = None,
    ) -> None:
        self.root_dir = _check_root(root_dir)
        self.glob = glob
        self.ignore_glob = ignore_glob
        self.file_count = _check_count(file_count)
        self.height = height
        self.max_height = max_height
        self.min_height = min_height
        super().__init__(
            value,
            label=label,
            every=every,
            inputs=inputs,
            show_label=show_label,
            container=container,
            scale=scale,
            min_width=min_width,
            interactive=interactive,
            visible=visible,
            elem_id=elem_id,
            elem_classes=elem_classes,
            render=render,
            key=key,
            preserved_by_key=preserved_by_key,
        )

    def _after_props(self, props: dict[str, Any]) -> None:
        super()._after_props(props)
        if "root_dir" in props:
            self.root_dir = _check_root(self.root_dir)
        if "file_count" in props:
            self.file_count = _check_count(self.file_count)

    # -- paths ---------------------------------------------------------------------------------
    def _inside(self, path: str) -> bool:
        real_root = os.path.realpath(self.root_dir)
        real = os.path.realpath(path)
        return real == real_root or real.startswith(real_root.rstrip(os.sep) + os.sep)

    def safe_join(self, parts: Sequence[str]) -> str:
        """The absolute path of ``parts`` under ``root_dir``, as Gradio builds it
        (``root_dir`` joined with the normalised relative path); an error if it would leave
        ``root_dir``, by ``..``, an absolute part or a symbolic link."""
        if not parts:
            return self.root_dir
        relative = posixpath.normpath(posixpath.join(*[str(p) for p in parts]))
        if (
            os.path.isabs(relative)
            or relative == ".."
            or relative.startswith("../")
            or (os.path.altsep is not None and os.path.altsep != "/" and os.path.altsep in relative)
            or (os.sep != "/" and os.sep in relative)
        ):
            raise Error(f"FileExplorer: the path {'/'.join(parts)!r} is outside the root directory.")
        full = os.path.join(self.root_dir, relative)
        if not self._inside(full):
            raise Error(f"FileExplorer: the path {'/'.join(parts)!r} leads outside the root directory.")
        return full

    def _relative_parts(self, path: str) -> list[str]:
        root = self.root_dir
        absolute = path if os.path.isabs(path) else os.path.join(root, path)
        if not self._inside(absolute):
            raise Error(f"FileExplorer: cannot show {path!r}: it is outside the root directory {root!r}.")
        # As Gradio: an absolute path loses the root's prefix; a relative one is split as is.
        if os.path.isabs(path):  # the real locations, so a root reached by a symlink still fits
            return os.path.relpath(os.path.realpath(path), os.path.realpath(root)).split(os.sep)
        return path.split(os.sep)

    # -- value pipeline ------------------------------------------------------------------------
    def preprocess(self, payload: list[list[str]] | None) -> str | list[str] | None:
        """Absolute paths: one (or ``None``) when ``file_count="single"``, else a list."""
        if payload is None:
            return None
        if self.file_count == "single":
            if len(payload) > 1:
                raise Error(f"FileExplorer: expected only one file, but {len(payload)} were selected.")
            return self.safe_join(payload[0]) if payload else None
        return [self.safe_join(parts) for parts in payload]

    def postprocess(self, value: Any) -> list[list[str]] | None:
        """Gradio's payload from a path or a list of paths (relative to ``root_dir`` or
        absolute inside it)."""
        if value is None:
            return None
        files = [value] if isinstance(value, (str, os.PathLike)) else value
        if not isinstance(files, (list, tuple)) or not all(isinstance(f, (str, os.PathLike)) for f in files):
            raise Error(f"FileExplorer: cannot show {value!r}: expected a path or a list of paths.")
        return [self._relative_parts(os.fspath(f)) for f in files]

    # -- listing -------------------------------------------------------------------------------
    def ls(self, subdirectory: Sequence[str] | None = None) -> list[dict[str, Any]]:
        """The folders, then the files, of ``subdirectory`` (parts under ``root_dir``), as
        Gradio's ``ls``: ``{"name", "type": "file"|"folder", "valid"}`` (``valid``: the
        glob matches); files the glob does not match and entries ``ignore_glob`` matches are
        left out, and so is anything whose real location is outside ``root_dir``."""
        try:
            directory = self.safe_join(list(subdirectory or []))
            names = sorted(os.listdir(directory))
        except (Error, OSError):
            return []
        folders, files = [], []
        for name in names:
            full = os.path.join(directory, name)
            try:
                is_file = not os.path.isdir(full)
            except OSError:
                continue
            if not self._inside(full):
                continue
            valid = fnmatch.fnmatch(full, self.glob)
            if is_file and not valid:
                continue
            if self.ignore_glob and fnmatch.fnmatch(full, self.ignore_glob):
                continue
            (files if is_file else folders).append({"name": name, "type": "file" if is_file else "folder", "valid": valid})
        return folders + files

    def listed(self, parts: Sequence[str], folder: bool) -> bool:
        """Whether the tree shows ``parts``: inside the root, no folder on the way hidden by
        ``ignore_glob``, and a file matching ``glob``."""
        for depth in range(1, len(parts) + 1):
            try:
                self.safe_join(list(parts[:depth]))
            except Error:
                return False
            last = depth == len(parts)
            if not any(item["name"] == parts[depth - 1] and (item["type"] == "folder") == (not last or folder) for item in self.ls(parts[: depth - 1])):
                return False
        return True

    def files_under(self, parts: Sequence[str]) -> list[list[str]]:
        """Every file the tree lists under the folder ``parts``, recursively, as parts."""
        found = []
        for item in self.ls(parts):
            child = [*parts, item["name"]]
            if item["type"] == "folder":
                found.extend(self.files_under(child))
            else:
                found.append(child)
        return found

    def checked(self, value: list[list[str]] | None, parts: list[str], folder: bool, on: bool) -> list[list[str]]:
        """The payload after the user ticks (``on``) or unticks ``parts``, as Gradio's tree
        does: one path at most when ``file_count="single"``; ticking a folder ticks its files,
        unticking it unticks everything inside it."""
        if not self.listed(parts, folder):  # the page may only tick what the tree shows
            return list(value or [])
        current = [list(p) for p in value or []]
        if on:
            if self.file_count == "single":
                return [list(parts)]
            added = self.files_under(parts) if folder else [list(parts)]
            return current + [p for p in added if p not in current]
        return [p for p in current if p != parts and not (folder and p[: len(parts)] == parts)]

    # -- widget --------------------------------------------------------------------------------
    def make_widget(self, payload: Any, interactive: bool) -> FileExplorerWidget:
        widget = FileExplorerWidget(value=payload)
        self.sync_props(widget, interactive)
        return widget

    def read_widget(self, widget: FileExplorerWidget) -> list[list[str]] | None:
        return None if widget.value is None else [list(p) for p in widget.value]

    def write_widget(self, widget: FileExplorerWidget, payload: Any) -> None:
        widget.value = payload

    def sync_props(self, widget: FileExplorerWidget, interactive: bool) -> None:
        widget.explorer = self
        sync_label(self, widget)
        widget.disabled = not interactive
        widget.file_count = self.file_count
        widget.max_height = css_size(self.max_height, none="none")
        widget.listing = repr((self.root_dir, self.glob, self.ignore_glob))
        self._style_widget(widget)

    def connect(self, widget: FileExplorerWidget, event: str, fire: Callable[..., None]) -> bool:
        if event != "select":
            return False
        on_view_event(widget, "select", fire)
        return True


def _check_root(root_dir: str | Path) -> str:
    absolute = os.path.abspath(root_dir)
    if not os.path.exists(absolute):
        raise ValueError(f"The specified root_dir does not exist: {root_dir}")
    if not os.path.isdir(absolute):
        raise ValueError(f"The specified root_dir is not a directory: {root_dir}")
    return absolute


def _check_count(file_count: str) -> str:
    if file_count not in ("single", "multiple"):
        raise ValueError(
            f"Invalid value for parameter `file_count`: {file_count}. Please choose from one of: ['single', 'multiple']"
        )
    return file_count

__getattr__ = module_getattr(__name__, ("FileExplorerData",), DATA_MODEL)
