"""gr.Model3D: paths in and out (copies, as Gradio's cache), the model's bytes and the files a
.gltf refers to sent to the page as binary buffers, the three.js bundle (a shared Library
model), uploads from the page, clear, events, bad values, updates, cleanup at close."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import ipywidgets
import pytest

import gradio_nb as gr
from gradio_nb.components.model3d import THREE_KEY, Model3D, Model3DWidget, library_code
from gradio_nb.media import get_model3d

GLB_MAGIC = b"glTF"


def upload(widget, batch, name, data, chunk=100):
    """Send one file as the page does: one message per chunk, each with a binary buffer."""
    chunks = [data[i : i + chunk] for i in range(0, len(data), chunk)] or [b""]
    for n, part in enumerate(chunks):
        content = {"event": "upload", "batch": batch, "index": 0, "count": 1, "name": name, "type": "",
                   "size": len(data), "done": n == len(chunks) - 1}
        widget._handle_custom_msg(content, [memoryview(part)])


def one(value=None, **kwargs):
    with gr.Blocks() as demo:
        model = Model3D(value, **kwargs)
    sess = demo.session()
    return sess, model, sess.widget(model)


@pytest.mark.parametrize("name", ["Duck.glb", "Bunny.obj", "Fox.gltf", "face.obj", "sofia.stl"])
def test_default_sample_is_received_as_a_copy_and_sent_as_a_buffer(name):
    source = get_model3d(name)
    sess, model, w = one(source, interactive=True)
    got = sess.get(model)
    assert isinstance(got, str) and got != source and Path(got).name == name
    assert Path(w.folder) in Path(got).parents  # the session's own copy, as Gradio's cache
    assert Path(got).read_bytes() == Path(source).read_bytes()
    assert isinstance(w, Model3DWidget) and w.name == name and w.message == ""
    assert w.data == Path(source).read_bytes()
    _, _, buffers = ipywidgets.widgets.widget._remove_buffers(w.get_state())
    assert any(bytes(b) == w.data for b in buffers)  # a binary buffer, not base64 text
    assert "data" not in json.dumps(w.value)
    sess.close()
    assert not os.path.exists(w.folder)


def test_returned_path_is_copied_and_none_clears(tmp_path):
    src = tmp_path / "shape.stl"
    src.write_bytes(Path(get_model3d("sofia.stl")).read_bytes())
    with gr.Blocks() as demo:
        out = Model3D()
        as_path = gr.Button()
        as_str = gr.Button()
        none = gr.Button()
        as_path.click(lambda: src, None, out)
        as_str.click(lambda: str(src), None, out)
        none.click(lambda: None, None, out)
    sess = demo.session()
    w = sess.widget(out)
    sess.click(as_path)
    first = sess.get(out)
    assert Path(first).name == "shape.stl" and first != str(src) and Path(w.folder) in Path(first).parents
    sess.click(as_str)
    second = sess.get(out)
    assert second != first and Path(second).read_bytes() == src.read_bytes()
    sess.click(none)
    assert sess.get(out) is None and w.data == b"" and w.name == ""
    assert sess.errors == []


def test_a_value_received_and_returned_is_passed_on():
    with gr.Blocks() as demo:
        src = Model3D(get_model3d("Duck.glb"))
        out = Model3D()
        btn = gr.Button()
        got = []
        btn.click(lambda p: got.append(p) or p, src, out)
    sess = demo.session()
    sess.click(btn)
    assert got and Path(got[0]).name == "Duck.glb"
    assert Path(sess.get(out)).name == "Duck.glb"
    assert sess.widget(out).data.startswith(GLB_MAGIC)


def test_gltf_external_files_travel_as_buffers_and_are_copied(tmp_path):
    folder = tmp_path / "model"
    (folder / "tex").mkdir(parents=True)
    (folder / "mesh data.bin").write_bytes(b"\x01\x02\x03\x04")
    (folder / "tex" / "skin.png").write_bytes(b"\x89PNGfake")
    (tmp_path / "secret.bin").write_bytes(b"secret")
    doc = {
        "asset": {"version": "2.0"},
        "buffers": [{"uri": "mesh%20data.bin", "byteLength": 4}, {"uri": "../secret.bin", "byteLength": 6},
                    {"uri": "data:application/octet-stream;base64,AAAA", "byteLength": 3},
                    {"uri": "https://example.com/x.bin", "byteLength": 1}],
        "images": [{"uri": "tex/skin.png"}, {"uri": "missing.png"}],
    }
    (folder / "scene.gltf").write_text(json.dumps(doc))
    sess, model, w = one(str(folder / "scene.gltf"))
    # only files beside the model, read by their URI as written; nothing outside its folder
    assert w.resources == {"mesh%20data.bin": b"\x01\x02\x03\x04", "tex/skin.png": b"\x89PNGfake"}
    _, _, buffers = ipywidgets.widgets.widget._remove_buffers(w.get_state())
    assert any(bytes(b) == b"\x89PNGfake" for b in buffers)
    copy = Path(sess.get(model))
    assert (copy.parent / "mesh data.bin").read_bytes() == b"\x01\x02\x03\x04"
    assert (copy.parent / "tex" / "skin.png").is_file()
    assert not (copy.parent.parent / "secret.bin").exists()


def test_splats_are_kept_but_not_drawn(tmp_path):
    splat = tmp_path / "room.splat"
    splat.write_bytes(b"\x00" * 32)
    sess, model, w = one(str(splat))
    assert Path(sess.get(model)).name == "room.splat"
    assert w.data == b"" and "not drawn here" in w.message
    gaussian = tmp_path / "g.ply"
    gaussian.write_bytes(b"ply\nformat binary_little_endian 1.0\nelement vertex 1\nproperty float x\n"
                         b"property float f_dc_0\nend_header\n" + b"\x00" * 8)
    sess.set(model, str(gaussian))
    assert w.data == b"" and "Gaussian splats" in w.message
    mesh = tmp_path / "tri.ply"
    mesh.write_bytes(b"ply\nformat ascii 1.0\nelement vertex 3\nproperty float x\nproperty float y\nproperty float z\n"
                     b"element face 1\nproperty list uchar int vertex_indices\nend_header\n0 0 0\n1 0 0\n0 1 0\n3 0 1 2\n")
    sess.set(model, str(mesh))
    assert w.message == "" and w.data == mesh.read_bytes()


def test_missing_file_is_kept_with_a_note():
    # As Gradio: the value keeps the path; the page has nothing to draw; reading it is an error.
    sess, model, w = one("/no/such/model.obj")
    assert w.value["path"] == "/no/such/model.obj"
    assert w.data == b"" and "not found" in w.message
    with pytest.raises(FileNotFoundError, match="No such file or directory: '/no/such/model.obj'"):
        sess.get(model)


def test_bad_values_are_errors_naming_the_component():
    assert Model3D("https://example.com/model.glb").value["path"] == "https://example.com/model.glb"  # kept, unfetched
    with pytest.raises(gr.Error, match="Model3D.*display_mode"):
        Model3D(display_mode="shaded")
    with pytest.raises(gr.Error, match="Model3D.*camera_position"):
        Model3D(camera_position=(1, 2))
    with pytest.raises(gr.Error, match="Model3D.*clear_color"):
        Model3D(clear_color=("red",))
    with gr.Blocks() as demo:
        out = Model3D()
        btn = gr.Button()
        url = gr.Button()
        btn.click(lambda: 5, None, out)
        url.click(lambda: "http://example.com/a.obj", None, out)
    sess = demo.session()
    sess.click(btn)
    # Gradio's message for a value that is not a path, naming the component
    assert "a `model3d` component" in sess.errors[-1].message
    assert "Expected a `str | Path | None`" in sess.errors[-1].message
    sess.click(url)  # a URL is kept, unfetched; a function reading it gets a gr.Error (tests/test_media_values.py)
    assert len(sess.errors) == 1 and sess.widget(out).src == "http://example.com/a.obj"
    with pytest.raises(gr.Error, match="Model3D: cannot give the function 'http://example.com/a.obj'"):
        sess.get(out)


def test_upload_from_the_page_fires_upload_and_change():
    with gr.Blocks() as demo:
        model = Model3D(interactive=True, label="Model")
        log = gr.State([])
        model.upload(lambda p, seen: seen + [["upload", Path(p).name, Path(p).read_bytes()[:5].decode()]],
                     [model, log], log)
        model.change(lambda p, seen: seen + [["change", p and Path(p).name]], [model, log], log)
    sess = demo.session()
    w = sess.widget(model)
    data = Path(get_model3d("sofia.stl")).read_bytes()
    upload(w, "b1", "part.stl", data)
    got = sess.get(model)
    assert Path(got).name == "part.stl" and Path(got).read_bytes() == data
    assert Path(w.folder) in Path(got).parents
    assert w.data == data and w.name == "part.stl"
    assert sorted(map(tuple, sess.get(log))) == [("change", "part.stl"), ("upload", "part.stl", "solid")]


def test_upload_of_another_type_is_refused():
    sess, model, w = one(interactive=True, label="Scan")
    upload(w, "b1", "notes.txt", b"hello")
    assert sess.get(model) is None
    assert "Model3D 'Scan': Invalid file type: notes.txt" in sess.errors[-1].message


def test_uploads_refused_when_not_interactive():
    with gr.Blocks() as demo:
        model = Model3D(interactive=False)
    sess = demo.session()
    w = sess.widget(model)
    upload(w, "b1", "part.stl", b"solid x\nendsolid x\n")
    assert sess.get(model) is None and w.data == b""


def test_clear_from_the_page_fires_clear_and_change():
    with gr.Blocks() as demo:
        model = Model3D(get_model3d("Bunny.obj"), interactive=True)
        log = gr.State([])
        model.clear(lambda seen: seen + ["clear"], log, log)
        model.change(lambda p, seen: seen + [["change", p]], [model, log], log)
    sess = demo.session()
    w = sess.widget(model)
    w._handle_custom_msg({"event": "clear"}, [])
    assert sess.get(model) is None and w.data == b""
    assert sorted(map(str, sess.get(log))) == ["['change', None]", "clear"]


def test_events_by_trigger():
    with gr.Blocks() as demo:
        model = Model3D(get_model3d("Duck.glb"))
        log = gr.State([])
        for event in ("upload", "clear", "edit", "change"):
            getattr(model, event)(lambda seen, event=event: seen + [event], log, log)
    sess = demo.session()
    for event in ("upload", "clear", "edit", "change"):
        sess.trigger(model, event)
    assert sess.get(log) == ["upload", "clear", "edit", "change"]
    with pytest.raises(ValueError, match="no 'select' event"):
        sess.trigger(model, "select")
    assert Model3D.EVENTS == ("change", "upload", "edit", "clear")


def test_props_reach_the_widget_and_updates_change_them():
    with gr.Blocks() as demo:
        model = Model3D(get_model3d("Duck.glb"), label="Duck", height=240, display_mode="wireframe",
                        clear_color=(0.2, 0.4, 0.6, 1.0), camera_position=(30, None, 5), zoom_speed=2, pan_speed=0.5)
        btn = gr.Button()
        btn.click(lambda: gr.update(display_mode="point_cloud", camera_position=(None, 45, None),
                                    clear_color=[1, 1, 1], zoom_speed=3, pan_speed=4, height="50vh",
                                    label="New", interactive=True), None, model)
    sess = demo.session()
    w = sess.widget(model)
    assert (w.label, w.height, w.display_mode, w.disabled) == ("Duck", "240px", "wireframe", True)
    assert w.clear_color == [0.2, 0.4, 0.6, 1.0] and w.camera_position == [30.0, None, 5.0]
    assert (w.zoom_speed, w.pan_speed) == (2.0, 0.5)
    sess.click(btn)
    assert (w.label, w.height, w.display_mode, w.disabled) == ("New", "50vh", "point_cloud", False)
    assert w.clear_color == [1.0, 1.0, 1.0, 1.0] and w.camera_position == [None, 45.0, None]
    assert (w.zoom_speed, w.pan_speed) == (3.0, 4.0)
    assert Path(sess.get(model)).name == "Duck.glb"  # the value untouched by a props update
    sess.close()
    with gr.Blocks() as demo2:
        plain = Model3D()
        bad = gr.Button()
        bad.click(lambda: gr.update(display_mode="shaded"), None, plain)
    sess2 = demo2.session()
    sess2.click(bad)
    assert "display_mode" in sess2.errors[-1].message
    assert sess2.widget(plain).display_mode == "solid"


def test_the_three_bundle_is_a_shared_library_module():
    _sess, _model, w = one(get_model3d("Duck.glb"))
    lib = w._library
    assert (lib.key, lib.kind) == (THREE_KEY, "module") and bytes(lib.code) == library_code()
    assert one()[2]._library is lib  # another view of the same cell shares it
    code = library_code().decode()
    # one ES module exporting what the view uses, with no import of anything else
    exports = re.search(r"export\{([^}]*)\}", code).group(1)
    names = {part.split(" as ")[-1] for part in exports.split(",")}
    view = (Path(__file__).parent.parent / "js" / "model3d.js").read_text()
    used = set(re.findall(r"\bT\.([A-Z]\w+)", view))
    assert used and used <= names
    assert not re.search(r"\bimport\s*[\"'{(]", code.replace("import.meta", ""))
    # the pinned version the page caches it under is the bundle's own
    assert f'revision:"{THREE_KEY.split(".")[1]}"' in code


def test_display_mode_default_is_solid_and_sessions_are_separate():
    with gr.Blocks() as demo:
        model = Model3D(get_model3d("face.obj"))
    one_, two = demo.session(), demo.session()
    w1, w2 = one_.widget(model), two.widget(model)
    assert w1.display_mode == "solid" and w1.clear_color == [0.0, 0.0, 0.0, 0.0]
    assert w1.folder != w2.folder and one_.get(model) != two.get(model)
