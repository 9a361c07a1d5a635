"""The shared Library models views draw with (Vega, plotly.js, BokehJS, three.js): one model
per library per cell, shared by every view of that cell; a new cell makes new ones; they close
with the last session of their cell (or the last view that took one later); the code travels as
one binary buffer and is in the widget state a notebook saves; the page's ``library()``
(js/kit.js) evaluates each key once, hides or keeps a script's globals, and lets a later view
try again after a failure."""

from __future__ import annotations

import json
import shutil
import subprocess
from contextlib import contextmanager
from typing import ClassVar

import comm
import pytest
from comm.base_comm import BaseComm
from ipywidgets.embed import dependency_state

import gradio_nb as gr
from gradio_nb import widgets
from gradio_nb.components.model3d import THREE_KEY, Model3D
from gradio_nb.components.model3d import library_code as three_code
from gradio_nb.components.plot import VEGA_VERSION, Plot, library_code
from gradio_nb.media import get_model3d
from gradio_nb.widgets import JS, Library

pd = pytest.importorskip("pandas")
from gradio_nb.components.native_plot import LinePlot

FRAME = pd.DataFrame({"x": [1, 2, 3], "y": [1.0, 2.0, 3.0]})


def widget_of(sess, block):
    return sess.widget(block)


@pytest.fixture(autouse=True)
def fresh_cell():
    """Each test starts as a new cell's run: no shared models left from another test."""
    widgets._forget_shared()
    yield
    widgets._forget_shared()


def app():
    with gr.Blocks() as demo:
        one = LinePlot(FRAME, x="x", y="y")
        two = LinePlot(FRAME, x="y", y="x")
        model = Model3D(get_model3d("Duck.glb"))
    return demo, one, two, model


def test_views_of_a_cell_share_one_library_model_per_key():
    demo, one, two, model = app()
    sess = demo.session()
    a, b, m = widget_of(sess, one), widget_of(sess, two), widget_of(sess, model)
    assert isinstance(a._library, Library) and a._library is b._library
    assert (a._library.key, a._library.kind, a._library.globals, a._library.keep_globals) == (
        VEGA_VERSION, "script", ["vega", "vegaLite", "vegaEmbed"], False)
    assert bytes(a._library.code) == library_code("vega")
    assert (m._library.key, m._library.kind) == (THREE_KEY, "module") and bytes(m._library.code) == three_code()
    again = demo.session()  # a second session of the same cell: the same models
    assert widget_of(again, one)._library is a._library and widget_of(again, model)._library is m._library
    assert widgets.is_shared(a._library) and widgets.is_shared(m._library)
    sess.close()
    again.close()


def test_a_new_cell_makes_new_models_and_the_old_close_with_their_last_session():
    demo, one, _two, model = app()
    first, second = demo.session(), demo.session()
    old_vega, old_three = widget_of(first, one)._library, widget_of(first, model)._library
    widgets._forget_shared()  # the next cell runs
    third = demo.session()
    new_vega, new_three = widget_of(third, one)._library, widget_of(third, model)._library
    assert new_vega is not old_vega and new_three is not old_three and new_vega.key == old_vega.key
    first.close()
    assert old_vega.comm is not None and old_three.comm is not None  # the second session still uses them
    second.close()
    assert old_vega.comm is None and old_three.comm is None  # the cell's last session closed: so are they
    assert new_vega.comm is not None  # the new cell's stay
    third.close()
    widgets._forget_shared()
    assert new_vega.comm is None and new_three.comm is None


def test_a_library_taken_in_a_later_cell_lives_as_long_as_the_view():
    alt = pytest.importorskip("altair")
    with gr.Blocks() as demo:
        p = Plot()
    sess = demo.session()
    w = widget_of(sess, p)
    assert w._library is None and w.message == ""
    widgets._forget_shared()  # a later cell (or an event after it) shows an altair chart
    sess.set(p, alt.Chart(pd.DataFrame({"a": [1]})).mark_point().encode(x="a"))
    vega = w._library
    assert vega.key == VEGA_VERSION
    widgets._forget_shared()  # and another cell runs: the view still holds that cell's library
    assert vega.comm is not None
    sess.set(p, None)
    assert w._library is None and (w.plot_type, w.spec) == ("", "")
    sess.close()
    assert vega.comm is None


class RecordingComm(BaseComm):
    """A comm that sends nothing and records (msg_type, data, buffers) it would have sent."""

    log: ClassVar[list] = []

    def publish_msg(self, msg_type, data=None, metadata=None, buffers=None, **keys):
        RecordingComm.log.append((msg_type, data, [bytes(b) for b in buffers or []]))


@contextmanager
def recording_comms():
    original = comm.create_comm
    RecordingComm.log = []
    comm.create_comm = lambda **kwargs: RecordingComm(**kwargs)
    try:
        yield RecordingComm.log
    finally:
        comm.create_comm = original


def test_the_code_travels_once_as_a_binary_buffer():
    demo, one, _two, _model = app()
    with recording_comms() as log:
        sess = demo.session()
        libraries = [(data, buffers) for kind, data, buffers in log
                     if kind == "comm_open" and data["state"].get("_model_name") == "WidgetModel"
                     and "keep_globals" in data["state"]]
        assert sorted(d["state"]["key"] for d, _ in libraries) == sorted([VEGA_VERSION, THREE_KEY])  # once each
        for data, buffers in libraries:
            assert "code" not in data["state"] and data["buffer_paths"] == [["code"]]  # no text, no base64
            expected = library_code("vega") if data["state"]["key"] == VEGA_VERSION else three_code()
            assert buffers == [expected]
        sent = sum(len(b) for _, _, buffers in log for b in buffers)
        assert sent < len(library_code("vega")) + len(three_code()) + 200_000  # not once per view
        # the views name the model; they carry no code themselves
        ref = "IPY_MODEL_" + widget_of(sess, one)._library.model_id
        views = [d for _, d, _ in log if (d.get("state") or {}).get("_library") == ref]
        assert len(views) >= 2  # both plots (when opened, or by their first update)
        sess.close()


def test_the_libraries_are_in_the_saved_widget_state():
    demo, one, _two, model = app()
    sess = demo.session()
    vega, three = widget_of(sess, one)._library, widget_of(sess, model)._library
    # what ipywidgets' embedding saves for these views: they and the models they refer to
    state = dependency_state([widget_of(sess, one), widget_of(sess, model)])
    assert state[widget_of(sess, one).model_id]["state"]["_library"] == f"IPY_MODEL_{vega.model_id}"
    saved = state[vega.model_id]
    assert saved["state"]["key"] == VEGA_VERSION and saved["buffers"][0]["path"] == ["code"]
    assert saved["buffers"][0]["encoding"] == "base64"  # the notebook format's own encoding of buffers
    assert three.model_id in state
    sess.close()


def test_a_missing_package_gives_the_message_and_no_library(monkeypatch):
    go = pytest.importorskip("plotly.graph_objects")
    import sys

    payload = Plot().postprocess(go.Figure(go.Bar(x=[1], y=[2])))
    monkeypatch.setitem(sys.modules, "plotly", None)  # as if plotly were not installed
    with gr.Blocks() as demo:
        p = Plot(payload)
    sess = demo.session()
    w = widget_of(sess, p)
    assert w._library is None and w.plot_type == "plotly"
    assert w.message == ("Plot: drawing a plotly figure needs the plotly package in the kernel "
                         "(pip install plotly, or gradio_nb[plots]).")
    assert not any(isinstance(m, Library) and m.key.startswith("plotly") for m in widgets.current_generation().models)
    sess.close()


# -- the page side: js/kit.js's library(), under node -----------------------------------------

NODE = shutil.which("node")

LOADER_SCRIPT = r"""
import(process.argv[2]).then(async ({ library }) => {
  const models = new Map();
  const enc = (text) => { const b = new TextEncoder().encode(text); return new DataView(b.buffer); };
  const lib = (id, state) => models.set(id, { get: (k) => state[k] });
  const view = (ref) => ({
    get: (k) => (k === "_library" ? ref : undefined),
    widget_manager: { get_model: async (id) => { if (!models.has(id)) throw new Error("widget model not found"); return models.get(id); } },
  });
  globalThis.runs = 0;
  globalThis.vega = "the page's own";
  const vegaCode = "globalThis.runs += 1; globalThis.vega = {v: 1}; globalThis.vegaEmbed = () => 'embed';";
  lib("a", { key: "vega@1", kind: "script", globals: ["vega", "vegaEmbed"], keep_globals: false, code: enc(vegaCode) });
  lib("b", { key: "vega@1", kind: "script", globals: ["vega", "vegaEmbed"], keep_globals: false, code: enc(vegaCode) });
  lib("k", { key: "bokeh@2", kind: "script", globals: ["Bokeh"], keep_globals: true, code: enc("globalThis.Bokeh = {b: 2};") });
  lib("bad", { key: "plotly@3", kind: "script", globals: ["Plotly"], keep_globals: true, code: enc("throw new Error('boom')") });
  lib("good", { key: "plotly@3", kind: "script", globals: ["Plotly"], keep_globals: true, code: enc("globalThis.Plotly = 3;") });
  lib("amd", { key: "umd@1", kind: "script", globals: ["Umd"], keep_globals: false,
    code: enc("(function (root, f) { if (typeof define === 'function') define([], f); else if (typeof module === 'object') module.exports = f(); else root.Umd = f(); })(globalThis, () => 'umd');") });
  globalThis.define = (deps, f) => { throw new Error("captured by a page's define"); };
  globalThis.define.amd = true;
  const [first, second] = await Promise.all([library(view("IPY_MODEL_a")), library(view("IPY_MODEL_b"))]);
  const out = {
    runs: globalThis.runs, same: first === second, embed: first.vegaEmbed(), v: first.vega,
    restored: globalThis.vega, leaked: typeof globalThis.vegaEmbed,
  };
  out.bokeh = (await library(view("IPY_MODEL_k"))).Bokeh;
  out.kept = globalThis.Bokeh;
  out.umd = (await library(view("IPY_MODEL_amd"))).Umd;
  out.failed = await library(view("IPY_MODEL_bad")).catch((err) => err.message);
  out.retried = (await library(view("IPY_MODEL_good"))).Plotly;  // a failure is not kept: a later view tries again
  out.none = await library(view("")).catch((err) => err.message);
  out.missing = await library(view("IPY_MODEL_gone")).catch((err) => err.message);
  process.stdout.write(JSON.stringify(out));
});
"""


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_the_page_evaluates_each_library_once_per_key(tmp_path):
    script = tmp_path / "loader.cjs"
    script.write_text(LOADER_SCRIPT)
    run = subprocess.run([NODE, str(script), (JS / "kit.js").as_uri()], capture_output=True, text=True,
                         timeout=60, check=False)
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)
    assert out["runs"] == 1 and out["same"]  # two models of one key: evaluated once
    assert out["embed"] == "embed" and out["v"] == {"v": 1}
    assert out["restored"] == "the page's own" and out["leaked"] == "undefined"  # Vega's globals put back
    assert out["bokeh"] == {"b": 2} and out["kept"] == {"b": 2}  # BokehJS's kept
    assert out["umd"] == "umd"  # a UMD build defines its global even where the page has RequireJS
    assert out["failed"] == "the plotly@3 library could not be loaded: boom"
    assert out["retried"] == 3
    assert out["none"] == "the view names no library"
    assert out["missing"].startswith("its library model is missing (widget model not found")
