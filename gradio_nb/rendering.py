"""The runs of ``@gr.render`` functions in a session, and what each run changes on the page.

A :class:`Region` is one session's copy of one :class:`~gradio_nb.renderable.Renderable`: the
box it shows and the blocks and listeners of the function's last run. A run declares its
blocks and listeners into a :class:`RenderScope` of its own (never into the app's shared
declaration), then the region reconciles them with the previous run's, as Gradio's page does:

- a component with a ``key=`` made again (same class, same key) keeps its widget; the props
  named in its ``preserved_by_key`` (``"value"`` by default) keep what a person or an event
  gave them, the rest take the new run's values;
- a layout box made again at the same place (or with the same key) keeps its widget and is
  refilled, so the page changes only where the children changed;
- everything else is new, and what the previous run made and this one did not is closed
  (widgets, their listeners). A run of a dropped listener already queued (the ``.then`` of a
  click that re-rendered) runs as the new run's listener with the same ``key=``, else as it
  was while what it reads and writes is still shown, else not at all.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import ipywidgets as widgets

from . import context
from .blocks import Block, BlockContext, Blocks, interactivity
from .components.base import Component
from .components.state import State
from .inspection import Summary
from .layouts import Column, Form, Row
from .widgets import close_models, shared

if TYPE_CHECKING:
    from .events import Dependency
    from .renderable import Renderable
    from .session import Session

_MISSING = object()


class RenderScope(Blocks):
    """The root of one run of a render function in one session: its blocks and listeners."""

    def __init__(self, renderable: Renderable) -> None:
        token = context.root_block.set(None)  # never placed in the app being declared, if any
        try:
            super().__init__(title=renderable.label)
        finally:
            context.root_block.reset(token)


def walk(blocks: list[Block]) -> Iterator[Block]:
    """``blocks`` and everything inside them, depth first, in layout order."""
    for block in blocks:
        yield block
        if isinstance(block, BlockContext):
            yield from walk(block.children)


def _reachable(widget: Any, found: set[int]) -> None:
    if id(widget) in found:
        return
    found.add(id(widget))
    for child in getattr(widget, "children", ()):
        _reachable(child, found)
    inner = getattr(widget, "_gnb_value_widget", None)
    if inner is not None:
        _reachable(inner, found)


class Region:
    """One session's copy of a ``@gr.render``: its box, and its function's last run."""

    def __init__(self, session: Session, renderable: Renderable) -> None:
        self.session = session
        self.renderable = renderable
        row = renderable.row
        self.widget = (widgets.HBox if row else widgets.VBox)(layout=shared(widgets.Layout))
        self.widget.add_class("gnb-row" if row else "gnb-column")
        self.container: BlockContext | None = None  # the last run's top layout
        self.scope: RenderScope | None = None
        #: The widgets (and timer handles) the last run built or kept, to close when dropped.
        self.owned: list[Any] = []
        #: The payload each keyed component was given by the run that made it (by block id).
        self.given: dict[int, Any] = {}
        #: The reconciliation under way, if any (the widget tree asks it which widgets to keep).
        self.step: _Pass | None = None

    @property
    def blocks(self) -> list[Block]:
        """The blocks of the last run, in layout order."""
        return list(walk(self.container.children)) if self.container is not None else []

    @property
    def made(self) -> list[Block]:
        """The blocks of the last run the function made: without the ``Form``s that group
        its fields (see :meth:`BlockContext.fill_expected_parents`)."""
        return [b for b in self.blocks if not isinstance(b, Form)]

    def run(self, args: list[Any], kwargs: dict[str, Any]) -> tuple[Summary, Summary]:
        """Run the function with ``args``, then show what it declared (nothing changes if it
        raises). Returns the before/after summaries the event log shows."""
        renderable = self.renderable
        scope = RenderScope(renderable)
        container = (Row if renderable.row else Column)(render=False)
        tokens = (context.root_block.set(scope), context.parent_block.set(container), context.render_scope.set(self))
        try:
            renderable.fn(*args, **kwargs)
            container.fill_expected_parents()  # the run's top layout is never closed by a with
        finally:
            context.render_scope.reset(tokens[2])
            context.parent_block.reset(tokens[1])
            context.root_block.reset(tokens[0])
        keys: set[tuple[type, Any]] = set()
        for block in walk(container.children):
            if block.key is not None and not isinstance(block, Form):  # a Form's key is its field's
                if (type(block), _hashable(block.key)) in keys:
                    raise ValueError(
                        f"{renderable.label}: key={block.key!r} is given to two components of type "
                        f"{type(block).__name__} in one run; "
                        "a key names one component of a render function's run."
                    )
                keys.add((type(block), _hashable(block.key)))
        before = _count(self.made)
        made = self._show(scope, container)
        return before, made

    # -- reconciling -------------------------------------------------------------------------
    def _show(self, scope: RenderScope, container: BlockContext) -> Summary:
        session = self.session
        tree = session.widget_tree
        tree.hold_current()  # shared models of a later cell's run
        old_blocks, old_made = self.blocks, self.made
        old_scope = self.scope
        tree.interactive.update(interactivity(scope))
        start = len(tree.owned)
        step = self.step = _Pass(self, old_blocks, container)
        tree.rendering = self
        try:
            self.widget.children = tuple(container._child_widgets(tree))
        finally:
            tree.rendering = None
            self.step = None
        new_owned = tree.owned[start:]
        del tree.owned[start:]
        keep: set[int] = set()
        _reachable(self.widget, keep)
        keep.update(id(w) for w in (*new_owned, *step.kept_handles))
        dropped = [w for w in self.owned if id(w) not in keep]
        self.owned = [*(w for w in self.owned if id(w) in keep), *new_owned]
        kept_ids = {b._id for b in step.reused.values()}
        for block in old_blocks:
            if block._id not in kept_ids:
                session.forget(block)
                self.given.pop(block._id, None)
        close_models(dropped)
        self.container, self.scope = container, scope
        self._route(scope, old_scope)
        made = self.made
        new = [b for b in made if b._id not in step.reused]
        kept = len(kept_ids & {b._id for b in old_made})  # not the region's own box
        removed = len(old_made) - kept
        return Summary(f"{_count(made)}: {len(new)} new, {kept} kept, {removed} removed")

    def _route(self, scope: RenderScope, old: RenderScope | None) -> None:
        """Route events to the listeners ``scope`` declared instead of ``old``'s."""
        session = self.session
        merged: dict[tuple[int, str], list[Dependency]] = {}
        for region in session.regions:
            if region.scope is not None:
                for key, deps in region.scope._listeners.items():
                    merged.setdefault(key, []).extend(deps)
        dispatcher = session.dispatcher
        dispatcher.rendered_listeners = merged
        for block_id, event in list(scope._listeners):
            session.widget_tree.connect(block_id, event)
        if old is not None:
            gone = set(old.dependencies)
            for dep in gone:
                dispatcher._plans.pop(dep, None)
            # A queued run of a listener the run dropped (the .then of a click that re-rendered)
            # runs as its keyed successor, or as it was if what it reads and writes is still
            # shown; not at all if not.
            successors = {dep.key: dep for dep in scope.dependencies if dep.key is not None}
            queue = []
            for dep, trigger in dispatcher.queue:
                if dep in gone:
                    dep = successors.get(dep.key) if dep.key is not None else dep
                    if dep is None or not _shown(session, dep):
                        continue
                queue.append((dep, trigger))
            dispatcher.queue = deque(queue)
        if any(event == "change" and isinstance(session.blocks.blocks.get(bid), State) for bid, event in scope._listeners):
            dispatcher._plans.clear()  # a State's change listeners changed: what runs watch
        for key in ((scope._id, "load"), (session.blocks._id, "load")):  # gr.on(None, ...), demo.load
            for dep in scope._listeners.get(key, ()):
                dispatcher.enqueue(dep, (session.blocks, None))

    def close(self) -> None:
        """Close what the last run made (the session is closing)."""
        close_models(self.owned)
        self.owned.clear()
        self.given.clear()
        self.container = self.scope = None


class _Pass:
    """One reconciliation: which previous block each new block continues."""

    def __init__(self, region: Region, old_blocks: list[Block], container: BlockContext) -> None:
        self.region = region
        self.keyed: dict[tuple[type, Any], Block] = {(type(b), _hashable(b.key)): b for b in old_blocks if b.key is not None}
        #: new block id -> the previous block it continues
        self.reused: dict[int, Block] = {}
        if region.container is not None:
            self.reused[container._id] = region.container
        self.kept_handles: list[Any] = []
        self._claimed: set[int] = {b._id for b in self.reused.values()}
        self._positions: dict[int, dict[int, int]] = {}

    def previous(self, block: Block) -> Block | None:
        """The block of the previous run that ``block`` continues, if any (and claim it)."""
        if block.key is not None:
            old = self.keyed.pop((type(block), _hashable(block.key)), None)
        elif isinstance(block, BlockContext) and block.parent is not None:
            old_parent = self.reused.get(block.parent._id)
            if old_parent is None:
                return None
            index = self._index(block)
            siblings = old_parent.children
            old = siblings[index] if index < len(siblings) else None
            if old is None or type(old) is not type(block) or old.key is not None or old._id in self._claimed:
                return None
        else:
            return None
        return old

    def _index(self, block: Block) -> int:
        parent = block.parent
        assert parent is not None
        positions = self._positions.get(parent._id)
        if positions is None:
            positions = self._positions[parent._id] = {c._id: i for i, c in enumerate(parent.children)}
        return positions[block._id]

    def reuse(self, block: Block) -> Any:
        """The previous run's widget for ``block``, updated to it; ``_MISSING`` to build anew."""
        old = self.previous(block)
        if old is None:
            return _MISSING
        session = self.region.session
        tree = session.widget_tree
        outer = tree.outer.get(old._id)
        if outer is None:
            return _MISSING
        self.reused[block._id] = old
        self._claimed.add(old._id)
        if isinstance(block, BlockContext):
            if not isinstance(old, BlockContext) or not block._refill_widget(outer, tree, old):
                del self.reused[block._id]
                self._claimed.discard(old._id)
                return _MISSING
            tree.adopt(old, block, outer, outer)
            return outer
        assert isinstance(block, Component) and isinstance(old, Component)
        shown = tree.widgets[old._id]
        current = tree.component(old)
        preserved = _preserved(block)
        for name in preserved:
            if name != "value" and getattr(current, name, None) != getattr(old, name, None):
                setattr(block, name, getattr(current, name))  # an event changed it: kept
        tree.adopt(old, block, outer, shown)
        block.sync_props(shown, tree.is_interactive(block))
        given = self.region.given.get(old._id, _MISSING)
        now = block.peek_widget(shown)
        if "value" in preserved and not _same(now, given):
            self.region.given[block._id] = given  # a person or an event changed it: kept
        else:
            payload = block.initial_payload()
            if not _same(now, payload):
                block.write_widget(shown, payload)
            self.region.given[block._id] = payload
        self.region.given.pop(old._id, None)
        if not isinstance(outer, widgets.Widget):
            self.kept_handles.append(outer)
            return None
        return outer

    def state(self, block: State) -> None:
        """Give a State the run made its value: a keyed one continues the previous run's."""
        values = self.region.session.states.values
        old = self.previous(block)
        name = f"state_{block._id}"
        if old is not None and f"state_{old._id}" in values:
            self.reused[block._id] = old
            self._claimed.add(old._id)
            values[name] = values.pop(f"state_{old._id}")
        else:
            values[name] = block.initial_value()

    def built(self, block: Block, shown: Any) -> None:
        """``block`` got a new widget: remember the value it was given, if keyed."""
        if block.key is not None and isinstance(block, Component):
            self.region.given[block._id] = block.peek_widget(shown)


def _shown(session: Session, dep: Dependency) -> bool:
    """Whether every block ``dep`` reads or writes is still part of ``session``."""
    return all(session.is_part(block) for block in (*dep.inputs, *dep.inputs_kwargs.values(), *dep.outputs))


def _preserved(block: Component) -> list[str]:
    names = getattr(block, "preserved_by_key", ["value"])
    return [names] if isinstance(names, str) else list(names or [])


def _same(a: Any, b: Any) -> bool:
    if a is b:
        return True
    try:
        return bool(a == b)
    except Exception:  # an array's ambiguous truth value: treat as changed
        return False


def _hashable(key: Any) -> Any:
    return tuple(key) if isinstance(key, list) else key


def _count(blocks: list[Block]) -> Summary:
    return Summary(f"{len(blocks)} block{'s' if len(blocks) != 1 else ''}")


__all__ = ["MISSING", "Region", "RenderScope", "walk"]
MISSING = _MISSING
