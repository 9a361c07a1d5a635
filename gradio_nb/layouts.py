"""Layout blocks: ``Row``, ``Column``, ``Group``, ``Tabs``/``Tab`` and ``Accordion``.

Each is an ipywidgets box. Gradio's sizing options (``scale``, ``min_width``, ``height``,
``equal_height``, ``variant``, ...) are accepted; ``scale`` and ``min_width`` of a Column
set its flex share and minimum width, the others are ignored.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import ipywidgets as widgets

from .blocks import BlockContext
from .widgets import shared

if TYPE_CHECKING:
    from .session import Session


class Row(BlockContext):
    """Lay out the blocks created inside it side by side (wrapping when narrow)."""

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
        super().__init__(visible=visible, elem_id=elem_id, elem_classes=elem_classes, render=render, key=key)

    def _build_widget(self, session: Session) -> widgets.Box:
        # Sizes come from the app's stylesheet (js/alerts.css): the boxes share one Layout.
        box = widgets.HBox(self._child_widgets(session), layout=shared(widgets.Layout))
        box.add_class("gnb-row")
        self._style_widget(box)
        return box


class Column(BlockContext):
    """Lay out the blocks created inside it one under the other."""

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
        super().__init__(visible=visible, elem_id=elem_id, elem_classes=elem_classes, render=render, key=key)

    def _build_widget(self, session: Session) -> widgets.Box:
        if (self.scale, self.min_width) == (1, 320):
            layout = shared(widgets.Layout)  # the stylesheet's default flex
        else:
            layout = widgets.Layout(flex=f"{self.scale} 1 {self.min_width}px")
        box = widgets.VBox(self._child_widgets(session), layout=layout)
        box.add_class("gnb-column")
        self._style_widget(box)
        return box


class Group(BlockContext):
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

    def _build_widget(self, session: Session) -> widgets.Box:
        box = widgets.VBox(self._child_widgets(session), layout=shared(widgets.Layout))
        box.add_class("gnb-group")
        self._style_widget(box)
        return box


class Tab(BlockContext):
    """One tab of a ``Tabs`` (consecutive Tabs outside a ``Tabs`` are grouped in one)."""

    def __init__(
        self,
        label: str | None = None,
        visible: bool = True,
        interactive: bool = True,
        *,
        id: int | str | None = None,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        scale: int | None = None,
        render: bool = True,
        key: Any = None,
        preserved_by_key: Any = None,
        render_children: bool = False,
    ) -> None:
        self.label = label or ""
        self.id = id
        super().__init__(visible=visible, elem_id=elem_id, elem_classes=elem_classes, render=render, key=key)

    def _build_widget(self, session: Session) -> widgets.Box:
        box = widgets.VBox(self._child_widgets(session), layout=shared(widgets.Layout))
        self._style_widget(box)
        return box


TabItem = Tab


def tab_widget(tabs: list[Tab], session: Session, selected: int | str | None = None) -> widgets.Tab:
    """One ipywidgets ``Tab`` holding ``tabs``, with ``selected`` (an index or a Tab ``id``)."""
    widget = session._own(widgets.Tab([session._build(tab) for tab in tabs], titles=[tab.label for tab in tabs]))
    ids = [tab.id for tab in tabs]
    if selected in ids:
        widget.selected_index = ids.index(selected)
    elif isinstance(selected, int) and 0 <= selected < len(tabs):
        widget.selected_index = selected
    return widget


class Tabs(BlockContext):
    """A set of ``Tab``s; ``selected`` is the index or ``id`` of the tab shown first."""

    def __init__(
        self,
        *,
        selected: int | str | None = None,
        visible: bool = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
        preserved_by_key: Any = None,
    ) -> None:
        self.selected = selected
        super().__init__(visible=visible, elem_id=elem_id, elem_classes=elem_classes, render=render, key=key)

    def _build_widget(self, session: Session) -> widgets.Tab:
        tabs = [child for child in self.children if isinstance(child, Tab)]
        widget = tab_widget(tabs, session, self.selected)
        self._style_widget(widget)
        return widget


class Accordion(BlockContext):
    """A collapsible section titled ``label``, open unless ``open=False``."""

    def __init__(
        self,
        label: str | None = None,
        *,
        open: bool = True,
        visible: bool = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
        preserved_by_key: Any = None,
    ) -> None:
        self.label = label or ""
        self.open = open
        super().__init__(visible=visible, elem_id=elem_id, elem_classes=elem_classes, render=render, key=key)

    def _build_widget(self, session: Session) -> widgets.Accordion:
        inner = session._own(widgets.VBox(self._child_widgets(session)))
        widget = widgets.Accordion([inner], titles=(self.label,), selected_index=0 if self.open else None)
        self._style_widget(widget)
        return widget
