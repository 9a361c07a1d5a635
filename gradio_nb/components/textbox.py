"""``gr.Textbox`` (and ``gr.Text``, ``gr.TextArea``): single- or multi-line text."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from ..events import listener
from ..unavailable import module_getattr
from ..widgets import TextboxWidget, on_view_event, sync_label
from .base import FormComponent


def sync_field(component: FormComponent, widget: Any, interactive: bool) -> None:
    """Copy the traits every labelled field shares (Textbox, Number, Slider) onto its widget; an
    unlabelled field shows its class's ``SHOWN_LABEL``, as Gradio's page does."""
    sync_label(component, widget)
    widget.info = component.info or ""
    widget.placeholder = getattr(component, "placeholder", None) or ""
    widget.disabled = not interactive
    component._style_widget(widget)


class Textbox(FormComponent):
    """Text input or output.

    The function receives a ``str`` (never ``None``: an empty box gives ``""``). Enter submits a
    single-line box (``lines=1``), Shift+Enter a multi-line one. Gradio's ``type``
    ("text", "password", "email"), ``lines``, ``max_lines``, ``placeholder`` are honoured;
    ``buttons=["copy"]`` shows a copy button (the ``copy`` event); ``autofocus``,
    ``autoscroll``, ``text_align``, ``rtl``, ``max_length``,
    ``submit_btn``, ``stop_btn``, ``html_attributes`` are accepted and ignored.
    """

    SHOWN_LABEL = "Textbox"

    IN_FORM = True

    EVENTS: ClassVar[tuple[str, ...]] = ("change", "input", "select", "submit", "focus", "blur", "stop", "copy")
    UPDATABLE = (*FormComponent.UPDATABLE, "placeholder", "lines", "max_lines", "type")
    submit = listener("submit", "Run ``fn`` when the user presses Enter (Shift+Enter if ``lines > 1``).")
    focus = listener("focus", "Accepted for Gradio compatibility; focus is not reported by the notebook view.")
    blur = listener("blur", "Accepted for Gradio compatibility; blur is not reported by the notebook view.")
    select = listener("select", "Accepted for Gradio compatibility; text selection is not reported.")
    stop = listener("stop", "Accepted for Gradio compatibility; the stop button is not shown.")
    copy = listener("copy", "Run ``fn`` when the text is copied with the copy button (``buttons=[\"copy\"]``; ``gr.CopyData``).")

    def __init__(
        self,
        value: str | Callable[[], str] | None = None,
        *,
        type: str = "text",
        lines: int = 1,
        max_lines: int | None = None,
        placeholder: str | None = None,
        autofocus: bool = False,
        autoscroll: bool = True,
        text_align: str | None = None,
        rtl: bool = False,
        buttons: Any = None,
        max_length: int | None = None,
        submit_btn: str | bool | None = False,
        stop_btn: str | bool | None = False,
        html_attributes: Any = None,
        **kwargs: Any,
    ) -> None:
        if type not in ("text", "password", "email"):
            raise ValueError(f"Textbox: `type` must be one of 'text', 'password', 'email', got {type!r}.")
        self.type = type
        self.lines = lines
        self.max_lines = max_lines if max_lines is not None else (1 if lines == 1 and type != "text" else max(lines, 20))
        self.placeholder = placeholder
        self.buttons = buttons
        super().__init__(value, **kwargs)

    def preprocess(self, payload: str | None) -> str:
        """The text as a ``str`` (an empty box gives ``""``)."""
        return "" if payload is None else str(payload)

    def postprocess(self, value: Any) -> str | None:
        """Any value is shown as its ``str``; ``None`` empties the box."""
        return None if value is None else str(value)

    def make_widget(self, payload: Any, interactive: bool) -> TextboxWidget:
        widget = TextboxWidget(value=payload or "")
        self.sync_props(widget, interactive)
        return widget

    def write_widget(self, widget: TextboxWidget, payload: Any) -> None:
        widget.value = payload or ""

    def sync_props(self, widget: TextboxWidget, interactive: bool) -> None:
        widget.lines = self.lines
        widget.max_lines = self.max_lines
        widget.type = self.type
        widget.copy_button = "copy" in (self.buttons or [])
        sync_field(self, widget, interactive)

    def connect(self, widget: TextboxWidget, event: str, fire: Callable[[], None]) -> bool:
        if event == "submit":
            on_view_event(widget, "submit", fire)
            return True
        if event == "copy":
            on_view_event(widget, "copy", fire)
            return True
        return False


#: ``gr.Text``: another name of ``gr.Textbox``, as in Gradio.
Text = Textbox


class TextArea(Textbox):
    """A Textbox of 7 lines (``lines=7``, ``max_lines=20``), as Gradio's template."""

    def __init__(self, value: str | Callable[[], str] | None = None, *, lines: int = 7, max_lines: int = 20, **kwargs: Any) -> None:
        super().__init__(value, lines=lines, max_lines=max_lines, **kwargs)

__getattr__ = module_getattr(
    __name__,
    ("InputHTMLAttributes",),
    "describes Textbox(html_attributes=), which gradio_nb accepts and ignores.",
)
