"""The event log (``sess.history``), value summaries, the State inspector, State sizes."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field

import pytest

import gradio_nb as gr
import gradio_nb.inspector as inspector_module
import gradio_nb.session as session_module
from gradio_nb import display, inspection
from gradio_nb.inspection import FINGERPRINT_NODES, Change, deep_size, fingerprint, format_size, summarize

# An app declared at module level: its blocks are named by the module's variable names.
with gr.Blocks() as MODULE_DEMO:
    module_count = gr.State(0)
    module_button = gr.Button("+1")
    module_button.click(lambda c: c + 1, module_count, module_count)


def _counter_app():
    """The guide's counter, declared inside a function (names come from its locals)."""
    with gr.Blocks() as demo:
        count = gr.State(0)
        shown = gr.Textbox()
        btn = gr.Button("+1")

        def increment(c):
            return c + 1, f"count is {c + 1}"

        btn.click(increment, count, [count, shown])
    return demo, count, shown, btn


@dataclass
class Cart:
    items: list = field(default_factory=list)


class BadRepr:
    def __repr__(self):
        raise ValueError("no repr")


# -- sess.history: what each event did -----------------------------------------------------
def test_counter_record_replaced_state_and_set_textbox():
    demo, count, shown, btn = _counter_app()
    sess = demo.session()
    sess.click(btn)
    [record] = sess.history
    assert record.number == 1
    assert record.event == "Button '+1'.click -> increment"
    assert record.function == "increment"
    assert record.inputs == (("count", "0"),)
    assert record.changes == (
        Change("count", "replaced", "0", "1"),
        Change("shown", "set", "''", "'count is 1'"),
    )
    assert record.changed == ["count", "shown"]
    assert (record.status, record.error) == ("ok", None)
    assert record.duration >= 0


def test_second_click_record_shows_previous_values():
    demo, count, shown, btn = _counter_app()
    sess = demo.session()
    sess.click(btn)
    sess.click(btn)
    second = sess.history[1]
    assert second.number == 2
    assert second.inputs == (("count", "1"),)
    assert second.changes == (
        Change("count", "replaced", "1", "2"),
        Change("shown", "set", "'count is 1'", "'count is 2'"),
    )


def test_history_is_per_session():
    demo, count, shown, btn = _counter_app()
    a, b = demo.session(), demo.session()
    a.click(btn)
    a.click(btn)
    assert [r.number for r in a.history] == [1, 2]
    assert b.history == []


def test_history_returns_a_copy():
    demo, count, shown, btn = _counter_app()
    sess = demo.session()
    sess.click(btn)
    sess.history.clear()
    assert len(sess.history) == 1


def test_dataclass_mutated_in_place_and_returned():
    with gr.Blocks() as demo:
        cart = gr.State(Cart())
        item = gr.Textbox()
        add = gr.Button("Add")

        def add_item(name, c):
            c.items.append(name)
            return c

        add.click(add_item, [item, cart], cart)
    sess = demo.session()
    sess.set(item, "apple")
    sess.click(add)
    [record] = sess.history
    assert record.inputs == (("item", "'apple'"), ("cart", "Cart(items=[])"))
    assert record.changes == (Change("cart", "mutated in place", "Cart(items=[])", "Cart(items=['apple'])"),)


def test_list_mutated_in_place_and_returned():
    with gr.Blocks() as demo:
        items = gr.State([])
        add = gr.Button("Add")

        def append(lst):
            lst.append(1)
            return lst

        add.click(append, items, items)
    sess = demo.session()
    sess.click(add)
    assert sess.history[0].changes == (Change("items", "mutated in place", "[]", "[1]"),)


def test_input_state_mutated_but_not_returned_is_reported_and_sticks():
    with gr.Blocks() as demo:
        items = gr.State([])
        text = gr.Textbox()
        add = gr.Button("Add")

        def append(x, lst):
            lst.append(x)  # no output: the mutation still sticks, as in Gradio

        add.click(append, [text, items], None)
    sess = demo.session()
    sess.set(text, "a")
    sess.click(add)
    assert sess.get(items) == ["a"]
    assert sess.history[0].changes == (Change("items", "mutated in place", "[]", "['a']"),)


def test_returning_an_equal_value_lists_no_change():
    with gr.Blocks() as demo:
        count = gr.State(5)
        text = gr.Textbox("same")
        btn = gr.Button("noop")
        btn.click(lambda c, t: (c, t), [count, text], [count, text])
    sess = demo.session()
    sess.click(btn)
    [record] = sess.history
    assert record.changes == ()
    assert record.status == "ok"
    assert record.inputs == (("count", "5"), ("text", "'same'"))


def test_error_record_alongside_session_errors():
    with gr.Blocks() as demo:
        count = gr.State(0)
        shown = gr.Textbox("before")
        btn = gr.Button("fail")

        def broken(c):
            raise ValueError("boom")

        btn.click(broken, count, [count, shown])
    sess = demo.session()
    sess.click(btn)
    [record] = sess.history
    assert record.status == "error"
    assert record.error == "ValueError: boom"
    assert record.changes == ()
    assert [(e.type, e.message) for e in sess.errors] == [("ValueError", "boom")]
    assert (sess.get(count), sess.get(shown)) == (0, "before")


def test_gr_error_record_text():
    with gr.Blocks() as demo:
        shown = gr.Textbox()
        btn = gr.Button("fail")

        def refuse():
            raise gr.Error("msg")

        btn.click(refuse, None, shown)
    sess = demo.session()
    sess.click(btn)
    [record] = sess.history
    assert (record.status, record.error, record.changes) == ("error", "Error: msg", ())
    assert sess.errors[0].message == "msg"


def test_chain_gives_one_record_each_in_order():
    with gr.Blocks() as demo:
        count = gr.State(0)
        shown = gr.Textbox()
        btn = gr.Button("go")

        def first(c):
            return c + 1

        def second(c):
            return f"now {c}"

        def third():
            return None

        btn.click(first, count, count).then(second, count, shown).then(third, None, None)
    sess = demo.session()
    sess.click(btn)
    sess.click(btn)
    history = sess.history
    assert [r.number for r in history] == [1, 2, 3, 4, 5, 6]
    assert [r.function for r in history] == ["first", "second", "third"] * 2
    assert history[0].event == "Button 'go'.click -> first"
    assert history[1].event == "chained event -> second"
    assert history[1].changes == (Change("shown", "set", "''", "'now 1'"),)
    assert history[4].changes == (Change("shown", "set", "'now 1'", "'now 2'"),)
    assert history[2].changes == ()


def test_clear_button_record():
    with gr.Blocks() as demo:
        items = gr.State(["seed"])
        text = gr.Textbox()
        add = gr.Button("Add")
        add.click(lambda x, lst: lst + [x], [text, items], items)
        clear = gr.ClearButton([items, text])
    sess = demo.session()
    sess.set(text, "typed")
    sess.click(add)
    sess.click(clear)
    record = sess.history[-1]
    assert record.number == 2
    assert record.function == "clear"
    assert record.event == "ClearButton 'Clear'.click -> clear"
    assert record.changes == (
        Change("items", "replaced", "['seed', 'typed']", "['seed']"),
        Change("text", "set", "'typed'", "''"),
    )
    assert (sess.get(items), sess.get(text)) == (["seed"], "")


def test_generator_is_one_record_with_first_before_and_last_after():
    with gr.Blocks() as demo:
        count = gr.State(0)
        shown = gr.Textbox()
        btn = gr.Button("run")

        def steps(c):
            for i in range(1, 4):
                yield c + i, f"step {i}"

        btn.click(steps, count, [count, shown])
    sess = demo.session()
    sess.click(btn)
    [record] = sess.history
    assert record.changes == (
        Change("count", "replaced", "0", "3"),
        Change("shown", "set", "''", "'step 3'"),
    )


# -- names -----------------------------------------------------------------------------------
def test_module_level_app_uses_module_variable_names():
    sess = MODULE_DEMO.session()
    try:
        sess.click(module_button)
        assert sess.history[0].changes == (Change("module_count", "replaced", "0", "1"),)
        assert sess.state_sizes == {"module_count": sys.getsizeof(1)}
    finally:
        sess.close()


def test_unnamed_blocks_use_label_then_type_and_number():
    with gr.Blocks() as demo:
        pair = [gr.State(1), gr.State(2)]
        fields = [gr.Textbox(label="Your name"), gr.Textbox()]
        btn = gr.Button("go")
        btn.click(lambda a, b, n: (b, a, n.upper(), "done"), [*pair, fields[0]], [*pair, *fields])
    sess = demo.session()
    sess.set(fields[0], "ann")
    sess.click(btn)
    record = sess.history[0]
    assert record.inputs == (("State 1", "1"), ("State 2", "2"), ("'Your name'", "'ann'"))
    assert record.changes == (
        Change("State 1", "replaced", "1", "2"),
        Change("State 2", "replaced", "2", "1"),
        Change("'Your name'", "set", "'ann'", "'ANN'"),
        Change("Textbox 2", "set", "''", "'done'"),
    )


def test_history_limit_keeps_latest_and_numbers_continue(monkeypatch):
    monkeypatch.setattr(session_module, "HISTORY_LIMIT", 3)
    demo, count, shown, btn = _counter_app()
    sess = demo.session()
    for _ in range(5):
        sess.click(btn)
    assert [r.number for r in sess.history] == [3, 4, 5]
    assert sess.history[-1].changes[0] == Change("count", "replaced", "4", "5")


# -- bounded summaries ------------------------------------------------------------------------
def test_summarize_large_list():
    text = summarize(list(range(1_000_000)))
    assert text == "[0, 1, 2, 3, 4, 5, ...] (1,000,000 items)"
    assert len(text) <= inspection.SUMMARY_CHARS


def test_summarize_is_bounded_for_long_and_nested_values():
    assert len(summarize("x" * 100_000)) <= inspection.SUMMARY_CHARS
    nested = {f"key number {i}": ["a long string value " * 10] * 100 for i in range(1000)}
    text = summarize(nested)
    assert len(text) == inspection.SUMMARY_CHARS
    assert text.endswith("...")


def test_summarize_small_values_exactly():
    assert summarize(3) == "3"
    assert summarize("hi") == "'hi'"
    assert summarize(None) == "None"
    assert summarize([1, 2, 3]) == "[1, 2, 3]"
    assert summarize(Cart(["a"])) == "Cart(items=['a'])"


def test_summarize_value_whose_repr_raises():
    assert summarize(BadRepr()) == "<BadRepr (repr failed: ValueError)>"
    assert summarize([BadRepr()]) == "[<BadRepr (repr failed: ValueError)>]"


def test_history_with_broken_repr_state():
    with gr.Blocks() as demo:
        thing = gr.State(None)
        btn = gr.Button("make")
        btn.click(lambda: BadRepr(), None, thing)
    sess = demo.session()
    sess.click(btn)
    assert sess.history[0].changes == (Change("thing", "replaced", "None", "<BadRepr (repr failed: ValueError)>"),)


def _big_app():
    with gr.Blocks() as demo:
        big = gr.State(list(range(1_000_000)))
        append = gr.Button("append")
        renew = gr.Button("renew")

        def append_one(lst):
            lst.append(-1)
            return lst

        append.click(append_one, big, big)
        renew.click(lambda lst: lst + [-1], big, big)
    return demo, big, append, renew


def test_large_state_appended_in_place_is_unknown():
    demo, big, append, renew = _big_app()
    sess = demo.session()
    sess.click(append)
    [change] = sess.history[0].changes
    assert change.name == "big"
    assert change.how == "unknown"
    assert "1,000,000 items" in change.before
    assert "1,000,001 items" in change.after
    assert len(change.before) <= inspection.SUMMARY_CHARS
    assert len(change.after) <= inspection.SUMMARY_CHARS
    assert len(sess.history[0].inputs[0][1]) <= inspection.SUMMARY_CHARS


def test_large_state_returned_as_new_list_is_replaced():
    demo, big, append, renew = _big_app()
    sess = demo.session()
    sess.click(renew)
    [change] = sess.history[0].changes
    assert (change.name, change.how) == ("big", "replaced")
    assert change.before == "[0, 1, 2, 3, 4, 5, ...] (1,000,000 items)"
    assert change.after == "[0, 1, 2, 3, 4, 5, ...] (1,000,001 items)"


# -- fingerprint, sizes -----------------------------------------------------------------------
def test_fingerprint_compares_content():
    value = {"a": [1, 2], "b": Cart(["x"])}
    before = inspection.fingerprint(value)
    assert inspection.fingerprint({"a": [1, 2], "b": Cart(["x"])}) == before
    value["b"].items.append("y")
    assert inspection.fingerprint(value) != before


def test_fingerprint_gives_up_past_budget():
    assert inspection.fingerprint(list(range(10)), budget=5) is None
    assert inspection.fingerprint(list(range(10)), budget=100) is not None
    assert inspection.fingerprint(list(range(inspection.FINGERPRINT_NODES + 1))) is None


def test_fingerprint_handles_cycles():
    a: list = [1]
    a.append(a)
    b: list = [1]
    b.append(b)
    assert inspection.fingerprint(a) is not None
    assert inspection.fingerprint(a) != inspection.fingerprint([1, [1]])


def test_deep_size_counts_shared_objects_once():
    s = "a shared string"
    pair = [s, s]
    assert deep_size(pair) == sys.getsizeof(pair) + sys.getsizeof(s)
    assert deep_size([]) == sys.getsizeof([])


def test_bounded_size_stops_at_limit():
    value = [str(i) * 3 for i in range(100)]
    full = deep_size(value)
    assert inspection.bounded_size(value, None) == (full, True)
    partial, complete = inspection.bounded_size(value, 10)
    assert complete is False
    assert partial < full
    assert inspection.bounded_size(value, 1000) == (full, True)


def test_format_size():
    assert format_size(0) == "0 B"
    assert format_size(999) == "999 B"
    assert format_size(1234) == "1.2 kB"
    assert format_size(1_500_000) == "1.5 MB"
    assert format_size(5_000_000_000) == "5,000.0 MB"


# -- the inspector ----------------------------------------------------------------------------
def test_inspector_is_one_widget_per_session():
    demo, count, shown, btn = _counter_app()
    sess = demo.session()
    assert sess.inspector() is sess.inspector()
    assert demo.session().inspector() is not sess.inspector()


def test_inspector_rows_follow_clicks_and_set():
    with gr.Blocks() as demo:
        items = gr.State([])
        add = gr.Button("Add")
        add.click(lambda lst: lst + ["x"], items, items)
    sess = demo.session()
    insp = sess.inspector()
    sess.click(add)
    assert insp.states == [
        {"name": "items", "type": "list", "value": "['x']", "size": format_size(deep_size(["x"])), "kind": ""}
    ]
    sess.set(items, {"k": 1})
    assert insp.states == [
        {"name": "items", "type": "dict", "value": "{'k': 1}", "size": format_size(deep_size({"k": 1})), "kind": ""}
    ]


def test_inspector_does_not_copy_untouched_large_default():
    with gr.Blocks() as demo:
        big = gr.State(list(range(1_000_000)))
        count = gr.State(0)
        btn = gr.Button("+1")
        btn.click(lambda c: c + 1, count, count)
    sess = demo.session()
    insp = sess.inspector()
    sess.click(btn)
    assert insp.states[0] == {
        "name": "big",
        "type": "list",
        "value": "[0, 1, 2, 3, 4, 5, ...] (1,000,000 items)",
        "size": "default, not copied yet",
        "kind": "",
    }
    assert f"state_{big._id}" not in sess.states.values
    assert insp.states[1]["value"] == "1"


def test_inspector_log_newest_first_and_capped():
    demo, count, shown, btn = _counter_app()
    sess = demo.session()
    insp = sess.inspector()
    shown_max = inspector_module.LOG_SHOWN
    for _ in range(shown_max + 5):
        sess.click(btn)
    assert insp.events == shown_max + 5
    assert len(insp.log) == shown_max
    assert [entry["number"] for entry in insp.log] == list(range(shown_max + 5, 5, -1))
    assert insp.log[0]["changes"][0] == {
        "name": "count",
        "how": "replaced",
        "before": str(shown_max + 4),
        "after": str(shown_max + 5),
    }


def test_inspector_made_after_events_shows_earlier_log():
    demo, count, shown, btn = _counter_app()
    sess = demo.session()
    sess.click(btn)
    sess.click(btn)
    insp = sess.inspector()
    assert insp.events == 2
    assert [entry["number"] for entry in insp.log] == [2, 1]


def test_inspector_synced_state_stays_small_with_huge_state():
    demo, big, append, renew = _big_app()
    sess = demo.session()
    insp = sess.inspector()
    sess.click(append)
    sess.click(renew)
    state = {k: v for k, v in insp.get_state().items() if k not in ("_module", "layout")}
    assert len(json.dumps(state)) < 20_000
    assert insp.states[0]["value"] == "[0, 1, 2, 3, 4, 5, ...] (1,000,002 items)"


def test_launch_inspect_headless_has_inspector():
    demo, count, shown, btn = _counter_app()
    token = display.launch_mode.set("headless")
    try:
        sess = demo.launch(inspect=True)
    finally:
        display.launch_mode.reset(token)
    assert isinstance(sess, session_module.Session)
    assert sess.inspector_made
    assert sess.inspector() is sess.inspector()
    sess.click(btn)
    assert sess.inspector().events == 1


def test_closing_session_closes_inspector_and_keeps_history():
    demo, count, shown, btn = _counter_app()
    sess = demo.session()
    insp = sess.inspector()
    sess.click(btn)
    sess.close()
    assert insp.comm is None
    assert insp._session is None
    assert [r.number for r in sess.history] == [1]
    assert sess.history[0].changes[0] == Change("count", "replaced", "0", "1")


# -- sessions, sizes, repr ----------------------------------------------------------------------
def _list_app():
    with gr.Blocks() as demo:
        items = gr.State([])
        untouched = gr.State("never used")
        add = gr.Button("Add")

        def append(lst):
            lst.append("item")
            return lst

        add.click(append, items, items)
    return demo, items, add


def test_state_sizes_and_repr_grow():
    demo, items, add = _list_app()
    sess = demo.session()
    sess.click(add)
    small = sess.state_sizes
    value = sess.get(items)
    assert small == {"items": deep_size(value), "untouched": 0}
    assert repr(sess) == (
        f"<gradio_nb Session {sess.number} of {demo!r}, open; "
        f"State: items {format_size(deep_size(value))}, untouched 0 B>"
    )
    for _ in range(100):
        sess.click(add)
    assert sess.state_sizes["items"] > small["items"]
    assert sess.state_sizes["items"] == deep_size(sess.get(items))
    assert f"State: items {format_size(deep_size(sess.get(items)))}, untouched 0 B>" in repr(sess)


def test_state_sizes_zero_before_use():
    demo, items, add = _list_app()
    sess = demo.session()
    assert sess.state_sizes == {"items": 0, "untouched": 0}


def test_demo_sessions_and_close_all():
    demo, items, add = _list_app()
    a, b = demo.session(), demo.session()
    assert demo.sessions == [a, b]
    a.close()
    assert demo.sessions == [b]
    assert repr(a) == f"<gradio_nb Session {a.number} of {demo!r}, closed>"
    demo.close_all()
    assert demo.sessions == []
    assert repr(b) == f"<gradio_nb Session {b.number} of {demo!r}, closed>"
    assert b.state_sizes == {}


def test_repr_without_states():
    with gr.Blocks() as demo:
        gr.Textbox()
    sess = demo.session()
    assert repr(sess).endswith(", open; State: none>")


# --- what a review found: the log never fails an event, and costs little whatever the size ---


class _NoRepr:
    def __repr__(self) -> str:
        raise ValueError("no repr")


def test_a_value_the_log_cannot_show_never_fails_or_stalls_the_event():
    with gr.Blocks() as demo:
        bag = gr.State(set())
        n = gr.Number(0)
        btn = gr.Button("add")
        btn.click(lambda b, x: (b | {_NoRepr()}, x + 1), [bag, n], [bag, n])
    sess = demo.session()
    sess.click(btn)
    sess.click(btn)
    assert sess.get(n) == 2 and sess.errors == []
    assert [r.status for r in sess.history] == ["ok", "ok"]


def test_an_async_event_whose_log_fails_lets_the_next_event_run(monkeypatch):
    import asyncio

    async def slow(x):
        await asyncio.sleep(0)
        return x + 1

    with gr.Blocks() as demo:
        n = gr.Number(0)
        btn = gr.Button("go")
        btn.click(slow, n, n)
    sess = demo.session()

    def broken(entry):
        raise RuntimeError("log broke")

    monkeypatch.setattr(sess, "log", broken)

    async def page_clicks():  # on a running loop, as in a kernel: the event is a task
        sess.widget(btn).click()
        await asyncio.sleep(0.05)
        sess.widget(btn).click()
        await asyncio.sleep(0.05)

    with pytest.warns(RuntimeWarning, match="could not record"):
        asyncio.run(page_clicks())
    assert sess.get(n) == 2
    assert not sess.dispatcher._draining


def test_summaries_keep_a_dict_or_set_in_its_own_order_without_sorting():
    assert summarize({3: "c", 1: "a", 2: "b"}) == "{3: 'c', 1: 'a', 2: 'b'}"
    many = {f"k{i:07d}": i for i in range(1_000_000, 0, -1)}
    assert summarize(many).startswith("{'k1000000': 1000000, 'k0999999': 999999,")
    assert fingerprint(set(range(FINGERPRINT_NODES + 1))) is None


def test_an_opaque_mutable_value_is_unknown_not_unchanged_when_mutated_in_place():
    with gr.Blocks() as demo:
        buf = gr.State(bytearray(b"ab"))
        btn = gr.Button("go")

        def append(b):
            b.extend(b"c")
            return b

        btn.click(append, buf, buf)
    sess = demo.session()
    sess.click(btn)
    assert [(c.name, c.how) for c in sess.history[-1].changes] == [("buf", "unknown")]
    assert sess.get(buf) == bytearray(b"abc")


def test_deep_size_does_not_count_modules_classes_or_functions():
    import json as some_module

    class Holder:
        pass

    holder = Holder()
    holder.lib, holder.kind, holder.fn = some_module, Holder, deep_size
    holder.data = [1, 2, 3]
    assert deep_size(holder) < 2_000


def test_tables_are_summarised_on_one_line():
    """A Dataframe's value, a pandas DataFrame or a numpy array: kind, shape and columns."""
    import numpy as np
    import pandas as pd

    from gradio_nb.inspection import summarize

    assert summarize({"headers": ["task", "done"], "data": [["a", False], ["b", True]], "metadata": None}) == "table 2×2 [task, done]: ['a', False], ['b', True]"
    assert summarize(pd.DataFrame({"city": ["x"] * 12, "pop": range(12)})) == "DataFrame 12×2 [city, pop]"
    assert summarize(np.zeros((3, 4))) == "ndarray 3×4 of float64"
    assert "\n" not in summarize(pd.Series(range(100)))


def test_the_log_shows_a_props_only_update_as_its_props() -> None:
    with gr.Blocks() as demo:
        timer = gr.Timer(1)
        box = gr.Textbox("x")
        stop = gr.Button("Stop")
        stop.click(lambda: (gr.Timer(active=False), gr.update(visible=False)), None, [timer, box])
    sess = demo.session()
    sess.click(stop)
    changes = {c.name: (c.before, c.after) for c in sess.history[-1].changes}
    assert changes == {"timer": ("active=True", "active=False"), "box": ("visible=True", "visible=False")}
    sess.click(stop)  # nothing differs the second time: nothing logged
    assert sess.history[-1].changes == ()
