"""``gr.Tabs`` and ``gr.Tab`` (``gr.TabItem``): Gradio's tab bar, each tab a column of blocks."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

import ipywidgets as widgets
import traitlets as t

from ..blocks import BlockContext
from ..events import listener
from ..styling import id_class
from ..widgets import _View, shared

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


class TabBarWidget(_View):
    """Gradio's tab bar (``js/tabs.js``): a text tab (a ``role=tab`` button) per shown tab,
    the chosen one underlined, the ones that do not fit in a "..." menu. Its
    ``selected_index`` is linked in the page to the panels' (an ipywidgets ``Tab`` whose own
    bar is hidden), so a click switches the panel without waiting for the kernel."""

    _view_file = "tabs"
    #: One ``{"label", "interactive", "alignment", "elem_id"}`` per tab shown, in order.
    tabs = t.List(t.Dict()).tag(sync=True)
    selected_index = t.Int(None, allow_none=True).tag(sync=True)
    #: What the tabs that do not fit do: go in a "..." menu, or wrap (``Tabs(overflow_behavior=)``).
    overflow = t.Enum(("menu", "wrap"), "menu").tag(sync=True)


class _TabBar:
    """A run of ``Tab`` blocks shown as Gradio's tab bar over their panels (an ipywidgets
    ``Tab``, the widget the session reads and writes): fires the tabs' events, and keeps the
    bar in step when a tab is hidden, shown or renamed by an event."""

    def __init__(self, tabs: list[Tab], context: BuildContext, owner: Tabs | None) -> None:
        self.context = context
        self.owner = owner
        self.boxes = [context.build(tab) for tab in tabs]
        for box in self.boxes:
            box._gnb_bar = self
        self.widget = context.own(widgets.Tab())
        self.widget.add_class("gnb-tab-panels")
        self.bar = context.own(TabBarWidget())
        self.bar.add_class("gnb-tabbar")  # its room is kept before its module loads (app.css)
        #: What the layout shows: the bar over the panels.
        self.box = context.own(widgets.VBox([self.bar, self.widget], layout=shared(widgets.Layout)))
        self.box.add_class("gnb-tabs")
        self.box._gnb_value_widget = self.widget  # the session reads and writes the choice here
        self.shown: list[Any] = []
        self._silent = False  # the bar is being set up or rearranged: no event
        self.show()
        self.widget.observe(self._chosen, names="selected_index")

    def link(self) -> None:
        """Link the bar's choice to the panels' in the page (once the first choice is made)."""
        self.bar.selected_index = self.widget.selected_index
        self.context.own(widgets.jslink((self.widget, "selected_index"), (self.bar, "selected_index")))

    def show(self) -> None:
        """Put the visible tabs in the bar, with their titles (a hidden tab leaves it)."""
        current = self.shown[self.widget.selected_index] if self.shown and self.widget.selected_index is not None else None
        self.shown = [box for box in self.boxes if box._gnb_tab.visible]
        if list(self.widget.children) != self.shown:
            self._quiet(lambda: setattr(self.widget, "children", self.shown))
        self.widget.titles = [box._gnb_tab.label for box in self.shown]
        self.bar.tabs = [
            {"label": tab.label, "interactive": bool(tab.interactive), "alignment": tab.alignment,
             "elem_id": id_class(f"{tab.elem_id}-button") if tab.elem_id else ""}
            for tab in (box._gnb_tab for box in self.shown)
        ]
        if current in self.shown and self.widget.selected_index != self.shown.index(current):
            self._quiet(lambda: setattr(self.widget, "selected_index", self.shown.index(current)))

    def select(self, selected: int | str | None) -> None:
        """Show the tab whose ``id`` (or else index among the visible tabs) is ``selected``."""
        if selected is None:  # the first tab (a Tab without an ``id`` has None as its id)
            return
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
        # Gradio 6.31 counts the hidden tabs too: the tab's place among all of its Tabs'
        data = {"value": tab.label, "index": self.boxes.index(self.shown[index]), "id": tab.id}
        fire = self.context.fire
        if self.owner is not None:
            fire(self.owner, "change")
            fire(self.owner, "select", data)
        fire(tab, "select", data)


def tab_widget(
    tabs: list[Tab], context: BuildContext, selected: int | str | None = None, owner: Tabs | None = None, overflow: str = "menu",
) -> widgets.VBox:  # fmt: skip
    """Gradio's tab bar over ``tabs``' panels, with ``selected`` (an index or a Tab ``id``)
    chosen and ``overflow`` (see :class:`TabBarWidget`): a box whose ``_gnb_value_widget`` is
    the panels' ipywidgets ``Tab``."""
    bar = _TabBar(tabs, context, owner)
    bar.bar.overflow = overflow
    bar._quiet(lambda: bar.select(selected))
    bar.link()
    bar.widget._gnb_bar = bar
    return bar.box


class Tabs(BlockContext):
    """A set of ``Tab``s; ``selected`` is the index or ``id`` of the tab shown first; the tabs
    that do not fit the bar go in a "..." menu (``overflow_behavior="menu"``) or wrap (``"wrap"``).

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
        if overflow_behavior not in ("menu", "wrap"):  # as Gradio refuses it
            raise ValueError("The `overflow_behavior` parameter must be either 'menu' or 'wrap'.")
        self.selected = selected
        self.overflow_behavior = overflow_behavior
        super().__init__(visible=visible, elem_id=elem_id, elem_classes=elem_classes, render=render, key=key)

    def _build_widget(self, context: BuildContext) -> widgets.VBox:
        tabs = [child for child in self.children if isinstance(child, Tab)]
        box = tab_widget(tabs, context, self.selected, owner=self, overflow=self.overflow_behavior)
        self._style_widget(box)
        return box

    def _update_widget(self, widget: widgets.DOMWidget) -> None:
        self._style_widget(widget._gnb_bar.box)  # ``widget``: the panels, inside the box shown
        if self.selected is not None:
            widget._gnb_bar.select(self.selected)


__all__ = ["Tab", "TabBarWidget", "TabItem", "Tabs", "tab_widget"]
