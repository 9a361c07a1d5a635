"""``gr.Dialogue``: a multi-speaker conversation, one line per speaker turn."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, ClassVar

import traitlets as t

from ..events import listener
from ..exceptions import Error
from ..unavailable import DATA_MODEL, module_getattr
from ..widgets import LabelledView, fire_event, sync_label
from .base import FormComponent

#: A dialogue line as the page holds it.
Line = dict[str, str]
#: What a Dialogue holds: its lines, plain text typed in its text mode, or nothing.
Payload = list[Line] | str | None


class DialogueWidget(LabelledView):
    """The dialogue editor: a row per line (speaker select, text field, add and delete
    buttons), or a plain-text area (``ui_mode`` "text", or the "Plain Text" switch).

    ``value`` (the payload) stays in the kernel; the view shows ``lines`` and ``text``, both
    derived from it here (``text`` needs the app's ``formatter``, a Python function), and
    sends each committed edit as a message (see :meth:`play`).
    """

    _view_file = "dialogue"
    #: The payload: a list of ``{"speaker", "text"}`` dicts, a ``str`` or None. Kernel only.
    value = t.Any(None)
    #: The lines shown (a ``str`` value is shown parsed back into lines).
    lines = t.List().tag(sync=True)
    #: The value as plain text (formatted with the component's formatter).
    text = t.Unicode("").tag(sync=True)
    #: Whether the "Plain Text" switch is on.
    plain = t.Bool(False).tag(sync=True)
    label = t.Unicode("Dialogue").tag(sync=True)
    info = t.Unicode("").tag(sync=True)
    placeholder = t.Unicode("").tag(sync=True)
    disabled = t.Bool(False).tag(sync=True)
    speakers = t.List(t.Unicode()).tag(sync=True)
    tags = t.List(t.Unicode()).tag(sync=True)
    color_map = t.Dict().tag(sync=True)
    ui_mode = t.Unicode("both").tag(sync=True)
    max_lines = t.Int(None, allow_none=True).tag(sync=True)
    #: The submit button's text ("" for an icon); None: no submit button.
    submit_label = t.Unicode(None, allow_none=True).tag(sync=True)
    copy_button = t.Bool(False).tag(sync=True)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        #: Formats a payload as text / parses text into lines: set by the component's version
        #: of this session (:meth:`Dialogue.sync_props`).
        self.format_fn: Callable[[Payload], str] = lambda payload: payload if isinstance(payload, str) else ""
        self.unformat_fn: Callable[[str], list[Line]] = lambda text: []
        #: The session's ``fire`` for ``submit`` (see :meth:`Dialogue.connect`).
        self.on_submit: Callable[..., None] | None = None
        self.on_msg(lambda _w, content, _buffers: self.play(content))
        self.observe(lambda _change: self.refresh(), names="value")

    def refresh(self) -> None:
        """Derive what the view shows (``lines``, ``text``) from ``value``."""
        value = self.value
        if isinstance(value, str):
            self.lines = self.unformat_fn(value) if self.speakers else []
            if self.ui_mode == "both" and self.speakers:
                self.plain = True  # as Gradio's page: a text value shows the text mode
        else:
            self.lines = [dict(line) for line in value or []]
        self.text = self.format_fn(value)

    def play(self, content: Any) -> None:
        """Apply a message from the view, as a person's committed edit:

        ``{"op": "lines", "lines": [...]}`` (a line's text or speaker, a line added or deleted),
        ``{"op": "text", "text": "..."}`` (the plain text), ``{"op": "plain", "on": bool}``
        (the "Plain Text" switch: switched off, typed text is parsed back into lines) and
        ``{"event": "submit"}`` (the submit button; typed text is parsed into lines first when
        the switch is on). A session's ``change`` and ``input`` fire when the value changes.
        """
        if not isinstance(content, dict) or self.disabled:
            return
        op = content.get("op")
        if op == "lines":
            self.value = clean_lines(content.get("lines"))
        elif op == "text":
            self.value = str(content.get("text", ""))
        elif op == "plain":
            on = bool(content.get("on"))
            if not on and isinstance(self.value, str):
                self.value = self.unformat_fn(self.value)
            self.plain = on
        elif content.get("event") == "submit":
            if self.plain and self.ui_mode == "both" and self.speakers and isinstance(self.value, str):
                self.value = self.unformat_fn(self.value)
            if self.on_submit is not None:
                fire_event(self.on_submit, None)


def clean_lines(lines: Any) -> list[Line]:
    """The lines a view sent, as ``{"speaker": str, "text": str}`` dicts (anything else dropped)."""
    if not isinstance(lines, list):
        return []
    return [
        {"speaker": str(line.get("speaker") or ""), "text": str(line.get("text") or "")}
        for line in lines
        if isinstance(line, dict)
    ]


class Dialogue(FormComponent):
    """A conversation between speakers: one line per turn, each a speaker and its text.

    The function receives, with ``type="text"`` (the default), the lines formatted with
    ``formatter(speaker, text)`` (default ``"[speaker] text"``) joined by ``separator``; with
    ``type="list"``, the lines as ``{"speaker", "text"}`` dicts. Text typed in the plain-text
    mode is received as typed (a ``str``, for either type), as in Gradio. A function may return
    a list of such dicts (or objects with ``speaker`` and ``text`` attributes), a ``str``, or
    None.

    In the page: a speaker menu (``speakers``) and a text field per line, add and delete
    buttons (at most ``max_lines`` lines), the "Plain Text" switch (``ui_mode="both"``), a text
    area alone (``ui_mode="text"``, or no ``speakers``), tags offered in a menu after ``:``
    (``tags``), ``submit_btn`` (the ``submit`` event), ``buttons=["copy"]``, and when read-only
    each speaker's lines coloured (``color_map``, else Gradio's palette). A text edit reaches
    the kernel when committed (Enter or leaving the field), a speaker, added or deleted line at
    once. ``unformatter(line, default_speaker)`` parses plain text back into lines.
    Accepted and ignored: ``container``, ``scale``, ``min_width``, ``autofocus``,
    ``autoscroll``, custom ``gr.Button`` entries of ``buttons``.

    Deliberate difference: Gradio fails to preprocess a Dialogue that holds nothing (``None``);
    here the function receives ``""`` (``type="text"``) or ``[]`` (``type="list"``).
    """

    SHOWN_LABEL = "Dialogue"

    EVENTS: ClassVar[tuple[str, ...]] = ("change", "input", "submit")
    UPDATABLE = (
        *FormComponent.UPDATABLE, "type", "speakers", "formatter", "unformatter", "tags", "separator",
        "color_map", "placeholder", "container", "scale", "min_width", "autofocus", "autoscroll",
        "max_lines", "buttons", "submit_btn", "ui_mode",
    )  # fmt: skip
    submit = listener("submit", "Run ``fn`` when the user clicks the submit button (``submit_btn``).")

    def __init__(
        self,
        value: list[dict[str, str]] | Callable[[], Any] | None = None,
        *,
        type: str = "text",
        speakers: list[str] | None = None,
        formatter: Callable[[str, str], str] | None = None,
        unformatter: Callable[[str, str], dict[str, str]] | None = None,
        tags: list[str] | None = None,
        separator: str = "\n",
        color_map: dict[str, str] | None = None,
        label: str | None = "Dialogue",
        info: str | None = "Type colon (:) in the dialogue line to see the available tags",
        placeholder: str | None = None,
        show_label: bool | None = None,
        container: bool = True,
        scale: int | None = None,
        min_width: int = 160,
        interactive: bool | None = None,
        visible: bool = True,
        elem_id: str | None = None,
        autofocus: bool = False,
        autoscroll: bool = True,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
        max_lines: int | None = None,
        buttons: list[Any] | None = None,
        submit_btn: str | bool | None = False,
        ui_mode: str = "both",
        **kwargs: Any,
    ) -> None:
        self.type = type
        self.speakers = speakers
        self.formatter = formatter
        self.unformatter = unformatter
        self.tags = tags or []
        self.separator = separator
        self.color_map = color_map
        self.placeholder = placeholder
        self.container, self.scale, self.min_width = container, scale, min_width
        self.autofocus, self.autoscroll = autofocus, autoscroll
        self.max_lines = max_lines
        self.buttons = list(buttons or [])
        self.submit_btn = submit_btn
        self.ui_mode = ui_mode
        self._check()
        super().__init__(
            value, label=label, info=info, show_label=show_label, container=container, scale=scale,
            min_width=min_width, interactive=interactive, visible=visible, elem_id=elem_id,
            elem_classes=elem_classes, render=render, key=key, **kwargs,
        )  # fmt: skip
        if not interactive:
            self.info = None  # as Gradio: the tag hint is for a dialogue one can type in

    def _check(self) -> None:
        if self.type not in ("text", "list"):
            raise ValueError(f"Dialogue: `type` must be 'text' or 'list', got {self.type!r}.")
        if self.ui_mode not in ("dialogue", "text", "both"):
            raise ValueError(f"Dialogue: `ui_mode` must be 'dialogue', 'text' or 'both', got {self.ui_mode!r}.")
        if self.separator == " ":
            raise ValueError("Dialogue: `separator` cannot be a single space (it must be unambiguous).")

    def _after_props(self, props: dict[str, Any]) -> None:
        super()._after_props(props)
        if "tags" in props:
            self.tags = self.tags or []
        if "buttons" in props:
            self.buttons = list(self.buttons or [])
        self._check()

    # -- value pipeline ----------------------------------------------------------------------
    def preprocess(self, payload: Payload) -> str | list[Line]:
        """The lines as ``{"speaker", "text"}`` dicts (``type="list"``) or formatted and joined
        into one ``str`` (``type="text"``); text typed in the plain-text mode as typed."""
        if isinstance(payload, str):
            return payload
        lines = [dict(line) for line in payload or []]
        return lines if self.type == "list" else self._format(lines)

    def _format(self, lines: list[Line]) -> str:
        # As Gradio: one empty line (a fresh dialogue) is no dialogue at all.
        if len(lines) == 1 and lines[0]["text"] == "":
            return ""
        formatter = self.formatter or self.default_formatter
        return self.separator.join(str(formatter(line["speaker"], line["text"])) for line in lines)

    @staticmethod
    def default_formatter(speaker: str, text: str) -> str:
        """Gradio's line format: ``"[speaker] text"``."""
        return f"[{speaker}] {text}"

    @staticmethod
    def default_unformatter(line: str, default_speaker: str) -> dict[str, str]:
        """A line in the default format parsed back: ``"[A] hi"`` is ``{"speaker": "A",
        "text": "hi"}``; a line without ``[speaker]`` goes to ``default_speaker``."""
        line = line.strip()
        if not line:
            return {"speaker": "", "text": ""}
        if line.startswith("[") and "]" in line:
            end = line.find("]")
            return {"speaker": line[1:end], "text": line[end + 1 :].strip()}
        return {"speaker": default_speaker, "text": line}

    def format(self, value: Payload) -> str:
        """The dialogue as the plain text the page shows and copies (Gradio's ``format``)."""
        return value if isinstance(value, str) else self._format([dict(line) for line in value or []])

    def unformat(self, text: str) -> list[Line]:
        """Plain text parsed back into lines, one per ``separator`` (Gradio's ``unformat``):
        with ``unformatter`` if given, else :meth:`default_unformatter`; blank lines dropped."""
        if not text or not text.strip():
            return []
        parse = self.unformatter or self.default_unformatter
        default_speaker = self.speakers[0] if self.speakers else "Unknown"
        lines = []
        for part in text.split(self.separator) if self.separator else [text]:
            part = part.strip()
            if not part:
                continue
            parsed = parse(part, default_speaker)
            line = {"speaker": str(parsed.get("speaker") or ""), "text": str(parsed.get("text") or "")}
            if line["speaker"] or line["text"]:
                lines.append(line)
        return lines

    def postprocess(self, value: Any) -> Payload:
        """A ``str`` as is; a list of lines (dicts with ``speaker`` and ``text``, or objects
        with those attributes, such as Gradio's ``DialogueLine``) as ``{"speaker", "text"}``
        dicts; None as None. Anything else is a ``gr.Error`` naming the component."""
        if value is None or isinstance(value, str):
            return value
        value = getattr(value, "root", value)  # a DialogueModel-like wrapper
        if isinstance(value, str):
            return value
        if not isinstance(value, (list, tuple)):
            raise Error(
                f"{self!r}: expected a list of {{'speaker', 'text'}} dicts or a str, got {type(value).__name__}."
            )
        return [self._line(line, i) for i, line in enumerate(value)]

    def _line(self, line: Any, index: int) -> Line:
        if isinstance(line, Mapping):
            speaker, text = line.get("speaker"), line.get("text")
        else:
            speaker, text = getattr(line, "speaker", None), getattr(line, "text", None)
        if not isinstance(speaker, str) or not isinstance(text, str):
            raise Error(f"{self!r}: line {index} must have a str 'speaker' and a str 'text', got {line!r}.")
        return {"speaker": speaker, "text": text}

    def as_example(self, value: Any) -> Any:
        """An example's value as the function receives it."""
        return self.preprocess(self.postprocess(value))

    def example_payload(self) -> list[Line]:
        """A sample payload (Gradio's)."""
        return [
            {"speaker": "Speaker 1", "text": "Hello, how are you?"},
            {"speaker": "Speaker 2", "text": "I'm fine, thank you!"},
        ]

    def example_value(self) -> list[Line]:
        """A sample value (Gradio's)."""
        return self.example_payload()

    # -- widget ------------------------------------------------------------------------------
    def make_widget(self, payload: Payload, interactive: bool) -> DialogueWidget:
        widget = DialogueWidget()
        self.sync_props(widget, interactive)
        widget.value = payload
        widget.refresh()  # the observer did not run if the payload is the default None
        return widget

    def write_widget(self, widget: DialogueWidget, payload: Payload) -> None:
        widget.value = payload

    def read_widget(self, widget: DialogueWidget) -> Payload:
        value = widget.value
        return value if value is None or isinstance(value, str) else [dict(line) for line in value]

    def sync_props(self, widget: DialogueWidget, interactive: bool) -> None:
        widget.format_fn = self.format
        widget.unformat_fn = self.unformat
        sync_label(self, widget)
        widget.info = self.info or ""
        widget.placeholder = self.placeholder or ""
        widget.disabled = not interactive
        widget.speakers = [str(s) for s in self.speakers or []]
        widget.tags = [str(tag) for tag in self.tags or []]
        widget.color_map = {str(k): str(v) for k, v in (self.color_map or {}).items()}
        widget.ui_mode = self.ui_mode
        widget.max_lines = self.max_lines
        submit = self.submit_btn
        widget.submit_label = None if not submit else ("" if submit is True else str(submit))
        widget.copy_button = "copy" in [b for b in self.buttons if isinstance(b, str)]
        widget.refresh()  # the formatter or speakers may have changed
        self._style_widget(widget)

    def connect(self, widget: DialogueWidget, event: str, fire: Callable[..., None]) -> bool:
        if event == "submit":
            widget.on_submit = fire
            return True
        return False

__getattr__ = module_getattr(__name__, ("DialogueLine", "DialogueModel"), DATA_MODEL)
