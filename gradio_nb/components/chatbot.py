"""``gr.Chatbot``: a conversation in Gradio 6's messages format, shown as bubbles."""

from __future__ import annotations

import copy
import inspect
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ClassVar

from ..events import listener
from ..exceptions import Error
from ..markdown import to_safe_html
from ..widgets import ChatbotWidget
from .base import Component

_FORMAT_ERROR = (
    "Data incompatible with messages format. Each message should be a dictionary with "
    "'role' and 'content' keys or a ChatMessage object."
)


@dataclass
class ChatMessage:
    """A chat message, as an alternative to ``{"role": ..., "content": ...}`` dicts."""

    content: str | list[Any]
    role: str = "assistant"
    metadata: dict[str, Any] = field(default_factory=dict)
    options: list[dict[str, Any]] = field(default_factory=list)


def _content_item(item: Any) -> dict[str, Any]:
    if isinstance(item, str):
        return {"text": inspect.cleandoc(item), "type": "text"}
    if isinstance(item, dict) and item.get("type") == "text" and isinstance(item.get("text"), str):
        return {"text": item["text"], "type": "text"}
    raise Error(f"Invalid message for Chatbot component: {item!r} (gradio_nb shows text messages only).")


def normalize_message(message: Any) -> dict[str, Any]:
    """One message in the normalised form a function receives (S20)."""
    if isinstance(message, ChatMessage):
        role, content, metadata, options = message.role, message.content, message.metadata, message.options
    else:
        role, content = message["role"], message["content"]
        metadata, options = message.get("metadata"), message.get("options")
    items = content if isinstance(content, list) else [content]
    return {
        "role": role,
        "metadata": copy.deepcopy(metadata),
        "content": [_content_item(item) for item in items],
        "options": copy.deepcopy(options),
    }


class Chatbot(Component):
    """A chat history; it is itself the conversation's state in the seed's chat example.

    Takes a list of ``{"role": "user" | "assistant", "content": str}`` dicts (or
    ``ChatMessage``). The function receives the normalised messages
    ``{"role", "metadata", "content": [{"text", "type"}], "options"}``, as Gradio 6 gives them.
    Content is rendered as Markdown and sanitized (``sanitize_html`` cannot be switched off:
    the notebook page is shared with your code). ``label``, ``height``, ``placeholder`` and
    ``render_markdown`` are honoured; ``type`` must be "messages" if given; the other display
    options (avatars, buttons, feedback, latex, ...) are accepted and ignored.
    """

    EVENTS: ClassVar[tuple[str, ...]] = ("change", "select", "like", "retry", "undo", "clear")
    UPDATABLE = (*Component.UPDATABLE, "height", "placeholder", "render_markdown")
    select = listener("select", "Accepted for Gradio compatibility; message selection is not reported.")
    like = listener("like", "Accepted for Gradio compatibility; like buttons are not shown.")
    retry = listener("retry", "Accepted for Gradio compatibility; retry buttons are not shown.")
    undo = listener("undo", "Accepted for Gradio compatibility; undo buttons are not shown.")
    clear = listener("clear", "Accepted for Gradio compatibility; the clear button is not shown.")

    def __init__(
        self,
        value: list[Any] | Callable[[], list[Any]] | None = None,
        *,
        type: str = "messages",
        height: int | str = 400,
        placeholder: str | None = None,
        render_markdown: bool = True,
        sanitize_html: bool = True,
        autoscroll: bool = True,
        resizable: bool = False,
        max_height: int | str | None = None,
        min_height: int | str | None = None,
        editable: Any = None,
        latex_delimiters: Any = None,
        rtl: bool = False,
        buttons: Any = None,
        watermark: str | None = None,
        avatar_images: Any = None,
        line_breaks: bool = True,
        layout: str | None = None,
        feedback_options: Any = ("Like", "Dislike"),
        feedback_value: Any = None,
        group_consecutive_messages: bool = True,
        allow_tags: Any = True,
        reasoning_tags: Any = None,
        like_user_message: bool = False,
        examples: Any = None,
        **kwargs: Any,
    ) -> None:
        if type != "messages":
            raise ValueError(
                f"Chatbot: type={type!r} is not supported; Gradio 6 uses the messages format "
                "(a list of {'role', 'content'} dicts)."
            )
        self.height = height
        self.placeholder = placeholder
        self.render_markdown = render_markdown
        kwargs.setdefault("label", "Chatbot")
        super().__init__(value, **kwargs)

    def preprocess(self, payload: list[dict[str, Any]] | None) -> list[dict[str, Any]]:
        """A fresh copy of the normalised messages (``[]`` when empty)."""
        return copy.deepcopy(payload) if payload else []

    def postprocess(self, value: Any) -> list[dict[str, Any]]:
        """Normalised messages; anything not in the messages format raises ``gr.Error``."""
        if value is None:
            return []
        if not isinstance(value, (list, tuple)) or not all(
            isinstance(m, ChatMessage) or (isinstance(m, dict) and "role" in m and "content" in m) for m in value
        ):
            raise Error(_FORMAT_ERROR)
        return [normalize_message(m) for m in value]

    def _rendered(self, payload: list[dict[str, Any]]) -> list[dict[str, str]]:
        return [
            {"role": m["role"], "html": "".join(to_safe_html(c["text"], self.render_markdown) for c in m["content"])}
            for m in payload
        ]

    def make_widget(self, payload: Any, interactive: bool) -> ChatbotWidget:
        widget = ChatbotWidget()
        self.write_widget(widget, payload)
        self.sync_props(widget, interactive)
        return widget

    def write_widget(self, widget: ChatbotWidget, payload: Any) -> None:
        payload = payload or []
        widget.value = payload
        widget.messages = self._rendered(payload)

    def sync_props(self, widget: ChatbotWidget, interactive: bool) -> None:
        widget.label = self.label or ""
        widget.show_label = self.show_label
        widget.height = f"{self.height}px" if isinstance(self.height, (int, float)) else str(self.height)
        widget.placeholder = to_safe_html(self.placeholder) if self.placeholder else ""
        self._style_widget(widget)
