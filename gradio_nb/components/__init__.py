"""Gradio's components, one module per family, and Gradio's string shortcuts for them.

Every module name Gradio has under ``gradio.components`` is here too: where gradio_nb keeps
the class in a module of another name (``inputs``, ``pickers``, ...), the module of Gradio's
name (``checkbox``, ``color_picker``, ...) imports it from there.
"""

from __future__ import annotations

import contextlib
from typing import Any

# A module-level cycle: layouts/walkthrough.py imports components.navigation, which runs this
# file while gradio_nb.layouts is half imported. It holds because layouts/__init__.py imports
# Form before Walkthrough.
from ..layouts import Form
from ..unavailable import SERVER_INTERNAL, module_getattr
from .base import SHORTCUTS, Component, FormComponent, component, get_component_instance
from .browser_state import BrowserState
from .button import Button, ClearButton
from .chatbot import Chatbot, ChatMessage, MessageDict
from .display import JSON, Markdown
from .inputs import Checkbox, Dropdown, Radio, Slider
from .native_plot import NativePlot
from .number import Number
from .state import State
from .textbox import Text, TextArea, Textbox
from .timer import Timer  # noqa: F401 - loading it gives Component its every= timer

__all__ = [
    "JSON",
    "SHORTCUTS",
    "BrowserState",
    "Button",
    "ChatMessage",
    "Chatbot",
    "Checkbox",
    "ClearButton",
    "Component",
    "Dropdown",
    "Form",
    "FormComponent",
    "Markdown",
    "MessageDict",
    "NativePlot",
    "Number",
    "Radio",
    "Slider",
    "State",
    "Text",
    "TextArea",
    "Textbox",
    "component",
    "get_component_instance",
]

_unavailable = module_getattr(__name__, ("Fallback", "StreamingInput", "StreamingOutput"), SERVER_INTERNAL)


def __getattr__(name: str) -> Any:
    """``gr.components.Dataframe`` and the other component names, as ``gr.Dataframe``."""
    import gradio_nb  # the package imports this module

    if name[:1].isupper():
        with contextlib.suppress(AttributeError):
            return getattr(gradio_nb, name)  # a component, or NotImplementedError saying why not
    return _unavailable(name)
