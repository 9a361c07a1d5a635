"""Compat scenarios for gr.Image: what a function receives for each ``type``, what it returns
shown and read back (bytes encoded in ``format``, Gradio's default "webp" included), image
modes, select data. The same interactions against real Gradio and gradio_nb.

No ``from __future__ import annotations`` here: a scenario's ``evt: gr.SelectData`` names the
``gr`` it was given, which only an annotation evaluated at definition time can see.
"""

import os
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


def describe(value):
    """What a function received, in plain types: its kind, size, mode and pixels."""
    if value is None:
        return None
    if isinstance(value, np.ndarray):
        return ["ndarray", str(value.dtype), list(value.shape), value.tolist()]
    if isinstance(value, PIL.Image.Image):
        return ["pil", value.mode, list(value.size), np.array(value).tolist()]
    if isinstance(value, str):
        with PIL.Image.open(value) as im:
            return ["path", Path(value).name, im.format, im.mode, np.array(im).tolist()]
    return [type(value).__name__]


@scenario(received=["ndarray", "uint8", [4, 5, 3], ARR.tolist()])
def numpy_round_trip_png(gr, driver):
    """type="numpy": an array set, received, returned, and read back by another Image."""
    Image = gr.Image
    got = []
    with gr.Blocks() as demo:
        src = Image(format="png")
        out = Image(format="png")
        btn = gr.Button()

        def fn(a):
            got.append(describe(a))
            return a

        btn.click(fn, src, out)
    sess = driver.open(demo)
    sess.set(src, ARR)
    sess.click(btn)
    return {"received": got[0], "read_back": describe(sess.get(out))}


@scenario()
def each_type_receives(gr, driver):
    """type="pil" and type="filepath" of an image set as an array, a PIL image and a file."""
    Image = gr.Image
    got = {}
    with gr.Blocks() as demo:
        pil = Image(type="pil", format="png")
        path = Image(type="filepath", format="png")
        gray = Image(type="numpy", image_mode="L", format="png")
        rgba = Image(type="pil", image_mode="RGBA", format="png")
        btn = gr.Button()

        def fn(a, b, c, d):
            got.update(pil=describe(a), path=describe(b), gray=describe(c), rgba=describe(d))
            return a, b, c, d

        btn.click(fn, [pil, path, gray, rgba], [pil, path, gray, rgba])
    sess = driver.open(demo)
    sess.set(pil, PIL.Image.fromarray(ARR))
    sess.set(path, ARR)
    sess.set(gray, ARR)
    sess.set(rgba, ARR)
    sess.click(btn)
    return {**got, "again": [describe(sess.get(c)) for c in (pil, path, gray, rgba)]}


@scenario()
def default_format_webp_round_trip(gr, driver):
    """Gradio's default format is webp (lossy): the array read back is the webp-decoded one."""
    Image = gr.Image
    with gr.Blocks() as demo:
        src = Image()
        out = Image(type="filepath")
        btn = gr.Button()
        btn.click(lambda a: a[::-1], src, out)
    sess = driver.open(demo)
    sess.set(src, ARR)
    first = describe(sess.get(src))
    sess.click(btn)
    return {"set": first, "returned": describe(sess.get(out))}


@scenario()
def file_path_value(gr, driver):
    """A default value given as a file path: type="filepath" receives a copy (Gradio's cache)
    with the file's name; other types the decoded image."""
    Image = gr.Image
    import tempfile

    folder = tempfile.mkdtemp()
    path = os.path.join(folder, "photo.png")
    PIL.Image.fromarray(ARR).save(path)
    with gr.Blocks() as demo:
        as_path = Image(path, type="filepath")
        as_array = Image(path)
    sess = driver.open(demo)
    received = sess.get(as_path)
    return {"same_path": received == path, "name": Path(received).name, "array": describe(sess.get(as_array))}


@scenario()
def returned_path_and_rgba(gr, driver):
    """A function returning a file path (read back as a copy with its name) and an RGBA PIL
    image (read back converted to the reader's image_mode)."""
    Image = gr.Image
    import tempfile

    path = os.path.join(tempfile.mkdtemp(), "out.png")
    PIL.Image.fromarray(ARR).save(path)
    rgba = PIL.Image.fromarray(np.dstack([ARR, np.full((4, 5), 128, np.uint8)]))
    with gr.Blocks() as demo:
        as_path = Image(type="filepath")
        as_array = Image(format="png")
        btn = gr.Button()
        btn.click(lambda: (path, rgba), None, [as_path, as_array])
    sess = driver.open(demo)
    sess.click(btn)
    received = sess.get(as_path)
    return {"name": Path(received).name, "same_path": received == path, "path": describe(received),
            "array": describe(sess.get(as_array))}


@scenario(selected=[[[3, 1], None]])
def select_pixel(gr, driver):
    """select carries the [x, y] pixel clicked, with value None, as Gradio's page sends."""
    Image = gr.Image
    got = []
    with gr.Blocks() as demo:
        img = Image(ARR, format="png")

        def on_select(evt: gr.SelectData):
            got.append([evt.index, evt.value])

        img.select(on_select, None, None)
    sess = driver.open(demo)
    sess.trigger(img, "select", {"index": [3, 1], "value": None})
    return {"selected": got}


@scenario()
def upload_and_clear_events(gr, driver):
    """A listener of upload, clear and change; the events named as the page fires them."""
    Image = gr.Image
    with gr.Blocks() as demo:
        img = Image(format="png")
        log = gr.State([])
        img.upload(lambda a, seen: seen + [["upload", describe(a)[2]]], [img, log], log)
        img.clear(lambda seen: seen + [["clear"]], log, log)
    sess = driver.open(demo)
    sess.set(img, ARR)
    sess.trigger(img, "upload")
    sess.set(img, None)
    sess.trigger(img, "clear")
    return {"log": sess.get(log), "value": describe(sess.get(img))}


@scenario()
def array_dtypes_converted(gr, driver):
    """Arrays of other dtypes shown as Gradio converts them: uint16 and int64 beyond 255 are
    divided down, ones that fit are kept, int8 is widened, floats in [-1, 1] scale by 255,
    negatives become 0; a float beyond 1 and a boolean array are errors."""
    Image = gr.Image
    base = np.arange(12).reshape(2, 2, 3)
    arrays = {
        "uint16": (base * 5000).astype(np.uint16),
        "int64_small": base * 20,
        "int64_big": base * 100000 - 50,
        "int8": (base * 20 - 100).astype(np.int8),
        "float": base / 11.0 * 2 - 1,
    }
    with gr.Blocks() as demo:
        outs = [Image(format="png", image_mode=None) for _ in arrays]
        bad = Image(format="png")
        btn = gr.Button()
        fail = gr.Button()
        fail_bool = gr.Button()
        btn.click(lambda: tuple(arrays.values()), None, outs)
        fail.click(lambda: np.full((2, 2, 3), 1.5), None, bad)
        fail_bool.click(lambda: base % 2 == 0, None, bad)
    sess = driver.open(demo)
    sess.click(btn)
    sess.click(fail)
    sess.click(fail_bool)
    read = {name: describe(sess.get(out)) for name, out in zip(arrays, outs)}
    return {**read, "errors": len(sess.errors()), "bad": describe(sess.get(bad))}


test_compat = SCENARIOS.test()
