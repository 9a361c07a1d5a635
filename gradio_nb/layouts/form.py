"""``Form``: consecutive form fields drawn as one block, as Gradio wraps them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import ipywidgets as widgets

from ..blocks import Block, BlockContext
from ..widgets import shared
from .box import Box
from .column import Column
from .row import Row

if TYPE_CHECKING:
    from ..blocks import BuildContext


class Form(Box):
    """Consecutive form fields (Textbox, Number, Slider, Checkbox, Dropdown, ...) drawn as one
    bordered block, their own borders dropped: the wrapper a layout puts them in when it
    closes, as Gradio's ``Form``. It lays its fields out as its parent does (side by side in
    a ``Row``), and in a row it is as wide as its fields together (``scale``, ``min_width``)."""

    def __init__(
        self,
        *,
        scale: int = 0,
        min_width: int = 0,
        render: bool = True,
        key: Any = None,
        preserved_by_key: Any = None,
    ) -> None:
        self.scale = scale
        self.min_width = min_width
        super().__init__(render=render, key=key)

    def add_child(self, child: Block) -> None:
        """Add a field, growing this form's share of a row as Gradio's does."""
        parent = self.parent
        size = getattr(child, "scale", None)
        if isinstance(parent, Row) or (isinstance(parent, Column) and isinstance(parent.parent, Row) and parent.parent.equal_height):
            self.scale += 1 if size is None else size
            if isinstance(parent, Row):
                self.min_width += getattr(child, "min_width", 0) or 0
        super().add_child(child)

    def lays_out_across(self) -> bool:
        return self.parent is not None and self.parent.lays_out_across()

    def _box_class(self) -> type[widgets.Box]:
        return widgets.HBox if self.lays_out_across() else widgets.VBox

    def _layout(self) -> widgets.Layout:
        # No size (in a column) or one default field's (in a row) comes from the stylesheet
        # (js/app.css): the shared Layout, no model of its own to send.
        if (self.scale, self.min_width) in ((0, 0), (1, 160)):
            return shared(widgets.Layout)
        return widgets.Layout(flex=f"{self.scale} 1 0%", min_width=f"min({self.min_width}px, 100%)")

    def _build_widget(self, context: BuildContext) -> widgets.Box:
        box = self._box_class()(self._child_widgets(context), layout=self._layout())
        box.add_class("gnb-form")
        return box

    def _refill_widget(self, widget: widgets.Widget, context: BuildContext, previous: BlockContext) -> bool:
        # A field more or less changes the form's share of a row: its box is kept (so are its
        # fields' views, focus included), only its size changes; not so its direction.
        if type(widget) is not self._box_class():
            return False
        if (self.scale, self.min_width) != (getattr(previous, "scale", None), getattr(previous, "min_width", None)):
            widget.layout = self._layout()
        widget.children = tuple(self._child_widgets(context))
        return True


__all__ = ["Form"]
