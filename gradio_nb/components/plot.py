"""``gr.Plot``: a matplotlib, plotly, altair or bokeh figure drawn in the page, with no network.

What a function returns becomes Gradio's payload (``{"type", "plot"}``: the figure as a data
URL for matplotlib, as JSON text for the others). The page draws it with the library's own
JavaScript, which comes from the kernel, never from a CDN: Vega, Vega-Lite and vega-embed
vendored in ``js/vendor`` (altair charts, and ``gr.LinePlot``/``ScatterPlot``/``BarPlot``),
plotly.js from the installed ``plotly`` package, BokehJS from the installed ``bokeh`` package.
A library's code is a shared :class:`~gradio_nb.widgets.Library` model (one per library per
cell, its code a binary buffer) that the views name in their ``_library`` trait; the page
evaluates it once per version. Being a widget model, it is in a notebook's saved widget state:
a saved notebook or Voila draws its plots with no kernel to ask. A matplotlib figure's image
travels as a binary buffer too.
"""

from __future__ import annotations

import base64
import functools
import io
import json
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any, ClassVar

import traitlets as t

from ..exceptions import Error
from ..unavailable import module_getattr
from ..widgets import (
    JS,
    DrawsWithLibrary,
    LabelledView,
    library,
    on_view_event,
    sync_label,
)
from .base import Component, ShowsPayload

#: The vendored Vega stack (see js/vendor/README.md and scripts/vendor_js.sh), in load order.
VEGA_FILES = ("vega.min.js", "vega-lite.min.js", "vega-embed.min.js")
VEGA_VERSION = "vega@6.2.0+vega-lite@6.4.1+vega-embed@7.0.2"
#: What each library needs to be installed for; the Vega stack ships with gradio_nb.
_PACKAGES = {"plotly": "plotly", "bokeh": "bokeh"}
#: The globals each library's browser build defines, and whether they stay defined: Vega's
#: are removed again after loading (vega-embed holds its own references), so no page script
#: sees them change; BokehJS's plugins look up ``window.Bokeh``, and plotly's its own global.
_GLOBALS = {"vega": ("vega", "vegaLite", "vegaEmbed"), "plotly": ("Plotly",), "bokeh": ("Bokeh",)}
_KEEP_GLOBALS = {"vega": False, "plotly": True, "bokeh": True}
#: MIME types of the image formats matplotlib writes that a browser shows.
_IMAGE_MIME = {"jpg": "image/jpeg", "svg": "image/svg+xml", "tif": "image/tiff"}


class PlotData:
    """A ``gr.Plot``'s value as a function receives it (Gradio's ``PlotData``): ``type``
    ("matplotlib", "plotly", "altair" or "bokeh") and ``plot`` (a data URL for matplotlib,
    the figure's JSON text for the others).

    A plain class, not a dataclass: Gradio's is a pydantic model, so code that tells
    dataclasses apart (``dataclasses.is_dataclass``, ``asdict``) treats both alike."""

    __slots__ = ("type", "plot")

    def __init__(self, type: str, plot: str) -> None:
        self.type = type
        self.plot = plot

    def model_dump(self) -> dict[str, Any]:
        """The payload as a plain dict (as Gradio's pydantic models give it)."""
        return {"type": self.type, "plot": self.plot}

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PlotData) and self.model_dump() == other.model_dump()

    __hash__ = None  # type: ignore[assignment]  # mutable, as a pydantic model

    def __repr__(self) -> str:
        return f"PlotData(type={self.type!r}, plot={self.plot!r})"


# -- the libraries' JavaScript, in shared Library models -------------------------------------


def library_key(name: str) -> str:
    """``name@version`` of the JavaScript library ``name`` ("vega", "plotly", "bokeh"), which
    the page caches it under; :class:`~gradio_nb.exceptions.Error` if it is not installed."""
    if name == "vega":
        return VEGA_VERSION
    package = _PACKAGES.get(name)
    if package is None:
        raise Error(f"Plot: no JavaScript library {name!r}.")
    try:
        module = __import__(package)
    except ImportError:
        raise Error(
            f"Plot: drawing a {name} figure needs the {package} package in the kernel "
            f"(pip install {package}, or gradio_nb[plots])."
        ) from None
    return f"{name}@{module.__version__}"


@functools.cache
def library_code(name: str) -> bytes:
    """The JavaScript of library ``name``, as the page evaluates it (read once per kernel)."""
    library_key(name)  # a clear error first if its package is missing
    if name == "vega":
        return b"\n;\n".join((JS / "vendor" / file).read_bytes() for file in VEGA_FILES)
    if name == "plotly":
        import plotly

        return (Path(plotly.__file__).parent / "package_data" / "plotly.min.js").read_bytes()
    import bokeh

    folder = Path(bokeh.__file__).parent / "server" / "static" / "js"
    # The core and the API build (embed_item and models); widgets and tables only if present.
    files = ["bokeh.min.js", "bokeh-widgets.min.js", "bokeh-tables.min.js", "bokeh-api.min.js"]
    return b"\n;\n".join((folder / f).read_bytes() for f in files if (folder / f).is_file())


class PlotView(DrawsWithLibrary, LabelledView):
    """What every plot view shares: its label, a message shown instead of the plot, and the
    library the view draws with (``_library``: this cell's shared
    :class:`~gradio_nb.widgets.Library` model, or None for none)."""

    _view_file = "plot"
    kind = t.Unicode("plot").tag(sync=True)
    height = t.Unicode("").tag(sync=True)
    caption = t.Unicode("").tag(sync=True)
    #: Shown instead of the plot when it cannot be drawn (a missing package).
    message = t.Unicode("").tag(sync=True)

    def use_library(self, name: str | None) -> None:
        """Draw with library ``name`` (None: no library); a missing package shows its message."""
        if name is None:
            self._library, self.message = None, ""
            return
        try:
            key = library_key(name)
        except Error as err:
            self._library, self.message = None, err.message
            return
        self._library = library(
            key, lambda: library_code(name), kind="script", globals=_GLOBALS[name], keep_globals=_KEEP_GLOBALS[name]
        )
        self.message = ""


class PlotWidget(PlotView):
    """A ``gr.Plot``: the payload (``value``) stays in the kernel; the page gets the plot's
    type, its JSON text (``spec``) or, for matplotlib, its image bytes (``data``)."""

    plot_type = t.Unicode("").tag(sync=True)
    spec = t.Unicode("").tag(sync=True)
    data = t.Bytes(b"").tag(sync=True)
    mime = t.Unicode("").tag(sync=True)
    value = t.Dict(None, allow_none=True)

    def show(self, payload: dict[str, Any] | None) -> None:
        """Hold ``payload`` and send the page what draws it."""
        kind = payload["type"] if payload else ""
        plot = payload["plot"] if payload else ""
        data, mime, spec = b"", "", ""
        if kind == "matplotlib":
            header, _, encoded = plot.partition(",")
            data = base64.b64decode(encoded)  # the bytes travel as a binary buffer, not base64
            mime = header.removeprefix("data:").split(";")[0]
            mime = _IMAGE_MIME.get(mime.removeprefix("image/"), mime)
        else:
            spec = plot
        with self.hold_sync():
            self.use_library({"altair": "vega", "plotly": "plotly", "bokeh": "bokeh"}.get(kind))
            self.plot_type, self.spec, self.data, self.mime = kind, spec, data, mime
            self.value = payload


def _module_of(value: Any) -> str:
    return getattr(type(value), "__module__", "") or ""


def _matplotlib_payload(value: Any, format: str) -> dict[str, str]:
    """A matplotlib figure (or ``pyplot`` itself) saved as ``format``, as Gradio's data URL;
    a Figure is closed afterwards, as Gradio does (pyplot would otherwise keep it)."""
    fmt = format or "png"
    out = io.BytesIO()
    value.savefig(out, format=fmt)
    if not isinstance(value, ModuleType):
        try:
            import matplotlib.pyplot as plt
            from matplotlib.figure import Figure
        except ImportError:  # pragma: no cover - a figure implies matplotlib
            pass
        else:
            if isinstance(value, Figure):
                plt.close(value)
    # Gradio writes "data:image/<format>" whatever the format ("image/svg"): kept, so payloads
    # compare equal; the widget sends the page the proper MIME type.
    return {"type": "matplotlib", "plot": f"data:image/{fmt};base64,{base64.b64encode(out.getvalue()).decode()}"}


class Plot(ShowsPayload, Component):
    """A plot drawn from a matplotlib Figure (or ``pyplot``), plotly Figure, altair Chart or
    bokeh model; a function receives it as :class:`PlotData` (``type``, ``plot``).

    matplotlib figures are saved in ``format`` (Gradio's default "webp") in the kernel and
    shown as an image; plotly, altair and bokeh figures are drawn in the page from their JSON
    by plotly.js, Vega-Lite and BokehJS, which the kernel sends (from the installed plotly and
    bokeh packages and gradio_nb's vendored Vega): nothing comes from a CDN. A figure whose
    library's package is missing from the kernel shows a message saying which to install.

    Events: ``change``. Accepted and ignored: ``buttons`` (no toolbar).
    """

    SHOWN_LABEL = "Plot"

    widget_class = PlotWidget
    EVENTS: ClassVar[tuple[str, ...]] = ("change",)
    UPDATABLE = (
        "label", "show_label", "elem_id", "elem_classes", "format", "buttons", "container", "scale", "min_width",
    )

    def __init__(
        self,
        value: Any | None = None,
        *,
        format: str = "webp",
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
        self.buttons = buttons
        self.container, self.scale, self.min_width = container, scale, min_width
        super().__init__(
            value, label=label, every=every, inputs=inputs, show_label=show_label, container=container,
            scale=scale, min_width=min_width, visible=visible, elem_id=elem_id, elem_classes=elem_classes,
            render=render, key=key, preserved_by_key=preserved_by_key,
        )

    # -- value pipeline ----------------------------------------------------------------------
    def postprocess(self, value: Any) -> dict[str, str] | None:
        """Gradio's payload: ``{"type", "plot"}`` (None for None)."""
        if value is None:
            return None
        if isinstance(value, PlotData):
            return value.model_dump()
        if isinstance(value, dict) and set(value) >= {"type", "plot"}:
            return {"type": value["type"], "plot": value["plot"]}
        module = value.__name__ if isinstance(value, ModuleType) else _module_of(value)
        if isinstance(value, ModuleType) or "matplotlib" in module:
            if not hasattr(value, "savefig"):
                raise Error(f"Plot: cannot show the module {module!r}; give a matplotlib Figure or pyplot.")
            return _matplotlib_payload(value, self.format)
        if "bokeh" in module:
            from bokeh.embed import json_item

            return {"type": "bokeh", "plot": json.dumps(json_item(value))}
        if ("altair" in module or "plotly" in module) and hasattr(value, "to_json"):
            return {"type": "altair" if "altair" in module else "plotly", "plot": value.to_json()}
        raise Error(
            "Plot: expected a matplotlib Figure, plotly Figure, altair Chart or bokeh figure, "
            f"got {type(value).__name__}."
        )

    def preprocess(self, payload: dict[str, str] | None) -> PlotData | None:
        """The payload as :class:`PlotData` (None for None)."""
        return None if payload is None else PlotData(payload["type"], payload["plot"])

    # -- widget ------------------------------------------------------------------------------
    def sync_props(self, widget: PlotWidget, interactive: bool) -> None:
        with widget.hold_sync():
            sync_label(self, widget)
        self._style_widget(widget)


def connect_view_events(widget: PlotView, event: str, fire: Callable[..., None], events: tuple[str, ...]) -> bool:
    """Wire a view-sent event (``select``, ``double_click``) to ``fire``; False for others."""
    if event in events:
        on_view_event(widget, event, fire)
        return True
    return False


__all__ = ["Plot", "PlotData", "PlotView", "PlotWidget", "library_code", "library_key"]

__getattr__ = module_getattr(
    __name__,
    ("AltairPlotData", "AltairPlot"),
    "is part of how Gradio draws its own Altair charts; gradio_nb's Plot shows the chart an app gives.",
)
