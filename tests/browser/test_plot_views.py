"""Plots drawn in JupyterLab with the page cut off from the network: a LinePlot draws its line
with the Vega the kernel sent, a brush along x fires .select with the range, a matplotlib Plot
shows its image, an altair, a plotly and a bokeh chart draw. Any request leaving 127.0.0.1 is
aborted and counted: there must be none."""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Page, expect

from .conftest import keep_shot, output_dir
from .test_choice import field, notebook
from .test_lab_notebooks import run_all

for _library in ("pandas", "matplotlib", "altair", "plotly", "bokeh"):  # the optional extra "plots"
    pytest.importorskip(_library)

APP = '''
import gradio_nb as gr
import pandas as pd
import matplotlib
matplotlib.use("agg")
import matplotlib.pyplot as plt
import altair as alt
import plotly.graph_objects as go
from gradio_nb.components.native_plot import LinePlot, BarPlot
from gradio_nb.components.plot import Plot

frame = pd.DataFrame({"step": list(range(20)), "loss": [1 / (i + 1) for i in range(20)]})
fig = plt.figure(figsize=(3, 2))
plt.plot([1, 3, 2])
chart = alt.Chart(pd.DataFrame({"a": list("xyz"), "b": [3, 1, 2]})).mark_bar().encode(x="a", y="b")
pfig = go.Figure(go.Scatter(x=[1, 2, 3], y=[2, 1, 3]))
from bokeh.plotting import figure
bfig = figure(width=300, height=200)
bfig.line([1, 2, 3], [3, 1, 2])

with gr.Blocks() as demo:
    line = LinePlot(frame, x="step", y="loss", label="Loss", height=260)
    bars = BarPlot(pd.DataFrame({"k": list("abc"), "n": [1, 2, 3]}), x="k", y="n", label="Bars")
    mpl = Plot(fig, label="Matplotlib", format="png")
    alt_plot = Plot(chart, label="Altair")
    ply = Plot(pfig, label="Plotly")
    bok = Plot(bfig, label="Bokeh")
    picked = gr.Textbox(label="Picked")

    def chosen(evt: gr.SelectData):
        lo, hi = evt.index
        return f"range {lo:.1f}..{hi:.1f} {evt.selected}"

    line.select(chosen, None, picked)
    more = gr.Button("More")
    more.click(lambda: pd.DataFrame({"step": list(range(20)), "loss": [i % 5 for i in range(20)]}), None, line)
demo
'''


def block(app, cls: str, label: str):
    return app.locator(f".{cls}", has=app.page.locator(".gnb-plot-label", has_text=label))


def test_plots_draw_offline_and_brushing_selects(lab, page: Page) -> None:
    outside: list[str] = []

    def route(r) -> None:
        host = urlparse(r.request.url).hostname
        if r.request.url.startswith(("blob:", "data:")) or host in ("127.0.0.1", "localhost"):
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    (lab.root / "plots.ipynb").write_text(notebook(APP))
    run_all(page, lab.notebook_url("plots.ipynb"))
    app = page.locator(".gradio-nb")
    expect(app).to_have_count(1, timeout=30_000)

    # LinePlot: an SVG with the line's path, drawn by the Vega the kernel sent
    line = block(app, "gnb-plot", "Loss")
    expect(line.locator("svg .mark-line path").first).to_be_attached(timeout=60_000)
    assert line.locator("svg .mark-line path").first.get_attribute("d")
    bars = block(app, "gnb-plot", "Bars")
    expect(bars.locator("svg .mark-rect path")).to_have_count(3, timeout=30_000)

    # A brush along x: drag across the plot's area, released; select gets [x_min, x_max]
    area = line.locator("svg .mark-line").first
    box = area.bounding_box()
    assert box is not None and box["width"] > 100
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.25, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.5, y, steps=8)
    page.mouse.move(box["x"] + box["width"] * 0.6, y, steps=4)
    page.mouse.up()
    picked = field(app, "Picked")
    expect(picked).to_have_value(re.compile(r"^range \d+\.\d\.\.\d+\.\d True$"), timeout=15_000)
    lo, hi = (float(v) for v in picked.input_value().split()[1].split(".."))
    assert 3 <= lo < hi <= 14, (lo, hi)  # a quarter to 60 % of steps 0..19

    # New rows for the same plot go into the drawn view (a streaming plot does not flicker)
    svg = line.locator("svg").first.element_handle()
    before = line.locator("svg .mark-line path").first.get_attribute("d")
    app.get_by_role("button", name="More").click()
    # The path is looked up anew on each poll inside the same <svg> (Vega may replace the
    # element while it keeps the view); 90 s: an event and a redraw on a loaded machine.
    page.wait_for_function(
        "([svg, d]) => { const p = svg.querySelector('.mark-line path'); return p !== null && p.getAttribute('d') !== d; }",
        arg=[svg, before],
        timeout=90_000,
    )
    assert svg.evaluate("el => el.isConnected")

    # matplotlib: an <img> from the bytes (a blob: URL), decoded to a real size
    image = block(app, "gnb-plot", "Matplotlib").locator("img.gnb-plot-image")
    expect(image).to_have_attribute("src", re.compile(r"^blob:"), timeout=30_000)
    page.wait_for_function("(img) => img.complete && img.naturalWidth > 100", arg=image.element_handle())

    # altair: drawn by the same Vega; plotly: by the plotly.js the kernel sent
    alt_block = block(app, "gnb-plot", "Altair")
    expect(alt_block.locator(".gnb-plot-altair svg, .gnb-plot-altair canvas").first).to_be_attached(timeout=30_000)
    ply = block(app, "gnb-plot", "Plotly")
    expect(ply.locator(".gnb-plot-plotly .main-svg").first).to_be_attached(timeout=60_000)
    expect(ply.locator(".gnb-plot-plotly .scatterlayer .trace path").first).to_be_attached()

    # bokeh: drawn by the BokehJS the kernel sent (canvases in its shadow DOM, which
    # Playwright's CSS locators pierce), at the figure's size
    bok = block(app, "gnb-plot", "Bokeh")
    expect(bok.locator("canvas").first).to_be_attached(timeout=60_000)
    page.wait_for_function(
        "(el) => el.getBoundingClientRect().width >= 250 && el.getBoundingClientRect().height >= 150",
        arg=bok.locator(".bk-Figure").element_handle(), timeout=30_000,
    )

    for text in ("Loss", "Matplotlib", "Altair", "Plotly", "Bokeh"):
        assert block(app, "gnb-plot", text).locator(".gnb-plot-message").inner_text() == ""
    for text in ("Loss", "Bars", "Matplotlib", "Altair", "Plotly", "Bokeh"):
        shot = block(app, "gnb-plot", text)
        if text in ("Loss", "Plotly"):  # two for the README
            keep_shot(shot, f"plot_views_{text.lower()}.png")
        else:
            shot.screenshot(path=str(output_dir() / f"plot_views_{text.lower()}.png"))
    assert outside == [], outside
    errors = [e for e in page.console_errors if "Failed to load resource" not in e]
    assert errors == [], errors
