"""The shapes of a ``gr.Chatbot``'s messages, with Gradio's names: the dicts an app writes
(:class:`MessageDict`), the dataclass (:class:`ChatMessage`), and the normalised form a
function receives (:class:`NormalizedMessageDict`; :class:`Message` as an object)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, TypedDict

from ..data_classes import FileData, FileDataDict


class MetadataDict(TypedDict, total=False):
    """A message's ``metadata``: with a ``title``, the message is shown as a "thought"
    (``id``/``parent_id`` nest thoughts, ``log`` and ``duration`` are shown beside the title,
    ``status`` "pending" shows a spinner)."""

    title: str
    id: int | str
    parent_id: int | str
    log: str
    duration: float
    status: Literal["pending", "done"]


class _OptionValue(TypedDict):
    value: str


class OptionDict(_OptionValue, total=False):
    """One of a message's ``options`` (a button under it): ``value``, and the ``label`` shown."""

    label: str


class TextMessageDict(TypedDict):
    """A text part of a normalised message."""

    text: str
    type: Literal["text"]


class _FileMessageFile(TypedDict):
    file: FileDataDict
    type: Literal["file"]


class FileMessageDict(_FileMessageFile, total=False):
    """A file part of a normalised message."""

    alt_text: str | None


#: What a message's ``content`` may hold (gradio_nb shows text and files, not components).
MessageContent = str | FileDataDict | FileData


class _RoleContent(TypedDict):
    content: MessageContent | list[MessageContent]
    role: Literal["user", "assistant", "system"]


class MessageDict(_RoleContent, total=False):
    """A message as an app writes it: ``{"role": ..., "content": ...}``, with optional
    ``metadata`` (:class:`MetadataDict`) and ``options`` (:class:`OptionDict`)."""

    metadata: MetadataDict
    options: list[OptionDict]


class _NormalizedRoleContent(TypedDict):
    content: list[TextMessageDict | FileMessageDict]
    role: Literal["user", "assistant", "system"]


class NormalizedMessageDict(_NormalizedRoleContent, total=False):
    """A message as a function receives it: ``content`` a list of text and file parts."""

    metadata: MetadataDict
    options: list[OptionDict]


class ExampleMessage(TypedDict, total=False):
    """One of a Chatbot's ``examples``: the ``text`` (and ``files``) it sends, ``display_text``
    and ``icon`` shown."""

    icon: str | FileDataDict
    display_text: str
    text: str
    files: list[str | FileDataDict]


@dataclass
class TextMessage:
    """A text part of a :class:`Message`."""

    text: str
    type: Literal["text"] = "text"


@dataclass
class FileMessage:
    """A file part of a :class:`Message`: ``file`` a :class:`FileData` (or file dict)."""

    file: FileData | FileDataDict
    alt_text: str | None = None
    type: Literal["file"] = "file"


@dataclass
class Message:
    """A normalised message as an object: ``content`` a list of :class:`TextMessage` and
    :class:`FileMessage` parts (a Chatbot takes it as it takes a :class:`MessageDict`)."""

    role: str
    content: list[TextMessage | FileMessage]
    metadata: MetadataDict | None = None
    options: list[OptionDict] | None = None


@dataclass
class ChatMessage:
    """A chat message, as an alternative to ``{"role": ..., "content": ...}`` dicts."""

    content: str | list[Any]
    role: str = "assistant"
    metadata: dict[str, Any] = field(default_factory=dict)
    options: list[dict[str, Any]] = field(default_factory=list)


__all__ = [
    "ChatMessage", "ExampleMessage", "FileMessage", "FileMessageDict", "Message", "MessageContent", "MessageDict",
    "MetadataDict", "NormalizedMessageDict", "OptionDict", "TextMessage", "TextMessageDict",
]
