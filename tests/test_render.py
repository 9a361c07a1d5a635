"""``@gr.render`` in headless sessions: keys, listeners, triggers, errors, isolation, leaks."""

from __future__ import annotations

import gc
import tracemalloc
from typing import Any

import ipywidgets as widgets
import pytest
from ipywidgets.widgets.widget import _instances as WIDGET_REGISTRY

import gradio_nb as gr
import gradio_nb.session as session_module
from gradio_nb.session import Session
from gradio_nb.widgets import is_shared


def _by_label(blocks: list[Any], label: str) -> Any:
    """The one rendered block with ``label`` (each run makes new blocks: look them up again)."""
    found = [b for b in blocks if getattr(b, "label", None) == label]
    assert len(found) == 1, f"{label!r}: {found}"
    return found[0]


def _counted_app(keyed: bool = True, unkeyed_value: str = "plain") -> tuple[gr.Blocks, gr.State, gr.Button, Any]:
    """The guide's "merge" shape: a State counting boxes, an Add button, a render of boxes."""
    with gr.Blocks() as demo:
        count = gr.State(2)
        add = gr.Button("Add")
        add.click(lambda c: c + 1, count, count)

        @gr.render(inputs=count)
        def boxes(n: int) -> None:
            for i in range(n):
                gr.Textbox(key=f"box-{i}" if keyed else None, label=f"Box {i}")
            gr.Textbox(unkeyed_value, label="plain")

    return demo, count, add, boxes


# -- the guide's shapes ---------------------------------------------------------------------
def test_split_letters_rerenders_on_input_change() -> None:
    with gr.Blocks() as demo:
        text = gr.Textbox(label="input")

        @gr.render(inputs=text)
        def split(value: str) -> None:
            if not value:
                gr.Markdown("## No Input Provided")
            else:
                for letter in value:
                    gr.Textbox(letter)

    s = demo.session()
    first = s.rendered(split)
    assert [type(b).__name__ for b in first] == ["Markdown"]
    s.set(text, "abc")
    letters = s.rendered(split)
    assert [s.get(b) for b in letters] == ["a", "b", "c"]
    s.set(text, "")
    assert [type(b).__name__ for b in s.rendered(split)] == ["Markdown"]
    assert s.errors == []


def test_submit_trigger_only_rerenders_on_submit() -> None:
    with gr.Blocks() as demo:
        text = gr.Textbox(label="input")
        mode = gr.Radio(["textbox", "button"], value="textbox")

        @gr.render(inputs=[text, mode], triggers=[text.submit])
        def split(value: str, kind: str) -> None:
            for letter in value:
                (gr.Textbox if kind == "textbox" else gr.Button)(letter)

    s = demo.session()
    assert s.rendered(split) == []  # no demo.load among the triggers: nothing rendered at start
    s.set(text, "ab")
    s.set(mode, "button")
    assert s.rendered(split) == []  # input changes are not triggers
    s.submit(text)
    assert [(type(b).__name__, b.value) for b in s.rendered(split)] == [("Button", "a"), ("Button", "b")]
    s.set(text, "abc")
    assert len(s.rendered(split)) == 2
    s.submit(text)
    assert len(s.rendered(split)) == 3


def test_merge_keyed_boxes_keep_typed_text_and_listener_uses_new_boxes() -> None:
    with gr.Blocks() as demo:
        text_count = gr.State(1)
        add_btn = gr.Button("Add Box")
        add_btn.click(lambda x: x + 1, text_count, text_count)

        @gr.render(inputs=text_count)
        def render_count(count: int) -> None:
            boxes = [gr.Textbox(key=i, label=f"Box {i}") for i in range(count)]

            def merge(*args: str) -> str:
                return " ".join(args)

            merge_btn.click(merge, boxes, output)

        merge_btn = gr.Button("Merge")
        output = gr.Textbox(label="Merged Output")

    s = demo.session()
    s.set(_by_label(s.rendered(render_count), "Box 0"), "hello")
    s.click(add_btn)
    blocks = s.rendered(render_count)
    assert s.get(_by_label(blocks, "Box 0")) == "hello"
    s.set(_by_label(blocks, "Box 1"), "world")
    s.click(merge_btn)
    assert s.get(output) == "hello world"
    s.click(add_btn)
    s.click(merge_btn)
    assert s.get(output) == "hello world "  # one merge, with three boxes, not three merges
    assert s.errors == []


def test_todo_list_shape() -> None:
    with gr.Blocks() as demo:
        tasks = gr.State([])
        new_task = gr.Textbox(label="Task Name")

        def add_task(task_list: list[dict[str, Any]], name: str) -> tuple[list[dict[str, Any]], str]:
            return task_list + [{"name": name, "complete": False}], ""

        new_task.submit(add_task, [tasks, new_task], [tasks, new_task])

        @gr.render(inputs=tasks)
        def todos(task_list: list[dict[str, Any]]) -> None:
            incomplete = [t for t in task_list if not t["complete"]]
            complete = [t for t in task_list if t["complete"]]
            gr.Markdown(f"### Incomplete Tasks ({len(incomplete)})")
            for task in incomplete:
                with gr.Row():
                    gr.Textbox(task["name"], show_label=False, container=False)
                    done = gr.Button("Done")

                    def mark_done(task: dict[str, Any] = task) -> list[dict[str, Any]]:
                        task["complete"] = True
                        return task_list

                    done.click(mark_done, None, [tasks])
                    delete = gr.Button("Delete")

                    def remove(task: dict[str, Any] = task) -> list[dict[str, Any]]:
                        task_list.remove(task)
                        return task_list

                    delete.click(remove, None, [tasks])
            gr.Markdown(f"### Complete Tasks ({len(complete)})")
            for task in complete:
                gr.Textbox(task["name"], show_label=False, container=False)

    s = demo.session()
    for name in ("milk", "eggs", "bread"):
        s.set(new_task, name)
        s.submit(new_task)
    assert s.get(new_task) == ""
    blocks = s.rendered(todos)
    assert blocks[0].value == "### Incomplete Tasks (3)"
    dones = [b for b in blocks if isinstance(b, gr.Button) and b.value == "Done"]
    s.click(dones[1])  # eggs
    blocks = s.rendered(todos)
    markdowns = [b.value for b in blocks if isinstance(b, gr.Markdown)]
    assert markdowns == ["### Incomplete Tasks (2)", "### Complete Tasks (1)"]
    assert s.get(blocks[-1]) == "eggs"
    deletes = [b for b in blocks if isinstance(b, gr.Button) and b.value == "Delete"]
    s.click(deletes[0])  # milk
    assert [t["name"] for t in s.get(tasks)] == ["eggs", "bread"]
    rows = [b for b in s.rendered(todos) if isinstance(b, gr.Row)]
    assert len(rows) == 1
    assert s.errors == []


def test_audio_mixer_shape_keyed_in_columns_in_a_row() -> None:
    with gr.Blocks() as demo:
        track_count = gr.State(1)
        add_track = gr.Button("Add Track")
        add_track.click(lambda c: c + 1, track_count, track_count)

        @gr.render(inputs=track_count)
        def tracks(count: int) -> None:
            names, volumes = [], []
            with gr.Row():
                for i in range(count):
                    with gr.Column(variant="panel", min_width=200):
                        names.append(gr.Textbox(placeholder="Track Name", key=f"name-{i}", show_label=False))
                        volumes.append(gr.Slider(0, 100, value=100, label=f"Volume {i}", key=f"volume-{i}"))

                def mix(data: dict[Any, Any]) -> str:
                    return ", ".join(f"{data[n]}@{data[v]:g}" for n, v in zip(names, volumes))

                mix_btn.click(mix, set(names + volumes), summary)

        mix_btn = gr.Button("Mix")
        summary = gr.Textbox(label="Summary")

    s = demo.session()
    blocks = s.rendered(tracks)
    assert [type(b).__name__ for b in blocks] == ["Row", "Column", "Textbox", "Slider"]
    s.set(blocks[2], "drums")
    s.set(blocks[3], 40)
    row, column, name = (s.container(b) for b in blocks[:3])
    s.click(add_track)
    blocks = s.rendered(tracks)
    assert [type(b).__name__ for b in blocks] == ["Row", "Column", "Textbox", "Slider", "Column", "Textbox", "Slider"]
    # Unkeyed boxes at the same place are refilled, keyed components keep their widget.
    assert (s.container(blocks[0]), s.container(blocks[1]), s.container(blocks[2])) == (row, column, name)
    assert s.container(blocks[4]) in row.children
    s.set(blocks[5], "bass")
    s.click(mix_btn)
    assert s.get(summary) == "drums@40, bass@100"
    assert s.errors == []


# -- keys -----------------------------------------------------------------------------------
def test_keyed_keeps_value_and_widget_unkeyed_is_new_with_constructor_value() -> None:
    demo, count, add, boxes = _counted_app()
    s = demo.session()
    before = s.rendered(boxes)
    box1, plain = _by_label(before, "Box 1"), _by_label(before, "plain")
    s.set(box1, "typed")
    s.set(plain, "edited")
    kept_widget, kept_outer = s.widget(box1), s.container(box1)
    plain_widget = s.widget(plain)
    s.click(add)
    after = s.rendered(boxes)
    new_box1, new_plain = _by_label(after, "Box 1"), _by_label(after, "plain")
    assert new_box1 is not box1  # each run makes new block objects
    assert s.get(new_box1) == "typed"
    assert s.widget(new_box1) is kept_widget
    assert s.container(new_box1) is kept_outer
    assert s.widget(new_plain) is not plain_widget
    assert s.get(new_plain) == "plain"
    assert plain._id not in s.widget_tree.widgets  # the dropped block is forgotten
    assert plain_widget.comm is None  # ... and its widget closed


def test_unkeyed_boxes_are_all_new() -> None:
    demo, count, add, boxes = _counted_app(keyed=False)
    s = demo.session()
    box0 = _by_label(s.rendered(boxes), "Box 0")
    s.set(box0, "typed")
    old = s.widget(box0)
    s.click(add)
    new_box0 = _by_label(s.rendered(boxes), "Box 0")
    assert s.get(new_box0) == ""
    assert s.widget(new_box0) is not old


def test_keyed_value_changed_by_an_event_is_kept() -> None:
    with gr.Blocks() as demo:
        count = gr.State(1)
        add = gr.Button("Add")
        add.click(lambda c: c + 1, count, count)
        fill = gr.Button("Fill")

        @gr.render(inputs=count)
        def boxes(n: int) -> None:
            box = gr.Textbox(key="target", label="target")
            fill.click(lambda: "from event", None, box)
            gr.Markdown(f"{n} runs")

    s = demo.session()
    s.click(fill)
    assert s.get(s.rendered(boxes)[0]) == "from event"
    s.click(add)
    assert s.rendered(boxes)[1].value == "2 runs"
    assert s.get(s.rendered(boxes)[0]) == "from event"


def test_preserved_label_changed_by_event_is_kept_value_is_not() -> None:
    with gr.Blocks() as demo:
        count = gr.State(1)
        add = gr.Button("Add")
        add.click(lambda c: c + 1, count, count)
        relabel = gr.Button("Relabel")

        @gr.render(inputs=count)
        def boxes(n: int) -> None:
            box = gr.Textbox(f"run {n}", key="box", label=f"label {n}", preserved_by_key=["label"])
            relabel.click(lambda: gr.update(label="by event", value="event value"), None, box)

    s = demo.session()
    s.click(relabel)
    box = s.rendered(boxes)[0]
    assert s.component(box).label == "by event"
    s.click(add)
    box = s.rendered(boxes)[0]
    assert s.component(box).label == "by event"  # kept: named in preserved_by_key
    assert s.get(box) == "run 2"  # the value is not named: the new run's


def test_preserved_by_key_label_not_changed_takes_new_label() -> None:
    with gr.Blocks() as demo:
        count = gr.State(1)
        add = gr.Button("Add")
        add.click(lambda c: c + 1, count, count)

        @gr.render(inputs=count)
        def boxes(n: int) -> None:
            gr.Textbox(key="box", label=f"label {n}", preserved_by_key=["label"])

    s = demo.session()
    s.click(add)
    assert s.component(s.rendered(boxes)[0]).label == "label 2"


def test_preserved_by_key_empty_resets_typed_value() -> None:
    with gr.Blocks() as demo:
        count = gr.State(1)
        add = gr.Button("Add")
        add.click(lambda c: c + 1, count, count)

        @gr.render(inputs=count)
        def boxes(n: int) -> None:
            gr.Textbox("start", key="box", label="box", preserved_by_key=[])

    s = demo.session()
    box = s.rendered(boxes)[0]
    widget = s.widget(box)
    s.set(box, "typed")
    s.click(add)
    box = s.rendered(boxes)[0]
    assert s.get(box) == "start"
    assert s.widget(box) is widget  # keyed: still the same widget


def test_keyed_constructor_value_not_edited_takes_new_value() -> None:
    with gr.Blocks() as demo:
        count = gr.State(1)
        add = gr.Button("Add")
        add.click(lambda c: c + 1, count, count)

        @gr.render(inputs=count)
        def boxes(n: int) -> None:
            gr.Textbox(f"value {n}", key="shown", label="shown")
            gr.Textbox(f"value {n}", key="edited", label="edited")

    s = demo.session()
    s.set(_by_label(s.rendered(boxes), "edited"), "mine")
    s.click(add)
    blocks = s.rendered(boxes)
    assert s.get(_by_label(blocks, "shown")) == "value 2"
    assert s.get(_by_label(blocks, "edited")) == "mine"
    s.click(add)
    assert s.get(_by_label(s.rendered(boxes), "shown")) == "value 3"


def test_keyed_rerender_fires_no_change_event() -> None:
    changes: list[str] = []
    with gr.Blocks() as demo:
        count = gr.State(1)
        add = gr.Button("Add")
        add.click(lambda c: c + 1, count, count)

        @gr.render(inputs=count)
        def boxes(n: int) -> None:
            box = gr.Textbox(f"value {n}", key="box")
            box.change(lambda v: changes.append(v), box, None)

    s = demo.session()
    s.click(add)
    assert changes == []  # a re-render giving the kept widget its new value is no edit
    s.set(s.rendered(boxes)[0], "typed")
    assert changes == ["typed"]


# -- listeners ------------------------------------------------------------------------------
def test_listener_on_outside_button_is_replaced() -> None:
    calls: list[int] = []
    with gr.Blocks() as demo:
        count = gr.State(1)
        add = gr.Button("Add")
        add.click(lambda c: c + 1, count, count)
        outside = gr.Button("Outside")

        @gr.render(inputs=count)
        def run(n: int) -> None:
            gr.Markdown(str(n))
            outside.click(lambda: calls.append(n), None, None)

    s = demo.session()
    s.click(outside)
    assert calls == [1]
    s.click(add)
    s.click(add)
    s.click(outside)
    assert calls == [1, 3]  # the runs 1 and 2 made are gone
    assert len(s.dispatcher.listeners(outside._id, "click")) == 1


def test_listeners_of_dropped_components_are_gone() -> None:
    calls: list[str] = []
    with gr.Blocks() as demo:
        show = gr.State(True)
        toggle = gr.Button("Toggle")
        toggle.click(lambda v: not v, show, show)

        @gr.render(inputs=show)
        def maybe(visible: bool) -> None:
            if visible:
                btn = gr.Button("Inner")
                btn.click(lambda: calls.append("inner"), None, None)
            else:
                gr.Markdown("none")

    s = demo.session()
    inner = s.rendered(maybe)[0]
    widget = s.widget(inner)
    s.click(inner)
    assert calls == ["inner"]
    s.click(toggle)
    assert s.dispatcher.listeners(inner._id, "click") == ()
    assert (inner._id, "click") not in s.dispatcher.rendered_listeners
    s.trigger(inner, "click")  # the old block: nothing listens any more
    widget.click()  # the old (closed) widget: its handler finds no listener
    assert calls == ["inner"]
    assert s.errors == []


def _keyed_queue_app(key: Any) -> tuple[gr.Blocks, gr.State, gr.Button, list[tuple[str, int]]]:
    """A render triggered by ``go.click`` before a listener of ``go`` it declared: clicking
    ``go`` queues the render's run and then the old run's listener, which the re-render drops
    (or replaces by the new run's listener with the same ``key``)."""
    calls: list[tuple[str, int]] = []
    with gr.Blocks() as demo:
        count = gr.State(0)
        go = gr.Button("Go")

        @gr.render(inputs=count, triggers=[demo.load, go.click])
        def run(n: int) -> None:
            gr.Markdown(f"run {n}")
            go.click(lambda c, n=n: calls.append(("made at", n)) or c + 1, count, count, key=key)

    return demo, count, go, calls


def test_queued_run_of_a_dropped_listener_runs_if_what_it_uses_is_still_shown() -> None:
    demo, count, go, calls = _keyed_queue_app(key=None)
    s = demo.session()
    s.click(go)
    # The render ran first and dropped the listener the click had queued; it reads and writes
    # a State of the app, still there: the run goes on, as the page's already-sent event does.
    assert calls == [("made at", 0)]
    assert s.get(count) == 1
    assert s.errors == []


def test_queued_run_of_a_dropped_listener_whose_output_is_gone_is_dropped() -> None:
    calls: list[str] = []
    with gr.Blocks() as demo:
        go = gr.Button("Go")

        @gr.render(triggers=[demo.load, go.click])
        def run() -> None:
            out = gr.Textbox(label="made by the run")  # unkeyed: a new one each run
            go.click(lambda: calls.append("ran") or "x", None, out)

    s = demo.session()
    s.click(go)
    assert calls == []  # its output went with the re-render: nothing to write to
    assert s.errors == []


def test_a_then_after_a_rendered_click_that_re_renders_still_runs() -> None:
    with gr.Blocks() as demo:
        n = gr.State(0)
        msg = gr.Textbox()

        @gr.render(inputs=n)
        def r(k: int) -> None:
            gr.Button("inc").click(lambda c: c + 1, n, n).then(lambda c: f"now {c}", n, msg)

    s = demo.session()
    s.click(s.rendered(r)[0])
    s.click(s.rendered(r)[0])
    assert s.get(msg) == "now 2"


def test_queued_run_of_keyed_listener_runs_as_the_new_runs_listener() -> None:
    demo, count, go, calls = _keyed_queue_app(key="bump")
    s = demo.session()
    s.click(go)
    assert calls == [("made at", 0)]  # the new run's listener (made with n=0 again: same State)
    s.click(go)
    assert calls == [("made at", 0), ("made at", 1)]  # ran as the listener of the run with n=1
    assert s.get(count) == 2


# -- triggers and trigger_mode --------------------------------------------------------------
def test_triggers_button_click_only() -> None:
    runs: list[str] = []
    with gr.Blocks() as demo:
        text = gr.Textbox()
        btn = gr.Button("Render")

        @gr.render(inputs=text, triggers=[btn.click])
        def show(value: str) -> None:
            runs.append(value)
            gr.Markdown(value)

    s = demo.session()
    s.set(text, "a")
    assert runs == []
    s.click(btn)
    s.set(text, "b")
    assert runs == ["a"]
    s.click(btn)
    assert runs == ["a", "b"]
    assert s.rendered(show)[0].value == "b"


@pytest.mark.parametrize(("mode", "expected"), [("always_last", 1), ("multiple", 2)])
def test_trigger_mode(mode: str, expected: int) -> None:
    runs: list[int] = []
    with gr.Blocks() as demo:
        count = gr.State(0)
        go = gr.Button("Go")
        # Two listeners each change the State: the render is queued twice in one chain.
        go.click(lambda c: c + 1, count, count)
        go.click(lambda c: c + 1, count, count)

        @gr.render(inputs=count, trigger_mode=mode)
        def show(n: int) -> None:
            runs.append(n)
            gr.Markdown(str(n))

    s = demo.session()
    runs.clear()
    s.click(go)
    assert len(runs) == expected
    assert runs[-1] == 2


def test_on_without_triggers_and_load_inside_render_run_after_each_run() -> None:
    loads: list[int] = []
    with gr.Blocks() as demo:
        count = gr.State(1)
        add = gr.Button("Add")
        add.click(lambda c: c + 1, count, count)
        echo = gr.Textbox(label="echo")

        @gr.render(inputs=count)
        def show(n: int) -> None:
            box = gr.Textbox(f"box {n}", label="box")
            gr.on(triggers=None, fn=lambda v: f"echo {v}", inputs=box, outputs=echo)
            demo.load(lambda n=n: loads.append(n), None, None)

    s = demo.session()
    assert s.get(echo) == "echo box 1"
    assert loads == [1]
    s.click(add)
    assert s.get(echo) == "echo box 2"
    assert loads == [1, 2]
    s.set(_by_label(s.rendered(show), "box"), "typed")
    assert s.get(echo) == "echo typed"  # and on the input's change
    assert loads == [1, 2]


def test_callable_value_with_inputs_inside_render() -> None:
    with gr.Blocks() as demo:
        name = gr.Textbox("Ada", label="name")
        count = gr.State(1)
        add = gr.Button("Add")
        add.click(lambda c: c + 1, count, count)

        @gr.render(inputs=count)
        def show(n: int) -> None:
            gr.Textbox(lambda who: f"hello {who} x{n}", inputs=[name], label="greeting")

    s = demo.session()
    assert s.get(_by_label(s.rendered(show), "greeting")) == "hello Ada x1"
    s.set(name, "Bob")
    assert s.get(_by_label(s.rendered(show), "greeting")) == "hello Bob x1"
    s.click(add)
    assert s.get(_by_label(s.rendered(show), "greeting")) == "hello Bob x2"
    assert s.errors == []


# -- errors ---------------------------------------------------------------------------------
def test_failing_render_keeps_previous_blocks_and_app_goes_on() -> None:
    with gr.Blocks() as demo:
        count = gr.State(1)
        add = gr.Button("Add")
        add.click(lambda c: c + 1, count, count)

        @gr.render(inputs=count)
        def show(n: int) -> None:
            for i in range(n):
                gr.Textbox(f"{i}", key=i)
            if n == 2:
                raise RuntimeError("render broke at 2")

    s = demo.session()
    before = s.rendered(show)
    widgets_before = [s.widget(b) for b in before]
    s.click(add)
    assert len(s.errors) == 1
    assert "render broke at 2" in str(s.errors[0].message)
    assert s.rendered(show) == before  # the previous run's blocks stay
    assert [s.widget(b) for b in before] == widgets_before
    assert widgets_before[0].comm is not None
    assert s.history[-1].status == "error"
    s.click(add)
    assert [s.get(b) for b in s.rendered(show)] == ["0", "1", "2"]
    assert len(s.errors) == 1


# -- request, unload ------------------------------------------------------------------------
def test_request_in_render_and_unload_on_close() -> None:
    hashes: list[str] = []
    unloaded: list[str] = []
    with gr.Blocks() as demo:
        count = gr.State(1)

        @gr.render(inputs=count)
        def show(n: int, request: gr.Request) -> None:
            hashes.append(request.session_hash)
            gr.Markdown(str(n))

        demo.unload(lambda: unloaded.append("bye"))

    s = demo.session()
    assert hashes == [s.session_hash]
    assert unloaded == []
    s.close()
    assert unloaded == ["bye"]


# -- sessions -------------------------------------------------------------------------------
def test_sessions_render_their_own_blocks() -> None:
    demo, count, add, boxes = _counted_app()
    a, b = demo.session(), demo.session()
    a.click(add)
    a.click(add)
    a.set(_by_label(a.rendered(boxes), "Box 0"), "only a")
    assert len(a.rendered(boxes)) == 5
    assert len(b.rendered(boxes)) == 3
    assert b.get(_by_label(b.rendered(boxes), "Box 0")) == ""
    a_ids = {blk._id for blk in a.rendered(boxes)}
    assert a_ids.isdisjoint(blk._id for blk in b.rendered(boxes))
    a.close()
    assert len(b.rendered(boxes)) == 3
    b.click(add)
    assert len(b.rendered(boxes)) == 4


# -- event log ------------------------------------------------------------------------------
def test_event_log_counts_new_kept_removed() -> None:
    demo, count, add, boxes = _counted_app()
    s = demo.session()
    first = s.history[0]
    assert first.changes[0].name == "'@gr.render boxes'"
    assert first.changes[0].after == "3 blocks: 3 new, 0 kept, 0 removed"
    s.click(add)
    change = s.history[-1].changes[0]
    # Two keyed boxes kept; box 2 and the unkeyed box new; the old unkeyed box removed.
    assert (change.before, change.after) == ("3 blocks", "4 blocks: 2 new, 2 kept, 1 removed")


# -- leaks ----------------------------------------------------------------------------------
def test_thousand_rerenders_leak_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    # The event log keeps its last HISTORY_LIMIT records (each pins its listener's plan, so
    # dropped listeners and their blocks too): a short log fills early, and the memory is
    # measured once it is full, so its bounded growth is not counted as a leak.
    monkeypatch.setattr(session_module, "HISTORY_LIMIT", 100)
    with gr.Blocks() as demo:
        count = gr.State(3)
        flip = gr.Button("Flip")
        flip.click(lambda c: 7 - c, count, count)  # 3 <-> 4
        out = gr.Textbox()

        @gr.render(inputs=count)
        def many(n: int) -> None:
            for i in range(n):
                with gr.Row():
                    box = gr.Textbox(key=f"k{i}", label=f"k{i}")
                    btn = gr.Button(f"b{i}")
                    btn.click(lambda v: v, box, out)
                gr.Textbox(f"plain {i}")
            flip.click(lambda: None, None, None)

    demo.session().close()  # the kernel's shared models (styles, view code) made once
    start = len(WIDGET_REGISTRY)
    s = demo.session()
    for _ in range(150):
        s.click(flip)
    gc.collect()
    sizes = (len(WIDGET_REGISTRY), len(s.dispatcher._plans), len(s.dispatcher.rendered_listeners), len(s.widget_tree.owned), len(demo._shown_names))
    # Traced well before the baseline: what the first re-renders under tracing replace (log
    # records, caches filled once) is then tracked on both sides, and only growth remains.
    tracemalloc.start()
    try:
        for _ in range(500):
            s.click(flip)
        assert len(s.log_entries) == s.history_limit == 100
        gc.collect()
        base = tracemalloc.take_snapshot()
        for _ in range(1000):
            s.click(flip)
        gc.collect()
        grown = sum(stat.size_diff for stat in tracemalloc.take_snapshot().compare_to(base, "filename"))
    finally:
        tracemalloc.stop()
    assert len(s.rendered(many)) == 3 * 4  # an even number of flips: n = 3 again
    assert (len(WIDGET_REGISTRY), len(s.dispatcher._plans), len(s.dispatcher.rendered_listeners), len(s.widget_tree.owned), len(demo._shown_names)) == sizes
    assert grown < 200_000, f"{grown} bytes more after 1,000 re-renders"
    # The last button still works.
    blocks = s.rendered(many)
    s.set(blocks[1], "x")
    s.click(blocks[2])
    assert s.get(out) == "x"
    s.close()
    gc.collect()
    assert len(WIDGET_REGISTRY) == start
    assert s.errors == []


def test_close_closes_every_rendered_widget() -> None:
    demo, count, add, boxes = _counted_app()
    demo.session().close()  # the kernel's shared models (styles, view code) made once
    start = len(WIDGET_REGISTRY)
    s = demo.session()
    s.click(add)
    made = [s.container(b) for b in s.rendered(boxes)]
    assert all(w.comm is not None for w in made)
    s.close()
    assert all(w.comm is None for w in made)
    assert len(WIDGET_REGISTRY) == start


# -- page sessions --------------------------------------------------------------------------
def _contains(root: widgets.Widget, target: widgets.Widget) -> bool:
    if root is target:
        return True
    return any(_contains(child, target) for child in getattr(root, "children", ()))


def test_page_session_region_box_inside_session_widget() -> None:
    demo, count, add, boxes = _counted_app()
    s = Session(demo, page=True)
    try:
        region = next(iter(s.regions))
        assert _contains(s.view, region.widget)
        outer = s.container(s.rendered(boxes)[0])
        assert _contains(region.widget, outer)
        (form,) = region.widget.children  # the boxes, in one Form as Gradio groups them
        s.click(add)
        assert region.widget.children == (form,)  # kept: keyed by its first box's key
        assert len(form.children) == 4
        assert all(_contains(s.view, s.container(b)) for b in s.rendered(boxes))
    finally:
        s.close()


# -- declaration errors and placement -------------------------------------------------------
def test_duplicate_key_in_one_run_is_an_error_naming_the_key() -> None:
    with gr.Blocks() as demo:
        @gr.render()
        def twice() -> None:
            gr.Textbox(key="same")
            gr.Textbox(key="same")

    s = demo.session()
    assert len(s.errors) == 1
    assert "key='same'" in str(s.errors[0].message)
    assert s.rendered(twice) == []


def test_render_in_a_row_is_a_row() -> None:
    with gr.Blocks() as demo:
        with gr.Row():
            @gr.render()
            def in_row() -> None:
                gr.Textbox("x")
                gr.Textbox("y")

        @gr.render()
        def in_column() -> None:
            gr.Textbox("z")

    s = demo.session()
    boxes = {region.renderable.fn.__name__: region.widget for region in s.regions}
    assert isinstance(boxes["in_row"], widgets.HBox)
    assert isinstance(boxes["in_column"], widgets.VBox)
    assert [s.get(b) for b in s.rendered(in_row)] == ["x", "y"]
    assert [s.get(b) for b in s.rendered()] == ["x", "y", "z"]


def test_rendered_of_another_function_raises() -> None:
    demo, count, add, boxes = _counted_app()
    s = demo.session()
    with pytest.raises(ValueError, match="not a @gr.render function"):
        s.rendered(lambda: None)


def test_render_outside_blocks_and_nested_render_raise() -> None:
    with pytest.raises(ValueError, match="inside a Blocks"):
        gr.render()(lambda: None)
    with gr.Blocks() as demo:
        @gr.render()
        def outer() -> None:
            @gr.render()
            def inner() -> None:
                gr.Markdown("never")

    s = demo.session()
    assert len(s.errors) == 1
    assert "not supported" in str(s.errors[0].message)


# -- the Forms fields are grouped in ---------------------------------------------------------
def test_fields_of_two_types_with_one_key_render_in_forms_of_their_own() -> None:
    with gr.Blocks() as demo:
        @gr.render()
        def fields() -> None:
            gr.Textbox(key="x")
            gr.Button("between")
            gr.Number(key="x")

    s = demo.session()
    assert s.errors == []
    assert [type(b).__name__ for b in s.rendered(fields)] == ["Textbox", "Button", "Number"]


def test_a_form_in_a_row_keeps_its_box_when_a_field_is_added() -> None:
    with gr.Blocks() as demo:
        count = gr.State(1)
        add = gr.Button("Add")
        add.click(lambda c: c + 1, count, count)

        @gr.render(inputs=count)
        def row(n: int) -> None:
            with gr.Row():
                for i in range(n):
                    gr.Textbox(key=f"t{i}", label=f"T{i}")

    s = Session(demo, page=True)
    try:
        form_of = lambda: s.container(s.rendered(row)[0]).children[0]  # noqa: E731 - Row > Form
        form = form_of()
        assert "gnb-form" in form._dom_classes and is_shared(form.layout)  # one field: the stylesheet's size
        s.click(add)
        assert form_of() is form  # kept: the fields' views (and focus) stay
        assert len(form.children) == 2 and form.layout.flex == "2 1 0%"
        assert form.layout.min_width == "min(320px, 100%)"
    finally:
        s.close()
