"""JupyterLab: a Gallery of three captioned images shows three thumbnails from blob: URLs and a
click on the second selects it (the function gets index 1 and its caption) and opens its
preview; a function appends a fourth; an interactive Gallery takes two files; an
AnnotatedImage stacks its overlays and shows a legend that answers a click; an ImageSlider's
divider can be dragged. The look, measured against Gradio 6.31's: a gallery of many items
scrolls inside Gradio's fixed height under its label badge, an empty output Image is
Gradio's empty block, an upload Image is dashed over its source toolbar, and its webcam
(chromium's fake camera) takes a photo."""

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


def _shown(lab, page: Page, name: str, source: str):
    """The app of ``source`` run in a notebook ``name``: its root and its "Seen" box."""
    (lab.root / name).write_text(notebook(source))
    run_all(page, lab.notebook_url(name))
    app = page.locator(".gradio-nb")
    expect(app).to_have_count(1, timeout=30_000)
    return app, field(app, "Seen")


def _gallery(app, label: str):
    return app.locator(".gnb-gallery", has=app.page.locator(".gnb-gallery-label", has_text=label))


def test_gallery_annotated_image_and_slider_in_the_page(lab, page: Page, tmp_path) -> None:
    app, seen = _shown(lab, page, "gallery_views.ipynb", APP)

    # Gallery: three thumbnails from blob: URLs, captions as text; the second one clicked
    gallery = _gallery(app, "Pictures")
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
    expect(thumbs.nth(1)).to_have_class(re.compile("gnb-gallery-selected"))
    keep_shot(gallery, "gallery_preview.png")
    preview.get_by_role("button", name="Close", exact=True).click()
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
    dropped = _gallery(app, "Drop here")
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


LOOK_APP = '''
import numpy as np
import gradio_nb as gr

def solid(rgb, h=200, w=300):
    return np.full((h, w, 3), rgb, dtype=np.uint8)

colors = [[255, 0, 0], [0, 255, 0], [0, 0, 255], [255, 255, 0], [0, 255, 255], [255, 0, 255]] * 2
with gr.Blocks() as demo:
    many = gr.Gallery([(solid(c), f"item {i}") for i, c in enumerate(colors)], label="Many", format="png")
    result = gr.Image(label="Result", interactive=False)
    source = gr.Image(label="Source", type="numpy", interactive=True)
    seen = gr.Textbox(label="Seen")
    source.change(lambda a: "none" if a is None else f"photo {a.shape[1]}x{a.shape[0]}", source, seen)
demo
'''

#: Gradio 6.31's sizes at a 1280 x 1000 window (measured: tests/browser/pairs.py's
#: gradio_server, Playwright): a gallery of many items (its grid at most 55 % of the window's
#: height, 550 px, in its block's border); an empty output Image's block; the upload Image's
#: toolbar; the label badge.
GRADIO_GALLERY_HEIGHT = 552
GRADIO_EMPTY_IMAGE_HEIGHT = 238
GRADIO_SOURCE_BAR_HEIGHT = 40
GRADIO_BADGE_HEIGHT = 25.8


def _close(actual: float, expected: float, slack: float = 2) -> bool:
    return abs(actual - expected) <= slack


def test_gallery_and_image_look_like_gradio(lab, page: Page) -> None:
    """The gallery keeps Gradio's fixed height and scrolls inside it to its last item, under a
    label badge; captions are chips; an empty output Image has Gradio's height and icon; an
    upload Image is dashed, with Gradio's source toolbar, and its webcam takes a photo."""
    app, seen = _shown(lab, page, "gallery_look.ipynb", LOOK_APP)
    gallery = _gallery(app, "Many")
    thumbs = gallery.locator(".gnb-gallery-thumb")
    expect(thumbs).to_have_count(12, timeout=30_000)
    page.wait_for_function("img => img.complete && img.naturalWidth > 0",
                           arg=thumbs.last.locator("img").element_handle(), timeout=30_000)
    block = gallery.bounding_box()
    assert _close(block["height"], GRADIO_GALLERY_HEIGHT), block
    wrap = gallery.locator(".gnb-gallery-wrap")
    scroll, client = wrap.evaluate("w => [w.scrollHeight, w.clientHeight]")
    assert scroll > client, (scroll, client)
    # the last item lies below the fold of the grid until the grid is scrolled to it
    assert thumbs.last.bounding_box()["y"] > block["y"] + block["height"]
    wrap.evaluate("w => { w.scrollTop = w.scrollHeight; }")
    page.wait_for_function("w => w.scrollTop > 0", arg=wrap.element_handle(), timeout=30_000)
    last = thumbs.last.bounding_box()
    assert block["y"] <= last["y"] and last["y"] + last["height"] <= block["y"] + block["height"] + 1, (last, block)
    assert gallery.bounding_box() == block  # the page did not grow: the grid scrolled inside
    # the label badge: in the block's top-left corner, with its icon
    badge = gallery.locator(".gnb-badge")
    expect(badge).to_be_visible()
    expect(badge).to_have_text("Many")
    expect(badge.locator("svg")).to_be_visible()
    corner = badge.bounding_box()
    assert _close(corner["x"], block["x"] + 1, 1) and _close(corner["y"], block["y"] + 1, 1), (corner, block)
    assert _close(corner["height"], GRADIO_BADGE_HEIGHT), corner
    # captions: chips of the secondary background in the thumbnail's bottom-right corner
    caption = gallery.locator(".gnb-gallery-caption").first
    expect(caption).to_have_css("background-color", "rgb(250, 250, 250)")
    expect(caption).to_have_css("font-size", "12px")
    chip, thumb = caption.bounding_box(), thumbs.first.bounding_box()
    assert _close(chip["x"] + chip["width"], thumb["x"] + thumb["width"] - 1, 1), (chip, thumb)
    assert _close(chip["y"] + chip["height"], thumb["y"] + thumb["height"] - 1, 1), (chip, thumb)

    # an empty output Image: a block of Gradio's height, the badge and a centred image icon
    result = app.locator(".gnb-image", has=page.locator(".gnb-image-label", has_text="Result"))
    expect(result.locator(".gnb-badge")).to_be_visible()
    icon = result.locator(".gnb-empty svg")
    expect(icon).to_be_visible()
    box, mark = result.bounding_box(), icon.bounding_box()
    assert _close(box["height"], GRADIO_EMPTY_IMAGE_HEIGHT), box
    assert _close(mark["x"] + mark["width"] / 2, box["x"] + box["width"] / 2, 2), (mark, box)
    assert result.locator(".gnb-sources").is_hidden()

    # an upload Image: dashed, Gradio's prompt and its toolbar of three sources, upload chosen
    source = app.locator(".gnb-image", has=page.locator(".gnb-image-label", has_text="Source"))
    expect(source).to_have_css("border-top-style", "dashed")
    expect(source.locator(".gnb-upload-text")).to_contain_text("Drop Image Here")
    bar = source.locator(".gnb-sources")
    expect(bar).to_be_visible()
    assert _close(bar.bounding_box()["height"], GRADIO_SOURCE_BAR_HEIGHT), bar.bounding_box()
    buttons = bar.get_by_role("button")
    expect(buttons).to_have_count(3)
    for i, name in enumerate(("Upload file", "Capture from camera", "Paste from clipboard")):
        expect(buttons.nth(i)).to_have_attribute("aria-label", name)
    expect(buttons.nth(0)).to_have_attribute("aria-pressed", "true")
    expect(buttons.nth(0)).to_have_css("color", "rgb(249, 115, 22)")  # the accent
    for name, shown in (("gallery_look.png", gallery), ("image_empty.png", result), ("image_upload.png", source)):
        shown.screenshot(path=str(output_dir() / name))
    # the webcam (chromium's fake camera): asked for by a click, as Gradio's; its picture
    # shows, a click takes the photo
    buttons.nth(1).click()
    expect(buttons.nth(1)).to_have_attribute("aria-pressed", "true")
    source.get_by_text("Click to Access Webcam").click()
    video = source.locator("video.gnb-image-video")
    page.wait_for_function("v => v.videoWidth > 0 && v.readyState >= 2", arg=video.element_handle(), timeout=30_000)
    source.get_by_role("button", name="Take a photo").click()
    expect(seen).to_have_value(re.compile(r"^photo \d+x\d+$"), timeout=30_000)
    expect(source.locator("img.gnb-image-img")).to_have_attribute("src", re.compile(r"^blob:"), timeout=30_000)
    expect(source).to_have_css("border-top-style", "solid")
    assert video.evaluate("v => v.srcObject") is None  # the camera is off once the photo is taken
    assert page.console_errors == [], page.console_errors


def test_a_page_with_no_camera_says_so_on_the_webcam_button(lab, page: Page) -> None:
    """Where the browser gives no camera (an http page that is not localhost has no
    navigator.mediaDevices), the webcam source is a disabled button saying why, not a dead one."""
    page.add_init_script("Object.defineProperty(Navigator.prototype, 'mediaDevices', { get: () => undefined })")
    app, _ = _shown(lab, page, "gallery_no_camera.ipynb", LOOK_APP)
    source = app.locator(".gnb-image", has=page.locator(".gnb-image-label", has_text="Source"))
    webcam = source.locator(".gnb-sources button").nth(1)
    expect(webcam).to_be_disabled(timeout=30_000)
    expect(webcam).to_have_attribute("title", re.compile(r"^Capture from camera: .*camera"))
    expect(source.locator(".gnb-sources button").nth(0)).to_be_enabled()
