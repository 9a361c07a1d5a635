"""A notebook saved with its widget state draws its plots and 3D model in JupyterLab without
being run, with the page cut off from the network: the libraries (Vega, three.js) are shared
Library widget models whose code is in the saved state, so nothing is asked of a kernel.

The notebook is executed by nbclient with ``store_widget_state=True`` (as ``jupyter nbconvert
--execute`` does with widget state, or JupyterLab's "Save Widget State Automatically"), signed
(trusted) and written into JupyterLab's root, then opened there and not run.

How JupyterLab 4 restores saved widget state (jupyterlab_widgets 3.0, ``WidgetManager.
restoreWidgets``): once the notebook's session is ready it loads the models of the kernel, then
those of the notebook's ``widgets`` metadata (``application/vnd.jupyter.widget-state+json``)
that the kernel does not have, and the outputs' widget views render from them. It needs a
kernel: with "No Kernel" the load from the kernel throws ("Kernel not set"), the error is
swallowed and the saved state is never loaded (the outputs stay at "Loading widget...";
jupyter-widgets/ipywidgets#3773). So JupyterLab starts its fresh kernel as usual; the test
shows that kernel never imported gradio_nb: every model drawn came from the saved state.
"""

from __future__ import annotations

from urllib.parse import urlparse

import nbclient
import nbformat
import pytest
from nbformat.sign import NotebookNotary
from playwright.sync_api import Page, expect

from .conftest import output_dir
from .test_model3d_views import block as model_block
from .test_model3d_views import drawn
from .test_plot_views import block

for _library in ("pandas", "altair"):  # the optional extra "plots"
    pytest.importorskip(_library)

APP = '''
import gradio_nb as gr
import pandas as pd
import altair as alt

frame = pd.DataFrame({"step": list(range(20)), "loss": [1 / (i + 1) for i in range(20)]})
chart = alt.Chart(pd.DataFrame({"a": list("xyz"), "b": [3, 1, 2]})).mark_bar().encode(x="a", y="b")

with gr.Blocks() as demo:
    line = gr.LinePlot(frame, x="step", y="loss", label="Loss", height=260)
    alt_plot = gr.Plot(chart, label="Altair")
    duck = gr.Model3D(gr.get_model3d("Duck.glb"), label="Duck", clear_color=(1, 1, 1, 1), height=260)
demo
'''

STATE = "application/vnd.jupyter.widget-state+json"

IN_KERNEL = """async () => {
    const context = window.jupyterapp.shell.currentWidget.sessionContext;
    await context.ready;
    const future = context.session.kernel.requestExecute({ code: "import sys; print('gradio_nb' in sys.modules)",
                                                          store_history: false });
    let out = "";
    future.onIOPub = (msg) => { if (msg.header.msg_type === "stream") out += msg.content.text; };
    await future.done;
    return out.trim();
}"""


def saved_notebook(folder) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(APP.strip())]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbclient.NotebookClient(
        nb, kernel_name="python3", timeout=120, store_widget_state=True, resources={"metadata": {"path": str(folder)}}
    ).execute()
    return nb


def test_a_saved_notebook_draws_from_its_widget_state_alone(lab, page: Page, tmp_path) -> None:
    nb = saved_notebook(tmp_path)
    state = nb.metadata["widgets"][STATE]["state"]
    libraries = {m["state"]["key"]: m for m in state.values() if "keep_globals" in m["state"]}
    assert any(key.startswith("vega@") for key in libraries) and any(key.startswith("three@") for key in libraries)
    assert all(m["buffers"][0]["path"] == ["code"] for m in libraries.values())
    # Outputs of a notebook written outside JupyterLab are untrusted, and an untrusted output is
    # shown by its safe text/plain, never by the widget renderer: signed, as a person's "Trust
    # Notebook" does (the signature goes into the Jupyter data folder the server reads too).
    NotebookNotary().sign(nb)
    nbformat.write(nb, lab.root / "saved_state.ipynb")

    outside: list[str] = []

    def route(r) -> None:
        host = urlparse(r.request.url).hostname
        if r.request.url.startswith(("blob:", "data:")) or host in ("127.0.0.1", "localhost"):
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.goto(lab.notebook_url("saved_state.ipynb"))
    app = page.locator(".gradio-nb")
    expect(app).to_have_count(1, timeout=90_000)

    line = block(app, "gnb-plot", "Loss")
    expect(line.locator("svg .mark-line path").first).to_be_attached(timeout=60_000)
    assert line.locator("svg .mark-line path").first.get_attribute("d")
    alt_block = block(app, "gnb-plot", "Altair")
    expect(alt_block.locator(".gnb-plot-altair svg .mark-rect path")).to_have_count(3, timeout=30_000)
    duck = model_block(app, "Duck")
    seen = drawn(page, duck, (255, 255, 255, 255))
    assert 0.02 < seen["differing"] / seen["total"] < 0.98, seen
    for label in ("Loss", "Altair"):
        assert block(app, "gnb-plot", label).locator(".gnb-plot-message").inner_text() == ""
    assert duck.locator(".gnb-model3d-note").inner_text() == ""
    app.screenshot(path=str(output_dir() / "saved_state_app.png"))

    assert page.evaluate(IN_KERNEL) == "False"  # the fresh kernel never had gradio_nb: nothing came from it
    assert outside == [], outside
    errors = [e for e in page.console_errors if "Failed to load resource" not in e]
    assert errors == [], errors
