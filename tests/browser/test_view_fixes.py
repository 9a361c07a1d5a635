"""Page-side fixes proven in JupyterLab: a bokeh Plot redrawn with another figure (and then a
matplotlib one) with no page error; a plot updated while its tab is hidden draws the new data
when the tab is shown again at the same width."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from .test_choice import field, notebook
from .test_lab_notebooks import run_all

for _library in ("pandas", "matplotlib", "bokeh"):
    pytest.importorskip(_library)

PLOTS = '''
import gradio_nb as gr
import pandas as pd
import matplotlib
matplotlib.use("agg")
import matplotlib.pyplot as plt
from bokeh.plotting import figure
from gradio_nb.components.native_plot import BarPlot, LinePlot
from gradio_nb.components.plot import Plot

def bokeh_fig(width, height):
    f = figure(width=width, height=height)
    f.line([1, 2, 3], [3, 1, 2])
    return f

def mpl():
    fig = plt.figure(figsize=(3, 2))
    plt.plot([1, 3, 2])
    return fig

with gr.Blocks() as demo:
    with gr.Tab("First"):
        bok = Plot(bokeh_fig(300, 200), label="Bokeh")
        again = gr.Button("Another bokeh")
        to_mpl = gr.Button("Matplotlib")
        more = gr.Button("More bars")
        loss = LinePlot(pd.DataFrame({"step": list(range(20)), "loss": [1 / (i + 1) for i in range(20)]}),
                        x="step", y="loss", label="Loss", height=240)
        picked = gr.Textbox(label="Picked")
        new_loss = gr.Button("New loss")
    with gr.Tab("Second"):
        bars = BarPlot(pd.DataFrame({"k": list("abc"), "n": [1, 2, 3]}), x="k", y="n", label="Bars")
    again.click(lambda: bokeh_fig(420, 260), None, bok)
    to_mpl.click(mpl, None, bok)
    more.click(lambda: pd.DataFrame({"k": list("abcde"), "n": [1, 2, 3, 4, 5]}), None, bars)

    def chosen(evt: gr.SelectData):
        return f"range {evt.index[0]:.1f}"

    loss.select(chosen, None, picked)
    new_loss.click(lambda: pd.DataFrame({"step": list(range(20)), "loss": [i % 5 for i in range(20)]}), None, loss)
demo
'''


def block(app, label: str):
    return app.locator(".gnb-plot", has=app.page.locator(".gnb-plot-label", has_text=label))


def test_bokeh_redraws_and_a_hidden_plot_draws_when_shown(lab, page: Page) -> None:
    (lab.root / "view_fixes_plots.ipynb").write_text(notebook(PLOTS))
    run_all(page, lab.notebook_url("view_fixes_plots.ipynb"))
    app = page.locator(".gradio-nb")
    expect(app).to_have_count(1, timeout=30_000)

    bok = block(app, "Bokeh")
    expect(bok.locator(".bk-Figure")).to_have_count(1, timeout=60_000)
    width = "(el) => el.getBoundingClientRect().width"
    page.wait_for_function(f"(el) => ({width})(el) >= 280", arg=bok.locator(".bk-Figure").element_handle(),
                           timeout=30_000)

    # Another bokeh figure replaces the first (its views removed: one figure, the new size)
    app.get_by_role("button", name="Another bokeh").click()
    page.wait_for_function(f"(el) => el.querySelectorAll('.bk-Figure').length === 1 "
                           f"&& ({width})(el.querySelector('.bk-Figure')) >= 400",
                           arg=bok.element_handle(), timeout=30_000)
    # ... and a matplotlib figure replaces it
    app.get_by_role("button", name="Matplotlib").click()
    image = bok.locator("img.gnb-plot-image")
    expect(image).to_be_attached(timeout=30_000)
    expect(bok.locator(".bk-Figure")).to_have_count(0)
    assert bok.locator(".gnb-plot-message").inner_text() == ""

    # A brush selects, then a click clears it (Vega sends {}): later rows are still drawn
    loss = block(app, "Loss")
    path = loss.locator("svg .mark-line path").first
    expect(path).to_be_attached(timeout=60_000)
    box = loss.locator("svg .mark-line").first.bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.25, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.6, y, steps=8)
    page.mouse.up()
    expect(field(app, "Picked")).to_have_value(re.compile(r"^range "), timeout=15_000)
    page.wait_for_timeout(1200)  # past the second in which brush signals are ignored after a select
    page.mouse.click(box["x"] + box["width"] * 0.85, y)  # outside the brush: clears it
    page.wait_for_timeout(500)
    before = path.get_attribute("d")
    app.get_by_role("button", name="New loss").click()
    expect(path).not_to_have_attribute("d", before, timeout=15_000)

    # The bar plot in the second tab: drawn once shown, then hidden, updated, shown again
    bars = block(app, "Bars")
    app.get_by_role("tab", name="Second").click()
    expect(bars.locator("svg .mark-rect path")).to_have_count(3, timeout=60_000)
    app.get_by_role("tab", name="First").click()
    expect(bars).to_be_hidden()
    app.get_by_role("button", name="More bars").click()
    page.wait_for_timeout(1500)  # the new rows reach the hidden plot
    app.get_by_role("tab", name="Second").click()
    expect(bars.locator("svg .mark-rect path")).to_have_count(5, timeout=30_000)

    errors = [e for e in page.console_errors if "Failed to load resource" not in e]
    assert errors == [], errors


EDITOR = '''
import gradio_nb as gr

with gr.Blocks() as demo:
    paste_only = gr.ImageEditor(label="Paste only", sources=["clipboard"])
    big = gr.ImageEditor(label="Big", format="png")
    answer = gr.Textbox(label="Answer")
    big.upload(lambda v: f"background {v['background'].shape[1]}x{v['background'].shape[0]}", big, answer)
    gr.Button("Ping").click(lambda: "pong", None, answer)
demo
'''

MIB = 1 << 20
#: A chunk of the upload protocol (a large edit goes as one upload batch), and the batch's last one.
UPLOAD = re.compile(rb'"event":\s*"upload".*?"index":\s*(\d+),\s*"count":\s*(\d+).*?"done":\s*(true|false)', re.S)


def last_upload(frame: bytes) -> bool:
    """Whether ``frame`` carries the last chunk of an upload batch's last file."""
    found = UPLOAD.search(frame)
    return bool(found) and int(found[1]) == int(found[2]) - 1 and found[3] == b"true"


def test_editor_sends_a_big_edit_in_small_messages_and_upload_needs_its_source(lab, page: Page, tmp_path) -> None:
    np = pytest.importorskip("numpy")
    import PIL.Image

    frames: list[bytes] = []
    page.on("websocket", lambda ws: ws.on("framesent", lambda payload: frames.append(
        payload if isinstance(payload, bytes) else payload.encode())))
    (lab.root / "view_fixes_editor.ipynb").write_text(notebook(EDITOR))
    run_all(page, lab.notebook_url("view_fixes_editor.ipynb"))
    app = page.locator(".gradio-nb")
    expect(app).to_have_count(1, timeout=30_000)

    # sources=["clipboard"]: pasting only, no Upload button
    paste_only = app.locator(".gnb-editor", has=page.locator(".gnb-editor-label", has_text="Paste only"))
    expect(paste_only.locator("canvas.gnb-editor-canvas")).to_be_visible(timeout=30_000)
    expect(paste_only.locator(".gnb-editor-upload")).to_be_hidden()

    # A noisy background (PNG of ~6 MB): background + composite are over Tornado's 10 MiB
    # message limit together; every message the page sends stays small, and the kernel's
    # connection lives on (a function still answers)
    picture = tmp_path / "noise.png"
    PIL.Image.fromarray(np.random.default_rng(0).integers(0, 256, (1200, 1600, 3), dtype=np.uint8)).save(picture)
    big = app.locator(".gnb-editor", has=page.locator(".gnb-editor-label", has_text="Big"))
    big.locator("input[type=file]").set_input_files(str(picture))
    deadline = 60
    for _ in range(deadline * 2):
        if any(last_upload(f) for f in frames):
            break
        page.wait_for_timeout(500)
    parts = [f for f in frames if UPLOAD.search(f)]
    assert any(last_upload(f) for f in frames), [len(f) for f in frames]
    assert len(parts) > 10 and max(len(f) for f in frames) < 2 * MIB, [len(f) for f in frames]
    # the kernel joins the parts into one edit: the function gets the whole background
    expect(field(app, "Answer")).to_have_value("background 1600x1200", timeout=60_000)
    app.get_by_role("button", name="Ping").click()
    expect(field(app, "Answer")).to_have_value("pong", timeout=15_000)
    errors = [e for e in page.console_errors if "Failed to load resource" not in e]
    assert errors == [], errors


DOWNLOADS = '''
import pathlib, tempfile
import numpy as np
import gradio_nb as gr

page = pathlib.Path(tempfile.mkdtemp()) / "page.html"
page.write_text("<script>parent.owned = true</script>")

with gr.Blocks() as demo:
    chat = gr.Chatbot([{"role": "assistant", "content": {"path": str(page)}}], label="Chat")
    gallery = gr.Gallery([(np.full((20, 30, 3), 200, dtype=np.uint8), "grey")], label="Pictures", format="png")
    files = gr.File(label="Files", interactive=True)
demo
'''

BLOB_TYPE = "async (a) => (await (await fetch(a.href || a.src)).blob()).type"


def test_download_links_are_bytes_and_an_unreadable_file_says_so(lab, page: Page) -> None:
    (lab.root / "view_fixes_downloads.ipynb").write_text(notebook(DOWNLOADS))
    run_all(page, lab.notebook_url("view_fixes_downloads.ipynb"))
    app = page.locator(".gradio-nb")
    expect(app).to_have_count(1, timeout=30_000)

    # A chat file that is no image, audio or video: a download link whose Blob is bytes
    link = app.locator("a.gnb-chat-file")
    expect(link).to_have_attribute("download", "page.html", timeout=30_000)
    assert link.evaluate(BLOB_TYPE) == "application/octet-stream"

    # The gallery's thumbnail keeps its image type; its preview's download link is bytes
    thumb = app.locator(".gnb-gallery-thumb img").first
    expect(thumb).to_have_attribute("src", re.compile(r"^blob:"), timeout=30_000)
    assert thumb.evaluate(BLOB_TYPE) == "image/png"
    app.locator(".gnb-gallery-thumb").first.click()
    save = app.locator("a.gnb-gallery-download")
    expect(save).to_be_attached(timeout=15_000)
    assert save.evaluate(BLOB_TYPE) == "application/octet-stream"

    # A file the browser cannot read (a dropped folder): the view says the upload failed
    frame = app.locator(".gnb-file", has=page.locator(".gnb-file-label", has_text="Files")).locator(".gnb-file-frame")
    frame.evaluate("""(zone) => {
        const file = new File(["x"], "folder");
        file.arrayBuffer = () => Promise.reject(new DOMException("A requested file could not be read", "NotReadableError"));
        const data = new DataTransfer();
        data.items.add(file);
        zone.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
    }""")
    expect(app.locator(".gnb-file-note")).to_have_text(re.compile("The upload failed: .*could not be read"), timeout=10_000)
    expect(app.locator(".gnb-file.gnb-file-uploading")).to_have_count(0)
    assert page.evaluate("() => window.owned") is None
    errors = [e for e in page.console_errors if "Failed to load resource" not in e]
    assert errors == [], errors
