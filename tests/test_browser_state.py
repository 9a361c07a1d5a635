"""gr.BrowserState: headless sessions, JSON-only values, and the page's restore path."""

from __future__ import annotations

import json
import warnings

import pydantic
import pytest

import gradio_nb as gr
from gradio_nb.inspection import deep_size, format_size
from gradio_nb.session import Session
from gradio_nb.storage import BrowserStorage


class Prefs(pydantic.BaseModel):
    theme: str
    size: int = 12


class Opaque:
    pass


def restore(sess: Session, values: dict[str, str | None]) -> None:
    """What the page sends when the app's view is drawn: the values localStorage kept."""
    sess.browser_storage._message(None, {"op": "restore", "values": values}, None)


def _notes_app(storage_key=None):
    """The guide's pattern: a load event shows the kept value; buttons write it."""
    loads = []
    changes = []
    with gr.Blocks(title="Notes") as demo:
        saved = gr.BrowserState({"n": 0}, storage_key=storage_key)
        box = gr.Textbox()
        bump = gr.Button("bump")
        read = gr.Button("read")

        def on_load(value):
            loads.append(value)
            return json.dumps(value)

        demo.load(on_load, saved, box)
        saved.change(lambda value: changes.append(value), saved, None)
        bump.click(lambda value: {"n": value["n"] + 1}, saved, saved)
        read.click(lambda value: json.dumps(value), saved, box)
    return demo, saved, box, bump, read, loads, changes


# -- headless sessions --------------------------------------------------------------------------
def test_headless_session_runs_load_at_once_with_default():
    demo, saved, box, bump, read, loads, changes = _notes_app("notes")
    sess = demo.session()
    assert loads == [{"n": 0}]
    assert sess.get(box) == '{"n": 0}'
    assert sess.get(saved) == {"n": 0}


def test_headless_writes_and_reads_back():
    demo, saved, box, bump, read, loads, changes = _notes_app("notes")
    sess = demo.session()
    sess.click(bump)
    sess.click(bump)
    sess.click(read)
    assert sess.get(box) == '{"n": 2}'
    assert sess.errors == []


def test_none_reaches_function_as_default_value():
    with gr.Blocks() as demo:
        saved = gr.BrowserState(["default"], storage_key="k")
        box = gr.Textbox()
        wipe = gr.Button("wipe")
        read = gr.Button("read")
        wipe.click(lambda: None, None, saved)
        read.click(lambda value: repr(value), saved, box)
    sess = demo.session()
    sess.click(wipe)
    sess.click(read)
    assert sess.get(box) == "['default']"


def test_pydantic_model_is_stored_as_dict():
    with gr.Blocks() as demo:
        saved = gr.BrowserState(None, storage_key="prefs")
        btn = gr.Button("save")
        btn.click(lambda: Prefs(theme="dark"), None, saved)
    sess = demo.session()
    sess.click(btn)
    value = sess.get(saved)
    assert type(value) is dict
    assert value == {"theme": "dark", "size": 12}


def test_pydantic_default_is_stored_as_dict():
    state = gr.BrowserState(Prefs(theme="light"), storage_key="prefs", render=False)
    assert state.default_value == {"theme": "light", "size": 12}


@pytest.mark.parametrize("bad", [{1, 2}, (1, 2), Opaque()], ids=["set", "tuple", "object"])
def test_non_json_value_fails_and_writes_nothing(bad):
    with gr.Blocks() as demo:
        saved = gr.BrowserState([1], storage_key="prefs")
        box = gr.Textbox("untouched")
        btn = gr.Button("save")
        btn.click(lambda: (bad, "written"), None, [saved, box])
    sess = demo.session()
    sess.click(btn)
    assert len(sess.errors) == 1
    message = sess.errors[0].message
    assert "gr.BrowserState" in message
    assert "'prefs'" in message
    assert sess.get(saved) == [1]
    assert sess.get(box) == "untouched"
    [record] = sess.history
    assert (record.status, record.changes) == ("error", ())


def test_non_json_error_names_default_storage_key():
    with gr.Blocks(title="Notes") as demo:
        saved = gr.BrowserState([], storage_key=None)
        btn = gr.Button("save")
        btn.click(lambda: {1, 2}, None, saved)
    sess = demo.session()
    sess.click(btn)
    assert len(sess.errors) == 1
    assert "gr.BrowserState" in sess.errors[0].message
    assert "Notes:saved" in sess.errors[0].message


def test_non_json_value_not_sent_to_page():
    with gr.Blocks() as demo:
        saved = gr.BrowserState(0, storage_key="n")
        box = gr.Textbox()
        btn = gr.Button()
        btn.click(lambda: ({1}, "x"), None, [saved, box])
    sess = Session(demo, page=True)
    restore(sess, {})
    sess.click(btn)
    assert sess.browser_storage.stored == {}
    assert (sess.get(saved), sess.get(box)) == (0, "")
    assert len(sess.errors) == 1


def test_non_json_default_raises_at_construction():
    with pytest.raises(TypeError, match=r"gr\.BrowserState"):
        gr.BrowserState({1, 2}, storage_key="bad", render=False)


# -- the page path ------------------------------------------------------------------------------
def test_page_session_waits_for_restore_before_load():
    demo, saved, box, bump, read, loads, changes = _notes_app()
    sess = Session(demo, page=True)
    assert loads == []
    assert sess.history == []
    assert sess.get(box) == ""


def test_page_session_has_storage_widget_with_default_key():
    demo, saved, box, bump, read, loads, changes = _notes_app()
    sess = Session(demo, page=True)
    assert isinstance(sess.browser_storage, BrowserStorage)
    assert sess.browser_storage.storage_keys == ["Notes:saved"]


def test_storage_widget_uses_explicit_storage_key():
    demo, saved, box, bump, read, loads, changes = _notes_app("my-notes")
    sess = Session(demo, page=True)
    assert sess.browser_storage.storage_keys == ["my-notes"]


def test_restore_runs_load_once_with_restored_value():
    demo, saved, box, bump, read, loads, changes = _notes_app()
    sess = Session(demo, page=True)
    restore(sess, {"Notes:saved": '{"n": 5}'})
    assert loads == [{"n": 5}]
    assert sess.get(box) == '{"n": 5}'
    assert sess.get(saved) == {"n": 5}


def test_second_restore_is_ignored():
    demo, saved, box, bump, read, loads, changes = _notes_app()
    sess = Session(demo, page=True)
    restore(sess, {"Notes:saved": '{"n": 5}'})
    restore(sess, {"Notes:saved": '{"n": 9}'})
    assert loads == [{"n": 5}]
    assert sess.get(saved) == {"n": 5}


def test_restore_with_no_kept_value_uses_default():
    demo, saved, box, bump, read, loads, changes = _notes_app()
    sess = Session(demo, page=True)
    restore(sess, {"Notes:saved": None})
    assert loads == [{"n": 0}]
    assert sess.get(saved) == {"n": 0}


def test_restore_with_invalid_json_warns_and_keeps_default():
    demo, saved, box, bump, read, loads, changes = _notes_app()
    sess = Session(demo, page=True)
    with pytest.warns(UserWarning, match="not JSON"):
        restore(sess, {"Notes:saved": "{not json"})
    assert loads == [{"n": 0}]
    assert sess.get(saved) == {"n": 0}


def test_restore_does_not_fire_change():
    demo, saved, box, bump, read, loads, changes = _notes_app()
    sess = Session(demo, page=True)
    restore(sess, {"Notes:saved": '{"n": 5}'})
    assert changes == []
    assert [r.function for r in sess.history] == ["on_load"]


def test_restore_is_not_sent_back_to_page():
    demo, saved, box, bump, read, loads, changes = _notes_app()
    sess = Session(demo, page=True)
    restore(sess, {"Notes:saved": '{"n": 5}'})
    assert sess.browser_storage.stored == {}


def test_event_write_is_stored_as_json_text():
    demo, saved, box, bump, read, loads, changes = _notes_app()
    sess = Session(demo, page=True)
    restore(sess, {"Notes:saved": '{"n": 5}'})
    sess.click(bump)
    assert sess.browser_storage.stored == {"Notes:saved": '{"n": 6}'}
    assert changes == [{"n": 6}]


def test_pydantic_write_is_stored_as_json_text():
    with gr.Blocks(title="App") as demo:
        prefs = gr.BrowserState(None)
        btn = gr.Button("save")
        btn.click(lambda: Prefs(theme="dark", size=14), None, prefs)
    sess = Session(demo, page=True)
    restore(sess, {})
    sess.click(btn)
    assert json.loads(sess.browser_storage.stored["App:prefs"]) == {"theme": "dark", "size": 14}


def test_restore_ignored_after_close():
    demo, saved, box, bump, read, loads, changes = _notes_app()
    sess = Session(demo, page=True)
    storage = sess.browser_storage
    sess.close()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        storage._message(None, {"op": "restore", "values": {"Notes:saved": '{"n": 5}'}}, None)
    assert loads == []


def test_inspector_marks_browser_state():
    demo, saved, box, bump, read, loads, changes = _notes_app("notes")
    sess = demo.session()
    sess.click(bump)
    [row] = sess.inspector().states
    assert row == {
        "name": "saved",
        "type": "dict",
        "value": "{'n': 1}",
        "size": format_size(deep_size({"n": 1})),
        "kind": "browser",
    }


def test_none_gives_each_session_its_own_copy_of_the_default():
    default = []
    with gr.Blocks() as demo:
        kept = gr.BrowserState(default, storage_key="list")
        clear = gr.Button("clear")
        add = gr.Button("add")
        clear.click(lambda: None, None, kept)

        def append(items):
            items.append(1)
            return items

        add.click(append, kept, kept)
    first, second = demo.session(), demo.session()
    for sess in (first, second):
        sess.click(clear)
        sess.click(add)
    assert first.get(kept) == [1] and second.get(kept) == [1]
    assert default == [] and demo.blocks[kept._id].default_value == []


def test_a_driver_call_before_the_page_answers_runs_load_first():
    order = []
    with gr.Blocks() as demo:
        kept = gr.BrowserState("saved?", storage_key="k")
        btn = gr.Button("go")
        demo.load(lambda v: order.append(("load", v)), kept, None)
        btn.click(lambda: order.append(("click",)), None, None)
    sess = Session(demo, page=True)
    assert order == []
    sess.click(btn)
    assert order == [("load", "saved?"), ("click",)]
    restore(sess, {"k": '"kept"'})
    assert order == [("load", "saved?"), ("click",)]  # load ran once
    assert sess.get(kept) == "kept"
