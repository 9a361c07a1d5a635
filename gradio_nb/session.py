"""A Session: one instance of an app, with its own widgets and State values.

Every display of a ``Blocks`` and every ``demo.session()`` is a new Session, exactly as every
browser tab is a new session in Gradio. State values live as traits of a per-session
``HasTraits`` object (never synced to the browser); visible values live in the widgets.
The session's dispatcher runs events as Gradio's backend does, one at a time, in order.
"""

from __future__ import annotations

import copy
import inspect
import itertools
import traceback
from collections import deque
from typing import TYPE_CHECKING, Any

import ipywidgets as widgets
import traitlets

from .alerts import ErrorRecord, current_session
from .blocks import Block, Blocks
from .components.base import Component, props_differing_from_default
from .components.state import State
from .exceptions import Error
from .hashing import deep_hash
from .returns import map_return
from .updates import is_update
from .widgets import AlertsWidget

if TYPE_CHECKING:
    from .events import Dependency

_MAX_ALERTS = 5
_alert_ids = itertools.count()


def state_class(blocks: Blocks) -> type[traitlets.HasTraits]:
    """The ``HasTraits`` class holding one trait per State of ``blocks``.

    Each trait's default is computed lazily, on the session's first read: a deep copy of the
    State's value (or its callable's result), so untouched States cost nothing.
    """
    if blocks._state_class is None:
        namespace: dict[str, Any] = {}
        for block in blocks.iter_blocks():
            if isinstance(block, State):
                name = f"state_{block._id}"
                namespace[name] = traitlets.Any()
                namespace[f"_default_{name}"] = traitlets.default(name)(
                    lambda self, _state=block: _state.initial_value()
                )
        blocks._state_class = type("SessionState", (traitlets.HasTraits,), namespace)
    return blocks._state_class


def interactivity(blocks: Blocks) -> dict[int, bool]:
    """Which components a person can edit: Gradio's rule for ``interactive=None``.

    An input of any event is interactive; a component that is only ever an output is not;
    one that no event uses is.
    """
    inputs: set[int] = set()
    outputs: set[int] = set()
    for dep in blocks.dependencies:
        inputs.update(b._id for b in dep.inputs)
        inputs.update(b._id for b in dep.inputs_kwargs.values())
        outputs.update(b._id for b in dep.outputs)
    result = {}
    for block in blocks.blocks.values():
        explicit = getattr(block, "interactive", None)
        if explicit is not None:
            result[block._id] = bool(explicit)
        else:
            result[block._id] = block._id in inputs or block._id not in outputs
    return result


class Session:
    """One running instance of an app: its widgets, its State, and a driver API.

    Every driver call (:meth:`set`, :meth:`click`, :meth:`submit`, :meth:`trigger`) acts as a
    person would and returns once the whole chain of events it started has finished.
    """

    def __init__(self, blocks: Blocks) -> None:
        self.blocks = blocks
        #: Errors shown to the user so far, oldest first.
        self.errors: list[ErrorRecord] = []
        self._state = state_class(blocks)()
        self._widgets: dict[int, widgets.Widget] = {}
        self._owned: list[widgets.Widget] = []
        self._components: dict[int, Component] = {}
        self._interactive = interactivity(blocks)
        self._queue: deque[Dependency] = deque()
        self._running: Dependency | None = None
        self._draining = False
        self._applying = False
        self._displayed = False
        self._closed = False
        self._alerts = AlertsWidget()
        self._owned.append(self._alerts)
        self.widget: widgets.VBox = widgets.VBox([self._alerts, *blocks._child_widgets(self)])
        self.widget.add_class("gradio-nb")
        self._owned.append(self.widget)
        self._wire()
        blocks._open_sessions.append(self)
        for block in blocks.iter_blocks():
            if isinstance(block, State) and block.load_fn is not None:
                self.get(block)  # a callable default runs once per session, at load (S4)
        self.trigger(blocks, "load")

    # -- building ----------------------------------------------------------------------------
    def _build(self, block: Block) -> widgets.Widget | None:
        """Build (once) the widget of ``block`` for this session."""
        if isinstance(block, State):
            return None
        if isinstance(block, Component):
            widget = block.make_widget(block.initial_payload(), self._interactive.get(block._id, True))
        else:
            widget = block._build_widget(self)
        self._widgets[block._id] = widget
        self._owned.append(widget)
        return widget

    def _wire(self) -> None:
        watched: set[int] = set()
        for block_id, event in list(self.blocks._listeners):
            widget = self._widgets.get(block_id)
            block = self.blocks.blocks.get(block_id)
            if widget is None or not isinstance(block, Component):
                continue
            if event in ("change", "input"):
                if block_id not in watched:
                    watched.add(block_id)
                    widget.observe(self._value_observer(block), names="value")
            else:
                block.connect(widget, event, self._firer(block, event))

    def _value_observer(self, block: Component) -> Any:
        def observe(_change: Any) -> None:
            self._fire(block, "change")
            if not self._applying:
                self._fire(block, "input")

        return observe

    def _firer(self, block: Block, event: str) -> Any:
        return lambda: self._fire(block, event)

    # -- driver API --------------------------------------------------------------------------
    def get(self, component: Block) -> Any:
        """This session's value of ``component``, as an event function would receive it."""
        if isinstance(component, State):
            return getattr(self._state, self._trait(component))
        comp = self._component(component)
        return comp.preprocess(comp.read_widget(self._widget(component)))

    def set(self, component: Block, value: Any) -> None:
        """Set ``component`` as a user edit would (firing its ``change`` and ``input``).

        A State has no user edits: its value is replaced and no event fires.
        """
        self._check_open()
        if isinstance(component, State):
            setattr(self._state, self._trait(component), value)
            return
        comp = self._component(component)
        comp.write_widget(self._widget(component), comp.postprocess(value))
        self._drain()

    def click(self, button: Block) -> None:
        """Click ``button``: run its ``click`` listeners and their chains."""
        self.trigger(button, "click")

    def submit(self, textbox: Block) -> None:
        """Press Enter in ``textbox``: run its ``submit`` listeners and their chains."""
        self.trigger(textbox, "submit")

    def trigger(self, component: Block, event: str) -> None:
        """Fire ``event`` (``"click"``, ``"change"``, ``"load"``, ...) on ``component``."""
        self._check_open()
        known = getattr(component, "EVENTS", ()) if not isinstance(component, Blocks) else ("load", "unload")
        if event not in known:
            raise ValueError(
                f"{type(component).__name__} has no {event!r} event; its events are: {', '.join(known)}."
            )
        self._fire(component, event)

    def close(self) -> None:
        """Close this session: run ``unload`` events, free State, close every widget."""
        if self._closed:
            return
        self._fire(self.blocks, "unload")
        self._closed = True
        for block in self.blocks.iter_blocks():
            if isinstance(block, State) and block.delete_callback is not None:
                name = self._trait(block)
                if name in self._state._trait_values:
                    try:
                        block.delete_callback(self._state._trait_values[name])
                    except Exception as err:  # a failing callback must not stop the cleanup
                        self._record_error(None, err)
        self._state = None  # type: ignore[assignment]
        for widget in self._owned:
            for model in (getattr(widget, "layout", None), getattr(widget, "style", None), widget):
                if isinstance(model, widgets.Widget):
                    model.close()
        self._owned.clear()
        self._widgets.clear()
        if self in self.blocks._open_sessions:
            self.blocks._open_sessions.remove(self)

    @property
    def closed(self) -> bool:
        """Whether :meth:`close` was called."""
        return self._closed

    # -- dispatcher --------------------------------------------------------------------------
    def _fire(self, block: Block, event: str) -> None:
        for dep in self.blocks._listeners.get((block._id, event), ()):
            self._enqueue(dep)
        self._drain()

    def _enqueue(self, dep: Dependency) -> None:
        if self._closed:
            return
        if dep.trigger_mode == "once" and (dep is self._running or dep in self._queue):
            return
        if dep.trigger_mode == "always_last" and dep in self._queue:
            return
        self._queue.append(dep)

    def _drain(self) -> None:
        if self._draining:
            return  # the outer drain runs what was queued, in order
        self._draining = True
        try:
            while self._queue:
                self._running = self._queue.popleft()
                self._run(self._running)
        finally:
            self._running = None
            self._draining = False

    def _run(self, dep: Dependency) -> None:
        watched = [b for b in dep.outputs if isinstance(b, State) and (b._id, "change") in self.blocks._listeners]
        before = {b._id: deep_hash(self.get(b)) for b in watched}
        token = current_session.set(self)
        busy = self._mark_busy(dep)
        try:
            if dep.fn is not None:
                args, kwargs = self._read_inputs(dep)
                result = dep.fn(*args, **kwargs)
                if inspect.iscoroutine(result) or inspect.isasyncgen(result):
                    if inspect.iscoroutine(result):
                        result.close()  # never awaited: close it so Python does not warn
                    raise TypeError(
                        f"{dep.describe()}: async functions and async generators are not run by "
                        "gradio_nb yet; use a plain function or generator."
                    )
                if inspect.isgenerator(result):
                    for item in result:
                        self._apply(dep, item)
                        before = self._fire_state_changes(watched, before)
                else:
                    self._apply(dep, result)
        except Exception as err:
            self._record_error(dep, err)
            for follower in dep.on_failure:
                self._enqueue(follower)
            return
        finally:
            current_session.reset(token)
            for widget, trait, idle in busy:
                setattr(widget, trait, idle)
        for follower in dep.on_success:
            self._enqueue(follower)
        self._fire_state_changes(watched, before)
        for follower in dep.on_then:
            self._enqueue(follower)

    def _mark_busy(self, dep: Dependency) -> list[tuple[widgets.Widget, str, bool]]:
        """Show that ``dep`` runs: outputs get a busy marker, enabled trigger buttons are
        disabled. Returns what to set back when it is done."""
        if dep.fn is None or dep.show_progress == "hidden":
            return []
        marked = []
        for block in dep.outputs:
            widget = self._widgets.get(block._id)
            if widget is not None and widget.has_trait("pending") and not widget.pending:
                marked.append((widget, "pending", False))
        for block, _event in dep.triggers:
            widget = self._widgets.get(block._id)
            if isinstance(widget, widgets.Button) and not widget.disabled:
                marked.append((widget, "disabled", False))
        for widget, trait, _idle in marked:
            setattr(widget, trait, True)
        return marked

    def _fire_state_changes(self, watched: list[State], before: dict[int, str]) -> dict[int, str]:
        after = {b._id: deep_hash(self.get(b)) for b in watched}
        for block in watched:
            if after[block._id] != before[block._id]:
                for dep in self.blocks._listeners.get((block._id, "change"), ()):
                    self._enqueue(dep)
        return after

    def _read_inputs(self, dep: Dependency) -> tuple[list[Any], dict[str, Any]]:
        values = [self._input_value(b, dep.preprocess) for b in dep.inputs]
        kwargs = {name: self._input_value(b, dep.preprocess) for name, b in dep.inputs_kwargs.items()}
        if dep.inputs_as_dict:
            return [dict(zip(dep.inputs, values))], kwargs
        return values, kwargs

    def _input_value(self, block: Block, preprocess: bool) -> Any:
        if isinstance(block, State):
            return getattr(self._state, self._trait(block))
        if not isinstance(block, Component):
            raise TypeError(f"{type(block).__name__} is a layout and cannot be an input.")
        comp = self._component(block)
        payload = comp.read_widget(self._widget(block))
        return comp.preprocess(payload) if preprocess else payload

    def _apply(self, dep: Dependency, result: Any) -> None:
        """Map ``result`` onto the outputs, postprocess all, then write all (or nothing)."""
        staged: list[tuple[Block, Component | None, bool, Any]] = []
        for block, value in zip(dep.outputs, map_return(result, dep.outputs, dep.fn_name)):
            if isinstance(block, State):
                if is_update(value):
                    if "value" in value:
                        staged.append((block, None, True, value["value"]))
                else:
                    staged.append((block, None, True, value))
                continue
            if isinstance(value, Block) and isinstance(block, Component):
                value = {**props_differing_from_default(value), "__type__": "update"}  # type: ignore[arg-type]
            if is_update(value):
                props = {k: v for k, v in value.items() if k not in ("__type__", "value") and v is not None}
                current = self._component(block) if isinstance(block, Component) else block
                changed = self._with_props(current, props) if props else None
                target = changed or current
                has_value = "value" in value
                if has_value and not isinstance(target, Component):
                    raise ValueError(f"{type(block).__name__} has no value to update.")
                payload = target.postprocess(value["value"]) if has_value and dep.postprocess else value.get("value")
                staged.append((block, changed, has_value, payload))
            else:
                if not isinstance(block, Component):
                    raise ValueError(
                        f"{type(block).__name__} is a layout: return gr.update(visible=...) for it, not a value."
                    )
                comp = self._component(block)
                staged.append((block, None, True, comp.postprocess(value) if dep.postprocess else value))
        self._applying = True
        try:
            for block, changed, has_value, payload in staged:
                if isinstance(block, State):
                    setattr(self._state, self._trait(block), payload)
                    continue
                widget = self._widgets[block._id]
                if changed is not None:
                    if isinstance(changed, Component):
                        self._components[block._id] = changed
                        changed.sync_props(widget, self._is_interactive(changed))
                    else:
                        changed._style_widget(widget)
                if has_value:
                    self._component(block).write_widget(widget, payload)
        finally:
            self._applying = False

    def _with_props(self, block: Block, props: dict[str, Any]) -> Block:
        if isinstance(block, Component):
            return block.with_props(props)
        unknown = sorted(set(props) - {"visible", "elem_classes", "elem_id"})
        if unknown:
            raise ValueError(f"gr.update() for {type(block).__name__}: cannot update {', '.join(unknown)}.")
        clone = copy.copy(block)
        for name, value in props.items():
            setattr(clone, name, value)
        return clone

    def _is_interactive(self, comp: Component) -> bool:
        if comp.interactive is not None:
            return bool(comp.interactive)
        return self._interactive.get(comp._id, True)

    def _record_error(self, dep: Dependency | None, err: BaseException) -> None:
        if isinstance(err, Error):
            record = ErrorRecord(err.title, err.message, "Error", dep.describe() if dep else "", traceback.format_exc())
            visible, duration = err.visible, err.duration
        else:
            record = ErrorRecord("Error", str(err), type(err).__name__, dep.describe() if dep else "", traceback.format_exc())
            visible, duration = True, 10
        self.errors.append(record)
        if visible:
            shown = record.message if isinstance(err, Error) else f"{record.type}: {record.message}"
            where = f"\n(in {record.event})" if record.event else ""
            self._show_alert("error", record.title, shown + where, duration)

    def _show_alert(self, level: str, title: str, message: str, duration: float | None) -> None:
        alert = {"id": next(_alert_ids), "level": level, "title": title, "message": message, "duration": duration or 0}
        self._alerts.alerts = [*self._alerts.alerts[-(_MAX_ALERTS - 1):], alert]

    # -- helpers -----------------------------------------------------------------------------
    def _trait(self, state: State) -> str:
        name = f"state_{state._id}"
        if self._state is None:
            raise RuntimeError("This session is closed.")
        if not self._state.has_trait(name):
            raise ValueError(f"{state!r} is not part of this app.")
        return name

    def _component(self, block: Block) -> Component:
        if not isinstance(block, Component):
            raise TypeError(f"Expected a component, got {block!r}.")
        return self._components.get(block._id, block)

    def _widget(self, block: Block) -> widgets.Widget:
        widget = self._widgets.get(block._id)
        if widget is None:
            raise ValueError(f"{block!r} is not shown in this app, so it has no value here.")
        return widget

    def _check_open(self) -> None:
        if self._closed:
            raise RuntimeError("This session is closed; open a new one with demo.session().")

    # -- display -----------------------------------------------------------------------------
    def _display_bundle(self) -> dict[str, Any]:
        bundle = self.widget._repr_mimebundle_()
        bundle["text/plain"] = self._summary()
        self._displayed = True
        return bundle

    def _summary(self) -> str:
        components = [b for b in self.blocks.blocks.values() if isinstance(b, Component)]
        states = [b for b in self.blocks.blocks.values() if isinstance(b, State)]
        return (
            f"gradio_nb app ({type(self.blocks).__name__}): {len(components)} components, "
            f"{len(states)} states, {len(self.blocks.dependencies)} event listeners"
        )

    def _ipython_display_(self) -> None:
        if self._displayed:
            return  # already shown (e.g. by launch); showing it twice would be two views of one
        from IPython.display import display

        display(self._display_bundle(), raw=True)

    def __repr__(self) -> str:
        status = "closed" if self._closed else "open"
        return f"<gradio_nb Session of {self.blocks!r}, {status}>"

