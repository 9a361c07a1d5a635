"""Compat scenarios for ``gr.Dataset``, ``gr.Examples`` and ``Interface(examples=)``: what the
inputs hold after an example is clicked and what functions receive, against real Gradio.

A click on a sample is driven as Gradio's front end does it: the Dataset's value becomes the
sample's index (a change of value), then its ``click`` event is dispatched (the backend's
``load_input_event`` runs). Same format as ``test_compat.py``.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import pytest

import real_gradio

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
gradio = real_gradio.require()

from harness import Scenarios, compare, snap  # noqa: E402

SCENARIOS = Scenarios()
scenario = SCENARIOS.scenario


def click_sample(sess: Any, dataset: Any, index: int) -> None:
    """Click sample ``index`` as Gradio's page does: the value becomes the index, then ``click``."""
    sess.set(dataset, index)
    sess.trigger(dataset, "click")


# =============================================================================================
# gr.Examples
# =============================================================================================


@scenario(
    after1=["Bob", 2.5, False, "c", 3],
    received=["Bob", 2.5, False, "c", 3],
    after0=["Ann", 30, True, "b", 7],
)
def examples_fill_inputs(gr, driver):
    got: list[Any] = []
    with gr.Blocks() as demo:
        name = gr.Textbox(label="Name")
        age = gr.Number(label="Age")
        ok = gr.Checkbox(label="OK")
        pick = gr.Dropdown(["a", "b", "c"], label="Pick")
        level = gr.Slider(0, 10, label="Level")
        btn = gr.Button("Go")
        btn.click(lambda *values: got.append(list(values)), [name, age, ok, pick, level], None)
        ex = gr.Examples([["Ann", 30, True, "b", 7], ["Bob", 2.5, False, "c", 3]], [name, age, ok, pick, level])
    s = driver.open(demo)
    obs = {"start": snap(s, name, age, ok, pick, level)}
    click_sample(s, ex.dataset, 1)
    obs["after1"] = snap(s, name, age, ok, pick, level)
    s.click(btn)
    obs["received"] = got[-1]
    click_sample(s, ex.dataset, 0)
    obs["after0"] = snap(s, name, age, ok, pick, level)
    obs["dataset"] = snap(s, ex.dataset)
    obs["again"] = (click_sample(s, ex.dataset, 0), snap(s, name, age))[1]
    obs["errors"] = s.errors()
    return obs


@scenario(out_after1="y|4", received=["y", 4])
def examples_run_on_click(gr, driver):
    got: list[Any] = []

    def fn(text, num):
        got.append([text, num])
        return f"{text}|{num}"

    with gr.Blocks() as demo:
        text = gr.Textbox()
        num = gr.Number()
        out = gr.Textbox()
        ex = gr.Examples([["x", 1], ["y", 4]], [text, num], out, fn=fn, run_on_click=True)
    s = driver.open(demo)
    obs = {"start": snap(s, text, num, out)}
    click_sample(s, ex.dataset, 1)
    obs["inputs_after1"] = snap(s, text, num)
    obs["out_after1"] = snap(s, out)
    obs["received"] = got[-1]
    obs["calls"] = len(got)
    obs["errors"] = s.errors()
    return obs


@scenario(first=["x", "keep"], second=["y", "keep"])
def examples_plain_list_and_none_column(gr, driver):
    with gr.Blocks() as demo:
        one = gr.Textbox()
        ex1 = gr.Examples(["x", "y"], one)
        a = gr.Textbox()
        b = gr.Textbox("keep")
        ex2 = gr.Examples([["p", None], ["q", None]], [a, b])
    s = driver.open(demo)
    click_sample(s, ex1.dataset, 0)
    obs = {"first": [snap(s, one), snap(s, b)]}
    click_sample(s, ex1.dataset, 1)
    click_sample(s, ex2.dataset, 1)
    obs["second"] = [snap(s, one), snap(s, b)]
    obs["a"] = snap(s, a)
    obs["inputs_with_examples"] = len(ex2.inputs_with_examples)
    obs["samples"] = ex2.dataset.samples
    obs["errors"] = s.errors()
    return obs


@scenario(loaded=["hi", "3"])
def examples_from_folder_log_csv(gr, driver):
    # Text inputs only: Gradio's Number passes a CSV string through unconverted ('3').
    folder = Path(tempfile.mkdtemp())
    (folder / "log.csv").write_text("text,num,extra\nhi,3,x\nyo,4.5,y\n")
    with gr.Blocks() as demo:
        text = gr.Textbox()
        num = gr.Textbox()
        ex = gr.Examples(str(folder), [text, num])
    s = driver.open(demo)
    click_sample(s, ex.dataset, 0)
    obs = {"loaded": snap(s, text, num)}
    click_sample(s, ex.dataset, 1)
    obs["loaded2"] = snap(s, text, num)
    obs["examples"] = ex.examples
    obs["errors"] = s.errors()
    return obs


@scenario(loaded=["b", 2])
def examples_with_labels(gr, driver):
    with gr.Blocks() as demo:
        text = gr.Textbox()
        num = gr.Number()
        ex = gr.Examples([["a", 1], ["b", 2]], [text, num], example_labels=["first", "second"])
    s = driver.open(demo)
    click_sample(s, ex.dataset, 1)
    obs = {"loaded": snap(s, text, num), "dataset": snap(s, ex.dataset), "errors": s.errors()}
    return obs


@scenario(after_click=["c", 3], output="ccc")
def interface_examples(gr, driver):
    demo = gr.Interface(lambda text, n: text * int(n), ["text", "number"], "text", examples=[["ab", 2], ["c", 3]])
    s = driver.open(demo)
    inputs = list(demo.input_components)
    obs = {"start": snap(s, *inputs)}
    click_sample(s, demo.examples_handler.dataset, 1)
    obs["after_click"] = snap(s, *inputs)
    obs["output_before_submit"] = snap(s, demo.output_components[0])
    s.submit(inputs[0])
    obs["output"] = snap(s, demo.output_components[0])
    obs["errors"] = s.errors()
    return obs


@scenario(after_click=["hi", None])
def interface_examples_with_state(gr, driver):
    def fn(text, history):
        history = (history or []) + [text]
        return " ".join(history), history

    demo = gr.Interface(fn, ["text", "state"], ["text", "state"], examples=[["hello"], ["hi"]])
    s = driver.open(demo)
    state = demo.input_components[1]
    click_sample(s, demo.examples_handler.dataset, 1)
    obs = {"after_click": [snap(s, demo.input_components[0]), snap(s, state)]}
    s.submit(demo.input_components[0])
    obs["output"] = snap(s, demo.output_components[0])
    obs["errors"] = s.errors()
    return obs


@scenario(loaded=[["a"], "hi", 3, "y"])
def examples_state_slider_radio(gr, driver):
    with gr.Blocks() as demo:
        st = gr.State([])
        text = gr.Textbox()
        level = gr.Slider(0, 10)
        choice = gr.Radio(["x", "y"])
        ex = gr.Examples([[["a"], "hi", 3, "y"], [["b", "c"], "yo", 4.5, "x"]], [st, text, level, choice])
    s = driver.open(demo)
    click_sample(s, ex.dataset, 0)
    obs = {"loaded": snap(s, st, text, level, choice)}
    click_sample(s, ex.dataset, 1)
    obs["loaded2"] = snap(s, st, text, level, choice)
    obs["errors"] = s.errors()
    return obs


# =============================================================================================
# gr.Dataset
# =============================================================================================


@scenario(
    received={"values": ["b", 2.5], "index": 1, "tuple": (1, ["b", 2.5])},
    held={"values": None, "index": None, "tuple": None},
)
def dataset_types(gr, driver):
    got: dict[str, Any] = {}
    datasets = {}
    with gr.Blocks() as demo:
        for kind in ("values", "index", "tuple"):
            ds = gr.Dataset(components=["textbox", "number"], samples=[["a", 1], ["b", 2.5]], type=kind)
            ds.click(lambda v, kind=kind: got.__setitem__(kind, v), ds, None)
            datasets[kind] = ds
    s = driver.open(demo)
    obs = {"held": {k: snap(s, ds) for k, ds in datasets.items()}}
    for ds in datasets.values():
        click_sample(s, ds, 1)
    obs["received"] = got
    obs["errors"] = s.errors()
    return obs


@scenario(received=["z", 9], after_update=["w", 1])
def dataset_samples_update(gr, driver):
    got: list[Any] = []
    with gr.Blocks() as demo:
        ds = gr.Dataset(components=["textbox", "number"], samples=[["a", 1], ["b", 2]])
        ds.click(lambda v: got.append(v), ds, None)
        new = gr.Button("new")
        new.click(lambda: gr.Dataset(samples=[["z", 9], ["y", 8]]), None, ds)
        upd = gr.Button("upd")
        upd.click(lambda: gr.update(samples=[["w", 1]]), None, ds)
    s = driver.open(demo)
    s.click(new)
    click_sample(s, ds, 0)
    obs = {"received": got[-1]}
    s.click(upd)
    click_sample(s, ds, 0)
    obs["after_update"] = got[-1]
    obs["errors"] = s.errors()
    return obs


@scenario(index_from_values=1, none_value=None)
def dataset_value_from_function(gr, driver):
    with gr.Blocks() as demo:
        ds = gr.Dataset(components=["textbox", "textbox"], samples=[["a", "x"], ["b", "y"]], type="index")
        pick = gr.Button("pick")
        pick.click(lambda: ["b", "y"], None, ds)
        by_index = gr.Button("index")
        by_index.click(lambda: 0, None, ds)
        clear = gr.Button("clear")
        clear.click(lambda: None, None, ds)
    s = driver.open(demo)
    s.click(pick)
    obs = {"index_from_values": snap(s, ds)}
    s.click(by_index)
    obs["index"] = snap(s, ds)
    s.click(clear)
    obs["none_value"] = snap(s, ds)
    obs["errors"] = s.errors()
    return obs


@scenario(selected=[1, ["b", 2]])
def dataset_select_event(gr, driver):
    got: list[Any] = []

    def on_select(evt):
        got.append([evt.index, evt.value])

    on_select.__annotations__["evt"] = gr.SelectData  # the class itself, not a name to resolve

    with gr.Blocks() as demo:
        ds = gr.Dataset(components=["textbox", "number"], samples=[["a", 1], ["b", 2]])
        ds.select(on_select, None, None)
    s = driver.open(demo)
    s.trigger(ds, "select", {"index": 1, "value": ["b", 2]})
    return {"selected": got[-1], "errors": s.errors()}


def test_enough_scenarios() -> None:
    assert len(SCENARIOS) >= 10


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_same_as_gradio(name: str, no_sleep: None) -> None:
    compare(name, *SCENARIOS[name])
