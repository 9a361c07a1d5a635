"""A session's widgets: each block's widget, built once, wired to the session's events, and
closed with the session.

A :class:`WidgetTree` is what blocks are built with (it is the
:class:`~gradio_nb.blocks.BuildContext` a block's ``_build_widget`` receives): it builds a
child's widget, keeps the widgets a block makes besides its own, fires events, says whether
a component is interactive and whether outputs are being applied, and gives a block the box a
``@gr.render`` run shows its blocks in (``rendered_box``). It also keeps the version of each block an event gave new
props, and lets a ``@gr.render`` run's block continue the previous run's widget.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import ipywidgets as widgets

from .blocks import Block, BlockContext, Blocks, interactivity
from .components.base import Component
from .components.state import State
from .components.timer import TimerHandle
from .rendering import MISSING
from .uploads import Uploads
from .widgets import close_models, current_generation, hold

if TYPE_CHECKING:
    from .dispatcher import Dispatcher
    from .rendering import Region
    from .renderable import Renderable

W = TypeVar("W")


class WidgetTree:
    """One session's widgets (see the module's docstring).

    ``add_timer`` gives a built ``gr.Timer``'s handle to the session's clock; ``region`` is
    the session's copy of a ``@gr.render`` function (made on first use).
    """

    def __init__(
        self,
        blocks: Blocks,
        dispatcher: Dispatcher,
        add_timer: Callable[[TimerHandle], None],
        region: Callable[[Renderable], Region],
    ) -> None:
        self._dispatcher = dispatcher
        self._add_timer = add_timer
        self._region = region
        #: Each block's widget, by block id (a gr.HTML's: the value widget inside its box).
        self.widgets: dict[int, widgets.Widget] = {}
        #: What each block's widget is in its layout (a gr.HTML's box around its value widget).
        self.outer: dict[int, Any] = {}
        #: Every widget and handle to close with the session.
        self.owned: list[Any] = []
        #: The components and layouts whose props an event changed: this session's versions.
        self.components: dict[int, Component] = {}
        self.layouts: dict[int, Block] = {}
        #: Whether each component is editable (see :func:`~gradio_nb.blocks.interactivity`).
        self.interactive = interactivity(blocks)
        #: The ``@gr.render`` region being reconciled, if any (set by :mod:`.rendering`).
        self.rendering: Region | None = None
        self._generations = [hold()]  # the shared models this session's widgets refer to

    # -- the build interface (BuildContext) ----------------------------------------------------
    @property
    def applying(self) -> bool:
        """Whether an event's outputs are being written now (a widget change is not a person's)."""
        return self._dispatcher.applying

    def build(self, block: Block) -> widgets.Widget | None:
        """Build (once) the widget of ``block`` for this session (during a re-render: keep
        the previous run's widget for a block that continues one, see :mod:`.rendering`)."""
        step = self.rendering.step if self.rendering is not None else None
        if isinstance(block, State):
            if step is not None:
                step.state(block)
            return None
        if step is not None:
            reused = step.reuse(block)
            if reused is not MISSING:
                return reused
        if isinstance(block, Component) and not isinstance(block, BlockContext):
            widget = block.make_widget(block.initial_payload(), self.interactive.get(block._id, True))
        else:  # a layout (a component that holds children too) builds its children: it needs the tree
            widget = block._build_widget(self)
        # A component holding children (a gr.HTML) shows its value in a widget inside its box.
        shown = self.widgets[block._id] = getattr(widget, "_gnb_value_widget", widget)
        if isinstance(shown, Uploads):  # its limits are the component's; its refusals shown here
            shown.upload_component = self.components.get(block._id, block)
            shown.report_error = self._widget_error
        self.outer[block._id] = widget
        if widget is not None:
            shown._gnb_block = block  # the block its events are fired as (see connect)
        if step is not None:
            step.built(block, shown)
        if isinstance(widget, TimerHandle):
            self._add_timer(widget)
        self.owned.append(widget)
        # A component that shows nothing (a gr.Timer) holds its value in a kernel-side object.
        return widget if isinstance(widget, widgets.Widget) else None

    def own(self, widget: W) -> W:
        """Keep ``widget`` (one a layout built besides its own) to be closed with the session."""
        self.owned.append(widget)
        return widget

    def fire(self, block: Block, event: str, data: Any = None) -> None:
        """Fire ``event`` on ``block`` in this session (a person's action on its widget)."""
        self._dispatcher.fire(block, event, data)

    def is_interactive(self, component: Component) -> bool:
        """Whether a person can edit ``component`` in this session."""
        if component.interactive is not None:
            return bool(component.interactive)
        return self.interactive.get(component._id, True)

    def rendered_box(self, renderable: Block) -> widgets.Widget:
        """The box showing the last run of the ``@gr.render`` function ``renderable``."""
        return self._region(renderable).widget  # type: ignore[arg-type]

    # -- events ------------------------------------------------------------------------------
    def connect(self, block_id: int, event: str) -> None:
        """Make the widget of block ``block_id`` fire ``event`` (once per widget and event).

        The handler fires the block the widget shows *now*: a keyed widget kept by a
        re-render fires as the new run's component."""
        widget = self.widgets.get(block_id)
        block = getattr(widget, "_gnb_block", None)
        if not isinstance(block, Component):
            return
        name = "change" if event == "input" else event
        connected = widget.__dict__.setdefault("_gnb_events", set())
        if name in connected:
            return
        connected.add(name)
        if name == "change":
            widget.observe(self._value_observer(widget), names="value")
        else:
            fire = self._dispatcher.fire
            block.connect(widget, event, lambda data=None, w=widget, event=event: fire(w._gnb_block, event, data))

    def _value_observer(self, widget: Any) -> Any:
        dispatcher = self._dispatcher

        def observe(_change: Any) -> None:
            if self.rendering is not None:
                return  # a re-render giving a kept widget its new value: no event, as a new one
            block = widget._gnb_block
            dispatcher.fire(block, "change")
            if not dispatcher.applying:
                dispatcher.fire(block, "input")

        return observe

    def _widget_error(self, error: Exception, where: str) -> None:
        """Show an error a widget met outside any event (a refused upload, a file gone) in the app."""
        self._dispatcher.record_error(None, error, event=where)

    # -- lookups -----------------------------------------------------------------------------
    def widget(self, block: Block) -> widgets.Widget:
        """The widget showing ``block``; ``ValueError`` if the block is not shown here."""
        widget = self.widgets.get(block._id)
        if widget is None:
            raise ValueError(
                f"{block!r} is not shown in this app (made with render=False and never rendered, "
                "or part of another app), so it has no value here."
            )
        return widget

    def component(self, block: Block) -> Component:
        """This session's version of component ``block`` (with the props events gave it)."""
        if not isinstance(block, Component):
            raise TypeError(f"Expected a component, got {block!r}.")
        return self.components.get(block._id, block)

    def layout(self, block: Block) -> Block:
        """This session's version of layout ``block`` (with the props events gave it)."""
        return self.layouts.get(block._id, block)

    # -- props -------------------------------------------------------------------------------
    def use_props(self, block: Block, changed: Block, widget: widgets.Widget) -> None:
        """Make ``changed`` (a copy with updated props) this session's version of ``block``."""
        if isinstance(changed, Component):
            self.components[block._id] = changed
            if isinstance(widget, Uploads):
                widget.upload_component = changed
            changed.sync_props(widget, self.is_interactive(changed))
        else:
            self.layouts[block._id] = changed
            changed._update_widget(widget)

    # -- re-renders --------------------------------------------------------------------------
    def adopt(self, old: Block, new: Block, outer: Any, shown: Any) -> None:
        """Let ``new`` (made by a re-render) continue ``old``: its widget and tables."""
        for table in (self.widgets, self.outer, self.components, self.layouts):
            table.pop(old._id, None)
        self.interactive.pop(old._id, None)
        self.widgets[new._id] = shown
        self.outer[new._id] = outer
        shown._gnb_block = new
        if isinstance(shown, Uploads) and isinstance(new, Component):
            shown.upload_component = new

    def forget(self, block: Block) -> None:
        """``block`` is gone with a re-render: forget its widget and props here."""
        for table in (self.widgets, self.outer, self.components, self.layouts, self.interactive):
            table.pop(block._id, None)

    def hold_current(self) -> None:
        """Keep the shared models of the cell running now alive while this session is open
        (its widgets may refer to them: a later cell's render run, an inspector)."""
        if self._generations[-1] is not current_generation():
            self._generations.append(hold())

    @property
    def generations(self) -> list[Any]:
        """The generations of shared models this session holds (see :mod:`.widgets`)."""
        return list(self._generations)

    # -- closing -----------------------------------------------------------------------------
    def close(self) -> None:
        """Close every widget and handle the session owns."""
        close_models(self.owned)

    def release(self) -> None:
        """Let go of the shared models held and forget every widget (after :meth:`close`)."""
        for generation in self._generations:
            generation.release()
        self._generations.clear()
        self.owned.clear()
        self.widgets.clear()
        self.outer.clear()
