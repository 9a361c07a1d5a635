"""gr.Dataset, gr.Examples and Interface(examples=): headless sessions and the view's messages."""

from __future__ import annotations

from typing import Any

import pytest

import gradio_nb as gr
from gradio_nb.components.dataset import Dataset, DatasetWidget, example_text
from gradio_nb.event_data import SelectData
from gradio_nb.examples import Examples, click_example


def click_in_view(sess: Any, dataset: Dataset, index: int) -> None:
    """What the view does on a click: a message with the sample's index."""
    widget = sess.widget(dataset)
    widget._handle_custom_msg({"event": "click", "index": index}, [])


# -- Examples ---------------------------------------------------------------------------------
def test_examples_load_into_textbox_number_checkbox_dropdown():
    with gr.Blocks() as demo:
        name = gr.Textbox(label="Name")
        age = gr.Number(label="Age")
        ok = gr.Checkbox(label="OK")
        pick = gr.Dropdown(["a", "b", "c"], label="Pick")
        ex = Examples([["Ann", 30, True, "b"], ["Bob", 2.5, False, "c"]], [name, age, ok, pick])
    sess = demo.session()
    assert [sess.get(c) for c in (name, age, ok, pick)] == ["", 0, False, "a"]
    click_example(sess, ex, 1)
    assert [sess.get(c) for c in (name, age, ok, pick)] == ["Bob", 2.5, False, "c"]
    click_example(sess, ex.dataset, 0)
    assert [sess.get(c) for c in (name, age, ok, pick)] == ["Ann", 30, True, "b"]
    assert sess.get(ex.dataset) == (0, ["Ann", 30, True, "b"])  # Examples' Dataset is type="tuple"
    assert sess.errors == []


def test_click_in_the_view_loads_the_example():
    with gr.Blocks() as demo:
        text = gr.Textbox()
        ex = Examples(["first", "second", "third"], text)
    sess = demo.session()
    click_in_view(sess, ex.dataset, 2)
    assert sess.get(text) == "third"
    click_in_view(sess, ex.dataset, 99)  # not a sample: ignored
    assert sess.get(text) == "third"
    assert sess.errors == []


def test_run_on_click_runs_fn_after_loading():
    calls: list[tuple[str, float]] = []

    def fn(text: str, num: float) -> str:
        calls.append((text, num))
        return f"{text}={num}"

    with gr.Blocks() as demo:
        text = gr.Textbox()
        num = gr.Number()
        out = gr.Textbox()
        ex = Examples([["x", 1], ["y", 2.5]], [text, num], out, fn=fn, run_on_click=True)
        plain = Examples([["z", 3]], [text, num], out, fn=fn)  # no run_on_click: loads only
    sess = demo.session()
    click_example(sess, ex, 1)
    assert calls == [("y", 2.5)]
    assert sess.get(out) == "y=2.5"
    click_example(sess, plain, 0)
    assert calls == [("y", 2.5)]
    assert (sess.get(text), sess.get(out)) == ("z", "y=2.5")
    assert ex.load_input_event is not None and ex.load_input_event.on_then


def test_run_on_click_needs_fn():
    with gr.Blocks():
        text = gr.Textbox()
        with pytest.raises(ValueError, match="run_on_click"):
            Examples([["x"]], [text], run_on_click=True)


def test_cache_examples_runs_fn_on_click_and_preloads():
    with gr.Blocks() as demo:
        text = gr.Textbox()
        out = gr.Textbox()
        Examples([["ab"], ["cd"]], [text], out, fn=str.upper, cache_examples=True)
    sess = demo.session()
    assert (sess.get(text), sess.get(out)) == ("ab", "AB")  # example 0 shown at load, as Gradio's cache
    ex = next(b for b in demo.blocks.values() if isinstance(b, Dataset))
    click_example(sess, ex, 1)
    assert (sess.get(text), sess.get(out)) == ("cd", "CD")


def test_cache_examples_needs_fn_and_outputs():
    with gr.Blocks():
        text = gr.Textbox()
        with pytest.raises(ValueError, match="`fn` and `outputs` must be provided"):
            Examples([["x"]], [text], cache_examples=True)
        with pytest.raises(ValueError, match="True or False"):
            Examples([["x"]], [text], cache_examples="yes")


def test_examples_give_back_declared_props():
    with gr.Blocks() as demo:
        text = gr.Textbox(label="Original")
        ex = Examples(["hi"], text)
        btn = gr.Button()
        btn.click(lambda: gr.update(label="Changed"), None, text)
    sess = demo.session()
    sess.click(btn)
    assert sess.widget(text).label == "Changed"
    click_example(sess, ex, 0)
    assert sess.widget(text).label == "Original"  # as Gradio's update(value=..., **props)
    assert sess.get(text) == "hi"


def test_inputs_without_examples_are_left_out_and_unchanged():
    with gr.Blocks() as demo:
        a = gr.Textbox()
        b = gr.Textbox("keep")
        ex = Examples([["p", None], ["q", None]], [a, b])
    assert ex.inputs_with_examples == [a]
    assert ex.dataset.samples == [["p"], ["q"]]
    sess = demo.session()
    click_example(sess, ex, 1)
    assert (sess.get(a), sess.get(b)) == ("q", "keep")


def test_visible_columns_hide_columns_but_load_all():
    with gr.Blocks() as demo:
        a = gr.Textbox(label="A")
        b = gr.Textbox(label="B")
        ex = Examples([["1", "2"], ["3", "4"]], [a, b], visible_columns=[1])
    assert ex.dataset.raw_samples == [["2"], ["4"]]
    assert ex.dataset.headers == ["B"]
    sess = demo.session()
    click_example(sess, ex, 1)
    assert (sess.get(a), sess.get(b)) == ("3", "4")
    with gr.Blocks(), pytest.raises(ValueError, match="visible_columns"):
        Examples([["1", "2"]], [gr.Textbox(), gr.Textbox()], visible_columns=[5])


def test_examples_from_folder(tmp_path):
    (tmp_path / "log.csv").write_text("text,other,extra\nhi,yo,x\n")
    with gr.Blocks() as demo:
        a = gr.Textbox()
        b = gr.Textbox()
        ex = Examples(str(tmp_path), [a, b])
    assert ex.examples == [["hi", "yo"]]
    sess = demo.session()
    click_example(sess, ex, 0)
    assert (sess.get(a), sess.get(b)) == ("hi", "yo")
    single = tmp_path / "single"
    single.mkdir()
    (single / "cat.png").write_bytes(b"")
    with gr.Blocks():
        files = Examples(str(single), gr.Textbox())
    assert files.examples == [["cat.png"]]
    with gr.Blocks(), pytest.raises(FileNotFoundError, match="log.csv"):
        Examples(str(single), [gr.Textbox(), gr.Textbox()])


def test_example_labels_are_shown_instead_of_values():
    with gr.Blocks() as demo:
        text = gr.Textbox()
        ex = Examples(["long text one", "two"], text, example_labels=["One", "Two"])
    sess = demo.session()
    widget = sess.widget(ex.dataset)
    assert widget.cells == [["One"], ["Two"]] and widget.gallery
    click_example(sess, ex, 1)
    assert sess.get(text) == "two"
    with gr.Blocks(), pytest.raises(ValueError, match="example_labels"):
        Examples(["a"], gr.Textbox(), example_labels=["x", "y"])


def test_examples_outside_blocks_warn_and_wire_nothing():
    text = gr.Textbox(render=False)
    with pytest.warns(UserWarning, match="outside a Blocks"):
        ex = Examples(["a"], text)
    assert ex.load_input_event is None
    with gr.Blocks() as demo:
        text.render()
        ex.dataset.render()
        ex.create()
    sess = demo.session()
    click_example(sess, ex, 0)
    assert sess.get(text) == "a"


def test_examples_label_paging_and_view_traits():
    with gr.Blocks() as demo:
        text = gr.Textbox(label="T")
        num = gr.Number(label="N")
        ex = Examples([[str(i), i] for i in range(12)], [text, num], examples_per_page=5, label="Try")
    widget = demo.session().widget(ex.dataset)
    assert isinstance(widget, DatasetWidget)
    assert (widget.label, widget.samples_per_page, widget.gallery) == ("Try", 5, False)
    assert widget.headers == ["T", "N"]
    assert widget.cells[11] == ["11", "11"]


# -- Interface --------------------------------------------------------------------------------
def test_interface_examples_load_inputs_below_the_app():
    demo = gr.Interface(lambda t, n: t * int(n), ["text", "number"], "text", examples=[["ab", 2], ["c", 3]])
    handler = demo.examples_handler
    assert isinstance(handler, Examples)
    assert demo.children[-1] is handler.dataset  # below the inputs and outputs row
    sess = demo.session()
    click_example(sess, handler, 1)
    assert [sess.get(c) for c in demo.input_components] == ["c", 3]
    assert sess.get(demo.output_components[0]) == ""  # loading only, as Gradio without cache
    sess.submit(demo.input_components[0])
    assert sess.get(demo.output_components[0]) == "ccc"


def test_interface_examples_skip_state_and_paging_labels():
    def fn(text, history):
        history = (history or []) + [text]
        return " ".join(history), history

    with pytest.warns(UserWarning, match="Cache examples cannot be used with state"):
        demo = gr.Interface(fn, ["text", "state"], ["text", "state"], examples=[["hello"]], cache_examples=True)
    assert demo.examples_handler.inputs == [demo.input_components[0]]
    demo = gr.Interface(
        lambda a, b: a + b, "text", "text", additional_inputs=["text"],
        examples=[["x", "y"]], examples_per_page=3, example_labels=["L"],
    )  # fmt: skip
    assert demo.examples_handler.dataset.samples_per_page == 3
    assert demo.examples_handler.dataset.raw_samples == [["x"]]  # only the main inputs' columns
    sess = demo.session()
    click_example(sess, demo.examples_handler, 0)
    assert [sess.get(c) for c in demo.input_components] == ["x", "y"]


def test_interface_cache_examples_runs_fn():
    demo = gr.Interface(str.upper, "text", "text", examples=["ab", "cd"], cache_examples=True)
    sess = demo.session()
    click_example(sess, demo.examples_handler, 1)
    assert sess.get(demo.output_components[0]) == "CD"


# -- Dataset ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("kind", "expected"),
    [("values", ["b", 2.5]), ("index", 1), ("tuple", (1, ["b", 2.5]))],
)
def test_dataset_type_forms(kind, expected):
    got = []
    with gr.Blocks() as demo:
        ds = Dataset(components=["textbox", "number"], samples=[["a", 1], ["b", 2.5]], type=kind)
        ds.click(got.append, ds, None)
    sess = demo.session()
    assert sess.get(ds) is None
    click_example(sess, ds, 1)
    assert got == [expected]
    assert type(got[0]) is type(expected)


def test_dataset_rejects_unknown_type():
    with pytest.raises(ValueError, match="Invalid value for parameter `type`"):
        Dataset(samples=[["a"]], type="value", render=False)


def test_dataset_events_order_and_select_data():
    log = []

    def on_select(evt: SelectData):
        log.append(("select", evt.index, evt.value))

    with gr.Blocks() as demo:
        ds = Dataset(components=["textbox"], samples=[["a"], ["b"]], type="index")
        ds.click(lambda i: log.append(("click", i)), ds, None)
        ds.select(on_select, None, None)
        ds.change(lambda i: log.append(("change", i)), ds, None)
    sess = demo.session()
    click_in_view(sess, ds, 1)
    assert log == [("click", 1), ("select", 1, ["b"]), ("change", 1)]  # Gradio's page's order
    log.clear()
    click_in_view(sess, ds, 1)  # the same sample again: no change of value
    assert log == [("click", 1), ("select", 1, ["b"])]


def test_dataset_samples_update_and_returned_dataset():
    got = []
    with gr.Blocks() as demo:
        ds = Dataset(components=["textbox", "number"], samples=[["a", 1]])
        ds.click(got.append, ds, None)
        upd = gr.Button()
        upd.click(lambda: gr.update(samples=[["w", 1], ["v", 2]]), None, ds)
        new = gr.Button()
        new.click(lambda: Dataset(samples=[["z", 9]]), None, ds)
    sess = demo.session()
    sess.click(upd)
    assert sess.widget(ds).cells == [["w", "1"], ["v", "2"]]
    click_example(sess, ds, 1)
    assert got[-1] == ["v", 2]
    sess.click(new)
    assert sess.widget(ds).cells == [["z", "9"]]
    click_example(sess, ds, 0)
    assert got[-1] == ["z", 9]
    other = demo.session()  # updates belong to one session
    assert other.widget(ds).cells == [["a", "1"]]


def test_dataset_value_from_a_function():
    with gr.Blocks() as demo:
        ds = Dataset(components=["textbox"], samples=[["a"], ["b"]], type="index")
        pick = gr.Button()
        pick.click(lambda: ["b"], None, ds)
        bad = gr.Button()
        bad.click(lambda: ["zz"], None, ds)
    sess = demo.session()
    sess.click(pick)
    assert sess.get(ds) == 1
    with pytest.warns(UserWarning, match="does not support updating the dataset"):
        sess.click(bad)
    assert sess.get(ds) is None


def test_dataset_headers_layout_and_cell_text():
    ds = Dataset(components=[gr.Textbox(label="T", render=False), "checkbox"], samples=[["x", True]], render=False)
    assert ds.headers == ["T", ""] and not ds.is_gallery()
    assert ds.cells() == [["x", "true"]]
    assert Dataset(components=["textbox"], samples=[["x"]], render=False).headers == []
    assert Dataset(components=["textbox"], samples=[["x"]], render=False).is_gallery()
    assert not Dataset(components=["textbox"], samples=[["x"]], layout="table", render=False).is_gallery()
    labelled = Dataset(components=["textbox", "textbox"], samples=[["x", "y"]], sample_labels=["L"], render=False)
    assert labelled.is_gallery() and labelled.cells() == [["L"]]
    pick = gr.Dropdown([("Apple", "a"), ("Banana", "b")], render=False)
    assert example_text(pick, "b") == "Banana"
    assert example_text(None, {"path": "/tmp/x/cat.png"}) == "cat.png"
    assert example_text(None, 2.0) == "2"
    assert example_text(None, None) is None


def test_dataset_gr_update_rejects_unknown_props():
    with gr.Blocks() as demo:
        ds = Dataset(components=["textbox"], samples=[["a"]])
        btn = gr.Button()
        btn.click(lambda: gr.update(nonsense=1), None, ds)
    sess = demo.session()
    sess.click(btn)
    assert "cannot update nonsense" in sess.errors[-1].message


def test_click_out_of_range_is_an_index_error():
    with gr.Blocks() as demo:
        ds = Dataset(components=["textbox"], samples=[["a"]])
    sess = demo.session()
    with pytest.raises(IndexError, match="no sample 3"):
        click_example(sess, ds, 3)


# -- the view (js/dataset.js) in a real browser, with a stand-in model -------------------------
HARNESS = """
<html><body><div id="root"></div><script type="module">
const handlers = {};
const state = %s;
window.sent = [];
const model = {
  get: (k) => state[k],
  set: (k, v) => { state[k] = v; (handlers["change:" + k] || []).forEach((f) => f()); },
  on: (name, f) => { (handlers[name] ||= []).push(f); },
  send: (m) => window.sent.push(m),
};
window.model = model;
const view = await import("data:text/javascript;base64,%s");
view.default.render({ model, el: document.getElementById("root") });
window.ready = true;
</script></body></html>
"""


def test_view_draws_cards_table_pages_and_sends_clicks():
    import base64
    import json
    import shutil
    from pathlib import Path

    sync_api = pytest.importorskip("playwright.sync_api")
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(chromium).exists():
        pytest.skip("chromium is not installed")
    state = {
        "label": "Examples", "show_label": True, "headers": ["T", "N"], "gallery": False,
        "samples_per_page": 2, "cells": [["<b>a</b>", "1"], ["b", "2"], ["c", None]],
    }  # fmt: skip
    code = base64.b64encode(Path(__file__).parents[1].joinpath("js", "dataset.js").read_bytes()).decode()
    page_html = HARNESS % (json.dumps(state), code)
    args = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=args)
        try:
            page = browser.new_page()
            page.set_content(page_html)
            page.wait_for_function("window.ready === true")
            rows = page.locator("tr.gnb-dataset-row")
            assert rows.count() == 2  # page 1 of 2
            assert page.locator("th").all_inner_texts() == ["T", "N"]
            assert rows.first.locator("td").first.inner_text() == "<b>a</b>"  # text, never HTML
            page.locator(".gnb-dataset-pages button", has_text="2").click()
            assert rows.count() == 1
            rows.first.click()
            assert page.evaluate("window.sent") == [{"event": "click", "index": 2}]  # index over all pages
            page.evaluate("model.set('gallery', true)")
            page.evaluate("model.set('cells', [['x'], [null], ['y']])")
            cards = page.locator("button.gnb-dataset-card")
            assert cards.all_inner_texts() == ["x"]  # back to page 1; an empty sample shows no card
            page.locator(".gnb-dataset-pages button", has_text="2").click()
            assert cards.all_inner_texts() == ["y"]
            cards.first.click()
            assert page.evaluate("window.sent")[-1] == {"event": "click", "index": 2}
        finally:
            browser.close()


def test_examples_of_choices_with_number_labels():
    import gradio_nb as gr

    with gr.Blocks() as demo:
        size = gr.Radio([(1, "one"), (2, "two")])
        gr.Examples(["one", "two"], size)
    assert demo.session().get(size) is None
