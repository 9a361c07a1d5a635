"""The dispatcher: runs a session's events as Gradio's backend and front end do together.

For each triggered listener it reads the inputs (preprocessed), marks the outputs busy, calls
the function, maps and postprocesses what it returned (every yield of a generator), applies it
all-or-nothing, and queues what is chained (``.success``, State ``.change``, ``.then``; after
an error only ``.failure``). Events of one session run one at a time, in order.

Plain functions run inline. An ``async`` function (or async generator) started from the
browser in a Jupyter kernel runs as a task on the kernel's event loop, so other sessions'
events go on while it awaits; started from the driver API it is run to completion before the
call returns (on a private loop, in a worker thread when the caller's loop is busy).
"""

from __future__ import annotations

import asyncio
import contextvars
import inspect
import threading
import time
import traceback
import warnings
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from types import AsyncGeneratorType, CoroutineType, GeneratorType, MappingProxyType, SimpleNamespace
from typing import TYPE_CHECKING, Any, NamedTuple, Optional, Tuple

import ipywidgets as widgets

from .alerts import ErrorRecord, current_session
from .blocks import Block
from .components.base import Component
from .components.state import State
from .exceptions import ComponentProcessingError, Error
from .file_paths import MissingFileError, not_uploaded
from .hashing import deep_hash
from .inspection import IMMUTABLE, KEPT_CHARS as _KEPT_CHARS, Change, EventRecord, Summary, block_name, fingerprint, kept, shown
from .busy import Ticket, watchdog
from .progress import Progress, bind_progress, progress_params, tracker, tracking_tqdm
from .returns import NO_VALUE, output_values, requested_update, state_value
from .special_args import Special, fill, pad, padding, positional_params, special_params

if TYPE_CHECKING:
    from .events import Dependency
    from .session import Session


def _running_loop() -> asyncio.AbstractEventLoop | None:
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


def run_to_completion(coro: Any) -> Any:
    """Run ``coro`` and return its result, whether or not this thread's loop is running."""
    if _running_loop() is None:
        return asyncio.run(coro)
    context = contextvars.copy_context()
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="gradio_nb-async") as pool:
        return pool.submit(context.run, asyncio.run, coro).result()


#: What queued a run: the block the event happened on and the event's payload (None: chained).
Trigger = Optional[Tuple[Block, Any]]


def _positional_progress(fn: Callable[..., Any] | None, special: tuple[Special, ...]) -> list[inspect.Parameter]:
    """The ``gr.Progress()`` parameters that are filled positionally (see ``special_args``)."""
    params = positional_params(fn) if fn is not None and special else []
    return [params[s.index] for s in special if s.kind == "progress"]


class _Arguments(NamedTuple):
    """How one function's arguments are made from the inputs' values (Gradio's ``special_args``,
    per function: the listener's and, run as a function of its own, its validator's)."""

    #: Positional parameters Gradio fills (gr.Progress, gr.Request, gr.EventData, props).
    special: tuple[Special, ...]
    #: What the positional parameters get where the inputs do not reach them.
    padding: tuple[tuple[Any, ...], int]
    #: Keyword-only ``gr.Progress()`` parameters: (name, track_tqdm).
    progress: tuple[tuple[str, bool], ...]

    @classmethod
    def of(cls, fn: Callable[..., Any] | None, dep: Dependency) -> _Arguments:
        special = special_params(fn)
        pads = padding(fn, set(dep.inputs_kwargs)) if not dep.inputs_as_dict else ((), 0)
        filled = {p.name for p in _positional_progress(fn, special)}
        return cls(special, pads, tuple(p for p in progress_params(fn) if p[0] not in filled))


def component_props(comp: Component, value: Any) -> SimpleNamespace:
    """What Gradio 6 passes for a parameter annotated with a component class: the component's
    current properties in this session, with ``value`` as the function would receive it."""
    props = {name: getattr(comp, name, None) for name in ("label", "visible", *comp.UPDATABLE)}
    return SimpleNamespace(**props, value=value, _is_component_update=True)


_UNSET = object()
_NO_STATES: Mapping[int, Any] = MappingProxyType({})
#: Component class -> whether its postprocess takes the widget's payload (see ``_postprocessed``).
_ONTO: dict[type, bool] = {}


class _Plan:
    """What a session derives once per listener: the States whose ``change`` it may fire,
    the States and names its event log records."""

    __slots__ = (
        "watched", "states", "reported", "outputs", "names", "inputs", "event", "function", "arguments",
        "validator_arguments", "tracks", "traits", "logged",
    )

    def __init__(self, dep: Dependency, session: Session) -> None:
        blocks = session.blocks
        listeners = blocks._listeners
        rendered = session.dispatcher.rendered_listeners
        self.watched = [
            b for b in dep.outputs if isinstance(b, State) and ((b._id, "change") in listeners or (b._id, "change") in rendered)
        ]
        inputs = [*dep.inputs, *dep.inputs_kwargs.values()]
        unique = {b._id: b for b in (*dep.outputs, *inputs)}
        self.reported = list(unique.values())  # outputs first, then inputs, each once
        self.states = [b for b in self.reported if isinstance(b, State)]
        #: The session trait of each State it touches (see ``StateStore.read``).
        self.traits = {b._id: f"state_{b._id}" for b in (*self.states, *inputs) if isinstance(b, State)}
        #: What the log looks at, in order: (block id, its State trait or None).
        self.logged = tuple((b._id, self.traits.get(b._id)) for b in self.reported)
        self.outputs = {b._id for b in dep.outputs}
        self.names = {b._id: block_name(blocks, b) for b in self.reported}
        self.inputs = tuple(self.names[b._id] for b in inputs)
        self.event = dep.describe()
        self.function = dep.fn_name or getattr(dep.fn, "__name__", "")
        #: How the function's arguments are made, and the validator's (filled by its own signature).
        self.arguments = _Arguments.of(dep.fn, dep)
        self.validator_arguments = _Arguments.of(dep.validator, dep) if dep.validator is not None else None
        #: Whether a gr.Progress(track_tqdm=True) parameter asks to follow tqdm bars.
        self.tracks = any(track for _name, track in progress_params(dep.fn))

    def record(self, entry: tuple[Any, ...]) -> EventRecord:
        """The :class:`EventRecord` of a log entry (see :meth:`Dispatcher._record`)."""
        number, _plan, inputs, changes, duration, status, error = entry
        return EventRecord(
            number=number,
            event=self.event,
            function=self.function,
            inputs=tuple((name, shown(value)) for name, value in zip(self.inputs, inputs)),
            changes=tuple(Change(self.names[bid], how, shown(before), shown(after)) for bid, how, before, after in changes),
            duration=duration,
            status=status,
            error=error,
        )


class _Run:
    """One listener's run: what to restore and compare when it ends, and what it did."""

    __slots__ = ("dep", "plan", "hashes", "busy", "started", "inputs", "states", "changes", "trigger")

    def __init__(self, dep: Dependency, plan: _Plan, hashes: dict[int, str], trigger: Trigger = None) -> None:
        self.dep = dep
        #: The block and payload of the event that queued this run (None: a chained run).
        self.trigger = trigger
        self.plan = plan
        self.hashes = hashes
        self.busy: Ticket | None = None
        self.started = time.perf_counter()
        #: Each input as the function received it, as the log keeps it (see ``inspection.kept``).
        self.inputs: Sequence[Any] = ()
        #: For each State the run may change: (object id, fingerprint, kept value) before it
        #: (filled by ``Dispatcher._snapshot_states``; read-only and shared until then).
        self.states: Mapping[int, Any] = _NO_STATES
        #: What was written to visible outputs: block id -> (kept before, kept after).
        self.changes: dict[int, tuple[Any, Any]] = {}


class Dispatcher:
    """The event queue and runner of one :class:`~gradio_nb.session.Session`."""

    def __init__(self, session: Session) -> None:
        self.session = session
        #: Queued runs: each listener with the trigger that queued it.
        self.queue: deque[tuple[Dependency, Trigger]] = deque()
        self.running: Dependency | None = None
        self.lock = threading.RLock()  # the State sweeper never expires a value mid-event
        self._draining = False
        self._driving = 0
        self._task: asyncio.Task[None] | None = None
        self._plans: dict[Dependency, _Plan] = {}
        self._driven = _Driven(self)
        self.applying = False
        #: Whether runs are recorded in the session's history (off when ``HISTORY_LIMIT`` is 0).
        self.logging = session.history_limit != 0
        #: Listeners declared by the @gr.render functions' last runs, by (block id, event)
        #: (set by :mod:`.rendering`).
        self.rendered_listeners: dict[tuple[int, str], list[Dependency]] = {}

    # -- triggering --------------------------------------------------------------------------
    def fire(self, block: Block, event: str, data: Any = None) -> None:
        """Queue the listeners of ``event`` on ``block`` and run the queue. ``data`` is the
        event's payload (a select's index and value, ...), given to ``gr.EventData`` parameters."""
        for dep in self.listeners(block._id, event):
            if dep.cancels:
                self.cancel(dep.cancels)
            self.enqueue(dep, (block, data))
        self.drain()

    def listeners(self, block_id: int, event: str) -> Sequence[Dependency]:
        """The listeners of ``event`` on block ``block_id``: the app's, then those the
        ``@gr.render`` functions' last runs declared in this session."""
        key = (block_id, event)
        deps = self.session.blocks._listeners.get(key, ())
        rendered = self.rendered_listeners
        if rendered and key in rendered:
            return (*deps, *rendered[key])
        return deps

    def driven(self) -> _Driven:
        """A context in which the queue is run to the end before returning (driver calls).
        One object serves every call (it only counts): no allocation per driver call."""
        return self._driven

    def enqueue(self, dep: Dependency, trigger: Trigger = None) -> None:
        """Queue ``dep``, honouring its ``trigger_mode`` (S14)."""
        if self.session.closed:
            return
        if dep.trigger_mode != "multiple":
            queued = next((i for i, (d, _t) in enumerate(self.queue) if d is dep), None) if self.queue else None
            if dep.trigger_mode == "once" and (dep is self.running or queued is not None):
                return
            if queued is not None:  # always_last: the queued run goes, with the latest payload
                self.queue[queued] = (dep, trigger)
                return
        self.queue.append((dep, trigger))

    def cancel(self, deps: list[Dependency]) -> None:
        """Drop queued runs of ``deps`` and cancel one that is awaiting."""
        for dep in deps:
            kept = [item for item in self.queue if item[0] is not dep]
            if len(kept) != len(self.queue):
                self.queue = deque(kept)
            task = self._task
            if dep is self.running and task is not None and not task.done():
                loop = task.get_loop()
                if _running_loop() is loop:
                    task.cancel()
                else:  # a click handled on another thread (JupyterLab's comm subshell)
                    loop.call_soon_threadsafe(task.cancel)

    # -- draining ----------------------------------------------------------------------------
    def drain(self) -> None:
        """Run queued events in order, unless a run is already under way (it will)."""
        if self._draining:
            if self._driving and self._task is not None:
                warnings.warn(
                    "This session is still running an event started in the page (an async "
                    "function); the events of this call were queued and run after it.",
                    stacklevel=4,
                )
            return
        self._draining = True
        self._continue()

    def _continue(self) -> None:
        suspended = False
        try:
            with self.lock:
                while self.queue:
                    dep, trigger = self.queue.popleft()
                    self.running = dep
                    try:
                        pending = self._run(dep, trigger)
                    except Exception as err:  # outside the function's own run: still no crash
                        self.record_error(dep, err)
                        pending = None
                    if pending is not None:
                        self._task = asyncio.get_running_loop().create_task(pending)
                        suspended = True
                        return
        finally:
            if not suspended:
                self.running = None
                self._task = None
                self._draining = False

    def _suspendable(self) -> bool:
        return self._driving == 0 and _running_loop() is not None

    # -- one run -----------------------------------------------------------------------------
    def _run(self, dep: Dependency, trigger: Trigger = None) -> Any:
        """Run ``dep``; returns a coroutine to await on the kernel's loop, or ``None`` if done."""
        session = self.session
        plan = self._plans.get(dep)
        if plan is None:
            plan = self._plans[dep] = _Plan(dep, session)
        # Deep hashes only for States that have change listeners: usually none, and no walk.
        hashes = {b._id: deep_hash(session.states.read(b)) for b in plan.watched} if plan.watched else {}
        run = _Run(dep, plan, hashes, trigger)
        fn = dep.fn
        if fn is not None:
            run.busy = watchdog.arm(self._mark_busy, dep)
        token = current_session.set(session)
        try:
            if plan.states and self.logging:
                self._snapshot_states(run)
            values, given = self._read_inputs(run) if fn is not None else ([], {})
            if plan.validator_arguments is not None and not self._valid(run, values, given):
                self._idle(run)
                self._record(run, "invalid")
                return None
            args, kwargs = self._arguments(run, plan.arguments, values, given) if fn is not None else ([], {})
            trackers = [v for v in (*args, *kwargs.values()) if isinstance(v, Progress) and v.track_tqdm] if plan.tracks else None
            if trackers:
                with tracking_tqdm(trackers):
                    pending = self._call(run, fn, args, kwargs)
            else:
                pending = self._call(run, fn, args, kwargs)
            if pending is not None:
                return pending
        except Exception as err:
            self._failed(run, err)
            return None
        finally:
            current_session.reset(token)
        self._succeeded(run)
        return None

    def _call(self, run: _Run, fn: Callable[..., Any] | None, args: list[Any], kwargs: dict[str, Any]) -> Any:
        """Call ``fn`` and apply what it returns (each yield of a generator); returns the
        coroutine that finishes an async function on the kernel's loop, or ``None`` if done."""
        if fn is None:
            return None
        if run.dep.renderable is not None:  # a @gr.render function: its blocks replace the last run's
            region = self.session.render_region(run.dep.renderable)
            run.changes[run.dep.renderable._id] = region.run(args, kwargs)
            return None
        result = fn(*args, **kwargs)
        kind = type(result)  # these types cannot be subclassed: an identity test suffices
        if kind is CoroutineType or kind is AsyncGeneratorType:
            if self._suspendable():
                return self._finish_async(run, result)
            run_to_completion(self._consume_async(run, result))
        elif kind is GeneratorType:
            for item in result:
                self._apply_step(run, item)
        else:
            self._apply(run, result)
        return None

    async def _consume_async(self, run: _Run, result: Any) -> None:
        token = current_session.set(self.session)
        try:
            if inspect.isasyncgen(result):
                async for item in result:
                    self._apply_step(run, item)
            else:
                self._apply(run, await result)
        finally:
            current_session.reset(token)

    async def _finish_async(self, run: _Run, result: Any) -> None:
        try:
            try:
                await self._consume_async(run, result)
            except asyncio.CancelledError:
                self._cancelled(run)
            except Exception as err:
                self._failed(run, err)
            else:
                self._succeeded(run)
        except Exception as err:  # outside the function's own run: shown, and the queue goes on
            self.record_error(run.dep, err)
        finally:
            self._continue()

    def _apply_step(self, run: _Run, item: Any) -> None:
        """Apply one yield: outputs, then State ``.change`` if a State's hash moved (S13)."""
        with self.lock:
            self._apply(run, item)
            run.hashes = self._queue_state_changes(run.plan.watched, run.hashes)

    def _valid(self, run: _Run, values: list[Any], given: dict[str, Any]) -> bool:
        """Run the listener's validator on its inputs and say whether the event may run. What
        it found invalid is shown as a warning (Gradio shows it beside the inputs) and recorded
        in ``errors`` as Gradio's protocol reports it: one result per input, named. As in
        Gradio, the validator's own signature says what it is passed besides the inputs."""
        assert run.plan.validator_arguments is not None and run.dep.validator is not None
        args, kwargs = self._arguments(run, run.plan.validator_arguments, values, given)
        found = run.dep.validator(*args, **kwargs)
        results = validation_results(run.dep, found)
        messages = [r.get("message") or "Invalid input." for r in results if r.get("is_valid") is False]
        if not messages:
            return True
        self.session.show_toast("warning", "Invalid input", "\n".join(messages), 10)
        self.session.errors.append(ErrorRecord("Error", results, "validation", run.dep.describe()))
        return False

    def _succeeded(self, run: _Run) -> None:
        self._idle(run)
        self._record(run, "ok")
        for follower in run.dep.on_success:
            self.enqueue(follower)
        if run.plan.watched:
            self._queue_state_changes(run.plan.watched, run.hashes)
        for follower in run.dep.on_then:
            self.enqueue(follower)

    def _failed(self, run: _Run, err: BaseException) -> None:
        self._idle(run)
        self._record(run, "error", f"{type(err).__name__}: {err}" if not isinstance(err, Error) else f"Error: {err.message}")
        self.record_error(run.dep, err)
        for follower in run.dep.on_failure:
            self.enqueue(follower)

    def _cancelled(self, run: _Run) -> None:
        self._idle(run)
        self._record(run, "cancelled")
        for follower in (*run.dep.on_then, *run.dep.on_failure):
            self.enqueue(follower)

    def _idle(self, run: _Run) -> None:
        if run.busy is not None:
            run.busy.done()
        self.session.progress_bar.finish()

    def _mark_busy(self, dep: Dependency) -> list[Callable[[], None]]:
        """Show that ``dep`` runs: outputs get a busy marker (unless ``show_progress="hidden"``)
        and enabled trigger buttons are disabled. Returns the steps that undo it. Called by the
        busy watchdog once the event has run for ``busy.DELAY`` seconds."""
        found = self.session.widget_tree.widgets
        undo: list[Callable[[], None]] = []
        if dep.show_progress != "hidden":
            for block in dep.outputs:
                widget = found.get(block._id)
                if not isinstance(widget, widgets.Widget):  # none, or a kernel-side one (a Timer's)
                    continue
                if widget.has_trait("pending"):
                    if not widget.pending:
                        widget.pending = True
                        undo.append(lambda w=widget: setattr(w, "pending", False))
                elif "gnb-pending" not in widget._dom_classes:
                    widget.add_class("gnb-pending")
                    undo.append(lambda w=widget: w.remove_class("gnb-pending"))
        for block, _event in dep.triggers:
            widget = found.get(block._id)
            if isinstance(widget, widgets.Button) and not widget.disabled:
                widget.disabled = True
                undo.append(lambda w=widget: setattr(w, "disabled", False))
        return undo

    def _queue_state_changes(self, watched: list[State], before: dict[int, str]) -> dict[int, str]:
        """Queue ``change`` listeners of the States whose deep hash moved (S11)."""
        after = {b._id: deep_hash(self.session.states.read(b)) for b in watched}
        for block in watched:
            if after[block._id] != before[block._id]:
                for dep in self.listeners(block._id, "change"):
                    self.enqueue(dep)
        return after

    # -- the event log -----------------------------------------------------------------------
    def _state_value(self, block: State, trait: str) -> Any:
        """``session.states.read(block)``, without its attribute lookup once the value is set
        (``trait`` is the block's trait name, from the plan); the first read makes the
        session's copy of the default, as ``read`` does."""
        states = self.session.states
        value = states.values.get(trait, _UNSET)
        return states.read(block) if value is _UNSET else value

    def _snapshot_states(self, run: _Run) -> None:
        """Remember each State the run can change (its inputs and outputs) as it is now: an
        immutable value itself (the common counter: nothing to make), any other as
        ``(object id, fingerprint, kept value)`` (a tuple is never an immutable value)."""
        traits = run.plan.traits
        states: dict[int, Any] = {}
        run.states = states
        try:
            for block in run.plan.states:
                value = self._state_value(block, traits[block._id])
                if type(value) in IMMUTABLE:
                    states[block._id] = value
                else:
                    states[block._id] = (id(value), fingerprint(value), kept(value))
        except Exception as err:  # the log must never fail an event
            states.clear()
            _log_failed(err)

    def _record(self, run: _Run, status: str, error: str | None = None) -> None:
        """Log the run in the session's history: what it received, changed, took, raised.

        The entry is a tuple of kept values; :meth:`_Plan.record` makes the
        :class:`EventRecord` when someone reads the history.
        """
        session = self.session
        if not self.logging or session.closed:
            return
        try:  # the log must never fail an event or stop the queue
            plan = run.plan
            values = session.states.values  # each was read when the run began
            changes: list[tuple[int, str, Any, Any]] = []
            written, states = run.changes, run.states
            for bid, trait in plan.logged if written or states else ():
                if bid in written:
                    changes.append((bid, "set", *written[bid]))
                elif bid in states:
                    old = states[bid]
                    value = values.get(trait)  # None if time_to_live dropped it meanwhile
                    immutable = type(value) in IMMUTABLE
                    if type(old) is not tuple:  # an immutable value: equal (as fingerprints compare) or replaced
                        if type(value) is type(old) and (value is old or value == old):
                            continue
                        changes.append((bid, "replaced", old, value if immutable else kept(value)))
                        continue
                    old_id, old_print, old_kept = old
                    new_print = (type(value), value) if immutable else fingerprint(value)
                    if old_print is not None and new_print is not None and old_print == new_print:
                        continue
                    if id(value) != old_id:
                        how = "replaced"
                    elif old_print is None or new_print is None:
                        if bid not in plan.outputs:
                            continue
                        how = "unknown"
                    else:
                        how = "mutated in place"
                    changes.append((bid, how, old_kept, value if immutable else kept(value)))
            number = session.events_run + 1
            session.log((number, plan, run.inputs, changes, time.perf_counter() - run.started, status, error))
        except Exception as err:
            _log_failed(err)

    # -- inputs and outputs ------------------------------------------------------------------
    def _read_inputs(self, run: _Run) -> tuple[list[Any], dict[str, Any]]:
        dep = run.dep
        read, preprocess = self._input_value, dep.preprocess
        values = [read(b, preprocess, dep, i) for i, b in enumerate(dep.inputs)]
        kwargs = {name: read(b, preprocess, dep, -1) for name, b in dep.inputs_kwargs.items()} if dep.inputs_kwargs else {}
        if self.logging:
            try:
                run.inputs = [_kept(v) for v in ((*values, *kwargs.values()) if kwargs else values)]
            except Exception as err:
                _log_failed(err)
        if dep.inputs_as_dict:
            values = [dict(zip(dep.inputs, values))]
        return values, kwargs

    def _arguments(self, run: _Run, how: _Arguments, values: list[Any], given: dict[str, Any]) -> tuple[list[Any], dict[str, Any]]:
        """The arguments one function (the listener's or its validator) is called with: the
        inputs' ``values`` and keyword ``given`` values, with what Gradio fills for it."""
        # No copies on the usual path (a click's hot path): ``values`` and ``given`` are this
        # run's own; only what a fill or pad changes is copied, as the validator shares them.
        kwargs = {**given, **bind_progress(how.progress, self.session.progress_bar)} if how.progress else given
        args = self._fill_special(run, how.special, values) if how.special else values
        fills, needed = how.padding
        if len(args) < needed:  # fewer inputs than parameters: Gradio fills them in
            args = pad(list(args), fills)
        return args, kwargs

    def _fill_special(self, run: _Run, special: tuple[Special, ...], values: list[Any]) -> list[Any]:
        """Insert what Gradio passes itself: progress trackers, the request, the event's data,
        and components' properties for parameters annotated with a component class."""
        session = self.session
        inputs = run.dep.inputs

        def progress(declared: Progress) -> Progress:
            return tracker(declared.track_tqdm, session.progress_bar)

        def props(index: int) -> Any:
            if run.dep.inputs_as_dict or index >= len(inputs) or not isinstance(inputs[index], Component):
                return None
            return component_props(session.component(inputs[index]), values[index])

        return fill(special, values, progress=progress, request=session.request, event=run.trigger, props=props)

    def _input_value(self, block: Block, preprocess: bool, dep: Dependency, index: int) -> Any:
        session = self.session
        if isinstance(block, State):
            value = self._state_value(block, f"state_{block._id}")
            return block.preprocess(value) if block._in_browser else value
        if not isinstance(block, Component):
            raise TypeError(f"{type(block).__name__} is a layout and cannot be an input.")
        comp = session.component(block)
        payload = comp.read_widget(session.widget(block))
        return processed(comp.preprocess, payload, dep, index, is_input=True) if preprocess else payload

    def _apply(self, run: _Run, result: Any) -> None:
        """Map ``result`` onto the outputs, postprocess all, then write all (or nothing: S12)."""
        session = self.session
        dep = run.dep
        outputs = dep.outputs
        values = output_values(result, outputs, dep.fn_name)
        shown = session.widget_tree.widgets
        staged: list[tuple[Block, Block | None, bool, Any]] = []
        texts: dict[int, str] = {}  # JSON of persisted States: made (and checked) before any write
        for index, (block, value) in enumerate(zip(outputs, values)):
            if isinstance(block, State):
                value = state_value(value)
                if value is NO_VALUE:
                    continue
                if block._in_browser:
                    value = block.postprocess(value)
                staged.append((block, None, True, value))
                text = block._encode(value)
                if text is not None:
                    texts[block._id] = text
                continue
            if block._id not in shown:
                session.widget(block)  # an output that is not shown fails here, before any write
            # The usual value (no update to unpack) skips requested_update.
            update = None if type(value) in _PLAIN else requested_update(value)
            if update is not None:
                props, has_value, new_value = update
                current = session.component(block) if isinstance(block, Component) else session.layout(block)
                changed = current.with_props(props) if props else None
                target = changed or current
                if changed is not None and not has_value and self.logging:
                    # The log shows a props-only update (a timer stopped, a box hidden) as its props.
                    before, after = _props_text(current, props), _props_text(changed, props)
                    if before != after:
                        run.changes[block._id] = (before, after)
                if has_value and not isinstance(target, Component):
                    raise ValueError(f"{type(block).__name__} has no value to update.")
                payload = self._postprocessed(target, block, new_value, run, index) if has_value and dep.postprocess else new_value
                staged.append((block, changed, has_value, payload))
            elif isinstance(block, Component):
                comp = session.component(block)
                payload = self._postprocessed(comp, block, value, run, index) if dep.postprocess else value
                staged.append((block, None, True, payload))
            else:
                raise ValueError(
                    f"{type(block).__name__} is a layout: return gr.update(...) or a {type(block).__name__}(...) "
                    "for it, not a value."
                )
        if texts:
            for block, _changed, _has_value, _payload in staged:
                text = texts.get(block._id)
                if text is not None:  # kept first: a failing save (a full disk) writes nothing
                    block._keep(session, text)  # type: ignore[attr-defined]
        self._write(run, staged)

    def _write(self, run: _Run, staged: list[tuple[Block, Block | None, bool, Any]]) -> None:
        """Write what :meth:`_apply` staged: States, props, widgets' values; log what changed."""
        session = self.session
        shown = session.widget_tree.widgets
        logging = self.logging
        self.applying = True
        try:
            for block, changed, has_value, payload in staged:
                if isinstance(block, State):
                    session.states.write(session, block, payload, keep=False)
                    continue
                widget = shown[block._id]
                if changed is not None:
                    session.widget_tree.use_props(block, changed, widget)
                if has_value:
                    comp = session.component(block)
                    if not logging:
                        comp.write_widget(widget, payload)
                        continue
                    before = comp.peek_widget(widget)
                    comp.write_widget(widget, payload)
                    # What the widget holds now (a media widget keeps its own copy's path).
                    after = comp.peek_widget(widget)
                    try:
                        differs = bool(after != before)
                    except Exception:  # e.g. an array's ambiguous truth value: call it changed
                        differs = True
                    if differs:
                        first = run.changes.get(block._id)
                        run.changes[block._id] = (first[0] if first else _kept(before), _kept(after))
        finally:
            self.applying = False

    def _postprocessed(self, comp: Component, block: Block, value: Any, run: _Run, index: int) -> Any:
        """``comp.postprocess(value)``; a component that declares ``postprocess_onto`` (the
        Chatbot) also gets the payload its widget holds, to reuse what did not change."""
        onto = _ONTO.get(type(comp))
        if onto is None:  # an attribute most classes lack: looked up once per class, not per event
            onto = _ONTO[type(comp)] = bool(getattr(type(comp), "postprocess_onto", False))
        if onto:
            current = comp.read_widget(self.session.widget_tree.widgets[block._id])
            return processed(comp.postprocess, value, run.dep, index, False, current)
        return processed(comp.postprocess, value, run.dep, index, is_input=False)

    # -- errors --------------------------------------------------------------------------------
    def record_error(self, dep: Dependency | None, err: BaseException, event: str = "") -> None:
        """Record ``err`` on the session and show it in the app (as Gradio's toast does)."""
        event = dep.describe() if dep else event
        trace = "".join(traceback.format_exception(err))
        if isinstance(err, Error):
            record = ErrorRecord(err.title, err.message, "Error", event, trace)
            visible, duration = err.visible, err.duration
        else:
            record = ErrorRecord("Error", str(err), type(err).__name__, event, trace)
            visible, duration = True, 10
        if not visible:
            return  # gr.Error(visible=False): nothing is shown, so nothing is recorded
        self.session.errors.append(record)
        if isinstance(err, Error):
            shown = record.message
        elif self.session.show_error:
            shown = f"{record.type}: {record.message}"
        else:  # served with show_error=False (Gradio's default): the server's internals stay there
            shown = ""
        where = f"\n(in {event})" if event and shown else ""
        self.session.show_toast("error", record.title, shown + where, duration)


#: Return values that cannot be a gr.update, a component or a component-props namespace.
_PLAIN = frozenset({str, int, float, bool, type(None), list, tuple})


def _kept(value: Any) -> Any:
    """``inspection.kept(value)``, its usual cases (a number, a short str) without a call."""
    kind = type(value)
    if kind in IMMUTABLE or (kind is str and len(value) <= _KEPT_CHARS):
        return value
    return kept(value)


def _props_text(block: Block, names: dict[str, Any]) -> Summary:
    """``block``'s props named in ``names`` as the event log shows them: ``active=False``."""
    return Summary(", ".join(f"{name}={getattr(block, name, None)!r}" for name in names))


def _log_failed(err: Exception) -> None:
    warnings.warn(f"gradio_nb could not record an event in the session's history: {err!r}", RuntimeWarning, stacklevel=3)


def validation_results(dep: Dependency, found: Any) -> list[dict[str, Any]]:
    """A validator's return value as Gradio's queue reports it (``process_validation_response``):
    for a list, one entry per item, each ``gr.validate`` result named by the function's
    parameter for that input (``parameter_name``, ``parameter_<i>`` when it has none;
    parameters Gradio fills itself, a ``gr.Request`` or a ``gr.Progress``, are skipped),
    anything else valid; a single invalid ``gr.validate`` result as it is; anything else valid."""
    if not isinstance(found, list):
        if isinstance(found, dict) and found.get("is_valid", None) is False:
            return [found]
        return [{"is_valid": True, "message": ""}]
    filled = {special.index for special in special_params(dep.fn)}
    params = [p.name for i, p in enumerate(positional_params(dep.fn)) if i not in filled] if dep.fn else []
    names: list[str | None] = list(params[: len(dep.inputs)])
    names += [None] * (len(dep.inputs) - len(names)) + list(dep.inputs_kwargs or {})
    results = []
    for i, result in enumerate(found):
        if isinstance(result, dict) and result.get("__type__") == "validate":
            results.append({**result, "parameter_name": (names[i] if i < len(names) else None) or f"parameter_{i}"})
        else:
            results.append({"is_valid": True, "message": ""})
    return results


def processed(method: Callable[..., Any], value: Any, dep: Dependency, index: int, is_input: bool, *extra: Any) -> Any:
    """``method(value, *extra)`` (a component's pre/postprocess); a failure other than ``gr.Error``
    becomes Gradio's ComponentProcessingError, naming the component, the event and the value."""
    try:
        return method(value, *extra)
    except Error:
        raise
    except MissingFileError as err:
        if is_input:  # a value naming a missing file: Gradio's words for it
            raise not_uploaded(err.filename) from err
        raise _processing_error(method, value, dep, index, is_input, err) from err
    except Exception as err:
        raise _processing_error(method, value, dep, index, is_input, err) from err


def _processing_error(
    method: Callable[..., Any], value: Any, dep: Dependency, index: int, is_input: bool, err: Exception
) -> ComponentProcessingError:
    """Gradio's ComponentProcessingError for ``err`` raised by ``method`` on ``value``."""
    block = method.__self__  # type: ignore[attr-defined]
    blocks = dep.inputs if is_input else dep.outputs
    kind, stage, verb = ("input", "preprocess", "passed to") if is_input else ("output", "postprocess", "returned from")
    name = f' (named "{dep.fn_name}")' if dep.fn_name else ""
    try:
        params = list(inspect.signature(method).parameters.values())
        expected = params[0].annotation if params and params[0].annotation is not inspect.Parameter.empty else None
    except (TypeError, ValueError):
        expected = None
    if expected is not None and not isinstance(expected, str):
        expected = getattr(expected, "__name__", str(expected))
    clause = f"Expected a `{expected}`, but the" if expected else "The"
    shown = repr(value)
    shown = shown[:200] + "..." if len(shown) > 200 else shown
    return ComponentProcessingError(
        f"Could not {stage} {kind} component at index {index} (a `{block.get_block_name()}` component) "
        f"of the event handler{name} with {kind} components: [{', '.join(b.get_block_name() for b in blocks)}].\n\n"
        f"{clause} value {verb} the event handler was: {shown} (of type `{type(value).__name__}`).\n\n"
        f"Original error: {type(err).__name__}: {err}"
    )


class _Driven:
    """Driver calls run their whole chain before returning (see :meth:`Dispatcher.driven`)."""

    def __init__(self, dispatcher: Dispatcher) -> None:
        self.dispatcher = dispatcher

    def __enter__(self) -> None:
        self.dispatcher._driving += 1

    def __exit__(self, *exc: object) -> None:
        self.dispatcher._driving -= 1


__all__ = ["Dispatcher", "run_to_completion"]
