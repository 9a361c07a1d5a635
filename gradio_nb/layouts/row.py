"""``gr.Row``: blocks side by side."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import ipywidgets as widgets

from ..widgets import shared
from .box import Box

if TYPE_CHECKING:
    from ..blocks import BuildContext


class Row(Box):
    """Lay out the blocks created inside it side by side (wrapping when narrow)."""

    _LOOK = ("equal_height",)

    def __init__(
        self,
        *,
        variant: str = "default",
        visible: bool = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        scale: int | None = None,
        height: Any = None,
        max_height: Any = None,
        min_height: Any = None,
        equal_height: bool = False,
        show_progress: bool = False,
        key: Any = None,
        preserved_by_key: Any = None,
    ) -> None:
        self.variant = variant
        self.equal_height = equal_height
        self.allow_expected_parents = variant != "compact"  # as Gradio: compact fields stay apart
        super().__init__(visible=visible, elem_id=elem_id, elem_classes=elem_classes, render=render, key=key)

    def lays_out_across(self) -> bool:
        return True

    def _build_widget(self, context: BuildContext) -> widgets.Box:
        # Sizes come from the app's stylesheet (js/app.css): the boxes share one Layout.
        box = widgets.HBox(self._child_widgets(context), layout=shared(widgets.Layout))
        box.add_class("gnb-row")
        if self.equal_height:
            box.add_class("gnb-equal-height")
        self._style_widget(box)
        return box


__all__ = ["Row"]
