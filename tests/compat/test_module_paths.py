"""Gradio's public module paths under gradio_nb: for each of real Gradio's public modules,
``gradio_nb.<same path>`` exists with the same public names (each a value, or a
NotImplementedError naming it), or the module is one gradio_nb lists as unavailable."""

from __future__ import annotations

import importlib
import inspect
import os
import pkgutil
import shutil
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import real_gradio

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
gradio = real_gradio.require()

import gradio_nb  # noqa: E402
from gradio_nb.components.chatbot import (  # noqa: E402
    ChatMessage,
    FileMessage,
    Message,
    MessageDict,
    MetadataDict,
    TextMessage,
)
from gradio_nb.unavailable import MODULES, missing_module  # noqa: E402


def _public_modules() -> list[str]:
    """Real Gradio's modules, no part of the path private (walking imports only packages)."""
    found = pkgutil.walk_packages(gradio.__path__, "gradio.", onerror=lambda _name: None)
    return sorted(m.name for m in found if not any(part.startswith("_") for part in m.name.split(".")))


def _public_names(module: ModuleType) -> list[str]:
    """``__all__``, else the classes and functions defined in ``module`` and the instances of
    classes defined there (``colors.blue``), private names left out."""
    if hasattr(module, "__all__"):
        return [name for name in module.__all__ if not name.startswith("_")]
    names = []
    for name, value in vars(module).items():
        if name.startswith("_") or inspect.ismodule(value):
            continue
        defined = value if inspect.isclass(value) or inspect.isfunction(value) else type(value)
        if getattr(defined, "__module__", None) == module.__name__:
            names.append(name)
    return names


MODULE_NAMES = _public_modules()


def test_the_walk_finds_gradios_modules() -> None:
    assert len(MODULE_NAMES) > 140
    assert {"gradio.media", "gradio.themes.utils.colors", "gradio.components.chatbot", "gradio.networking"} <= set(MODULE_NAMES)


@pytest.mark.parametrize("name", MODULE_NAMES)
def test_every_public_module_is_there_or_said_unavailable(name: str) -> None:
    if name in MODULES:  # listed first: gradio_nb.cli is gradio_nb's own command line, not Gradio's
        error = missing_module(name)
        assert isinstance(error, NotImplementedError) and name in str(error)
        return
    ours = importlib.import_module("gradio_nb" + name[len("gradio") :])
    real = importlib.import_module(name)
    for attr in _public_names(real):
        try:
            value = getattr(ours, attr)
        except NotImplementedError as error:
            assert attr in str(error), f"{ours.__name__}.{attr}: {error}"
            continue
        # Where Gradio's module name is the top-level object, gradio_nb's is gradio_nb's.
        if getattr(gradio, attr, None) is getattr(real, attr) and not isinstance(value, (bool, str)):
            assert value is getattr(gradio_nb, attr), f"{ours.__name__}.{attr} is not gradio_nb.{attr}"


def test_a_missing_name_says_what_is_missing_and_others_stay_attribute_errors() -> None:
    import gradio_nb.data_classes as data_classes

    with pytest.raises(NotImplementedError, match=r"gradio\.data_classes\.PredictBody"):
        data_classes.PredictBody  # noqa: B018
    assert not hasattr(data_classes, "no_such_name")
    assert not hasattr(data_classes, "__path__")  # dunders too: inspect and pickle keep working


def test_the_same_objects_under_gradios_paths() -> None:
    from gradio_nb.components import checkbox, color_picker, markdown
    from gradio_nb.layouts import row, tabs
    from gradio_nb.themes import base, soft
    from gradio_nb.themes.utils import colors, sizes

    assert base.Base is gradio_nb.themes.Base and base.ThemeClass is gradio_nb.themes.ThemeClass
    assert soft.Soft is gradio_nb.themes.Soft
    assert colors.blue is gradio_nb.themes.colors.blue is gradio_nb.themes.utils.colors.blue
    assert sizes.radius_sm is gradio_nb.themes.sizes.radius_sm
    assert checkbox.Checkbox is gradio_nb.Checkbox and color_picker.ColorPicker is gradio_nb.ColorPicker
    assert markdown.Markdown is gradio_nb.Markdown
    assert row.Row is gradio_nb.Row and tabs.Tab is gradio_nb.Tab
    assert gradio_nb.utils.FileSize is gradio_nb.FileSize and gradio_nb.routes.Request is gradio_nb.Request
    assert gradio_nb.exceptions.InvalidPathError is importlib.import_module("gradio_nb.file_paths").InvalidPathError
    assert gradio_nb.data_classes.FileData is gradio_nb.FileData


def test_gradio_modules_are_attributes_as_in_gradio() -> None:
    for name in ("utils", "routes", "helpers", "data_classes", "templates", "renderable", "i18n", "validators"):
        assert getattr(gradio_nb, name) is importlib.import_module(f"gradio_nb.{name}")
    with pytest.raises(NotImplementedError, match=r"gradio\.networking"):
        gradio_nb.networking  # noqa: B018


def _conversation() -> dict[str, list[Any]]:
    """One conversation written the three ways Gradio takes it."""
    thought: MetadataDict = {"title": "Thinking", "status": "done"}
    return {
        "dicts": [
            MessageDict(role="user", content="Hi", metadata={}, options=[]),
            MessageDict(role="assistant", content="Let me see", metadata=thought, options=[]),
        ],
        "chat_messages": [
            ChatMessage(role="user", content="Hi"),
            ChatMessage(role="assistant", content="Let me see", metadata=thought),
        ],
        "messages": [
            Message(role="user", content=[TextMessage(text="Hi")], metadata={}, options=[]),
            Message(role="assistant", content=[TextMessage(text="Let me see")], metadata=thought, options=[]),
        ],
    }


def test_message_dicts_chat_messages_and_messages_are_one_chatbot_value() -> None:
    shapes = _conversation()
    ours = {kind: gradio_nb.Chatbot().postprocess(value) for kind, value in shapes.items()}
    assert ours["dicts"] == ours["chat_messages"] == ours["messages"]
    # And as real Gradio postprocesses the same conversation.
    assert ours["dicts"] == gradio.Chatbot().postprocess(shapes["dicts"]).model_dump()


def test_a_function_returning_messages_shows_them(tmp_path: Path) -> None:
    picture = tmp_path / "cheetah.jpg"
    shutil.copy(gradio_nb.media.get_image("cheetah1.jpg"), picture)
    with gradio_nb.Blocks() as demo:
        chat = gradio_nb.Chatbot()
        button = gradio_nb.Button()
        button.click(
            lambda: [Message(role="assistant", content=[TextMessage(text="look"), FileMessage(file={"path": str(picture)})])],
            None,
            chat,
        )
    session = demo.session()
    session.click(button)
    [message] = session.get(chat)
    assert message["role"] == "assistant" and message["content"][0] == {"text": "look", "type": "text"}
    assert message["content"][1]["type"] == "file" and message["content"][1]["file"]["path"].endswith("cheetah.jpg")
    demo.close_all()
