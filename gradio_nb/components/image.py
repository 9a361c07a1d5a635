"""``gr.Image``: an image shown from its bytes, uploaded from the page as binary chunks.

The kernel sends the page the image's encoded bytes in a ``t.Bytes`` trait (a binary comm
buffer, never base64); the view (``js/image.js``) shows them through a Blob URL. An image given
as an ``http(s)://`` URL is not fetched: the page loads it (the ``src`` trait, see
:mod:`gradio_nb.media_urls`). Files a person picks or drops travel back in chunks
(:mod:`gradio_nb.uploads`) into the widget's own temporary folder, removed when its session
closes.
"""

from __future__ import annotations

import copy
import io
import itertools
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, ClassVar

import traitlets as t

from ..events import listener
from ..exceptions import Error
from ..file_paths import local_file, readable, returned_payload
from ..media_urls import is_http_url, url_payload
from ..uploads import UploadedValue, guess_mimetype, scratch_folder
from ..widgets import LabelledView, add_handler, css_size, on_view_event, sync_label
from .base import FormComponent, ShowsPayload

_VALID_SOURCES = ["upload", "webcam", "clipboard"]
_VALID_TYPES = ["numpy", "pil", "filepath"]
#: Formats every browser shows as they are; others are shown re-encoded as PNG.
SHOWN_FORMATS = {"png", "jpeg", "jpg", "gif", "webp", "bmp", "svg", "ico", "avif"}


def to_uint8(array: Any) -> Any:
    """An array as uint8 pixels, converted as Gradio's ``processing_utils._convert`` does:
    floats in [-1, 1] scale by 255 (others and booleans are refused), wider integers are divided down
    unless every value already fits, negatives become 0."""
    import numpy as np

    array = np.asarray(array)
    kind = array.dtype.kind
    if array.dtype == np.uint8:
        return array
    if kind == "b":  # Gradio's conversion fails on booleans too (a KeyError there)
        raise Error("Image: cannot show a boolean array; give uint8 (0-255) or float (0-1) pixels.")
    if kind == "f":
        if array.size and (np.nanmin(array) < -1.0 or np.nanmax(array) > 1.0):
            raise Error("Image: images of type float must be between -1 and 1.")
        return np.clip(np.rint(array * 255.0), 0, 255).astype(np.uint8)
    if kind not in "ui":
        raise Error(f"Image: cannot show an array of dtype {array.dtype}; expected numbers or booleans.")
    bits = 8 * array.dtype.itemsize - (kind == "i")
    if bits == 7:  # int8: Gradio widens 7 bits to 8 by x129 // 64
        scaled = array.astype(np.int16) * 129 // 64
    elif array.size and array.max() < 256:
        scaled = array
    else:
        scaled = array // (1 << (bits - 8))
    return np.maximum(scaled, 0).astype(np.uint8)


def encode(image: Any, format: str) -> tuple[bytes, str]:
    """A PIL image's bytes in ``format`` (PNG if Pillow cannot write that format), and the format."""
    for fmt in (format, "png"):
        out = io.BytesIO()
        try:
            image.save(out, fmt)
        except (KeyError, ValueError, OSError):
            continue
        return out.getvalue(), fmt.lower()
    raise Error(f"Image: cannot encode an image of mode {image.mode!r}.")


_frames = itertools.count()


def shown_bytes(data: bytes, suffix: str) -> bytes:
    """Image bytes a browser shows: ``data`` as it is when its format (``suffix``) is one
    browsers show, else re-encoded as PNG; nothing for bytes that are not an image (as
    Gradio's page shows nothing for them)."""
    if suffix.lower().lstrip(".") in SHOWN_FORMATS:
        return data
    import PIL.Image

    try:
        with PIL.Image.open(io.BytesIO(data)) as im:
            return encode(im, "png")[0]
    except (OSError, ValueError):
        return b""


class ImageWidget(UploadedValue, LabelledView):
    """An image: its encoded bytes (``data``, a binary buffer) and MIME type are synced, or for
    an image given as an ``http(s)://`` URL that URL (``src``: the page loads it); the payload
    (``value``: ``{"path", "orig_name"}`` or None) stays in the kernel.

    The view sends upload messages (see :mod:`gradio_nb.uploads`; a webcam photo has
    ``"source": "webcam"``), ``{"event": "clear"}`` and
    ``{"event": "select", "data": {"index": [x, y], "value": None}}``.
    """

    _view_file = "image"
    disabled = t.Bool(False).tag(sync=True)
    placeholder = t.Unicode("").tag(sync=True)
    height = t.Unicode("").tag(sync=True)
    width = t.Unicode("").tag(sync=True)
    upload = t.Bool(True).tag(sync=True)
    #: Whether the page offers the webcam source (a photo taken with the camera).
    webcam = t.Bool(True).tag(sync=True)
    clipboard = t.Bool(True).tag(sync=True)
    #: The webcam's picture is shown and taken mirrored (``webcam_options``' ``mirror``).
    mirror = t.Bool(True).tag(sync=True)
    #: The camera's constraints (``webcam_options``' ``constraints``: its ``video`` is given to
    #: ``getUserMedia``, as Gradio's page does; {}: Gradio's default).
    webcam_constraints = t.Dict({}).tag(sync=True)
    alt_text = t.Unicode("").tag(sync=True)
    data = t.Bytes(b"").tag(sync=True)
    mime = t.Unicode("").tag(sync=True)
    #: The ``http(s)://`` URL the page loads the image from (the value is that URL), or "".
    src = t.Unicode("").tag(sync=True)
    value = t.Dict(None, allow_none=True)

    def accepts_uploads(self) -> bool:
        return not self.disabled and (self.upload or self.clipboard or self.webcam)

    def uploaded(self, files: list[dict[str, Any]], content: dict[str, Any]) -> str:
        """Show the uploaded image; a file fires "upload", a webcam photo only changes the
        value (change and input), as Gradio's page sets a captured photo."""
        super().uploaded(files, content)
        return "capture" if content.get("source") == "webcam" else "upload"

    #: Bytes of the shown image not yet written to a file (see :meth:`payload`).
    _unwritten: bytes | None = None

    def show(self, payload: dict[str, Any] | None) -> None:
        """Hold ``payload`` and send its bytes to the page. Bytes without a path are written
        to a file only when a function reads the value (:meth:`payload`): a stream of frames
        shown and never read costs no file."""
        self._unwritten = None
        if payload is None:
            with self.hold_sync():
                self.data, self.mime, self.src = b"", "", ""
                self.value = None
            return
        payload = dict(payload)
        data = payload.pop("data", None)
        if data is not None and not payload.get("path"):
            self._unwritten = data
            # Each image shown is a new value (two frames of one name must not compare equal).
            payload["frame"] = next(_frames)
        elif data is None and is_http_url(payload["path"]):
            with self.hold_sync():  # the page loads it; the kernel fetches nothing
                self.data, self.mime, self.src = b"", "", payload["path"]
                self.value = payload
            return
        elif data is None and not Path(payload["path"]).is_file():
            with self.hold_sync():
                self.data, self.mime, self.src = b"", "", ""
                self.value = payload
            return
        if data is None:
            payload["path"] = str(self.adopt(payload["path"]))
            data = Path(payload["path"]).read_bytes()
        name = payload.get("orig_name") or Path(payload.get("path") or "image.png").name
        suffix = Path(name).suffix
        mime = (guess_mimetype(name) if suffix.lower().lstrip(".") in SHOWN_FORMATS else None) or "image/png"
        data = shown_bytes(data, suffix)
        with self.hold_sync():
            self.data, self.mime, self.src = data, mime, ""
            self.value = payload

    def payload(self) -> dict[str, Any] | None:
        """The value as a function reads it: with a ``path``, the file written on first need
        into this widget's folder (removed when it closes)."""
        if self.value is not None and self._unwritten is not None:
            path = self.new_file(self.value.get("orig_name") or "image.png")
            path.write_bytes(self._unwritten)
            self._unwritten = None
            self.value["path"] = str(path)  # in place: the value did not change
        return self.value


class Image(ShowsPayload, FormComponent):
    """An image: uploaded by a person (``interactive``) or shown from a function's return.

    A function receives, by ``type``: ``"numpy"`` a uint8 array (HxWx3 for ``image_mode="RGB"``),
    ``"pil"`` a PIL image converted to ``image_mode``, ``"filepath"`` a path in the session's
    temporary folder (or the path given). A function may return a numpy array, a PIL image or
    a path; arrays and PIL images are encoded in ``format`` (Gradio's default "webp"; PNG when
    Pillow cannot write it). The page receives the image's bytes as a binary buffer and sends
    uploads back in chunks. An ``http(s)://`` URL is kept as the value and loaded by the page;
    the kernel fetches nothing, so a function given it (Gradio downloads it first) gets a
    ``gr.Error`` (see :mod:`gradio_nb.media_urls`).

    Events: ``change``, ``input``, ``upload``, ``clear``, ``select`` (``gr.SelectData.index``:
    the ``[x, y]`` pixel of the click), ``stream`` (accepted, never sent).

    The page draws Gradio's source toolbar: "upload" (the picker, or a file dropped),
    "webcam" (a photo taken with the camera, where the page may use one: a secure page, https
    or localhost; elsewhere its button is disabled and says why; ``webcam_options``' ``mirror``
    and ``constraints`` apply) and "clipboard" (its button reads the clipboard; a paste on the
    image works too).

    Differences: ``streaming`` (no webcam stream), ``watermark`` and ``buttons`` are accepted
    and ignored.
    """

    SHOWN_LABEL = "Image"

    widget_class = ImageWidget
    EVENTS: ClassVar[tuple[str, ...]] = ("clear", "change", "stream", "select", "upload", "input")
    UPDATABLE = (
        *FormComponent.UPDATABLE,
        "height", "width", "image_mode", "sources", "type", "format", "placeholder", "alt_text", "buttons",
        "container", "scale", "min_width",
    )
    clear = listener("clear", "Run ``fn`` when the user clears the image.")
    stream = listener("stream", "Accepted for Gradio compatibility: no webcam stream here.")
    select = listener("select", "Run ``fn`` when the user clicks the image; ``gr.SelectData.index`` is [x, y].")
    upload = listener("upload", "Run ``fn`` when the user uploads an image.")

    def __init__(
        self,
        value: Any = None,
        *,
        format: str = "webp",
        height: int | str | None = None,
        width: int | str | None = None,
        image_mode: str | None = "RGB",
        sources: Sequence[str] | str | None = None,
        type: str = "numpy",
        buttons: Any = None,
        streaming: bool = False,
        webcam_options: Any = None,
        placeholder: str | None = None,
        watermark: Any = None,
        alt_text: str | None = None,
        **kwargs: Any,
    ) -> None:
        if type not in _VALID_TYPES:
            raise ValueError(f"Invalid value for parameter `type`: {type}. Please choose from one of: {_VALID_TYPES}")
        self.format = format
        self.type = type
        self.height = height
        self.width = width
        self.image_mode = image_mode
        self.streaming = streaming
        self.sources = self._check_sources(sources, streaming)
        if streaming and self.sources != ["webcam"]:
            raise ValueError(
                "Image streaming only available if sources is ['webcam']. Streaming not supported with multiple sources."
            )
        self.buttons = buttons
        self.webcam_options = webcam_options
        self.placeholder = placeholder
        self.watermark = watermark
        self.alt_text = alt_text
        super().__init__(value, **kwargs)

    @staticmethod
    def _check_sources(sources: Sequence[str] | str | None, streaming: bool = False) -> list[str]:
        if sources is None:
            return ["webcam"] if streaming else ["upload", "webcam", "clipboard"]
        sources = [sources] if isinstance(sources, str) else list(sources)
        for source in sources:
            if source not in _VALID_SOURCES:
                raise ValueError(f"`sources` must a list consisting of elements in {_VALID_SOURCES}")
        return sources

    def _after_props(self, props: dict[str, Any]) -> None:
        super()._after_props(props)
        if "sources" in props:
            self.sources = self._check_sources(self.sources)
        if "type" in props and self.type not in _VALID_TYPES:
            raise ValueError(f"Invalid value for parameter `type`: {self.type}. Please choose from one of: {_VALID_TYPES}")

    # -- value pipeline ----------------------------------------------------------------------
    def postprocess(self, value: Any) -> dict[str, Any] | None:
        """``{"path", "orig_name"}`` for a path, ``{"data": bytes, "orig_name"}`` for an array
        or PIL image (encoded in ``format``); None for None."""
        import numpy as np
        import PIL.Image

        if value is None:
            return None
        if isinstance(value, dict) and ("path" in value or "data" in value):
            return returned_payload(value, getattr(self, "root", None))  # a payload already
        if is_http_url(value):
            return url_payload(value)
        if isinstance(value, (str, Path)):
            # As Gradio: a missing file is kept (the page shows no image); reading it fails.
            text = local_file(value, "Image", getattr(self, "root", None), must_exist=False)
            return {"path": text, "orig_name": Path(text).name}
        if isinstance(value, np.ndarray):
            value = PIL.Image.fromarray(to_uint8(value))
        if isinstance(value, PIL.Image.Image):
            data, fmt = encode(value, self.format)
            return {"data": data, "orig_name": f"image.{fmt}"}
        raise ValueError(f"Cannot process this value as an Image, it is of type: {value.__class__}")

    def preprocess(self, payload: dict[str, Any] | None) -> Any:
        """A numpy array, PIL image or path, by ``type`` (as Gradio's ``preprocess_image``)."""
        import numpy as np
        import PIL.Image
        from PIL import ImageOps

        if payload is None:
            return None
        path = payload.get("path")
        if path:  # a URL: the gr.Error naming the component; a missing file: Gradio's error naming the path
            path = readable(path, type(self).__name__)
        orig = payload.get("orig_name")
        if orig:
            name, suffix = Path(orig).stem, Path(orig).suffix.replace(".", "")
            suffix = "jpeg" if suffix in ("jpg", "jpeg") else suffix
        else:
            name, suffix = "image", "webp"
        if suffix.lower() == "svg":
            if self.type == "filepath" and path:
                return str(path)
            raise Error("SVG files are not supported as input images for this app.")
        source = path if path else io.BytesIO(payload["data"])
        im = PIL.Image.open(source)
        if self.type == "filepath" and path and self.image_mode in (None, im.mode):
            return str(path)
        exif = im.getexif()
        if exif.get(274, 1) != 1:
            try:
                im = ImageOps.exif_transpose(im)
            except Exception:  # noqa: BLE001 - as Gradio: a bad EXIF warns, the image is kept
                warnings.warn(f"Failed to transpose image {path} based on EXIF data.", stacklevel=2)
        if suffix.lower() != "gif" and self.image_mode is not None:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                im = im.convert(self.image_mode)
        if self.type == "pil":
            return im
        if self.type == "numpy":
            return np.array(im)
        # filepath: the converted image, saved next to the one it came from
        data, fmt = encode(im, suffix or "png")
        folder = Path(path).parent if path else scratch_folder("gradio_nb_image_")
        out = folder / f"{name}.converted.{fmt}"
        out.write_bytes(data)
        return str(out)

    # -- widget ------------------------------------------------------------------------------
    def read_widget(self, widget: ImageWidget) -> Any:
        return copy.deepcopy(widget.payload())

    def peek_widget(self, widget: ImageWidget) -> Any:
        return copy.deepcopy(widget.value)

    def sync_props(self, widget: ImageWidget, interactive: bool) -> None:
        with widget.hold_sync():
            sync_label(self, widget)
            widget.disabled = not interactive
            widget.placeholder = self.placeholder or ""
            widget.height = css_size(self.height)
            widget.width = css_size(self.width)
            widget.upload = "upload" in self.sources
            widget.webcam = "webcam" in self.sources
            widget.clipboard = "clipboard" in self.sources
            options = self.webcam_options
            get = options.get if isinstance(options, dict) else lambda name, default: getattr(options, name, default)
            widget.mirror = bool(get("mirror", True))
            widget.webcam_constraints = dict(get("constraints", None) or {})
            widget.alt_text = self.alt_text or ""
        self._style_widget(widget)

    def connect(self, widget: ImageWidget, event: str, fire: Callable[..., None]) -> bool:
        if event == "select":
            on_view_event(widget, event, fire)
            return True
        if event in ("upload", "clear"):
            add_handler(widget, event, fire)
            return True
        return False
