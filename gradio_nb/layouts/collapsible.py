"""The base of the sections that open and close: ``Accordion`` and ``Sidebar``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

import ipywidgets as widgets

from ..blocks import BlockContext
from ..events import listener

if TYPE_CHECKING:
    from ..blocks import BuildContext


class Collapsible(BlockContext):
    """A section that opens and closes (``open``), firing ``expand`` and ``collapse``."""

    EVENTS: ClassVar[tuple[str, ...]] = ("expand", "collapse")
    UPDATABLE = ("label", "open")
    expand = listener("expand", "Run ``fn`` when the section is opened.")
    collapse = listener("collapse", "Run ``fn`` when the section is closed.")

    def __init__(self, label: str | None, open: bool, **kwargs: Any) -> None:
        self.label = label or ""
        self.open = open
        super().__init__(**kwargs)

    def _build_widget(self, context: BuildContext) -> widgets.Accordion:
        inner = context.own(widgets.VBox(self._child_widgets(context)))
        widget = widgets.Accordion([inner], titles=(self._title(),), selected_index=0 if self.open else None)

        def toggled(change: dict[str, Any]) -> None:
            if not context.applying:  # an event's output opened it: only a person's toggle fires
                context.fire(self, "expand" if change["new"] == 0 else "collapse")

        widget.observe(toggled, names="selected_index")
        self._style_widget(widget)
        return widget

    def _title(self) -> str:
        return self.label

    def _update_widget(self, widget: widgets.DOMWidget) -> None:
        self._style_widget(widget)
        widget.titles = (self._title(),)
        wanted = 0 if self.open else None
        if widget.selected_index != wanted:
            widget.selected_index = wanted


__all__ = ["Collapsible"]
