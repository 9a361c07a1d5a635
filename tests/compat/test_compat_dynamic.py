"""Compat scenarios for ``@gr.render`` and ``gr.Timer``: the same interactions against real
Gradio 6.31 (``GradioDriver``, which applies a render run's config and ticks timers on a virtual
clock as Gradio's page does) and gradio_nb. Same format as ``test_compat.py``.

Rendered components are found again after each run with ``sess.rendered(fn)``; the helpers
below keep only components (no layouts: Gradio wraps form components in a ``Form`` of its own,
gradio_nb does not) and observe them as ``(class name, value)``.

Where the expected observations of real Gradio are given, they are what its front end does
(measured or read from its source); gradio_nb must then give the same.
"""

from __future__ import annotations

import os
from typing import Any

import pytest

import real_gradio

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
gradio = real_gradio.require()

from harness import Scenarios

SCENARIOS = Scenarios()
scenario = SCENARIOS.scenario


def components(sess: Any, fn: Any) -> list[Any]:
    """The components (not layouts) the last run of render function ``fn`` made."""
    return [b for b in sess.rendered(fn) if not hasattr(b, "children")]


def seen(sess: Any, fn: Any) -> list[tuple[str, Any]]:
    """``(class name, value)`` of each component the last run of ``fn`` made, in layout order."""
    return [(type(b).__name__, sess.get(b)) for b in components(sess, fn)]


# -- @gr.render: what each run shows -----------------------------------------------------------
@scenario(
    start=[],
    typed=[],
    submitted=[("Textbox", "a"), ("Textbox", "b")],
    mode_changed=[("Textbox", "a"), ("Textbox", "b")],
    resubmitted=[("Button", "a"), ("Button", "b")],
    emptied=[("Markdown", "## No Input Provided")],
)
def render_split_on_submit(gr, driver):
    """triggers=[text.submit]: no run at load, none on an input's change, one per submit with
    the inputs' values then (a Textbox or a Button per letter, a Markdown when empty)."""
    with gr.Blocks() as demo:
        text = gr.Textbox(label="input")
        mode = gr.Radio(["textbox", "button"], value="textbox")

        @gr.render(inputs=[text, mode], triggers=[text.submit])
        def split(t, m):
            if not t:
                gr.Markdown("## No Input Provided")
                return
            for letter in t:
                (gr.Textbox if m == "textbox" else gr.Button)(letter)

    sess = driver.open(demo)
    obs = {"start": seen(sess, split)}
    sess.set(text, "ab")
    obs["typed"] = seen(sess, split)
    sess.submit(text)
    obs["submitted"] = seen(sess, split)
    sess.set(mode, "button")
    obs["mode_changed"] = seen(sess, split)
    sess.submit(text)
    obs["resubmitted"] = seen(sess, split)
    sess.set(text, "")
    sess.submit(text)
    obs["emptied"] = seen(sess, split)
    return obs


@scenario(
    start=[("Markdown", "## No Input Provided")],
    typed=[("Textbox", "h"), ("Textbox", "i")],
    longer=[("Textbox", "h"), ("Textbox", "i"), ("Textbox", "!")],
)
def render_split_on_change(gr, driver):
    """The default triggers: a run at load and one on each change of an input."""
    with gr.Blocks() as demo:
        text = gr.Textbox(label="input")

        @gr.render(inputs=text)
        def split(t):
            if len(t) == 0:
                gr.Markdown("## No Input Provided")
            else:
                for letter in t:
                    gr.Textbox(letter)

    sess = driver.open(demo)
    obs = {"start": seen(sess, split)}
    sess.set(text, "hi")
    obs["typed"] = seen(sess, split)
    sess.set(text, "hi!")
    obs["longer"] = seen(sess, split)
    return obs


@scenario(
    one=[""],
    kept=["hello", ""],
    merged="hello world",
    three=["hello", "world", ""],
    merged_three="hello world ",
)
def render_merge_keyed(gr, driver):
    """Keyed Textboxes without a constructor value keep what was typed when a run makes them
    again; the merge listener on the outside button is the latest run's (all its boxes)."""
    with gr.Blocks() as demo:
        count = gr.State(1)
        add = gr.Button("Add Box")
        add.click(lambda n: n + 1, count, count)

        @gr.render(inputs=count)
        def boxes(n):
            made = [gr.Textbox(key=i, label=f"Box {i}") for i in range(n)]

            def merge(*texts):
                return " ".join(texts)

            merge_btn.click(merge, made, output)

        merge_btn = gr.Button("Merge")
        output = gr.Textbox(label="Merged Output")

    sess = driver.open(demo)
    obs = {"one": [sess.get(b) for b in components(sess, boxes)]}
    sess.set(components(sess, boxes)[0], "hello")
    sess.click(add)
    obs["kept"] = [sess.get(b) for b in components(sess, boxes)]
    sess.set(components(sess, boxes)[1], "world")
    sess.click(merge_btn)
    obs["merged"] = sess.get(output)
    sess.click(add)
    obs["three"] = [sess.get(b) for b in components(sess, boxes)]
    sess.click(merge_btn)
    obs["merged_three"] = sess.get(output)
    return obs


@scenario(
    added=[
        ("Markdown", "### Incomplete Tasks (3)"),
        ("Textbox", "wash"),
        ("Button", "Done"),
        ("Button", "Delete"),
        ("Textbox", "cook"),
        ("Button", "Done"),
        ("Button", "Delete"),
        ("Textbox", "eat"),
        ("Button", "Done"),
        ("Button", "Delete"),
        ("Markdown", "### Complete Tasks (0)"),
    ],
    entry="",
    done=[
        ("Markdown", "### Incomplete Tasks (2)"),
        ("Textbox", "wash"),
        ("Button", "Done"),
        ("Button", "Delete"),
        ("Textbox", "eat"),
        ("Button", "Done"),
        ("Button", "Delete"),
        ("Markdown", "### Complete Tasks (1)"),
        ("Textbox", "cook"),
    ],
    deleted=[
        ("Markdown", "### Incomplete Tasks (1)"),
        ("Textbox", "eat"),
        ("Button", "Done"),
        ("Button", "Delete"),
        ("Markdown", "### Complete Tasks (1)"),
        ("Textbox", "cook"),
    ],
    tasks=[{"name": "cook", "complete": True}, {"name": "eat", "complete": False}],
)
def todo_list(gr, driver):
    """The to-do list: a render of a State that its own listeners change in place."""
    with gr.Blocks() as demo:
        tasks = gr.State([])
        new_task = gr.Textbox(label="Task Name", max_lines=1)

        def add_task(task_list, name):
            return task_list + [{"name": name, "complete": False}], ""

        new_task.submit(add_task, [tasks, new_task], [tasks, new_task])

        @gr.render(inputs=tasks)
        def todos(task_list):
            complete = [t for t in task_list if t["complete"]]
            incomplete = [t for t in task_list if not t["complete"]]
            gr.Markdown(f"### Incomplete Tasks ({len(incomplete)})")
            for task in incomplete:
                with gr.Row():
                    gr.Textbox(task["name"], show_label=False, container=False)
                    done_btn = gr.Button("Done", scale=0)

                    def mark_done(task=task):
                        task["complete"] = True
                        return task_list

                    done_btn.click(mark_done, None, [tasks])
                    delete_btn = gr.Button("Delete", scale=0, variant="stop")

                    def delete(task=task):
                        task_list.remove(task)
                        return task_list

                    delete_btn.click(delete, None, [tasks])
            gr.Markdown(f"### Complete Tasks ({len(complete)})")
            for task in complete:
                gr.Textbox(task["name"], show_label=False, container=False)

    def button_after(sess: Any, name: str, offset: int) -> Any:
        """The button ``offset`` places after the Textbox showing ``name``."""
        shown = components(sess, todos)
        at = next(i for i, b in enumerate(shown) if type(b).__name__ == "Textbox" and sess.get(b) == name)
        return shown[at + offset]

    sess = driver.open(demo)
    for name in ("wash", "cook", "eat"):
        sess.set(new_task, name)
        sess.submit(new_task)
    obs = {"added": seen(sess, todos), "entry": sess.get(new_task)}
    sess.click(button_after(sess, "cook", 1))  # Done
    obs["done"] = seen(sess, todos)
    sess.click(button_after(sess, "wash", 2))  # Delete
    obs["deleted"] = seen(sess, todos)
    obs["tasks"] = sess.get(tasks)
    return obs


@scenario(
    first=[1],
    calls=[1, 2, 3],
    out="3: a0 a1 a2",
    shown=[("Textbox", "a0"), ("Textbox", "a1"), ("Textbox", "a2")],
)
def render_listener_on_outside_button(gr, driver):
    """A listener a run attaches to a button outside the render replaces the previous run's:
    a click after two re-renders runs only the latest one, with the latest run's boxes."""
    calls: list[int] = []
    with gr.Blocks() as demo:
        n_boxes = gr.Number(1, precision=0)
        go = gr.Button("Go")
        out = gr.Textbox()

        @gr.render(inputs=n_boxes)
        def boxes(n):
            made = [gr.Textbox(f"a{i}") for i in range(int(n))]

            def run(*texts, n=int(n)):
                calls.append(n)
                return f"{n}: {' '.join(texts)}"

            go.click(run, made, out)

    sess = driver.open(demo)
    sess.click(go)
    obs = {"first": calls[:]}
    sess.set(n_boxes, 2)
    sess.click(go)
    sess.set(n_boxes, 3)
    sess.click(go)
    obs.update(calls=calls[:], out=sess.get(out), shown=seen(sess, boxes))
    return obs


@scenario(ticks=[2, 1, 1], shown=["tick 2", "tick 2", "tock 3", "tock 4"])
def render_with_timer(gr, driver):
    """A Timer made by a render ticks the run's listener; a re-render replaces the timer (and
    its listener) with a new one, whose interval starts when it is made."""
    with gr.Blocks() as demo:
        label = gr.Textbox("tick")
        count = gr.State(0)
        shown = gr.Textbox()

        @gr.render(inputs=label)
        def ticking(prefix):
            timer = gr.Timer(1)
            timer.tick(lambda c, p=prefix: (c + 1, f"{p} {c + 1}"), count, [count, shown])

    sess = driver.open(demo)
    ticks = [sess.advance(2.5)]  # at 1 and 2
    shown_values = [sess.get(shown)]
    sess.set(label, "tock")  # a new timer made at 2.5: it ticks at 3.5, not at 3
    shown_values.append(sess.get(shown))
    ticks.append(sess.advance(1.2))
    shown_values.append(sess.get(shown))
    ticks.append(sess.advance(1.0))  # 4.5
    shown_values.append(sess.get(shown))
    return {"ticks": ticks, "shown": shown_values}


@scenario(filled=["x0", "x1"], kept=["x0", "x1", ""], person=["typed", "x1", ""], again=["typed", "x1", "", ""])
def render_keyed_value_set_by_event(gr, driver):
    """A keyed Textbox (no constructor value) keeps a value an event gave it, as well as one a
    person typed, when the next run makes it again; a new key starts empty."""
    with gr.Blocks() as demo:
        count = gr.State(2)
        add = gr.Button("Add")
        fill = gr.Button("Fill")
        add.click(lambda n: n + 1, count, count)

        @gr.render(inputs=count)
        def boxes(n):
            made = [gr.Textbox(key=f"box-{i}") for i in range(n)]
            fill.click(lambda: [f"x{i}" for i in range(n)], None, made)

    sess = driver.open(demo)

    def values() -> list[Any]:
        return [sess.get(b) for b in components(sess, boxes)]

    sess.click(fill)
    obs = {"filled": values()}
    sess.click(add)
    obs["kept"] = values()
    sess.set(components(sess, boxes)[0], "typed")
    obs["person"] = values()
    sess.click(add)
    obs["again"] = values()
    return obs


@scenario(runs=[1, 1, 2, 3], shown=[[], [("Markdown", "run 1")], [("Markdown", "run 2")], [("Markdown", "run 3")]])
def render_on_button_and_load(gr, driver):
    """triggers=[button.click, demo.load]: a run at load and one per click, and none when an
    input changes."""
    runs: list[int] = []
    with gr.Blocks() as demo:
        text = gr.Textbox("x")
        again = gr.Button("Again")
        placeholder = gr.Button("Later")

        @gr.render(inputs=[text], triggers=[placeholder.click])
        def never(t):
            gr.Markdown("never")

        @gr.render(inputs=[text], triggers=[again.click, demo.load])
        def counted(t):
            runs.append(1)
            gr.Markdown(f"run {len(runs)}")

    sess = driver.open(demo)
    shown = [seen(sess, never), seen(sess, counted)]
    counts = [len(runs)]
    sess.set(text, "y")
    counts.append(len(runs))
    for _ in range(2):
        sess.click(again)
        counts.append(len(runs))
        shown.append(seen(sess, counted))
    return {"runs": counts, "shown": shown}


@scenario(built=[2, 2], ticks=2, after=[4, 4])
def render_every_inside(gr, driver):
    """A component with a callable value and every= made by a render: called when the run
    makes it, at the run's end (its load listener) and on each tick."""
    calls: list[int] = []

    def counter() -> int:
        calls.append(1)
        return len(calls)

    with gr.Blocks() as demo:
        flag = gr.Checkbox(True)

        @gr.render(inputs=flag)
        def clocks(on):
            if on:
                gr.Number(counter, every=1)

    sess = driver.open(demo)
    built = [len(calls), sess.get(components(sess, clocks)[0])]
    ticks = sess.advance(2.5)
    return {"built": built, "ticks": ticks, "after": [len(calls), sess.get(components(sess, clocks)[0])]}


@scenario(
    shown=[("Textbox", "a"), ("Textbox", "b")],
    errors=[("Error", "too long: abcd")],
    after=[("Textbox", "a"), ("Textbox", "b")],
    recovered=[("Textbox", "x")],
)
def render_error_keeps_last_run(gr, driver):
    """A run that raises is shown as an error and changes nothing: the last run's components
    (and listeners) stay."""
    with gr.Blocks() as demo:
        text = gr.Textbox("ab")
        out = gr.Textbox()

        @gr.render(inputs=text)
        def split(t):
            if len(t) > 3:
                raise ValueError(f"too long: {t}")
            made = [gr.Textbox(letter) for letter in t]
            out.change(lambda *v: None, made, None)

    sess = driver.open(demo)
    obs = {"shown": seen(sess, split)}
    sess.set(text, "abcd")
    obs.update(errors=sess.errors(), after=seen(sess, split))
    sess.set(text, "x")
    obs["recovered"] = seen(sess, split)
    return obs


@scenario(out=["HELLO", "HELLO", "WORLD"], calls=[["hello"], ["hello"], ["hello", "world"]], kept=["hello", ""])
def render_keyed_box_listener_follows(gr, driver):
    """A change listener a run attaches to a keyed Textbox: after a re-render keeps the box,
    typing in it runs the new run's listener (once), not the old one's."""
    calls: list[str] = []
    with gr.Blocks() as demo:
        count = gr.State(1)
        add = gr.Button("Add")
        out = gr.Textbox()
        add.click(lambda n: n + 1, count, count)

        @gr.render(inputs=count)
        def boxes(n):
            for i in range(n):
                box = gr.Textbox(key=i)
                if i == 0:
                    box.change(lambda v: calls.append(v) or v.upper(), box, out)

    sess = driver.open(demo)
    outs, seen_calls = [], []
    sess.set(components(sess, boxes)[0], "hello")
    outs.append(sess.get(out))
    seen_calls.append(calls[:])
    sess.click(add)  # the box keeps "hello": no change event
    outs.append(sess.get(out))
    seen_calls.append(calls[:])
    kept = [sess.get(b) for b in components(sess, boxes)]
    sess.set(components(sess, boxes)[0], "world")
    outs.append(sess.get(out))
    seen_calls.append(calls[:])
    return {"out": outs, "calls": seen_calls, "kept": kept}


@scenario(seen=[[], [1], [1, 2], [1, 2, 3]], note="3 from 3")
def render_state_change_listener(gr, driver):
    """A run attaches a change listener to a State outside the render; it runs on each change
    the backend reports, and a re-render's listener replaces the previous one."""
    changes: list[int] = []
    with gr.Blocks() as demo:
        count = gr.State(0)
        bump = gr.Button("Bump")
        rerender = gr.Button("Re-render")
        note = gr.Textbox()
        bump.click(lambda n: n + 1, count, count)

        @gr.render(inputs=None, triggers=[rerender.click, demo.load])
        def watcher():
            count.change(lambda n: changes.append(n) or f"{n} from {len(changes)}", count, note)

    sess = driver.open(demo)
    seen_lists = [changes[:]]
    sess.click(bump)
    seen_lists.append(changes[:])
    sess.click(rerender)
    sess.click(bump)
    seen_lists.append(changes[:])
    sess.click(rerender)
    sess.click(bump)
    seen_lists.append(changes[:])
    return {"seen": seen_lists, "note": sess.get(note)}


# -- gr.Timer ------------------------------------------------------------------------------------
@scenario(
    ticks=[4, 0, 2, 1, 1],
    shown=[4, 4, 6, 7, 8],
    count=8,
)
def timer_counter_stop_start(gr, driver):
    """A Timer(0.5) counting into a State shown in a Number; Stop/Start buttons return
    gr.Timer(active=...). Starting restarts the interval; a Start while running changes nothing
    (the phase goes on)."""
    with gr.Blocks() as demo:
        timer = gr.Timer(0.5)
        count = gr.State(0)
        shown = gr.Number(0)
        stop = gr.Button("Stop")
        start = gr.Button("Start")
        timer.tick(lambda c: (c + 1, c + 1), count, [count, shown])
        stop.click(lambda: gr.Timer(active=False), None, timer)
        start.click(lambda: gr.Timer(active=True), None, timer)

    sess = driver.open(demo)
    ticks, shown_values = [sess.advance(2.0)], [sess.get(shown)]
    sess.click(stop)
    ticks.append(sess.advance(2.0))
    shown_values.append(sess.get(shown))
    sess.advance(0.2)  # stopped at 4.0; started at 4.2: ticks at 4.7, 5.2, ...
    sess.click(start)
    ticks.append(sess.advance(1.2))  # to 5.4
    shown_values.append(sess.get(shown))
    sess.click(start)  # already running: its interval goes on (next tick at 5.7)
    ticks.append(sess.advance(0.4))  # to 5.8
    shown_values.append(sess.get(shown))
    ticks.append(sess.advance(0.4))  # to 6.2: the tick at 6.2
    shown_values.append(sess.get(shown))
    return {"ticks": ticks, "shown": shown_values, "count": sess.get(count)}


@scenario(
    ticks=[0, 2, 1],
    shown=[0, 2, 3],
)
def timer_switched_on_and_retimed(gr, driver):
    """gr.Timer(active=False) ticks only once gr.update(active=True) starts it; gr.Timer(2)
    returned to it gives it a new interval, restarted from then."""
    with gr.Blocks() as demo:
        timer = gr.Timer(0.5, active=False)
        shown = gr.Number(0)
        on = gr.Button("On")
        slower = gr.Button("Slower")
        timer.tick(lambda n: n + 1, shown, shown)
        on.click(lambda: gr.update(active=True), None, timer)
        slower.click(lambda: gr.Timer(2), None, timer)

    sess = driver.open(demo)
    ticks = [sess.advance(5.0)]
    shown_values = [sess.get(shown)]
    sess.click(on)
    ticks.append(sess.advance(1.2))  # 5.5, 6.0
    shown_values.append(sess.get(shown))
    sess.click(slower)  # at 6.2: next tick at 8.2
    ticks.append(sess.advance(2.5))
    shown_values.append(sess.get(shown))
    return {"ticks": ticks, "shown": shown_values}


@scenario(
    stops=[3, 0],
    shown=[3, 3],
    active="False",
)
def timer_stops_itself(gr, driver):
    """A tick function that returns gr.Timer(active=False) to its own timer after the third
    tick: no tick after it."""
    with gr.Blocks() as demo:
        timer = gr.Timer(1)
        shown = gr.Number(0)
        state = gr.Textbox("True")

        def tick(n):
            n += 1
            return (n, gr.Timer(active=False), "False") if n == 3 else (n, gr.skip(), gr.skip())

        timer.tick(tick, shown, [shown, timer, state])

    sess = driver.open(demo)
    stops = [sess.advance(5.0)]
    values = [sess.get(shown)]
    stops.append(sess.advance(5.0))
    values.append(sess.get(shown))
    return {"stops": stops, "shown": values, "active": sess.get(state)}


@scenario(
    start=[2, 2],
    after=[5, 5],
    ticks=3,
)
def every_without_inputs(gr, driver):
    """every=1 with a callable value and no inputs: called when the app is built, at load and
    at each tick of the Timer made beside the component."""
    calls: list[str] = []

    def counter() -> int:
        calls.append("call")
        return len(calls)

    with gr.Blocks() as demo:
        shown = gr.Number(counter, every=1)

    sess = driver.open(demo)
    start = [sess.get(shown), len(calls)]
    ticks = sess.advance(3.5)
    return {"start": start, "after": [sess.get(shown), len(calls)], "ticks": ticks}


@scenario(
    start=[10, 1],
    changed=[20, 2],
    after=[20, 4],
)
def every_with_inputs(gr, driver):
    """every=1 with a callable value and inputs: not called at build; called at load, on each
    change of an input, and at each tick with the inputs' values then."""
    calls: list[Any] = []

    def doubled(x):
        calls.append(x)
        return x * 2

    with gr.Blocks() as demo:
        source = gr.Number(5)
        shown = gr.Number(doubled, inputs=[source], every=1)

    sess = driver.open(demo)
    start = [sess.get(shown), len(calls)]
    sess.set(source, 10)
    changed = [sess.get(shown), len(calls)]
    sess.advance(2.0)
    return {"start": start, "changed": changed, "after": [sess.get(shown), len(calls)]}


@scenario(log=["a", "a then", "b", "b then", "a", "a then", "b", "b then", "a", "a then", "a", "a then"], ticks=6)
def timers_in_time_order_with_chains(gr, driver):
    """Two timers (0.5 s and 0.7 s): ticks run in time order, each with its .then chain before
    the next tick."""
    log: list[str] = []
    with gr.Blocks() as demo:
        fast = gr.Timer(0.5)
        slow = gr.Timer(0.7)
        out = gr.Textbox()
        fast.tick(lambda: log.append("a") or "a", None, out).then(lambda: log.append("a then"), None, None)
        slow.tick(lambda: log.append("b") or "b", None, out).then(lambda: log.append("b then"), None, None)

    sess = driver.open(demo)
    ticks = sess.advance(2.05)  # a: .5 1 1.5 2; b: .7 1.4
    return {"log": log[:], "ticks": ticks}


@scenario(values=[2, 4, 4, 5], ticks=[2, 0, 1])
def every_with_a_timer_object(gr, driver):
    """every=gr.Timer(0.5): the value's function runs on that timer's ticks, which a button can
    stop (and another start again, its interval restarted)."""
    calls: list[int] = []

    def counter() -> int:
        calls.append(1)
        return len(calls)

    with gr.Blocks() as demo:
        timer = gr.Timer(0.5)
        shown = gr.Number(counter, every=timer)
        stop = gr.Button("Stop")
        start = gr.Button("Start")
        stop.click(lambda: gr.Timer(active=False), None, timer)
        start.click(lambda: gr.Timer(active=True), None, timer)

    sess = driver.open(demo)
    values = [sess.get(shown)]
    ticks = [sess.advance(1.2)]
    values.append(sess.get(shown))
    sess.click(stop)
    ticks.append(sess.advance(3.0))
    values.append(sess.get(shown))
    sess.click(start)
    ticks.append(sess.advance(0.6))
    values.append(sess.get(shown))
    return {"values": values, "ticks": ticks}


@scenario(ticks=4, shown=3, errors=[("Error", "tick 2 failed")])
def timer_tick_error_goes_on(gr, driver):
    """A tick whose function raises shows the error; the timer goes on ticking."""
    with gr.Blocks() as demo:
        timer = gr.Timer(1)
        count = gr.State(0)
        shown = gr.Number(0)
        calls: list[int] = []

        def tick(c):
            calls.append(1)
            if len(calls) == 2:
                raise ValueError("tick 2 failed")
            return c + 1, c + 1

        timer.tick(tick, count, [count, shown])

    sess = driver.open(demo)
    ticks = sess.advance(4.5)  # 1, 2 (fails: the count stays 1), 3, 4
    return {"ticks": ticks, "shown": sess.get(shown), "errors": sess.errors()}


test_compat = SCENARIOS.test()


def test_render_listener_shadows_static_one_in_gradio_only() -> None:
    """A known difference, kept on purpose: Gradio's page replaces its by-event entry for a
    (target, event) with a render run's listeners, so a static listener on the same button
    stops running; gradio_nb runs both (as Gradio's docs describe listeners)."""
    from drivers import GradioDriver, NbDriver

    import gradio_nb

    def clicks(gr: Any, driver: Any) -> list[str]:
        calls: list[str] = []
        with gr.Blocks() as demo:
            go = gr.Button("Go")
            go.click(lambda: calls.append("static"))

            @gr.render(inputs=None)
            def made():
                gr.Markdown("x")
                go.click(lambda: calls.append("render"))

        sess = driver.open(demo)
        try:
            sess.click(go)
        finally:
            driver.close_all()
        return calls

    assert clicks(gradio, GradioDriver()) == ["render"]
    assert clicks(gradio_nb, NbDriver()) == ["static", "render"]
