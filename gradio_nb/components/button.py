"""``gr.Button`` and ``gr.ClearButton``."""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from typing import Any, ClassVar

import ipywidgets as widgets

from ..blocks import Block
from ..events import Dependency, listener
from ..widgets import shared
from .base import Component
from .state import State

_STYLES = {"primary": "primary", "secondary": "", "stop": "danger", "huggingface": ""}
_SIZES = ("sm", "md", "lg")
#: The look's classes (js/app.css draws ``gnb-btn-<variant>`` and ``gnb-btn-<size>`` as Gradio).
_LOOK_CLASSES = tuple(f"gnb-btn-{name}" for name in (*_STYLES, *_SIZES))


class Button(Component):
    """A button; ``value`` is its text (and what a function gets when it is an input).

    ``variant`` ("primary", "secondary", "stop", "huggingface") sets its colour and ``size``
    ("sm", "md", "lg") its padding and text, as Gradio draws them (a large button fills its
    column's width). ``icon``, ``link``, ``link_target``, ``scale`` and ``min_width`` are
    accepted and ignored.
    """

    EVENTS: ClassVar[tuple[str, ...]] = ("click",)
    UPDATABLE = ("value", "variant", "size", "interactive", "elem_id", "elem_classes")
    click = listener("click", "Run ``fn`` when the button is clicked.")

    def __init__(
        self,
        value: str | Callable[[], str] = "Run",
        *,
        variant: str = "secondary",
        size: str = "lg",
        icon: str | None = None,
        link: str | None = None,
        link_target: str = "_self",
        **kwargs: Any,
    ) -> None:
        if variant not in _STYLES:
            raise ValueError(f"Button: `variant` must be one of {sorted(_STYLES)}, got {variant!r}.")
        self.variant = variant
        self.size = size
        super().__init__(value, **kwargs)

    def postprocess(self, value: Any) -> str:
        return "" if value is None else str(value)

    def make_widget(self, payload: Any, interactive: bool) -> widgets.Button:
        widget = widgets.Button(description=payload, layout=shared(widgets.Layout), style=shared(widgets.ButtonStyle))
        self.sync_props(widget, interactive)
        return widget

    def read_widget(self, widget: widgets.Button) -> str:
        return widget.description

    def write_widget(self, widget: widgets.Button, payload: Any) -> None:
        widget.description = payload

    def sync_props(self, widget: widgets.Button, interactive: bool) -> None:
        widget.button_style = _STYLES[self.variant]
        size = self.size if self.size in _SIZES else "lg"
        look = ("gnb-btn", f"gnb-btn-{self.variant}", f"gnb-btn-{size}")
        # An update may change variant or size: the previous look's classes go first.
        for cls in widget._dom_classes:
            if cls in _LOOK_CLASSES and cls not in look:
                widget.remove_class(cls)
        for cls in look:
            if cls not in widget._dom_classes:
                widget.add_class(cls)
        # Buttons are clickable unless explicitly made non-interactive.
        widget.disabled = self.interactive is False
        self._style_widget(widget)

    def connect(self, widget: widgets.Button, event: str, fire: Callable[[], None]) -> bool:
        if event == "click":
            widget.on_click(lambda _button: fire())
            return True
        return False


class ClearButton(Button):
    """A button that empties ``components`` and resets States, in the clicking session only.

    As in Gradio: visible components are cleared to empty (a Textbox to ``""``, a Number to
    ``None``, a Chatbot to ``[]``), not to their constructor values; States go back to the
    value they had when they were added here.
    """

    def __init__(
        self,
        components: Block | Sequence[Block] | None = None,
        *,
        value: str = "Clear",
        variant: str = "secondary",
        api_name: str | None = None,
        api_visibility: str = "undocumented",
        **kwargs: Any,
    ) -> None:
        super().__init__(value, variant=variant, **kwargs)
        self._state_defaults: dict[int, Any] = {}
        def clear() -> Any:  # named for the event log: "ClearButton 'Clear'.click -> clear"
            return self._cleared_values()

        self._clear: Dependency = self.click(clear, None, [])
        if components is not None:
            self.add(components)

    def add(self, components: Block | Sequence[Block]) -> ClearButton:
        """Also clear ``components`` when clicked."""
        items = [components] if isinstance(components, Block) else list(components)
        for block in items:
            if not isinstance(block, Block):
                raise TypeError(f"ClearButton.add: expected components, got {block!r}.")
            if isinstance(block, State):
                self._state_defaults[block._id] = copy.deepcopy(block.value)
            self._clear.outputs.append(block)
        return self

    def _cleared_values(self) -> list[Any]:
        outputs = self._clear.outputs
        values = [copy.deepcopy(self._state_defaults[b._id]) if b._id in self._state_defaults else None for b in outputs]
        return values if len(values) != 1 else values[0]
