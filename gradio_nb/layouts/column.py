"""``gr.Column``: blocks one under the other, sized in a row."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import ipywidgets as widgets

from ..widgets import shared
from .box import Box

if TYPE_CHECKING:
    from ..blocks import BuildContext


class Column(Box):
    """Lay out the blocks created inside it one under the other; beside other columns in a
    ``Row`` it takes ``scale`` shares of the width, and at least ``min_width`` pixels."""

    _LOOK = ("scale", "min_width")

    def __init__(
        self,
        *,
        scale: int = 1,
        min_width: int = 320,
        variant: str = "default",
        visible: bool = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        show_progress: bool = False,
        key: Any = None,
        preserved_by_key: Any = None,
    ) -> None:
        self.scale = scale
        self.min_width = min_width
        self.variant = variant
        self.allow_expected_parents = variant != "compact"
        super().__init__(visible=visible, elem_id=elem_id, elem_classes=elem_classes, render=render, key=key)

    def _build_widget(self, context: BuildContext) -> widgets.Box:
        if (self.scale, self.min_width) == (1, 320):
            layout = shared(widgets.Layout)  # the stylesheet's default flex
        else:
            # Gradio's Column: flex-grow scale over the row's 0% basis; at least min_width wide
            layout = widgets.Layout(flex=f"{self.scale} 1 0%", min_width=f"min({self.min_width}px, 100%)")
        box = widgets.VBox(self._child_widgets(context), layout=layout)
        box.add_class("gnb-column")
        self._style_widget(box)
        return box


__all__ = ["Column"]
