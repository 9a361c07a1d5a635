"""Compat scenarios for gr.LinePlot/ScatterPlot/BarPlot and gr.Plot: what a function receives
from a plot's value (Gradio's PlotData dict, datetimes as epoch milliseconds), what postprocess
of a DataFrame holds (compared as data, after the page's JSON trip), select with a brush range
and double_click, and gr.Plot's payload per library (matplotlib, plotly, altair, bokeh).

No ``from __future__ import annotations`` here: a scenario's ``evt: gr.SelectData`` names the
``gr`` it was given, which only an annotation evaluated at definition time can see.
"""

import base64
import io
import json
import os

import pytest

import real_gradio

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
gradio = real_gradio.require()
pd = pytest.importorskip("pandas")
matplotlib = pytest.importorskip("matplotlib")
pytest.importorskip("plotly")
pytest.importorskip("altair")
pytest.importorskip("bokeh")
matplotlib.use("agg")

import PIL.Image
from drivers import to_js
from harness import Scenarios, shape

SCENARIOS = Scenarios()
scenario = SCENARIOS.scenario


def plots(gr):
    """LinePlot, ScatterPlot, BarPlot, Plot of ``gr``."""
    return gr.LinePlot, gr.ScatterPlot, gr.BarPlot, gr.Plot


def frame():
    return pd.DataFrame({
        "step": [1, 2, 3, 4],
        "loss": [0.5, 2.0, 0.25, 1.0],
        "run": ["a", "b", "a", "b"],
        "when": pd.to_datetime(["2024-01-01 00:00", "2024-01-01 06:00", "2024-01-02 00:00", "2024-01-03 12:30"]),
        "kind": pd.Categorical(["u", "v", "u", "v"]),
        "ok": [True, False, True, True],
    })


def as_data(value):
    """A payload as plain data, as the page holds it (pydantic models dumped, JSON numbers)."""
    return to_js(json.loads(json.dumps(to_js(value))))


@scenario(datatypes={"step": "quantitative", "loss": "quantitative", "run": "nominal", "when": "temporal",
                     "kind": "nominal", "ok": "quantitative"})
def dataframe_value_received_and_returned(gr, driver):
    """A LinePlot's DataFrame as a function receives it; a DataFrame returned to a BarPlot."""
    LinePlot, _, BarPlot, _ = plots(gr)
    got = []
    with gr.Blocks() as demo:
        line = LinePlot(frame(), x="step", y="loss", color="run")
        bars = BarPlot(x="run", y="loss")
        btn = gr.Button()

        def fn(value):
            got.append(value)
            return pd.DataFrame(value["data"], columns=value["columns"])[["run", "loss"]]

        btn.click(fn, line, bars)
    sess = driver.open(demo)
    sess.click(btn)
    received = got[0]
    return {
        "received": received, "received_shape": shape(received), "datatypes": received["datatypes"],
        "bars": sess.get(bars), "errors": sess.errors(),
    }


@scenario()
def postprocess_of_a_dataframe_as_data(gr, driver):
    """What each plot class's postprocess holds for the same DataFrame, compared as data."""
    classes = plots(gr)[:3]
    out = {}
    for cls in classes:
        plot = cls(x="when", y="loss", render=False)
        held = plot.postprocess(frame())
        out[cls.__name__] = as_data(held.model_dump() if hasattr(held, "model_dump") else held)
    out["none"] = classes[0](x="a", y="b", render=False).postprocess(None)
    # time zones, NaT and NaN, a datetime64[s] column, pandas' nullable dtypes
    edge = pd.DataFrame({
        "t": pd.to_datetime(["2024-01-01 01:00", None, "2024-03-01 00:00"]).tz_localize("Europe/Paris"),
        "s": pd.to_datetime(["2024-01-01 00:00", "2024-01-02 00:00", "2024-01-03 00:00"]).astype("datetime64[s]"),
        "y": [1.0, float("nan"), 2.5],
        "i": pd.array([1, None, 3], dtype="Int64"),
        "st": pd.array(["a", None, "c"], dtype="string"),
    })
    held = classes[0](x="t", y="y", render=False).postprocess(edge)
    out["edge"] = as_data(held.model_dump() if hasattr(held, "model_dump") else held)
    return out


@scenario(selected=[[1.5, 3.25], [1.5, 3.25], True], double=1)
def brush_select_and_double_click(gr, driver):
    """select with the [x_min, x_max] the page sends for a brush; double_click."""
    LinePlot, ScatterPlot, _, _ = plots(gr)
    seen = {"double": 0}
    with gr.Blocks() as demo:
        line = LinePlot(frame(), x="step", y="loss")
        points = ScatterPlot(frame(), x="when", y="loss")
        out = gr.Textbox()

        def chosen(evt: gr.SelectData):
            seen["selected"] = [evt.index, evt.value, evt.selected]
            return f"{evt.index[0]}..{evt.index[1]}"

        def doubled():
            seen["double"] += 1

        line.select(chosen, None, out)
        points.double_click(doubled, None, None)
    sess = driver.open(demo)
    sess.trigger(line, "select", {"index": [1.5, 3.25], "value": [1.5, 3.25], "selected": True})
    sess.trigger(points, "double_click")
    return {**seen, "out": sess.get(out), "errors": sess.errors()}


@scenario()
def payload_returned_as_is_and_cleared(gr, driver):
    """The received payload returned to another plot, then None; an update of axis props only."""
    LinePlot, ScatterPlot, _, _ = plots(gr)
    with gr.Blocks() as demo:
        src = LinePlot(frame(), x="step", y="loss")
        dst = ScatterPlot(x="step", y="loss")
        copy_btn = gr.Button("copy")
        clear_btn = gr.Button("clear")
        zoom_btn = gr.Button("zoom")
        copy_btn.click(lambda v: v, src, dst)
        clear_btn.click(lambda: None, None, dst)
        zoom_btn.click(lambda: gr.update(x_lim=[2, 3], title="zoomed"), None, src)
    sess = driver.open(demo)
    sess.click(copy_btn)
    copied = sess.get(dst)
    sess.click(zoom_btn)
    zoomed = sess.get(src)
    sess.click(clear_btn)
    return {"copied": copied, "copied_shape": shape(copied), "zoomed_same": zoomed == sess.get(src),
            "zoomed_mark": zoomed["mark"], "cleared": sess.get(dst), "errors": sess.errors()}


def describe_plot(value):
    """A gr.Plot value as a function receives it: its class name and type, and its plot as data."""
    if value is None:
        return None
    kind, plot = value.type, value.plot
    if kind == "matplotlib":
        header, data = plot.split(",", 1)
        with PIL.Image.open(io.BytesIO(base64.b64decode(data))) as im:
            body = [im.format, list(im.size)]
    elif kind == "bokeh":
        item = json.loads(plot)
        body = [sorted(item), item["doc"]["version"], item["target_id"]]  # ids are random per call
        header = None
    else:
        body = json.loads(plot)
        header = None
    return [type(value).__name__, kind, header, body]



@scenario(dataclass=False, same=True)
def plot_value_as_an_object(gr, driver):
    """A gr.Plot's value as generic code sees it: not a dataclass (Gradio's PlotData is a
    pydantic model), ``model_dump()`` its two fields, equal to another with the same ones."""
    import dataclasses

    import plotly.graph_objects as go

    seen = []
    with gr.Blocks() as demo:
        src = gr.Plot(go.Figure(go.Scatter(x=[1, 2], y=[2, 1])))
        btn = gr.Button()
        btn.click(lambda v: seen.append(v), src, None)
    sess = driver.open(demo)
    sess.click(btn)
    sess.click(btn)
    first, second = seen
    return {"dataclass": dataclasses.is_dataclass(first), "dump": sorted(first.model_dump()),
            "same": first == second, "repr": repr(first).split("(")[0], "errors": sess.errors()}

@scenario(empty=None)
def plot_payload_per_library(gr, driver):
    """What a function receives from a gr.Plot holding each library's figure."""
    import altair as alt
    import matplotlib.pyplot as plt
    import plotly.graph_objects as go
    from bokeh.plotting import figure

    _, _, _, Plot = plots(gr)
    got = []
    with gr.Blocks() as demo:
        src = Plot()
        png = Plot(format="png")
        dst = Plot()
        btn = gr.Button()

        def fn(value):
            got.append(describe_plot(value))
            return value

        btn.click(fn, src, dst)
    sess = driver.open(demo)
    out = {"empty": describe_plot(sess.get(src))}
    fig = plt.figure(figsize=(3, 2))
    plt.plot([1, 3, 2])
    bfig = figure(width=200, height=100)
    bfig.line([1, 2], [3, 4])
    values = {
        "matplotlib": fig,
        "plotly": go.Figure(go.Scatter(x=[1, 2, 3], y=[2, 1, 3])),
        "altair": alt.Chart(pd.DataFrame({"a": list("xyz"), "b": [3, 1, 2]})).mark_bar().encode(x="a", y="b"),
        "bokeh": bfig,
    }
    for name, value in values.items():
        sess.set(src, value)
        sess.click(btn)
        out[name] = got[-1]
        out[f"{name}_returned"] = describe_plot(sess.get(dst))
    png_fig = plt.figure(figsize=(2, 2))
    plt.plot([0, 1])
    sess.set(png, png_fig)
    out["png"] = describe_plot(sess.get(png))
    out["errors"] = sess.errors()
    return out


@scenario(limits=[[0, 5], [1, 2], None])
def returned_component_with_none_resets_a_prop(gr, driver):
    """A returned ``gr.LinePlot(x_lim=None)`` clears the zoom (a returned component sets every
    prop it was given, None included); ``gr.update(x_lim=None)`` changes nothing."""
    LinePlot = plots(gr)[0]
    seen = []
    with gr.Blocks() as demo:
        line = LinePlot(frame(), x="step", y="loss", x_lim=[0, 5])
        zoom, keep, reset, read = gr.Button(), gr.Button(), gr.Button(), gr.Button()
        zoom.click(lambda: LinePlot(x_lim=[1, 2]), None, line)
        keep.click(lambda: gr.update(x_lim=None), None, line)
        reset.click(lambda: LinePlot(x_lim=None), None, line)

        def look(plot: LinePlot):
            seen.append(plot.x_lim)

        read.click(look, line, None)
    sess = driver.open(demo)
    sess.click(read)
    sess.click(zoom)
    sess.click(keep)
    sess.click(read)
    sess.click(reset)
    sess.click(read)
    return {"limits": [list(x) if x is not None else None for x in seen], "errors": sess.errors()}


test_compat = SCENARIOS.test()
