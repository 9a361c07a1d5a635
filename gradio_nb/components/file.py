"""``gr.File``, ``gr.Files``, ``gr.UploadButton`` and ``gr.DownloadButton``: files in and out.

The page shows a file list (name and size) or a button; it never holds a file's bytes in
advance. A click on a file (or on a DownloadButton) asks the kernel for them, which sends them
as binary comm buffers, in chunks (never base64); the view saves them with an ``<a download>``
Blob URL. Files a person picks travel the other way in chunks (:mod:`gradio_nb.uploads`) into
the widget's own temporary folder, removed when its session closes. As Gradio copies every
file into its cache, a file a function returns is copied there too: the next function
receives a path in the session's folder, with the file's name. A file given as an
``http(s)://`` URL is kept as that URL, which the page opens itself when clicked (the kernel
fetches nothing; see :mod:`gradio_nb.media_urls`).
"""

from __future__ import annotations

import shutil
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

import traitlets as t

from ..event_data import FileData
from ..events import listener
from ..exceptions import Error
from ..file_paths import NamedString, local_file, readable, returned_payload
from ..media_urls import is_http_url, url_payload
from ..uploads import Uploads, accept_attribute, guess_mimetype, is_valid_file
from ..widgets import LabelledView, add_handler, css_size
from .base import Component, FormComponent, ShowsPayload

_FILE_COUNTS = ["single", "multiple", "directory"]
_TYPES = ["filepath", "binary"]
#: Bytes per message when a file goes to the page (well under any websocket message limit).
CHUNK = 1 << 22


def file_data(payload: dict[str, Any]) -> FileData:
    """Gradio's full ``FileData`` fields for a payload dict."""
    return FileData(
        path=payload.get("path"), url=payload.get("url"), size=payload.get("size"),
        orig_name=payload.get("orig_name"), mime_type=payload.get("mime_type"),
        is_stream=payload.get("is_stream", False), meta={"_type": "gradio.FileData"},
    )


def _as_list(payload: Any) -> list[dict[str, Any]]:
    if payload is None:
        return []
    return list(payload) if isinstance(payload, list) else [payload]


class FileWidget(Uploads, LabelledView):
    """A file list or a file button. Synced: each file's name and size (``files``), never its
    bytes; the payload (``value``: a FileData dict, a list of them, or None) stays in the kernel.

    ``kind`` is "file" (a list with upload area), "upload_button" or "download_button". The
    view sends upload messages (:mod:`gradio_nb.uploads`) and ``{"event": e, ...}`` for
    ``download`` (``index``), ``delete`` (``index``), ``select`` (``index``), ``clear``,
    ``click`` and ``reorder`` (``order``). The kernel answers a download with ``download_data``
    messages (``request``, ``name``, ``mime``, ``done``) carrying the bytes as buffers.
    """

    _view_file = "file"
    kind = t.Unicode("file").tag(sync=True)
    disabled = t.Bool(False).tag(sync=True)
    height = t.Unicode("").tag(sync=True)
    file_count = t.Unicode("single").tag(sync=True)
    accept = t.Unicode("").tag(sync=True)
    allow_reordering = t.Bool(False).tag(sync=True)
    variant = t.Unicode("secondary").tag(sync=True)
    size = t.Unicode("lg").tag(sync=True)
    files = t.List().tag(sync=True)
    value = t.Any(None, allow_none=True)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        #: event name -> the session's fire for it (see ``connect``).
        self.handlers: dict[str, Callable[..., None]] = {}
        self.on_msg(self._view_message)

    # -- showing -----------------------------------------------------------------------------
    def _cached(self, item: dict[str, Any]) -> dict[str, Any]:
        """``item`` with its file in this widget's folder (copied, as into Gradio's cache)."""
        item = dict(item)
        path = item.get("path")
        if path and Path(path).is_file() and Path(self.folder) not in Path(path).parents:
            copy_path = self.new_file(item.get("orig_name") or Path(path).name)
            shutil.copyfile(path, copy_path)
            item["path"] = str(copy_path)
        return item

    def show(self, payload: Any) -> None:
        """Hold ``payload`` (its files copied into this widget's folder) and list its files."""
        if isinstance(payload, list):
            payload = [self._cached(item) for item in payload]
        elif payload is not None:
            payload = self._cached(payload)
        files = [{"name": f.get("orig_name") or Path(str(f.get("path"))).name, "size": f.get("size"),
                  **({"url": f["path"]} if is_http_url(f.get("path")) else {})}
                 for f in _as_list(payload)]
        with self.hold_sync():
            self.files = files
            self.value = payload

    # -- messages from the view --------------------------------------------------------------
    def _fire(self, event: str, data: Any = None) -> None:
        handler = self.handlers.get(event)
        if handler is not None:
            handler(data)

    def _view_message(self, _widget: Any, content: Any, buffers: list[Any]) -> None:
        if not isinstance(content, dict):
            return
        event = content.get("event")
        if event == "upload":
            files = self.receive(content, buffers)
            if files:
                self._uploaded(files)
        elif event == "click" and not self.disabled:
            self._fire("click")
            if self.kind == "download_button":
                self.send_file(0, content.get("request"))
        elif event == "download":
            item = self.send_file(int(content.get("index", 0)), content.get("request"))
            if item is not None:
                self._fire("download", file_data(item))
        elif event == "select":
            index = int(content.get("index", 0))
            items = _as_list(self.value)
            if 0 <= index < len(items):
                self._fire("select", {"index": index, "value": items[index].get("orig_name")})
        elif self.disabled:
            return
        elif event == "clear":
            self.show(None)
            self._fire("clear")
        elif event == "delete":
            self._delete(int(content.get("index", -1)))
        elif event == "reorder" and isinstance(self.value, list):
            order = [int(i) for i in content.get("order", [])]
            if sorted(order) == list(range(len(self.value))):
                self.show([self.value[i] for i in order])

    def _uploaded(self, files: list[dict[str, Any]]) -> None:
        """A batch of files arrived: hold them (added to the list for several files, as
        Gradio's page does), then fire upload (change fires from the value)."""
        if self.file_count == "single" or self.kind == "upload_button":
            payload: Any = files[0] if self.file_count == "single" else files
        else:
            payload = [*_as_list(self.value), *files]
        self.show(payload)
        self._fire("upload", None)

    def _delete(self, index: int) -> None:
        items = _as_list(self.value)
        if not 0 <= index < len(items):
            return
        removed = items.pop(index)
        self.show(items if isinstance(self.value, list) and items else None)
        self._fire("delete", file_data(removed))

    def accepts_uploads(self) -> bool:
        """A DownloadButton takes no files; the others while enabled."""
        return self.kind != "download_button" and super().accepts_uploads()

    def send_file(self, index: int, request: Any = None) -> dict[str, Any] | None:
        """Send file ``index`` of the value to the page, in chunks; the file, or None."""
        items = _as_list(self.value)
        if not 0 <= index < len(items) or not items[index].get("path"):
            if request is not None:  # the page waits for an answer: nothing to save
                self.send({"event": "download_data", "request": request, "done": True, "empty": True})
            return None
        item = items[index]
        if is_http_url(item["path"]):  # the page opens it itself: the kernel fetches nothing
            self.send({"event": "download_data", "request": request, "done": True, "empty": True,
                       "url": item["path"], "name": item.get("orig_name") or "file"})
            return item
        name = item.get("orig_name") or Path(item["path"]).name
        head = {"event": "download_data", "request": request, "name": name,
                "mime": item.get("mime_type") or guess_mimetype(name) or "application/octet-stream"}
        if not Path(item["path"]).is_file():  # a value kept as Gradio keeps it, gone since
            self.send({"event": "download_data", "request": request, "done": True, "empty": True})
            if self.report_error is not None:
                self.report_error(Error(f"{self._describe()}: no such file to download: {name!r}."), "a download")
            return None
        with open(item["path"], "rb") as source:
            chunk = source.read(CHUNK)
            while True:
                following = source.read(CHUNK)
                self.send({**head, "done": not following}, [chunk])
                if not following:
                    break
                chunk = following
        return item


class File(ShowsPayload, FormComponent):
    """Files uploaded by a person (``interactive``) or shown for download from a function's return.

    A function receives, for ``type="filepath"``, a str path in the session's temporary folder
    (a list of them for ``file_count="multiple"``/``"directory"``), for ``type="binary"`` the
    bytes; it may return a path (a ``str`` or ``Path``) or a list of them. A returned path must
    be one Gradio would serve (:mod:`gradio_nb.file_paths`: the working directory, the system's
    temporary folder, ``allowed_paths``, never ``blocked_paths``), else Gradio's
    ``InvalidPathError``. The page lists each file's name and size; a click downloads it (its
    bytes sent then, not before). ``file_types`` (".pdf", "image", ...) limits what the picker
    offers and what the kernel accepts.

    Events: ``change``, ``select`` (``gr.SelectData``: index and file name), ``clear``,
    ``upload``, ``delete`` (``gr.DeletedFileData``), ``download`` (``gr.DownloadData``).

    An ``http(s)://`` URL is kept as the file (Gradio downloads it into its cache when the
    value is set): the page lists its name and opens the URL when it is clicked; the kernel
    fetches nothing, so a function given it gets a ``gr.Error``, as it does for a missing file.

    Accepted and ignored: ``buttons`` (custom buttons).
    """

    widget_class = FileWidget
    EVENTS: ClassVar[tuple[str, ...]] = ("change", "select", "clear", "upload", "delete", "download")
    UPDATABLE = (
        *FormComponent.UPDATABLE,
        "file_count", "file_types", "type", "height", "allow_reordering", "buttons", "container", "scale", "min_width",
    )
    select = listener("select", "Run ``fn`` when the user clicks a file; ``gr.SelectData`` has its index and name.")
    clear = listener("clear", "Run ``fn`` when the user clears the files.")
    upload = listener("upload", "Run ``fn`` when the user uploads files.")
    delete = listener("delete", "Run ``fn`` when the user deletes a file; ``gr.DeletedFileData.file`` is it.")
    download = listener("download", "Run ``fn`` when the user downloads a file; ``gr.DownloadData.file`` is it.")

    def __init__(
        self,
        value: Any = None,
        *,
        file_count: str = "single",
        file_types: list[str] | None = None,
        type: str = "filepath",
        label: str | None = None,
        every: Any = None,
        inputs: Any = None,
        show_label: bool | None = None,
        container: bool = True,
        scale: int | None = None,
        min_width: int = 160,
        height: str | float | None = None,
        interactive: bool | None = None,
        visible: bool = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
        preserved_by_key: Any = "value",
        allow_reordering: bool = False,
        buttons: list[Any] | None = None,
    ) -> None:
        _check_params(file_count, file_types, type)
        self.file_count = file_count
        self.file_types = file_types
        self.type = type
        self.height = height
        self.allow_reordering = allow_reordering
        self.buttons = buttons
        super().__init__(
            value, label=label, every=every, inputs=inputs, show_label=show_label, container=container,
            scale=scale, min_width=min_width, interactive=interactive, visible=visible, elem_id=elem_id,
            elem_classes=elem_classes, render=render, key=key, preserved_by_key=preserved_by_key,
        )

    def _after_props(self, props: dict[str, Any]) -> None:
        super()._after_props(props)
        _check_params(self.file_count, self.file_types, self.type)

    # -- value pipeline ----------------------------------------------------------------------
    def postprocess(self, value: Any) -> Any:
        """A FileData dict for a path (name and size), a list of them for a list; None for None."""
        return files_payload(self, value, sized=True)

    def preprocess(self, payload: Any) -> Any:
        """A path (or bytes for ``type="binary"``), or a list of them for several files."""
        return files_value(self, payload)

    # -- widget ------------------------------------------------------------------------------
    def sync_props(self, widget: FileWidget, interactive: bool) -> None:
        with widget.hold_sync():
            widget.label = self.label if self.label is not None else "File"
            widget.show_label = self.show_label
            widget.disabled = not interactive
            widget.height = css_size(self.height)
            widget.file_count = self.file_count
            widget.accept = accept_attribute(self.file_types)
            widget.allow_reordering = bool(self.allow_reordering)
        self._style_widget(widget)

    def connect(self, widget: FileWidget, event: str, fire: Callable[..., None]) -> bool:
        return connect_handler(widget, event, fire, self.EVENTS)


class Files(File):
    """``gr.File`` with ``file_count="multiple"`` (Gradio's template): a list of files."""

    def __init__(self, value: Any = None, *, file_count: str = "multiple", **kwargs: Any) -> None:
        super().__init__(value, file_count=file_count, **kwargs)


class UploadButton(ShowsPayload, Component):
    """A button that opens the file picker; the files chosen become its value.

    A function receives what a ``gr.File`` with the same ``type`` and ``file_count`` would:
    a path in the session's temporary folder (or bytes), a list for several files. ``label``
    is the button's text. Events: ``click`` (the button pressed, before the picker opens),
    ``upload`` (the files arrived), ``change``.

    Accepted and ignored: ``icon`` (no server to serve it from).
    """

    widget_class = FileWidget
    widget_options: ClassVar[dict[str, Any]] = {"kind": "upload_button"}
    EVENTS: ClassVar[tuple[str, ...]] = ("change", "click", "upload")
    UPDATABLE = (
        *Component.UPDATABLE,
        "variant", "size", "icon", "scale", "min_width", "type", "file_count", "file_types",
    )
    click = listener("click", "Run ``fn`` when the button is pressed (the file picker opens).")
    upload = listener("upload", "Run ``fn`` when the user has uploaded files.")

    def __init__(
        self,
        label: str = "Upload a File",
        value: Any = None,
        *,
        every: Any = None,
        inputs: Any = None,
        variant: str = "secondary",
        visible: bool = True,
        size: str = "lg",
        icon: str | None = None,
        scale: int | None = None,
        min_width: int | None = None,
        interactive: bool = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
        preserved_by_key: Any = "value",
        type: str = "filepath",
        file_count: str = "single",
        file_types: list[str] | None = None,
    ) -> None:
        if type not in _TYPES:
            raise ValueError(f"Invalid value for parameter `type`: {type}. Please choose from one of: {_TYPES}")
        if file_count == "directory" and file_types is not None:
            warnings.warn("The `file_types` parameter is ignored when `file_count` is 'directory'.", stacklevel=2)
        if file_types is not None and not isinstance(file_types, list):
            raise ValueError(f"Parameter file_types must be a list. Received {file_types.__class__.__name__}")
        self.type = type
        self.file_count = file_count
        self.file_types = file_types
        self.variant = variant
        self.size = size
        self.icon = icon
        super().__init__(
            value, label=label, every=every, inputs=inputs, visible=visible, elem_id=elem_id,
            elem_classes=elem_classes, render=render, key=key, preserved_by_key=preserved_by_key,
            scale=scale, min_width=min_width or 160, interactive=interactive,
        )
        self.min_width = min_width

    def postprocess(self, value: Any) -> Any:
        """As ``gr.File``: a FileData dict per path (with its size)."""
        return files_payload(self, value, sized=True)

    def preprocess(self, payload: Any) -> Any:
        """As ``gr.File``: a path, bytes, or a list of them."""
        return files_value(self, payload)

    def sync_props(self, widget: FileWidget, interactive: bool) -> None:
        with widget.hold_sync():
            widget.label = str(self.label or "")
            widget.disabled = not interactive
            widget.file_count = self.file_count
            widget.accept = "" if self.file_count == "directory" else accept_attribute(self.file_types)
            widget.variant = self.variant
            widget.size = self.size
        self._style_widget(widget)

    def connect(self, widget: FileWidget, event: str, fire: Callable[..., None]) -> bool:
        return connect_handler(widget, event, fire, self.EVENTS)


class DownloadButton(ShowsPayload, Component):
    """A button whose value is a file: a click saves it in the page (its bytes sent then) and
    fires ``click``. A function receives the path of the file (a copy in the session's
    temporary folder) and may return a path (checked as ``gr.File``'s) or None.

    Accepted and ignored: ``icon`` (no server to serve it from).
    """

    widget_class = FileWidget
    widget_options: ClassVar[dict[str, Any]] = {"kind": "download_button"}
    EVENTS: ClassVar[tuple[str, ...]] = ("change", "click")
    UPDATABLE = (*Component.UPDATABLE, "variant", "size", "icon", "scale", "min_width")
    click = listener("click", "Run ``fn`` when the button is clicked (the file is saved too).")

    def __init__(
        self,
        label: str = "Download",
        value: Any = None,
        *,
        every: Any = None,
        inputs: Any = None,
        variant: str = "secondary",
        visible: bool = True,
        size: str = "lg",
        icon: str | None = None,
        scale: int | None = None,
        min_width: int | None = None,
        interactive: bool = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
        preserved_by_key: Any = "value",
    ) -> None:
        self.variant = variant
        self.size = size
        self.icon = icon
        super().__init__(
            value, label=label, every=every, inputs=inputs, visible=visible, elem_id=elem_id,
            elem_classes=elem_classes, render=render, key=key, preserved_by_key=preserved_by_key,
            scale=scale, min_width=min_width or 160, interactive=interactive,
        )
        self.min_width = min_width

    def postprocess(self, value: Any) -> dict[str, Any] | None:
        """``{"path", "orig_name"}`` for a path (Gradio sends no size here); None for None."""
        if value is None:
            return None
        if isinstance(value, dict) and "path" in value:
            return returned_payload(value, getattr(self, "root", None))
        if is_http_url(value):
            return url_payload(value)  # a click opens it in the page
        text = local_file(value, "DownloadButton", getattr(self, "root", None), must_exist=False)
        return {"path": text, "orig_name": Path(text).name}

    def preprocess(self, payload: dict[str, Any] | None) -> str | None:
        """The file's path."""
        return None if payload is None else readable(payload["path"], "DownloadButton")

    def sync_props(self, widget: FileWidget, interactive: bool) -> None:
        with widget.hold_sync():
            widget.label = str(self.label or "")
            widget.disabled = not interactive
            widget.variant = self.variant
            widget.size = self.size
        self._style_widget(widget)

    def connect(self, widget: FileWidget, event: str, fire: Callable[..., None]) -> bool:
        return connect_handler(widget, event, fire, self.EVENTS)


# -- shared by the file components -----------------------------------------------------------
def _check_params(file_count: str, file_types: Any, type: str) -> None:
    if file_count not in _FILE_COUNTS:
        raise ValueError(f"Parameter file_count must be one of them: {_FILE_COUNTS}")
    if file_types is not None and not isinstance(file_types, list):
        raise ValueError(f"Parameter file_types must be a list. Received {file_types.__class__.__name__}")
    if type not in _TYPES:
        raise ValueError(f"Invalid value for parameter `type`: {type}. Please choose from one of: {_TYPES}")


def _one_payload(component: Component, value: Any, sized: bool) -> dict[str, Any]:
    if isinstance(value, dict) and "path" in value:
        return returned_payload(value, getattr(component, "root", None))  # a payload already
    if is_http_url(value):
        # Gradio downloads it here; the kernel fetches nothing, so its size is unknown.
        return url_payload(value) | {"size": None, "mime_type": None}
    text = local_file(value, type(component).__name__, getattr(component, "root", None), must_exist=False)
    size = Path(text).stat().st_size if sized else None  # a missing file: Gradio's FileNotFoundError
    return {"path": text, "orig_name": Path(text).name, "size": size, "mime_type": None}


def files_payload(component: Component, value: Any, sized: bool) -> Any:
    """What the page holds for a returned path or list of paths (Gradio's ``FileData``/``ListFiles``)."""
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        return [_one_payload(component, item, sized) for item in value]
    return _one_payload(component, value, sized)


def files_value(component: Any, payload: Any) -> Any:
    """What a function receives from a file payload (Gradio's ``File.preprocess``)."""
    if payload is None:
        return None

    def one(item: dict[str, Any]) -> NamedString | bytes:
        path = readable(item["path"], type(component).__name__)
        if component.type == "binary":
            return Path(path).read_bytes()
        if component.file_types and not is_valid_file(path, component.file_types):
            raise Error(
                f"Invalid file type. Please upload a file that is one of these formats: {component.file_types}"
            )
        return NamedString(path)

    if component.file_count == "single":
        return one(payload[0] if isinstance(payload, list) else payload)
    return [one(item) for item in _as_list(payload)]


def connect_handler(widget: FileWidget, event: str, fire: Callable[..., None], events: tuple[str, ...]) -> bool:
    """Route the view's ``event`` to the session's ``fire`` (several listeners share one)."""
    if event not in events or event == "change":
        return False
    add_handler(widget, event, fire)
    return True
