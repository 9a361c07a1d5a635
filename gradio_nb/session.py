"""A Session: one instance of an app, with its own widgets and State values.

Every display of a ``Blocks`` and every ``demo.session()`` is a new Session, exactly as every
browser tab is a new session in Gradio. State values live as traits of a per-session
``HasTraits`` object (never synced to the browser); visible values live in the widgets.
The session's dispatcher runs events as Gradio's backend does, one at a time, in order.
"""

from __future__ import annotations

import copy
import itertools
import os
import secrets
import time
from collections import deque
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import ipywidgets as widgets
import traitlets

from . import styling
from .alerts import ErrorRecord
from .blocks import Block, BlockContext, Blocks
from .components.base import Component
from .components.state import State
from .components.timer import TimerHandle
from .dispatcher import Dispatcher
from .event_data import Request, Visit
from .expiry import watch_expiry
from .inspection import EventRecord, block_name, deep_size
from .progress import ProgressBar
from .rendering import MISSING, Region
from .timers import Clock
from .uploads import Uploads
from .widgets import AlertsWidget, current_generation, hold, is_shared, shared

if TYPE_CHECKING:
    from .events import Dependency
    from .inspector import Inspector
    from .renderable import Renderable
    from .storage import BrowserStorage

W = TypeVar("W", bound=widgets.Widget)
_MAX_ALERTS = 5
_MISSING = object()
_alert_ids = itertools.count()
_numbers = itertools.count(1)
#: How many event records a session keeps (the oldest are dropped first); read when a
#: session opens. 0 records nothing, and saves the few microseconds per event the log costs.
HISTORY_LIMIT = 1000


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
    """Which components a person can edit: Gradio's front-end rule for ``interactive=None``.

    An input of any event is interactive; an output that is no input is not; a component no
    event uses is interactive only if it has no default value (``gr.Textbox("hi")`` alone is
    static text, an empty ``gr.Textbox()`` is a field to type in).
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
        elif block._id in inputs:
            result[block._id] = True
        else:
            value = getattr(block, "value", None)
            result[block._id] = block._id not in outputs and not value
    return result


class Session:
    """One running instance of an app: its widgets, its State, and a driver API.

    Every driver call (:meth:`set`, :meth:`click`, :meth:`submit`, :meth:`trigger`) acts as a
    person would and returns once the whole chain of events it started has finished.

    ``page=True`` (a displayed app) makes an app with a ``gr.BrowserState`` run its ``load``
    events once the page has sent the values it kept, as Gradio's page does; a headless
    session runs them at once, with the defaults.

    ``visit`` is whom the session is shown to (``gr.Request``'s headers and query); by default,
    what this kernel's environment says (Voila's visitor, or none in a notebook).

    ``show_error`` shows the text of an exception other than ``gr.Error`` in the app: in a
    notebook it is (its author is its visitor); served, it is ``launch(show_error=...)``, and
    Gradio's default (False) shows such an error as "Error" alone, so that a visitor does not
    read the server's internals (:attr:`errors` keeps the whole message for the author).
    """

    def __init__(self, blocks: Blocks, *, page: bool = False, visit: Visit | None = None, show_error: bool = True) -> None:
        self.blocks = blocks
        #: Whether the text of exceptions other than ``gr.Error`` is shown in the app.
        self.show_error = show_error
        #: Whom this session is shown to: what ``gr.Request`` tells functions.
        self.visit = visit if visit is not None else Visit.from_environ(os.environ)
        #: This session's number in the kernel (1, 2, ...), as the inspector shows it.
        self.number = next(_numbers)
        #: Names this session in ``gr.Request.session_hash``, as Gradio's page does.
        self.session_hash = secrets.token_hex(6)
        #: Errors shown to the user so far, oldest first.
        self.errors: list[ErrorRecord] = []
        self._history: deque[tuple[Any, ...]] = deque(maxlen=HISTORY_LIMIT)  # see Dispatcher._record
        self._records = 0
        self._inspector: Inspector | None = None
        self._generations = [hold()]  # the shared models this session's widgets refer to
        self._state = state_class(blocks)()
        self._written: dict[int, float] = {}  # last write of each State with a time_to_live
        self._widgets: dict[int, widgets.Widget] = {}
        #: What each block's widget is in its layout (a gr.HTML's box around its value widget).
        self._outer: dict[int, Any] = {}
        self._owned: list[widgets.Widget] = []
        self._regions: dict[int, Region] = {}  # each @gr.render's blocks in this session
        self._rendering: Region | None = None  # the region being reconciled, if any
        #: Listeners declared by the @gr.render functions' last runs, by (block id, event).
        self._rendered_listeners: dict[tuple[int, str], list[Dependency]] = {}
        self._components: dict[int, Component] = {}
        self._layouts: dict[int, Block] = {}  # layouts whose props an event changed
        self._interactive = interactivity(blocks)
        self._page = page
        self._clock: Clock | None = None  # made with the first gr.Timer
        self._dispatcher = Dispatcher(self)
        self._displayed = False
        self._closed = False
        self._alerts = AlertsWidget()
        self._progress = ProgressBar(self._place_progress)
        #: The app as displayed: its toasts, then its blocks (what a cell showing the session shows).
        self.view: widgets.VBox = widgets.VBox([self._alerts, *blocks._child_widgets(self)], layout=shared(widgets.Layout))
        self.view.add_class("gradio-nb")
        styling.apply(self)  # the app's class, theme and css=
        self._owned += [self._alerts, self.view]
        if self._clock is not None and self._clock.presence is not None:
            self.view.children = (*self.view.children, self._clock.presence)
        self._storage: BrowserStorage | None = None
        self._root: widgets.Widget | None = None  # what is displayed, if not the app alone
        if any(b._in_browser for b in blocks.blocks.values() if isinstance(b, State)):
            from .storage import BrowserStorage

            self._storage = self._own(BrowserStorage(self))
            self.view.children = (*self.view.children, self._storage)
        self._wire()
        blocks._open_sessions.append(self)
        if any(isinstance(b, State) and b.time_to_live is not None for b in blocks.blocks.values()):
            watch_expiry(self)
        with self._dispatcher.driven():
            for block in blocks.iter_blocks():
                if isinstance(block, State) and block.load_fn is not None:
                    try:
                        self._read_state(block)  # a callable default runs once per session, at load (S4)
                    except Exception as err:  # shown in the app, as a failing load event is
                        self._dispatcher.record_error(None, err, event=f"the default value of {block!r}")
            self._load_waiting = self._storage is not None and page
            if not self._load_waiting:
                self._dispatcher.fire(blocks, "load")

    # -- building ----------------------------------------------------------------------------
    def _build(self, block: Block) -> widgets.Widget | None:
        """Build (once) the widget of ``block`` for this session (during a re-render: keep
        the previous run's widget for a block that continues one, see :mod:`.rendering`)."""
        step = self._rendering._pass if self._rendering is not None else None
        if isinstance(block, State):
            if step is not None:
                step.state(block)
            return None
        if step is not None:
            reused = step.reuse(block)
            if reused is not MISSING:
                return reused
        if isinstance(block, Component) and not isinstance(block, BlockContext):
            widget = block.make_widget(block.initial_payload(), self._interactive.get(block._id, True))
        else:  # a layout (a component that holds children too) builds its children: it needs the session
            widget = block._build_widget(self)
        # A component holding children (a gr.HTML) shows its value in a widget inside its box.
        shown = self._widgets[block._id] = getattr(widget, "_gnb_value_widget", widget)
        if isinstance(shown, Uploads):  # its limits are the component's; its refusals shown here
            shown.upload_component = self._components.get(block._id, block)
            shown.report_error = self._widget_error
        self._outer[block._id] = widget
        if widget is not None:
            shown._gnb_block = block  # the block its events are fired as (see _connect)
        if step is not None:
            step.built(block, shown)
        if isinstance(widget, TimerHandle):
            self._timers().add(widget)
        self._owned.append(widget)
        # A component that shows nothing (a gr.Timer) holds its value in a kernel-side object.
        return widget if isinstance(widget, widgets.Widget) else None

    def _place_progress(self, row: widgets.Widget) -> None:
        """Put the progress row under the toasts (made on the first gr.Progress report); its
        widgets are closed with the session's."""
        self._owned += [row, *row.children]
        self.view.children = (self._alerts, row, *self.view.children[1:])

    def _own(self, widget: W) -> W:
        """Keep ``widget`` (one a layout built besides its own) to be closed with the session."""
        self._owned.append(widget)
        return widget

    def _wire(self) -> None:
        for block_id, event in list(self.blocks._listeners):
            self._connect(block_id, event)

    def _connect(self, block_id: int, event: str) -> None:
        """Make the widget of block ``block_id`` fire ``event`` (once per widget and event).

        The handler fires the block the widget shows *now*: a keyed widget kept by a
        re-render fires as the new run's component."""
        widget = self._widgets.get(block_id)
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
            if self._rendering is not None:
                return  # a re-render giving a kept widget its new value: no event, as a new one
            block = widget._gnb_block
            dispatcher.fire(block, "change")
            if not dispatcher.applying:
                dispatcher.fire(block, "input")

        return observe

    def _timers(self) -> Clock:
        """This session's clock (made with its first timer; in a displayed app, with the
        view that tells it whether the app is on screen)."""
        if self._clock is None:
            self._clock = Clock(self, realtime=self._page)
            presence = self._clock.presence
            if presence is not None and hasattr(self, "view"):
                self.view.children = (*self.view.children, presence)
        return self._clock

    def advance(self, seconds: float) -> int:
        """Move this headless session's clock ``seconds`` on: every ``gr.Timer`` tick that
        falls due runs, in order, with its whole chain (a gradio_nb extra: tests and
        notebooks count ticks without waiting). Returns how many ticks ran. A displayed
        session's timers follow the kernel's own clock instead."""
        self._check_open()
        self._load_before_driving()
        return self._timers().advance(seconds)

    # -- @gr.render --------------------------------------------------------------------------
    def _render_region(self, renderable: Renderable) -> Region:
        """This session's copy of ``renderable`` (made on first use)."""
        region = self._regions.get(renderable._id)
        if region is None:
            region = self._regions[renderable._id] = Region(self, renderable)
            self._owned.append(region.widget)
        return region

    def rendered(self, fn: Callable[..., Any] | None = None) -> list[Block]:
        """The blocks the last run of the ``@gr.render`` function ``fn`` made in this session
        (of every render function if ``fn`` is None), in layout order, layouts included (not
        the ``Form``s that group its fields).

        A gradio_nb extra for driving rendered components from Python: each run makes new
        components, so look them up again after a re-render."""
        found = []
        for region in self._regions.values():
            if fn is None or region.renderable.fn is fn:
                found += region.made
        if fn is not None and not any(r.renderable.fn is fn for r in self._regions.values()):
            raise ValueError(f"{fn!r} is not a @gr.render function of this app (or it has not run in this session).")
        return found

    def _adopt(self, old: Block, new: Block, outer: Any, shown: Any) -> None:
        """Let ``new`` (made by a re-render) continue ``old``: its widget and tables."""
        for table in (self._widgets, self._outer, self._components, self._layouts):
            table.pop(old._id, None)
        self._interactive.pop(old._id, None)
        self._widgets[new._id] = shown
        self._outer[new._id] = outer
        shown._gnb_block = new
        if isinstance(shown, Uploads) and isinstance(new, Component):
            shown.upload_component = new

    def _forget_block(self, block: Block) -> None:
        """``block`` is gone with a re-render: forget its widget, props or State value here."""
        if isinstance(block, State):
            self._drop_state(block)
        for table in (self._widgets, self._outer, self._components, self._layouts, self._interactive):
            table.pop(block._id, None)

    def _close_models(self, models: list[Any]) -> None:
        """Close widgets (with their own Layout and Style models) and kernel-side handles."""
        for widget in models:
            if not isinstance(widget, widgets.Widget):
                close = getattr(widget, "close", None)
                if close is not None:
                    close()
                continue
            for model in (getattr(widget, "layout", None), getattr(widget, "style", None), widget):
                if isinstance(model, widgets.Widget) and not is_shared(model):
                    model.close()

    # -- driver API --------------------------------------------------------------------------
    def get(self, component: Block) -> Any:
        """This session's value of ``component``, as an event function would receive it."""
        if isinstance(component, State):
            return self._read_state(component)
        comp = self._component(component)
        return comp.preprocess(comp.read_widget(self.widget(component)))

    def set(self, component: Block, value: Any) -> None:
        """Set ``component`` as a user edit would (firing its ``change`` and ``input``).

        A State has no user edits: its value is replaced and no event fires.
        """
        self._check_open()
        self._load_before_driving()
        if isinstance(component, State):
            self._write_state(component, value)
            self._states_changed()
            return
        comp = self._component(component)
        with self._dispatcher.driven():
            comp.write_widget(self.widget(component), comp.postprocess(value))

    def click(self, button: Block) -> None:
        """Click ``button``: run its ``click`` listeners and their chains."""
        self.trigger(button, "click")

    def submit(self, textbox: Block) -> None:
        """Press Enter in ``textbox``: run its ``submit`` listeners and their chains."""
        self.trigger(textbox, "submit")

    def trigger(self, component: Block, event: str, data: Any = None) -> None:
        """Fire ``event`` (``"click"``, ``"change"``, ``"select"``, ``"load"``, ...) on ``component``.

        ``data`` is the event's payload as Gradio's page sends it, which a function parameter
        annotated with ``gr.EventData`` or a subclass receives: ``{"index": 1, "value": "b"}``
        for a ``select`` (``gr.SelectData``), ``{"key": "a", "input_value": "ab"}`` for a
        ``key_up`` (``gr.KeyUpData``), ...
        """
        self._check_open()
        self._load_before_driving()
        known = getattr(component, "EVENTS", ()) if not isinstance(component, Blocks) else ("load", "unload")
        if event not in known and event not in getattr(component, "custom_events", ()):
            known = (*known, *getattr(component, "custom_events", ()))
            raise ValueError(
                f"{type(component).__name__} has no {event!r} event; its events are: {', '.join(known)}."
            )
        with self._dispatcher.driven():
            # Only components that play events themselves (a Dataset's click) are asked.
            if getattr(type(component), "drive", Component.drive) is not Component.drive:
                if self._component(component).drive(self.widget(component), event, data):
                    return
            self._dispatcher.fire(component, event, data)

    def request(self) -> Request:
        """The ``gr.Request`` a function of this session receives (see :class:`Request`)."""
        visit = self.visit
        return Request(
            self.session_hash, visit.headers, visit.query_params, client_host=visit.client_host, path=visit.path,
            username=visit.username,
        )  # fmt: skip

    @property
    def history(self) -> list[EventRecord]:
        """The event log: one :class:`~gradio_nb.inspection.EventRecord` per listener run
        (its event, inputs, what it changed, duration, error), oldest first; the last
        ``HISTORY_LIMIT`` are kept. The same records the inspector shows."""
        return [entry[1].record(entry) for entry in self._history]

    def inspector(self) -> Inspector:
        """This session's live State inspector: a panel with each State's name, type, size and
        value (summarised) and the event log, updated as events run. Display it anywhere."""
        self._check_open()
        if self._inspector is None:
            from .inspector import Inspector

            if self._generations[-1] is not current_generation():
                self._generations.append(hold())  # made in a later cell: its models too
            self._inspector = Inspector(self)
        return self._inspector

    @property
    def state_sizes(self) -> dict[str, int]:
        """Bytes held by each State's value in this session, by name (0 for a State this
        session has not used yet: its copy of the default is made on first use)."""
        if self._state is None:
            return {}
        values = self._state._trait_values
        sizes = {}
        for block in self.blocks.iter_blocks():
            if isinstance(block, State):
                # .get: the time_to_live sweeper may drop a value meanwhile.
                value = values.get(f"state_{block._id}", _MISSING)
                sizes[block_name(self.blocks, block)] = 0 if value is _MISSING else deep_size(value)
        return sizes

    @property
    def progress(self) -> list[tuple[float | None, str]]:
        """Every ``gr.Progress`` report shown in this session: (fraction or None, description)."""
        return self._progress.reports

    def close(self) -> None:
        """Close this session: run ``unload`` events, free State, close every widget."""
        if self._closed:
            return
        with self._dispatcher.driven():
            self._dispatcher.fire(self.blocks, "unload")
        self._closed = True
        with self._dispatcher.lock:
            for block in (*self.blocks.iter_blocks(), *(b for r in self._regions.values() for b in r.blocks)):
                if isinstance(block, State):
                    self._drop_state(block)
            self._state = None  # type: ignore[assignment]
        if self._clock is not None:
            self._clock.close()
        for region in self._regions.values():
            region.close()
        self._close_models(self._owned)
        if self._inspector is not None:
            self._inspector.close()
        for generation in self._generations:
            generation.release()
        self._generations.clear()
        self._owned.clear()
        self._widgets.clear()
        self._outer.clear()
        self._regions.clear()
        self._rendered_listeners = {}
        if self in self.blocks._open_sessions:
            self.blocks._open_sessions.remove(self)

    @property
    def closed(self) -> bool:
        """Whether :meth:`close` was called."""
        return self._closed

    # -- State -------------------------------------------------------------------------------
    def _read_state(self, state: State) -> Any:
        try:
            return getattr(self._state, f"state_{state._id}")
        except AttributeError:  # made by a @gr.render run, closed, or not part of this app: say which
            return self._state._trait_values[self._trait(state)]

    def _write_state(self, state: State, value: Any, keep: bool = True) -> None:
        """Store ``value`` as this session's value of ``state``; a persisted State or a
        BrowserState also keeps it, unless ``keep=False`` (the caller kept it already)."""
        name = self._trait(state)
        if keep:
            state._keep(self, state._encode(value))
        if self._state._trait_notifiers and self._state.has_trait(name):  # someone observes the States
            setattr(self._state, name, value)
        else:
            # No observer: skip traitlets' old == new comparison, O(size) for a large State.
            self._state._trait_values[name] = value
        if state.time_to_live is not None:
            self._written[state._id] = time.monotonic()

    def _drop_state(self, state: State) -> None:
        """Forget this session's value of ``state`` (next read: the default again),
        calling its ``delete_callback`` with the value if it had one."""
        value = self._state._trait_values.pop(f"state_{state._id}", _MISSING)
        self._written.pop(state._id, None)
        if value is not _MISSING and state.delete_callback is not None:
            try:
                state.delete_callback(value)
            except Exception as err:  # a failing callback must not stop the cleanup
                self._dispatcher.record_error(None, err, event=f"delete_callback of {state!r}")

    def _load_before_driving(self) -> None:
        """A driver call on a page session whose page has not sent its BrowserState values
        yet: run the waiting ``load`` events first, with the defaults, as their order needs."""
        if self._load_waiting:
            with self._dispatcher.driven():
                self._page_loaded()

    def _page_loaded(self) -> None:
        """The page sent its BrowserState values: run the ``load`` events that waited."""
        self._states_changed()
        if self._load_waiting:
            self._load_waiting = False
            self._dispatcher.fire(self.blocks, "load")

    def _states_changed(self) -> None:
        """A State was written outside an event: show it in the inspector."""
        if self._inspector is not None:
            self._inspector.refresh()

    def _log(self, entry: tuple[Any, ...]) -> None:
        self._history.append(entry)
        if self._inspector is not None:
            self._inspector.refresh(entry[1].record(entry))

    def _expire_states(self, now: float) -> None:
        """Drop the States whose ``time_to_live`` has passed since their last write (S5)."""
        if self._closed or not self._written or not self._dispatcher.lock.acquire(blocking=False):
            return
        try:
            for block in self.blocks.iter_blocks():
                if isinstance(block, State) and block.time_to_live is not None:
                    written = self._written.get(block._id)
                    if written is not None and now - written >= block.time_to_live:
                        self._drop_state(block)
                        try:
                            block._forget()  # a persisted value expires too
                        except Exception as err:
                            self._dispatcher.record_error(None, err, event=f"time_to_live of {block!r}")
                        self._states_changed()
        finally:
            self._dispatcher.lock.release()

    # -- helpers -----------------------------------------------------------------------------
    def _widget_error(self, error: Exception, where: str) -> None:
        """Show an error a widget met outside any event (a refused upload, a file gone) in the app."""
        self._dispatcher.record_error(None, error, event=where)

    def _use_props(self, block: Block, changed: Block, widget: widgets.Widget) -> None:
        """Make ``changed`` (a copy with updated props) this session's version of ``block``."""
        if isinstance(changed, Component):
            self._components[block._id] = changed
            if isinstance(widget, Uploads):
                widget.upload_component = changed
            changed.sync_props(widget, self._is_interactive(changed))
        else:
            self._layouts[block._id] = changed
            changed._update_widget(widget)

    def _with_props(self, block: Block, props: dict[str, Any]) -> Block:
        if isinstance(block, Component):
            return block.with_props(props)
        allowed = {"visible", "elem_classes", "elem_id", *block.UPDATABLE}
        unknown = sorted(set(props) - allowed)
        if unknown:
            raise ValueError(
                f"gr.update() for {type(block).__name__}: cannot update {', '.join(unknown)}; "
                f"it accepts {', '.join(sorted(allowed))}."
            )
        clone = copy.copy(block)
        for name, value in props.items():
            setattr(clone, name, value)
        return clone

    def _is_interactive(self, comp: Component) -> bool:
        if comp.interactive is not None:
            return bool(comp.interactive)
        return self._interactive.get(comp._id, True)

    def _show_alert(self, level: str, title: str, message: str, duration: float | None) -> None:
        alert = {"id": next(_alert_ids), "level": level, "title": title, "message": message, "duration": duration or 0}
        self._alerts.alerts = [*self._alerts.alerts[-(_MAX_ALERTS - 1):], alert]

    def _trait(self, state: State) -> str:
        name = f"state_{state._id}"
        if self._state is None:
            raise RuntimeError("This session is closed.")
        if not self._state.has_trait(name) and name not in self._state._trait_values:  # a rendered State's
            raise ValueError(f"{state!r} is not part of this app.")
        return name

    def _component(self, block: Block) -> Component:
        if not isinstance(block, Component):
            raise TypeError(f"Expected a component, got {block!r}.")
        return self._components.get(block._id, block)

    def widget(self, block: Block) -> widgets.Widget:
        """The widget showing ``block`` in this session (a gradio_nb extra, for tests and for
        composing an app's widgets with others); ``ValueError`` if the block is not shown here."""
        widget = self._widgets.get(block._id)
        if widget is None:
            raise ValueError(
                f"{block!r} is not shown in this app (made with render=False and never rendered, "
                "or part of another app), so it has no value here."
            )
        return widget

    def _check_open(self) -> None:
        if self._closed:
            raise RuntimeError("This session is closed; open a new one with demo.session().")

    # -- display -----------------------------------------------------------------------------
    def _show_inspector(self) -> None:
        """Display this session with its inspector beside the app (``launch(inspect=True)``)."""
        from .inspector import beside

        self._root = self._own(beside(self.view, self.inspector()))

    def _display_bundle(self) -> dict[str, Any]:
        bundle = (self._root or self.view)._repr_mimebundle_()
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
        if self._closed:
            return f"<gradio_nb Session {self.number} of {self.blocks!r}, closed>"
        from .inspection import format_size

        sizes = ", ".join(f"{name} {format_size(size)}" for name, size in self.state_sizes.items())
        return f"<gradio_nb Session {self.number} of {self.blocks!r}, open; State: {sizes or 'none'}>"

