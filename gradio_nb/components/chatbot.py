"""``gr.Chatbot``: a conversation in Gradio 6's messages format, shown as bubbles."""

from __future__ import annotations

import copy
import inspect
from collections.abc import Callable, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any, ClassVar

from ..data_classes import FileDataDict
from ..events import listener
from ..exceptions import Error
from ..file_paths import is_url, local_file
from ..markdown import to_safe_html
from ..media_urls import is_http_url, url_name
from ..unavailable import module_getattr
from ..uploads import guess_mimetype
from ..widgets import MAX_SHOWN_BYTES, ChatbotWidget, sync_label
from .base import Component
from .messages import (
    ChatMessage,
    ExampleMessage,
    FileMessage,
    FileMessageDict,
    Message,
    MessageDict,
    MetadataDict,
    NormalizedMessageDict,
    OptionDict,
    TextMessage,
    TextMessageDict,
)

_FORMAT_ERROR = (
    "Data incompatible with messages format. Each message should be a dictionary with "
    "'role' and 'content' keys or a ChatMessage object."
)


def _file_item(file: Any, alt_text: Any, mime_type: str | None = None) -> dict[str, Any]:
    """A file part as Gradio's ``FileMessage`` (``{"file": FileData, "alt_text", "type": "file"}``)."""
    if not isinstance(file, dict) or not isinstance(file.get("path"), (str, Path)):
        raise Error(f"Invalid message for Chatbot component: a file part needs a 'path', got {file!r}.")
    return {
        "file": {
            "path": str(file["path"]),
            "url": file.get("url"),
            "size": file.get("size"),
            "orig_name": file.get("orig_name"),
            "mime_type": file.get("mime_type", mime_type),
            "is_stream": bool(file.get("is_stream", False)),
            "meta": {"_type": "gradio.FileData"},
        },
        "alt_text": alt_text,
        "type": "file",
    }


def _content_item(item: Any) -> dict[str, Any]:
    if isinstance(item, (TextMessage, FileMessage)):  # a part of a Message object
        item = asdict(item)
    if isinstance(item, str):
        return {"text": inspect.cleandoc(item), "type": "text"}
    if isinstance(item, dict):
        # Gradio's order: a "path" makes a file part whatever else the dict holds.
        if "path" in item:
            if is_http_url(item["path"]):  # kept as the URL: the page loads it, the kernel never
                return _file_item({"path": item["path"], "url": item["path"]}, item.get("alt_text"),
                                  guess_mimetype(item["path"]))
            path = local_file(item["path"], "Chatbot", must_exist=False)  # Gradio's rule for returned files
            return _file_item({"path": path}, item.get("alt_text"), guess_mimetype(path))
        if "file" in item:
            file = item["file"]
            if isinstance(file, dict) and isinstance(file.get("path"), (str, Path)) and not is_http_url(file["path"]):
                local_file(file["path"], "Chatbot", must_exist=False)
            return _file_item(file, item.get("alt_text"))
        if item.get("type") == "text" and isinstance(item.get("text"), str):
            return {"text": item["text"], "type": "text"}
    raise Error(
        f"Invalid message for Chatbot component: {item!r}. gradio_nb shows text and files "
        "({'path': ...}) in messages; a component inside a message is not supported."
    )


def normalize_message(message: Any) -> dict[str, Any]:
    """One message in the normalised form a function receives (S20)."""
    if isinstance(message, (ChatMessage, Message)):
        role, content, metadata, options = message.role, message.content, message.metadata, message.options
    else:
        role, content = message["role"], message["content"]
        metadata, options = message.get("metadata"), message.get("options")
    items = content if isinstance(content, list) else [content]
    return {
        "role": role,
        # Most messages have neither: skipping deepcopy's call matters at 1,000 messages a turn.
        "metadata": None if metadata is None else copy.deepcopy(metadata),
        "content": [
            # The usual item, already normalised (what the function received): no checks to repeat.
            {"text": item["text"], "type": "text"}
            if type(item) is dict and item.get("type") == "text" and type(item.get("text")) is str
            else _content_item(item)
            for item in items
        ],
        "options": None if options is None else copy.deepcopy(options),
    }


_MISSING = object()


def copy_messages(payload: list[Any]) -> list[Any]:
    """``copy.deepcopy(payload)`` for normalised messages, several times faster: a message of
    the usual shape (a str role, text items) is rebuilt directly, its metadata and options
    deep-copied with one memo for the whole payload, as ``deepcopy(payload)`` would; any
    other message goes through ``deepcopy`` with that memo.

    Differences no normalised payload shows: keys come in the normalised order, and one
    message object listed twice becomes two copies."""
    memo: dict[int, Any] = {}
    deepcopy = copy.deepcopy
    copied: list[Any] = []
    append = copied.append
    for message in payload:
        if type(message) is dict and len(message) == 4:
            get = message.get
            role, content, metadata, options = get("role"), get("content"), get("metadata", _MISSING), get("options", _MISSING)
            if type(role) is str and type(content) is list and metadata is not _MISSING and options is not _MISSING:
                items = []
                for item in content:
                    if type(item) is dict and len(item) == 2:
                        text, kind = item.get("text"), item.get("type")
                        if type(text) is str and type(kind) is str:
                            items.append({"text": text, "type": kind})
                            continue
                    break
                else:  # every item was plain text
                    append({
                        "role": role,
                        "metadata": None if metadata is None else deepcopy(metadata, memo),
                        "content": items,
                        "options": None if options is None else deepcopy(options, memo),
                    })
                    continue
        append(deepcopy(message, memo))
    return copied


def _shown_file(widget: ChatbotWidget, part: dict[str, Any]) -> dict[str, Any]:
    """A file part as the view shows it, the file copied into the widget's folder first (as
    Gradio copies it into its cache: the function then receives the copy's path)."""
    file = part["file"]
    if is_http_url(file["path"]):  # the page loads it from there; the kernel fetches nothing
        name = file.get("orig_name") or url_name(file["path"])
        mime = file.get("mime_type") or guess_mimetype(name) or ""
        return {"name": name, "mime": mime, "alt": part.get("alt_text") or "", "data": b"", "url": file["path"]}
    source = Path(file["path"])
    name = file.get("orig_name") or source.name
    shown = {"name": name, "mime": file.get("mime_type") or guess_mimetype(name) or "", "alt": part.get("alt_text") or ""}
    if not source.is_file():
        return {**shown, "data": b"", "missing": True}
    if source.stat().st_size > MAX_SHOWN_BYTES:  # kept in the kernel, named in the page, not sent
        return {**shown, "data": b"", "missing": True, "alt": f"{name} (too large to show here)"}
    file["path"] = str(widget.adopt(source))
    return {**shown, "data": Path(file["path"]).read_bytes()}


def _rendered(widget: ChatbotWidget, message: dict[str, Any], markdown: bool) -> dict[str, Any]:
    """A message as the view draws it: its text parts as sanitized HTML, its files as bytes."""
    content = message["content"]
    html = "".join(to_safe_html(c["text"], markdown) for c in content if c.get("type") == "text")
    files = [_shown_file(widget, c) for c in content if c.get("type") == "file"]
    return {"role": message["role"], "html": html, "files": files} if files else {"role": message["role"], "html": html}


def _avatar_files(images: Any) -> tuple[dict[str, Any], list[bytes]]:
    """``avatar_images`` (user, bot) as the view's ``avatars`` message: each side a local
    image's MIME type and buffer index, or None (none given, a URL: nothing is fetched here,
    a missing or oversized file)."""
    pair = list(images) if isinstance(images, (list, tuple)) else [None, None]
    message: dict[str, Any] = {"op": "avatars", "user": None, "bot": None}
    buffers: list[bytes] = []
    for side, image in zip(("user", "bot"), [*pair, None, None][:2]):
        path = Path(str(image)) if isinstance(image, (str, Path)) else None
        if path is None or is_url(str(image)) or not path.is_file() or path.stat().st_size > MAX_SHOWN_BYTES:
            continue
        message[side] = {"mime": guess_mimetype(str(path)) or "image/png", "buffer": len(buffers)}
        buffers.append(path.read_bytes())
    return message, buffers


def _show_avatars(widget: ChatbotWidget, images: Any) -> None:
    """Send the avatars when they change, and to every view drawn later (its ``sync``)."""
    message, buffers = _avatar_files(images)
    if not getattr(widget, "_gnb_avatar_hook", False):
        widget._gnb_avatar_hook = True

        def resend(_widget: Any, content: Any, _buffers: Any) -> None:
            shown = getattr(widget, "_gnb_avatars", None)
            if isinstance(content, dict) and content.get("op") == "sync" and shown and (shown[0]["user"] or shown[0]["bot"]):
                widget.send(*shown)

        widget.on_msg(resend)
    if (message, buffers) != getattr(widget, "_gnb_avatars", None):
        had = getattr(widget, "_gnb_avatars", None) is not None
        widget._gnb_avatars = (message, buffers)
        if had or message["user"] or message["bot"]:  # no message at all for a chat without avatars
            widget.send(message, buffers)


class Chatbot(Component):
    """A chat history; it is itself the conversation's state in the seed's chat example.

    Takes a list of ``{"role": "user" | "assistant", "content": str}`` dicts (or
    ``ChatMessage``). The function receives the normalised messages
    ``{"role", "metadata", "content": [{"text", "type"}], "options"}``, as Gradio 6 gives them.
    Content is rendered as Markdown and sanitized (``sanitize_html`` cannot be switched off:
    the notebook page is shared with your code). ``label``, ``height``, ``placeholder``,
    ``render_markdown`` and ``avatar_images`` (local image files; URLs are not fetched) are
    honoured; ``type`` must be "messages" if given; the other display options (buttons,
    feedback, latex, ...) are accepted and ignored.

    A file part given as an ``http(s)://`` URL (``{"path": url}``) is kept as that URL and
    loaded by the page; the kernel fetches nothing, so a function receives the message with
    the URL as the file's ``path`` (Gradio downloads it first and gives its cached copy).
    """

    SHOWN_LABEL = "Chatbot"

    EVENTS: ClassVar[tuple[str, ...]] = (
        "change", "select", "like", "retry", "undo", "example_select", "option_select", "clear", "copy", "edit",
    )
    UPDATABLE = (
        *Component.UPDATABLE, "height", "placeholder", "render_markdown", "sanitize_html", "autoscroll",
        "resizable", "max_height", "min_height", "editable", "latex_delimiters", "rtl", "buttons", "watermark",
        "avatar_images", "line_breaks", "layout", "feedback_options", "feedback_value",
        "group_consecutive_messages", "allow_tags", "reasoning_tags", "like_user_message", "examples",
    )
    select = listener("select", "Run ``fn`` when a message is clicked (``gr.SelectData``: index, value).")
    like = listener("like", "Run ``fn`` when a message gets a thumb up or down (``gr.LikeData``).")
    retry = listener("retry", "Run ``fn`` when the retry button under the last answer is clicked (``gr.RetryData``).")
    undo = listener("undo", "Run ``fn`` when the undo button under the last answer is clicked (``gr.UndoData``).")
    clear = listener("clear", "Run ``fn`` after the clear button emptied the chat.")
    copy = listener("copy", "Run ``fn`` when a message is copied with its copy button (``gr.CopyData``).")
    edit = listener("edit", "Run ``fn`` when a message was edited (``editable=``; ``gr.EditData``).")
    example_select = listener("example_select", "Run ``fn`` when one of ``examples`` is clicked (``gr.SelectData``).")
    option_select = listener("option_select", "Run ``fn`` when one of a message's options is clicked (``gr.SelectData``).")

    def __init__(
        self,
        value: list[Any] | Callable[[], list[Any]] | None = None,
        *,
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
        allow_file_downloads: bool = True,
        examples: Any = None,
        **kwargs: Any,
    ) -> None:
        self.height = height
        self.placeholder = placeholder
        self.render_markdown = render_markdown
        self.sanitize_html, self.autoscroll, self.resizable = sanitize_html, autoscroll, resizable
        self.max_height, self.min_height, self.latex_delimiters, self.rtl = max_height, min_height, latex_delimiters, rtl
        if editable not in (None, "user", "all"):
            raise ValueError(f"Chatbot: `editable` must be None, 'user' or 'all', got {editable!r}.")
        self.editable, self.buttons, self.watermark, self.avatar_images = editable, buttons, watermark, avatar_images
        self.line_breaks, self.layout, self.allow_tags, self.reasoning_tags = line_breaks, layout, allow_tags, reasoning_tags
        self.feedback_options, self.feedback_value = feedback_options, feedback_value
        self.group_consecutive_messages, self.like_user_message = group_consecutive_messages, like_user_message
        self.examples = examples
        kwargs.setdefault("label", "Chatbot")
        super().__init__(value, **kwargs)

    def preprocess(self, payload: list[dict[str, Any]] | None) -> list[dict[str, Any]]:
        """A fresh copy of the normalised messages (``[]`` when empty)."""
        return copy_messages(payload) if payload else []

    def postprocess(self, value: Any, current: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Normalised messages; anything not in the messages format raises ``gr.Error``.

        ``current`` is the payload the widget shows now (the dispatcher passes it, see
        :attr:`postprocess_onto`): a message dict equal to the one at its index there is that
        normalised message again, not a new copy, so a turn of a long chat normalises, and
        keeps alive, only what is new. (Equal by ``==``: in metadata, ``1`` and ``1.0`` are
        one value, as they are once Gradio has sent them through JSON.)"""
        if value is None:
            return []
        if not isinstance(value, (list, tuple)):
            raise Error(_FORMAT_ERROR)
        known = min(len(current), len(value))
        try:
            same = [type(v) is dict and (v is c or v == c) for v, c in zip(value, current)]
        except Exception:  # an array in metadata has no truth value: normalise it all
            same = [False] * known
        if not all(
            isinstance(m, (ChatMessage, Message)) or (isinstance(m, dict) and "role" in m and "content" in m)
            for m in (value[i] for i in range(len(value)) if i >= known or not same[i])
        ):
            raise Error(_FORMAT_ERROR)
        return [current[i] if i < known and same[i] else normalize_message(m) for i, m in enumerate(value)]

    #: Tells the dispatcher to give :meth:`postprocess` the widget's payload as ``current``.
    postprocess_onto = True

    def make_widget(self, payload: Any, interactive: bool) -> ChatbotWidget:
        widget = ChatbotWidget()
        self.write_widget(widget, payload)
        self.sync_props(widget, interactive)
        return widget

    def write_widget(self, widget: ChatbotWidget, payload: Any) -> None:
        """Show ``payload``, rendering only the messages that changed: a message that is
        the one the widget holds at its index (see :meth:`postprocess`) keeps its rendering,
        and the comparisons after it (traitlets', the view's difference) stop at identity."""
        payload = payload or []
        old, shown = widget.value, widget.messages
        # Renderings made with another ``render_markdown`` (a gr.update) are not reused.
        reusable = len(old) if len(old) == len(shown) and widget.rendered_markdown == self.render_markdown else 0
        markdown = self.render_markdown
        rendered: list[dict[str, str]] = []
        append = rendered.append
        for index, message in enumerate(payload):
            if index < reusable and message is old[index]:
                append(shown[index])
            else:
                append(_rendered(widget, message, markdown))
        widget.value = payload
        widget.rendered_markdown = markdown
        widget.messages = rendered

    def sync_props(self, widget: ChatbotWidget, interactive: bool) -> None:
        sync_label(self, widget)
        widget.height = f"{self.height}px" if isinstance(self.height, (int, float)) else str(self.height)
        widget.placeholder = to_safe_html(self.placeholder) if self.placeholder else ""
        widget.editable = self.editable or ""
        widget.like_user_message = bool(self.like_user_message)
        widget.examples = [str(e.get("text", "")) if isinstance(e, dict) else str(e) for e in self.examples or []]
        widget.event_data = self.event_data
        _show_avatars(widget, self.avatar_images)
        widget.apply = lambda payload: self.write_widget(widget, payload)
        self._style_widget(widget)

    def connect(self, widget: ChatbotWidget, event: str, fire: Callable[..., None]) -> bool:
        """The view shows a message action (like, retry, undo, copy, edit, clear, ...) and sends
        it; the kernel builds the event's data from the messages it holds, as Gradio's page does."""
        if event not in self.EVENTS or event == "change":
            return False
        widget.handlers[event] = fire
        widget.actions = sorted({*widget.actions, event})
        return True

    def event_data(self, payload: list[dict[str, Any]], event: str, message: dict[str, Any]) -> dict[str, Any] | None:
        """The data Gradio's page sends with ``event``, for the view's ``message`` (which names
        a message by its ``index``); None if the message does not fit the conversation."""
        texts = [(i, m["role"], "".join(c.get("text", "") for c in m["content"])) for i, m in enumerate(payload)]
        index = message.get("index")
        if event in ("retry", "undo"):
            users = [t for t in texts if t[1] != "assistant"]
            return {"index": users[-1][0], "value": users[-1][2]} if users else None
        if event in ("example_select", "option_select"):
            return {"index": index, "value": message.get("value")}
        if event == "clear":
            return None
        if not isinstance(index, int) or not 0 <= index < len(texts):
            return None
        if event == "like":
            group = [index]
            if self.group_consecutive_messages:  # a group's first message, and every text of it
                while group[0] > 0 and texts[group[0] - 1][1] == texts[index][1]:
                    group.insert(0, group[0] - 1)
                while group[-1] + 1 < len(texts) and texts[group[-1] + 1][1] == texts[index][1]:
                    group.append(group[-1] + 1)
            liked = message.get("liked")
            return {"index": group[0], "value": [texts[i][2] for i in group], "liked": liked}
        if event == "edit":
            text = str(message.get("value", ""))
            return {"index": index, "value": text, "previous_value": texts[index][2], "_dispatch_value": [{"type": "text", "text": text}]}
        return {"index": index, "value": texts[index][2]}  # select, copy


__all__ = [
    "ChatMessage", "Chatbot", "ExampleMessage", "FileDataDict", "FileMessage", "FileMessageDict", "Message",
    "MessageDict", "MetadataDict", "NormalizedMessageDict", "OptionDict", "TextMessage", "TextMessageDict",
]

__getattr__ = module_getattr(
    __name__,
    ("ComponentMessage", "ComponentMessageDict", "ChatbotDataMessages", "import_component_and_data"),
    "is how Gradio puts a component inside a message or sends messages to its page; gradio_nb's Chatbot "
    "shows text and files, in plain dicts (MessageDict, NormalizedMessageDict).",
)
