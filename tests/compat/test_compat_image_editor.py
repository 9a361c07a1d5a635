"""Compat scenarios for gr.ImageEditor and its templates (Sketchpad, Paint, ImageMask): what a
function receives for each ``type`` from a value set by a function, a returned dict's round
trip, image modes, the templates' defaults and the events' names. The same interactions
against real Gradio and gradio_nb.
"""

import dataclasses
import os
import re
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
RGBA = np.dstack([ARR, np.array([[0, 255, 128, 255, 0]] * 4, dtype=np.uint8)])


def editor(gr, name="ImageEditor"):
    """gr.ImageEditor, or a template, from either library (gradio_nb's until it is exported)."""
    if gr is gradio:
        return getattr(gr, name)
    from gradio_nb.components import image_editor

    try:
        return getattr(gr, name)
    except (AttributeError, NotImplementedError):
        return getattr(image_editor, name)


def describe_image(value):
    """One image a function received, in plain types."""
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


def describe(value):
    """An EditorValue in plain types."""
    if not isinstance(value, dict):
        return describe_image(value)
    return {
        "keys": sorted(value),
        "background": describe_image(value["background"]),
        "layers": [describe_image(x) for x in value["layers"]],
        "composite": describe_image(value["composite"]),
    }


@scenario()
def each_type_from_a_function(gr, driver):
    """A function returns an array to three editors (numpy, pil, filepath): what each receives."""
    Editor = editor(gr)
    got = {}
    with gr.Blocks() as demo:
        as_np = Editor(type="numpy", format="png")
        as_pil = Editor(type="pil", format="png")
        as_path = Editor(type="filepath", format="png")
        show, read = gr.Button(), gr.Button()
        show.click(lambda: (ARR, ARR, ARR), None, [as_np, as_pil, as_path])

        def fn(a, b, c):
            got.update(numpy=describe(a), pil=describe(b), path=describe(c))

        read.click(fn, [as_np, as_pil, as_path], None)
    sess = driver.open(demo)
    sess.click(show)
    sess.click(read)
    return got


@scenario()
def returned_dict_round_trip(gr, driver):
    """A returned EditorValue dict (background, two layers, composite None) read back, and
    returned again by the function that received it."""
    Editor = editor(gr)
    got = []
    with gr.Blocks() as demo:
        src = Editor(format="png")
        out = Editor(format="png", type="pil")
        show, copy = gr.Button(), gr.Button()
        show.click(lambda: {"background": ARR, "layers": [RGBA, ARR[::-1]], "composite": None}, None, src)

        def fn(value):
            got.append(describe(value))
            return value

        copy.click(fn, src, out)
    sess = driver.open(demo)
    sess.click(show)
    sess.click(copy)
    return {"received": got[0], "copied": describe(sess.get(out))}


@scenario()
def image_modes_and_transparency(gr, driver):
    """image_mode "RGB" flattens the transparent background and composite on white (layers
    only drop their alpha), "L" is one channel; webp by default."""
    Editor = editor(gr)
    with gr.Blocks() as demo:
        rgb = Editor(image_mode="RGB", format="png")
        gray = Editor(image_mode="L", format="png")
        default = Editor()
        btn = gr.Button()
        btn.click(lambda: ({"background": RGBA, "layers": [RGBA], "composite": RGBA}, RGBA, ARR), None,
                  [rgb, gray, default])
    sess = driver.open(demo)
    sess.click(btn)
    return {"rgb": describe(sess.get(rgb)), "gray": describe(sess.get(gray)), "default": describe(sess.get(default))}


@scenario()
def values_given_at_build(gr, driver):
    """A declared value: a file path (type="filepath" receives a converted copy named after
    ``format``), a PIL image, None."""
    Editor = editor(gr)
    path = os.path.join(tempfile.mkdtemp(), "photo.png")
    PIL.Image.fromarray(ARR).save(path)
    with gr.Blocks() as demo:
        as_path = Editor(path, type="filepath")
        from_pil = Editor(PIL.Image.fromarray(RGBA), format="png")
        empty = Editor()
    sess = driver.open(demo)
    received = sess.get(as_path)
    return {
        "path": describe(received),
        "not_the_file": received["background"] != path,
        "pil": describe(sess.get(from_pil)),
        "empty": sess.get(empty),
    }


def options(component):
    """The tool options of an editor, as plain values."""
    return {
        "sources": list(component.sources),
        "transforms": list(component.transforms),
        "brush": dataclasses.asdict(component.brush) if component.brush else component.brush,
        "eraser": dataclasses.asdict(component.eraser) if component.eraser else component.eraser,
        "layers": dataclasses.asdict(component.layers),
        "image_mode": component.image_mode,
        "type": component.type,
        "format": component.format,
        "canvas_size": list(component.canvas_size),
        "fixed_canvas": component.fixed_canvas,
        "webcam": dataclasses.asdict(component.webcam_options),
    }


@scenario(
    sketchpad_brush=[{"default_size": "auto", "colors": ["#000000"], "default_color": "#000000", "color_mode": "fixed"}],
)
def template_defaults(gr, driver):
    """Sketchpad, Paint, ImageMask and ImageEditor defaults; option dataclasses' defaults."""
    with gr.Blocks():
        found = {name: options(editor(gr, name)()) for name in ("ImageEditor", "Sketchpad", "Paint", "ImageMask")}
        custom = editor(gr)(brush=editor(gr, "Brush")(colors=["#ff0000", ("#00ff00", 0.5)], default_size=7),
                            eraser=False, layers=editor(gr, "LayerOptions")(allow_additional_layers=False))
    found["custom"] = options(custom)
    found["sketchpad_brush"] = [found["Sketchpad"]["brush"]]
    found["events"] = list(type(custom).EVENTS) if gr is not gradio else [str(e) if isinstance(e, str) else e.event_name for e in type(custom).EVENTS]
    found["watermark"] = dataclasses.asdict(editor(gr, "WatermarkOptions")())
    # The valid positions are a set: its order in the message depends on the hash seed.
    kind, message = _raised(lambda: editor(gr, "WatermarkOptions")(position="middle"))
    found["bad_position"] = [kind, message.split(":")[0], sorted(re.findall(r"'([a-z-]+)'", message))]
    found["bad_type"] = _raised(lambda: editor(gr)(type="bytes", render=False))
    found["bad_source"] = _raised(lambda: editor(gr)(sources=["camera"], render=False))
    return found


def _raised(call):
    try:
        call()
    except Exception as err:  # noqa: BLE001
        return [type(err).__name__, str(err)]
    return None


@scenario()
def sketchpad_and_mask_values(gr, driver):
    """A Sketchpad and an ImageMask given a single image: background and composite both."""
    with gr.Blocks() as demo:
        pad = editor(gr, "Sketchpad")(ARR, format="png")
        mask = editor(gr, "ImageMask")(RGBA, format="png", type="pil")
        paint = editor(gr, "Paint")(None)
    sess = driver.open(demo)
    return {"pad": describe(sess.get(pad)), "mask": describe(sess.get(mask)), "paint": sess.get(paint)}


@scenario()
def bad_return_is_shown(gr, driver):
    """A function returning something that is not an image: the error Gradio shows."""
    Editor = editor(gr)
    with gr.Blocks() as demo:
        ed = Editor()
        btn = gr.Button()
        btn.click(lambda: 42, None, ed)
    sess = driver.open(demo)
    sess.click(btn)
    return {"errors": sess.errors(), "value": sess.get(ed)}


@scenario()
def change_listener_on_output(gr, driver):
    """change fires when a function writes the editor; the listener receives the new value."""
    Editor = editor(gr)
    with gr.Blocks() as demo:
        ed = Editor(format="png")
        log = gr.State([])
        btn = gr.Button()
        btn.click(lambda: ARR, None, ed)
        ed.change(lambda v, seen: seen + [describe(v)["composite"][2]], [ed, log], log)
    sess = driver.open(demo)
    sess.click(btn)
    return {"log": sess.get(log)}


@scenario()
def clear_and_apply_events(gr, driver):
    """clear and apply listeners run when the page fires them."""
    Editor = editor(gr)
    with gr.Blocks() as demo:
        ed = Editor(ARR, format="png")
        log = gr.State([])
        ed.clear(lambda seen: seen + ["clear"], log, log)
        ed.apply(lambda v, seen: seen + [["apply", describe(v)["background"][2]]], [ed, log], log)
    sess = driver.open(demo)
    sess.trigger(ed, "apply")
    sess.trigger(ed, "clear")
    return {"log": sess.get(log)}


test_compat = SCENARIOS.test()
