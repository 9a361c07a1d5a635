"""Gradio's components, one module per family, and Gradio's string shortcuts for them.

Every module name Gradio has under ``gradio.components`` is here too: where gradio_nb keeps
the class in a module of another name (``inputs``, ``pickers``, ...), the module of Gradio's
name (``checkbox``, ``color_picker``, ...) imports it from there.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

# A module-level cycle: layouts/walkthrough.py imports components.navigation, which runs this
# file while gradio_nb.layouts is half imported. It holds because layouts/__init__.py imports
# Form before Walkthrough.
from ..layouts import Form
from ..unavailable import MISSING, SERVER_INTERNAL, missing, module_getattr
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


#: The component classes (and Gradio's other names for them) in modules imported on first
#: use: name -> module under ``gradio_nb`` (``module:attribute`` where the name differs).
LAZY: dict[str, str] = {
    "Json": "components.display:JSON",
    "Audio": "components.audio",
    "Microphone": "components.audio",
    "Mic": "components.audio",
    "WaveformOptions": "components.audio",
    "Video": "components.video",
    "Timer": "components.timer",
    "PlayableVideo": "components.video",
    "CheckboxGroup": "components.inputs",
    "Checkboxgroup": "components.inputs:CheckboxGroup",
    "Code": "components.code",
    "ParamViewer": "components.code",
    "ColorPicker": "components.pickers",
    "DateTime": "components.pickers",
    "Dataframe": "components.dataframe",
    "DataFrame": "components.dataframe:Dataframe",
    "Dataset": "components.dataset",
    "Dialogue": "components.dialogue",
    "DeepLinkButton": "components.special_buttons",
    "DuplicateButton": "components.special_buttons",
    "LoginButton": "components.special_buttons",
    "File": "components.file",
    "Files": "components.file",
    "UploadButton": "components.file",
    "DownloadButton": "components.file",
    "FileExplorer": "components.file_explorer",
    "HTML": "components.text",
    "Image": "components.image",
    "ImageEditor": "components.image_editor",
    "Sketchpad": "components.image_editor",
    "Paint": "components.image_editor",
    "ImageMask": "components.image_editor",
    "Brush": "components.image_editor",
    "Eraser": "components.image_editor",
    "LayerOptions": "components.image_editor",
    "WebcamOptions": "components.image_editor",
    "WatermarkOptions": "components.image_editor",
    "Gallery": "components.gallery",
    "AnnotatedImage": "components.annotated_image",
    "Annotatedimage": "components.annotated_image",
    "ImageSlider": "components.image_slider",
    "HighlightedText": "components.labels",
    "Highlightedtext": "components.labels:HighlightedText",
    "Highlight": "components.labels:HighlightedText",
    "Label": "components.labels",
    "Model3D": "components.model3d",
    "MultimodalTextbox": "components.multimodal",
    "LinePlot": "components.native_plot",
    "ScatterPlot": "components.native_plot",
    "BarPlot": "components.native_plot",
    "Plot": "components.plot",
    "Navbar": "components.navigation",
    "Step": "components.navigation",
    "Walkthrough": "components.navigation",
    "List": "templates",
    "Matrix": "templates",
    "Numpy": "templates",
    "MessageDict": "components.chatbot",
}


def __getattr__(name: str) -> Any:
    """``gr.components.Dataframe`` and the other component names, as ``gr.Dataframe``."""
    where = LAZY.get(name)
    if where is None:
        if name in MISSING:  # a Gradio name gradio_nb lacks, said as gr.<name> says it
            raise missing(name)
        return _unavailable(name)
    module, _, attr = where.partition(":")
    value = getattr(import_module(f"gradio_nb.{module}"), attr or name)
    globals()[name] = value
    return value
