"""Two drivers with one interface, for running the same scripted interaction on two engines.

``driver.open(demo) -> session``; per session: ``set(component, value)``, ``click(button)``,
``submit(textbox)``, ``get(component)`` (the value a function would receive next),
``errors()`` (``[(title, message), ...]`` shown to the user so far), ``close()``.

* :class:`NbDriver` is a thin wrapper over ``gradio_nb``'s ``demo.session()``.
* :class:`GradioDriver` runs real Gradio's backend in-process through its processing path
  (``Blocks.process_api`` with a per-session ``SessionState``) and plays the part of Gradio's
  front end as ``/work/shared/GRADIO_SEMANTICS.md`` measures it. The front end is read from the
  app's config (``demo.get_config_file()``): its components' mount values and its dependencies'
  targets, inputs, outputs, ``js`` and chain fields (``trigger_after``,
  ``trigger_only_on_success``/``_failure``). What the emulation does, and the S-number behind it:

  - mount: each visible component holds its config value, normalised (S18: Textbox null -> "",
    Number null -> 0, Chatbot null -> []); then the ``load`` listeners of the root run (S24, and
    the load event Gradio attaches for a callable State default, S4);
  - values travel as JSON between the "browser" and the backend (S19: integral floats come back
    as ints);
  - a run's outputs are applied to the held values (plain values and ``{"__type__": "update"}``
    dicts; States hold nothing in the browser, S6); a visible component whose value changed
    dispatches ``change`` (S21; a user edit also dispatches ``input``);
  - chains (S10): on success ``.success`` listeners, then ``change`` of the States the backend
    reported changed (S11), then ``.then``; on an error only ``.failure``;
  - a js-only listener (``ClearButton``, S22) evaluates its ``js`` — an arrow function returning a
    JSON literal — by parsing that literal; the ClearButton's backend listener resets its States;
  - an error is shown as Gradio's queue builds its payload with ``show_error=True`` (S12):
    gr.Error's title and message, else "Error" and ``str(exception)``; nothing for
    ``gr.Error(visible=False)`` (the toast store only keeps visible messages).
  - ``@gr.render``: a run's ``render_config`` is applied as the page does (init.svelte.ts
    ``rerender``, dependency.ts ``result.type === "render"``): a component id mounted already (a
    keyed component) keeps its held value unless the config gives one, a new id holds its
    normalised value; that render's previous listeners not in the new config are dropped, the
    page's by-event table takes the new ones for each (target, event) they name (replacing any
    other listener there, a static one included), and the new ``load`` listeners run. No
    ``.success`` or State change events follow a render run (the page leaves its loop at the
    render message), only ``.then``. ``rendered(fn)`` gives the blocks of ``fn``'s last run;
  - ``gr.Timer`` (js/timer/Index.svelte) on a virtual clock driven by ``advance(seconds)``, with
    the semantics of gradio_nb's ``Clock.advance``: a timer's interval (re)starts when it is
    mounted, started or given a new interval (held ``value``, prop ``active``); due ticks run in
    time order, each with its whole chain.

  Events run one at a time in FIFO order. Gradio runs chained siblings concurrently; where their
  order shows (S10), FIFO gives the order GRADIO_SEMANTICS.md describes: listeners triggered by
  changed outputs, then ``.success``, then State ``change``, then ``.then``.
"""

from __future__ import annotations

import asyncio
import copy
import json
import math
import uuid
from collections import deque
from typing import Any

# -- gradio_nb ---------------------------------------------------------------------------------


class NbSession:
    def __init__(self, demo: Any) -> None:
        self._sess = demo.session()

    def set(self, component: Any, value: Any) -> None:
        self._sess.set(component, value)

    def click(self, button: Any) -> None:
        self._sess.click(button)

    def submit(self, textbox: Any) -> None:
        self._sess.submit(textbox)

    def trigger(self, component: Any, event: str, data: Any = None) -> None:
        self._sess.trigger(component, event, data)

    def get(self, component: Any) -> Any:
        return self._sess.get(component)

    def rendered(self, fn: Any) -> list[Any]:
        """The blocks the last run of render function ``fn`` made, depth first."""
        return self._sess.rendered(fn)

    def advance(self, seconds: float) -> int:
        """Move the session's virtual clock on; returns how many timer ticks ran."""
        return self._sess.advance(seconds)

    def errors(self) -> list[tuple[str, str]]:
        return [(e.title, e.message) for e in self._sess.errors]

    def close(self) -> None:
        self._sess.close()


class Driver:
    """Opens sessions; :meth:`close_all` closes every session it opened."""

    name = ""
    session_class: type = object

    def __init__(self) -> None:
        self.opened: list[Any] = []

    def open(self, demo: Any) -> Any:
        session = self.session_class(demo)
        self.opened.append(session)
        return session

    def close_all(self) -> None:
        for session in self.opened:
            session.close()
        self.opened.clear()


class NbDriver(Driver):
    name = "gradio_nb"
    session_class = NbSession


# -- real Gradio -------------------------------------------------------------------------------


def to_js(value: Any) -> Any:
    """``value`` as it comes back after a JSON trip through the browser (S19)."""
    if hasattr(value, "model_dump"):  # Gradio's pydantic data models (Chatbot's messages)
        value = value.model_dump()
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return int(value)  # JS has one number type: 2.0 is sent back as 2
    if isinstance(value, dict):
        return {str(k): to_js(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_js(v) for v in value]
    return value


def normalise(kind: str, value: Any, mount: bool = False) -> Any:
    """What a component's front end makes of ``value`` (S18)."""
    if value is None:
        if kind == "textbox":
            return ""  # Textbox never holds null, at mount or later
        if kind == "chatbot":
            return []
        if kind == "number" and mount:
            return 0  # `value ??= 0` at mount only: a cleared Number holds null (S22)
    return value


def is_update(value: Any) -> bool:
    return isinstance(value, dict) and value.get("__type__") == "update"


class GradioSession:
    def __init__(self, demo: Any) -> None:
        from gradio.state_holder import SessionState

        self.demo = demo
        self.state = SessionState(demo)
        self.session_hash = uuid.uuid4().hex
        self._errors: list[tuple[str, str]] = []
        config = demo.get_config_file()
        self.kinds = {c["id"]: c["type"] for c in config["components"]}
        self.props = {c["id"]: c["props"] for c in config["components"]}
        self.deps = {d["id"]: d for d in config["dependencies"]}
        self.root = demo._id
        # the values the browser holds, per visible component (States hold nothing there)
        self.held = {
            c["id"]: normalise(c["type"], to_js(c["props"].get("value")), mount=True)
            for c in config["components"]
            if c["type"] != "state"
        }
        self.queue: deque[int] = deque()
        self._event_data: dict[int, tuple[int, Any]] = {}  # queued listener -> (target id, payload)
        # @gr.render (dependency.ts, `result.type === "render"`): the listener ids and component
        # ids of each render's last run, and the page's by-event table where a render replaced it.
        self._render_deps: dict[int, set[int]] = {}
        self._render_blocks: dict[int, set[int]] = {}
        self._by_event: dict[tuple[int, str], list[int]] = {}
        # gr.Timer (js/timer/Index.svelte) on a virtual clock: when each timer ticks next, and the
        # (interval, active) its interval was last (re)started with.
        self.now = 0.0
        self._due: dict[int, float | None] = {}
        self._timer_props: dict[int, tuple[Any, bool]] = {}
        self._sync_timers()
        # As the page does (dependency.ts, dispatch_load_events): every listener with a "load"
        # target runs, whatever the target's id (gr.on(triggers=None) names an id of its own).
        for dep_id, dep in self.deps.items():
            if any(event == "load" for _target, event in dep["targets"]):
                self._enqueue(dep_id)
        self._drain()

    # -- driver API ----------------------------------------------------------------------------
    def set(self, component: Any, value: Any) -> None:
        if self.kinds[component._id] == "state":
            self.state[component._id] = value  # no user edits of a State: just its value
            return
        block = self.state[component._id]  # this session's version of the component
        if self._hold(component._id, to_js(block.postprocess(value))):
            self._fire(component._id, "change")
            self._fire(component._id, "input")
        self._drain()

    def click(self, button: Any) -> None:
        self._fire(button._id, "click")
        self._drain()

    def submit(self, textbox: Any) -> None:
        self._fire(textbox._id, "submit")
        self._drain()

    def trigger(self, component: Any, event: str, data: Any = None) -> None:
        """Any event, with the payload Gradio's page sends with it (``gr.EventData``'s data).

        A Dataset's ``click`` with ``{"index": i}`` is a click on sample ``i``: the page holds
        ``i``, then dispatches click, select (with the sample) and change (if it moved).
        """
        if self.kinds.get(component._id) == "dataset" and isinstance(data, dict) and "index" in data:
            index = data["index"]
            changed = self._hold(component._id, index)
            sample = self.demo.blocks[component._id].samples[index] if hasattr(self.demo.blocks[component._id], "samples") else None
            self._fire(component._id, "click", index)
            self._fire(component._id, "select", {"index": index, "value": sample})
            if changed:
                self._fire(component._id, "change")
        else:
            self._fire(component._id, event, data)
        self._drain()

    def get(self, component: Any) -> Any:
        """Preprocess the held value through Gradio's own ``preprocess_data``."""
        from gradio.block_function import BlockFunction

        probe = BlockFunction(None, [component], [], True, True, False, [], -1)
        held = copy.deepcopy(self.held.get(component._id))
        return self._run(self.demo.preprocess_data(probe, [held], self.state))[0]

    def errors(self) -> list[tuple[str, str]]:
        return list(self._errors)

    def close(self) -> None:
        self.state = None  # Gradio keeps it for an hour; nothing of it is read again here

    # -- front end -----------------------------------------------------------------------------
    @staticmethod
    def _run(coro: Any) -> Any:
        return asyncio.run(coro)

    def _fire(self, block_id: int | None, event: str, data: Any = None) -> None:
        if (block_id, event) in self._by_event:
            self._fire_replaced(block_id, event, data)
            return
        for dep_id, dep in self.deps.items():
            if [block_id, event] in [list(t) for t in dep["targets"]]:
                self._enqueue(dep_id)
                # As Gradio's route: every event from the page carries its target (and payload).
                self._event_data[dep_id] = (block_id, data)

    def _chained(self, dep_id: int, kind: str) -> None:
        """Queue the listeners chained to ``dep_id`` by ``kind``: success, failure or then."""
        for follower_id, dep in self.deps.items():
            if dep["trigger_after"] != dep_id:
                continue
            if dep["trigger_only_on_success"]:
                follower_kind = "success"
            elif dep["trigger_only_on_failure"]:
                follower_kind = "failure"
            else:
                follower_kind = "then"
            if follower_kind == kind:
                self._enqueue(follower_id)

    def _enqueue(self, dep_id: int) -> None:
        if dep_id in self.queue:
            return  # "once" drops a repeat, "always_last" runs the queued one with fresh values
        self.queue.append(dep_id)

    def _drain(self) -> None:
        while self.queue:
            self._dispatch(self.queue.popleft())

    def _hold(self, block_id: int, value: Any) -> bool:
        """Set a held value; True if it changed (then the component dispatches change)."""
        value = normalise(self.kinds[block_id], value)
        old = self.held.get(block_id)
        self.held[block_id] = value
        return old != value

    def _apply(self, outputs: list[int], data: list[Any]) -> None:
        changed = []
        for block_id, value in zip(outputs, data):
            if self.kinds.get(block_id) == "state":
                continue  # the backend keeps State; the browser gets null (S6)
            if is_update(value):
                # The page keeps the props an update sets (sent back for an annotated parameter).
                props = {k: v for k, v in value.items() if k not in ("__type__", "value")}
                self.props[block_id] = {**self.props.get(block_id, {}), **props}
                if "value" not in value:
                    continue
                value = value["value"]
            if self._hold(block_id, to_js(value)):
                changed.append(block_id)
        self._sync_timers()  # a timer given a new interval or started/stopped restarts
        for block_id in changed:
            self._fire(block_id, "change")

    def _dispatch(self, dep_id: int) -> None:
        dep = self.deps[dep_id]
        if not dep["backend_fn"]:
            if dep["js"]:  # js-only listener: `() => <JSON literal>` (ClearButton, S22)
                values = json.loads(dep["js"].split("=>", 1)[1])
                if len(dep["outputs"]) == 1 and not isinstance(values, list):
                    values = [values]  # one output: a non-array result is wrapped, an array is not
                self._apply(dep["outputs"], values)
            self._succeeded(dep_id, [])
            return
        inputs = [copy.deepcopy(self.held.get(i)) for i in dep["inputs"]]
        blocks_config = self.state.blocks_config  # this session's: it holds rendered listeners
        for i in dep.get("component_prop_inputs") or []:
            # A parameter annotated with a component class: the page sends all its props.
            props = self.props[dep["inputs"][i]]
            inputs[i] = {**copy.deepcopy(props), "value": inputs[i]}
        event_data = None
        if dep_id in self._event_data:
            from gradio.events import EventData

            target_id, payload = self._event_data.pop(dep_id)
            event_data = EventData(blocks_config.blocks.get(target_id), payload)
        try:
            out = self._run(
                self.demo.process_api(
                    block_fn=blocks_config.fns[dep_id],
                    inputs=inputs,
                    state=self.state,
                    session_hash=self.session_hash,
                    event_id=uuid.uuid4().hex,
                    event_data=event_data,
                    request=self._request(),
                    in_event_listener=True,
                )
            )
        except Exception as err:  # noqa: BLE001 - shown to the user as Gradio's queue does
            from gradio.utils import error_payload

            payload = error_payload(err, True)
            if payload.get("visible", True):  # gr.Error(visible=False) shows no toast
                self._errors.append((payload.get("title") or "Error", payload["error"]))
            self._chained(dep_id, "failure")  # and nothing else: no .then after an error (S10)
            return
        assert not out["is_generating"], "generators (S13) are not emulated by this driver"
        self._apply(dep["outputs"], out["data"])
        if out.get("render_config"):
            # The page leaves its submit loop at the render message: no .success and no State
            # change events follow a render run, only its .then listeners.
            self._rerender(out["render_config"])
            self._chained(dep_id, "then")
            return
        self._succeeded(dep_id, out["changed_state_ids"])

    def _request(self) -> Any:
        """The ``gr.Request`` of this session, as Gradio's queue builds one for each event."""
        from gradio.route_utils import Request

        return Request(username=None, session_hash=self.session_hash)

    def _succeeded(self, dep_id: int, changed_state_ids: list[int]) -> None:
        self._chained(dep_id, "success")
        for state_id in changed_state_ids:
            self._fire(state_id, "change")  # S11: the backend says which States changed
        self._chained(dep_id, "then")

    # -- @gr.render ----------------------------------------------------------------------------
    def rendered(self, fn: Any) -> list[Any]:
        """The blocks of the last run of render function ``fn`` in this session, depth first,
        layouts included (this session's block objects: ``set``/``click``/``get`` take them)."""
        config = self.state.blocks_config
        for renderable in config.renderables:
            if renderable.fn is fn:
                return list(_walk(config.blocks[renderable.container_id].children))
        raise ValueError(f"{fn!r} is not a @gr.render function of this app.")

    def _rerender(self, config: dict[str, Any]) -> None:
        """Apply a render run's config as the page does (init.svelte.ts ``rerender``, then
        dependency.ts on ``result.type === "render"``)."""
        render_id = config["render_id"]
        new_ids = {c["id"] for c in config["components"]}
        for gone in self._render_blocks.get(render_id, set()) - new_ids:
            for table in (self.kinds, self.props, self.held):
                table.pop(gone, None)  # unmounted: its events cannot fire any more
        changed = []
        for component in config["components"]:
            block_id, kind, props = component["id"], component["type"], component["props"]
            value = to_js(props.get("value"))
            if block_id in self.kinds:
                # Mounted already (a keyed component, or the render's own box): the page pushes
                # the props the config defines into it; its held value stays unless given one.
                defined = {k: v for k, v in props.items() if v is not None}
                self.props[block_id] = {**self.props.get(block_id, {}), **defined}
                self.kinds[block_id] = kind
                if kind != "state" and value is not None and self._hold(block_id, value):
                    changed.append(block_id)  # watch_for_change: a new value dispatches change
            else:
                self.kinds[block_id] = kind
                self.props[block_id] = dict(props)
                if kind != "state":
                    self.held[block_id] = normalise(kind, value, mount=True)
        self._render_blocks[render_id] = new_ids
        # The dependencies: by id, those of this render's previous run not in this one dropped;
        # by event, each (target, event) the new run listens to is replaced by its listeners.
        new_deps = {d["id"]: d for d in config["dependencies"]}
        self.deps.update(new_deps)
        by_event: dict[tuple[int, str], list[int]] = {}
        for dep_id, dep in new_deps.items():
            for target, event in dep["targets"]:
                by_event.setdefault((target, event), []).append(dep_id)
        self._by_event.update(by_event)
        for old_id in self._render_deps.get(render_id, set()) - set(new_deps):
            self.deps.pop(old_id, None)
        self._render_deps[render_id] = set(new_deps)
        self._sync_timers()
        for dep_id, dep in new_deps.items():  # dispatch_load_events(by_id)
            if any(event == "load" for _target, event in dep["targets"]):
                self._enqueue(dep_id)
        for block_id in changed:
            self._fire(block_id, "change")

    def _fire_replaced(self, block_id: int | None, event: str, data: Any) -> None:
        """``_fire`` for a (target, event) whose listeners a render run set."""
        for dep_id in self._by_event[(block_id, event)]:
            # The page's table may still name a listener of an earlier run (one whose key the
            # latest run did not listen to); the backend no longer has it, so nothing runs here.
            if dep_id in self.deps:
                self._enqueue(dep_id)
                self._event_data[dep_id] = (block_id, data)

    # -- gr.Timer ------------------------------------------------------------------------------
    def advance(self, seconds: float) -> int:
        """Move the virtual clock ``seconds`` on, as ``gradio_nb``'s ``Clock.advance`` does:
        each due tick in time order, with its whole chain before the next. Returns the ticks run."""
        end = self.now + seconds
        ran = 0
        while True:
            timer_id, when = None, math.inf
            for each, due in self._due.items():
                if due is not None and due < when:
                    timer_id, when = each, due
            if timer_id is None or when > end:
                break
            self.now = when
            self._fire(timer_id, "tick")
            self._drain()
            if self._due.get(timer_id) == when:  # not restarted by its own tick
                self._due[timer_id] = when + float(self._timer_props[timer_id][0])
            ran += 1
        self.now = end
        return ran

    def _sync_timers(self) -> None:
        """Restart the interval of each timer mounted, started, stopped or given a new interval
        (Index.svelte's ``$effect`` re-runs ``setInterval`` when ``value`` or ``active`` change)."""
        for block_id, kind in self.kinds.items():
            if kind != "timer":
                continue
            current = (self.held.get(block_id), bool(self.props.get(block_id, {}).get("active", True)))
            if self._timer_props.get(block_id) != current:
                self._timer_props[block_id] = current
                interval, active = current
                self._due[block_id] = self.now + float(interval) if active and interval else None
        for block_id in [b for b in self._due if self.kinds.get(b) != "timer"]:
            del self._due[block_id]  # unmounted by a re-render
            self._timer_props.pop(block_id, None)


def _walk(blocks: list[Any]) -> Any:
    """``blocks`` and everything inside them, depth first, in layout order."""
    for block in blocks:
        yield block
        yield from _walk(getattr(block, "children", None) or [])


class GradioDriver(Driver):
    name = "gradio"
    session_class = GradioSession
