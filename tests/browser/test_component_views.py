"""Every new component's view drawn in JupyterLab: it shows, raises no error in the page, and
one action per view reaches the kernel. A screenshot is kept for a person to look at."""

from __future__ import annotations

import re

import PIL.Image
import pytest
from playwright.sync_api import Page, expect

from .conftest import output_dir
from .test_choice import field, notebook
from .test_lab_notebooks import run_all

APP = '''
import gradio_nb as gr

with gr.Blocks() as demo:
    gr.Navbar([("Docs", "https://www.gradio.app")], main_page_name="Home")
    with gr.Row():
        html = gr.HTML("<b>bold</b><img src=x onerror=alert(1)>", label="Html")
        label = gr.Label({"cat": 0.7, "dog": 0.3}, label="Guess")
    gr.HTML("<i>styled</i><style>:not(&){background:red} :root:has(&) .gnb-navbar{color:rgb(0, 128, 0)} & ~ * {display:none} i {color:rgb(0, 0, 255)}</style>")
    hl = gr.HighlightedText([("The", None), ("cat", "animal")], label="Tagged")
    code = gr.Code("print('hi')", language="python", label="Source", interactive=True)
    params = gr.ParamViewer({"x": {"type": "int", "description": "a number", "default": "1"}})
    color = gr.ColorPicker("#ff0000", label="Colour")
    when = gr.DateTime("2026-01-02 03:04:05", label="When")
    files = gr.FileExplorer(root_dir=".", label="Files")
    with gr.Walkthrough(selected=0) as walk:
        with gr.Step("One", id=0):
            gr.Markdown("first step")
        with gr.Step("Two", id=1):
            gr.Markdown("second step")
    dup = gr.DuplicateButton()
    data = gr.Dataset(components=[gr.Textbox(visible=False)], samples=[["alpha"], ["beta"]], label="Samples")
    seen = gr.Textbox(label="Seen")
    color.change(lambda c: f"colour {c}", color, seen)
    label.select(lambda evt: f"label {evt.value}", None, seen, inputs_kwargs={})

    def picked(evt: gr.SelectData):
        return f"label {evt.value}"

    label.select(picked, None, seen)
    data.click(lambda i: f"sample {i}", data, seen)
    code.change(lambda text: f"code {text}", code, seen)
    import numpy as np
    shown = gr.Image(np.full((40, 60, 3), [255, 0, 0], dtype=np.uint8), format="png", label="Shown")
    picked = gr.Image(type="numpy", label="Upload here")
    picked.upload(lambda a: f"uploaded {a.shape[1]}x{a.shape[0]}", picked, seen)

    def clicked(evt: gr.SelectData):
        return f"pixel {evt.index[0]},{evt.index[1]}"

    shown.select(clicked, None, seen)
    next_step = gr.Button("Next")
    next_step.click(lambda: gr.Walkthrough(selected=1), None, walk)
demo
'''


def test_every_new_view_draws_and_answers(lab, page: Page, tmp_path) -> None:
    (lab.root / "views.ipynb").write_text(notebook(APP))
    run_all(page, lab.notebook_url("views.ipynb"))
    app = page.locator(".gradio-nb")
    expect(app).to_have_count(1, timeout=30_000)
    for css in (".gnb-navbar", ".gnb-html", ".gnb-labelview", ".gnb-hltext", ".gnb-code", ".gnb-picker", ".gnb-files", ".gnb-walkthrough", ".gnb-dataset"):
        expect(app.locator(css).first).to_be_visible(timeout=30_000)
    assert app.locator(".gnb-html img[onerror]").count() == 0  # sanitized in the kernel
    # CSS in a gr.HTML styles that HTML only: rules reaching outside it are dropped
    expect(app.get_by_text("styled")).to_have_css("color", "rgb(0, 0, 255)")
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") != "rgb(255, 0, 0)"
    expect(app.locator(".gnb-navbar")).not_to_have_css("color", "rgb(0, 128, 0)")
    expect(app.locator(".gnb-hltext").first).to_be_visible()
    # Drawn to Gradio 6.31's geometry, measured on its page: a Label of two classes with its
    # heading (1 + 10 + 84.4 + 29 + 8 + 29 + 10 + 1 px) and a Code of one line at lines=5
    # (its badge, 25.8, over an editor of 6 x 14 px, in a 1 px border)
    assert app.locator(".gnb-labelview").first.bounding_box()["height"] == pytest.approx(172.4, abs=1)
    assert app.locator(".gnb-code").first.bounding_box()["height"] == pytest.approx(111.8, abs=1)
    seen = field(app, "Seen")

    app.locator(".gnb-dataset").get_by_text("beta").click()
    expect(seen).to_have_value("sample ['beta']", timeout=10_000)  # type="values": the sample

    app.get_by_role("button", name="Next").click()
    expect(app.get_by_text("second step")).to_be_visible(timeout=10_000)
    expect(app.get_by_text("first step")).to_be_hidden()

    # gr.Image: its bytes shown through a blob: URL; a file chosen in the page reaches the
    # function as an array; a click gives the pixel's coordinates
    shown = app.locator(".gnb-image", has=page.locator(".gnb-image-label", has_text="Shown")).locator("img")
    expect(shown).to_have_attribute("src", re.compile(r"^blob:"), timeout=10_000)
    picture = tmp_path / "up.png"
    PIL.Image.new("RGB", (7, 5), "blue").save(picture)
    upload = app.locator(".gnb-image", has=page.locator(".gnb-image-label", has_text="Upload here"))
    upload.locator("input[type=file]").set_input_files(str(picture))
    expect(seen).to_have_value("uploaded 7x5", timeout=15_000)
    # the image is drawn as Gradio draws it (object-fit: scale-down in the block's width): the
    # click lands a quarter down its drawn pixels, wherever they sit in the <img> box
    box = shown.bounding_box()
    scale = min(box["width"] / 60, box["height"] / 40, 1)
    shown.click(position={"x": (box["width"] - 60 * scale) / 2 + 30 * scale,
                          "y": (box["height"] - 40 * scale) / 2 + 10 * scale})
    expect(seen).to_have_value(re.compile(r"^pixel (29|30),(9|10)$"), timeout=10_000)

    page.screenshot(path=str(output_dir() / "component_views.png"), full_page=True)
    assert page.console_errors == [], page.console_errors
