"""``gr.Gallery``: a grid of images (and videos) shown from their bytes, with captions, a preview
of the selected item, and uploads from the page.

Each item's encoded bytes travel to the page once, as a binary buffer of a message (never
base64; a gallery that grows sends the new items only); the view (``js/gallery.js``) shows
them through Blob URLs, which the preview reuses. An item given as an ``http(s)://`` URL is
kept as that URL, which the page loads itself (see :mod:`gradio_nb.media_urls`); an item
naming a missing file is kept too, as Gradio keeps it, and shown as missing. The payload
(Gradio's ``GalleryData``: ``[{"image": FileData, "caption"}, ...]``) stays in the kernel,
its files in the widget's own temporary folder (see :mod:`gradio_nb.uploads`).

:func:`stored` and :func:`file_data` are shared with AnnotatedImage and ImageSlider.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, ClassVar

import traitlets as t

from ..events import listener
from ..exceptions import Error
from ..file_paths import local_file, readable, returned_payload
from ..media_urls import is_http_url, url_file_data
from ..unavailable import DATA_MODEL, module_getattr
from ..uploads import Uploads, accept_attribute, guess_mimetype, is_valid_file
from ..widgets import LabelledView, add_handler, changed_from, css_size, sync_label
from .base import Component
from .image import SHOWN_FORMATS, encode, shown_bytes, to_uint8

_VALID_TYPES = ["numpy", "pil", "filepath"]


def file_data(path: str | None, orig_name: str | None = None, mime_type: str | None = None,
              size: int | None = None) -> dict[str, Any]:
    """A Gradio ``FileData`` dict (as its page holds one; ``url`` is None: there is no server)."""
    return {"path": path, "url": None, "size": size, "orig_name": orig_name, "mime_type": mime_type,
            "is_stream": False, "meta": {"_type": "gradio.FileData"}}


def media_payload(who: str, value: Any, format: str) -> dict[str, Any]:
    """A ``FileData`` for an image or video given as a numpy array, PIL image, path or
    ``http(s)://`` URL (kept as the URL, as Gradio's Gallery keeps it), with the bytes of an
    array or PIL image (encoded in ``format``) under ``data`` until a widget stores them
    (:func:`stored`). A path to a missing file is kept, as Gradio keeps it: the app builds and
    the error comes when a function reads it. ``who`` names the component in errors."""
    import numpy as np
    import PIL.Image

    if isinstance(value, dict) and ("path" in value or "data" in value):
        return returned_payload(value)  # a payload already
    if is_http_url(value):
        return url_file_data(value)
    if isinstance(value, (str, Path)):
        text = local_file(value, who, must_exist=False)
        return file_data(text, Path(text).name, guess_mimetype(text))
    if isinstance(value, np.ndarray):
        value = PIL.Image.fromarray(to_uint8(value))
    if isinstance(value, PIL.Image.Image):
        data, fmt = encode(value, format)
        return {**file_data(None, f"image.{fmt}", guess_mimetype(f"image.{fmt}"), len(data)), "data": data}
    raise Error(f"{who}: cannot show a value of type {type(value).__name__}; expected a numpy array, "
                "a PIL image or a file path.")


def stored(widget: Uploads, payload: dict[str, Any]) -> tuple[dict[str, Any], bytes, str]:
    """``payload`` with its file in ``widget``'s folder (bytes written, an outside file copied,
    as Gradio copies a file into its cache), the bytes to show and their MIME type (an image
    the browser cannot show is re-encoded as PNG). A URL (the page loads it) or a missing file
    is kept as it is, with no bytes: see :func:`shown_source`."""
    payload = dict(payload)
    data = payload.pop("data", None)
    if data is None and (is_http_url(payload.get("path")) or not Path(payload["path"]).is_file()):
        name = payload.get("orig_name") or Path(str(payload["path"])).name
        return payload, b"", payload.get("mime_type") or guess_mimetype(name) or ""
    if data is None:
        payload["path"] = str(widget.adopt(payload["path"]))
        data = Path(payload["path"]).read_bytes()
    else:
        copy_path = widget.new_file(payload.get("orig_name") or "image.png")
        copy_path.write_bytes(data)
        payload["path"] = str(copy_path)
    payload["size"] = len(data)
    name = payload.get("orig_name") or Path(payload["path"]).name
    mime = payload.get("mime_type") or guess_mimetype(name) or "image/png"
    if mime.startswith("image/") and Path(name).suffix.lower().lstrip(".") not in SHOWN_FORMATS:
        data, mime = shown_bytes(data, Path(name).suffix), "image/png"
    return payload, data, mime


def shown_source(payload: dict[str, Any], data: bytes) -> dict[str, Any]:
    """How the page gets a stored item besides its bytes: ``{"url": ...}`` for a URL it loads
    itself, ``{"missing": True}`` for a file that is not there, else ``{}``."""
    path = payload.get("path")
    if is_http_url(path):
        return {"url": path}
    return {"missing": True} if not data and not Path(str(path)).is_file() else {}


def _kind(item: dict[str, Any]) -> str:
    return "video" if "video" in item else "image"


class GalleryWidget(Uploads, LabelledView):
    """A gallery. Each item (kind, MIME type, caption, name and bytes) is held in ``items``,
    kept in the kernel and sent to the views as differences only (``splice`` messages, the
    bytes as binary buffers): a gallery that grows by one image sends that image alone. The
    payload (``value``, Gradio's GalleryData as a list of dicts) stays in the kernel.

    The view asks for every item when it is drawn (``{"op": "sync"}``) and sends
    ``{"event": "select", "index": i}``, ``preview_open``, ``preview_close``,
    ``{"event": "delete", "index": i}``, ``clear`` and upload messages (see
    :mod:`gradio_nb.uploads`); the kernel applies them and fires the session's handlers.
    """

    _view_file = "gallery"
    disabled = t.Bool(True).tag(sync=True)
    columns = t.Int(2).tag(sync=True)
    rows = t.Int(None, allow_none=True).tag(sync=True)
    height = t.Unicode("").tag(sync=True)
    allow_preview = t.Bool(True).tag(sync=True)
    selected_index = t.Int(None, allow_none=True).tag(sync=True)
    object_fit = t.Unicode("").tag(sync=True)
    fit_columns = t.Bool(True).tag(sync=True)
    download = t.Bool(True).tag(sync=True)
    accept = t.Unicode("image/*,video/*").tag(sync=True)
    #: ``[{"kind": "image"|"video", "mime", "caption", "name", "data": bytes}]``, as shown;
    #: sent to views as differences only.
    items = t.List()
    value = t.List()

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        #: event name -> the session's fire for it.
        self.handlers: dict[str, Callable[..., None]] = {}
        self.on_msg(self._view_message)
        self.observe(self._send_difference, names="items")

    def _send_difference(self, change: dict[str, Any]) -> None:
        start = changed_from(change["old"], change["new"])
        if start is not None:
            self._send_items(start)

    def _send_items(self, start: int, full: bool = False) -> None:
        """Tell the views: items from ``start`` on are these (their bytes as buffers)."""
        changed = self.items[start:]
        meta = [{k: v for k, v in item.items() if k != "data"} for item in changed]
        self.send({"op": "splice", "start": start, "items": meta, "full": full}, [item["data"] for item in changed])

    def show(self, payload: list[dict[str, Any]], selected: int | None = -1) -> None:
        """Hold ``payload`` and send each item's bytes to the page. ``selected`` is the new
        selected index (-1: keep it within the new length, as Gradio's page does)."""
        held, items = [], []
        for entry in payload:
            kind = _kind(entry)
            media, data, mime = stored(self, entry[kind])
            held.append({kind: media, "caption": entry.get("caption")})
            caption = entry.get("caption")
            items.append({"kind": kind, "mime": mime, "caption": "" if caption is None else str(caption),
                          "name": media.get("orig_name") or Path(str(media["path"])).name, "data": data,
                          **shown_source(media, data)})
        if selected == -1:
            selected = self.selected_index
            if selected is not None:
                selected = max(0, min(selected, len(held) - 1)) if held else None
        with self.hold_sync():
            self.items = items
            self.selected_index = selected
            self.value = held

    def select_data(self, index: int) -> dict[str, Any]:
        """The select event's data as Gradio's page sends it: the index and the item."""
        return {"index": index, "value": copy.deepcopy(self.value[index])}

    def _fire(self, event: str, data: Any = None) -> None:
        handler = self.handlers.get(event)
        if handler is not None:
            handler(data)

    def select(self, index: int, data: dict[str, Any] | None = None) -> None:
        """A click on item ``index``: opens the preview (if allowed and closed), selects it."""
        if not 0 <= index < len(self.value):
            return
        if self.selected_index is None and self.allow_preview:
            self._fire("preview_open")
        self.selected_index = index
        self._fire("select", data if data is not None else self.select_data(index))

    def close_preview(self) -> None:
        """The preview's close button (or Escape): nothing is selected any more."""
        self.selected_index = None
        self._fire("preview_close")

    def delete(self, index: int) -> None:
        """The delete button of item ``index``: delete fires with ``{"file", "index"}``, then
        the item is removed (change follows), as Gradio's page does."""
        if 0 <= index < len(self.value):
            item = self.value[index]
            self._fire("delete", {"file": copy.deepcopy(item[_kind(item)]), "index": index})
            self.show([e for i, e in enumerate(self.value) if i != index])

    def _view_message(self, _widget: Any, content: Any, buffers: list[Any]) -> None:
        if not isinstance(content, dict):
            return
        if content.get("op") == "sync":  # a view was just drawn
            self._send_items(0, full=True)
            return
        event = content.get("event")
        if event == "select":
            self.select(int(content.get("index", -1)))
        elif event == "preview_close":
            self.close_preview()
        elif event == "upload":
            files = self.receive(content, buffers)
            if files:
                new = [{("video" if "video" in (f.get("mime_type") or "") else "image"):
                        file_data(f["path"], f["orig_name"], f.get("mime_type"), f.get("size")), "caption": None}
                       for f in files]
                self.show([*self.value, *new])
                self._fire("upload", None)
        elif event == "delete" and not self.disabled:
            self.delete(int(content.get("index", -1)))
        elif event == "clear" and not self.disabled:
            self.show([], None)


class Gallery(Component):
    """A grid of images or videos with optional captions; a click selects an item and, with
    ``allow_preview``, shows it large. Interactive galleries take uploads (appended), deletes
    and a clear.

    A function receives (as Gradio) a list of ``(media, caption)`` tuples, or None when empty:
    images by ``type`` (``"filepath"``, Gradio's default: a path in the session's folder;
    ``"numpy"``: an array of the file's own mode; ``"pil"``: a PIL image), videos as paths.
    It may return a list of images (numpy arrays, PIL images, paths, URLs) and videos (paths,
    URLs), each alone or as ``(media, caption)``; arrays and PIL images are encoded in ``format``.
    An ``http(s)://`` URL is kept as the item (``FileData(path=url, url=url)``, as Gradio) and
    loaded by the page; the kernel fetches nothing, so a function reading the gallery then gets
    a ``gr.Error`` (Gradio downloads it first). A path to a missing file is kept as Gradio keeps
    it (the page shows the item as missing); reading it is the ``gr.Error``.

    Events: ``select`` (``gr.SelectData``: ``index`` and ``value``, the item as
    ``{"image": FileData, "caption"}``), ``upload``, ``change``, ``delete`` (data
    ``{"file": FileData, "index"}``), ``preview_close``, ``preview_open``.

    Accepted and ignored: the "webcam" and "clipboard" sources, ``buttons`` other than "download" (no share,
    fullscreen or custom buttons), ``preview`` opens the first item only when a session opens.
    """

    SHOWN_LABEL = "Gallery"

    EVENTS: ClassVar[tuple[str, ...]] = ("select", "upload", "change", "delete", "preview_close", "preview_open")
    UPDATABLE = (
        *Component.UPDATABLE, "format", "file_types", "columns", "rows", "height", "allow_preview", "preview",
        "selected_index", "object_fit", "buttons", "type", "fit_columns", "sources", "container", "scale", "min_width",
    )
    select = listener("select", "Run ``fn`` when the user clicks an item; ``gr.SelectData`` has its index and value.")
    upload = listener("upload", "Run ``fn`` when the user uploads images or videos.")
    delete = listener("delete", "Run ``fn`` when the user deletes an item.")
    preview_close = listener("preview_close", "Run ``fn`` when the user closes the preview.")
    preview_open = listener("preview_open", "Run ``fn`` when the user opens the preview.")

    def __init__(
        self,
        value: Sequence[Any] | Callable[..., Any] | None = None,
        *,
        format: str = "webp",
        file_types: list[str] | None = None,
        label: str | None = None,
        every: Any = None,
        inputs: Any = None,
        show_label: bool | None = None,
        container: bool = True,
        scale: int | None = None,
        min_width: int = 160,
        visible: bool = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
        preserved_by_key: Any = "value",
        columns: int | None = 2,
        rows: int | None = None,
        height: float | str | None = None,
        allow_preview: bool = True,
        preview: bool | None = None,
        selected_index: int | None = None,
        object_fit: str | None = None,
        buttons: list[Any] | None = None,
        interactive: bool | None = None,
        type: str = "filepath",
        fit_columns: bool = True,
        sources: list[str] | None = None,
    ) -> None:
        if type not in _VALID_TYPES:
            raise ValueError(f"Invalid type: {type}. Must be one of {_VALID_TYPES}")
        self.format = format
        self.file_types = file_types
        self.columns = columns
        self.rows = rows
        self.height = height
        self.allow_preview = allow_preview
        self.preview = preview
        self.selected_index = selected_index
        self.object_fit = object_fit
        self.buttons = ["share", "download", "download_all", "fullscreen"] if buttons is None else buttons
        self.type = type
        self.fit_columns = fit_columns
        self.sources = sources or ["upload"]
        super().__init__(
            value, label=label, show_label=show_label, container=container, scale=scale, min_width=min_width,
            interactive=interactive, visible=visible, elem_id=elem_id, elem_classes=elem_classes, render=render,
            key=key, preserved_by_key=preserved_by_key, every=every, inputs=inputs,
        )

    def _after_props(self, props: dict[str, Any]) -> None:
        super()._after_props(props)
        if "type" in props and self.type not in _VALID_TYPES:
            raise ValueError(f"Invalid type: {self.type}. Must be one of {_VALID_TYPES}")

    # -- value pipeline ----------------------------------------------------------------------
    def postprocess(self, value: Any) -> list[dict[str, Any]]:
        """``[{"image"|"video": FileData, "caption"}]`` (an array's or PIL image's bytes under
        ``data`` until the widget stores them); ``[]`` for None."""
        if value is None:
            return []
        if isinstance(value, (str, Path)) or not isinstance(value, (list, tuple)):
            raise Error("Gallery: the value must be a list of images or videos, or of (media, caption) tuples; "
                        f"got {type(value).__name__}.")
        out = []
        for entry in value:
            if isinstance(entry, dict) and ("image" in entry or "video" in entry):
                # A payload item already: its paths are checked as returned paths are (a dict
                # is no way round Gradio's rule), and it is copied.
                out.append(returned_payload(entry, getattr(self, "root", None)))
                continue
            caption = None
            if isinstance(entry, (tuple, list)):
                if len(entry) != 2:
                    raise Error(f"Gallery: an item given as a tuple must be (media, caption); got {len(entry)} values.")
                entry, caption = entry
            media = media_payload("Gallery", entry, self.format)
            kind = "video" if "video" in (media.get("mime_type") or "") else "image"
            out.append({kind: media, "caption": caption})
        return out

    def preprocess(self, payload: list[dict[str, Any]] | None) -> list[tuple[Any, str | None]] | None:
        """A list of ``(media, caption)``: images by ``type``, videos as paths; None if empty."""
        if not payload:
            return None
        out = []
        for entry in payload:
            kind = _kind(entry)
            path = readable(entry[kind].get("path"), "Gallery")
            if self.file_types and not is_valid_file(path, self.file_types):
                raise Error(f"Invalid file type. Please upload a file that is one of these formats: {self.file_types}")
            out.append((path if kind == "video" else _convert(path, self.type), entry.get("caption")))
        return out

    # -- widget ------------------------------------------------------------------------------
    def make_widget(self, payload: Any, interactive: bool) -> GalleryWidget:
        widget = GalleryWidget()
        self.sync_props(widget, interactive)
        selected = self.selected_index
        if selected is None and self.preview and payload:
            selected = 0  # as Gradio's page: preview opens on the first item
        widget.show(payload or [], selected)
        return widget

    def read_widget(self, widget: GalleryWidget) -> Any:
        return copy.deepcopy(widget.value)

    def write_widget(self, widget: GalleryWidget, payload: Any) -> None:
        widget.show(payload or [])

    def sync_props(self, widget: GalleryWidget, interactive: bool) -> None:
        with widget.hold_sync():
            sync_label(self, widget)
            widget.disabled = not interactive
            widget.columns = _first(self.columns) or 2
            widget.rows = _first(self.rows)
            widget.height = css_size(self.height)
            widget.allow_preview = self.allow_preview
            widget.object_fit = self.object_fit or ""
            widget.fit_columns = self.fit_columns
            widget.download = "download" in [b for b in (self.buttons or []) if isinstance(b, str)]
            widget.accept = accept_attribute(self.file_types) or "image/*,video/*"
            if self.selected_index is not None and self.selected_index != widget.selected_index:
                n = len(widget.value)
                widget.selected_index = max(0, min(self.selected_index, n - 1)) if n else None
        self._style_widget(widget)

    def connect(self, widget: GalleryWidget, event: str, fire: Callable[..., None]) -> bool:
        if event not in ("select", "upload", "delete", "preview_close", "preview_open"):
            return False
        add_handler(widget, event, fire)
        return True

    def drive(self, widget: GalleryWidget, event: str, data: Any) -> bool:
        """Play what the page does for ``select`` with an ``index`` (the item is selected, the
        preview opens; without a ``value`` in ``data`` the item is added, as the page sends it)
        and for ``delete`` with an ``index`` only (the item is removed, then delete fires with
        ``{"file", "index"}`` and change with the new value), and for ``preview_close`` (the
        selection is dropped)."""
        if event == "preview_close":
            widget.close_preview()
            return True
        if event not in ("select", "delete") or not isinstance(data, dict) or not isinstance(data.get("index"), int):
            return False
        index = data["index"]
        if not 0 <= index < len(widget.value):
            raise IndexError(f"Gallery: no item {index}; it holds {len(widget.value)}.")
        if event == "select":
            widget.select(index, data if "value" in data else None)
            return True
        if "file" in data:
            return False  # a delete event's data given whole: fired as it is
        widget.delete(index)
        return True


def _first(count: int | Sequence[int] | None) -> int | None:
    """A column or row count; of a list (per screen width, as older Gradio took), the first."""
    if isinstance(count, (list, tuple)):
        return int(count[0]) if count else None
    return None if count is None else int(count)


def _convert(path: str, type: str) -> Any:
    """An image file as Gradio's Gallery gives it: the path, or opened (numpy: its own mode)."""
    if type == "filepath":
        return path
    import numpy as np
    import PIL.Image

    image = PIL.Image.open(path)
    return np.array(image) if type == "numpy" else image

__getattr__ = module_getattr(__name__, ("GalleryImage", "GalleryVideo", "GalleryData"), DATA_MODEL)
