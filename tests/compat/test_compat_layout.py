"""The layout tree an app declares, against real Gradio: which blocks Gradio wraps in a ``Form``
(consecutive form fields, so that they are drawn as one bordered block), with the form's key,
``scale`` and ``min_width``, and where State, ``container=False`` and ``variant="compact"``
break or keep a run of fields.
"""

from __future__ import annotations

import os
from typing import Any, Callable

import pytest

import real_gradio

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
gradio = real_gradio.require()

import gradio_nb  # noqa: E402


def _gradio_tree(demo: Any) -> list[Any]:
    def node(entry: dict[str, Any]) -> Any:
        return _describe(demo.blocks[entry["id"]], [node(c) for c in entry.get("children", [])])

    return [node(c) for c in demo.config["layout"]["children"]]


def _nb_tree(demo: Any) -> list[Any]:
    def node(block: Any) -> Any:
        return _describe(block, [node(c) for c in getattr(block, "children", [])])

    return [node(c) for c in demo.children]


def _describe(block: Any, children: list[Any]) -> Any:
    name = type(block).__name__
    if name == "Form":
        return [name, block.key, block.scale, block.min_width, children]
    label = getattr(block, "label", None)
    return [name, label, children] if children else [name, label]


def _stacked(gr: Any) -> None:
    # The seed's multi-step form: fields, a button, a field, a button.
    gr.Textbox(label="Status")
    gr.Textbox(label="Name")
    gr.Button("Submit Name")
    gr.Number(label="Age")
    gr.Button("Submit Age")


def _state_between_fields(gr: Any) -> None:
    gr.Textbox(label="a")
    gr.State(0)
    gr.Number(label="b")
    gr.Markdown("breaks the run")
    gr.Slider(label="c")
    gr.Checkbox(label="d")


def _row_of_fields(gr: Any) -> None:
    with gr.Row():
        gr.Textbox(label="a", scale=2)
        gr.Number(label="b", min_width=300)
        gr.Button("go")
        gr.Dropdown(["x", "y"], label="c")
    with gr.Row(equal_height=True):
        with gr.Column():
            gr.Radio(["x", "y"], label="d", scale=3)
            gr.CheckboxGroup(["x", "y"], label="e")


def _container_and_compact(gr: Any) -> None:
    gr.Textbox(label="a")
    gr.Textbox(label="no container", container=False)
    gr.Textbox(label="b")
    with gr.Row(variant="compact"):
        gr.Textbox(label="c")
        gr.Textbox(label="d")
    with gr.Column(variant="compact"):
        gr.Number(label="e")


def _nested_layouts(gr: Any) -> None:
    with gr.Group():
        gr.Textbox(label="a")
        gr.Textbox(label="b")
    with gr.Accordion("More"):
        gr.Slider(label="c")
        gr.ColorPicker(label="not a form field")
        gr.DateTime(label="f")
    with gr.Tabs():
        with gr.Tab("One"):
            gr.MultimodalTextbox(label="g")
            gr.Timer(1)
            gr.Checkbox(label="h")


def _keyed(gr: Any) -> None:
    gr.Textbox(label="a", key="first")
    gr.Textbox(label="b", key="second")
    gr.Button("go")
    gr.Number(label="c", key=("n", 1))


APPS: dict[str, Callable[[Any], None]] = {
    fn.__name__.strip("_"): fn
    for fn in (_stacked, _state_between_fields, _row_of_fields, _container_and_compact, _nested_layouts, _keyed)
}


@pytest.mark.parametrize("name", sorted(APPS))
def test_layout_tree_is_gradios(name: str) -> None:
    trees = []
    for gr in (gradio, gradio_nb):
        with gr.Blocks() as demo:
            APPS[name](gr)
        trees.append((_gradio_tree if gr is gradio else _nb_tree)(demo))
    expected, got = trees
    assert "'Form'" in repr(expected)  # each app has fields Gradio groups
    assert got == expected
