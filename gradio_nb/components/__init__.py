"""Gradio's components, one module per family, and Gradio's string shortcuts for them."""

from __future__ import annotations

from typing import Any

from ..blocks import Block
from .base import Component, FormComponent
from .browser_state import BrowserState
from .button import Button, ClearButton
from .chatbot import Chatbot, ChatMessage
from .display import JSON, Markdown
from .inputs import Checkbox, Dropdown, Radio, Slider
from .number import Number
from .state import State
from .textbox import Textbox

#: Gradio's shortcut strings (``gr.Interface(fn, "textbox", "number")``).
SHORTCUTS: dict[str, type[Block]] = {
    "textbox": Textbox,
    "text": Textbox,
    "textarea": Textbox,
    "number": Number,
    "state": State,
    "checkbox": Checkbox,
    "slider": Slider,
    "chatbot": Chatbot,
    "markdown": Markdown,
    "json": JSON,
    "dropdown": Dropdown,
    "radio": Radio,
    "button": Button,
}


def get_component_instance(spec: str | Block, *, render: bool = False) -> Block:
    """A component from a shortcut string (``"textbox"``) or an instance (returned as is)."""
    if isinstance(spec, Block):
        return spec
    if isinstance(spec, str):
        cls = SHORTCUTS.get(spec.lower())
        if cls is None:
            raise ValueError(
                f"Unknown component shortcut {spec!r}; gradio_nb knows: {', '.join(sorted(SHORTCUTS))}."
            )
        kwargs: dict[str, Any] = {"render": render}
        if spec.lower() == "textarea":
            kwargs["lines"] = 7
        return cls(**kwargs)
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
    "Textbox",
    "get_component_instance",
]
