"""gradio_nb: Gradio's Blocks and State API on Jupyter widgets.

``import gradio_nb as gr`` and a Gradio app runs inline in a notebook: no server, no port.
Each display is its own session with its own State; ``demo.session()`` drives one headlessly.
"""

from .alerts import ErrorRecord, Info, Warning
from .blocks import Blocks
from .chat_interface import ChatInterface
from .components import (
    JSON,
    BrowserState,
    Button,
    ChatMessage,
    Chatbot,
    Checkbox,
    ClearButton,
    Dropdown,
    Markdown,
    Number,
    Radio,
    Slider,
    State,
    Textbox,
)
from .events import Dependency, on
from .exceptions import Error
from .interface import Interface
from .layouts import Accordion, Column, Group, Row, Tab, TabItem, Tabs
from .progress import Progress
from .session import Session
from .updates import skip, update

__version__ = "0.1.0"

__all__ = [
    "JSON",
    "Accordion",
    "Blocks",
    "BrowserState",
    "Button",
    "ChatInterface",
    "ChatMessage",
    "Chatbot",
    "Checkbox",
    "ClearButton",
    "Column",
    "Dependency",
    "Dropdown",
    "Error",
    "ErrorRecord",
    "Group",
    "Info",
    "Interface",
    "Markdown",
    "Number",
    "Progress",
    "Radio",
    "Row",
    "Session",
    "Slider",
    "State",
    "Tab",
    "TabItem",
    "Tabs",
    "Textbox",
    "Warning",
    "on",
    "skip",
    "update",
]
