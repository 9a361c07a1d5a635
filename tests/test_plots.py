"""gr.Plot and gr.LinePlot/ScatterPlot/BarPlot: payloads per plot type and per library, what a
function receives, select (a brush range) and double_click via sess.trigger, updates of the
plot's properties, the libraries' JavaScript (vendored Vega, plotly.js and BokehJS from their
packages; how they travel is tests/test_libraries.py's), a missing library's message, and the
Vega-Lite spec the view builds, compiled by the vendored Vega-Lite under node."""

from __future__ import annotations

import base64
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import gradio_nb as gr
from gradio_nb.components import plot as plot_module
from gradio_nb.components.native_plot import (
    BarPlot,
    LinePlot,
    NativePlotWidget,
    ScatterPlot,
)
from gradio_nb.components.plot import (
    VEGA_VERSION,
    Plot,
    PlotData,
    PlotWidget,
    library_code,
    library_key,
)
from gradio_nb.exceptions import Error
from gradio_nb.widgets import JS

pd = pytest.importorskip("pandas")  # the optional extra "plots" (pandas and the figure libraries)
matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("agg")
import matplotlib.pyplot as plt

FRAME = pd.DataFrame({
    "x": [1, 2, 3],
    "y": [1.5, 2.0, 3.25],
    "who": ["a", "b", "a"],
    "when": pd.to_datetime(["2024-01-01", "2024-01-02", "2024-01-03"]),
    "cat": pd.Categorical(["u", "v", "u"]),
})


def widget_of(sess, block):
    return sess.widget(block)


# -- LinePlot / ScatterPlot / BarPlot ---------------------------------------------------------


@pytest.mark.parametrize(("cls", "mark"), [(LinePlot, "line"), (ScatterPlot, "point"), (BarPlot, "bar")])
def test_dataframe_payload_as_gradio(cls, mark):
    payload = cls(x="x", y="y").postprocess(FRAME)
    assert payload == {
        "columns": ["x", "y", "who", "when", "cat"],
        "data": [[1, 1.5, "a", 1704067200000, "u"], [2, 2, "b", 1704153600000, "v"], [3, 3.25, "a", 1704240000000, "u"]],
        "datatypes": {"x": "quantitative", "y": "quantitative", "who": "nominal", "when": "temporal", "cat": "nominal"},
        "mark": mark,
    }
    assert type(payload["data"][1][1]) is int  # 2.0 comes back from the page as 2


def test_none_and_dict_values_are_kept_and_other_values_refused():
    plot = LinePlot(x="x", y="y")
    assert plot.postprocess(None) is None
    given = {"columns": ["x"], "data": [[1.0]], "datatypes": {"x": "quantitative"}, "mark": "line"}
    assert plot.postprocess(given) == {**given, "data": [[1]]}
    with pytest.raises(Error, match="LinePlot: expected a pandas DataFrame, got list"):
        plot.postprocess([[1, 2]])
    with pytest.raises(ValueError, match="Unsupported data type"):
        plot.postprocess(pd.DataFrame({"x": pd.to_timedelta([1], unit="s")}))


def test_label_hidden_unless_given_as_gradio():
    assert LinePlot(x="x", y="y").show_label is False
    assert LinePlot(x="x", y="y", label="Loss").show_label is True
    assert LinePlot(x="x", y="y", label="Loss", show_label=False).show_label is False


def test_function_receives_the_payload_dict_and_returns_a_dataframe():
    got = []
    with gr.Blocks() as demo:
        src = LinePlot(FRAME, x="x", y="y")
        out = BarPlot(x="who", y="y")
        btn = gr.Button()

        def fn(value):
            got.append(value)
            frame = pd.DataFrame(value["data"], columns=value["columns"])
            return frame[["who", "y"]]

        btn.click(fn, src, out)
        changes = []
        out.change(lambda v: changes.append(v["mark"]), out, None)
    sess = demo.session()
    assert widget_of(sess, out).value is None
    sess.click(btn)
    assert isinstance(got[0], dict) and got[0]["mark"] == "line" and got[0]["columns"][0] == "x"
    shown = widget_of(sess, out).value
    assert shown["columns"] == ["who", "y"] and shown["mark"] == "bar" and shown["datatypes"]["who"] == "nominal"
    assert sess.get(out) == shown and changes == ["bar"]
    sess.click(btn)
    assert changes == ["bar"]  # the same data again: no change


def test_select_range_and_double_click():
    seen = []
    with gr.Blocks() as demo:
        line = LinePlot(FRAME, x="when", y="y")
        quiet = ScatterPlot(FRAME, x="x", y="y")

        def chosen(evt: gr.SelectData):
            seen.append(("select", evt.index, evt.value, evt.selected))

        line.select(chosen, None, None)
        quiet.double_click(lambda: seen.append("double"), None, None)
    sess = demo.session()
    # a brush only where a select listener is: the page draws it then
    assert widget_of(sess, line).selectable is True and widget_of(sess, quiet).selectable is False
    sess.trigger(line, "select", {"index": [1704067200.0, 1704153600.0], "value": [1704067200.0, 1704153600.0], "selected": True})
    sess.trigger(quiet, "double_click")
    assert seen == [("select", [1704067200.0, 1704153600.0], [1704067200.0, 1704153600.0], True), "double"]
    with pytest.raises(ValueError, match="no 'click' event"):
        sess.trigger(line, "click")


def test_select_and_double_click_messages_from_the_view():
    seen = []
    with gr.Blocks() as demo:
        line = LinePlot(FRAME, x="x", y="y")

        def chosen(evt: gr.SelectData):
            seen.append(evt.index)

        line.select(chosen, None, None)
        line.double_click(lambda: seen.append("double"), None, None)
    sess = demo.session()
    w = widget_of(sess, line)
    w._handle_custom_msg({"event": "select", "data": {"index": [1.5, 2.5], "value": [1.5, 2.5], "selected": True}}, [])
    w._handle_custom_msg({"event": "double_click"}, [])
    assert seen == [[1.5, 2.5], "double"]


def test_props_reach_the_view_and_updates_change_them():
    with gr.Blocks() as demo:
        line = LinePlot(FRAME, x="x", y="y", color="who", title="T", x_lim=[0, 4], tooltip="all", height=300,
                        caption="cap", color_map={"a": "red"}, sort="-y", x_bin=1, y_aggregate="mean")
        btn = gr.Button()
        again = gr.Button()
        btn.click(lambda: gr.update(title="New", x_lim=[1, 2], y="x", label="L"), None, line)
        again.click(lambda: LinePlot(y_title="Loss", x_axis_labels_visible=False), None, line)
    sess = demo.session()
    w = widget_of(sess, line)
    assert isinstance(w, NativePlotWidget) and w._library.key == VEGA_VERSION
    assert w.props["title"] == "T" and w.props["x_lim"] == [0, 4] and w.props["color_map"] == {"a": "red"}
    assert w.props["sort"] == "-y" and w.props["x_bin"] == 1 and w.props["tooltip"] == "all"
    assert (w.height, w.caption, w.show_label) == ("300px", "cap", False)
    sess.click(btn)
    assert (w.props["title"], w.props["x_lim"], w.props["y"], w.label, w.show_label) == ("New", [1, 2], "x", "L", False)  # show_label stays as set, as in Gradio
    sess.click(again)
    assert w.props["y_title"] == "Loss" and w.props["x_axis_labels_visible"] is False
    assert sess.errors == []


# -- Plot ---------------------------------------------------------------------------------------


def mpl_figure():
    fig = plt.figure(figsize=(2, 1.5))
    plt.plot([1, 3, 2])
    return fig


def test_matplotlib_payload_is_a_data_url_and_bytes_go_as_a_buffer():
    fig = mpl_figure()
    payload = Plot().postprocess(fig)
    assert payload["type"] == "matplotlib" and payload["plot"].startswith("data:image/webp;base64,")
    assert base64.b64decode(payload["plot"].split(",", 1)[1])[8:12] == b"WEBP"
    assert fig.number not in plt.get_fignums()  # closed, as Gradio does
    with gr.Blocks() as demo:
        p = Plot(format="png")
    sess = demo.session()
    sess.set(p, mpl_figure())
    w = widget_of(sess, p)
    assert isinstance(w, PlotWidget) and w.data.startswith(b"\x89PNG") and w.mime == "image/png"
    assert w.plot_type == "matplotlib" and w.spec == "" and w._library is None
    got = sess.get(p)
    assert isinstance(got, PlotData) and got.type == "matplotlib" and got.plot.startswith("data:image/png;base64,")
    assert base64.b64decode(got.plot.split(",", 1)[1]) == w.data
    svg = Plot(format="svg").postprocess(mpl_figure())
    assert svg["plot"].startswith("data:image/svg;base64,")  # Gradio's spelling
    with gr.Blocks() as demo2:
        q = Plot(svg)
    assert widget_of(demo2.session(), q).mime == "image/svg+xml"  # what a browser shows


def test_pyplot_module_itself_is_a_value():
    plt.figure()
    plt.plot([1, 2])
    payload = Plot(format="png").postprocess(plt)
    assert payload["type"] == "matplotlib" and payload["plot"].startswith("data:image/png;base64,")
    plt.close("all")


def test_plotly_altair_bokeh_payloads_and_their_libraries():
    go = pytest.importorskip("plotly.graph_objects")
    alt = pytest.importorskip("altair")
    bokeh_plotting = pytest.importorskip("bokeh.plotting")
    pfig = go.Figure(go.Scatter(x=[1, 2], y=[3, 4]))
    chart = alt.Chart(pd.DataFrame({"a": [1, 2]})).mark_point().encode(x="a")
    bfig = bokeh_plotting.figure()
    bfig.line([1, 2], [3, 4])
    with gr.Blocks() as demo:
        p = Plot()
    sess = demo.session()
    w = widget_of(sess, p)
    import bokeh
    import plotly

    for value, kind, library in ((pfig, "plotly", f"plotly@{plotly.__version__}"), (chart, "altair", VEGA_VERSION),
                                 (bfig, "bokeh", f"bokeh@{bokeh.__version__}")):
        sess.set(p, value)
        got = sess.get(p)
        assert isinstance(got, PlotData) and got.type == kind
        spec = json.loads(got.plot)
        assert (w.plot_type, w._library.key, w.data, w.message) == (kind, library, b"", "")
        assert bytes(w._library.code) == library_code(w._library.key.split("@")[0])
        assert json.loads(w.spec) == spec
        if kind == "plotly":
            assert spec["data"][0]["type"] == "scatter"
        elif kind == "altair":
            assert spec["mark"]["type"] == "point" and "vega-lite" in spec["$schema"]
        else:
            assert "doc" in spec and "root_id" in spec
    sess.set(p, None)
    assert sess.get(p) is None and (w.plot_type, w._library, w.spec) == ("", None, "")


def test_function_receives_plot_data_and_may_return_it():
    with gr.Blocks() as demo:
        a = Plot(mpl_figure(), format="png")
        b = Plot()
        btn = gr.Button()
        btn.click(lambda v: v, a, b)
    sess = demo.session()
    sess.click(btn)
    assert sess.get(b) == sess.get(a) and isinstance(sess.get(b), PlotData)
    assert sess.get(b).model_dump() == {"type": "matplotlib", "plot": sess.get(a).plot}


def test_unsupported_value_is_a_clear_error():
    with pytest.raises(Error, match="Plot: expected a matplotlib Figure, plotly Figure, altair Chart or bokeh figure, got int"):
        Plot().postprocess(12)
    with gr.Blocks() as demo:
        p = Plot()
        btn = gr.Button()
        btn.click(lambda: object(), None, p)
    sess = demo.session()
    sess.click(btn)
    assert [e.message for e in sess.errors] == [
        "Plot: expected a matplotlib Figure, plotly Figure, altair Chart or bokeh figure, got object."
    ]


# -- the libraries' code -------------------------------------------


def test_vega_stack_is_vendored_with_versions_and_licences():
    vendor = JS / "vendor"
    readme = (vendor / "README.md").read_text()
    for spec in VEGA_VERSION.split("+"):
        name = spec.split("@")[0]
        assert spec in readme
        assert (vendor / f"LICENSE-{name}").read_text().startswith("Copyright")
        assert (vendor / f"{name}.min.js").stat().st_size > 10_000
    assert "vega@6.2.0" in (Path(__file__).parents[1] / "scripts" / "vendor_js.sh").read_text()


def test_the_vega_library_is_the_vendored_stack():
    with gr.Blocks() as demo:
        line = LinePlot(FRAME, x="x", y="y")
    lib = widget_of(demo.session(), line)._library
    assert (lib.key, lib.kind, lib.globals, lib.keep_globals) == (VEGA_VERSION, "script", ["vega", "vegaLite", "vegaEmbed"], False)
    code = bytes(lib.code)
    assert code == library_code("vega")
    for marker in (b'"6.2.0"', b"vegaLite", b"vegaEmbed"):
        assert marker in code


def test_plotly_and_bokeh_code_come_from_their_packages():
    plotly = pytest.importorskip("plotly")
    bokeh = pytest.importorskip("bokeh")
    assert library_code("plotly") == (Path(plotly.__file__).parent / "package_data" / "plotly.min.js").read_bytes()
    assert library_key("bokeh") == f"bokeh@{bokeh.__version__}"
    assert (Path(bokeh.__file__).parent / "server/static/js/bokeh.min.js").read_bytes() in library_code("bokeh")


def test_a_missing_library_gives_a_clear_message(monkeypatch):
    go = pytest.importorskip("plotly.graph_objects")
    payload = Plot().postprocess(go.Figure(go.Bar(x=[1], y=[2])))
    monkeypatch.setitem(sys.modules, "plotly", None)  # as if plotly were not installed
    plot_module.library_code.cache_clear()
    expected = "Plot: drawing a plotly figure needs the plotly package in the kernel (pip install plotly, or gradio_nb[plots])."
    with pytest.raises(Error) as info:
        library_key("plotly")
    assert info.value.message == expected
    with gr.Blocks() as demo:
        p = Plot(payload)
    w = widget_of(demo.session(), p)
    assert (w.plot_type, w._library, w.message) == ("plotly", None, expected)  # shown in the page
    plot_module.library_code.cache_clear()


def test_gradio_nb_imports_without_the_plot_libraries():
    code = (
        "import sys\n"
        "for name in ('matplotlib', 'plotly', 'altair', 'bokeh'):\n"
        "    sys.modules[name] = None\n"
        "import gradio_nb\n"
        "from gradio_nb.components.plot import Plot\n"
        "from gradio_nb.components.native_plot import LinePlot\n"
        "print(Plot().postprocess(None), LinePlot(x='a', y='b').postprocess(None))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "None None"


# -- the spec the page builds, compiled by the vendored Vega-Lite ----------------------------

NODE = shutil.which("node")

SPEC_SCRIPT = r"""
const fs = require("fs");
const vendor = process.argv[2];
globalThis.getComputedStyle = () => ({ getPropertyValue: () => "", fontFamily: "sans-serif" });
for (const f of ["vega.min.js", "vega-lite.min.js"]) {
  new Function("define", "module", "exports", "require", fs.readFileSync(`${vendor}/${f}`, "utf8")).call(globalThis);
}
import(process.argv[3]).then(({ nativeSpec, rows }) => {
  const cases = JSON.parse(fs.readFileSync(0, "utf8"));
  const out = cases.map(([value, props]) => {
    const spec = nativeSpec({}, value, props, 500, undefined);
    const vg = globalThis.vegaLite.compile(spec).spec;  // throws on an invalid spec
    new globalThis.vega.View(globalThis.vega.parse(vg));  // and Vega must accept the result
    const signals = [...(vg.signals || []), ...(vg.marks || []).flatMap((m) => m.signals || [])];
    return { spec, signals: signals.map((s) => s.name), rows: rows(value, props) };
  });
  process.stdout.write(JSON.stringify(out));
});
"""


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_the_views_spec_compiles_with_the_vendored_vega_lite(tmp_path):
    line = LinePlot(x="when", y="y", color="who", x_bin="1d", x_lim=[1704067200, 1704240000],
                    color_map={"a": "red", "b": "blue"}, tooltip=["cat"])
    bars = BarPlot(x="who", y="y", sort="-y", y_aggregate="mean", y_lim=[0, 5], x_axis_labels_visible=False)
    points = ScatterPlot(x="x", y="y", color="cat", colors_in_legend=[], x_axis_format=".1f")
    props = lambda plot, selectable: {
        **{name: getattr(plot, name) for name in ("x", "y", "color", "title", "x_title", "y_title", "color_title",
                                                  "x_bin", "y_aggregate", "color_map", "colors_in_legend", "x_lim",
                                                  "y_lim", "x_label_angle", "y_label_angle", "x_axis_format",
                                                  "y_axis_format", "x_axis_labels_visible", "sort", "tooltip")},
        "selectable": selectable,
    }
    long = LinePlot(x="x", y="y", color="who", x_lim=[100, 1900])
    long_frame = pd.DataFrame({"x": range(2000), "y": [(i * 7919) % 1000 for i in range(2000)],
                               "who": ["a", "b"] * 1000})
    cases = [[line.postprocess(FRAME), props(line, True)], [bars.postprocess(FRAME), props(bars, False)],
             [points.postprocess(FRAME), props(points, True)], [long.postprocess(long_frame), props(long, False)]]
    script = tmp_path / "spec.cjs"
    script.write_text(SPEC_SCRIPT)
    run = subprocess.run([NODE, str(script), str(JS / "vendor"), (JS / "plot.js").as_uri()], input=json.dumps(cases),
                         capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 0, run.stderr
    line_out, bars_out, points_out, long_out = json.loads(run.stdout)
    enc = line_out["spec"]["layer"][1]["encoding"]  # the line's hover points carry the tooltip
    assert [layer["mark"]["type"] for layer in line_out["spec"]["layer"]] == ["line", "point"]
    assert "tooltip" not in line_out["spec"]["layer"][0]["encoding"]
    assert enc["x"]["type"] == "temporal" and enc["x"]["bin"] == {"step": 86_400_000}
    assert enc["x"]["scale"] == {"zero": False, "domainMin": 1704067200000, "domainMax": 1704240000000}
    assert enc["y"]["aggregate"] == "sum"  # x binned: aggregated, Gradio's default sum
    assert enc["color"]["scale"] == {"domain": ["a", "b"], "range": ["red", "blue"]}
    assert [t["field"] for t in enc["tooltip"]] == ["y", "when", "who", "cat"]
    assert len(line_out["spec"]["datasets"]["data"][0]) == 5  # a wider tooltip: every column
    assert "brush" in line_out["signals"] and "brush" not in bars_out["signals"]
    assert {"hover", "hoverSeries"} <= set(line_out["signals"]) and "hover" not in bars_out["signals"]
    # a 2,000-row line within x_lim [100, 1900]: thinned to each series' lowest and highest y
    # per bin, plus the nearest row of each series outside the window on either side
    drawn = long_out["rows"]
    assert 250 < len(drawn) <= 2 * 2 * 250 + 4
    xs = [r["x"] for r in drawn]
    assert sorted(x for x in xs if x < 100) == [98, 99] and sorted(x for x in xs if x > 1900) == [1901, 1902]
    inside = {(r["x"], r["who"]) for r in drawn if 100 <= r["x"] <= 1900}
    for series in ("a", "b"):
        ys = [r["y"] for r in drawn if r["who"] == series and 100 <= r["x"] <= 1900]
        full = long_frame[(long_frame.who == series) & long_frame.x.between(100, 1900)].y
        assert (min(ys), max(ys)) == (full.min(), full.max())
    assert len(inside) == len([r for r in drawn if 100 <= r["x"] <= 1900])  # no row twice
    enc = bars_out["spec"]["layer"][0]["encoding"]
    assert enc["y"]["aggregate"] == "mean" and enc["x"]["sort"] == {"field": "y", "order": "descending"}
    assert enc["y"]["scale"] == {"zero": True, "domainMin": 0, "domainMax": 5}
    assert enc["x"]["axis"]["labels"] is False
    assert bars_out["spec"]["datasets"]["data"][0] == {"who": "a", "y": 1.5}
    enc = points_out["spec"]["layer"][0]["encoding"]
    assert "aggregate" not in enc["y"] and enc["color"]["legend"] is None and enc["x"]["axis"]["format"] == ".1f"
    assert points_out["spec"]["layer"][0]["mark"]["type"] == "point"
