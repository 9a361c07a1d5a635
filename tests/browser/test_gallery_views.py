"""JupyterLab: a Gallery of three captioned images shows three thumbnails from blob: URLs and a
click on the second selects it (the function gets index 1 and its caption) and opens its
preview; a function appends a fourth; an interactive Gallery takes two files; an AnnotatedImage stacks its overlays and shows a legend that answers a click; an
ImageSlider's divider can be dragged."""

from __future__ import annotations

import re

import PIL.Image
from playwright.sync_api import Page, expect

from .conftest import keep_shot, output_dir
from .test_choice import field, notebook
from .test_lab_notebooks import run_all

APP = '''
import numpy as np
import gradio_nb as gr

def solid(rgb, h=40, w=60):
    return np.full((h, w, 3), rgb, dtype=np.uint8)

with gr.Blocks() as demo:
    gallery = gr.Gallery([(solid([255, 0, 0]), "red"), (solid([0, 255, 0]), "green <b>bold</b>"),
                       (solid([0, 0, 255]), "blue")], columns=3, label="Pictures", format="png")
    mask = np.zeros((40, 60))
    mask[5:20, 5:30] = 1
    ann = gr.AnnotatedImage((solid([200, 200, 200]), [(mask, "cat"), ((30, 10, 55, 35), "dog")]),
                         color_map={"dog": "#0000ff"}, label="Found", format="png")
    slider = gr.ImageSlider((solid([0, 0, 0], 100, 200), solid([255, 255, 255], 100, 200)), label="Compare",
                         format="png")
    seen = gr.Textbox(label="Seen")

    def picked(evt: gr.SelectData):
        return f"gallery {evt.index} {evt.value['caption']}"

    def labelled(evt: gr.SelectData):
        return f"legend {evt.index} {evt.value}"

    gallery.select(picked, None, seen)
    dropped = gr.Gallery(interactive=True, type="numpy", label="Drop here")
    dropped.upload(lambda items: f"uploaded {len(items)} {items[1][0].shape}", dropped, seen)
    more = gr.Button("More")
    more.click(lambda items: [*items, (solid([255, 255, 0]), "yellow")], gallery, gallery)
    ann.select(labelled, None, seen)
demo
'''


def test_gallery_annotated_image_and_slider_in_the_page(lab, page: Page, tmp_path) -> None:
    (lab.root / "gallery_views.ipynb").write_text(notebook(APP))
    run_all(page, lab.notebook_url("gallery_views.ipynb"))
    app = page.locator(".gradio-nb")
    expect(app).to_have_count(1, timeout=30_000)
    seen = field(app, "Seen")

    # Gallery: three thumbnails from blob: URLs, captions as text; the second one clicked
    gallery = app.locator(".gnb-gallery", has=page.locator(".gnb-gallery-label", has_text="Pictures"))
    thumbs = gallery.locator(".gnb-gallery-grid .gnb-gallery-thumb")
    expect(thumbs).to_have_count(3, timeout=30_000)
    for i in range(3):
        expect(thumbs.nth(i).locator("img")).to_have_attribute("src", re.compile(r"^blob:"))
    expect(gallery.locator(".gnb-gallery-caption")).to_have_text(["red", "green <b>bold</b>", "blue"])
    expect(gallery.locator(".gnb-gallery-preview")).to_be_hidden()
    gallery.screenshot(path=str(output_dir() / "gallery_grid.png"))
    thumbs.nth(1).click()
    expect(seen).to_have_value("gallery 1 green <b>bold</b>", timeout=10_000)
    preview = gallery.locator(".gnb-gallery-preview")
    expect(preview).to_be_visible()
    expect(preview.locator(".gnb-gallery-preview-caption")).to_have_text("green <b>bold</b>")
    expect(gallery.locator(".gnb-gallery-item").nth(1)).to_have_class(re.compile("gnb-gallery-selected"))
    keep_shot(gallery, "gallery_preview.png")
    preview.get_by_role("button", name="Close preview").click()
    expect(preview).to_be_hidden(timeout=10_000)
    # a function appends an image: only the new one is sent, the others keep their blob: URLs
    first = thumbs.nth(0).locator("img").get_attribute("src")
    app.get_by_role("button", name="More").click()
    expect(thumbs).to_have_count(4, timeout=10_000)
    expect(gallery.locator(".gnb-gallery-caption").nth(3)).to_have_text("yellow")
    assert thumbs.nth(0).locator("img").get_attribute("src") == first

    # an interactive Gallery: two files chosen in the page reach the function as arrays
    files = []
    for name, size in (("a.png", (4, 3)), ("b.png", (7, 5))):
        PIL.Image.new("RGB", size, "blue").save(tmp_path / name)
        files.append(str(tmp_path / name))
    dropped = app.locator(".gnb-gallery", has=page.locator(".gnb-gallery-label", has_text="Drop here"))
    dropped.locator("input[type=file]").set_input_files(files)
    expect(seen).to_have_value("uploaded 2 (5, 7, 3)", timeout=15_000)
    expect(dropped.locator(".gnb-gallery-thumb")).to_have_count(2)
    expect(dropped.locator(".gnb-gallery-delete")).to_have_count(2)

    # AnnotatedImage: the base and two overlays stacked, a legend of two that answers a click
    ann = app.locator(".gnb-annotated")
    expect(ann.locator(".gnb-annotated-base")).to_have_attribute("src", re.compile(r"^blob:"), timeout=10_000)
    masks = ann.locator(".gnb-annotated-mask")
    expect(masks).to_have_count(2)
    expect(masks.nth(0)).to_have_js_property("naturalWidth", 60, timeout=10_000)  # the overlay PNG decoded
    legend = ann.locator(".gnb-annotated-legend-item")
    expect(legend).to_have_text(["cat", "dog"])
    expect(legend.nth(1)).to_have_css("background-color", "rgba(0, 0, 255, 0.533)")
    legend.nth(1).hover()
    expect(masks.nth(0)).to_have_css("opacity", "0")  # hovering "dog" shows the dog alone
    keep_shot(ann, "annotated_image.png")
    legend.nth(1).click()
    expect(seen).to_have_value("legend 1 dog", timeout=10_000)

    # ImageSlider: both images shown, the divider dragged from the middle to about 80 %
    slider = app.locator(".gnb-slider")
    expect(slider.locator("img.gnb-slider-b")).to_have_attribute("src", re.compile(r"^blob:"), timeout=10_000)
    divider = slider.locator(".gnb-slider-divider")
    frame = slider.locator(".gnb-slider-frame").bounding_box()
    start = divider.bounding_box()
    assert abs(start["x"] + start["width"] / 2 - (frame["x"] + frame["width"] / 2)) < 3
    page.mouse.move(start["x"] + start["width"] / 2, start["y"] + start["height"] / 2)
    page.mouse.down()
    page.mouse.move(frame["x"] + frame["width"] * 0.8, start["y"] + start["height"] / 2, steps=5)
    page.mouse.up()
    left = float(divider.evaluate("d => parseFloat(d.style.left)"))
    assert 75 < left < 85, left
    clip = slider.locator("img.gnb-slider-b").evaluate("i => i.style.clipPath")
    assert clip.startswith("inset(0") and str(round(left))[:1] in clip

    slider.screenshot(path=str(output_dir() / "image_slider.png"))
    page.screenshot(path=str(output_dir() / "gallery_views.png"), full_page=True)
    assert page.console_errors == [], page.console_errors
