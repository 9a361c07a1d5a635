"""``gr.Tabs`` and ``gr.Tab`` (``gr.TabItem``): a tab bar, each tab a column of blocks."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

import ipywidgets as widgets

from ..blocks import BlockContext
from ..events import listener
from ..widgets import shared

if TYPE_CHECKING:
    from ..blocks import BuildContext


class Tab(BlockContext):
    """One tab of a ``Tabs`` (consecutive Tabs outside a ``Tabs`` are grouped in one).

    ``select`` fires when the person (or an event's ``gr.Tabs(selected=...)``) chooses this tab,
    with ``gr.SelectData`` (``value`` the label, ``index``, and ``id`` in its data). A hidden
    tab (``visible=False``) leaves the tab bar; ``interactive=False`` greys its title.
    """

    EVENTS: ClassVar[tuple[str, ...]] = ("select",)
    UPDATABLE = ("label", "interactive")
    select = listener("select", "Run ``fn`` when this tab is chosen.")

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
        alignment: str = "left",
        height: Any = None,
        max_height: Any = None,
    ) -> None:
        if alignment not in ("left", "right"):  # as Gradio refuses it
            raise ValueError(f"Tab {label!r}: `alignment` must be either 'left' or 'right', got {alignment!r}.")
        self.label = label or ""
        self.id = id
        self.interactive = interactive
        self.alignment = alignment
        super().__init__(visible=visible, elem_id=elem_id, elem_classes=elem_classes, render=render, key=key)

    def _build_widget(self, context: BuildContext) -> widgets.Box:
        box = widgets.VBox(self._child_widgets(context), layout=shared(widgets.Layout))
        box._gnb_tab = self
        box.add_class("gnb-tab")
        return box

    def _update_widget(self, widget: widgets.DOMWidget) -> None:
        widget._gnb_tab = self
        bar = getattr(widget, "_gnb_bar", None)
        if bar is not None:
            bar.show()


TabItem = Tab


class _TabBar:
    """One ipywidgets ``Tab`` showing a run of ``Tab`` blocks: fires their events, and keeps
    the bar in step when a tab is hidden, shown or renamed by an event."""

    def __init__(self, tabs: list[Tab], context: BuildContext, owner: Tabs | None) -> None:
        self.context = context
        self.owner = owner
        self.boxes = [context.build(tab) for tab in tabs]
        for box in self.boxes:
            box._gnb_bar = self
        self.widget = context.own(widgets.Tab())
        self.shown: list[Any] = []
        self._silent = False  # the bar is being set up or rearranged: no event
        self.show()
        self.widget.observe(self._chosen, names="selected_index")

    def show(self) -> None:
        """Put the visible tabs in the bar, with their titles (a hidden tab leaves it)."""
        current = self.shown[self.widget.selected_index] if self.shown and self.widget.selected_index is not None else None
        self.shown = [box for box in self.boxes if box._gnb_tab.visible]
        titles = [box._gnb_tab.label + ("" if box._gnb_tab.interactive else " (disabled)") for box in self.shown]
        if list(self.widget.children) != self.shown:
            self._quiet(lambda: setattr(self.widget, "children", self.shown))
        self.widget.titles = titles
        if current in self.shown and self.widget.selected_index != self.shown.index(current):
            self._quiet(lambda: setattr(self.widget, "selected_index", self.shown.index(current)))

    def select(self, selected: int | str | None) -> None:
        """Show the tab whose ``id`` (or else index among the visible tabs) is ``selected``."""
        ids = [box._gnb_tab.id for box in self.shown]
        if selected in ids:
            self.widget.selected_index = ids.index(selected)
        elif isinstance(selected, int) and not isinstance(selected, bool) and 0 <= selected < len(self.shown):
            self.widget.selected_index = selected

    def _quiet(self, change: Any) -> None:
        self._silent = True
        try:
            change()
        finally:
            self._silent = False

    def _chosen(self, change: dict[str, Any]) -> None:
        index = change["new"]
        if self._silent or index is None or index >= len(self.shown):
            return
        tab: Tab = self.shown[index]._gnb_tab
        if not tab.interactive:  # as Gradio: a non-interactive tab cannot be chosen
            old = change["old"]
            self._quiet(lambda: setattr(self.widget, "selected_index", old))
            return
        data = {"value": tab.label, "index": index, "id": tab.id}
        fire = self.context.fire
        if self.owner is not None:
            fire(self.owner, "change")
            fire(self.owner, "select", data)
        fire(tab, "select", data)


def tab_widget(tabs: list[Tab], context: BuildContext, selected: int | str | None = None, owner: Tabs | None = None) -> widgets.Tab:
    """One ipywidgets ``Tab`` holding ``tabs``, with ``selected`` (an index or a Tab ``id``)."""
    bar = _TabBar(tabs, context, owner)
    bar._quiet(lambda: bar.select(selected))
    bar.widget._gnb_bar = bar
    return bar.widget


class Tabs(BlockContext):
    """A set of ``Tab``s; ``selected`` is the index or ``id`` of the tab shown first.

    Fires ``change`` and ``select`` (``gr.SelectData``) when a tab is chosen; an event's
    ``gr.Tabs(selected=...)`` or ``gr.update(selected=...)`` chooses one.
    """

    EVENTS: ClassVar[tuple[str, ...]] = ("change", "select")
    UPDATABLE = ("selected",)
    change = listener("change", "Run ``fn`` when the chosen tab changes.")
    select = listener("select", "Run ``fn`` when a tab is chosen (``gr.SelectData``: label, index, id).")

    def __init__(
        self,
        *,
        selected: int | str | None = None,
        overflow_behavior: str = "menu",
        visible: bool = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        key: Any = None,
        preserved_by_key: Any = None,
    ) -> None:
        self.selected = selected
        super().__init__(visible=visible, elem_id=elem_id, elem_classes=elem_classes, render=render, key=key)

    def _build_widget(self, context: BuildContext) -> widgets.Tab:
        tabs = [child for child in self.children if isinstance(child, Tab)]
        widget = tab_widget(tabs, context, self.selected, owner=self)
        self._style_widget(widget)
        return widget

    def _update_widget(self, widget: widgets.DOMWidget) -> None:
        self._style_widget(widget)
        if self.selected is not None:
            widget._gnb_bar.select(self.selected)


__all__ = ["Tab", "TabItem", "Tabs", "tab_widget"]
