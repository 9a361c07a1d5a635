"""Gradio's components, one module per family, and Gradio's string shortcuts for them."""

from __future__ import annotations

import functools

from ..blocks import Block
from .base import Component, FormComponent
from .browser_state import BrowserState
from .button import Button, ClearButton
from .chatbot import Chatbot, ChatMessage
from .display import JSON, Markdown
from .inputs import Checkbox, Dropdown, Radio, Slider
from .number import Number
from .state import State
from .textbox import Text, TextArea, Textbox

#: Gradio's shortcut strings that are not a class name in lower case.
SHORTCUTS: dict[str, str] = {"textarea": "TextArea", "text": "Textbox", "json": "JSON"}


@functools.cache
def _shortcut_classes() -> dict[str, type[Block]]:
    """Every component and State class gradio_nb exports, by lower-case name (made once)."""
    import gradio_nb

    from ..unavailable import MISSING

    classes = {}
    for name in dir(gradio_nb):
        value = getattr(gradio_nb, name) if name[:1].isupper() and name not in MISSING else None
        if isinstance(value, type) and issubclass(value, (Component, State)):
            classes[name.lower()] = value
    return classes


def _shortcut_class(spec: str) -> type[Block]:
    """The class a shortcut names: as Gradio, any component or template class in lower case."""
    from ..unavailable import MISSING, missing

    wanted = SHORTCUTS.get(spec.lower(), spec).lower()
    classes = _shortcut_classes()
    if wanted in classes:
        return classes[wanted]
    if wanted.replace("_", "") in classes:  # as Gradio: "playable_video" is PlayableVideo
        return classes[wanted.replace("_", "")]
    absent = {name.lower(): name for name in MISSING}
    if wanted in absent:
        raise missing(absent[wanted])
    raise ValueError(f"Unknown component shortcut {spec!r}; gradio_nb knows: {', '.join(sorted(classes))}.")


def get_component_instance(spec: str | Block, *, render: bool = False, unrender: bool = False) -> Block:
    """A component from a shortcut string (``"textbox"``) or an instance (returned as is;
    with ``unrender``, taken out of where it was placed, to be placed again)."""
    if isinstance(spec, Block):
        return spec.unrender() if unrender else spec
    if isinstance(spec, str):
        return _shortcut_class(spec)(render=render)
    raise TypeError(f"Expected a component or a shortcut string, got {spec!r} ({type(spec).__name__}).")


__all__ = [
    "JSON",
    "BrowserState",
    "Button",
    "ChatMessage",
    "Chatbot",
    "Checkbox",
    "ClearButton",
    "Component",
    "Dropdown",
    "FormComponent",
    "Markdown",
    "Number",
    "Radio",
    "Slider",
    "State",
    "Text",
    "TextArea",
    "Textbox",
    "get_component_instance",
]


def __getattr__(name: str) -> type[Block]:
    """``gr.components.Dataframe`` and the other component names, as ``gr.Dataframe``."""
    import gradio_nb

    if name[:1].isupper():
        return getattr(gradio_nb, name)  # a component, or NotImplementedError saying why not
    raise AttributeError(f"module 'gradio_nb.components' has no attribute {name!r}")
