"""Sessions: isolation, lazy per-session State, lifecycle, Interface rules, layouts."""

from __future__ import annotations

import textwrap

import ipywidgets as widgets
import pytest

import gradio_nb as gr
from gradio_nb.testing import run_script

STATE_RULE = "If using 'state', there must be exactly one state input and one state output."


def _counter_app():
    with gr.Blocks() as demo:
        count = gr.State(0)
        shown = gr.Number()
        name = gr.Textbox()
        btn = gr.Button("+1")
        btn.click(lambda c: (c + 1, c + 1), count, [count, shown])
    return demo, count, shown, name, btn


# -- isolation (S7) -------------------------------------------------------------------------
def test_two_sessions_are_isolated():
    demo, count, shown, name, btn = _counter_app()
    a, b = demo.session(), demo.session()
    a.click(btn)
    a.click(btn)
    a.set(name, "only in a")
    b.click(btn)
    assert (a.get(count), a.get(shown), a.get(name)) == (2, 2, "only in a")
    assert (b.get(count), b.get(shown), b.get(name)) == (1, 1, "")
    assert count.value == 0


def test_hundred_sessions_each_clicked_i_times():
    demo, count, shown, name, btn = _counter_app()
    sessions = [demo.session() for _ in range(100)]
    for i, sess in enumerate(sessions):
        for _ in range(i):
            sess.click(btn)
    assert [s.get(count) for s in sessions] == list(range(100))
    assert [s.get(shown) for s in sessions] == list(range(100))
    assert all(s.errors == [] for s in sessions)
    for sess in sessions:
        sess.close()
    assert demo.sessions == []


def test_state_objects_never_shared_between_sessions():
    with gr.Blocks() as demo:
        items = gr.State([])
        t = gr.Textbox()
        b = gr.Button()

        def add(x, lst):
            lst.append(x)
            return lst

        b.click(add, [t, items], items)
    a, c = demo.session(), demo.session()
    a.set(t, "a")
    a.click(b)
    c.set(t, "c")
    c.click(b)
    assert a.get(items) == ["a"]
    assert c.get(items) == ["c"]
    assert items.value == []


# -- lazy State (S1, S2) --------------------------------------------------------------------
def test_state_is_copied_lazily():
    with gr.Blocks() as demo:
        s = gr.State({"big": [1, 2, 3]})
    sess = demo.session()
    name = f"state_{s._id}"
    assert name not in sess.states.values  # nothing copied before the first read
    value = sess.get(s)
    assert name in sess.states.values
    assert value == {"big": [1, 2, 3]}
    assert value is not s.value
    assert sess.get(s) is value  # one copy per session, not per read


def test_state_construction_deep_copies():
    original = {"nested": [1]}
    s = gr.State(original, render=False)
    original["nested"].append(2)
    assert s.value == {"nested": [1]}


def test_state_non_deepcopyable_raises_type_error():
    import threading

    with pytest.raises(TypeError) as info:
        gr.State(threading.Lock(), render=False)
    assert str(info.value) == (
        "The initial value of `gr.State` must be able to be deepcopied. "
        "The initial value of type <class '_thread.lock'> cannot be deepcopied."
    )


# -- callable default (S4) ------------------------------------------------------------------
def test_callable_state_default_called_per_session():
    calls = []

    def make():
        calls.append(1)
        return {"n": len(calls)}

    with gr.Blocks() as demo:
        s = gr.State(make)
    assert len(calls) == 1  # once at construction
    a = demo.session()
    b = demo.session()
    assert len(calls) == 3  # once per session
    va, vb = a.get(s), b.get(s)
    assert va is not vb
    assert va != vb
    assert len(calls) == 3  # reading again does not call it


def test_callable_state_reset_by_clear_button_holds_the_callable():
    """S22: for State(fn) the ClearButton's "default" is the callable itself."""

    def make():
        return [1]

    with gr.Blocks() as demo:
        s = gr.State(make)
        clear = gr.ClearButton(s)
    sess = demo.session()
    assert sess.get(s) == [1]
    sess.click(clear)
    assert sess.get(s) is make


# -- lifecycle ------------------------------------------------------------------------------
def test_close_calls_delete_callback_and_closes_widgets():
    deleted = []
    with gr.Blocks() as demo:
        s = gr.State([1, 2], delete_callback=lambda v: deleted.append(v))
        t = gr.Textbox()
        with gr.Row():
            b = gr.Button()
    sess = demo.session()
    value = sess.get(s)
    value.append(3)
    root = sess.view
    t_widget = sess.widget(t)
    b_widget = sess.widget(b)
    alerts = sess.view.children[0]  # the toasts' widget
    assert root.comm is not None and t_widget.comm is not None
    sess.close()
    assert len(deleted) == 1 and deleted[0] is value
    assert deleted[0] == [1, 2, 3]
    assert root.comm is None
    assert t_widget.comm is None
    assert b_widget.comm is None
    assert alerts.comm is None
    assert sess.closed
    assert sess not in demo.sessions


def test_close_runs_unload_and_is_idempotent():
    unloaded = []
    deleted = []
    with gr.Blocks() as demo:
        s = gr.State(0, delete_callback=lambda v: deleted.append(v))
        demo.unload(lambda: unloaded.append(1))
    sess = demo.session()
    sess.get(s)
    sess.close()
    sess.close()
    assert unloaded == [1]
    assert deleted == [0]


def test_closed_session_refuses_driving():
    demo, count, shown, name, btn = _counter_app()
    sess = demo.session()
    sess.close()
    with pytest.raises(RuntimeError):
        sess.click(btn)
    with pytest.raises(RuntimeError):
        sess.set(name, "x")


def test_close_all():
    demo, *_ = _counter_app()
    sessions = [demo.session() for _ in range(3)]
    assert demo.sessions == sessions
    demo.close_all()
    assert demo.sessions == []
    assert all(s.closed for s in sessions)


def test_sessions_have_distinct_widget_trees():
    demo, count, shown, name, btn = _counter_app()
    a, b = demo.session(), demo.session()
    assert a.view is not b.view
    assert a.view.model_id != b.view.model_id
    for comp in (shown, name, btn):
        assert a.widget(comp) is not b.widget(comp)
        assert a.widget(comp).model_id != b.widget(comp).model_id
    assert isinstance(a.view, widgets.Box)


def test_session_text_plain_is_stable():
    demo, *_ = _counter_app()
    a, b = demo.session(), demo.session()
    ta = a.mime_bundle()["text/plain"]
    tb = b.mime_bundle()["text/plain"]
    assert ta == tb
    assert "0x" not in ta


def test_run_script_launch_returns_headless_session(tmp_path):
    script = tmp_path / "app.py"
    script.write_text(
        textwrap.dedent(
            """
            import gradio as gr

            with gr.Blocks() as demo:
                s = gr.State(5)
                t = gr.Textbox()
                b = gr.Button()
                b.click(lambda v: f"value {v}", s, t)

            sess = demo.launch()
            """
        )
    )
    ns = run_script(script)
    assert ns["gr"] is gr
    sess = ns["sess"]
    assert isinstance(sess, gr.Session)
    sess.click(ns["b"])
    assert sess.get(ns["t"]) == "value 5"


# -- Interface "state" (S23) ----------------------------------------------------------------
def test_interface_two_state_inputs_rejected():
    with pytest.raises(ValueError) as info:
        gr.Interface(lambda a, b, c: (a, b), ["textbox", "state", "state"], ["textbox", "state"])
    assert str(info.value) == STATE_RULE


def test_interface_state_input_without_output_rejected():
    with pytest.raises(ValueError) as info:
        gr.Interface(lambda a, b: a, ["textbox", "state"], "textbox")
    assert str(info.value) == STATE_RULE


def test_interface_state_output_without_input_rejected():
    with pytest.raises(ValueError) as info:
        gr.Interface(lambda a: (a, a), "textbox", ["textbox", "state"])
    assert str(info.value) == STATE_RULE


def test_interface_state_starts_none_even_with_default_arg():
    def fn(text, state=["default"]):  # noqa: B006 - the default must be ignored (S23)
        state = (state or []) + [text]
        return " ".join(state), state

    demo = gr.Interface(fn, ["textbox", "state"], ["textbox", "state"])
    state = demo.input_components[1]
    sess = demo.session()
    assert sess.get(state) is None
    sess.set(demo.input_components[0], "x")
    submit = next(b for b in demo.blocks.values() if isinstance(b, gr.Button) and b.value == "Submit")
    sess.click(submit)
    assert sess.get(demo.output_components[0]) == "x"
    assert sess.get(state) == ["x"]


def test_interface_with_state_instances():
    st = gr.State(render=False)
    demo = gr.Interface(lambda t, s: (t, (s or 0) + 1), ["textbox", st], ["textbox", st])
    sess = demo.session()
    submit = next(b for b in demo.blocks.values() if isinstance(b, gr.Button) and b.value == "Submit")
    sess.click(submit)
    sess.click(submit)
    assert sess.get(st) == 2


def test_interface_unknown_shortcut_rejected():
    with pytest.raises(ValueError):
        gr.Interface(lambda x: x, "no-such-component", "textbox")


def test_interface_shortcuts_build_components():
    demo = gr.Interface(lambda a, b: (a, b), ["text", "number"], ["textbox", "json"])
    assert isinstance(demo.input_components[0], gr.Textbox)
    assert isinstance(demo.input_components[1], gr.Number)
    assert isinstance(demo.output_components[1], gr.JSON)


def test_interface_media_shortcuts_as_gradio_names_them():
    """The media shortcuts Interface apps use, underscores ignored as Gradio ignores them."""
    inputs = ["image", "audio", "microphone", "file", "files", "video", "playable_video", "sketchpad", "model3d"]
    outputs = ["plot", "gallery", "annotatedimage", "image_slider", "lineplot", "upload_button", "download_button", "imageeditor", "json"]
    demo = gr.Interface(lambda *a: a, inputs, outputs)
    assert [type(c).__name__ for c in demo.input_components] == [
        "Image", "Audio", "Microphone", "File", "Files", "Video", "PlayableVideo", "Sketchpad", "Model3D"]
    assert [type(c).__name__ for c in demo.output_components] == [
        "Plot", "Gallery", "AnnotatedImage", "ImageSlider", "LinePlot", "UploadButton", "DownloadButton", "ImageEditor", "JSON"]
    assert demo.input_components[2].sources == ["microphone"]


# -- layouts --------------------------------------------------------------------------------
def _contains(root, target):
    if root is target:
        return True
    return any(_contains(child, target) for child in getattr(root, "children", ()))


def test_layouts_build_into_ipywidgets_boxes():
    with gr.Blocks() as demo:
        with gr.Row() as row:
            t_row = gr.Textbox(label="in row")
            with gr.Column() as col:
                t_col = gr.Textbox(label="in column")
        with gr.Group() as group:
            t_group = gr.Textbox(label="in group")
        with gr.Tabs() as tabs:
            with gr.Tab("First") as tab1:
                t_tab1 = gr.Textbox(label="tab 1")
            with gr.Tab("Second") as tab2:
                t_tab2 = gr.Textbox(label="tab 2")
        with gr.Accordion("More", open=False) as acc:
            t_acc = gr.Textbox(label="in accordion")
    sess = demo.session()
    w = sess.widget_tree.widgets
    assert isinstance(w[row._id], widgets.HBox)
    assert isinstance(w[col._id], widgets.VBox)
    assert isinstance(w[group._id], widgets.VBox)
    assert isinstance(w[tabs._id], widgets.Tab)
    assert isinstance(w[tab1._id], widgets.Box)
    assert isinstance(w[acc._id], widgets.Accordion)
    # nesting follows the declaration; each field in the Form Gradio wraps fields in
    def in_form(field: widgets.Widget, box: widgets.Box) -> bool:
        return any("gnb-form" in c._dom_classes and field in c.children for c in box.children)

    assert in_form(w[t_row._id], w[row._id])
    assert w[col._id] in w[row._id].children
    assert in_form(w[t_col._id], w[col._id])
    assert in_form(w[t_group._id], w[group._id])
    assert list(w[tabs._id].children) == [w[tab1._id], w[tab2._id]]
    assert in_form(w[t_tab1._id], w[tab1._id])
    assert in_form(w[t_tab2._id], w[tab2._id])
    assert list(w[tabs._id].titles) == ["First", "Second"]
    assert _contains(w[acc._id], w[t_acc._id])
    assert list(w[acc._id].titles) == ["More"]
    assert w[acc._id].selected_index is None  # open=False
    # everything hangs off the session's root widget
    for comp in (t_row, t_col, t_group, t_tab1, t_tab2, t_acc):
        assert _contains(sess.view, w[comp._id])


def test_accordion_open_by_default_and_tabs_selected():
    with gr.Blocks() as demo:
        with gr.Accordion("Open") as acc:
            gr.Textbox()
        with gr.Tabs(selected=1) as tabs:
            with gr.Tab("A"):
                gr.Textbox()
            with gr.Tab("B"):
                gr.Textbox()
    sess = demo.session()
    assert sess.widget(acc).selected_index == 0
    assert sess.widget(tabs).selected_index == 1


def test_layout_children_events_work():
    with gr.Blocks() as demo:
        with gr.Row():
            with gr.Column():
                t = gr.Textbox("x")
            with gr.Column():
                out = gr.Textbox()
                b = gr.Button()
        b.click(lambda v: v * 2, t, out)
    sess = demo.session()
    sess.click(b)
    assert sess.get(out) == "xx"


def test_layout_outside_blocks_rejected():
    with pytest.raises(AttributeError):
        with gr.Row():
            pass


def test_invisible_component_hidden():
    with gr.Blocks() as demo:
        t = gr.Textbox(visible=False)
        with gr.Column(visible=False) as col:
            gr.Textbox()
    sess = demo.session()
    assert sess.widget(t).layout.display == "none"
    assert sess.widget(col).layout.display == "none"


def test_component_in_two_blocks_rejected():
    with gr.Blocks():
        t = gr.Textbox()
    with pytest.raises(ValueError):
        with gr.Blocks():
            t.render()


def test_reentering_blocks_does_not_multiply_callable_state_calls():
    """S25 (not to copy): re-entering `with demo:` must not re-attach State(fn)'s load."""
    calls = []

    def make():
        calls.append(1)
        return len(calls)

    with gr.Blocks() as demo:
        s = gr.State(make)
    with demo:
        gr.Textbox()
    with demo:
        pass
    before = len(calls)
    sess = demo.session()
    assert len(calls) - before == 1
    assert sess.get(s) == len(calls)


def test_load_sees_mount_normalised_values():
    """S24/S18: load runs after mount normalisation: an empty Number is 0, a Textbox ""."""
    got = []
    with gr.Blocks() as demo:
        n = gr.Number()
        t = gr.Textbox()
        demo.load(lambda a, b: got.append((a, b)), [n, t], None)
    demo.session()
    assert got == [(0, "")]


def test_interface_live_runs_on_change():
    demo = gr.Interface(lambda x: x.upper(), "textbox", "textbox", live=True)
    assert not any(isinstance(b, gr.Button) and b.value == "Submit" for b in demo.blocks.values())
    sess = demo.session()
    sess.set(demo.input_components[0], "abc")
    assert sess.get(demo.output_components[0]) == "ABC"


def test_state_time_to_live_expires_after_last_write():
    """S5: time_to_live counts from the last write; a sweeper (every 1 s) then calls
    delete_callback with the value and drops it; the next read re-creates the default."""
    import time

    deleted = []
    with gr.Blocks() as demo:
        s = gr.State([0], time_to_live=0.2, delete_callback=lambda v: deleted.append(v))
        untouched = gr.State("never written", time_to_live=0.2)
        b = gr.Button()

        def add(items):
            items.append(1)
            return items

        b.click(add, s, s)
    sess = demo.session()
    sess.get(untouched)
    sess.click(b)
    written = sess.get(s)
    assert written == [0, 1]
    deadline = time.monotonic() + 2.5
    while not deleted and time.monotonic() < deadline:
        time.sleep(0.05)
    assert deleted == [[0, 1]]
    assert deleted[0] is written
    assert sess.get(s) == [0]  # fresh default after expiry
    assert sess.get(untouched) == "never written"  # lazily initialised, never written


def test_shared_models_of_a_past_cell_close_with_its_last_session():
    """Each cell run makes its own shared Layout/Style/view-module models (a page reloaded
    onto the kernel must have seen them made); they are closed with the last session made in
    that cell, so re-running cells does not leak them."""
    from gradio_nb import widgets as shared_models

    def app():
        with gr.Blocks() as demo:
            box = gr.Textbox()
            gr.Chatbot()
            btn = gr.Button()
            btn.click(lambda x: x, box, box)
        return demo

    shared_models._forget_shared()  # a new cell
    sessions = []
    for _ in range(3):
        shared_models._forget_shared()
        sessions.append(app().session())
    generations = [s.widget_tree.generations[0] for s in sessions]
    made = [list(g.models) for g in generations]
    assert len({id(g) for g in generations}) == 3 and all(len(m) >= 3 for m in made)
    assert all(m.comm is not None for models in made for m in models)
    for sess in sessions[:-1]:
        sess.close()
    assert all(m.comm is None for models in made[:-1] for m in models)
    assert all(m.comm is not None for m in made[-1])  # the running cell's: still shared
    sessions[-1].close()
    assert all(m.comm is not None for m in made[-1])
    shared_models._forget_shared()  # the next cell retires them: no session uses them now
    assert all(m.comm is None for m in made[-1])
