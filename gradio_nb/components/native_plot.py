"""``gr.LinePlot``, ``gr.ScatterPlot``, ``gr.BarPlot``: a pandas DataFrame drawn with Vega-Lite.

The payload is Gradio's ``PlotData`` as a dict: ``columns``, ``data`` (rows; datetimes as
milliseconds), ``datatypes`` (quantitative, nominal or temporal per column) and ``mark``.
A function receives that dict (Gradio's NativePlot has no data model), and may return a
DataFrame, such a dict, or None. The page builds a Vega-Lite spec from it and the plot's
properties (``js/plot.js``) and draws it with the vendored Vega (see :mod:`.plot`).

Brushing along x (when the plot has a ``select`` listener) sends ``select`` with the range,
as Gradio's page does: ``gr.SelectData.index`` and ``.value`` are ``[x_min, x_max]`` (seconds
for a datetime x). A double click sends ``double_click``.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any, ClassVar

import traitlets as t

from ..events import listener
from ..exceptions import Error
from ..unavailable import DATA_MODEL, module_getattr
from ..widgets import css_size, sync_label
from .base import Component
from .display import js_numbers
from .plot import PlotView, connect_view_events

#: The plot's properties the page's spec is built from (sent as one dict).
SPEC_PROPS = (
    "x", "y", "color", "title", "x_title", "y_title", "color_title", "x_bin", "y_aggregate", "color_map",
    "colors_in_legend", "x_lim", "y_lim", "x_label_angle", "y_label_angle", "x_axis_format", "y_axis_format",
    "x_axis_labels_visible", "sort", "tooltip",
)


def _datatype(dtype: Any) -> str:
    """Gradio's simplified type of a pandas column."""
    import pandas as pd

    if pd.api.types.is_numeric_dtype(dtype):
        return "quantitative"
    if pd.api.types.is_string_dtype(dtype) or isinstance(dtype, pd.CategoricalDtype):
        return "nominal"
    if pd.api.types.is_datetime64_any_dtype(dtype):
        return "temporal"
    raise ValueError(f"Unsupported data type: {dtype}")


def _epoch_ms(frame: Any, datatypes: dict[str, str]) -> Any:
    """``frame`` with its datetime columns as milliseconds since the epoch (UTC), which is what
    Gradio's ``to_json(date_unit="ms")`` writes; pandas deprecates that spelling, so it is
    done here, whatever the columns' resolution."""
    import pandas as pd

    temporal = [col for col, kind in datatypes.items() if kind == "temporal"]
    if not temporal:
        return frame
    frame = frame.copy()
    for col in temporal:
        series = frame[col]
        epoch = pd.Timestamp(0, tz=series.dt.tz) if series.dt.tz is not None else pd.Timestamp(0)
        frame[col] = (series - epoch) // pd.Timedelta(milliseconds=1)
    return frame


class NativePlotWidget(PlotView):
    """A Vega-Lite plot: the payload (``value``, rows as JSON), the spec's properties
    (``props``) and whether brushing sends select (``selectable``)."""

    kind = t.Unicode("native").tag(sync=True)
    value = t.Dict(None, allow_none=True).tag(sync=True)
    props = t.Dict().tag(sync=True)
    selectable = t.Bool(False).tag(sync=True)


class NativePlot(Component):
    """A plot of a pandas DataFrame (Gradio's NativePlot); see :class:`LinePlot`,
    :class:`ScatterPlot`, :class:`BarPlot`.

    Parameters as Gradio's, all drawn: ``x``, ``y``, ``color``, ``title``, ``x_title``,
    ``y_title``, ``color_title``, ``x_bin`` (a number, or "10s"/"15m"/"1h"/"1d" for a datetime x),
    ``y_aggregate``, ``color_map``, ``colors_in_legend``, ``x_lim``, ``y_lim``,
    ``x_label_angle``, ``y_label_angle``, ``x_axis_format``, ``y_axis_format``,
    ``x_axis_labels_visible``, ``caption``, ``sort``, ``tooltip``, ``height``, ``label``,
    ``show_label`` (hidden unless a label is given, as Gradio). Accepted and ignored:
    ``buttons`` (no fullscreen or export toolbar), ``container``, ``scale``, ``min_width``.
    A line of 1,000 points or more is thinned to 250 bins in the page, as Gradio's page does.

    Events: ``change``, ``select`` (a brush along x: ``index``/``value`` ``[x_min, x_max]``),
    ``double_click``.
    """

    EVENTS: ClassVar[tuple[str, ...]] = ("change", "select", "double_click")
    UPDATABLE = (
        "label", "show_label", "elem_id", "elem_classes", *SPEC_PROPS, "caption", "height", "buttons",
        "container", "scale", "min_width",
    )
    select = listener("select", "Run ``fn`` when the user brushes a range along x; ``gr.SelectData.index`` is [x_min, x_max].")
    double_click = listener("double_click", "Run ``fn`` when the user double-clicks the plot.")
    _mark = "native"

    def __init__(
        self,
        value: Any = None,
        x: str | None = None,
        y: str | None = None,
        *,
        color: str | None = None,
        title: str | None = None,
        x_title: str | None = None,
        y_title: str | None = None,
        color_title: str | None = None,
        x_bin: str | float | None = None,
        y_aggregate: str | None = None,
        color_map: dict[str, str] | None = None,
        colors_in_legend: list[str] | None = None,
        x_lim: list[float | None] | None = None,
        y_lim: list[float | None] | None = None,
        x_label_angle: float = 0,
        y_label_angle: float = 0,
        x_axis_format: str | None = None,
        y_axis_format: str | None = None,
        x_axis_labels_visible: bool | str = True,
        caption: str | None = None,
        sort: str | list[str] | None = None,
        tooltip: str | list[str] = "axis",
        height: int | None = None,
        label: str | None = None,
        show_label: bool | None = None,
        container: bool = True,
        scale: int | None = None,
        min_width: int = 160,
        every: Any = None,
        inputs: Any = None,
        visible: bool = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        buttons: list[Any] | None = None,
        key: Any = None,
        preserved_by_key: Any = "value",
    ) -> None:
        self.x, self.y, self.color = x, y, color
        self.title, self.x_title, self.y_title, self.color_title = title, x_title, y_title, color_title
        self.x_bin, self.y_aggregate = x_bin, y_aggregate
        self.color_map, self.colors_in_legend = color_map, colors_in_legend
        self.x_lim, self.y_lim = x_lim, y_lim
        self.x_label_angle, self.y_label_angle = x_label_angle, y_label_angle
        self.x_axis_format, self.y_axis_format = x_axis_format, y_axis_format
        self.x_axis_labels_visible = x_axis_labels_visible
        self.caption, self.sort, self.tooltip, self.height = caption, sort, tooltip, height
        self.buttons = buttons
        self.container, self.scale, self.min_width = container, scale, min_width
        if label is None and show_label is None:
            show_label = False  # as Gradio: no label, no label row
        super().__init__(
            value, label=label, show_label=show_label, container=container, scale=scale, min_width=min_width,
            every=every, inputs=inputs, visible=visible, elem_id=elem_id, elem_classes=elem_classes,
            render=render, key=key, preserved_by_key=preserved_by_key,
        )

    def get_mark(self) -> str:
        """The Vega-Lite mark: "line", "point" or "bar"."""
        return self._mark

    # -- value pipeline ----------------------------------------------------------------------
    def postprocess(self, value: Any) -> dict[str, Any] | None:
        """Gradio's PlotData dict from a DataFrame; a dict (a payload) or None as it is."""
        if value is None:
            return None
        if isinstance(value, dict):
            return js_numbers(value)  # as the page sends it back: 2.0 is 2 in JSON (S19)
        if not (hasattr(value, "to_json") and hasattr(value, "dtypes")):
            raise Error(f"{type(self).__name__}: expected a pandas DataFrame, got {type(value).__name__}.")
        datatypes = {col: _datatype(value[col].dtype) for col in value.columns}
        split = json.loads(_epoch_ms(value, datatypes).to_json(orient="split"))
        return {
            "columns": split["columns"],
            "data": js_numbers(split["data"]),
            "datatypes": datatypes,
            "mark": self.get_mark(),
        }

    def preprocess(self, payload: dict[str, Any] | None) -> dict[str, Any] | None:
        """The payload itself (a dict), as Gradio gives it."""
        return payload

    # -- widget ------------------------------------------------------------------------------
    def make_widget(self, payload: Any, interactive: bool) -> NativePlotWidget:
        widget = NativePlotWidget()
        self.sync_props(widget, interactive)
        widget.use_library("vega")
        widget.value = payload
        return widget

    def read_widget(self, widget: NativePlotWidget) -> Any:
        return copy.deepcopy(widget.value)

    def write_widget(self, widget: NativePlotWidget, payload: Any) -> None:
        widget.value = payload

    def sync_props(self, widget: NativePlotWidget, interactive: bool) -> None:
        with widget.hold_sync():
            sync_label(self, widget)
            widget.caption = self.caption or ""
            widget.height = css_size(self.height)
            widget.props = {name: getattr(self, name) for name in SPEC_PROPS}
        self._style_widget(widget)

    def connect(self, widget: NativePlotWidget, event: str, fire: Callable[..., None]) -> bool:
        if event == "select":
            widget.selectable = True  # as Gradio: a brush only where someone listens
        return connect_view_events(widget, event, fire, ("select", "double_click"))


class LinePlot(NativePlot):
    """A line plot of a pandas DataFrame (see :class:`NativePlot` for parameters and events)."""

    _mark = "line"


class ScatterPlot(NativePlot):
    """A scatter plot of a pandas DataFrame (see :class:`NativePlot` for parameters and events)."""

    _mark = "point"


class BarPlot(NativePlot):
    """A bar plot of a pandas DataFrame (see :class:`NativePlot` for parameters and events)."""

    _mark = "bar"

__getattr__ = module_getattr(__name__, ("PlotData",), DATA_MODEL)
