"""``gr.Model3D``: a 3D model (.obj, .glb, .gltf, .stl, .ply) drawn in the page with three.js.

The kernel sends the page the model file's bytes as a binary comm buffer (the ``data`` trait),
with the files a .gltf/.glb refers to beside it (``resources``, binary buffers too). The view
(``js/model3d.js``) draws them with three.js, bundled by ``scripts/vendor_three.sh`` into
``js/vendor/three/three.min.js``, which travels as a shared
:class:`~gradio_nb.widgets.Library` model (its bytes a binary buffer, also in a notebook's saved
widget state) that the page imports once from a Blob URL: nothing comes from the network. Files a person picks or drops travel back in chunks
(:mod:`gradio_nb.uploads`) into the widget's own temporary folder.
"""

from __future__ import annotations

import functools
import json
import struct
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import unquote

import traitlets as t

from ..events import listener
from ..exceptions import Error
from ..file_paths import is_in_or_equal, is_url, local_file, readable, returned_payload
from ..media_urls import is_http_url, url_name, url_payload
from ..uploads import UploadedValue
from ..widgets import (
    JS,
    DrawsWithLibrary,
    LabelledView,
    add_handler,
    css_size,
    library,
    sync_label,
)
from .base import FormComponent, ShowsPayload

#: The three.js bundle (see js/vendor/three/README.md and scripts/vendor_three.sh).
THREE_FILE = JS / "vendor" / "three" / "three.min.js"
THREE_KEY = "three@0.187.0"
#: The file types Gradio's page lets a person upload to a Model3D.
MODEL_TYPES = [".stl", ".obj", ".gltf", ".glb", ".splat", ".ply"]
#: The types the view draws (a .ply only when it is a mesh or point cloud, not a Gaussian splat).
DRAWN = {".stl", ".obj", ".gltf", ".glb", ".ply"}
_DISPLAY_MODES = ("solid", "point_cloud", "wireframe")


@functools.cache
def library_code() -> bytes:
    """The three.js bundle, as the page imports it (read once per kernel)."""
    return THREE_FILE.read_bytes()


def _gltf_json(path: Path, data: bytes) -> dict[str, Any] | None:
    """The JSON of a .gltf, or of a .glb's first chunk; None if it cannot be read."""
    try:
        if path.suffix.lower() == ".glb":
            if data[:4] != b"glTF" or len(data) < 20:
                return None
            length, kind = struct.unpack_from("<II", data, 12)
            if kind != 0x4E4F534A:  # "JSON"
                return None
            return json.loads(data[20 : 20 + length])
        return json.loads(data)
    except (ValueError, struct.error):
        return None


def gltf_resources(path: Path, data: bytes) -> dict[str, bytes]:
    """The external files a .gltf/.glb refers to (buffers, images), by their URI as written,
    read from beside it: only relative URIs that stay inside the model's folder, and only
    files that exist (a missing one leaves the model undrawn in the page, as in a browser)."""
    if path.suffix.lower() not in (".gltf", ".glb"):
        return {}
    doc = _gltf_json(path, data)
    if not isinstance(doc, dict):
        return {}
    found: dict[str, bytes] = {}
    for entry in [*(doc.get("buffers") or []), *(doc.get("images") or [])]:
        uri = entry.get("uri") if isinstance(entry, dict) else None
        if not isinstance(uri, str) or not uri or is_url(uri) or uri.startswith(("/", "blob:")):
            continue
        target = path.parent / unquote(uri)
        if is_in_or_equal(target, path.parent) and target.is_file():
            found[uri] = target.read_bytes()
    return found


def _is_gaussian_ply(data: bytes) -> bool:
    """Whether a .ply holds a Gaussian splat (spherical-harmonic colour properties), which
    three.js cannot draw, rather than a mesh or point cloud."""
    header = data[:4096].split(b"end_header", 1)[0]
    return b"f_dc_0" in header


def not_drawn(name: str, data: bytes) -> str:
    """Why the view cannot draw the file ``name`` (empty if it can)."""
    suffix = Path(name).suffix.lower()
    if suffix == ".splat" or (suffix == ".ply" and _is_gaussian_ply(data)):
        return f"{name}: Gaussian splats are not drawn here (the file is kept and passed on)."
    if suffix not in DRAWN:
        return f"{name}: not a 3D model this viewer draws (.obj, .glb, .gltf, .stl or .ply)."
    return ""


class Model3DWidget(UploadedValue, DrawsWithLibrary, LabelledView):
    """A 3D model: its file's bytes (``data``, a binary buffer), name and the files it refers to
    (``resources``) are synced; the payload (``value``: ``{"path", "orig_name"}`` or None) stays
    in the kernel. ``_library`` is this cell's shared three.js bundle.

    The view sends upload messages (see :mod:`gradio_nb.uploads`) and ``{"event": "clear"}``.
    """

    _view_file = "model3d"
    disabled = t.Bool(False).tag(sync=True)
    height = t.Unicode("").tag(sync=True)
    display_mode = t.Unicode("solid").tag(sync=True)
    clear_color = t.List(t.Float(), [0.0, 0.0, 0.0, 0.0]).tag(sync=True)
    camera_position = t.List(t.Float(allow_none=True), [None, None, None]).tag(sync=True)
    zoom_speed = t.Float(1.0).tag(sync=True)
    pan_speed = t.Float(1.0).tag(sync=True)
    name = t.Unicode("").tag(sync=True)
    data = t.Bytes(b"").tag(sync=True)
    resources = t.Dict(value_trait=t.Bytes(), default_value={}).tag(sync=True)
    #: Shown instead of the model when it cannot be drawn (a splat, a missing file).
    message = t.Unicode("").tag(sync=True)
    #: The ``http(s)://`` URL the page loads the model from (a value given as a URL), or "".
    src = t.Unicode("").tag(sync=True)
    value = t.Dict(None, allow_none=True)

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("_library", library(THREE_KEY, library_code, kind="module"))
        super().__init__(**kwargs)

    def upload_limits(self) -> tuple[int | None, list[str] | None]:
        """The app's size limit, and the model types Gradio's page accepts."""
        limit, _types = super().upload_limits()
        return limit, list(MODEL_TYPES)

    def show(self, payload: dict[str, Any] | None) -> None:
        """Hold ``payload`` and send its file's bytes to the page (a file outside this widget's
        folder is copied in first: the function receives a copy of its own)."""
        if payload is None:
            with self.hold_sync():
                self.data, self.name, self.resources, self.message, self.src = b"", "", {}, "", ""
                self.value = None
            return
        payload = dict(payload)
        if is_http_url(payload["path"]):
            name = payload.get("orig_name") or url_name(payload["path"])
            with self.hold_sync():  # the page loads it from there; the kernel fetches nothing
                self.data, self.name, self.resources, self.src = b"", name, {}, payload["path"]
                self.message = not_drawn(name, b"")  # a splat .ply shows as the page finds it
                self.value = payload
            return
        path = Path(payload["path"])
        name = payload.get("orig_name") or path.name
        if not path.is_file():
            # As Gradio: a missing file is kept as the value; the page has nothing to draw.
            with self.hold_sync():
                self.data, self.name, self.resources, self.src = b"", name, {}, ""
                self.message = f"{name}: file not found."
                self.value = payload
            return
        if not is_in_or_equal(path, self.folder):
            # A copy of its own, with the files a .gltf refers to beside it, so it is whole.
            path = self.adopt(path, [Path(unquote(uri)) for uri in gltf_resources(path, path.read_bytes())])
            payload["path"] = str(path)
        data = path.read_bytes()
        message = not_drawn(name, data)
        with self.hold_sync():
            self.message = message
            self.resources = {} if message else gltf_resources(path, data)
            self.name = name
            self.data = b"" if message else data
            self.src = ""
            self.value = payload


def _camera(position: Sequence[float | None] | None) -> list[float | None]:
    values = list(position or (None, None, None))
    if len(values) != 3:
        raise Error(f"Model3D: camera_position must be (alpha, beta, radius), each a number or None; got {position!r}.")
    try:
        return [None if v is None else float(v) for v in values]
    except (TypeError, ValueError):
        raise Error(f"Model3D: camera_position must be (alpha, beta, radius), each a number or None; got {position!r}.") from None


def _colour(color: Sequence[float] | None) -> list[float]:
    values = list(color) if color else [0, 0, 0, 0]
    try:
        values = [float(v) for v in values]
    except (TypeError, ValueError):
        values = []
    if len(values) not in (3, 4):
        raise Error(f"Model3D: clear_color must be 4 numbers between 0 and 1 (RGBA); got {color!r}.")
    return values if len(values) == 4 else [*values, 1.0]


class Model3D(ShowsPayload, FormComponent):
    """A 3D model viewer, and an upload of a model when interactive.

    The value is a path to a .obj, .glb, .gltf, .stl, .splat or .ply file; a function receives
    a ``str`` path (a copy of a returned or default file in the session's folder, as Gradio's
    cache; an uploaded file where it was received) and may return a ``str`` or ``Path``. An
    ``http(s)://`` URL is kept as the value and fetched by the page (drawn if its server lets
    the page read it); the kernel fetches nothing, so a function given it gets a ``gr.Error``
    (Gradio downloads it first), as it does for a missing file. The page draws .obj, .glb, .gltf
    (with the buffers and images it refers to beside it), .stl and mesh or point-cloud .ply with
    three.js; Gaussian splats (.splat, splat .ply) are kept and passed on but shown as a note.

    Honoured: ``display_mode`` ("solid", "point_cloud", "wireframe"), ``clear_color`` (RGBA in
    0..1; the default is transparent), ``camera_position`` (alpha, beta in degrees and radius,
    as Gradio's orbit camera: alpha around the vertical axis, beta down from the top; a None
    keeps the framing default: alpha 90, beta 75, a radius that fits the model), ``zoom_speed``,
    ``pan_speed``, ``height``, ``label``, ``show_label``, ``interactive``, ``visible``,
    ``elem_classes``. The mouse orbits (left), pans (right) and zooms (wheel); a button resets
    the camera; a glTF's animations play, as in Gradio's viewer. Accepted and ignored:
    ``buttons``, ``container``, ``scale``, ``min_width``.

    Events: ``change``, ``upload``, ``edit`` (Gradio's page never sends it), ``clear``.
    """

    SHOWN_LABEL = "3D Model"

    widget_class = Model3DWidget
    EVENTS: ClassVar[tuple[str, ...]] = ("change", "upload", "edit", "clear")
    UPDATABLE = (
        *FormComponent.UPDATABLE,
        "display_mode", "clear_color", "camera_position", "zoom_speed", "pan_speed", "height", "container", "scale",
        "min_width", "buttons",
    )
    upload = listener("upload", "Run ``fn`` when the user uploads a model.")
    edit = listener("edit", "Accepted for Gradio compatibility: Gradio's page never sends it for a Model3D.")
    clear = listener("clear", "Run ``fn`` when the user clears the model.")

    def __init__(
        self,
        value: str | Path | Callable[[], Any] | None = None,
        *,
        display_mode: str | None = None,
        clear_color: Sequence[float] | None = None,
        camera_position: Sequence[float | None] = (None, None, None),
        zoom_speed: float = 1,
        pan_speed: float = 1,
        height: int | str | None = None,
        label: str | None = None,
        show_label: bool | None = None,
        every: Any = None,
        inputs: Any = None,
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
        buttons: Any = None,
    ) -> None:
        self.display_mode = display_mode
        self.clear_color = clear_color or [0, 0, 0, 0]
        self.camera_position = camera_position
        self.height = height
        self.zoom_speed = zoom_speed
        self.pan_speed = pan_speed
        self.container = container
        self.scale = scale
        self.min_width = min_width
        self._check_props()
        super().__init__(
            value, label=label, show_label=show_label, container=container, scale=scale, min_width=min_width,
            interactive=interactive, visible=visible, elem_id=elem_id, elem_classes=elem_classes, render=render,
            key=key, preserved_by_key=preserved_by_key, every=every, inputs=inputs,
        )
        self.buttons = list(buttons) if buttons else []

    def _check_props(self) -> None:
        if self.display_mode is not None and self.display_mode not in _DISPLAY_MODES:
            raise Error(f"Model3D: display_mode must be one of {', '.join(_DISPLAY_MODES)}; got {self.display_mode!r}.")
        _camera(self.camera_position)
        _colour(self.clear_color)

    def _after_props(self, props: dict[str, Any]) -> None:
        super()._after_props(props)
        self._check_props()

    # -- value pipeline ----------------------------------------------------------------------
    def postprocess(self, value: str | Path | None) -> dict[str, Any] | None:
        """``{"path", "orig_name"}`` for a path (Gradio's ``FileData``); None for None. A missing
        file is kept, as Gradio keeps it (the page draws nothing)."""
        if value is None:
            return None
        if isinstance(value, dict) and "path" in value:
            return returned_payload(value, getattr(self, "root", None))  # a payload already
        if not isinstance(value, (str, Path)):
            # As in Gradio: a TypeError the dispatcher reports, naming the component and the value.
            Path(value)
        if is_http_url(value):
            return url_payload(value)
        text = local_file(value, "Model3D", getattr(self, "root", None), must_exist=False)
        return {"path": text, "orig_name": Path(text).name}

    def preprocess(self, payload: dict[str, Any] | None) -> str | None:
        """The model file's path (Gradio's ``Model3D.preprocess``)."""
        return None if payload is None else readable(payload["path"], "Model3D")

    def process_example(self, value: str | Path | None) -> str:
        """An example's file name, as Gradio's examples table shows it."""
        return Path(value).name if value else ""

    # -- widget ------------------------------------------------------------------------------
    def sync_props(self, widget: Model3DWidget, interactive: bool) -> None:
        with widget.hold_sync():
            sync_label(self, widget)
            widget.disabled = not interactive
            widget.height = css_size(self.height)
            widget.display_mode = self.display_mode or "solid"
            widget.clear_color = _colour(self.clear_color)
            widget.camera_position = _camera(self.camera_position)
            widget.zoom_speed = float(self.zoom_speed)
            widget.pan_speed = float(self.pan_speed)
        self._style_widget(widget)

    def connect(self, widget: Model3DWidget, event: str, fire: Callable[..., None]) -> bool:
        if event in ("upload", "clear"):
            add_handler(widget, event, fire)
            return True
        return event == "edit"  # never sent by the page
