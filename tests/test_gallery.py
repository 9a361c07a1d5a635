"""gr.Gallery, gr.AnnotatedImage, gr.ImageSlider: values in and out by ``type``, captions, bytes
to the page as binary buffers, events from the page (select, preview, delete, upload, clear,
a legend click, a divider's position), bad values refused with the component named."""

from __future__ import annotations

import io
import os
from pathlib import Path

import ipywidgets
import numpy as np
import PIL.Image
import pytest

import gradio_nb as gr
from gradio_nb.components.annotated_image import AnnotatedImage, AnnotatedImageWidget
from gradio_nb.components.gallery import Gallery, GalleryWidget
from gradio_nb.components.image_slider import ImageSlider, ImageSliderWidget

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def pixels(seed: int = 0, shape: tuple[int, ...] = (6, 8, 3)) -> np.ndarray:
    return np.random.default_rng(seed).integers(0, 256, shape, dtype=np.uint8)


def png_bytes(array: np.ndarray) -> bytes:
    out = io.BytesIO()
    PIL.Image.fromarray(array).save(out, "png")
    return out.getvalue()


def send(widget, content, buffers=()):
    """A message from the view, as the page sends it."""
    widget._handle_custom_msg(content, [memoryview(b) for b in buffers])


def upload(widget, batch, files, **extra):
    """Send files as the page does: one message per chunk, each with a binary buffer."""
    for index, (name, data) in enumerate(files):
        chunks = [data[i : i + 50] for i in range(0, len(data), 50)]
        for n, part in enumerate(chunks):
            send(widget, {"event": "upload", "batch": batch, "index": index, "count": len(files), "name": name,
                          "type": "image/png", "done": n == len(chunks) - 1, **extra}, [part])


def buffers_of(widget) -> list[bytes]:
    _, _, buffers = ipywidgets.widgets.widget._remove_buffers(widget.get_state())
    return [bytes(b) for b in buffers]


# -- Gallery -------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["numpy", "pil", "filepath"])
def test_gallery_each_type_with_captions(tmp_path, kind):
    a, b = pixels(1), pixels(2)
    path = tmp_path / "photo.png"
    path.write_bytes(png_bytes(b))
    with gr.Blocks() as demo:
        g = Gallery([(a, "first"), str(path)], type=kind, format="png")
    sess = demo.session()
    got = sess.get(g)
    assert isinstance(got, list) and [type(x) for x in got] == [tuple, tuple]
    assert [c for _, c in got] == ["first", None]
    first, second = (m for m, _ in got)
    if kind == "numpy":
        assert isinstance(first, np.ndarray) and (first == a).all() and (second == b).all()
    elif kind == "pil":
        assert isinstance(first, PIL.Image.Image) and (np.array(first) == a).all() and (np.array(second) == b).all()
    else:
        w = sess.widget(g)
        assert all(Path(w.folder) in Path(p).parents for p in (first, second))  # copies of the session's own
        assert Path(second).name == "photo.png" and second != str(path)
        assert (np.array(PIL.Image.open(first)) == a).all()
    sess.close()


def test_gallery_numpy_keeps_the_files_mode(tmp_path):
    rgba = pixels(3, (4, 4, 4))
    path = tmp_path / "rgba.png"
    path.write_bytes(png_bytes(rgba))
    with gr.Blocks() as demo:
        g = Gallery([str(path)], type="numpy")
    got = demo.session().get(g)
    assert got[0][0].shape == (4, 4, 4)  # as Gradio: no conversion to RGB


def test_gallery_bytes_travel_once_as_binary_buffers():
    a, b, c = pixels(1), pixels(2), pixels(3)
    with gr.Blocks() as demo:
        g = Gallery([(a, "x<b>y</b>"), (b, "two")], format="png")
        grow = gr.Button()
        grow.click(lambda v: [*v, (c, "three")], g, g)
    sess = demo.session()
    w = sess.widget(g)
    assert isinstance(w, GalleryWidget)
    sent = []
    w.send = lambda content, buffers=None: sent.append((content, [bytes(x) for x in buffers or []]))
    send(w, {"op": "sync"})  # a view was drawn: every item, its bytes as buffers
    (content, buffers), = sent
    assert content["op"] == "splice" and content["start"] == 0 and content["full"]
    assert [i["caption"] for i in content["items"]] == ["x<b>y</b>", "two"]  # text: the view sets textContent
    assert [i["mime"] for i in content["items"]] == ["image/png", "image/png"]
    assert all("data" not in i for i in content["items"]) and buffers == [png_bytes(a), png_bytes(b)]
    assert "items" not in w.get_state() and "value" not in w.get_state()  # nothing of them synced
    assert all("data" not in item["image"] for item in w.value)  # the payload holds paths
    sent.clear()
    sess.click(grow)  # the gallery grows by one: only that one travels
    (content, buffers), = sent
    assert content["start"] == 2 and [i["caption"] for i in content["items"]] == ["three"]
    assert buffers == [png_bytes(c)]
    sent.clear()
    sess.set(g, [(a, "x<b>y</b>")])  # shrinks: an empty splice from 1
    assert [(m["start"], m["items"], bufs) for m, bufs in sent] == [(1, [], [])]


def test_gallery_default_format_webp_and_empty_is_none():
    with gr.Blocks() as demo:
        g = Gallery([pixels()])
        empty = Gallery()
    sess = demo.session()
    w = sess.widget(g)
    assert w.items[0]["data"][8:12] == b"WEBP" and w.items[0]["mime"] == "image/webp"
    assert sess.get(g)[0][0].endswith("image.webp")
    assert sess.get(empty) is None
    sess.set(g, [])
    assert sess.get(g) is None and w.items == []


def test_gallery_select_from_the_page_and_headless():
    seen = []
    with gr.Blocks() as demo:
        g = Gallery([(pixels(1), "a"), (pixels(2), "b"), (pixels(3), "c")], format="png")

        def on_select(evt: gr.SelectData):
            seen.append(("select", evt.index, evt.value["caption"], Path(evt.value["image"]["path"]).suffix))

        g.select(on_select, None, None)
        g.preview_open(lambda: seen.append(("open",)), None, None)
        g.preview_close(lambda: seen.append(("close",)), None, None)
    sess = demo.session()
    w = sess.widget(g)
    send(w, {"event": "select", "index": 1})
    assert seen == [("open",), ("select", 1, "b", ".png")] and w.selected_index == 1
    send(w, {"event": "select", "index": 2})  # the preview is open already
    assert seen[-1] == ("select", 2, "c", ".png") and ("open",) not in seen[2:]
    send(w, {"event": "preview_close"})
    assert seen[-1] == ("close",) and w.selected_index is None
    seen.clear()
    sess.trigger(g, "select", {"index": 0})
    assert seen == [("open",), ("select", 0, "a", ".png")] and w.selected_index == 0
    sess.trigger(g, "select", {"index": 2, "value": {"image": {"path": "x.gif"}, "caption": "given"}})
    assert seen[-1] == ("select", 2, "given", ".gif")  # data given as the page sent it is kept
    with pytest.raises(IndexError, match="Gallery"):
        sess.trigger(g, "select", {"index": 7})
    sess.trigger(g, "preview_close")
    assert seen[-1] == ("close",) and w.selected_index is None


def test_gallery_selected_index_and_preview_props():
    with gr.Blocks() as demo:
        g = Gallery([pixels(1), pixels(2)], selected_index=1, columns=3, object_fit="contain", height=200)
        p = Gallery([pixels(1)], preview=True, allow_preview=False, buttons=["fullscreen"])
        btn = gr.Button()
        btn.click(lambda: gr.update(selected_index=0, columns=4), None, g)
    sess = demo.session()
    w, wp = sess.widget(g), sess.widget(p)
    assert (w.selected_index, w.columns, w.object_fit, w.height, w.download) == (1, 3, "contain", "200px", True)
    assert (wp.selected_index, wp.allow_preview, wp.download) == (0, False, False)
    sess.click(btn)
    assert (w.selected_index, w.columns) == (0, 4)
    sess.set(g, [pixels(5)])  # fewer items: the selection stays within them
    assert w.selected_index == 0


def test_gallery_upload_appends_and_delete_removes():
    events = []
    with gr.Blocks() as demo:
        g = Gallery([(pixels(1), "kept")], interactive=True, type="numpy", format="png")
        g.upload(lambda v: events.append(("upload", len(v))), g, None)
        g.change(lambda v: events.append(("change", 0 if v is None else len(v))), g, None)

        def on_delete(evt: gr.DeletedFileData):
            events.append(("delete", evt.file["index"], evt.file["file"]["orig_name"]))

        g.delete(on_delete, None, None)
    sess = demo.session()
    w = sess.widget(g)
    assert not w.disabled
    upload(w, "b1", [("one.png", png_bytes(pixels(2))), ("../../two.png", png_bytes(pixels(3)))])
    assert events == [("change", 3), ("upload", 3)] or events == [("upload", 3), ("change", 3)]
    got = sess.get(g)
    assert [c for _, c in got] == ["kept", None, None] and (got[2][0] == pixels(3)).all()
    assert w.value[2]["image"]["orig_name"] == "two.png" and Path(w.folder) in Path(w.value[2]["image"]["path"]).parents
    events.clear()
    send(w, {"event": "delete", "index": 1})
    assert ("delete", 1, "one.png") in events and ("change", 2) in events
    assert [c for _, c in sess.get(g)] == ["kept", None]
    send(w, {"event": "clear"})
    assert sess.get(g) is None and events[-1] == ("change", 0)


def test_gallery_output_refuses_page_edits():
    with gr.Blocks() as demo:
        g = Gallery([pixels(1)], interactive=False)
    sess = demo.session()
    w = sess.widget(g)
    upload(w, "b1", [("x.png", png_bytes(pixels(2)))])
    send(w, {"event": "delete", "index": 0})
    send(w, {"event": "clear"})
    assert len(sess.get(g)) == 1 and w.disabled


def test_gallery_videos_by_path(tmp_path):
    clip = tmp_path / "clip.mp4"
    clip.write_bytes(b"\x00\x00\x00\x18ftypmp42")
    with gr.Blocks() as demo:
        g = Gallery([(str(clip), "video"), pixels()], type="pil")
    sess = demo.session()
    w = sess.widget(g)
    assert [i["kind"] for i in w.items] == ["video", "image"] and w.items[0]["mime"] == "video/mp4"
    got = sess.get(g)
    assert isinstance(got[0][0], str) and got[0][0].endswith("clip.mp4") and got[0][1] == "video"
    assert isinstance(got[1][0], PIL.Image.Image)


def test_gallery_bad_values_name_the_component(tmp_path):
    with pytest.raises(gr.Error, match="Gallery.*list"):
        Gallery("cat.png")
    # A URL and a missing file are kept, as Gradio keeps them (tests/test_media_values.py).
    Gallery(["https://example.com/cat.png", "/no/such/file.png"])
    with pytest.raises(gr.Error, match="Gallery.*int"):
        Gallery([3])
    with pytest.raises(ValueError, match="type"):
        Gallery(type="bytes")
    with gr.Blocks() as demo:
        g = Gallery(format="png")
        btn = gr.Button()
        btn.click(lambda: "not a list", None, g)
        typed = Gallery([pixels()], format="png", file_types=["video"])
        btn2 = gr.Button()
        btn2.click(lambda v: v, typed, None)
    sess = demo.session()
    sess.click(btn)
    assert "Gallery" in sess.errors[-1].message
    sess.click(btn2)
    assert "Invalid file type" in sess.errors[-1].message


def test_gallery_function_output_and_files_removed_at_close():
    with gr.Blocks() as demo:
        src = Gallery([(pixels(1), "a")], format="png", type="numpy")
        out = Gallery(format="png")
        btn = gr.Button()
        btn.click(lambda v: [(m[::-1], f"{c}!") for m, c in v], src, out)
    sess = demo.session()
    sess.click(btn)
    (path, caption), = sess.get(out)
    assert caption == "a!" and (np.array(PIL.Image.open(path)) == pixels(1)[::-1]).all()
    folder = sess.widget(out).folder
    sess.close()
    assert not os.path.exists(folder)


# -- AnnotatedImage -------------------------------------------------------------------------


def test_annotated_image_overlays_and_legend():
    base = pixels(1, (10, 12, 3))
    mask = np.zeros((10, 12))
    mask[1:4, 2:6] = 0.5
    with gr.Blocks() as demo:
        ann = AnnotatedImage((base, [(mask, "blob"), ((0, 0, 8, 8), "box"), ((2, 2, 6, 6), "other")]),
                             color_map={"box": "#0000ff"}, format="png", height=300)
    sess = demo.session()
    w = sess.widget(ann)
    assert isinstance(w, AnnotatedImageWidget) and w.mime == "image/png" and w.height == "300px"
    assert [a["label"] for a in w.annotations] == ["blob", "box", "other"]
    assert [a["color"] for a in w.annotations] == ["hsla(0, 100%, 50%, 0.3)", "#0000ff88", "hsla(240, 100%, 50%, 0.3)"]
    assert [a["filter"] for a in w.annotations] == ["hue-rotate(0deg)", "", "hue-rotate(240deg)"]
    assert all(bytes(a["data"]).startswith(PNG_MAGIC) for a in w.annotations)
    assert len([b for b in buffers_of(w) if b.startswith(PNG_MAGIC)]) == 4  # base + 3 overlays, as buffers
    path, masks = sess.get(ann)
    assert (np.array(PIL.Image.open(path)) == base).all()
    blob = np.array(PIL.Image.open(masks[0][0]))
    assert blob.shape == (10, 12, 4) and tuple(blob[2, 3]) == (255, 0, 0, 127) and tuple(blob[8, 8]) == (0, 0, 0, 0)
    box = np.array(PIL.Image.open(masks[1][0]))
    assert tuple(box[0, 0]) == (0, 0, 255, 255) and tuple(box[4, 4]) == (0, 0, 255, 127)  # border, inside
    assert [label for _, label in masks] == ["blob", "box", "other"]


def test_annotated_image_select_and_none():
    seen = []
    with gr.Blocks() as demo:
        ann = AnnotatedImage((pixels(), [((0, 0, 4, 4), "cat"), ((1, 1, 5, 5), "dog")]))

        def on_select(evt: gr.SelectData):
            seen.append((evt.index, evt.value))

        ann.select(on_select, None, None)
        clear = gr.Button()
        clear.click(lambda: None, None, ann)
    sess = demo.session()
    w = sess.widget(ann)
    send(w, {"event": "select", "data": {"index": 1, "value": "dog"}})
    sess.trigger(ann, "select", {"index": 0, "value": "cat"})
    assert seen == [(1, "dog"), (0, "cat")]
    sess.click(clear)
    assert sess.get(ann) is None and w.data == b"" and w.annotations == []


def test_annotated_image_bad_values():
    with pytest.raises(gr.Error, match="AnnotatedImage"):
        AnnotatedImage(pixels())
    with pytest.raises(gr.Error, match="AnnotatedImage.*shape"):
        AnnotatedImage((pixels(), [(np.zeros((2, 2)), "small")]))
    with pytest.raises(gr.Error, match="AnnotatedImage.*box"):
        AnnotatedImage((pixels(), [("nope", "x")]))
    with pytest.raises(gr.Error, match="AnnotatedImage.*base image"):
        AnnotatedImage((3, []))


# -- ImageSlider --------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["numpy", "pil", "filepath"])
def test_image_slider_each_type(kind):
    a, b = pixels(1), pixels(2)
    with gr.Blocks() as demo:
        s = ImageSlider((a, PIL.Image.fromarray(b)), type=kind, format="png")
    sess = demo.session()
    got = sess.get(s)
    assert isinstance(got, tuple) and len(got) == 2
    arrays = [np.array(PIL.Image.open(x)) if kind == "filepath" else np.asarray(x) for x in got]
    assert (arrays[0] == a).all() and (arrays[1] == b).all()
    w = sess.widget(s)
    assert isinstance(w, ImageSliderWidget) and w.data_a == png_bytes(a) and w.data_b == png_bytes(b)
    assert png_bytes(a) in buffers_of(w)


def test_image_slider_image_mode_half_and_none():
    with gr.Blocks() as demo:
        s = ImageSlider((pixels(1), None), image_mode="L", format="png")
        empty = ImageSlider()
    sess = demo.session()
    first, second = sess.get(s)
    assert first.shape == (6, 8) and second is None
    assert sess.get(empty) is None


def test_image_slider_position_upload_and_clear():
    events = []
    with gr.Blocks() as demo:
        s = ImageSlider(slider_position=30, interactive=True, format="png")
        s.upload(lambda v: events.append(("upload", [None if x is None else x.shape for x in v])), s, None)
        s.clear(lambda: events.append(("clear",)), None, None)
        btn = gr.Button()
        btn.click(lambda: gr.update(label="renamed"), None, s)
        move = gr.Button()
        move.click(lambda: gr.update(slider_position=80), None, s)
    sess = demo.session()
    w = sess.widget(s)
    assert w.position == 30
    w.position = 55.5  # the page dragged the divider
    sess.click(btn)
    assert w.label == "renamed" and w.position == 55.5  # an unrelated update keeps the drag
    sess.click(move)
    assert w.position == 80
    upload(w, "b1", [("right.png", png_bytes(pixels(2)))], slot=1)
    assert events == [("upload", [None, (6, 8, 3)])]
    upload(w, "b2", [("left.png", png_bytes(pixels(1)))], slot=0)
    assert events[-1] == ("upload", [(6, 8, 3), (6, 8, 3)])
    assert w.value[0]["orig_name"] == "left.png" and w.data_a == png_bytes(pixels(1))
    send(w, {"event": "clear"})
    assert events[-1] == ("clear",) and sess.get(s) == (None, None) and w.data_a == b"" == w.data_b


def test_image_slider_select_and_bad_values():
    seen = []
    with gr.Blocks() as demo:
        s = ImageSlider((pixels(1), pixels(2)))

        def on_select(evt: gr.SelectData):
            seen.append(evt.index)

        s.select(on_select, None, None)
    sess = demo.session()
    send(sess.widget(s), {"event": "select", "data": {"index": [3, 2], "value": None}})
    assert seen == [[3, 2]]
    with pytest.raises(gr.Error, match="ImageSlider.*pair"):
        ImageSlider(pixels())
    # A URL is kept as the value (tests/test_media_values.py)
    assert ImageSlider(("http://x/a.png", None)).value[0]["path"] == "http://x/a.png"
    with pytest.raises(ValueError, match="type"):
        ImageSlider(type="bytes")


def test_gallery_upload_of_a_refused_type_is_dropped():
    with gr.Blocks() as demo:
        g = Gallery(interactive=True, file_types=[".jpg"], label="Photos")
    sess = demo.session()
    w = sess.widget(g)
    assert w.accept == ".jpg"
    upload(w, "b1", [("x.png", png_bytes(pixels()))])
    assert sess.get(g) is None
    assert "Invalid file type: x.png" in sess.errors[-1].message and "Gallery 'Photos'" in sess.errors[-1].message


def test_gallery_headless_delete_plays_the_page():
    events = []
    with gr.Blocks() as demo:
        g = Gallery([(pixels(1), "a"), (pixels(2), "b")], interactive=True, format="png")

        def on_delete(evt: gr.DeletedFileData):
            events.append(("delete", evt.file["index"]))

        g.delete(on_delete, None, None)
        g.change(lambda v: events.append(("change", [c for _, c in v])), g, None)
    sess = demo.session()
    sess.trigger(g, "delete", {"index": 0})
    assert events == [("delete", 0), ("change", ["b"])] and [c for _, c in sess.get(g)] == ["b"]
    sess.trigger(g, "delete", {"index": 0, "file": {"path": "x"}})  # given whole: fired as it is
    assert events[-1] == ("delete", 0) and len(sess.get(g)) == 1


def test_gallery_columns_as_older_gradio_gave_them():
    with gr.Blocks() as demo:
        g = Gallery(columns=[3], rows=[2], height="auto")
    w = demo.session().widget(g)
    assert (w.columns, w.rows, w.height) == (3, 2, "auto")


def test_annotated_image_legend_follows_an_updated_color_map():
    with gr.Blocks() as demo:
        ann = AnnotatedImage((pixels(), [((0, 0, 4, 4), "cat")]))
        btn = gr.Button()
        btn.click(lambda: gr.update(color_map={"cat": "#00ff00"}, show_legend=False), None, ann)
    sess = demo.session()
    w = sess.widget(ann)
    assert w.annotations[0]["color"].startswith("hsla(") and w.show_legend
    sess.click(btn)
    assert (w.annotations[0]["color"], w.annotations[0]["filter"], w.show_legend) == ("#00ff0088", "", False)
