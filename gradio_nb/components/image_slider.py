"""``gr.ImageSlider``: two images one over the other, a draggable divider between them.

Each image is handled as ``gr.Image`` handles one (same ``type``, ``format`` and
``image_mode`` conversions: see :mod:`gradio_nb.components.image`); both travel to the page
as binary buffers (``js/image_slider.js``), or, for an image given as an ``http(s)://`` URL, as
that URL, which the page loads itself (:mod:`gradio_nb.media_urls`). Uploads come back in
binary chunks (:mod:`gradio_nb.uploads`), into the slot they were dropped on.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

import traitlets as t

from ..events import listener
from ..exceptions import Error
from ..file_paths import readable
from ..uploads import UploadedValue
from ..widgets import LabelledView, add_handler, css_size, on_view_event, sync_label
from .base import FormComponent, ShowsPayload
from .gallery import file_data, media_payload, shown_source, stored
from .image import Image

_VALID_TYPES = ["numpy", "pil", "filepath"]


class ImageSliderWidget(UploadedValue, LabelledView):
    """Two images: their bytes (``data_a``, ``data_b``: binary buffers) and MIME types are
    synced (for an image given as a URL, that URL: ``src_a``, ``src_b``), and the divider's
    ``position`` (0-100, the view updates it as it is dragged); the payload (``value``:
    ``[FileData | None, FileData | None]`` or None) stays in the kernel.

    The view sends upload messages with a ``slot`` (0 or 1; two files fill both),
    ``{"event": "clear"}`` and ``{"event": "select", "data": {"index": [x, y], "value": None}}``.
    """

    _view_file = "image_slider"
    disabled = t.Bool(True).tag(sync=True)
    height = t.Unicode("").tag(sync=True)
    width = t.Unicode("").tag(sync=True)
    max_height = t.Unicode("500px").tag(sync=True)
    download = t.Bool(True).tag(sync=True)
    position = t.Float(50.0).tag(sync=True)
    data_a = t.Bytes(b"").tag(sync=True)
    mime_a = t.Unicode("").tag(sync=True)
    data_b = t.Bytes(b"").tag(sync=True)
    mime_b = t.Unicode("").tag(sync=True)
    #: The ``http(s)://`` URLs the page loads the images from (values given as URLs), or "".
    src_a = t.Unicode("").tag(sync=True)
    src_b = t.Unicode("").tag(sync=True)
    value = t.List(None, allow_none=True)
    #: The ``slider_position`` last set from the component (not synced).
    declared_position: float | None = None

    def show(self, payload: list[Any] | None) -> None:
        """Hold ``payload`` and send both images' bytes to the page."""
        held: list[Any] = []
        shown: list[tuple[bytes, str, str]] = []
        for part in payload or [None, None]:
            if part is None:
                held.append(None)
                shown.append((b"", "", ""))
            else:
                media, data, mime = stored(self, part)
                held.append(media)
                shown.append((data, mime, shown_source(media, data).get("url", "")))
        with self.hold_sync():
            (self.data_a, self.mime_a, self.src_a), (self.data_b, self.mime_b, self.src_b) = shown
            self.value = None if payload is None else held

    def uploaded(self, files: list[dict[str, Any]], content: dict[str, Any]) -> str:
        """Put the uploaded images in the slot they were dropped on (two fill both)."""
        slot = 1 if content.get("slot") == 1 else 0
        new = list(self.value or [None, None])
        for offset, f in enumerate(files[:2]):
            new[(slot + offset) % 2] = file_data(f["path"], f["orig_name"], f.get("mime_type"), f.get("size"))
        self.show(new)
        return "upload"

    def cleared(self) -> list[None]:
        """A clear empties both slots."""
        return [None, None]


class ImageSlider(ShowsPayload, FormComponent):
    """Two images compared with a draggable divider (``slider_position``: where it starts, as
    a percentage of the width).

    A function receives, as Gradio, a tuple of two images by ``type`` (``"numpy"``, ``"pil"``,
    ``"filepath"``), each converted as ``gr.Image`` converts one (``image_mode``), None for a
    missing one, or None when the slider is empty; it returns a pair of numpy arrays, PIL
    images, paths or URLs (arrays and PIL images encoded in ``format``). An ``http(s)://`` URL
    is kept and loaded by the page; the kernel fetches nothing, so a function reading it gets
    a ``gr.Error`` (Gradio downloads it first), as it does for a path to a missing file.

    Events: ``change``, ``input``, ``upload``, ``clear``, ``select``, ``stream`` (accepted,
    never sent). Gradio's page never sends ``select`` for an ImageSlider; here a click on the
    images sends it as ``gr.Image`` does (``gr.SelectData.index``: the ``[x, y]`` pixel of the
    image under the click).

    Accepted and ignored: ``buttons`` other than "download" (no fullscreen or custom buttons).
    """

    SHOWN_LABEL = "Image"

    widget_class = ImageSliderWidget
    EVENTS: ClassVar[tuple[str, ...]] = ("clear", "change", "stream", "select", "upload", "input")
    UPDATABLE = (
        *FormComponent.UPDATABLE, "format", "height", "width", "image_mode", "type", "buttons", "slider_position",
        "max_height", "container", "scale", "min_width",
    )
    clear = listener("clear", "Run ``fn`` when the user clears the images.")
    stream = listener("stream", "Accepted for Gradio compatibility: no webcam stream here.")
    select = listener("select", "Run ``fn`` when the user clicks the images; ``gr.SelectData.index`` is [x, y].")
    upload = listener("upload", "Run ``fn`` when the user uploads an image.")

    def __init__(
        self,
        value: Any = None,
        *,
        format: str = "webp",
        height: int | str | None = None,
        width: int | str | None = None,
        image_mode: str | None = "RGB",
        type: str = "numpy",
        label: str | None = None,
        every: Any = None,
        inputs: Any = None,
        show_label: bool | None = None,
        buttons: list[Any] | None = None,
        container: bool = True,
        scale: int | None = None,
        min_width: int = 160,
        interactive: bool | None = None,
        visible: bool = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
        preserved_by_key: Any = "value",
        slider_position: float = 50,
        max_height: int = 500,
    ) -> None:
        if type not in _VALID_TYPES:
            raise ValueError(f"Invalid value for parameter `type`: {type}. Please choose from one of: {_VALID_TYPES}")
        self.format = format
        self.slider_position = slider_position
        self.max_height = max_height
        self.type = type
        self.height = height
        self.width = width
        self.image_mode = image_mode
        self.buttons = ["download", "fullscreen"] if buttons is None else buttons
        super().__init__(
            value, label=label, show_label=show_label, container=container, scale=scale, min_width=min_width,
            interactive=interactive, visible=visible, elem_id=elem_id, elem_classes=elem_classes, render=render,
            key=key, preserved_by_key=preserved_by_key, every=every, inputs=inputs,
        )

    def _after_props(self, props: dict[str, Any]) -> None:
        super()._after_props(props)
        if "type" in props and self.type not in _VALID_TYPES:
            raise ValueError(f"Invalid value for parameter `type`: {self.type}. Please choose from one of: {_VALID_TYPES}")

    def _image(self) -> Image:
        """An Image (not rendered) that converts one image as this slider does."""
        return Image(type=self.type, format=self.format, image_mode=self.image_mode, render=False)

    # -- value pipeline ----------------------------------------------------------------------
    def postprocess(self, value: Any) -> list[dict[str, Any] | None] | None:
        """``[FileData | None, FileData | None]`` (bytes of arrays and PIL images under
        ``data`` until the widget stores them); None for None."""
        if value is None:
            return None
        if not isinstance(value, (tuple, list)) or len(value) != 2:
            raise Error(f"ImageSlider: the value must be a pair of images (a tuple of two); got {type(value).__name__}.")
        return [None if v is None else media_payload("ImageSlider", v, self.format) for v in value]

    def preprocess(self, payload: list[Any] | None) -> tuple[Any, Any] | None:
        """A tuple of two images by ``type`` (None for a missing one); None if empty."""
        if payload is None:
            return None
        for part in payload:
            if part is not None and (part.get("path") or part.get("data") is None):
                readable(part.get("path"), "ImageSlider")
        image = self._image()
        return (image.preprocess(payload[0]), image.preprocess(payload[1]))

    # -- widget ------------------------------------------------------------------------------
    def sync_props(self, widget: ImageSliderWidget, interactive: bool) -> None:
        with widget.hold_sync():
            sync_label(self, widget)
            widget.disabled = not interactive
            widget.height = css_size(self.height)
            widget.width = css_size(self.width)
            widget.max_height = css_size(self.max_height)
            widget.download = "download" in [b for b in (self.buttons or []) if isinstance(b, str)]
            position = float(min(100.0, max(0.0, self.slider_position)))
            if position != widget.declared_position:  # a drag on the page survives other updates
                widget.declared_position = widget.position = position
        self._style_widget(widget)

    def connect(self, widget: ImageSliderWidget, event: str, fire: Callable[..., None]) -> bool:
        if event == "select":
            on_view_event(widget, event, fire)
            return True
        if event in ("upload", "clear"):
            add_handler(widget, event, fire)
            return True
        return False
