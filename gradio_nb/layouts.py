"""Layout blocks: ``Row``, ``Column``, ``Group``, ``Tabs``/``Tab``, ``Accordion``, ``Sidebar``,
``Draggable``, and ``Form``, which wraps consecutive form fields (as Gradio does).

Each is an ipywidgets box. ``Column(scale=, min_width=)`` sets its flex share and minimum
width, ``Row(equal_height=True)`` stretches its children to one height; Gradio's other sizing
options (``height``, ``variant``, ...) are accepted and ignored. Layouts are outputs too:
``gr.update(visible=...)``, ``gr.Tabs(selected=...)``, ``gr.Accordion(open=...)`` returned
from a function change them in that session. ``Tabs``/``Tab`` fire ``select`` (and ``Tabs``
``change``) when a tab is chosen, ``Accordion``/``Sidebar`` ``expand`` and ``collapse``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

import ipywidgets as widgets

from .blocks import Block, BlockContext
from .events import listener
from .widgets import shared

if TYPE_CHECKING:
    from .session import Session


class _Box(BlockContext):
    """A layout whose widget is a box of its children's widgets: a re-render refills it."""

    #: The properties its widget is built from, besides visibility and CSS classes.
    _LOOK: ClassVar[tuple[str, ...]] = ()

    def _refill_widget(self, widget: widgets.Widget, session: Session, previous: BlockContext) -> bool:
        if any(getattr(self, name) != getattr(previous, name) for name in (*self._LOOK, "elem_classes")):
            return False
        widget.children = tuple(self._child_widgets(session))
        self._style_widget(widget)
        return True


class Row(_Box):
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

    def _build_widget(self, session: Session) -> widgets.Box:
        # Sizes come from the app's stylesheet (js/alerts.css): the boxes share one Layout.
        box = widgets.HBox(self._child_widgets(session), layout=shared(widgets.Layout))
        box.add_class("gnb-row")
        if self.equal_height:
            box.add_class("gnb-equal-height")
        self._style_widget(box)
        return box


class Column(_Box):
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

    def _build_widget(self, session: Session) -> widgets.Box:
        if (self.scale, self.min_width) == (1, 320):
            layout = shared(widgets.Layout)  # the stylesheet's default flex
        else:
            layout = widgets.Layout(flex=f"{self.scale} 1 {self.min_width}px", min_width=f"{self.min_width}px")
        box = widgets.VBox(self._child_widgets(session), layout=layout)
        box.add_class("gnb-column")
        self._style_widget(box)
        return box


class Draggable(_Box):
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

    def _build_widget(self, session: Session) -> widgets.Box:
        box_class = widgets.HBox if self.orientation == "row" else widgets.VBox
        box = box_class(self._child_widgets(session), layout=shared(widgets.Layout))
        if self.orientation == "row":
            box.add_class("gnb-row")
        self._style_widget(box)
        return box


class Group(_Box):
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


class Form(_Box):
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

    def _box_class(self) -> type[widgets.Box]:
        parent = self.parent
        across = isinstance(parent, Row) or (isinstance(parent, Draggable) and parent.orientation == "row")
        return widgets.HBox if across else widgets.VBox

    def _layout(self) -> widgets.Layout:
        # No size (in a column) or one default field's (in a row) comes from the stylesheet
        # (js/alerts.css): the shared Layout, no model of its own to send.
        if (self.scale, self.min_width) in ((0, 0), (1, 160)):
            return shared(widgets.Layout)
        return widgets.Layout(flex=f"{self.scale} 1 0%", min_width=f"min({self.min_width}px, 100%)")

    def _build_widget(self, session: Session) -> widgets.Box:
        box = self._box_class()(self._child_widgets(session), layout=self._layout())
        box.add_class("gnb-form")
        return box

    def _refill_widget(self, widget: widgets.Widget, session: Session, previous: BlockContext) -> bool:
        # A field more or less changes the form's share of a row: its box is kept (so are its
        # fields' views, focus included), only its size changes; not so its direction.
        if type(widget) is not self._box_class():
            return False
        if (self.scale, self.min_width) != (getattr(previous, "scale", None), getattr(previous, "min_width", None)):
            widget.layout = self._layout()
        widget.children = tuple(self._child_widgets(session))
        return True


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
        alignment: str = "start",
        height: Any = None,
        max_height: Any = None,
    ) -> None:
        self.label = label or ""
        self.id = id
        self.interactive = interactive
        super().__init__(visible=visible, elem_id=elem_id, elem_classes=elem_classes, render=render, key=key)

    def _build_widget(self, session: Session) -> widgets.Box:
        box = widgets.VBox(self._child_widgets(session), layout=shared(widgets.Layout))
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

    def __init__(self, tabs: list[Tab], session: Session, owner: Tabs | None) -> None:
        self.session = session
        self.owner = owner
        self.boxes = [session._build(tab) for tab in tabs]
        for box in self.boxes:
            box._gnb_bar = self
        self.widget = session._own(widgets.Tab())
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
        fire = self.session._dispatcher.fire
        if self.owner is not None:
            fire(self.owner, "change")
            fire(self.owner, "select", data)
        fire(tab, "select", data)


def tab_widget(tabs: list[Tab], session: Session, selected: int | str | None = None, owner: Tabs | None = None) -> widgets.Tab:
    """One ipywidgets ``Tab`` holding ``tabs``, with ``selected`` (an index or a Tab ``id``)."""
    bar = _TabBar(tabs, session, owner)
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

    def _build_widget(self, session: Session) -> widgets.Tab:
        tabs = [child for child in self.children if isinstance(child, Tab)]
        widget = tab_widget(tabs, session, self.selected, owner=self)
        self._style_widget(widget)
        return widget

    def _update_widget(self, widget: widgets.DOMWidget) -> None:
        self._style_widget(widget)
        if self.selected is not None:
            widget._gnb_bar.select(self.selected)


class _Collapsible(BlockContext):
    """A section that opens and closes (``open``), firing ``expand`` and ``collapse``."""

    EVENTS: ClassVar[tuple[str, ...]] = ("expand", "collapse")
    UPDATABLE = ("label", "open")
    expand = listener("expand", "Run ``fn`` when the section is opened.")
    collapse = listener("collapse", "Run ``fn`` when the section is closed.")

    def __init__(self, label: str | None, open: bool, **kwargs: Any) -> None:
        self.label = label or ""
        self.open = open
        super().__init__(**kwargs)

    def _build_widget(self, session: Session) -> widgets.Accordion:
        inner = session._own(widgets.VBox(self._child_widgets(session)))
        widget = widgets.Accordion([inner], titles=(self._title(),), selected_index=0 if self.open else None)
        dispatcher = session._dispatcher

        def toggled(change: dict[str, Any]) -> None:
            if not dispatcher.applying:  # an event's output opened it: only a person's toggle fires
                dispatcher.fire(self, "expand" if change["new"] == 0 else "collapse")

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


class Accordion(_Collapsible):
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
        height: Any = None,
        max_height: Any = None,
        key: Any = None,
        preserved_by_key: Any = None,
    ) -> None:
        super().__init__(label, open, visible=visible, elem_id=elem_id, elem_classes=elem_classes, render=render, key=key)


class Sidebar(_Collapsible):
    """Gradio's sidebar, shown where it is declared as a collapsible panel (a notebook
    output has no page edge to dock it to); ``width`` and ``position`` are accepted and
    ignored. Its ``label`` (not shown by Gradio) titles the panel, "Sidebar" by default."""

    UPDATABLE = ("label", "open", "width")

    def __init__(
        self,
        label: str | None = None,
        open: bool = True,
        visible: bool = True,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        render: bool = True,
        width: int | str = 320,
        position: str = "left",
        key: Any = None,
        preserved_by_key: Any = None,
    ) -> None:
        self.width = width
        self.position = position
        super().__init__(label, open, visible=visible, elem_id=elem_id, elem_classes=elem_classes, render=render, key=key)

    def _title(self) -> str:
        return self.label or "Sidebar"
