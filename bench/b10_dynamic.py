"""10. Dynamic apps: a keyed ``@gr.render`` re-render and ``gr.Timer`` overhead, side by side
with Gradio 6.31 in the same run.

1. Re-render of 100 keyed Textboxes after one is added: a ``gr.State`` count (100), an Add
   button adding one, and ``@gr.render(inputs=count)`` making ``gr.Textbox(key=i, label=...)``
   for each. In a page session (``Session(demo, page=True)``), the kernel time of the Add click
   (the click's listener and the re-render it starts) and every comm message it sends to the
   page, against a full rebuild of the same 101 textboxes measured in the same run: the same
   click when the render has no keys (every textbox made anew, the old ones closed), and a
   fresh session's build of the app at 101. Gradio: ``process_api`` of the Add listener then
   of the render listener, in-process as bench 1 drives it, and the bytes of the
   ``render_config`` its page receives (its JSON), which it sends whole at every render.
2. Timer overhead: 100 page sessions, each with a ``gr.Timer(0.1)`` whose tick adds one to a
   ``gr.Number``, all on one asyncio event loop for a few seconds of real time, each told by
   its presence view that the page shows it. Ticks delivered per second (expected 1,000) and
   the kernel's CPU share (process CPU time over wall time, the comm messages serialized as a
   kernel would); against Gradio's backend CPU per tick: ``process_api`` of the same tick
   listener in-process, times the same 1,000 ticks a second.
"""

from __future__ import annotations

import asyncio
import gc
import json
import time
import uuid
from collections.abc import Callable
from typing import Any

from .common import Row, median, record, recording_comms, traffic

BOXES = 100
ROUNDS = 7
SESSIONS, INTERVAL, SECONDS = 100, 0.1, 4.0


# -- the apps, for either gr module ------------------------------------------------------------
def render_app(gr: Any, keyed: bool, count: int = BOXES) -> tuple[Any, Any, Any, Callable[..., Any]]:
    """The keyed textboxes app: (demo, count State, Add button, render function)."""
    with gr.Blocks() as demo:
        state = gr.State(count)
        add = gr.Button("Add")
        add.click(lambda n: n + 1, state, state)

        @gr.render(inputs=state)
        def boxes(n: int) -> None:
            for i in range(n):
                gr.Textbox(key=i if keyed else None, label=f"Box {i}")

    return demo, state, add, boxes


def bump(n: float) -> float:
    """The trivial counter every tick runs."""
    return n + 1


def timer_app(gr: Any) -> tuple[Any, Any, Any]:
    """One Number counted up by a 0.1 s Timer: (demo, number, timer)."""
    with gr.Blocks() as demo:
        number = gr.Number(0)
        timer = gr.Timer(INTERVAL)
        timer.tick(bump, number, number)
    return demo, number, timer


# -- 1. a keyed re-render ------------------------------------------------------------------------
def nb_rerender(keyed: bool) -> tuple[float, int, int]:
    """(seconds, comm messages, bytes) of one Add click in a fresh page session, checking that
    the render ran and, keyed, that the 100 textboxes kept their widgets and typed values."""
    import gradio_nb
    from gradio_nb.session import Session

    demo, _state, add, boxes = render_app(gradio_nb, keyed)
    with recording_comms() as log:
        sess = Session(demo, page=True)
        try:
            first = [b for b in sess.rendered(boxes) if isinstance(b, gradio_nb.Textbox)]
            assert len(first) == BOXES, len(first)
            sess.set(first[5], "typed")
            widgets = [sess.widget(b) for b in first]
            gc.collect()
            before = len(log)
            start = time.perf_counter()
            sess.click(add)
            elapsed = time.perf_counter() - start
            messages, size = traffic(log, before)
            after = [b for b in sess.rendered(boxes) if isinstance(b, gradio_nb.Textbox)]
            assert len(after) == BOXES + 1, len(after)
            if keyed:
                assert all(sess.widget(b) is w for b, w in zip(after, widgets)), "a keyed textbox lost its widget"
                assert sess.get(after[5]) == "typed", "a keyed textbox lost its typed value"
            else:
                assert not any(sess.widget(b) is w for b, w in zip(after, widgets)), "an unkeyed textbox was kept"
        finally:
            sess.close()
    return elapsed, messages, size


def nb_fresh_build(count: int) -> tuple[float, int]:
    """(seconds, bytes) of a fresh page session of the keyed app built at ``count`` boxes."""
    import gradio_nb
    from gradio_nb.session import Session

    demo, _state, _add, _boxes = render_app(gradio_nb, True, count)
    with recording_comms() as log:
        gc.collect()
        start = time.perf_counter()
        sess = Session(demo, page=True)
        elapsed = time.perf_counter() - start
        _, size = traffic(log)
        sess.close()
    return elapsed, size


class GradioRender:
    """Real Gradio's processing path for the keyed app: ``Blocks.process_api`` of the Add
    listener, then of the render listener, as its page calls them after the State changed."""

    def __init__(self) -> None:
        import gradio

        self.demo, self.state, _add, _boxes = render_app(gradio, True)
        fns = list(self.demo.fns.values())
        self.add_fn = next(f for f in fns if f.renderable is None)
        self.render_fn = next(f for f in fns if f.renderable is not None)
        self.loop = asyncio.new_event_loop()

    def _call(self, fn: Any, session: Any, session_hash: str) -> dict[str, Any]:
        return self.loop.run_until_complete(
            self.demo.process_api(block_fn=fn, inputs=[None], state=session, session_hash=session_hash))

    def rerender(self) -> tuple[float, int, int]:
        """(seconds of the Add and the re-render, bytes of the first and of the new
        render_config) in a fresh Gradio session whose first render made 100 textboxes."""
        from gradio.state_holder import SessionState

        session, session_hash = SessionState(self.demo), uuid.uuid4().hex
        first = self._call(self.render_fn, session, session_hash)["render_config"]
        gc.collect()
        start = time.perf_counter()
        self._call(self.add_fn, session, session_hash)
        output = self._call(self.render_fn, session, session_hash)
        elapsed = time.perf_counter() - start
        config = output["render_config"]
        assert session[self.state._id] == BOXES + 1
        textboxes = sum(1 for c in config["components"] if c.get("type") == "textbox")
        assert textboxes == BOXES + 1, textboxes
        return elapsed, len(json.dumps(first, default=str)), len(json.dumps(config, default=str))

    def close(self) -> None:
        self.loop.close()


def rerender_rows() -> None:
    import gradio_nb
    from gradio_nb.session import Session

    # Warm up: the shared models and the view code sent once per kernel, and both libraries'
    # first-call costs, land outside the measured rounds.
    warm, *_ = render_app(gradio_nb, True, 2)
    with recording_comms():
        Session(warm, page=True).close()
    gradio = GradioRender()
    gradio.rerender()

    keyed, unkeyed, fresh, theirs = [], [], [], []
    try:
        for _ in range(ROUNDS):  # interleaved, so a slow spell of the machine hits all alike
            keyed.append(nb_rerender(True))
            unkeyed.append(nb_rerender(False))
            fresh.append(nb_fresh_build(BOXES + 1))
            theirs.append(gradio.rerender())
    finally:
        gradio.close()
    t_keyed, msgs_keyed, b_keyed = median([k[0] for k in keyed]), keyed[0][1], keyed[0][2]
    t_full, msgs_full, b_full = median([u[0] for u in unkeyed]), unkeyed[0][1], unkeyed[0][2]
    t_fresh, b_fresh = median([f[0] for f in fresh]), fresh[0][1]
    t_gr, b_gr_first, b_gr = median([g[0] for g in theirs]), theirs[0][1], theirs[0][2]
    share = b_keyed / b_full
    record(Row("10 dynamic", f"re-render of {BOXES} keyed Textboxes +1: bytes to the page", b_keyed / 1e3, "kB",
               f"{msgs_keyed} msgs; full rebuild (same click, no keys) {b_full / 1e3:.1f} kB in {msgs_full} msgs ({share:.3f}x); "
               f"fresh session of {BOXES + 1} {b_fresh / 1e3:.1f} kB; Gradio render_config {b_gr / 1e3:.1f} kB "
               f"({b_gr / b_keyed:.1f}x gradio_nb; its first render {b_gr_first / 1e3:.1f} kB)",
               "≤ 10% of the full rebuild", share <= 0.10))
    record(Row("10 dynamic", f"re-render of {BOXES} keyed Textboxes +1: kernel time", t_keyed * 1e3, "ms",
               f"full rebuild (same click, no keys) {t_full * 1e3:.1f} ms ({t_keyed / t_full:.3f}x); fresh session of {BOXES + 1} "
               f"{t_fresh * 1e3:.1f} ms; Gradio process_api Add + render {t_gr * 1e3:.1f} ms ({t_gr / t_keyed:.1f}x gradio_nb)"))


# -- 2. timer overhead ---------------------------------------------------------------------------
async def _tick_for(sessions: list[Any], seconds: float) -> tuple[int, float, float]:
    """Show every session's app (as its page's presence view says), let the timers run for
    ``seconds``: (ticks, wall seconds, process CPU seconds)."""
    for sess in sessions:  # inside the running loop: the clocks schedule on it
        sess.clock.presence._message(None, {"presence": "visible", "view": "v"}, [])
    ticks = sum(s.clock.ticks for s in sessions)
    wall, cpu = time.perf_counter(), time.process_time()
    await asyncio.sleep(seconds)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    ticks = sum(s.clock.ticks for s in sessions) - ticks
    for sess in sessions:  # the pages go away: nothing ticks once the loop has ended
        sess.clock.presence._message(None, {"presence": "gone", "view": "v"}, [])
    return ticks, wall, cpu


def nb_timers() -> dict[str, float]:
    import gradio_nb
    from gradio_nb.session import Session

    demo, number, _timer = timer_app(gradio_nb)
    with recording_comms() as log:
        sessions = [Session(demo, page=True) for _ in range(SESSIONS)]
        try:
            gc.collect()
            before = len(log)
            ticks, wall, cpu = asyncio.run(_tick_for(sessions, SECONDS))
            messages, size = traffic(log, before)
            counted = sum(sess.get(number) for sess in sessions)
            assert counted == ticks, (counted, ticks)  # every tick ran its function and updated its Number
        finally:
            for sess in sessions:
                sess.close()
    return {"ticks": ticks, "wall": wall, "cpu": cpu, "messages": messages, "bytes": size}


def gradio_tick_cpu(calls: int) -> float:
    """Gradio's backend CPU seconds per tick: ``process_api`` of the tick listener, in-process
    (best of five batches of ``calls``; its sync function runs in a worker thread, which
    ``process_time`` counts)."""
    import gradio
    from gradio.state_holder import SessionState

    demo, _number, _timer = timer_app(gradio)
    fn = next(f for f in demo.fns.values() if f.fn is bump)
    session, session_hash = SessionState(demo), uuid.uuid4().hex
    loop = asyncio.new_event_loop()
    value = [0.0]

    def tick() -> None:
        out = loop.run_until_complete(demo.process_api(block_fn=fn, inputs=[value[0]], state=session, session_hash=session_hash))
        value[0] = out["data"][0]

    try:
        tick()
        best = float("inf")
        for _ in range(5):
            start = time.process_time()
            for _ in range(calls):
                tick()
            best = min(best, (time.process_time() - start) / calls)
        assert value[0] == 1 + 5 * calls, value[0]
    finally:
        loop.close()
    return best


def timer_rows() -> None:
    nb = nb_timers()
    expected = SESSIONS / INTERVAL
    rate = nb["ticks"] / nb["wall"]
    share = nb["cpu"] / nb["wall"]
    per_tick = nb["cpu"] / nb["ticks"]
    theirs = gradio_tick_cpu(300)
    record(Row("10 dynamic", f"{SESSIONS} sessions x Timer({INTERVAL}) for {SECONDS:.0f} s: ticks delivered", rate, "ticks/s",
               f"expected {expected:,.0f}/s; {nb['ticks']:,} ticks, {nb['messages']:,} comm msgs "
               f"({nb['bytes'] / nb['ticks']:.0f} B per tick)", "≥ 90% of expected", rate >= 0.9 * expected))
    record(Row("10 dynamic", f"{SESSIONS} sessions x Timer({INTERVAL}): kernel CPU share", share * 100, "%",
               f"Gradio process_api of the tick at the same {rate:,.0f} ticks/s: {theirs * rate * 100:.1f}% "
               f"({theirs * rate / share:.2f}x gradio_nb)"))
    record(Row("10 dynamic", "timer: kernel CPU per tick", per_tick * 1e6, "µs",
               f"Gradio process_api of the tick {theirs * 1e6:.1f} µs (gradio_nb {per_tick / theirs:.2f}x Gradio)",
               "≤ Gradio", per_tick <= theirs))


def run() -> None:
    print("10. dynamic apps: a keyed @gr.render re-render, gr.Timer overhead")
    rerender_rows()
    timer_rows()
