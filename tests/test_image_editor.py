"""gr.ImageEditor, Sketchpad, Paint, ImageMask: values in and out for each type, the composite,
bytes to the page as binary buffers, the page's stroke/upload/clear/apply messages played
headlessly, tool options sent to the page, bad values, cleanup at close."""

from __future__ import annotations

import io
import os
from pathlib import Path

import ipywidgets
import numpy as np
import PIL.Image
import pytest

import gradio_nb as gr
from gradio_nb.components.image_editor import (
    Brush,
    Eraser,
    ImageEditor,
    ImageEditorWidget,
    ImageMask,
    LayerOptions,
    Paint,
    Sketchpad,
    WatermarkOptions,
)

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def png(array: np.ndarray) -> bytes:
    out = io.BytesIO()
    PIL.Image.fromarray(array).save(out, "png")
    return out.getvalue()


def pixels(channels: int = 3) -> np.ndarray:
    return np.random.default_rng(0).integers(0, 256, (6, 8, channels), dtype=np.uint8)


def one(cls=ImageEditor, **kwargs):
    with gr.Blocks() as demo:
        ed = cls(**kwargs)
    sess = demo.session()
    return sess, ed, sess.widget(ed)


def stroke(widget, composite, layers, background=None, reason="stroke"):
    """Play the page's message after a stroke: PNG bytes of background, composite, layers."""
    buffers = [memoryview(png(background) if background is not None else b""), memoryview(png(composite))]
    buffers += [memoryview(png(layer)) for layer in layers]
    widget._handle_custom_msg(
        {"event": "edit", "reason": reason, "background": background is not None, "layers": len(layers)}, buffers
    )


@pytest.mark.parametrize("kind", ["numpy", "pil", "filepath"])
def test_each_type_receives_background_layers_composite(kind):
    arr, layer = pixels(), pixels(4)
    sess, ed, w = one(type=kind, format="png")
    sess.set(ed, {"background": arr, "layers": [layer], "composite": None})
    got = sess.get(ed)
    assert sorted(got) == ["background", "composite", "layers"] and got["composite"] is None
    as_array = {"numpy": lambda v: v, "pil": np.array, "filepath": lambda v: np.array(PIL.Image.open(v))}[kind]
    if kind == "numpy":
        assert isinstance(got["background"], np.ndarray)
    elif kind == "pil":
        assert isinstance(got["background"], PIL.Image.Image) and got["background"].mode == "RGBA"
    else:
        assert isinstance(got["background"], str) and Path(got["background"]).name == "image.png"
        assert Path(w.folder) in Path(got["background"]).parents  # removed with the session
    bg = as_array(got["background"])
    assert bg.shape == (6, 8, 4) and (bg[..., :3] == arr).all() and (bg[..., 3] == 255).all()
    assert len(got["layers"]) == 1 and (as_array(got["layers"][0]) == layer).all()
    sess.close()


def test_single_image_is_background_and_composite_and_none_is_none():
    sess, ed, _ = one(format="png", image_mode="RGB")
    arr = pixels()
    sess.set(ed, PIL.Image.fromarray(arr))
    got = sess.get(ed)
    assert (got["background"] == arr).all() and (got["composite"] == arr).all() and got["layers"] == []
    sess.set(ed, None)
    assert sess.get(ed) is None


def test_rgb_mode_flattens_transparency_on_white_but_not_layers():
    rgba = pixels(4)
    rgba[0, 0, 3] = 0
    sess, ed, _ = one(format="png", image_mode="RGB")
    sess.set(ed, {"background": rgba, "layers": [rgba], "composite": rgba})
    got = sess.get(ed)
    assert (got["background"][0, 0] == 255).all() and (got["composite"][0, 0] == 255).all()
    assert (got["layers"][0][0, 0] == rgba[0, 0, :3]).all()  # alpha only dropped


def test_images_travel_to_the_page_as_binary_buffers():
    sess, ed, w = one(format="png")
    assert isinstance(w, ImageEditorWidget) and w.background == b"" and w.layers == []
    version = w.version
    sess.set(ed, {"background": pixels(), "layers": [pixels(4)], "composite": pixels()})
    assert w.background.startswith(PNG_MAGIC) and w.layers[0].startswith(PNG_MAGIC) and w.composite.startswith(PNG_MAGIC)
    assert w.version == version + 1  # the page redraws
    _, _, buffers = ipywidgets.widgets.widget._remove_buffers(w.get_state())
    assert sum(bytes(b).startswith(PNG_MAGIC) for b in buffers) == 3  # binary buffers, not base64
    assert "data" not in w.value["background"]  # the kernel keeps paths, not the bytes twice


def test_default_webp_and_unshowable_formats_reencoded_for_the_page():
    _, _, w = one(value=pixels())
    assert w.background[8:12] == b"WEBP"
    _, _, w2 = one(value=pixels(), format="tiff")
    assert w2.background.startswith(PNG_MAGIC)  # browsers cannot show TIFF
    assert w2.value["background"]["path"].endswith(".tiff")


def test_a_stroke_from_the_page_fires_change_and_input_once():
    events = []
    with gr.Blocks() as demo:
        pad = Sketchpad(type="numpy")
        pad.change(lambda v: events.append(("change", v["composite"][2, 3].tolist())), pad, None)
        pad.input(lambda v: events.append(("input", len(v["layers"]))), pad, None)
    sess = demo.session()
    w = sess.widget(pad)
    layer = np.zeros((5, 7, 4), np.uint8)
    layer[2, 3] = [0, 0, 0, 255]
    stroke(w, layer, [layer])
    assert events == [("change", [0, 0, 0, 255]), ("input", 1)]
    got = sess.get(pad)
    assert got["background"] is None and got["composite"].shape == (5, 7, 4)
    assert (got["layers"][0] == layer).all()
    assert Path(w.folder) in Path(w.value["composite"]["path"]).parents


def test_upload_clear_and_apply_from_the_page():
    log = []
    with gr.Blocks() as demo:
        ed = ImageEditor(type="pil")
        ed.upload(lambda v: log.append(("upload", v["background"].size)), ed, None)
        ed.clear(lambda v: log.append(("clear", v)), ed, None)
        ed.apply(lambda v: log.append(("apply", v["composite"].size)), ed, None)
    sess = demo.session()
    w = sess.widget(ed)
    assert w.applicable  # the page shows the apply button only when the app listens to it
    bg = pixels()
    stroke(w, bg, [np.zeros((6, 8, 4), np.uint8)], background=bg, reason="upload")
    w._handle_custom_msg({"event": "apply"}, [])
    w._handle_custom_msg({"event": "clear"}, [])
    assert log == [("upload", (8, 6)), ("apply", (8, 6)), ("clear", None)]
    assert sess.get(ed) is None


def test_a_display_only_editor_ignores_page_edits():
    with gr.Blocks() as demo:
        src = gr.Textbox()
        out = ImageEditor(interactive=False)
    sess = demo.session()
    w = sess.widget(out)
    assert w.disabled
    stroke(w, pixels(4), [pixels(4)])
    assert sess.get(out) is None and src is not None


def test_select_carries_the_pixel():
    got = []
    with gr.Blocks() as demo:
        ed = ImageEditor(pixels(), _selectable=True, interactive=False)

        def on_select(evt: gr.SelectData):
            got.append(evt.index)

        ed.select(on_select, None, None)
    sess = demo.session()
    w = sess.widget(ed)
    assert w.selectable
    w._handle_custom_msg({"event": "select", "data": {"index": [3, 2], "value": None}}, [])
    sess.trigger(ed, "select", {"index": [1, 1], "value": None})
    assert got == [[3, 2], [1, 1]]


def test_tool_options_reach_the_page():
    _, _, w = one(Sketchpad)
    assert w.brush == {"colors": [["#000000", 1.0]], "default_color": ["#000000", 1.0], "size": 0, "fixed": True}
    assert w.eraser == {"size": 0} and not w.upload and not w.clipboard and w.show_layers
    _, _, w = one(ImageMask)
    assert not w.show_layers and not w.add_layers and w.upload
    _, _, w = one(Paint)
    assert not w.brush["fixed"] and len(w.brush["colors"]) == 5 and not w.upload
    _, _, w = one(brush=Brush(colors=[("#ff0000", 0.5)], default_size=9), eraser=Eraser(4),
                  layers=LayerOptions(allow_additional_layers=False, layers=["Sky", "Ground"]),
                  canvas_size=(300, 200), fixed_canvas=True)
    assert w.brush["colors"] == [["#ff0000", 0.5]] and w.brush["size"] == 9 and w.eraser == {"size": 4}
    assert w.layer_names == ["Sky", "Ground"] and not w.add_layers
    assert w.canvas_size == [300, 200] and w.fixed_canvas
    _, _, w = one(brush=False)
    assert w.brush is None and w.eraser is None  # no brush hides the eraser, as Gradio


def test_update_changes_tools():
    with gr.Blocks() as demo:
        ed = ImageEditor()
        btn = gr.Button()
        btn.click(lambda: gr.update(brush=Brush(colors=["#123456"]), layers=False, label="Mask"), None, ed)
    sess = demo.session()
    sess.click(btn)
    w = sess.widget(ed)
    assert w.brush["colors"] == [["#123456", 1.0]] and not w.show_layers and w.label == "Mask"
    assert sess.errors == []


def test_template_defaults():
    assert Sketchpad(render=False).sources == () and Sketchpad(render=False).transforms == ("crop",)
    assert Sketchpad(brush=False, render=False).brush == Brush(colors=["#000000"], color_mode="fixed")
    assert ImageMask(render=False).layers == LayerOptions(disabled=True)
    assert Paint(render=False).brush == Brush() and Paint(render=False).sources == ()
    assert ImageEditor(render=False).layers.layers == ["Layer 1"]
    assert Brush().default_color == "rgb(204, 50, 50)" and Brush(colors="#fff").default_color == "#fff"


def test_bad_values():
    with pytest.raises(gr.Error, match="ImageEditor: a value dict needs .*'composite'"):
        ImageEditor({"background": None, "layers": []})
    with pytest.raises(gr.Error, match="Sketchpad: cannot load .*no network"):
        Sketchpad("https://example.com/cat.png")
    with gr.Blocks() as missing:  # as Gradio: a missing file is kept, the app builds
        gone = ImageEditor("/no/such/file.png")
    view = missing.session().widget(gone)
    assert view.value["background"]["path"] == "/no/such/file.png" and view.background == b""
    with pytest.raises(ValueError, match="type"):
        ImageEditor(type="bytes")
    with pytest.raises(ValueError, match="sources"):
        ImageEditor(sources=["camera"])
    with pytest.raises(ValueError, match="position"):
        WatermarkOptions(position="middle")
    with gr.Blocks() as demo:
        ed = ImageEditor()
        btn = gr.Button()
        btn.click(lambda: 42, None, ed)
    sess = demo.session()
    sess.click(btn)
    assert len(sess.errors) == 1 and "`imageeditor` component" in sess.errors[0].message
    assert "must be a dictionary of images or a single image" in sess.errors[0].message
    assert sess.get(ed) is None


def test_files_removed_at_close():
    sess, ed, w = one(type="filepath", value=pixels())
    path = sess.get(ed)["composite"]
    assert os.path.isfile(path)
    sess.close()
    assert not os.path.exists(path) and not os.path.exists(w.folder)


def chunked_stroke(widget, composite, layers, background=None, reason="stroke", chunk=50, edit="e1", skip=None):
    """Play the page's large edit: one upload batch (background, possibly empty, composite,
    layers), each file in ``upload`` chunks; chunk number ``skip`` (counted over the batch) is lost."""
    images = [png(background) if background is not None else b"", png(composite), *(png(layer) for layer in layers)]
    names = ["background.png", "composite.png", *(f"layer{n}.png" for n in range(len(layers)))]
    flags = {"edit": True, "reason": reason, "background": background is not None, "layers": len(layers)}
    number = 0
    for index, (name, data) in enumerate(zip(names, images)):
        parts = [data[at:at + chunk] for at in range(0, len(data), chunk)] or [b""]
        for n, part in enumerate(parts):
            if number != skip:
                widget._handle_custom_msg({"event": "upload", "batch": edit, "index": index, "count": len(images),
                                           "name": name, "type": "image/png", "size": len(data),
                                           "done": n == len(parts) - 1, **flags}, [memoryview(part)])
            number += 1


def test_a_large_edit_in_chunks_is_one_edit_and_a_broken_one_is_dropped():
    """An edit too big for one websocket message comes in parts: joined, it is the same edit
    (one change); a part missing drops it; over the app's max_file_size it is refused."""
    events = []
    with gr.Blocks() as demo:
        pad = Sketchpad(type="numpy")
        pad.change(lambda v: events.append(v["composite"][2, 3].tolist()), pad, None)
    sess = demo.session()
    w = sess.widget(pad)
    layer = np.zeros((5, 7, 4), np.uint8)
    layer[2, 3] = [9, 8, 7, 255]
    chunked_stroke(w, layer, [layer])
    assert events == [[9, 8, 7, 255]] and (sess.get(pad)["layers"][0] == layer).all()
    layer[2, 3] = [1, 2, 3, 255]
    chunked_stroke(w, layer, [layer], edit="e2", skip=1)
    assert events == [[9, 8, 7, 255]] and sess.errors == []
    demo.max_file_size = 10
    chunked_stroke(w, layer, [layer], edit="e3")
    assert events == [[9, 8, 7, 255]] and len(sess.errors) == 1 and "maximum allowed size" in sess.errors[0].message
    sess.close()
