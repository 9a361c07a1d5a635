"""``gr.Group``: blocks kept together, without gaps."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import ipywidgets as widgets

from ..widgets import shared
from .box import Box

if TYPE_CHECKING:
    from ..blocks import BuildContext


class Group(Box):
    """Keep the blocks created inside it together, without gaps."""

    def __init__(
        self,
        *,
        visible: bool = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
        preserved_by_key: Any = None,
    ) -> None:
        super().__init__(visible=visible, elem_id=elem_id, elem_classes=elem_classes, render=render, key=key)

    def _build_widget(self, context: BuildContext) -> widgets.Box:
        box = widgets.VBox(self._child_widgets(context), layout=shared(widgets.Layout))
        box.add_class("gnb-group")
        self._style_widget(box)
        return box


__all__ = ["Group"]
