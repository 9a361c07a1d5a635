"""The image editor's view in JupyterLab: a stroke drawn with the mouse on a Sketchpad reaches
the function as a composite whose pixels under the stroke are the brush colour; the eraser
clears part of it; a background uploaded to an ImageEditor reaches the function."""

from __future__ import annotations

import PIL.Image
from playwright.sync_api import Page, expect

from .conftest import keep_shot
from .test_choice import field, notebook
from .test_lab_notebooks import run_all

APP = '''
import gradio_nb as gr

with gr.Blocks() as demo:
    pad = gr.Sketchpad(canvas_size=(200, 100), label="Pad",
                       brush=gr.Brush(colors=["#ff0000"], color_mode="fixed", default_size=6), eraser=gr.Eraser(5))
    seen = gr.Textbox(label="Seen")
    strokes = gr.State(0)

    def drawn(value, n):
        c = value["composite"]
        return f"{n + 1}: {c.shape[1]}x{c.shape[0]} {c[50, 100].tolist()} {c[50, 40].tolist()} {c[10, 100].tolist()}", n + 1

    pad.change(drawn, [pad, strokes], [seen, strokes])
    editor = gr.ImageEditor(label="Editor", format="png")
    editor.upload(lambda v: f"background {v['background'].shape[1]}x{v['background'].shape[0]} {v['background'][0, 0].tolist()}", editor, seen)
demo
'''


def drag(page: Page, canvas, points: list[tuple[float, float]], size: tuple[int, int]) -> None:
    """Press, move through ``points`` (canvas pixels) and release the mouse on ``canvas``."""
    box = canvas.bounding_box()
    at = [(box["x"] + x * box["width"] / size[0], box["y"] + y * box["height"] / size[1]) for x, y in points]
    page.mouse.move(*at[0])
    page.mouse.down()
    for point in at[1:]:
        page.mouse.move(*point, steps=5)
    page.mouse.up()


def test_draw_erase_and_upload(lab, page: Page, tmp_path) -> None:
    (lab.root / "editor.ipynb").write_text(notebook(APP))
    run_all(page, lab.notebook_url("editor.ipynb"))
    app = page.locator(".gradio-nb")
    expect(app).to_have_count(1, timeout=30_000)
    pad = app.locator(".gnb-editor", has=page.locator(".gnb-editor-label", has_text="Pad"))
    canvas = pad.locator("canvas.gnb-editor-canvas")
    expect(canvas).to_be_visible(timeout=30_000)
    expect(pad.locator(".gnb-editor-add-layer")).to_be_visible()
    expect(pad.locator(".gnb-editor-upload")).to_be_hidden()  # a Sketchpad has no sources
    seen = field(app, "Seen")

    # One stroke: one change, the brush colour under it, transparent elsewhere
    drag(page, canvas, [(30, 50.5), (100, 50.5), (170, 50.5)], (200, 100))
    expect(seen).to_have_value("1: 200x100 [255, 0, 0, 255] [255, 0, 0, 255] [0, 0, 0, 0]", timeout=15_000)

    # The eraser clears the middle of the stroke and nothing else
    pad.locator(".gnb-editor-eraser").click()
    drag(page, canvas, [(90, 50.5), (110, 50.5)], (200, 100))
    expect(seen).to_have_value("2: 200x100 [0, 0, 0, 0] [255, 0, 0, 255] [0, 0, 0, 0]", timeout=15_000)

    # A background uploaded to an ImageEditor: the canvas takes its size
    picture = tmp_path / "bg.png"
    PIL.Image.new("RGB", (30, 20), (0, 0, 255)).save(picture)
    editor = app.locator(".gnb-editor", has=page.locator(".gnb-editor-label", has_text="Editor"))
    editor.locator("input[type=file]").set_input_files(str(picture))
    expect(seen).to_have_value("background 30x20 [0, 0, 255, 255]", timeout=15_000)
    assert editor.locator("canvas.gnb-editor-canvas").evaluate("c => [c.width, c.height]") == [30, 20]

    keep_shot(page.locator(".gradio-nb"), "image_editor_views.png")
    assert page.console_errors == [], page.console_errors
