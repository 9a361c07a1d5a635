"""The base of the layouts drawn as a box of their children's widgets."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

import ipywidgets as widgets

from ..blocks import BlockContext

if TYPE_CHECKING:
    from ..blocks import BuildContext


class Box(BlockContext):
    """A layout whose widget is a box of its children's widgets: a re-render refills it."""

    #: The properties its widget is built from, besides visibility and CSS classes.
    _LOOK: ClassVar[tuple[str, ...]] = ()

    def _refill_widget(self, widget: widgets.Widget, context: BuildContext, previous: BlockContext) -> bool:
        if any(getattr(self, name) != getattr(previous, name) for name in (*self._LOOK, "elem_classes")):
            return False
        widget.children = tuple(self._child_widgets(context))
        self._style_widget(widget)
        return True


__all__ = ["Box"]
