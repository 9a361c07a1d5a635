"""Compat scenarios for gr.Gallery, gr.AnnotatedImage and gr.ImageSlider: what a function
receives from each (by ``type``), what a returned value reads back as, a gallery's select data,
an annotated image's overlays (pixel for pixel), an image slider's round trip. The same
interactions against real Gradio and gradio_nb.

No ``from __future__ import annotations`` here: a scenario's ``evt: gr.SelectData`` names the
``gr`` it was given, which only an annotation evaluated at definition time can see.
"""

import os
import tempfile
from pathlib import Path

import numpy as np
import PIL.Image
import pytest

import real_gradio

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
gradio = real_gradio.require()

from harness import Scenarios

SCENARIOS = Scenarios()
scenario = SCENARIOS.scenario

ARR = np.arange(4 * 5 * 3, dtype=np.uint8).reshape(4, 5, 3) * 4
ARR2 = ARR[::-1].copy()


def component(gr, name):
    """``gr.<name>``, of real Gradio or of gradio_nb."""
    return getattr(gr, name)


def describe(value):
    """What a function received, in plain types: its kind, size, mode and pixels."""
    if value is None:
        return None
    if isinstance(value, np.ndarray):
        return ["ndarray", str(value.dtype), list(value.shape), value.tolist()]
    if isinstance(value, PIL.Image.Image):
        return ["pil", value.mode, list(value.size), np.array(value).tolist()]
    if isinstance(value, str):
        if value.endswith(".mp4"):
            return ["path", Path(value).name, Path(value).read_bytes().decode()]
        with PIL.Image.open(value) as im:
            return ["path", Path(value).name, im.format, im.mode, np.array(im).tolist()]
    if isinstance(value, (tuple, list)):
        return [type(value).__name__, [describe(v) for v in value]]
    return [type(value).__name__, value]


def items(value):
    """What a function received from a Gallery: None, or [[media described, caption], ...]."""
    if value is None:
        return None
    return [type(value).__name__, [[type(item).__name__, describe(item[0]), item[1]] for item in value]]


def annotated(value):
    """What a function received from an AnnotatedImage: (base, [(overlay, label), ...])."""
    if value is None:
        return None
    base, annotations = value
    return [type(value).__name__, describe(base), type(annotations).__name__,
            [[type(a).__name__, describe(a[0]), a[1]] for a in annotations]]


def folder_with(**files):
    """A new folder with PNG files (name -> array) or other files (name -> bytes)."""
    folder = tempfile.mkdtemp()
    for name, data in files.items():
        name = name.replace("_", ".")
        path = os.path.join(folder, name)
        if isinstance(data, bytes):
            Path(path).write_bytes(data)
        else:
            PIL.Image.fromarray(data).save(path)
    return folder


@scenario(errors=[])
def gallery_receives_each_type(gr, driver):
    """A captioned gallery set from an array, a PIL image and a file: each ``type`` receives a
    list of (media, caption) tuples; numpy keeps the file's mode (RGBA stays 4 channels)."""
    Gallery = component(gr, "Gallery")
    rgba = np.dstack([ARR, np.full((4, 5), 200, np.uint8)])
    folder = folder_with(rgba_png=rgba)
    value = [(ARR, "array"), (PIL.Image.fromarray(ARR2), "pil"), os.path.join(folder, "rgba.png")]
    got = {}
    with gr.Blocks() as demo:
        g = {t: Gallery(format="png", type=t) for t in ("numpy", "pil", "filepath")}
        btn = gr.Button()

        def fn(a, b, c):
            got.update(numpy=items(a), pil=items(b), filepath=items(c))

        btn.click(fn, [g["numpy"], g["pil"], g["filepath"]], None)
    sess = driver.open(demo)
    for gallery in g.values():
        sess.set(gallery, value)
    sess.click(btn)
    return {**got, "errors": sess.errors()}


@scenario(empty=None)
def gallery_empty_is_none(gr, driver):
    """An empty gallery gives None, before and after a function returns []."""
    Gallery = component(gr, "Gallery")
    got = []
    with gr.Blocks() as demo:
        g = Gallery()
        btn = gr.Button()
        btn.click(lambda v: (got.append(v), [])[1], g, g)
    sess = driver.open(demo)
    sess.click(btn)
    return {"empty": got[0], "after": sess.get(g)}


@scenario()
def gallery_returned_and_read_back(gr, driver):
    """A function returns a file path, an array (format="png") and a captioned PIL image; the
    next function reads them back as paths (a copy keeping a file's name) with captions."""
    Gallery = component(gr, "Gallery")
    folder = folder_with(photo_png=ARR2)
    path = os.path.join(folder, "photo.png")
    with gr.Blocks() as demo:
        out = Gallery(format="png")
        btn = gr.Button()
        btn.click(lambda: [path, ARR, (PIL.Image.fromarray(ARR), "cap")], None, out)
    sess = driver.open(demo)
    sess.click(btn)
    got = sess.get(out)
    return {"received": items(got), "copied": [p != path for p, _ in got]}


@scenario(errors=[])
def gallery_default_webp(gr, driver):
    """Gradio's default format is webp (lossy): an array returned is read back webp-decoded,
    as an RGB numpy array in a file named image.webp."""
    Gallery = component(gr, "Gallery")
    with gr.Blocks() as demo:
        out = Gallery(type="numpy")
        path = Gallery()
        btn = gr.Button()
        btn.click(lambda: ([(ARR, "a")], [ARR2]), None, [out, path])
    sess = driver.open(demo)
    sess.click(btn)
    return {"numpy": items(sess.get(out)), "path": items(sess.get(path)), "errors": sess.errors()}


@scenario(selected=[[1, "second"]], errors=[])
def gallery_select(gr, driver):
    """select carries the item's index and the item ({"image": FileData, "caption"}), as
    Gradio's page sends them."""
    Gallery = component(gr, "Gallery")
    got = []
    with gr.Blocks() as demo:
        g = Gallery([(ARR, "first"), (ARR2, "second")], format="png")

        def on_select(evt: gr.SelectData):
            got.append([evt.index, evt.value["caption"]])

        g.select(on_select, None, None)
    sess = driver.open(demo)
    path = sess.get(g)[1][0]  # a file the app holds (Gradio refuses any other path in event data)
    sess.trigger(g, "select", {"index": 1, "value": {"image": {"path": path, "orig_name": "image.png"}, "caption": "second"}})
    return {"selected": got, "errors": sess.errors()}


@scenario(errors=[])
def gallery_video_by_path(gr, driver):
    """A video path in a gallery is received as a path, whatever ``type``."""
    Gallery = component(gr, "Gallery")
    folder = folder_with(clip_mp4=b"not really a video", still_png=ARR)
    got = []
    with gr.Blocks() as demo:
        g = Gallery([os.path.join(folder, "clip.mp4"), (os.path.join(folder, "still.png"), "s")], type="numpy")
        btn = gr.Button()
        btn.click(lambda v: got.append(items(v)), g, None)
    sess = driver.open(demo)
    sess.click(btn)
    return {"received": got[0], "errors": sess.errors()}


@scenario()
def gallery_file_types_refused(gr, driver):
    """A gallery with ``file_types=[".jpg"]`` holding a PNG: the function is not run, the
    error is Gradio's."""
    Gallery = component(gr, "Gallery")
    got = []
    with gr.Blocks() as demo:
        g = Gallery([ARR], format="png", file_types=[".jpg"])
        btn = gr.Button()
        btn.click(lambda v: got.append(v), g, None)
    sess = driver.open(demo)
    sess.click(btn)
    return {"ran": len(got), "errors": sess.errors()}


@scenario(errors=[])
def annotated_image_value(gr, driver):
    """AnnotatedImage: a function returns (array, [(mask, label), (box, label)]) with a
    color_map; the next receives (base path, [(overlay path, label)]): overlays compared pixel
    for pixel (RGBA PNGs, the box's 3-pixel border solid, its inside at half alpha)."""
    AnnotatedImage = component(gr, "AnnotatedImage")
    base = np.zeros((12, 16, 3), np.uint8)
    mask = np.zeros((12, 16))
    mask[2:6, 3:9] = 0.6
    got = []
    with gr.Blocks() as demo:
        ann = AnnotatedImage(format="png", color_map={"box": "#00ff00"})
        btn = gr.Button()
        btn.click(lambda: (base, [(mask, "blob"), ((1, 2, 12, 10), "box")]), None, ann)
        ann.change(lambda v: got.append(annotated(v)), ann, None)
    sess = driver.open(demo)
    sess.click(btn)
    value = sess.get(ann)
    return {"received": got, "errors": sess.errors(), "read": annotated(value)}


@scenario()
def annotated_image_from_path(gr, driver):
    """A base image given as a path keeps its name; no annotations give an empty list."""
    AnnotatedImage = component(gr, "AnnotatedImage")
    folder = folder_with(base_png=ARR)
    with gr.Blocks() as demo:
        ann = AnnotatedImage((os.path.join(folder, "base.png"), []))
    sess = driver.open(demo)
    return {"value": annotated(sess.get(ann))}


@scenario(received=["tuple", [["ndarray", "uint8", [4, 5, 3], ARR.tolist()], ["ndarray", "uint8", [4, 5, 3], ARR2.tolist()]]])
def image_slider_round_trip(gr, driver):
    """ImageSlider: a pair of arrays received by type="numpy", returned as (PIL, array) and
    read back by a type="filepath" and a type="pil" slider; one missing image is None."""
    ImageSlider = component(gr, "ImageSlider")
    got = []
    with gr.Blocks() as demo:
        src = ImageSlider(format="png")
        as_path = ImageSlider(format="png", type="filepath")
        as_pil = ImageSlider(format="png", type="pil", image_mode="L")
        half = ImageSlider(format="png")
        btn = gr.Button()

        def fn(pair):
            got.append(describe(pair))
            return (PIL.Image.fromarray(pair[1]), pair[0]), pair, (None, pair[0])

        btn.click(fn, src, [as_path, as_pil, half])
    sess = driver.open(demo)
    sess.set(src, (ARR, ARR2))
    sess.click(btn)
    return {"received": got[0], "as_path": describe(sess.get(as_path)), "as_pil": describe(sess.get(as_pil)),
            "half": describe(sess.get(half))}


@scenario(value=None)
def image_slider_empty(gr, driver):
    """An ImageSlider with no value gives None."""
    ImageSlider = component(gr, "ImageSlider")
    with gr.Blocks() as demo:
        s = ImageSlider()
    sess = driver.open(demo)
    return {"value": sess.get(s)}


test_compat = SCENARIOS.test()
