"""Async functions, cancellation and progress: on the kernel's loop and from the driver API."""

from __future__ import annotations

import asyncio
import time
import warnings

import pytest

import gradio_nb as gr
from settling import settle
from gradio_nb import busy as gr_busy


def slow_app():
    with gr.Blocks() as demo:
        text = gr.Textbox("x")
        other = gr.Textbox()
        go = gr.Button("go")
        fast = gr.Button("fast")

        async def slow(value):
            await asyncio.sleep(0.4)
            return value + "!"

        event = go.click(slow, text, text)
        fast.click(lambda: "fast", None, other)
    return demo, text, other, go, fast, event


def test_browser_click_awaits_on_the_loop_while_other_sessions_go_on():
    async def main():
        demo, text, other, go, fast, _ = slow_app()
        a, b = demo.session(), demo.session()
        a.widget(go).click()  # as the browser: returns at once, the function awaits
        assert a.get(text) == "x"
        await asyncio.sleep(gr_busy.DELAY + 0.1)
        assert a.widget(go).disabled  # the trigger shows it is busy once it takes a while
        b.widget(fast).click()  # another session's event is not held up
        assert b.get(other) == "fast"
        await settle(a)
        assert a.get(text) == "x!"
        assert not a.widget(go).disabled

    asyncio.run(main())


def test_once_drops_a_second_click_while_the_first_awaits():
    async def main():
        demo, text, _, go, _, _ = slow_app()
        sess = demo.session()
        sess.dispatcher.fire(go, "click")
        sess.dispatcher.fire(go, "click")  # S14: trigger_mode="once" drops it
        await settle(sess)
        assert sess.get(text) == "x!"

    asyncio.run(main())


def test_driver_call_inside_a_running_loop_finishes_before_returning():
    async def main():
        demo, text, _, go, _, _ = slow_app()
        sess = demo.session()
        sess.click(go)  # as a notebook cell does: the loop is running, the call still waits
        assert sess.get(text) == "x!"

    asyncio.run(main())


def test_driver_call_without_a_loop_runs_async_functions():
    demo, text, _, go, _, _ = slow_app()
    sess = demo.session()
    sess.click(go)
    sess.click(go)
    assert sess.get(text) == "x!!"


def test_async_generator_streams_each_yield_from_the_browser():
    seen, shown = [], []
    with gr.Blocks() as demo:
        out = gr.Textbox()
        go = gr.Button()

        async def stream():
            for word in ["a", "ab", "abc"]:
                await asyncio.sleep(0.01)
                yield word

        go.click(stream, None, out)
        out.change(lambda v: seen.append(v), out, None)

    async def main():
        sess = demo.session()
        sess.widget(out).observe(lambda change: shown.append(change["new"]), names="value")
        sess.widget(go).click()
        await settle(sess)
        assert sess.get(out) == "abc"

    asyncio.run(main())
    assert shown == ["a", "ab", "abc"]  # every yield reached the widget as it came
    # the change listener (trigger_mode "always_last") runs after the stream, once, with the
    # latest value: events of one session run one at a time
    assert seen == ["abc"]


def test_cancels_stops_an_awaiting_run_and_runs_then_and_failure():
    ran = []
    with gr.Blocks() as demo:
        out = gr.Textbox("idle")
        go = gr.Button("go")
        stop = gr.Button("stop")

        async def forever():
            await asyncio.sleep(60)
            return "finished"

        event = go.click(forever, None, out)
        event.then(lambda: ran.append("then"))
        event.failure(lambda: ran.append("failure"))
        event.success(lambda: ran.append("success"))
        stop.click(None, None, None, cancels=[event])

    async def main():
        sess = demo.session()
        sess.widget(go).click()
        await asyncio.sleep(0.01)
        sess.widget(stop).click()
        await settle(sess)
        assert sess.get(out) == "idle"
        assert sess.errors == []

    asyncio.run(main())
    assert sorted(ran) == ["failure", "then"]  # S10: then and failure run on cancel


def test_cancels_must_be_events():
    with gr.Blocks():
        b = gr.Button()
        with pytest.raises(TypeError, match="cancels"):
            b.click(None, None, None, cancels=[b])


def test_progress_reports_and_hides_when_done():
    with gr.Blocks() as demo:
        out = gr.Textbox()
        go = gr.Button()

        def work(progress=gr.Progress()):
            progress(0, desc="Starting")
            total = 0
            for i in progress.tqdm(range(4), desc="Adding"):
                total += i
            return str(total)

        go.click(work, None, out)
    sess = demo.session()
    sess.click(go)
    assert sess.get(out) == "6"
    assert sess.progress[0] == (0, "Starting")
    assert [f for f, d in sess.progress if d == "Adding"] == [0.0, 0.25, 0.5, 0.75, 1.0]
    assert sess.progress_bar.widget.layout.display == "none"  # hidden once the event is over


def test_progress_tracks_tqdm_when_asked():
    tqdm = pytest.importorskip("tqdm")
    with gr.Blocks() as demo:
        out = gr.Textbox()
        go = gr.Button()

        def work(progress=gr.Progress(track_tqdm=True)):
            for _ in tqdm.tqdm(range(3), desc="Inner", disable=False):
                pass
            return "done"

        go.click(work, None, out)
    sess = demo.session()
    sess.click(go)
    assert sess.get(out) == "done"
    assert [f for f, d in sess.progress if d == "Inner"][-1] == 1.0


@pytest.mark.parametrize("show_progress", ["full", "minimal", "hidden"])
def test_show_progress_decides_the_busy_marker(show_progress):
    seen = []
    with gr.Blocks() as demo:
        box = gr.Textbox()
        slider = gr.Slider(0, 10)
        check = gr.Checkbox()  # a plain ipywidget: busy as a CSS class, not a trait
        go = gr.Button()

        def work():
            time.sleep(gr_busy.DELAY + 0.1)  # the busy marker shows once an event takes a while
            widgets = holder[0].widget_tree.widgets
            seen.append((widgets[box._id].pending, widgets[slider._id].pending, "gnb-pending" in widgets[check._id]._dom_classes, widgets[go._id].disabled))
            return "done", 5, True

        go.click(work, None, [box, slider, check], show_progress=show_progress)
    holder = [demo.session()]
    holder[0].click(go)
    busy = show_progress != "hidden"
    assert seen == [(busy, busy, busy, True)]  # the trigger is disabled in every mode
    widgets = holder[0].widget_tree.widgets
    assert (widgets[box._id].pending, widgets[slider._id].pending, "gnb-pending" in widgets[check._id]._dom_classes, widgets[go._id].disabled) == (False, False, False, False)
    assert holder[0].get(slider) == 5
    assert holder[0].get(check) is True


def test_fast_events_send_no_busy_marker():
    """A fast event changes only its outputs: no busy marker comes and goes (no traffic)."""
    changes = []
    with gr.Blocks() as demo:
        box = gr.Textbox()
        go = gr.Button()
        go.click(lambda: "done", None, box)
    sess = demo.session()
    sess.widget(box).observe(lambda c: changes.append(c["name"]), names=["pending", "value"])
    sess.widget(go).observe(lambda c: changes.append(c["name"]), names=["disabled"])
    sess.click(go)
    time.sleep(gr_busy.DELAY + 0.1)
    assert changes == ["value"]


def test_driver_call_while_a_page_event_awaits_warns_and_queues():
    async def main():
        demo, text, other, go, fast, _ = slow_app()
        sess = demo.session()
        sess.widget(go).click()  # the page's click: an async run awaits on the loop
        with pytest.warns(UserWarning, match="still running an event started in the page"):
            sess.click(fast)
        assert sess.get(other) == ""  # queued behind the awaiting run
        await settle(sess)
        assert (sess.get(text), sess.get(other)) == ("x!", "fast")

    asyncio.run(main())


def test_a_busy_marker_that_fails_does_not_stop_the_later_ones():
    """The watchdog's one thread outlives a marker that raises (it warns): every later event
    still gets its busy marker."""
    from gradio_nb.busy import watchdog

    def broken(_arg):
        raise RuntimeError("no widget here")

    marked = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        watchdog.arm(broken)
        later = watchdog.arm(lambda arg: marked.append(arg) or [], "later")
        deadline = time.monotonic() + 30  # room for a loaded machine
        while not marked and time.monotonic() < deadline:
            time.sleep(0.01)
    later.done()
    assert marked == ["later"]
