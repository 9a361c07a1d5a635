"""``gr.AnnotatedImage``: a base image with coloured masks and boxes over it, and a legend.

As Gradio's ``postprocess`` does, each annotation (a 0-1 mask array, or an ``(x1, y1, x2, y2)``
box drawn as a half-transparent fill with a 3-pixel solid border) becomes an RGBA PNG overlay
of the base image's size, in its label's ``color_map`` colour or red; the page hue-rotates the
red ones apart and draws the legend, as Gradio's page does. The base image and the overlays
travel to the page as binary buffers (``js/annotated_image.js``); their files stay in the
widget's own temporary folder. A base image given as an ``http(s)://`` URL, with no
annotations, is loaded by the page (:mod:`gradio_nb.media_urls`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, ClassVar

import traitlets as t

from ..events import listener
from ..exceptions import Error
from ..file_paths import missing_file, readable, returned_payload
from ..media_urls import is_http_url
from ..unavailable import DATA_MODEL, module_getattr
from ..uploads import Uploads
from ..widgets import LabelledView, css_size, on_view_event, sync_label
from .base import Component, ShowsPayload
from .gallery import file_data, media_payload, shown_source, stored
from .image import encode


def _hex_to_rgb(value: str) -> list[int]:
    value = value.lstrip("#")
    step = len(value) // 3
    return [int(value[i : i + step], 16) for i in range(0, len(value), step)]


def overlay(mask: Any, shape: tuple[int, int], color: list[int]) -> bytes:
    """The PNG overlay of one annotation, as Gradio's ``postprocess`` draws it: ``mask`` a 0-1
    array (its values the alpha) or a box ``(x1, y1, x2, y2)``; ``shape`` (height, width)."""
    import numpy as np
    import PIL.Image

    if isinstance(mask, np.ndarray):
        mask_array = mask.astype(float)
    else:
        try:
            x1, y1, x2, y2 = (int(v) for v in mask)
        except (TypeError, ValueError):
            raise Error(f"AnnotatedImage: an annotation must be a mask array or a box (x1, y1, x2, y2); got {mask!r}.") from None
        mask_array = np.zeros(shape)
        border = 3
        mask_array[y1:y2, x1:x2] = 0.5
        mask_array[y1:y2, x1 : x1 + border] = 1
        mask_array[y1:y2, x2 - border : x2] = 1
        mask_array[y1 : y1 + border, x1:x2] = 1
        mask_array[y2 - border : y2, x1:x2] = 1
    if mask_array.shape[:2] != shape:
        raise Error(f"AnnotatedImage: a mask of shape {mask_array.shape} does not fit an image of shape {shape}.")
    solid = (mask_array > 0).astype(float)
    colored = np.zeros((*shape, 4))
    for channel in range(3):
        colored[:, :, channel] = color[channel] * solid
    colored[:, :, 3] = mask_array * 255
    data, _ = encode(PIL.Image.fromarray(colored.astype(np.uint8)), "png")
    return data


class AnnotatedImageWidget(Uploads, LabelledView):
    """The base image's bytes (``data``; a URL the page loads, ``src``, for a base given as
    one) and each overlay's (in ``annotations``, with its label, legend colour and hue filter)
    are synced as binary buffers; the payload (``value``) stays in the kernel. The view sends
    ``{"event": "select", "data": {"index", "value"}}``."""

    _view_file = "annotated_image"
    height = t.Unicode("").tag(sync=True)
    width = t.Unicode("").tag(sync=True)
    show_legend = t.Bool(True).tag(sync=True)
    data = t.Bytes(b"").tag(sync=True)
    mime = t.Unicode("").tag(sync=True)
    #: The ``http(s)://`` URL the page loads the base image from, or "".
    src = t.Unicode("").tag(sync=True)
    #: ``[{"data": bytes, "label", "color", "filter"}]`` (the bytes as buffers).
    annotations = t.List().tag(sync=True)
    value = t.Dict(None, allow_none=True)
    #: The ``color_map`` the legend was drawn with (not synced).
    color_map: dict[str, str] | None = None

    def accepts_uploads(self) -> bool:
        return False  # a display: the page offers no upload

    def show(self, payload: dict[str, Any] | None, color_map: dict[str, str] | None) -> None:
        """Hold ``payload`` and send the base image and overlays to the page."""
        self.color_map = color_map
        if payload is None:
            with self.hold_sync():
                self.data, self.mime, self.src, self.annotations = b"", "", "", []
                self.value = None
            return
        base, data, mime = stored(self, payload["image"])
        held, shown = [], []
        count = len(payload["annotations"]) or 1
        for i, ann in enumerate(payload["annotations"]):
            mask, mask_data, _ = stored(self, ann["image"])
            label = ann["label"]
            hue = round(i * 360 / count)
            mapped = bool(color_map) and label in color_map
            held.append({"image": mask, "label": label})
            shown.append({
                "data": mask_data, "label": str(label),
                "color": f"{color_map[label]}88" if mapped else f"hsla({hue}, 100%, 50%, 0.3)",  # type: ignore[index]
                "filter": "" if mapped else f"hue-rotate({hue}deg)",
            })
        with self.hold_sync():
            self.data, self.mime, self.annotations = data, mime, shown
            self.src = shown_source(base, data).get("url", "")
            self.value = {"image": base, "annotations": held}


class AnnotatedImage(ShowsPayload, Component):
    """A base image with annotations over it: masks (0-1 numpy arrays of the image's size)
    or boxes ``(x1, y1, x2, y2)``, each with a label, coloured by ``color_map`` (hex colours by
    label; red, hue-rotated apart on the page, otherwise), with a legend (``show_legend``).

    A function returns ``(base_image, [(mask_or_box, label), ...])``, the base a numpy array,
    PIL image or path (arrays and PIL images encoded in ``format``); it receives, as Gradio,
    ``(base_path, [(overlay_png_path, label), ...])``. A base given as an ``http(s)://`` URL is
    kept and loaded by the page when there are no annotations; with annotations it is a
    ``gr.Error`` (drawing them needs the image's size, and the kernel fetches no URLs; Gradio
    downloads it), as is a function reading a URL base.

    Events: ``change``, ``select`` (a click on a legend item: ``gr.SelectData`` with the
    annotation's ``index`` and its label as ``value``). Hovering a legend item shows its
    annotation alone, as Gradio's page does.

    Accepted and ignored: ``buttons`` (no fullscreen button).
    """

    SHOWN_LABEL = "Annotated Image"

    widget_class = AnnotatedImageWidget
    EVENTS: ClassVar[tuple[str, ...]] = ("change", "select")
    UPDATABLE = (
        *Component.UPDATABLE, "format", "show_legend", "height", "width", "color_map", "buttons",
        "container", "scale", "min_width",
    )
    select = listener("select", "Run ``fn`` when the user clicks a legend item; ``gr.SelectData`` has its index and label.")

    def __init__(
        self,
        value: tuple[Any, Sequence[tuple[Any, str]]] | Callable[..., Any] | None = None,
        *,
        format: str = "webp",
        show_legend: bool = True,
        height: int | str | None = None,
        width: int | str | None = None,
        color_map: dict[str, str] | None = None,
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
        buttons: list[Any] | None = None,
    ) -> None:
        self.format = format
        self.show_legend = show_legend
        self.height = height
        self.width = width
        self.color_map = color_map
        self.buttons = ["fullscreen"] if buttons is None else buttons
        super().__init__(
            value, label=label, show_label=show_label, container=container, scale=scale, min_width=min_width,
            visible=visible, elem_id=elem_id, elem_classes=elem_classes, render=render, key=key,
            preserved_by_key=preserved_by_key, every=every, inputs=inputs,
        )

    # -- value pipeline ----------------------------------------------------------------------
    def postprocess(self, value: Any) -> dict[str, Any] | None:
        """``{"image": FileData, "annotations": [{"image": FileData (a PNG overlay), "label"}]}``
        (bytes under ``data`` until the widget stores them); None for None."""
        import numpy as np
        import PIL.Image

        if value is None:
            return None
        if isinstance(value, dict) and "image" in value and "annotations" in value:
            return returned_payload(value, getattr(self, "root", None))  # a payload already
        if not isinstance(value, (tuple, list)) or len(value) != 2:
            raise Error("AnnotatedImage: the value must be (base_image, [(mask_or_box, label), ...]); "
                        f"got {type(value).__name__}.")
        base, annotations = value
        if is_http_url(base):
            if annotations:
                raise Error(f"AnnotatedImage: cannot draw annotations over {base!r}: their size is the image's, and "
                            "the kernel fetches no URLs; give a local path, a numpy array or a PIL image.")
            return {"image": media_payload("AnnotatedImage", base, self.format), "annotations": []}
        if isinstance(base, (str, Path)):
            payload = media_payload("AnnotatedImage", base, self.format)
            if not Path(payload["path"]).is_file():  # Gradio fails too: it opens the image for its size
                raise missing_file(payload["path"])
            with PIL.Image.open(payload["path"]) as im:
                shape = (im.height, im.width)
        elif isinstance(base, (np.ndarray, PIL.Image.Image)):
            shape = tuple(np.asarray(base).shape[:2])
            payload = media_payload("AnnotatedImage", base, self.format)
        else:
            raise Error("AnnotatedImage only accepts filepaths, PIL images or numpy arrays for the base image; "
                        f"got {type(base).__name__}.")
        color_map = self.color_map or {}
        sections = []
        for item in annotations or []:
            try:
                mask, label = item
            except (TypeError, ValueError):
                raise Error(f"AnnotatedImage: each annotation must be (mask_or_box, label); got {item!r}.") from None
            color = _hex_to_rgb(color_map[label]) if label in color_map else [255, 0, 0]
            data = overlay(mask, shape, color)  # type: ignore[arg-type]
            sections.append({"image": {**file_data(None, "image.png", "image/png", len(data)), "data": data},
                             "label": label})
        return {"image": payload, "annotations": sections}

    def preprocess(self, payload: dict[str, Any] | None) -> tuple[str, list[tuple[str, str]]] | None:
        """``(base_path, [(mask_path, label), ...])``, as Gradio gives it; None if empty."""
        if payload is None:
            return None
        base = readable(payload["image"].get("path"), "AnnotatedImage")
        return (base, [(a["image"]["path"], a["label"]) for a in payload["annotations"]])

    # -- widget ------------------------------------------------------------------------------
    def write_widget(self, widget: AnnotatedImageWidget, payload: Any) -> None:
        widget.show(payload, self.color_map)

    def sync_props(self, widget: AnnotatedImageWidget, interactive: bool) -> None:
        with widget.hold_sync():
            sync_label(self, widget)
            widget.height = css_size(self.height)
            widget.width = css_size(self.width)
            widget.show_legend = self.show_legend
        if widget.value and widget.color_map != self.color_map:
            widget.show(widget.value, self.color_map)  # the legend's colours follow an updated color_map
        self._style_widget(widget)

    def connect(self, widget: AnnotatedImageWidget, event: str, fire: Callable[..., None]) -> bool:
        if event == "select":
            on_view_event(widget, event, fire)
            return True
        return False


#: Gradio's other spelling of the name.
Annotatedimage = AnnotatedImage

__getattr__ = module_getattr(__name__, ("Annotation", "AnnotatedImageData"), DATA_MODEL)
