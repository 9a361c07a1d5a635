"""Compat scenarios for the choice components and MultimodalTextbox: the same interactions
against real Gradio and gradio_nb (see test_compat.py for the format and the drivers).

No ``from __future__ import annotations`` here: the listeners' ``gr.SelectData`` annotations
must be real classes, since ``gr`` is a parameter of each scenario.
"""

import os
from pathlib import Path
from typing import Any, Callable

import pytest

import real_gradio

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
gradio = real_gradio.require()

from harness import Scenarios, compare, snap  # noqa: E402

SCENARIOS = Scenarios()
scenario = SCENARIOS.scenario


def received_by(gr: Any, driver: Any, make: Callable[[], Any], values: list[Any]) -> dict[str, Any]:
    """Set each of ``values`` on ``make()`` and record what a function receives (or the error)."""
    got: list[Any] = []
    with gr.Blocks() as demo:
        comp = make()
        b = gr.Button()
        b.click(lambda v: got.append(v), comp, None)
    s = driver.open(demo)
    obs: dict[str, Any] = {"start": snap(s, comp)}
    s.click(b)
    obs["default"] = got[-1] if got else None
    for i, value in enumerate(values):
        before = len(got)
        s.set(comp, value)
        s.click(b)
        obs[f"set{i}"] = got[-1] if len(got) > before else "<not called>"
    obs["errors"] = s.errors()
    return obs


@scenario(default=[], set0=["c", "a"])
def checkboxgroup_values(gr, driver):
    return received_by(gr, driver, lambda: gr.CheckboxGroup(["a", "b", "c"]), [["c", "a"], "b", None, ["z"]])


@scenario(default=[0], set0=[2, 0])
def checkboxgroup_index(gr, driver):
    return received_by(
        gr, driver, lambda: gr.CheckboxGroup(["a", "b", "c"], value=["a"], type="index"), [["c", "a"], "b"]
    )


@scenario(set0=[3, 1])
def checkboxgroup_label_value_pairs(gr, driver):
    make = lambda: gr.CheckboxGroup([("One", 1), ("Two", 2), ("Three", 3)])  # noqa: E731
    return received_by(gr, driver, make, [[3, 1], [2], ["One"]])


@scenario(default=["a"], set0=["c", "b"])
def dropdown_multiselect(gr, driver):
    return received_by(gr, driver, lambda: gr.Dropdown(["a", "b", "c"], multiselect=True, value=["a"]), [["c", "b"], "a", None, ["z"]])


@scenario(default=[], set0=[2, 0])
def dropdown_multiselect_index(gr, driver):
    return received_by(gr, driver, lambda: gr.Dropdown(["a", "b", "c"], multiselect=True, type="index"), [["c", "a"]])


@scenario(set0=["a", "b", "c"])
def dropdown_max_choices_not_checked_on_the_way_in(gr, driver):
    make = lambda: gr.Dropdown(["a", "b", "c"], multiselect=True, max_choices=2)  # noqa: E731
    return received_by(gr, driver, make, [["a", "b", "c"]])


@scenario(set0="typed")
def dropdown_custom_values(gr, driver):
    obs = received_by(gr, driver, lambda: gr.Dropdown(["a", "b"], allow_custom_value=True), ["typed", "b"])
    index = received_by(
        gr, driver, lambda: gr.Dropdown(["a", "b"], allow_custom_value=True, type="index"), ["typed", "b"]
    )
    multi = received_by(
        gr, driver, lambda: gr.Dropdown(["a", "b"], allow_custom_value=True, multiselect=True, type="index"), [["b", "new"]]
    )
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # both warn that the value is not a choice
        refused = received_by(gr, driver, lambda: gr.Dropdown(["a", "b"]), ["typed"])
    return {**obs, "index": index, "multi_index": multi, "refused": refused}


@scenario(default=1, set0=2)
def dropdown_and_radio_label_value_pairs(gr, driver):
    obs = received_by(gr, driver, lambda: gr.Dropdown([("One", 1), ("Two", 2)]), [2])
    radio = received_by(gr, driver, lambda: gr.Radio([("Small", "s"), ("Large", "l")], type="index"), ["l", "s"])
    return {**obs, "radio": radio}


@scenario(select1="1|b|True", select2="1|b|False")
def checkboxgroup_select_data(gr, driver):
    with gr.Blocks() as demo:
        cbg = gr.CheckboxGroup([("Apple", "a"), ("Banana", "b")])
        out = gr.Textbox()
        ticked = gr.JSON()

        def on_select(value, evt: gr.SelectData):
            return f"{evt.index}|{evt.value}|{evt.selected}", value

        cbg.select(on_select, cbg, [out, ticked])
    s = driver.open(demo)
    s.set(cbg, ["b"])
    s.trigger(cbg, "select", {"index": 1, "value": "b", "selected": True})
    obs = {"select1": snap(s, out), "ticked1": snap(s, ticked)}
    s.set(cbg, [])
    s.trigger(cbg, "select", {"index": 1, "value": "b", "selected": False})
    obs["select2"] = snap(s, out)
    obs["ticked2"] = snap(s, ticked)
    obs["errors"] = s.errors()
    return obs


@scenario(radio="1|l|True", key="a|ab")
def radio_select_and_dropdown_key_up(gr, driver):
    with gr.Blocks() as demo:
        radio = gr.Radio([("Small", "s"), ("Large", "l")])
        dd = gr.Dropdown(["abc", "def"], allow_custom_value=True)
        out = gr.Textbox()
        keys = gr.Textbox()

        def on_select(evt: gr.SelectData):
            return f"{evt.index}|{evt.value}|{evt.selected}"

        def on_key(evt: gr.KeyUpData):
            return f"{evt.key}|{evt.input_value}"

        radio.select(on_select, None, out)
        dd.key_up(on_key, None, keys)
    s = driver.open(demo)
    s.set(radio, "l")
    s.trigger(radio, "select", {"value": "l", "index": 1})  # Radio's page sends no "selected"
    s.trigger(dd, "key_up", {"key": "a", "input_value": "ab"})
    return {"radio": snap(s, out), "key": snap(s, keys), "errors": s.errors()}


def _names(value: Any) -> Any:
    """A MultimodalTextbox value with file paths cut to their names (Gradio moves existing
    files into its cache; the names are what both keep)."""
    if isinstance(value, dict) and "files" in value:
        return {**value, "files": [Path(f).name for f in value["files"]]}
    return value


@scenario(
    default={"text": "", "files": []},
    set0={"text": "hi", "files": ["a.png"]},
    set1={"text": "just text", "files": []},
)
def multimodal_textbox_dict(gr, driver, tmp=Path("/tmp/gradio_nb_compat_mm")):
    tmp.mkdir(exist_ok=True)
    image = tmp / "a.png"
    image.write_bytes(b"\x89PNG")
    obs = received_by(
        gr, driver, lambda: gr.MultimodalTextbox(),
        [{"text": "hi", "files": [str(image)]}, "just text", None, {"files": [str(tmp / "b.txt")]}],
    )
    typed = received_by(
        gr, driver, lambda: gr.MultimodalTextbox(file_types=["image"]),
        [{"text": "x", "files": [str(tmp / "notes.txt")]}, {"text": "y", "files": [str(image)]}],
    )
    obs = {k: _names(v) for k, v in obs.items()}
    obs["typed"] = {k: _names(v) for k, v in typed.items()}
    return obs


def test_enough_scenarios():
    assert len(SCENARIOS) >= 10


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_same_as_gradio(name: str, no_sleep: None) -> None:
    compare(name, *SCENARIOS[name])
