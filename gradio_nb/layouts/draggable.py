"""``gr.Draggable``: Gradio's reorderable layout, shown as a row or a column."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import ipywidgets as widgets

from ..widgets import shared
from .box import Box

if TYPE_CHECKING:
    from ..blocks import BuildContext


class Draggable(Box):
    """Gradio's reorderable layout, shown as a row or a column (``orientation``) whose children
    keep their order: dragging them around is not available in a notebook."""

    _LOOK = ("orientation",)

    def __init__(
        self,
        *,
        orientation: str = "column",
        visible: bool = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
        preserved_by_key: Any = None,
    ) -> None:
        if orientation not in ("row", "column"):
            raise ValueError(f"Draggable: `orientation` must be 'row' or 'column', got {orientation!r}.")
        self.orientation = orientation
        super().__init__(visible=visible, elem_id=elem_id, elem_classes=elem_classes, render=render, key=key)

    def lays_out_across(self) -> bool:
        return self.orientation == "row"

    def _build_widget(self, context: BuildContext) -> widgets.Box:
        box_class = widgets.HBox if self.orientation == "row" else widgets.VBox
        box = box_class(self._child_widgets(context), layout=shared(widgets.Layout))
        if self.orientation == "row":
            box.add_class("gnb-row")
        self._style_widget(box)
        return box


__all__ = ["Draggable"]
