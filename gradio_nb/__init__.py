"""gradio_nb: Gradio's Blocks and State API on Jupyter widgets.

``import gradio_nb as gr`` and a Gradio app runs inline in a notebook: no server, no port.
Each display is its own session with its own State; ``demo.session()`` drives one headlessly.
A name Gradio exports that gradio_nb lacks raises :class:`NotImplementedError` saying what
to use instead (see :mod:`gradio_nb.unavailable`).
"""

from importlib import import_module
from typing import Any

from . import components, display, mcp, media, themes  # noqa: F401 - display: gives Blocks its launch()
from .alerts import ErrorRecord, Info, Success, Warning
from .blocks import Blocks, FileSize, close_all
from .caching import Cache, cache
from .chat_interface import ChatInterface
from .components import (
    JSON,
    BrowserState,
    Button,
    Chatbot,
    ChatMessage,
    Checkbox,
    ClearButton,
    Component,
    Dropdown,
    Markdown,
    Number,
    Radio,
    Slider,
    State,
    Text,
    TextArea,
    Textbox,
)
from .event_data import (
    CopyData,
    DeletedFileData,
    DownloadData,
    EditData,
    EventData,
    FileData,
    Header,
    KeyUpData,
    LikeData,
    OAuthProfile,
    OAuthToken,
    Request,
    RetryData,
    SelectData,
    UndoData,
)
from .events import Dependency, on
from .exceptions import Error
from .file_paths import set_static_paths
from .flagging import CSVLogger, FlaggingCallback, SimpleCSVLogger
from .i18n import I18n
from .interface import Interface
from .layouts import (
    Accordion,
    Column,
    Draggable,
    Group,
    Row,
    Sidebar,
    Tab,
    TabItem,
    Tabs,
)
from .media import get_audio, get_file, get_image, get_model3d, get_video
from .progress import Progress
from .session import Session
from .tabbed_interface import TabbedInterface
from .unavailable import MISSING, MODULES, missing, missing_module
from .updates import skip, update, validate

__version__ = "0.1.0"

#: ``gr.Theme``: the class every theme derives from.
Theme = themes.Base
#: As Gradio: true in a script's normal run (the reload mode of ``gradio app.py`` is not here).
NO_RELOAD = True
Json = JSON

#: Gradio names defined in other modules than these, imported on first use (the components
#: are in :data:`gradio_nb.components.LAZY`).
_LAZY: dict[str, str] = {
    "run_app": "app_scripts",  # a notebook extra: an unmodified Gradio app file, shown inline
    "render": "renderable",
    "Examples": "examples",
    "component": "components.base",
    "Workflow": "workflow",
    **components.LAZY,
}

#: Gradio's modules that ``gr.<name>`` gives (``gr.utils.get_space()``), imported on first use.
_SUBMODULES = (
    "blocks", "caching", "chat_interface", "components", "context", "data_classes", "events", "exceptions",
    "flagging", "helpers", "i18n", "interface", "layouts", "mcp", "media", "renderable", "routes", "templates",
    "themes", "utils", "validators", "workflow",
)


def __getattr__(name: str) -> Any:
    where = _LAZY.get(name)
    if where is not None:
        module, _, attr = where.partition(":")
        value = getattr(import_module(f".{module}", __name__), attr or name)
        globals()[name] = value
        return value
    if name in _SUBMODULES:
        return import_module(f".{name}", __name__)
    if name in MISSING:
        raise missing(name)
    if f"gradio.{name}" in MODULES:
        raise missing_module(f"gradio.{name}")
    raise AttributeError(f"module 'gradio_nb' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY, *_SUBMODULES})


__all__ = [
    "JSON",
    "Accordion",
    "Blocks",
    "BrowserState",
    "Button",
    "CSVLogger",
    "Cache",
    "ChatInterface",
    "ChatMessage",
    "Chatbot",
    "Checkbox",
    "ClearButton",
    "Column",
    "Component",
    "CopyData",
    "DeletedFileData",
    "Dependency",
    "DownloadData",
    "Draggable",
    "FileData",
    "FileSize",
    "Dropdown",
    "EditData",
    "Error",
    "ErrorRecord",
    "EventData",
    "FlaggingCallback",
    "Group",
    "Header",
    "I18n",
    "Info",
    "Interface",
    "Json",
    "KeyUpData",
    "LikeData",
    "Markdown",
    "NO_RELOAD",
    "Number",
    "OAuthProfile",
    "OAuthToken",
    "Progress",
    "Radio",
    "Request",
    "RetryData",
    "Row",
    "SelectData",
    "Session",
    "Sidebar",
    "SimpleCSVLogger",
    "Slider",
    "State",
    "Success",
    "Tab",
    "TabItem",
    "TabbedInterface",
    "Tabs",
    "Text",
    "TextArea",
    "Textbox",
    "Theme",
    "UndoData",
    "Warning",
    "cache",
    "close_all",
    "get_audio",
    "get_file",
    "get_image",
    "get_model3d",
    "get_video",
    "mcp",
    "media",
    "on",
    "set_static_paths",
    "skip",
    "themes",
    "update",
    "validate",
    *_LAZY,
]
