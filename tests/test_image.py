"""gr.Image: each value type in and out, bytes sent to the page as a binary buffer, uploads from
the page (binary chunks into the widget's temporary folder), select, clear, cleanup at close."""

from __future__ import annotations

import io
import os
from pathlib import Path

import ipywidgets
import numpy as np
import PIL.Image
import pytest

import gradio_nb as gr
from gradio_nb.components.image import Image, ImageWidget
from gradio_nb.event_data import SelectData

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def png_bytes(array: np.ndarray) -> bytes:
    out = io.BytesIO()
    PIL.Image.fromarray(array).save(out, "png")
    return out.getvalue()


def pixels() -> np.ndarray:
    rng = np.random.default_rng(0)
    return rng.integers(0, 256, (6, 8, 3), dtype=np.uint8)


def upload(widget, batch, name, data, chunk=7):
    """Send one file as the page does: one message per chunk, each with a binary buffer."""
    chunks = [data[i : i + chunk] for i in range(0, len(data), chunk)] or [b""]
    for n, part in enumerate(chunks):
        content = {"event": "upload", "batch": batch, "index": 0, "count": 1, "name": name, "type": "image/png",
                   "done": n == len(chunks) - 1}
        widget._handle_custom_msg(content, [memoryview(part)])


def one(**kwargs):
    with gr.Blocks() as demo:
        img = Image(**kwargs)
    sess = demo.session()
    return sess, img, sess.widget(img)


@pytest.mark.parametrize("given", ["numpy", "pil", "path"])
@pytest.mark.parametrize("kind", ["numpy", "pil", "filepath"])
def test_each_value_type_in_and_out(tmp_path, given, kind):
    arr = pixels()
    path = tmp_path / "in.png"
    path.write_bytes(png_bytes(arr))
    value = {"numpy": arr, "pil": PIL.Image.fromarray(arr), "path": str(path)}[given]
    sess, img, w = one(type=kind, format="png")
    sess.set(img, value)
    got = sess.get(img)
    if kind == "numpy":
        assert isinstance(got, np.ndarray) and got.dtype == np.uint8 and got.shape == (6, 8, 3)
        assert (got == arr).all()
    elif kind == "pil":
        assert isinstance(got, PIL.Image.Image) and got.mode == "RGB" and got.size == (8, 6)
        assert (np.array(got) == arr).all()
    else:
        assert isinstance(got, str) and os.path.isfile(got)
        assert (np.array(PIL.Image.open(got)) == arr).all()
        # as Gradio's cache: a copy in the session's folder (a given file keeps its name)
        assert Path(w.folder) in Path(got).parents
        if given == "path":
            assert Path(got).name == "in.png" and got != str(path)
    sess.close()


def test_bytes_are_png_and_travel_as_a_binary_buffer():
    sess, img, w = one(format="png")
    assert isinstance(w, ImageWidget) and w.data == b""
    sess.set(img, pixels())
    assert isinstance(w.data, bytes) and w.data.startswith(PNG_MAGIC)
    assert w.mime == "image/png"
    state = w.get_state()
    _, _, buffers = ipywidgets.widgets.widget._remove_buffers(state)
    assert any(bytes(b).startswith(PNG_MAGIC) for b in buffers)  # a buffer, not base64 text
    assert "data" not in w.value  # the kernel's payload holds the path, not the bytes twice
    sess.set(img, None)
    assert w.data == b"" and sess.get(img) is None


def test_default_format_is_gradios_webp():
    sess, img, w = one()
    sess.set(img, pixels())
    assert w.data[8:12] == b"WEBP" and w.mime == "image/webp"


def test_image_mode_and_grayscale():
    arr = pixels()
    sess, img, _ = one(image_mode="L", format="png")
    sess.set(img, arr)
    got = sess.get(img)
    assert got.shape == (6, 8) and got.dtype == np.uint8
    sess2, img2, _ = one(image_mode="RGBA", type="pil", format="png")
    sess2.set(img2, arr)
    assert sess2.get(img2).mode == "RGBA"


def test_float_array_is_scaled():
    sess, img, _ = one(format="png")
    sess.set(img, np.ones((2, 2, 3), dtype=float))
    assert (sess.get(img) == 255).all()


def test_urls_and_missing_files_kept():
    # A URL is kept, unfetched (tests/test_media_values.py)
    assert Image("https://example.com/cat.png").value["path"] == "https://example.com/cat.png"
    # As Gradio: the app builds and shows no image; reading the file is what fails.
    with gr.Blocks() as demo:
        img = Image("/no/such/file.png")
    view = demo.session().widget(img)
    assert view.value["path"] == "/no/such/file.png" and view.data == b""
    with pytest.raises(ValueError, match="type"):
        Image(type="bytes")


def test_function_returns_each_type():
    arr = pixels()
    seen = []
    with gr.Blocks() as demo:
        src = Image(format="png")
        outs = [Image(type="numpy", format="png"), Image(type="pil", format="png")]
        btn = gr.Button()
        btn.click(lambda a: (a, PIL.Image.fromarray(a)), src, outs)
        outs[0].change(lambda a: seen.append(a.shape), outs[0], None)
    sess = demo.session()
    sess.set(src, arr)
    sess.click(btn)
    assert (sess.get(outs[0]) == arr).all() and (np.array(sess.get(outs[1])) == arr).all()
    assert seen == [(6, 8, 3)]


def test_upload_from_the_page_fires_upload_and_change():
    events = []
    with gr.Blocks() as demo:
        img = Image(type="numpy")
        img.upload(lambda a: events.append(("upload", a.shape)), img, None)
        img.change(lambda a: events.append(("change", None if a is None else a.shape)), img, None)
        img.clear(lambda: events.append(("clear",)), None, None)
    sess = demo.session()
    w = sess.widget(img)
    data = png_bytes(pixels())
    upload(w, "b1", "../../cat.png", data)
    path = w.value["path"]
    assert Path(w.folder) in Path(path).parents and Path(path).name == "cat.png"
    assert Path(path).read_bytes() == data and w.data == data
    assert ("upload", (6, 8, 3)) in events and ("change", (6, 8, 3)) in events
    assert (sess.get(img) == pixels()).all()
    events.clear()
    w._handle_custom_msg({"event": "clear"}, [])
    assert sess.get(img) is None and w.data == b""
    assert ("clear",) in events and ("change", None) in events


def test_a_webcam_photo_changes_the_value_without_an_upload_event():
    """The page's webcam photo (an upload marked ``"source": "webcam"``) sets the value, and
    fires change but not upload, as Gradio's page sets a captured photo."""
    events = []
    with gr.Blocks() as demo:
        img = Image(type="numpy", webcam_options=gr.WebcamOptions(mirror=False, constraints={"video": {"width": 640}}))
        img.upload(lambda a: events.append("upload"), img, None)
        img.change(lambda a: events.append(("change", a.shape)), img, None)
    sess = demo.session()
    w = sess.widget(img)
    assert (w.upload, w.webcam, w.clipboard, w.mirror) == (True, True, True, False)
    assert w.webcam_constraints == {"video": {"width": 640}}
    data = png_bytes(pixels())
    w._handle_custom_msg({"event": "upload", "batch": "cam", "index": 0, "count": 1, "name": "image.png",
                          "type": "image/png", "done": True, "source": "webcam"}, [memoryview(data)])
    assert events == [("change", (6, 8, 3))] and w.data == data


def test_the_sources_reach_the_page():
    """The toolbar the page draws: the sources given, in their widget's flags."""
    _, _, w = one(sources=["clipboard"], interactive=True)
    assert (w.upload, w.webcam, w.clipboard, w.mirror, w.webcam_constraints) == (False, False, True, True, {})


def test_uploads_refused_when_not_interactive():
    with gr.Blocks() as demo:
        img = Image(interactive=False)
    sess = demo.session()
    w = sess.widget(img)
    upload(w, "b", "x.png", png_bytes(pixels()))
    w._handle_custom_msg({"event": "clear"}, [])
    assert w.value is None and w._folder is None


def test_select_gives_pixel_coordinates():
    got = []
    with gr.Blocks() as demo:
        img = Image(pixels(), format="png")

        def on_select(evt: SelectData):
            got.append((evt.index, evt.value))

        img.select(on_select, None, None)
    sess = demo.session()
    w = sess.widget(img)
    w._handle_custom_msg({"event": "select", "data": {"index": [3, 2], "value": None}}, [])
    sess.trigger(img, "select", {"index": [1, 5], "value": None})
    assert got == [([3, 2], None), ([1, 5], None)]


def test_temp_files_removed_when_session_closes():
    sess, img, w = one(format="png")
    sess.set(img, pixels())
    upload(w, "b", "a.png", png_bytes(pixels()))
    folder = w.folder
    assert os.path.isdir(folder)
    sess.close()
    assert not os.path.exists(folder)


def test_sessions_have_separate_folders_and_default_value():
    with gr.Blocks() as demo:
        img = Image(pixels(), format="png")
    s1, s2 = demo.session(), demo.session()
    w1, w2 = s1.widget(img), s2.widget(img)
    assert w1.folder != w2.folder
    assert w1.data.startswith(PNG_MAGIC) and w1.data == w2.data
    assert (s1.get(img) == pixels()).all()


def test_update_props():
    with gr.Blocks() as demo:
        img = Image(height=200, label="Pic")
        btn = gr.Button()
        btn.click(lambda: gr.update(label="New", height="50%", interactive=False), None, img)
    sess = demo.session()
    w = sess.widget(img)
    assert w.height == "200px" and w.label == "Pic"
    sess.click(btn)
    assert w.height == "50%" and w.label == "New" and w.disabled


def test_a_returned_path_must_be_one_gradio_would_serve(tmp_path) -> None:
    """A function may return files in the working directory or the temp folder, or under
    launch(allowed_paths=); another path fails with Gradio's message, the image unchanged."""
    import shutil
    import tempfile

    outside = Path(tempfile.mkdtemp(dir="/var/tmp")) / "secret.png"
    try:
        PIL.Image.fromarray(pixels()).save(outside)
        with gr.Blocks() as demo:
            img = Image(format="png")
            btn = gr.Button()
            btn.click(lambda: str(outside), None, img)
        sess = demo.session()
        sess.click(btn)
        assert sess.get(img) is None
        assert len(sess.errors) == 1 and "Cannot move" in sess.errors[0].message
        assert "allowed_paths parameter of launch()" in sess.errors[0].message
        demo.allowed_paths = [str(outside.parent)]
        sess.click(btn)
        assert sess.get(img).shape == (6, 8, 3) and len(sess.errors) == 1
        sess.close()
    finally:
        shutil.rmtree(outside.parent)


def test_frames_shown_are_written_to_a_file_only_when_read() -> None:
    """A generator's frames cost no file, and each image shown is a new value (two clicks
    showing frames of one name fire change twice); reading the value writes the shown one,
    once, in the widget's folder."""
    frames = [np.full((4, 4, 3), i * 40, np.uint8) for i in range(5)]
    changes = []
    with gr.Blocks() as demo:
        img = Image(format="png", type="filepath")
        btn = gr.Button()

        def stream():
            yield from frames

        btn.click(stream, None, img)
        again = gr.Button()
        again.click(lambda: frames[1], None, img)
        img.change(lambda: changes.append(1), None, None)
    sess = demo.session()
    widget = sess.widget(img)
    sess.click(again)
    sess.click(btn)
    assert len(changes) == 2
    written = lambda: [p for p in Path(widget.folder).rglob("*") if p.is_file()]  # noqa: E731
    assert written() == []
    path = sess.get(img)
    assert written() == [Path(path)] and np.array(PIL.Image.open(path))[0, 0, 0] == 160
    assert sess.get(img) == path and len(written()) == 1
    sess.close()
