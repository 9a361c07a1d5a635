"""Compat scenarios for HTML, Code, Label, HighlightedText, ParamViewer and JSON of NumPy and
pandas values: what functions receive and what the page holds, against real Gradio. Same
format as ``test_compat.py``.
"""


import os
import warnings
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import pytest

import real_gradio

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
gradio = real_gradio.require()

from harness import Scenarios, compare, shape, snap  # noqa: E402

SCENARIOS = Scenarios()
scenario = SCENARIOS.scenario


def returns(gr: Any, values: list[Any], output: Any) -> tuple[Any, Callable[[int], None]]:
    """A Number and a Button whose click returns ``values[number]`` into ``output``."""
    index = gr.Number(0, precision=0)
    button = gr.Button("return")
    button.click(lambda i: values[int(i)], index, output)

    def show(sess: Any, i: int) -> None:
        sess.set(index, i)
        sess.click(button)

    return button, show


# -- HTML --------------------------------------------------------------------------------------
@scenario(start=["<b>hi</b>", None], echoed="<p>You said: <img src=x onerror=alert(1)></p>", clicked="clicked")
def html_values(gr, driver):
    with gr.Blocks() as demo:
        shown = gr.HTML("<b>hi</b>")
        empty = gr.HTML()
        box = gr.Textbox()
        status = gr.Textbox()
        received = gr.JSON()
        box.submit(lambda t: f"<p>You said: {t}</p>", box, shown)
        shown.click(lambda: "clicked", None, status)
        choices = gr.HTML(["a", "b"], html_template="{{#each value}}<i>{{this}}</i>{{/each}}")
        probe = gr.Button("probe")
        probe.click(lambda v, e: {"v": v, "e": e}, [choices, empty], received)
    s = driver.open(demo)
    obs: dict[str, Any] = {"start": snap(s, shown, empty)}
    s.set(box, "<img src=x onerror=alert(1)>")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        s.submit(box)
    obs["echoed"] = snap(s, shown)
    s.trigger(shown, "click")
    obs["clicked"] = snap(s, status)
    s.click(probe)
    obs["list_value"] = snap(s, received)
    obs["errors"] = s.errors()
    return obs


# -- Code --------------------------------------------------------------------------------------
@scenario(
    start=["print('hi')", None],
    returned="x = 1",
)
def code_values(gr, driver):
    with gr.Blocks() as demo:
        src = gr.Code("  print('hi')\n", language="python")
        empty = gr.Code(language="json", interactive=True)
        got = gr.JSON()
        probe = gr.Button("probe")
        probe.click(lambda a, b: [a, b], [src, empty], got)
        _, show = returns(gr, ["\n  x = 1  \n", ("a.py",), None], src)
    s = driver.open(demo)
    obs: dict[str, Any] = {"start": snap(s, src, empty)}
    s.click(probe)
    obs["received"] = snap(s, got)
    s.set(empty, '{"a": 1}')
    s.click(probe)
    obs["received_edit"] = snap(s, got)
    show(s, 0)
    obs["returned"] = snap(s, src)
    show(s, 1)
    obs["tuple_error"] = s.errors()
    obs["after_error"] = snap(s, src)
    show(s, 2)
    obs["none"] = snap(s, src)
    return obs


# -- Label -------------------------------------------------------------------------------------
@scenario(
    top2={"b": 0.7, "c": 0.2},
    number="3",
    selected="1:dog",
)
def label_values(gr, driver):
    with gr.Blocks() as demo:
        lab = gr.Label(num_top_classes=2)
        fixed = gr.Label({"cat": 0.9, "dog": 0.1})
        status = gr.Textbox()

        def on_select(evt: gr.SelectData):
            return f"{evt.index}:{evt.value}"

        fixed.select(on_select, None, status)
        _, show = returns(gr, [{"a": 0.1, "b": 0.7, "c": 0.2}, 3, "cat", None, {}, {"x": 1, "y": 0}, {1: 0.6, 2: 0.4}, 2.5], lab)
    s = driver.open(demo)
    obs: dict[str, Any] = {"start": snap(s, lab, fixed)}
    for i, name in enumerate(["top2", "number", "string", "none", "empty", "integral", "int_keys", "float"]):
        show(s, i)
        obs[name] = snap(s, lab)
    s.trigger(fixed, "select", {"index": 1, "value": "dog"})
    obs["selected"] = snap(s, status)
    obs["errors"] = s.errors()
    return obs


# -- HighlightedText ---------------------------------------------------------------------------
@scenario(
    pairs=[
        {"token": "The", "class_or_confidence": None},
        {"token": "fox", "class_or_confidence": "noun"},
        {"token": "runs", "class_or_confidence": 1.0},
    ],
)
def highlightedtext_values(gr, driver):
    text = "Jane lives in Paris"
    entities = [{"entity": "LOC", "start": 14, "end": 19}, {"entity_group": "PER", "start": 0, "end": 4}]
    with gr.Blocks() as demo:
        h = gr.HighlightedText()
        combined = gr.HighlightedText(combine_adjacent=True, adjacent_separator="-")
        fixed = gr.HighlightedText([("a", "X"), ("b", None)])
        status = gr.Textbox()
        got = gr.JSON()

        def on_select(evt: gr.SelectData):
            return f"{evt.index}:{evt.value}"

        fixed.select(on_select, None, status)
        probe = gr.Button("probe")
        probe.click(lambda v: v, fixed, got)
        values = [
            [("The", None), ("fox", "noun"), ("runs", 1)],
            {"text": text, "entities": entities},
            {"text": text, "entities": []},
            [("a", 0.5), ("b", -0.25)],
            None,
        ]
        _, show = returns(gr, values, h)
        copy_button = gr.Button("combined")
        copy_button.click(lambda: [("a", "X"), ("b", "X"), ("", None), ("c", None), ("d", None)], None, combined)
    s = driver.open(demo)
    obs: dict[str, Any] = {"start": snap(s, h, fixed)}
    for i, name in enumerate(["pairs", "entities", "no_entities", "scores", "none"]):
        show(s, i)
        obs[name] = snap(s, h)
        obs[f"{name}_types"] = shape(obs[name])
    s.click(copy_button)
    obs["combined"] = snap(s, combined)
    s.click(probe)
    obs["received"] = snap(s, got)
    s.trigger(fixed, "select", {"index": 0, "value": ["a", "X"]})
    obs["selected"] = snap(s, status)
    obs["errors"] = s.errors()
    return obs


# -- ParamViewer -------------------------------------------------------------------------------
@scenario()
def paramviewer_values(gr, driver):
    docs = {"x": {"type": "int", "description": "The x", "default": "1"}}
    with gr.Blocks() as demo:
        pv = gr.ParamViewer(docs)
        empty = gr.ParamViewer()
        got = gr.JSON()
        probe = gr.Button("probe")
        probe.click(lambda a: a, pv, got)
        _, show = returns(gr, [{"y": {"type": "str", "description": "Y", "default": None}}], pv)
    s = driver.open(demo)
    obs: dict[str, Any] = {"start": snap(s, pv, empty)}
    s.click(probe)
    obs["received"] = snap(s, got)
    show(s, 0)
    obs["returned"] = snap(s, pv)
    obs["errors"] = s.errors()
    return obs


# -- JSON of NumPy / pandas values -------------------------------------------------------------
@scenario(array=[0, 1, 2], nested={"m": [[1, 0], [0, 1]], "f": 0.5, "i": 7})
def json_numpy_values(gr, driver):
    values = [
        np.arange(3),
        {"m": np.eye(2), "f": np.float32(0.5), "i": np.int64(7)},
        pd.DataFrame({"a": [1, 2]}),
        pd.Series([1.5, 2.5]),
        {"nan": float("nan"), "t": (1, 2), "b": np.bool_(True)},
        np.array([[1.25, 2.0], [3.0, 4.5]]),
        {"s": {1, 2}},
        "[1, 2.0]",
    ]
    with gr.Blocks() as demo:
        out = gr.JSON()
        _, show = returns(gr, values, out)
    s = driver.open(demo)
    obs: dict[str, Any] = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for i, name in enumerate(["array", "nested", "dataframe", "series", "mixed", "floats", "set", "string"]):
            show(s, i)
            obs[name] = snap(s, out)
    obs["errors"] = s.errors()
    return obs


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_same_as_gradio(name: str, no_sleep: None) -> None:
    compare(name, *SCENARIOS[name])
