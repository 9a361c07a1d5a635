"""A Session: one instance of an app, with its own widgets and State values.

Every display of a ``Blocks`` and every ``demo.session()`` is a new Session, exactly as every
browser tab is a new session in Gradio. State values live as traits of a per-session
``HasTraits`` object (never synced to the browser); visible values live in the widgets.
The session's dispatcher runs events as Gradio's backend does, one at a time, in order.

A Session holds its parts and offers their public faces: its State values are a
:class:`~gradio_nb.session_state.StateStore`, its widgets a
:class:`~gradio_nb.widget_tree.WidgetTree` (what its blocks are built with), its events a
:class:`~gradio_nb.dispatcher.Dispatcher`, its ``@gr.render`` runs
:class:`~gradio_nb.rendering.Region` s and its timers a :class:`~gradio_nb.timers.Clock`.
Here: the driver API, the event log, toasts, and display.
"""

from __future__ import annotations

import itertools
import os
import secrets
from collections import deque
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import ipywidgets as widgets

from . import styling
from .alerts import ErrorRecord
from .blocks import Block, Blocks
from .components.base import Component
from .components.state import State
from .dispatcher import Dispatcher
from .event_data import Request, Visit
from .expiry import watch_expiry
from .inspection import EventRecord, block_name, deep_size, format_size
from .progress import ProgressBar
from .rendering import Region
from .session_state import StateStore
from .timers import Clock
from .widget_tree import WidgetTree
from .widgets import AlertsWidget, shared

if TYPE_CHECKING:
    from .inspector import Inspector
    from .renderable import Renderable
    from .storage import BrowserStorage

_MAX_ALERTS = 5
_MISSING = object()
_alert_ids = itertools.count()
_numbers = itertools.count(1)
#: How many event records a session keeps (the oldest are dropped first); read when a
#: session opens. 0 records nothing, and saves the few microseconds per event the log costs.
HISTORY_LIMIT = 1000


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
        #: This session's State values (see :class:`~gradio_nb.session_state.StateStore`).
        self.states = StateStore(blocks, lambda err, where: self._dispatcher.record_error(None, err, event=where))
        self._regions: dict[int, Region] = {}  # each @gr.render's blocks in this session
        self._page = page
        self._clock: Clock | None = None  # made with the first gr.Timer
        self._dispatcher = Dispatcher(self)
        #: This session's widgets: what its blocks are built with (a runtime object).
        self.widget_tree = WidgetTree(blocks, self._dispatcher, lambda handle: self._timers().add(handle), self.render_region)
        self._displayed = False
        self._closed = False
        self._alerts = AlertsWidget()
        self._progress = ProgressBar(self._place_progress)
        #: The app as displayed: its toasts, then its blocks (what a cell showing the session shows).
        self.view: widgets.VBox = widgets.VBox([self._alerts, *blocks._child_widgets(self.widget_tree)], layout=shared(widgets.Layout))
        self.view.add_class("gradio-nb")
        styling.apply(self)  # the app's class, theme and css=
        self.widget_tree.owned += [self._alerts, self.view]
        if self._clock is not None and self._clock.presence is not None:
            self.view.children = (*self.view.children, self._clock.presence)
        self._storage: BrowserStorage | None = None
        self._root: widgets.Widget | None = None  # what is displayed, if not the app alone
        if any(b._in_browser for b in blocks.blocks.values() if isinstance(b, State)):
            from .storage import BrowserStorage  # only apps with a gr.BrowserState need its widget

            self._storage = self.widget_tree.own(BrowserStorage(self))
            self.view.children = (*self.view.children, self._storage)
        for block_id, event in list(blocks._listeners):
            self.widget_tree.connect(block_id, event)
        blocks._open_sessions.append(self)
        if any(isinstance(b, State) and b.time_to_live is not None for b in blocks.blocks.values()):
            watch_expiry(self)
        with self._dispatcher.driven():
            for block in blocks.iter_blocks():
                if isinstance(block, State) and block.load_fn is not None:
                    try:
                        self.states.read(block)  # a callable default runs once per session, at load (S4)
                    except Exception as err:  # shown in the app, as a failing load event is
                        self._dispatcher.record_error(None, err, event=f"the default value of {block!r}")
            self._load_waiting = self._storage is not None and page
            if not self._load_waiting:
                self._dispatcher.fire(blocks, "load")

    # -- runtime objects (gradio_nb extras) ------------------------------------------------------
    @property
    def dispatcher(self) -> Dispatcher:
        """This session's event runner (:class:`~gradio_nb.dispatcher.Dispatcher`): it runs
        events one at a time, in order, as Gradio's backend does."""
        return self._dispatcher

    @property
    def clock(self) -> Clock | None:
        """This session's ``gr.Timer`` clock (:class:`~gradio_nb.timers.Clock`), made with its
        first timer; ``None`` in an app without timers."""
        return self._clock

    @property
    def browser_storage(self) -> BrowserStorage | None:
        """The widget keeping this session's ``gr.BrowserState`` values in the visitor's
        browser; ``None`` in an app without one."""
        return self._storage

    @property
    def progress_bar(self) -> ProgressBar:
        """The row showing ``gr.Progress`` reports under the toasts."""
        return self._progress

    @property
    def toasts(self) -> list[dict[str, Any]]:
        """The toasts shown now (``gr.Info``, ``gr.Warning``, errors), oldest first, as
        dicts with ``level``, ``title``, ``message`` and ``duration``; the latest few are kept."""
        return self._alerts.alerts

    def show_toast(self, level: str, title: str, message: str, duration: float | None) -> None:
        """Show a toast (``level``: ``"info"``, ``"warning"``, ``"success"`` or ``"error"``);
        ``duration`` in seconds, ``None`` or 0 until closed."""
        alert = {"id": next(_alert_ids), "level": level, "title": title, "message": message, "duration": duration or 0}
        self._alerts.alerts = [*self._alerts.alerts[-(_MAX_ALERTS - 1):], alert]

    @property
    def root(self) -> widgets.Widget:
        """What a display of this session shows: :attr:`view`, or the view beside its
        inspector (``launch(inspect=True)``)."""
        return self._root or self.view

    # -- widgets ------------------------------------------------------------------------------
    def widget(self, block: Block) -> widgets.Widget:
        """The widget showing ``block`` in this session (a gradio_nb extra, for tests and for
        composing an app's widgets with others); ``ValueError`` if the block is not shown here."""
        return self.widget_tree.widget(block)

    def container(self, block: Block) -> Any:
        """What ``block`` is in its layout in this session: its :meth:`widget`, or the box
        around it for a component that holds children (a ``gr.HTML``), or a kernel-side
        handle for a component that shows nothing (a ``gr.Timer``); ``None`` if not shown."""
        return self.widget_tree.outer.get(block._id)

    def component(self, block: Block) -> Component:
        """This session's version of component ``block``: with the props its events changed
        (``gr.update(...)``); ``block`` itself if none did. ``TypeError`` for a layout."""
        return self.widget_tree.component(block)

    def layout(self, block: Block) -> Block:
        """This session's version of layout ``block``: with the props its events changed
        (``gr.update(visible=...)``, a selected tab); ``block`` itself if none did."""
        return self.widget_tree.layout(block)

    def is_interactive(self, component: Component) -> bool:
        """Whether a person can edit ``component`` in this session (Gradio's rule for
        ``interactive=None``: see :func:`~gradio_nb.blocks.interactivity`)."""
        return self.widget_tree.is_interactive(component)

    def _place_progress(self, row: widgets.Widget) -> None:
        """Put the progress row under the toasts (made on the first gr.Progress report); its
        widgets are closed with the session's."""
        self.widget_tree.owned += [row, *row.children]
        self.view.children = (self._alerts, row, *self.view.children[1:])

    # -- timers -------------------------------------------------------------------------------
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
    def render_region(self, renderable: Renderable) -> Region:
        """This session's copy of the ``@gr.render`` function ``renderable``: its box and the
        blocks of its last run (made on first use)."""
        region = self._regions.get(renderable._id)
        if region is None:
            region = self._regions[renderable._id] = Region(self, renderable)
            self.widget_tree.owned.append(region.widget)
        return region

    @property
    def regions(self) -> list[Region]:
        """This session's copies of its ``@gr.render`` functions, in the order they first ran."""
        return list(self._regions.values())

    def is_part(self, block: Block) -> bool:
        """Whether ``block`` is part of this session now: shown (or a render function's box),
        or a State it holds (a block a re-render dropped is not)."""
        if isinstance(block, State):
            return self.states.knows(block)
        tree = self.widget_tree
        return block._id in tree.widgets or block._id in tree.outer or block._id in self._regions

    def forget(self, block: Block) -> None:
        """``block`` is gone with a re-render: forget its widget, props or State value here."""
        if isinstance(block, State):
            self.states.drop(block)
        self.widget_tree.forget(block)

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

    # -- driver API --------------------------------------------------------------------------
    def get(self, component: Block) -> Any:
        """This session's value of ``component``, as an event function would receive it."""
        if isinstance(component, State):
            return self.states.read(component)
        comp = self.component(component)
        return comp.preprocess(comp.read_widget(self.widget(component)))

    def set(self, component: Block, value: Any) -> None:
        """Set ``component`` as a user edit would (firing its ``change`` and ``input``).

        A State has no user edits: its value is replaced and no event fires.
        """
        self._check_open()
        self._load_before_driving()
        if isinstance(component, State):
            self.states.write(self, component, value)
            self.states_changed()
            return
        comp = self.component(component)
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
                if self.component(component).drive(self.widget(component), event, data):
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
            from .inspector import Inspector  # the inspector's widget module loads only when asked for

            self.widget_tree.hold_current()  # made in a later cell: its models too
            self._inspector = Inspector(self)
        return self._inspector

    @property
    def inspector_made(self) -> bool:
        """Whether :meth:`inspector` has made this session's inspector (it is made once)."""
        return self._inspector is not None

    @property
    def state_sizes(self) -> dict[str, int]:
        """Bytes held by each State's value in this session, by name (0 for a State this
        session has not used yet: its copy of the default is made on first use)."""
        if self.states.object is None:
            return {}
        values = self.states.values
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
                    self.states.drop(block)
            self.states.close()
        if self._clock is not None:
            self._clock.close()
        for region in self._regions.values():
            region.close()
        self.widget_tree.close()
        if self._inspector is not None:
            self._inspector.close()
        self.widget_tree.release()
        self._regions.clear()
        self._dispatcher.rendered_listeners = {}
        if self in self.blocks._open_sessions:
            self.blocks._open_sessions.remove(self)

    @property
    def closed(self) -> bool:
        """Whether :meth:`close` was called."""
        return self._closed

    # -- State -------------------------------------------------------------------------------
    def _load_before_driving(self) -> None:
        """A driver call on a page session whose page has not sent its BrowserState values
        yet: run the waiting ``load`` events first, with the defaults, as their order needs."""
        if self._load_waiting:
            with self._dispatcher.driven():
                self.page_loaded()

    def page_loaded(self) -> None:
        """The page sent its BrowserState values: run the ``load`` events that waited."""
        self.states_changed()
        if self._load_waiting:
            self._load_waiting = False
            self._dispatcher.fire(self.blocks, "load")

    def states_changed(self) -> None:
        """A State was written outside an event: show it in the inspector."""
        if self._inspector is not None:
            self._inspector.refresh()

    def write_state(self, state: State, value: Any, keep: bool = True) -> None:
        """Store ``value`` as this session's value of ``state`` (no event fires); a persisted
        State or a BrowserState also keeps it, unless ``keep=False`` (the caller kept it)."""
        self.states.write(self, state, value, keep)

    def log(self, entry: tuple[Any, ...]) -> None:
        """Add a run to the event log (``entry`` as :meth:`Dispatcher._record` makes it, its
        number first) and show it in the inspector."""
        self._records = entry[0]
        self._history.append(entry)
        if self._inspector is not None:
            self._inspector.refresh(entry[1].record(entry))

    @property
    def log_entries(self) -> list[tuple[Any, ...]]:
        """The event log as kept (see :attr:`history` for its records), oldest first."""
        return list(self._history)

    @property
    def history_limit(self) -> int | None:
        """How many runs the event log keeps (``HISTORY_LIMIT`` when the session opened)."""
        return self._history.maxlen

    @property
    def events_run(self) -> int:
        """How many runs the event log has recorded (more than it keeps, once full)."""
        return self._records

    def expire_states(self, now: float) -> None:
        """Drop the States whose ``time_to_live`` has passed at ``now`` (a ``time.monotonic()``
        time) since their last write (S5); a no-op while an event runs."""
        if self._closed or not self.states.written or not self._dispatcher.lock.acquire(blocking=False):
            return
        try:
            for block in self.states.expired(self.blocks, now):
                self.states.drop(block)
                try:
                    block._forget()  # a persisted value expires too
                except Exception as err:
                    self._dispatcher.record_error(None, err, event=f"time_to_live of {block!r}")
                self.states_changed()
        finally:
            self._dispatcher.lock.release()

    def _check_open(self) -> None:
        if self._closed:
            raise RuntimeError("This session is closed; open a new one with demo.session().")

    # -- display -----------------------------------------------------------------------------
    def show_inspector(self) -> None:
        """Display this session with its inspector beside the app (``launch(inspect=True)``)."""
        from .inspector import beside  # the inspector's widget module loads only when asked for

        self._root = self.widget_tree.own(beside(self.view, self.inspector()))

    def mime_bundle(self) -> dict[str, Any]:
        """The MIME bundle a display of this session shows (its :attr:`root` and a one-line
        summary as text); the session counts as displayed afterwards."""
        bundle = self.root._repr_mimebundle_()
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

        display(self.mime_bundle(), raw=True)

    def __repr__(self) -> str:
        if self._closed:
            return f"<gradio_nb Session {self.number} of {self.blocks!r}, closed>"

        sizes = ", ".join(f"{name} {format_size(size)}" for name, size in self.state_sizes.items())
        return f"<gradio_nb Session {self.number} of {self.blocks!r}, open; State: {sizes or 'none'}>"


# Blocks.session() opens one: the declaration layer never imports the runtime itself.
Blocks.session_class = Session
