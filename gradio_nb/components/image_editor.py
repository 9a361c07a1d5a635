"""``gr.ImageEditor`` and its templates ``gr.Sketchpad``, ``gr.Paint``, ``gr.ImageMask``, with
the option dataclasses ``gr.Brush``, ``gr.Eraser``, ``gr.LayerOptions``, ``gr.WebcamOptions``
and ``gr.WatermarkOptions``.

The value is Gradio's ``EditorValue``: ``{"background", "layers", "composite"}``. The kernel
sends the page the background's and each layer's encoded bytes as binary comm buffers; the
view (``js/image_editor.js``) draws them on canvases, lets a person draw and erase on a layer,
and after each stroke sends back the background, every layer and the composite as PNG bytes
(binary buffers, never base64), from which the kernel builds the value: one ``change`` and one
``input`` per stroke, not per pointer move.
"""

from __future__ import annotations

import dataclasses
import io
import shutil
import tempfile
import warnings
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Literal, TypedDict, Union

import traitlets as t

from ..events import listener
from ..exceptions import Error
from ..file_paths import local_file, readable, returned_payload
from ..unavailable import DATA_MODEL, module_getattr
from ..uploads import UploadRefused, Uploads, format_size, scratch_folder
from ..widgets import LabelledView, add_handler, css_size, on_view_event, sync_label
from .base import FormComponent, ShowsPayload
from .image import encode, shown_bytes, to_uint8

if TYPE_CHECKING:
    import numpy as np
    import PIL.Image

#: One image of an editor's value: an array, a PIL image or a file path.
ImageType = Union["np.ndarray", "PIL.Image.Image", str]


class EditorValue(TypedDict):
    """An image editor's value: its background, drawing layers and their composite."""

    background: ImageType | None
    layers: list[ImageType]
    composite: ImageType | None


_VALID_SOURCES = ["upload", "webcam", "clipboard"]
_VALID_TYPES = ["numpy", "pil", "filepath"]
_KEYS = ("background", "layers", "composite")
#: Image modes that keep an alpha channel: transparent areas are not flattened on white.
_ALPHA_MODES = ("RGBA", "LA", "PA")


# -- option dataclasses (Gradio's fields and defaults) ------------------------------------------
@dataclasses.dataclass
class Eraser:
    """Options of the eraser tool: ``default_size`` is its radius in pixels, or "auto" (a
    fiftieth of the canvas's smaller side)."""

    default_size: int | Literal["auto"] = "auto"


@dataclasses.dataclass
class Brush(Eraser):
    """Options of the brush tool: ``default_size`` (radius in pixels, or "auto"), ``colors``
    (a palette of CSS colours, or ``(colour, opacity)`` pairs; five by default),
    ``default_color`` (the first of ``colors`` by default) and ``color_mode`` ("defaults": a
    colour picker besides the palette; "fixed": the palette only)."""

    colors: list[str | tuple[str, float]] | str | tuple[str, float] | None = None
    default_color: str | tuple[str, float] | None = None
    color_mode: Literal["fixed", "defaults"] = "defaults"

    def __post_init__(self) -> None:
        if self.colors is None:
            self.colors = [
                "rgb(204, 50, 50)",
                "rgb(173, 204, 50)",
                "rgb(50, 204, 112)",
                "rgb(50, 112, 204)",
                "rgb(173, 50, 204)",
            ]
        if self.default_color is None:
            self.default_color = self.colors[0] if isinstance(self.colors, list) else self.colors


@dataclasses.dataclass
class LayerOptions:
    """Options of the layers: ``allow_additional_layers`` (an add-layer button), ``layers``
    (the names of the initial layers; "Layer 1" when empty), ``disabled`` (no layer tool)."""

    allow_additional_layers: bool = True
    layers: list[str] | None = None
    disabled: bool = False

    def __post_init__(self) -> None:
        if self.layers is None or len(self.layers) == 0:
            self.layers = ["Layer 1"]


@dataclasses.dataclass
class WebcamOptions:
    """Options of the webcam source (accepted; there is no webcam capture here):
    ``mirror`` and ``constraints``."""

    mirror: bool = True
    constraints: dict[str, Any] | None = None


@dataclasses.dataclass
class WatermarkOptions:
    """A watermark (a path, PIL image or array) and its ``position``: an ``(x, y)`` pair or
    one of "top-left", "top-right", "bottom-left", "bottom-right" (validated as Gradio does)."""

    watermark: Any = None
    position: tuple[int, int] | Literal["top-left", "top-right", "bottom-left", "bottom-right"] = "bottom-right"

    def __post_init__(self) -> None:
        import numpy as np
        import PIL.Image

        if self.watermark is not None and not isinstance(self.watermark, (str, Path, PIL.Image.Image, np.ndarray)):
            raise ValueError("Watermark must be a string path, Path, PIL Image, numpy array, or None")
        if isinstance(self.position, str):
            valid = {"top-left", "top-right", "bottom-left", "bottom-right"}
            if self.position not in valid:
                raise ValueError(f"String position must be one of: {valid}")
        elif isinstance(self.position, tuple):
            if len(self.position) != 2:
                raise ValueError("Position tuple must have exactly 2 values (x,y)")
            if not all(isinstance(x, int) for x in self.position):
                raise ValueError("Position coordinates must be integers")


def _colour(colour: Any) -> list[Any]:
    """A palette entry as ``[css colour, opacity]`` for the page."""
    if isinstance(colour, (tuple, list)):
        return [str(colour[0]), float(colour[1]) if len(colour) > 1 else 1.0]
    return [str(colour), 1.0]


def _size(size: Any) -> int:
    """A tool radius for the page: 0 means "auto"."""
    return 0 if size == "auto" or size is None else int(size)


# -- widget -------------------------------------------------------------------------------------
class ImageEditorWidget(Uploads, LabelledView):
    """The editor's canvases. Synced: the background's and layers' encoded bytes (binary
    buffers), the layer names, tools and sizes; ``version`` changes whenever the kernel shows a
    new value (so the page redraws even when the bytes are equal to what it last had). The
    payload (``value``: ``{"background", "layers", "composite"}`` of ``{"path", "orig_name"}``
    dicts, or None) stays in the kernel.

    After each edit the view sends its canvases as PNG bytes, ``[background (empty when
    there is none), composite, layer 0, ...]``, with ``{"reason": "stroke"|"upload"|"layer",
    "background": bool, "layers": n}``: a small edit as one ``{"event": "edit", ...}`` message
    with those buffers, a larger one (a comm message over Tornado's 10 MiB websocket limit
    would drop the kernel's connection) as one batch of the upload protocol
    (:class:`~gradio_nb.uploads.Uploads`, ``"edit": true`` among its fields). Either way the
    images are written, held to ``max_file_size`` (all of them together) and refused as an
    upload is. It also sends ``{"event": "clear"}``, ``{"event": "apply"}`` and
    ``{"event": "select", "data": ...}``. Uploads are accepted whenever the editor is
    interactive, whatever its ``upload`` source: strokes travel that way too.
    """

    drops_incomplete = True  # an edit cut short is not the person's canvas

    _view_file = "image_editor"
    disabled = t.Bool(False).tag(sync=True)
    placeholder = t.Unicode("").tag(sync=True)
    height = t.Unicode("").tag(sync=True)
    width = t.Unicode("").tag(sync=True)
    upload = t.Bool(True).tag(sync=True)
    clipboard = t.Bool(True).tag(sync=True)
    canvas_size = t.List(t.Int(), [800, 800]).tag(sync=True)
    fixed_canvas = t.Bool(False).tag(sync=True)
    #: ``{"colors": [[css, opacity], ...], "default_color": [css, opacity], "size": radius or 0,
    #: "fixed": bool}``, or None for no brush.
    brush = t.Dict(None, allow_none=True).tag(sync=True)
    #: ``{"size": radius or 0}`` or None for no eraser.
    eraser = t.Dict(None, allow_none=True).tag(sync=True)
    layer_names = t.List(t.Unicode(), ["Layer 1"]).tag(sync=True)
    add_layers = t.Bool(True).tag(sync=True)
    show_layers = t.Bool(True).tag(sync=True)
    #: Whether the app listens to ``apply`` (the page then shows an apply button, as Gradio's).
    applicable = t.Bool(False).tag(sync=True)
    selectable = t.Bool(False).tag(sync=True)
    background = t.Bytes(b"").tag(sync=True)
    layers = t.List(t.Bytes()).tag(sync=True)
    composite = t.Bytes(b"").tag(sync=True)
    version = t.Int(0).tag(sync=True)
    value = t.Dict(None, allow_none=True)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        #: event name -> the session's fire for it ("upload", "clear", "apply").
        self.handlers: dict[str, Callable[..., None]] = {}
        self._edits = 0  # one-message edits so far: each is a batch of its own
        self.on_msg(self._view_message)

    def _stored(self, ref: dict[str, Any] | None, name: str) -> tuple[dict[str, Any] | None, bytes]:
        """A payload image copied into this widget's folder (as Gradio copies into its cache),
        and the bytes the page is shown (re-encoded as PNG if browsers cannot show them)."""
        if ref is None:
            return None, b""
        data = ref.get("data")
        if data is None and not Path(ref["path"]).is_file():
            return dict(ref), b""  # as Gradio: a missing file is kept; the page shows nothing
        suffix = ref.get("suffix") or Path(ref.get("orig_name") or ref.get("path") or name).suffix.lower().lstrip(".") or "png"
        if data is None:
            path = self.adopt(ref["path"])  # a file already here (a value returned as is) is not copied again
            data = path.read_bytes()
        else:
            path = self.new_file(f"{name}.{suffix}")
            path.write_bytes(data)
        return {"path": str(path), "orig_name": ref.get("orig_name")}, shown_bytes(data, suffix)

    def show(self, payload: dict[str, Any] | None) -> None:
        """Hold ``payload`` and send its images' bytes to the page."""
        if payload is None:
            with self.hold_sync():
                self.background, self.layers, self.composite = b"", [], b""
                self.version += 1
                self.value = None
            return
        background, bg_bytes = self._stored(payload.get("background"), "background")
        composite, comp_bytes = self._stored(payload.get("composite"), "composite")
        layers, layer_bytes = [], []
        for n, layer in enumerate(payload.get("layers") or []):
            ref, data = self._stored(layer, f"layer{n}")
            layers.append(ref)
            layer_bytes.append(data)
        with self.hold_sync():
            self.background, self.layers, self.composite = bg_bytes, layer_bytes, comp_bytes
            self.version += 1
            self.value = {"background": background, "layers": layers, "composite": composite}

    def _check(self, content: dict[str, Any], entry: dict[str, Any], extra: int) -> None:
        """An edit is one value: its limit is on all its images together (the files of its
        batch written so far, and this chunk), not on each image alone, and its refusal
        speaks of the edit (its files' names are the canvas's, not the person's)."""
        if not content.get("edit"):
            return super()._check(content, entry, extra)
        batch = content.get("batch")
        size = entry["size"] + extra
        size += sum(e["size"] for (b, _i), e in self._uploads.items() if b == batch and e is not entry)
        size += sum(e["size"] for _i, e in self._batches.get(batch, []))
        limit, _types = self.upload_limits()
        if limit is not None and size > limit:
            raise UploadRefused(f"{self._describe()}: the edit exceeds the maximum allowed size of {format_size(limit)}")
        return None

    def _one_message_edit(self, content: dict[str, Any], buffers: list[Any]) -> list[dict[str, Any]] | None:
        """A small edit (one ``edit`` message) written as the one-message-per-image upload
        batch it would be if it were large: one way to write, limit and refuse an edit."""
        self._edits += 1
        batch, files = ("edit", self._edits), None  # a tuple: never a page's batch id (a string)
        for index, buffer in enumerate(buffers):
            part = {**content, "event": "upload", "edit": True, "batch": batch, "index": index,
                    "count": len(buffers), "name": _edit_file_name(index), "type": "image/png", "done": True}
            files = self.receive(part, [buffer])
        return files

    def _take_edit(self, content: dict[str, Any], files: list[dict[str, Any]]) -> None:
        """The page's canvases after an edit (PNG files already written in this widget's
        folder: background, composite, layers) as the new value; the session sees one value
        change. An ``upload`` reason fires the app's upload handler."""
        if len(files) < 2:
            return  # no composite: not an edit this view sends
        if not content.get("background"):
            shutil.rmtree(Path(files[0]["path"]).parent, ignore_errors=True)  # the empty stand-in
        # orig_name None, not the names they were sent under: a canvas has no file name, and a
        # function gets "image.<format>" files (see ImageEditor._convert).
        refs = [{"path": f["path"], "orig_name": None} for f in files]
        self.value = {"background": refs[0] if content.get("background") else None,
                      "layers": refs[2:], "composite": refs[1]}
        if content.get("reason") == "upload" and "upload" in self.handlers:
            self.handlers["upload"]()

    def _view_message(self, _widget: Any, content: Any, buffers: list[Any]) -> None:
        if not isinstance(content, dict) or self.disabled:
            return
        event = content.get("event")
        if event in ("edit", "upload"):
            if event == "edit":  # a small edit: its images in one message
                files = self._one_message_edit(content, buffers) if len(buffers) >= 2 else None
            elif content.get("edit"):  # a large one: an upload batch, in chunks
                files = self.receive(content, buffers)
            else:
                return  # the view uploads nothing but edits
            if files:
                self._take_edit(content, files)
        elif event == "clear":
            self.show(None)  # the page has cleared its canvases; the synced images go too
            if "clear" in self.handlers:
                self.handlers["clear"]()
        elif event == "apply" and "apply" in self.handlers:
            self.handlers["apply"]()


def _edit_file_name(index: int) -> str:
    """The name of an edit's image ``index`` (as the view names it): background, composite,
    then layer0, layer1..."""
    return ("background.png", "composite.png")[index] if index < 2 else f"layer{index - 2}.png"


# -- component ----------------------------------------------------------------------------------
class ImageEditor(ShowsPayload, FormComponent):
    """An image editor: a background image, drawing layers and their composite.

    A function receives Gradio's ``EditorValue``, a dict ``{"background": image or None,
    "layers": [image, ...], "composite": image or None}`` where each image is, by ``type``, a
    uint8 numpy array, a PIL image or a file path, converted to ``image_mode`` (transparent
    areas of the background and composite are flattened on white when the mode has no alpha).
    A function may return such a dict, a single image (then both background and composite),
    or None; images may be arrays, PIL images or paths, encoded in ``format``.

    In the page (when ``interactive``): draw on the selected layer with the brush (its
    palette, a colour picker unless ``color_mode="fixed"``, a size), erase, add and select
    layers (``layers``), clear, upload a background (source "upload", or paste it: "clipboard").
    Without a background the canvas is ``canvas_size``; with one it takes the image's size,
    unless ``fixed_canvas`` (the image is then fitted in the canvas). Not interactive: the
    composite is shown.

    Events: ``change`` and ``input`` (once per stroke), ``upload``, ``clear``, ``apply`` (the
    apply button, shown when the app listens to it), ``select`` (a click on the shown
    composite when not interactive, ``[x, y]``).

    Accepted and ignored: the "webcam" source and ``webcam_options``, ``transforms`` (no crop
    or resize tool here), ``buttons``, ``container``, ``scale``, ``min_width``.
    """

    widget_class = ImageEditorWidget
    EVENTS: ClassVar[tuple[str, ...]] = ("clear", "change", "input", "select", "upload", "apply")
    UPDATABLE = (
        *FormComponent.UPDATABLE,
        "height", "width", "image_mode", "sources", "type", "buttons", "container", "scale", "min_width",
        "placeholder", "_selectable", "transforms", "eraser", "brush", "format", "layers", "canvas_size",
        "fixed_canvas", "webcam_options",
    )
    clear = listener("clear", "Run ``fn`` when the user clears the editor.")
    select = listener("select", "Run ``fn`` when the user clicks the shown image; ``gr.SelectData.index`` is [x, y].")
    upload = listener("upload", "Run ``fn`` when the user uploads a background image.")
    apply = listener("apply", "Run ``fn`` when the user presses the apply button.")

    def __init__(
        self,
        value: Any = None,
        *,
        height: int | str | None = None,
        width: int | str | None = None,
        image_mode: str = "RGBA",
        sources: Iterable[str] | str | None = ("upload", "webcam", "clipboard"),
        type: str = "numpy",
        label: str | None = None,
        every: Any = None,
        inputs: Any = None,
        show_label: bool | None = None,
        buttons: list[str] | None = None,
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
        placeholder: str | None = None,
        _selectable: bool = False,
        transforms: Iterable[str] | None = ("crop", "resize"),
        eraser: Eraser | None | Literal[False] = None,
        brush: Brush | None | Literal[False] = None,
        format: str = "webp",
        layers: bool | LayerOptions = True,
        canvas_size: tuple[int, int] = (800, 800),
        fixed_canvas: bool = False,
        webcam_options: WebcamOptions | None = None,
    ) -> None:
        self._selectable = _selectable
        self.webcam_options = webcam_options if webcam_options is not None else WebcamOptions()
        if type not in _VALID_TYPES:
            raise ValueError(f"Invalid value for parameter `type`: {type}. Please choose from one of: {_VALID_TYPES}")
        self.type = type
        self.height = height
        self.width = width
        self.image_mode = image_mode
        self.sources = self._check_sources(sources)
        self.buttons = buttons
        self.transforms = transforms
        self.eraser = Eraser() if eraser is None else eraser
        self.brush = Brush() if brush is None else brush
        self.format = format
        self.layers = self._layer_options(layers)
        self.canvas_size = canvas_size
        self.fixed_canvas = fixed_canvas
        self.placeholder = placeholder
        super().__init__(
            value, label=label, every=every, inputs=inputs, show_label=show_label, container=container,
            scale=scale, min_width=min_width, interactive=interactive, visible=visible, elem_id=elem_id,
            elem_classes=elem_classes, render=render, key=key, preserved_by_key=preserved_by_key,
        )

    @staticmethod
    def _check_sources(sources: Iterable[str] | str | None) -> Any:
        if sources is None:
            return []
        if isinstance(sources, str):
            sources = [sources]
        for source in sources:
            if source not in _VALID_SOURCES:
                raise ValueError(f"`sources` must be a list consisting of elements in {_VALID_SOURCES}")
        return sources  # kept as given (a tuple stays a tuple), as Gradio keeps it

    @staticmethod
    def _layer_options(layers: bool | LayerOptions) -> LayerOptions:
        if layers is True:
            return LayerOptions()
        if layers is False:
            return LayerOptions(disabled=True)
        return layers

    def _after_props(self, props: dict[str, Any]) -> None:
        super()._after_props(props)
        if "sources" in props:
            self.sources = self._check_sources(self.sources)
        if "type" in props and self.type not in _VALID_TYPES:
            raise ValueError(f"Invalid value for parameter `type`: {self.type}. Please choose from one of: {_VALID_TYPES}")
        if "layers" in props:
            self.layers = self._layer_options(self.layers)
        if "brush" in props and self.brush is None:
            self.brush = Brush()
        if "eraser" in props and self.eraser is None:
            self.eraser = Eraser()

    # -- value pipeline ----------------------------------------------------------------------
    def _image_ref(self, image: Any) -> dict[str, Any]:
        """One image of a returned value as a payload entry: ``{"path"}`` for a file,
        ``{"data"}`` (encoded in ``format``) for an array or PIL image."""
        import numpy as np
        import PIL.Image

        if isinstance(image, dict) and ("path" in image or "data" in image):
            return returned_payload(image, getattr(self, "root", None))  # a payload entry already
        if isinstance(image, (str, Path)):
            # As Gradio: a missing file is kept (reading it fails).
            text = local_file(image, type(self).__name__, getattr(self, "root", None), must_exist=False)
            return {"path": text, "orig_name": None}
        if isinstance(image, np.ndarray):
            image = PIL.Image.fromarray(to_uint8(image))
        if isinstance(image, PIL.Image.Image):
            data, fmt = encode(image, self.format)
            return {"data": data, "orig_name": None, "suffix": fmt}
        raise ValueError(f"Cannot process this value as an Image, it is of type: {image.__class__}")

    def get_block_name(self) -> str:
        """"imageeditor" for the templates too, as Gradio names them in messages."""
        return "imageeditor"

    def postprocess(self, value: EditorValue | ImageType | None) -> dict[str, Any] | None:
        """The payload of a returned ``EditorValue`` dict, single image or None (a single image
        is both the background and the composite, as in Gradio)."""
        import numpy as np
        import PIL.Image

        if value is None:
            return None
        if isinstance(value, dict):
            missing = [k for k in _KEYS if k not in value]
            if missing:
                raise Error(
                    f"{type(self).__name__}: a value dict needs the keys 'background', 'layers' and "
                    f"'composite'; {', '.join(repr(k) for k in missing)} missing."
                )
        elif isinstance(value, (np.ndarray, PIL.Image.Image, str, Path)):
            value = {"background": value, "layers": [], "composite": value}
        else:
            # A ValueError, as Gradio's: the dispatcher names the component and the value.
            raise ValueError("The value to `gr.ImageEditor` must be a dictionary of images or a single image.")
        layers = value["layers"] or []
        if not isinstance(layers, (list, tuple)):
            raise Error(f"{type(self).__name__}: 'layers' must be a list of images, not {layers.__class__.__name__}.")
        return {
            "background": None if value["background"] is None else self._image_ref(value["background"]),
            "layers": [self._image_ref(layer) for layer in layers],
            "composite": None if value["composite"] is None else self._image_ref(value["composite"]),
        }

    def _convert(self, ref: dict[str, Any] | None, flatten_on_white: bool) -> Any:
        """One payload image as the function receives it (Gradio's ``convert_and_format_image``)."""
        import numpy as np
        import PIL.Image

        if ref is None:
            return None
        path = ref.get("path")
        im = PIL.Image.open(readable(path, type(self).__name__)) if path else PIL.Image.open(io.BytesIO(ref["data"]))
        orig = ref.get("orig_name")
        if orig:
            name, suffix = Path(orig).stem, Path(orig).suffix.replace(".", "")
            suffix = "jpeg" if suffix in ("jpg", "jpeg") else suffix
        else:
            name, suffix = "image", self.format
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            # The canvas exports RGB 0 under alpha 0: dropping alpha without compositing on
            # white would turn transparent areas black (as Gradio explains).
            if flatten_on_white and self.image_mode not in _ALPHA_MODES and (
                "A" in im.getbands() or "transparency" in im.info
            ):
                im = PIL.Image.alpha_composite(PIL.Image.new("RGBA", im.size, "white"), im.convert("RGBA"))
            im = im.convert(self.image_mode)
        if self.type == "pil":
            return im
        if self.type == "numpy":
            return np.array(im)
        data, fmt = encode(im, suffix or "png")
        # Beside the payload's file (in the widget's folder, removed with it: a session's
        # payload files are always copies there), in a folder of its own so names never clash.
        folder = tempfile.mkdtemp(prefix="gradio_nb_editor_", dir=Path(path).parent) if path else scratch_folder("gradio_nb_editor_")
        out = Path(folder) / f"{name}.{fmt}"
        out.write_bytes(data)
        return str(out)

    def preprocess(self, payload: dict[str, Any] | None) -> dict[str, Any] | None:
        """Gradio's ``EditorValue``: background, layers and composite as ``type`` says."""
        if payload is None:
            return None
        # Background, layers, composite: Gradio's order, which says which missing file an error names.
        background = self._convert(payload.get("background"), True)
        layers = [self._convert(layer, False) for layer in payload.get("layers") or []]
        return {
            "background": background,
            "layers": [layer for layer in layers if layer is not None],
            "composite": self._convert(payload.get("composite"), True),
        }

    # -- widget ------------------------------------------------------------------------------
    def sync_props(self, widget: ImageEditorWidget, interactive: bool) -> None:
        brush, eraser, layers = self.brush, self.eraser, self.layers
        with widget.hold_sync():
            sync_label(self, widget)
            widget.disabled = not interactive
            widget.placeholder = self.placeholder or ""
            widget.height = css_size(self.height)
            widget.width = css_size(self.width)
            widget.upload = "upload" in self.sources
            widget.clipboard = "clipboard" in self.sources
            widget.canvas_size = [int(self.canvas_size[0]), int(self.canvas_size[1])]
            widget.fixed_canvas = bool(self.fixed_canvas)
            if brush:
                colors = brush.colors if isinstance(brush.colors, list) else [brush.colors]
                widget.brush = {
                    "colors": [_colour(c) for c in colors],
                    "default_color": _colour(brush.default_color),
                    "size": _size(brush.default_size),
                    "fixed": brush.color_mode == "fixed",
                }
            else:
                widget.brush = None
            # As Gradio: no brush hides the eraser too.
            widget.eraser = {"size": _size(eraser.default_size)} if brush and eraser else None
            widget.layer_names = list(layers.layers or ["Layer 1"])
            widget.add_layers = bool(layers.allow_additional_layers) and not layers.disabled
            widget.show_layers = not layers.disabled
            widget.selectable = bool(self._selectable)
        self._style_widget(widget)

    def connect(self, widget: ImageEditorWidget, event: str, fire: Callable[..., None]) -> bool:
        if event == "select":
            on_view_event(widget, event, fire)
            return True
        if event in ("upload", "clear", "apply"):
            add_handler(widget, event, fire)
            if event == "apply":
                widget.applicable = True
            return True
        return False


class Sketchpad(ImageEditor):
    """An :class:`ImageEditor` to draw on a blank canvas: no background sources, a black
    brush with a fixed palette, crop as the only transform (as Gradio's template)."""

    def __init__(
        self,
        value: Any = None,
        *,
        sources: Iterable[str] = (),
        transforms: Iterable[str] = ("crop",),
        brush: Brush | None = None,
        layers: LayerOptions | bool = True,
        **kwargs: Any,
    ) -> None:
        if not brush:
            brush = Brush(colors=["#000000"], color_mode="fixed")
        super().__init__(value, sources=sources, transforms=transforms, brush=brush, layers=layers, **kwargs)


class Paint(ImageEditor):
    """An :class:`ImageEditor` with no background sources and crop as the only transform
    (as Gradio's template)."""

    def __init__(
        self,
        value: Any = None,
        *,
        sources: Iterable[str] = (),
        transforms: Iterable[str] = ("crop",),
        layers: LayerOptions | bool = True,
        **kwargs: Any,
    ) -> None:
        super().__init__(value, sources=sources, transforms=transforms, layers=layers, **kwargs)


class ImageMask(ImageEditor):
    """An :class:`ImageEditor` to paint a mask over an uploaded image: a black brush with a
    fixed palette, no layer tool, crop as the only transform (as Gradio's template)."""

    def __init__(
        self,
        value: Any = None,
        *,
        sources: Iterable[str] = ("upload", "webcam", "clipboard"),
        transforms: Iterable[str] = ("crop",),
        brush: Brush | None = None,
        layers: LayerOptions | bool = False,
        **kwargs: Any,
    ) -> None:
        if not brush:
            brush = Brush(colors=["#000000"], color_mode="fixed")
        super().__init__(value, sources=sources, transforms=transforms, brush=brush, layers=layers, **kwargs)

__getattr__ = module_getattr(
    __name__,
    ("EditorExampleValue", "EditorData", "EditorDataBlobs", "BlobData", "AcceptBlobs"),
    DATA_MODEL,
)
