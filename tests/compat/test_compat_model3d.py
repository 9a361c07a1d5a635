"""Compat scenarios for gr.Model3D: what a function receives from a default path and from a
value another function set, what a returned path (str or Path) reads back as, a missing file,
a value that is not a path, clear and upload events. The same interactions against real Gradio
and gradio_nb.

Temporary paths differ between the two by nature (each has its own cache), so scenarios observe
what a person's function sees of them: the file name, whether it is the very path given (Gradio
hands over a copy), and the bytes.
"""

import os
import tempfile
from pathlib import Path

import pytest

import real_gradio

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
gradio = real_gradio.require()

from harness import Scenarios

SCENARIOS = Scenarios()
scenario = SCENARIOS.scenario

OBJ = b"v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n"
STL = b"solid t\nfacet normal 0 0 1\nouter loop\nvertex 0 0 0\nvertex 1 0 0\nvertex 0 1 0\nendloop\nendfacet\nendsolid t\n"


def model_file(name, data):
    path = Path(tempfile.mkdtemp()) / name
    path.write_bytes(data)
    return str(path)


def seen(value, given=None):
    """What a function sees of a received path: its type, name, whether it is ``given``, bytes."""
    if value is None:
        return None
    if not isinstance(value, str):
        return [type(value).__name__]
    data = Path(value).read_bytes().decode() if os.path.isfile(value) else None
    return [type(value).__name__, Path(value).name, value == given, data]


@scenario(received=["str", "tri.obj", False, OBJ.decode()])
def default_path_is_received_as_a_copy(gr, driver):
    """A default value given as a path: the function receives a str path to a copy of it."""
    path = model_file("tri.obj", OBJ)
    got = []
    with gr.Blocks() as demo:
        model = gr.Model3D(path)
        btn = gr.Button()
        btn.click(lambda p: got.append(seen(p, path)), model, None)
    sess = driver.open(demo)
    sess.click(btn)
    return {"received": got[0], "get": seen(sess.get(model), path)}


@scenario(read_back=["str", "tri.stl", False, STL.decode()])
def returned_paths_read_back(gr, driver):
    """A function returning a str and a Path: each reads back as a copy with the file's name;
    another function then receives the value the first one set; None empties it."""
    path = model_file("tri.stl", STL)
    got = []
    with gr.Blocks() as demo:
        M = gr.Model3D
        a, b, c = M(), M(), M()
        fill = gr.Button()
        pass_on = gr.Button()
        empty = gr.Button()
        fill.click(lambda: (path, Path(path)), None, [a, b])
        pass_on.click(lambda p: got.append(seen(p, path)) or p, a, c)
        empty.click(lambda: None, None, a)
    sess = driver.open(demo)
    sess.click(fill)
    read_back, as_path = seen(sess.get(a), path), seen(sess.get(b), path)
    sess.click(pass_on)
    sess.click(empty)
    return {"read_back": read_back, "from_path_object": as_path, "received": got, "passed_on": seen(sess.get(c), path),
            "emptied": sess.get(a), "errors": sess.errors()}


def held_path(sess, component):
    """The path the page holds for ``component`` (not read: a missing file is an error when a
    function reads it, tests/compat/test_compat_media_values.py)."""
    inner = getattr(sess, "_sess", None)
    if inner is not None:  # gradio_nb: the widget's payload
        return inner.component(component).peek_widget(inner.widget(component))["path"]
    return sess.held[component._id]["path"]  # real Gradio: the driver's page


@scenario(errors=1)
def missing_file_and_bad_value(gr, driver):
    """A returned path to a missing file is kept as it is (no error); a number is Gradio's
    postprocess error, naming the component, and leaves the value as it was."""
    missing = str(Path(tempfile.mkdtemp()) / "gone.glb")
    with gr.Blocks() as demo:
        out = gr.Model3D()
        btn = gr.Button()
        bad = gr.Button()
        btn.click(lambda: missing, None, out)
        bad.click(lambda: 5, None, out)
    sess = driver.open(demo)
    sess.click(btn)
    kept = held_path(sess, out) == missing
    sess.click(bad)
    errors = sess.errors()
    return {"kept": kept, "after_bad": held_path(sess, out) == missing, "errors": len(errors), "message": errors[-1]}


@scenario(log=[["upload", "tri.obj"], ["clear", None]])
def upload_and_clear_events(gr, driver):
    """Listeners of upload and clear, fired as the page fires them after setting the value."""
    path = model_file("tri.obj", OBJ)
    with gr.Blocks() as demo:
        model = gr.Model3D(interactive=True)
        log = gr.State([])
        model.upload(lambda p, s: s + [["upload", Path(p).name]], [model, log], log)
        model.clear(lambda p, s: s + [["clear", p]], [model, log], log)
    sess = driver.open(demo)
    sess.set(model, path)
    sess.trigger(model, "upload")
    sess.set(model, None)
    sess.trigger(model, "clear")
    return {"log": sess.get(log), "value": sess.get(model)}


@scenario(name="tri.obj")
def change_listener_on_returned_value(gr, driver):
    """A change listener runs when a function sets the model, and receives the new path."""
    path = model_file("tri.obj", OBJ)
    with gr.Blocks() as demo:
        model = gr.Model3D()
        name = gr.Textbox()
        btn = gr.Button()
        btn.click(lambda: path, None, model)
        model.change(lambda p: Path(p).name if p else "none", model, name)
    sess = driver.open(demo)
    sess.click(btn)
    return {"name": sess.get(name)}


test_compat = SCENARIOS.test()
