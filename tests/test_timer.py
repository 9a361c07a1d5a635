"""``gr.Timer`` and ``every=``: the virtual clock of headless sessions (``session.advance``)
and the real-time clock of a displayed session (loose bounds only, never exact timing)."""

from __future__ import annotations

import asyncio
import itertools
import time
from typing import Any

import pytest

import gradio_nb as gr
from gradio_nb.session import Session


def _ticking_app(interval: float = 0.5, active: bool = True) -> tuple[gr.Blocks, gr.Timer, gr.State]:
    """A timer whose ticks count into a State."""
    with gr.Blocks() as demo:
        timer = gr.Timer(interval, active=active)
        count = gr.State(0)
        timer.tick(lambda c: c + 1, count, count)
    return demo, timer, count


# -- the virtual clock ----------------------------------------------------------------------
def test_advance_counts_ticks() -> None:
    demo, timer, count = _ticking_app(0.5)
    s = demo.session()
    assert s.advance(0.4) == 0
    assert s.advance(0.1) == 1  # due at 0.5: exactly on the boundary
    assert s.advance(1.5) == 3
    assert s.get(count) == 4
    assert s.clock.ticks == 4


def test_advance_two_seconds_half_second_timer() -> None:
    demo, timer, count = _ticking_app(0.5)
    s = demo.session()
    assert s.advance(2) == 4
    assert s.get(count) == 4


def test_stop_and_start_by_returning_timer() -> None:
    with gr.Blocks() as demo:
        timer = gr.Timer(0.5)
        count = gr.State(0)
        start = gr.Button("Start")

        def step(c: int) -> tuple[int, Any]:
            c += 1
            return c, gr.Timer(active=c < 3)  # stops itself at the third tick

        timer.tick(step, count, [count, timer])
        start.click(lambda: gr.Timer(active=True), None, timer)

    s = demo.session()
    assert s.advance(5) == 3
    assert s.get(count) == 3
    s.click(start)
    assert s.advance(0.4) == 0  # the interval restarts when started
    assert s.advance(0.1) == 1
    assert s.advance(5) == 0  # it stopped itself again (count 4 >= 3)
    assert s.get(count) == 4


def test_stop_and_start_by_update() -> None:
    demo, timer, count = _ticking_app(0.5)
    with demo:
        stop = gr.Button("Stop")
        start = gr.Button("Start")
        stop.click(lambda: gr.update(active=False), None, timer)
        start.click(lambda: gr.update(active=True), None, timer)
    s = demo.session()
    assert s.advance(1) == 2
    s.click(stop)
    assert s.advance(10) == 0
    s.click(start)
    assert s.advance(1) == 2
    assert s.get(count) == 4


def test_new_interval_restarts_the_phase() -> None:
    demo, timer, count = _ticking_app(0.5)
    with demo:
        slow = gr.Button("Slow")
        slow.click(lambda: gr.Timer(2), None, timer)
    s = demo.session()
    assert s.advance(0.75) == 1
    s.click(slow)  # at 0.75: next tick at 2.75, not at 1.0 or 2.0
    assert s.advance(1.9) == 0
    assert s.advance(0.2) == 1
    assert s.advance(4) == 2


def test_inactive_timer_never_ticks_until_started() -> None:
    demo, timer, count = _ticking_app(0.5, active=False)
    with demo:
        start = gr.Button("Start")
        start.click(lambda: gr.Timer(active=True), None, timer)
    s = demo.session()
    assert s.advance(100) == 0
    assert s.get(count) == 0
    s.click(start)
    assert s.advance(1) == 2


def test_two_timers_interleave_in_time_order() -> None:
    seen: list[tuple[str, float]] = []
    with gr.Blocks() as demo:
        fast = gr.Timer(0.25)
        slow = gr.Timer(0.625)
        fast.tick(lambda: seen.append(("fast", session_box[0].clock.now)))
        slow.tick(lambda: seen.append(("slow", session_box[0].clock.now)))
    session_box: list[Session] = []
    s = demo.session()
    session_box.append(s)
    assert s.advance(1.2) == 5
    assert seen == [("fast", 0.25), ("fast", 0.5), ("slow", 0.625), ("fast", 0.75), ("fast", 1.0)]
    seen.clear()
    assert s.advance(0.05) == 2  # both due at 1.25: both run, at that time
    assert sorted(seen) == [("fast", 1.25), ("slow", 1.25)]


def test_tick_chain_runs_before_next_tick() -> None:
    order: list[str] = []
    with gr.Blocks() as demo:
        timer = gr.Timer(0.25)
        timer.tick(lambda: order.append("tick")).then(lambda: order.append("then")).then(lambda: order.append("last"))
    s = demo.session()
    assert s.advance(0.75) == 3
    assert order == ["tick", "then", "last"] * 3


def test_failing_tick_is_shown_and_timer_goes_on() -> None:
    calls = itertools.count(1)
    ran: list[int] = []

    def tick() -> None:
        n = next(calls)
        ran.append(n)
        if n == 2:
            raise ValueError("tick two failed")

    with gr.Blocks() as demo:
        gr.Timer(0.5).tick(tick)
    s = demo.session()
    assert s.advance(2) == 4
    assert ran == [1, 2, 3, 4]
    assert len(s.errors) == 1
    assert "tick two failed" in str(s.errors[0].message)


def test_every_without_inputs() -> None:
    calls = itertools.count(1)
    with gr.Blocks() as demo:
        box = gr.Textbox(lambda: f"call {next(calls)}", every=0.5)
    # Called once when declared (the declared value), once when the session loads.
    assert box.value == "call 1"
    s = demo.session()
    assert s.get(box) == "call 2"
    assert s.advance(1) == 2
    assert s.get(box) == "call 4"


def test_every_with_inputs() -> None:
    calls = itertools.count(1)
    with gr.Blocks() as demo:
        name = gr.Textbox("Ada")
        box = gr.Textbox(lambda who: f"{who} {next(calls)}", inputs=[name], every=0.5)
    assert next(calls) == 1  # not called when declared
    s = demo.session()
    assert s.get(box) == "Ada 2"  # on load
    s.set(name, "Bob")
    assert s.get(box) == "Bob 3"  # on the input's change
    assert s.advance(0.5) == 1
    assert s.get(box) == "Bob 4"  # on each tick


def test_request_in_tick_function() -> None:
    hashes: list[str] = []
    with gr.Blocks() as demo:
        timer = gr.Timer(1)

        def tick(request: gr.Request) -> None:
            hashes.append(request.session_hash)

        timer.tick(tick)
    s = demo.session()
    s.advance(2)
    assert hashes == [s.session_hash, s.session_hash]


def test_timer_in_render_dropped_on_rerender() -> None:
    ticks: list[str] = []
    with gr.Blocks() as demo:
        count = gr.State(1)
        add = gr.Button("Add")
        add.click(lambda c: c + 1, count, count)

        @gr.render(inputs=count)
        def timers(n: int) -> None:
            if n == 1:
                gr.Timer(1).tick(lambda: ticks.append("gone next run"))
            gr.Timer(1).tick(lambda n=n: ticks.append(f"run {n}"))

    s = demo.session()
    handles = [s.container(b) for b in s.rendered(timers)]
    assert len(handles) == 2
    assert s.advance(1) == 2
    assert sorted(ticks) == ["gone next run", "run 1"]
    ticks.clear()
    s.advance(0.5)
    s.click(add)  # at 1.5
    assert all(h.closed for h in handles)  # unkeyed: both made anew
    assert not any(h in s.clock.due for h in handles)
    (new,) = [s.container(b) for b in s.rendered(timers)]
    assert not new.closed and new in s.clock.due
    assert s.advance(0.9) == 0  # the new timer's interval started at the re-render: due at 2.5
    assert s.advance(0.1) == 1
    assert s.advance(2) == 2
    assert ticks == ["run 2"] * 3  # no tick of the dropped timers
    s.close()
    assert new.closed


def test_keyed_timer_in_render_is_kept() -> None:
    """gr.Timer takes no ``key=`` (as in Gradio 6.31); a key set on the block afterwards
    still goes through the render's keyed path, which keeps the timer's handle."""
    ticks: list[str] = []
    with gr.Blocks() as demo:
        count = gr.State(1)
        add = gr.Button("Add")
        add.click(lambda c: c + 1, count, count)

        @gr.render(inputs=count)
        def timers(n: int) -> None:
            timer = gr.Timer(1)
            timer.key = "kept"
            timer.tick(lambda n=n: ticks.append(f"run {n}"))

    s = demo.session()
    (handle,) = [s.container(b) for b in s.rendered(timers)]
    s.advance(1.5)
    s.click(add)
    (kept,) = [s.container(b) for b in s.rendered(timers)]
    assert kept is handle and not handle.closed
    assert s.advance(0.5) == 1  # its phase went on: due at 2.0
    assert ticks == ["run 1", "run 2"]


def test_advance_on_closed_session_raises() -> None:
    demo, timer, count = _ticking_app()
    s = demo.session()
    s.close()
    with pytest.raises(RuntimeError, match="closed"):
        s.advance(1)


@pytest.mark.parametrize("bad", [0, -1, "x", float("inf"), True])
def test_bad_interval_raises_naming_timer(bad: Any) -> None:
    with gr.Blocks():
        with pytest.raises(ValueError, match=r"gr\.Timer"):
            gr.Timer(bad)


def test_bad_interval_returned_is_an_error() -> None:
    demo, timer, count = _ticking_app(0.5)
    with demo:
        bad = gr.Button("Bad")
        bad.click(lambda: gr.Timer(0), None, timer)
    s = demo.session()
    s.click(bad)
    assert len(s.errors) == 1
    assert "gr.Timer" in str(s.errors[0].message)
    assert s.advance(1) == 2  # the old interval goes on


# -- the real-time clock of a displayed session ----------------------------------------------
def _show(s: Session, presence: str, view: str = "v1") -> None:
    """What the app's Presence view says from the page."""
    assert s.clock is not None and s.clock.presence is not None
    s.clock.presence._message(None, {"presence": presence, "view": view}, [])


def test_realtime_ticks_only_while_visible() -> None:
    demo, timer, count = _ticking_app(0.05)

    async def main() -> None:
        s = Session(demo, page=True)
        try:
            with pytest.raises(RuntimeError, match="displayed"):
                s.advance(1)
            await asyncio.sleep(0.2)
            assert s.clock.ticks == 0  # no page says it shows the app yet
            _show(s, "visible")
            await asyncio.sleep(0.4)
            seen = s.clock.ticks
            assert seen >= 2
            assert s.get(count) == seen
            _show(s, "gone")
            await asyncio.sleep(0.05)
            stopped = s.clock.ticks
            await asyncio.sleep(0.3)
            assert s.clock.ticks == stopped
            _show(s, "visible", view="v2")
            await asyncio.sleep(0.4)
            assert s.clock.ticks >= stopped + 2
            _show(s, "hidden", view="v2")  # a background tab: stops too
            await asyncio.sleep(0.05)
            hidden = s.clock.ticks
            await asyncio.sleep(0.3)
            assert s.clock.ticks == hidden
            assert s.errors == []
        finally:
            s.close()

    asyncio.run(main())


def test_realtime_close_cancels_the_scheduled_callback() -> None:
    demo, timer, count = _ticking_app(0.1)

    async def main() -> None:
        s = Session(demo, page=True)
        _show(s, "visible")
        await asyncio.sleep(0.25)
        call = s.clock._call
        assert call is not None  # the next tick is scheduled
        s.close()
        assert call.cancelled()
        assert s.clock._call is None
        ticks = s.clock.ticks
        await asyncio.sleep(0.3)
        assert s.clock.ticks == ticks

    asyncio.run(main())


def test_realtime_slow_sync_tick_does_not_pile_up() -> None:
    runs: list[float] = []

    def slow() -> None:
        runs.append(time.monotonic())
        time.sleep(0.3)

    with gr.Blocks() as demo:
        gr.Timer(0.1).tick(slow)

    async def main() -> float:
        s = Session(demo, page=True)
        try:
            _show(s, "visible")
            await asyncio.sleep(1.2)
            assert s.clock.ticks == len(runs)  # a sync function: every tick that fired ran
            (due,) = s.clock.due.values()
            # The next tick is set from now, not from the missed ones (which would be a
            # backlog run back to back, ever further behind).
            return asyncio.get_running_loop().time() - due
        finally:
            s.close()

    behind = asyncio.run(main())
    # 12 intervals of 0.1 s; each run blocks 0.3 s: the ticks missed meanwhile are skipped.
    assert 1 <= len(runs) <= 5
    assert behind < 0.35


def test_realtime_async_tick_skips_ticks_while_running() -> None:
    runs: list[int] = []
    finished: list[int] = []

    async def slow() -> None:
        runs.append(len(runs))
        await asyncio.sleep(0.35)
        finished.append(len(finished))

    with gr.Blocks() as demo:
        gr.Timer(0.1).tick(slow)

    async def main() -> int:
        s = Session(demo, page=True)
        try:
            _show(s, "visible")
            await asyncio.sleep(1.2)
            _show(s, "gone")
            ticks = s.clock.ticks
            await asyncio.sleep(0.5)  # the last run ends; no tick meanwhile
            assert s.clock.ticks == ticks
            assert s.errors == []
            return ticks
        finally:
            s.close()

    ticks = asyncio.run(main())
    # About 11 ticks fell due; only those arriving while no run was under way ran.
    assert 1 <= len(runs) <= 5
    assert ticks > len(runs)  # ticks happened that started no run (not queued for later)
    assert finished == runs  # every run that started finished, none was queued behind


def test_update_value_gives_a_new_interval() -> None:
    demo, timer, count = _ticking_app(0.5)
    with demo:
        slow = gr.Button("Slow")
        slow.click(lambda: gr.update(value=2), None, timer)
    s = demo.session()
    s.click(slow)
    assert s.advance(1.9) == 0
    assert s.advance(0.1) == 1
    assert s.get(timer) == 2


def test_every_inside_render_follows_the_last_run() -> None:
    calls: list[int] = []
    with gr.Blocks() as demo:
        count = gr.State(1)
        add = gr.Button("Add")
        add.click(lambda c: c + 1, count, count)

        @gr.render(inputs=count)
        def live(n: int) -> None:
            gr.Textbox(lambda: calls.append(n) or f"{n}:{len(calls)}", every=1, label="live")

    def box(s: Session) -> Any:
        (found,) = [b for b in s.rendered(live) if isinstance(b, gr.Textbox)]
        return found

    s = demo.session()
    assert calls == [1, 1]  # the run's declaration, then its load
    assert s.advance(1) == 1
    assert s.get(box(s)) == "1:3"
    s.advance(0.5)
    s.click(add)  # at 1.5: the first run's timer is dropped with its box
    assert calls == [1, 1, 1, 2, 2]
    assert s.advance(0.9) == 0  # the new timer started at the re-render
    assert s.advance(0.1) == 1
    assert calls[-1] == 2 and 1 not in calls[3:]
    assert s.get(box(s)) == "2:6"
    assert len(s.clock.due) == 1


def test_realtime_timer_in_render_follows_the_last_run() -> None:
    log: list[int] = []
    with gr.Blocks() as demo:
        count = gr.State(1)
        add = gr.Button("Add")
        add.click(lambda c: c + 1, count, count)

        @gr.render(inputs=count)
        def live(n: int) -> None:
            gr.Timer(0.05).tick(lambda n=n: log.append(n))

    async def main() -> None:
        s = Session(demo, page=True)
        try:
            assert s.clock.presence in s.view.children  # the view that says it is shown
            _show(s, "visible")
            await asyncio.sleep(0.3)
            assert log.count(1) >= 2
            s.click(add)
            first = log.count(1)
            await asyncio.sleep(0.3)
            assert log.count(1) == first  # the dropped timer ticks no more
            assert log.count(2) >= 2
            assert s.errors == []
        finally:
            s.close()

    asyncio.run(main())
