"""Event listeners: inputs/outputs forms, return values, chaining, change/input/submit rules."""

from __future__ import annotations

import dataclasses
import re
import time
import warnings

import pytest

import gradio_nb as gr
from gradio_nb import busy as gr_busy

INPUTS_DICT_ERROR = (
    "`inputs` cannot be a dictionary. To pass component values to the event function by "
    "parameter name, use `inputs_kwargs` instead, e.g. `inputs_kwargs={'last_name': textbox}`."
)
MIXED_KEYS_ERROR = (
    "Returned dictionary included some keys as Components. Either all keys must be Components "
    "to assign Component values, or return a List of values to assign output values in order."
)


# -- inputs forms (S8) ----------------------------------------------------------------------
@pytest.mark.parametrize("inputs", [None, []])
def test_inputs_none_or_empty_calls_fn_without_args(inputs):
    calls = []
    with gr.Blocks() as demo:
        b = gr.Button()
        b.click(lambda *a, **k: calls.append((a, k)), inputs, None)
    sess = demo.session()
    sess.click(b)
    assert calls == [((), {})]


def test_inputs_single_component():
    calls = []
    with gr.Blocks() as demo:
        t = gr.Textbox("one")
        b = gr.Button()
        b.click(lambda *a: calls.append(a), t, None)
    demo.session().click(b)
    assert calls == [("one",)]


@pytest.mark.parametrize("kind", [list, tuple])
def test_inputs_sequence_is_positional(kind):
    calls = []
    with gr.Blocks() as demo:
        t = gr.Textbox("text")
        n = gr.Number(3)
        s = gr.State([1])
        b = gr.Button()
        b.click(lambda *a: calls.append(a), kind([s, t, n]), None)
    demo.session().click(b)
    assert calls == [([1], "text", 3)]


def test_inputs_set_gives_one_dict():
    calls = []
    with gr.Blocks() as demo:
        t = gr.Textbox("text")
        n = gr.Number(3)
        s = gr.State("st")
        b = gr.Button()
        b.click(lambda *a: calls.append(a), {n, t, s}, None)
    demo.session().click(b)
    assert len(calls) == 1 and len(calls[0]) == 1
    (received,) = calls[0]
    assert isinstance(received, dict)
    assert received == {t: "text", n: 3, s: "st"}
    assert list(received) == sorted(received, key=lambda c: c._id)


def test_inputs_dict_raises_with_gradio_text():
    with gr.Blocks():
        t = gr.Textbox()
        b = gr.Button()
        with pytest.raises(ValueError) as info:
            b.click(lambda x: x, {"x": t}, None)
    assert str(info.value) == INPUTS_DICT_ERROR


def test_inputs_kwargs():
    calls = []
    with gr.Blocks() as demo:
        first = gr.Textbox("Ada")
        last = gr.Textbox("Lovelace")
        b = gr.Button()

        def greet(first_name, last_name=None):
            calls.append((first_name, last_name))

        b.click(greet, first, None, inputs_kwargs={"last_name": last})
    sess = demo.session()
    sess.click(b)
    sess.set(last, "Byron")
    sess.click(b)
    assert calls == [("Ada", "Lovelace"), ("Ada", "Byron")]


# -- outputs forms --------------------------------------------------------------------------
def test_outputs_none_ignores_return_value():
    with gr.Blocks() as demo:
        t = gr.Textbox("same")
        b = gr.Button()
        b.click(lambda: None, None, None)
        b2 = gr.Button()
        b2.click(lambda: "ignored", None, [])
    sess = demo.session()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # None with no outputs is fine: no warning
        sess.click(b)
    # Gradio warns when a value is returned to no outputs (validate_outputs), and drops it
    with pytest.warns(UserWarning, match=r"returned too many output values \(needed: 0, returned: 1\)"):
        sess.click(b2)
    assert sess.errors == []
    assert sess.get(t) == "same"


@pytest.mark.parametrize("kind", [list, tuple])
def test_outputs_sequence(kind):
    with gr.Blocks() as demo:
        a = gr.Textbox()
        n = gr.Number()
        b = gr.Button()
        b.click(lambda: ("x", 7), None, kind([a, n]))
    sess = demo.session()
    sess.click(b)
    assert (sess.get(a), sess.get(n)) == ("x", 7)


def test_outputs_set_with_component_dict_return():
    with gr.Blocks() as demo:
        a = gr.Textbox()
        c = gr.Textbox()
        b = gr.Button()
        b.click(lambda: {a: "A", c: "C"}, None, {a, c})
    sess = demo.session()
    sess.click(b)
    assert sess.errors == []
    assert (sess.get(a), sess.get(c)) == ("A", "C")


# -- return forms (S9) ----------------------------------------------------------------------
def test_single_output_tuple_is_not_unpacked_textbox():
    with gr.Blocks() as demo:
        t = gr.Textbox()
        b = gr.Button()
        b.click(lambda: ("a", "b"), None, t)
    sess = demo.session()
    sess.click(b)
    assert sess.errors == []
    assert sess.get(t) == "('a', 'b')"


@pytest.mark.parametrize("value", [(1, 2), [1, 2], ("only",)])
def test_single_output_state_stores_value_as_is(value):
    with gr.Blocks() as demo:
        s = gr.State()
        b = gr.Button()
        b.click(lambda: value, None, s)
    sess = demo.session()
    sess.click(b)
    assert sess.get(s) is value


def test_single_output_in_a_list_is_not_unpacked():
    with gr.Blocks() as demo:
        s = gr.State()
        b = gr.Button()
        b.click(lambda: [1, 2], None, [s])
    sess = demo.session()
    sess.click(b)
    assert sess.get(s) == [1, 2]


def test_dict_keyed_by_components_leaves_others_untouched():
    with gr.Blocks() as demo:
        a = gr.Textbox("a0")
        c = gr.Textbox("c0")
        s = gr.State("s0")
        b = gr.Button()
        b.click(lambda: {c: "c1", s: "s1"}, None, [a, c, s])
    sess = demo.session()
    sess.click(b)
    assert sess.errors == []
    assert (sess.get(a), sess.get(c), sess.get(s)) == ("a0", "c1", "s1")


def test_dict_with_component_not_an_output_is_error():
    with gr.Blocks() as demo:
        a = gr.Textbox("a0")
        other = gr.Textbox("o0")
        b = gr.Button()
        b.click(lambda: {a: "a1", other: "o1"}, None, [a])
    sess = demo.session()
    sess.click(b)
    assert len(sess.errors) == 1
    err = sess.errors[0]
    assert err.type == "ValueError"
    assert err.message.startswith("Returned component ")
    assert err.message.endswith(" not specified as output of function.")
    assert (sess.get(a), sess.get(other)) == ("a0", "o0")


def test_dict_with_mixed_keys_is_error():
    with gr.Blocks() as demo:
        a = gr.Textbox("a0")
        c = gr.Textbox("c0")
        b = gr.Button()
        b.click(lambda: {a: "a1", "c": "c1"}, None, [a, c])
    sess = demo.session()
    sess.click(b)
    assert len(sess.errors) == 1
    assert sess.errors[0].type == "ValueError"
    assert sess.errors[0].message == MIXED_KEYS_ERROR
    assert (sess.get(a), sess.get(c)) == ("a0", "c0")


def test_dict_without_component_keys_is_an_ordinary_value():
    with gr.Blocks() as demo:
        s = gr.State()
        j = gr.JSON()
        b = gr.Button()
        b.click(lambda: {"x": 1}, None, s)
        b2 = gr.Button()
        b2.click(lambda: {"y": [2]}, None, j)
    sess = demo.session()
    sess.click(b)
    sess.click(b2)
    assert sess.errors == []
    assert sess.get(s) == {"x": 1}
    assert sess.get(j) == {"y": [2]}


def test_update_on_state_only_value_matters():
    with gr.Blocks() as demo:
        s = gr.State("start")
        keep = gr.Button("keep")
        to_none = gr.Button("none")
        to_val = gr.Button("val")
        keep.click(lambda: gr.update(), None, s)
        to_none.click(lambda: gr.update(value=None), None, s)
        to_val.click(lambda: gr.update(value=[1]), None, s)
    sess = demo.session()
    sess.click(keep)
    assert sess.get(s) == "start"
    sess.click(to_val)
    assert sess.get(s) == [1]
    sess.click(to_none)
    assert sess.get(s) is None
    assert sess.errors == []


def test_update_value_on_visible_component_is_postprocessed():
    with gr.Blocks() as demo:
        n = gr.Number(precision=0)
        t = gr.Textbox()
        b = gr.Button()
        b.click(lambda: (gr.update(value=2.6), gr.update(value=5)), None, [n, t])
    sess = demo.session()
    sess.click(b)
    assert sess.get(n) == 3
    assert sess.get(t) == "5"


def test_skip_alone_skips_all_outputs():
    with gr.Blocks() as demo:
        a = gr.Textbox("a0")
        n = gr.Number(1)
        s = gr.State("s0")
        b = gr.Button()
        b.click(lambda: gr.skip(), None, [a, n, s])
    sess = demo.session()
    sess.click(b)
    assert sess.errors == []
    assert (sess.get(a), sess.get(n), sess.get(s)) == ("a0", 1, "s0")


def test_skip_per_output():
    with gr.Blocks() as demo:
        a = gr.Textbox("a0")
        c = gr.Textbox("c0")
        s = gr.State("s0")
        b = gr.Button()
        b.click(lambda: (gr.skip(), "c1", gr.skip()), None, [a, c, s])
    sess = demo.session()
    sess.click(b)
    assert sess.errors == []
    assert (sess.get(a), sess.get(c), sess.get(s)) == ("a0", "c1", "s0")


def test_skip_single_output():
    with gr.Blocks() as demo:
        a = gr.Textbox("a0")
        b = gr.Button()
        b.click(lambda: gr.skip(), None, a)
    sess = demo.session()
    sess.click(b)
    assert sess.get(a) == "a0"
    assert gr.skip() == {"__type__": "update"}
    assert gr.update(label="x") == {"__type__": "update", "label": "x"}


# -- arity errors and warnings (S9) ---------------------------------------------------------
def test_too_few_values_error_text_named_fn():
    with gr.Blocks() as demo:
        a = gr.Textbox("a0")
        c = gr.Textbox("c0")
        b = gr.Button()

        def f():
            return "only one"

        b.click(f, None, [a, c])
    sess = demo.session()
    sess.click(b)
    assert len(sess.errors) == 1
    expected = (
        "A  function (f) didn't return enough output values (needed: 2, returned: 1).\n"
        "    Output components:\n"
        "        [textbox, textbox]\n"
        "    Output values returned:\n"
        '        ["only one"]'
    )
    assert sess.errors[0].message == expected
    assert sess.errors[0].type == "ValueError"
    assert (sess.get(a), sess.get(c)) == ("a0", "c0")  # S12


def test_too_few_values_error_text_lambda_and_mixed_outputs():
    with gr.Blocks() as demo:
        n = gr.Number()
        s = gr.State()
        t = gr.Textbox()
        b = gr.Button()
        b.click(lambda: (1, "x"), None, [n, s, t])
    sess = demo.session()
    sess.click(b)
    expected = (
        "A  function didn't return enough output values (needed: 3, returned: 2).\n"
        "    Output components:\n"
        "        [number, state, textbox]\n"
        "    Output values returned:\n"
        '        [1, "x"]'
    )
    assert sess.errors[-1].message == expected


def test_none_with_several_outputs_is_arity_error():
    with gr.Blocks() as demo:
        a = gr.Textbox("a0")
        c = gr.Textbox("c0")
        b = gr.Button()

        def g():
            return None

        b.click(g, None, [a, c])
    sess = demo.session()
    sess.click(b)
    assert sess.errors[-1].message == (
        "A  function (g) didn't return enough output values (needed: 2, returned: 1).\n"
        "    Output components:\n"
        "        [textbox, textbox]\n"
        "    Output values returned:\n"
        "        [None]"
    )
    assert (sess.get(a), sess.get(c)) == ("a0", "c0")


def test_too_many_values_warns_and_drops_extras():
    with gr.Blocks() as demo:
        a = gr.Textbox()
        c = gr.Textbox()
        b = gr.Button()

        def f():
            return "1", "2", "3"

        b.click(f, None, [a, c])
    sess = demo.session()
    with pytest.warns(UserWarning, match=r"A function \(f\) returned too many output values"):
        sess.click(b)
    assert sess.errors == []
    assert (sess.get(a), sess.get(c)) == ("1", "2")


# -- chaining (S10) -------------------------------------------------------------------------
def test_then_success_run_after_success():
    order = []
    with gr.Blocks() as demo:
        t = gr.Textbox()
        b = gr.Button()
        dep = b.click(lambda: order.append("main") or "main", None, t)
        dep.success(lambda x: order.append(f"success saw {x}"), t, None)
        dep.then(lambda x: order.append(f"then saw {x}"), t, None)
        dep.failure(lambda: order.append("failure"), None, None)
    demo.session().click(b)
    assert order[0] == "main"
    assert sorted(order[1:]) == ["success saw main", "then saw main"]


def test_then_chain_runs_in_sequence_with_applied_outputs():
    with gr.Blocks() as demo:
        t = gr.Textbox("a")
        b = gr.Button()
        b.click(lambda x: x + "b", t, t).then(lambda x: x + "c", t, t).then(lambda x: x + "d", t, t)
    sess = demo.session()
    sess.click(b)
    assert sess.get(t) == "abcd"


def test_then_does_not_run_after_error_only_failure():
    ran = []
    with gr.Blocks() as demo:
        t = gr.Textbox()
        b = gr.Button()

        def boom():
            raise gr.Error("nope")

        dep = b.click(boom, None, t)
        dep.then(lambda: ran.append("then"), None, None)
        dep.success(lambda: ran.append("success"), None, None)
        dep.failure(lambda: ran.append("failure") or "failed", None, t)
    sess = demo.session()
    sess.click(b)
    assert ran == ["failure"]  # S10: .then does NOT run after an error
    assert sess.get(t) == "failed"
    assert [e.message for e in sess.errors] == ["nope"]


def test_then_does_not_run_after_plain_exception():
    ran = []
    with gr.Blocks() as demo:
        b = gr.Button()
        b.click(lambda: 1 / 0, None, None).then(lambda: ran.append("then"), None, None)
    sess = demo.session()
    sess.click(b)
    assert ran == []
    assert sess.errors[-1].type == "ZeroDivisionError"


def test_failure_not_run_after_success():
    ran = []
    with gr.Blocks() as demo:
        b = gr.Button()
        b.click(lambda: None, None, None).failure(lambda: ran.append("failure"), None, None)
    demo.session().click(b)
    assert ran == []


def test_error_in_then_step_stops_its_own_chain():
    ran = []
    with gr.Blocks() as demo:
        b = gr.Button()
        step2 = b.click(lambda: ran.append(1), None, None).then(lambda: 1 / 0, None, None)
        step2.then(lambda: ran.append(3), None, None)
        step2.failure(lambda: ran.append("f"), None, None)
    demo.session().click(b)
    assert ran == [1, "f"]


def test_fn_none_runs_chain():
    ran = []
    with gr.Blocks() as demo:
        b = gr.Button()
        b.click(None, None, None).then(lambda: ran.append("then"), None, None)
    demo.session().click(b)
    assert ran == ["then"]  # S16: chained listeners still run


# -- State.change (S11) ---------------------------------------------------------------------
def _state_change_app(initial, fn, *, output=True):
    fired = []
    with gr.Blocks() as demo:
        s = gr.State(initial)
        b = gr.Button()
        b.click(fn, s, s if output else None)
        s.change(lambda v: fired.append(v), s, None)
    return demo, s, b, fired


def test_state_change_fires_for_list_mutated_in_place_and_returned():
    def add(items):
        items.append(1)
        return items

    demo, s, b, fired = _state_change_app([], add)
    sess = demo.session()
    sess.click(b)
    assert fired == [[1]]
    sess.click(b)
    assert len(fired) == 2


def test_state_change_not_fired_for_equal_value():
    demo, s, b, fired = _state_change_app([1, 2], lambda items: [1, 2])
    sess = demo.session()
    sess.click(b)
    assert fired == []
    assert sess.get(s) == [1, 2]


def test_state_change_tuple_and_list_hash_equal_int_float_differ():
    demo, s, b, fired = _state_change_app([1, 2], lambda items: (1, 2))
    sess = demo.session()
    sess.click(b)
    assert fired == []
    demo2, s2, b2, fired2 = _state_change_app(1, lambda v: 1.0)
    sess2 = demo2.session()
    sess2.click(b2)
    assert len(fired2) == 1


@dataclasses.dataclass
class Box:
    items: list


def test_state_change_not_fired_for_dataclass_mutated_in_place():
    def mutate(box):
        box.items.append(1)
        return box

    demo, s, b, fired = _state_change_app(Box([]), mutate)
    sess = demo.session()
    sess.click(b)
    assert fired == []  # S11: unhashable object hashed by id(): unchanged
    assert sess.get(s).items == [1]


def test_state_change_fired_for_new_equal_dataclass():
    demo, s, b, fired = _state_change_app(Box([]), lambda box: Box(list(box.items)))
    sess = demo.session()
    sess.click(b)
    assert len(fired) == 1


def test_state_change_not_fired_when_state_is_only_an_input():
    def mutate(items):
        items.append(1)

    demo, s, b, fired = _state_change_app([], mutate, output=False)
    sess = demo.session()
    sess.click(b)
    assert fired == []
    assert sess.get(s) == [1]  # S3: the mutation sticks


def test_state_change_runs_after_success_with_new_value():
    seen = []
    with gr.Blocks() as demo:
        s = gr.State(0)
        t = gr.Textbox()
        b = gr.Button()
        b.click(lambda v: v + 1, s, s)
        s.change(lambda v: (seen.append(v), f"now {v}")[1], s, t)
    sess = demo.session()
    sess.click(b)
    sess.click(b)
    assert seen == [1, 2]
    assert sess.get(t) == "now 2"


def test_state_change_not_fired_on_error():
    fired = []
    with gr.Blocks() as demo:
        s = gr.State(0)
        b = gr.Button()

        def fail(v):
            raise gr.Error("x")

        b.click(fail, s, s)
        s.change(lambda v: fired.append(v), s, None)
    sess = demo.session()
    sess.click(b)
    assert fired == []


def test_state_change_fired_by_clear_button_only_if_changed():
    fired = []
    with gr.Blocks() as demo:
        s = gr.State([])
        clear = gr.ClearButton(s)
        add = gr.Button("add")
        add.click(lambda v: v + [1], s, s)
        s.change(lambda v: fired.append(list(v)), s, None)
    sess = demo.session()
    sess.click(clear)
    assert fired == []
    sess.click(add)
    assert fired == [[1]]
    sess.click(clear)
    assert fired == [[1], []]
    assert sess.get(s) == []


def test_state_change_fires_per_generator_yield():
    """S11/S13: the hash is compared after every yield, not only at the end."""
    fired = []
    with gr.Blocks() as demo:
        s = gr.State(0)
        b = gr.Button()

        def gen(v):
            yield v + 1  # changed
            yield v  # back to the value it had before the event

        b.click(gen, s, s)
        s.change(lambda v: fired.append(v), s, None)
    sess = demo.session()
    sess.click(b)
    assert sess.get(s) == 0
    assert fired != []  # a final-only comparison (0 vs 0) would never fire
    assert fired[-1] == 0  # the listener reads the State when it runs


# -- change vs input (S21) ------------------------------------------------------------------
def _change_input_app():
    log = []
    with gr.Blocks() as demo:
        t = gr.Textbox("start")
        b_new = gr.Button("new")
        b_same = gr.Button("same")
        b_new.click(lambda: "from fn", None, t)
        b_same.click(lambda x: x, t, t)
        t.change(lambda v: log.append(("change", v)), t, None)
        t.input(lambda v: log.append(("input", v)), t, None)
    return demo, t, b_new, b_same, log


def test_output_write_fires_change_not_input():
    demo, t, b_new, _b_same, log = _change_input_app()
    sess = demo.session()
    sess.click(b_new)
    assert log == [("change", "from fn")]


def test_user_edit_fires_change_and_input():
    demo, t, _b_new, _b_same, log = _change_input_app()
    sess = demo.session()
    sess.set(t, "typed")
    assert sorted(log) == [("change", "typed"), ("input", "typed")]


def test_same_value_writes_fire_nothing():
    demo, t, _b_new, b_same, log = _change_input_app()
    sess = demo.session()
    sess.click(b_same)
    assert log == []
    sess.set(t, "start")
    assert log == []


def test_number_same_value_as_float_fires_nothing():
    log = []
    with gr.Blocks() as demo:
        n = gr.Number(2)
        b = gr.Button()
        b.click(lambda: 2.0, None, n)
        n.change(lambda v: log.append(v), n, None)
    sess = demo.session()
    sess.click(b)
    assert log == []


def test_change_listener_output_chain_reaches_second_component():
    with gr.Blocks() as demo:
        a = gr.Textbox()
        c = gr.Textbox()
        d = gr.Textbox()
        a.change(lambda v: v.upper(), a, c)
        c.change(lambda v: v + "!", c, d)
    sess = demo.session()
    sess.set(a, "hi")
    assert sess.get(c) == "HI"
    assert sess.get(d) == "HI!"


# -- submit ---------------------------------------------------------------------------------
def test_textbox_submit_fires_once_per_call_even_unchanged():
    calls = []
    with gr.Blocks() as demo:
        t = gr.Textbox("same")
        t.submit(lambda v: calls.append(v), t, None)
    sess = demo.session()
    sess.submit(t)
    sess.submit(t)
    sess.submit(t)
    assert calls == ["same", "same", "same"]


def test_textbox_submit_via_front_end_message():
    calls = []
    with gr.Blocks() as demo:
        t = gr.Textbox("v")
        t.submit(lambda v: calls.append(v), t, None)
    sess = demo.session()
    widget = sess.widget(t)
    widget._handle_custom_msg({"event": "submit"}, [])
    assert calls == ["v"]


def test_trigger_unknown_event_is_error():
    with gr.Blocks() as demo:
        b = gr.Button()
    sess = demo.session()
    with pytest.raises(ValueError):
        sess.trigger(b, "submit")


# -- listener validation (S17) --------------------------------------------------------------
def test_trigger_mode_validation_text():
    with gr.Blocks():
        b = gr.Button()
        with pytest.raises(ValueError) as info:
            b.click(lambda: None, None, None, trigger_mode="bogus")
    # Gradio's text, then the listener it is about
    assert str(info.value).startswith(
        "Invalid value for parameter `trigger_mode`: bogus. "
        "Please choose from: ['once', 'multiple', 'always_last']"
    )
    assert str(info.value).endswith("(in Button 'Run'.click)")


def test_listener_outside_blocks():
    b = gr.Button("x", render=False)
    with pytest.raises(AttributeError) as info:
        b.click(lambda: None)
    assert str(info.value) == "Cannot call click outside of a gradio.Blocks context."


def test_listener_outside_blocks_change():
    t = gr.Textbox(render=False)
    with pytest.raises(AttributeError) as info:
        t.change(lambda: None)
    assert str(info.value) == "Cannot call change outside of a gradio.Blocks context."


def test_listener_accepts_gradio_kwargs():
    with gr.Blocks() as demo:
        t = gr.Textbox()
        b = gr.Button()
        b.click(
            lambda: "ok",
            None,
            t,
            api_name="go",
            show_progress="minimal",
            queue=False,
            concurrency_limit=2,
            scroll_to_output=True,
        )
    sess = demo.session()
    sess.click(b)
    assert sess.get(t) == "ok"


def test_trigger_mode_once_drops_reentrant_trigger_multiple_runs_it():
    for mode, expected in (("once", 1), ("multiple", 2)):
        runs = []
        sessions = []
        with gr.Blocks() as demo:
            b = gr.Button()

            def fn():
                runs.append(1)
                if len(runs) == 1:
                    sessions[0].click(b)  # a second click while the first is running

            b.click(fn, None, None, trigger_mode=mode)
        sess = demo.session()
        sessions.append(sess)
        sess.click(b)
        assert len(runs) == expected, mode


# -- gr.on ----------------------------------------------------------------------------------
def test_gr_on_multiple_triggers():
    calls = []
    with gr.Blocks() as demo:
        t = gr.Textbox("v")
        b = gr.Button()
        out = gr.Textbox()
        gr.on([b.click, t.submit], lambda v: calls.append(v) or f"got {v}", t, out)
    sess = demo.session()
    sess.click(b)
    sess.submit(t)
    assert calls == ["v", "v"]
    assert sess.get(out) == "got v"


def test_gr_on_none_triggers_is_change_of_inputs():
    with gr.Blocks() as demo:
        a = gr.Textbox()
        n = gr.Number()
        out = gr.Textbox()
        gr.on(None, lambda x, y: f"{x}-{y}", [a, n], out)
    sess = demo.session()
    sess.set(a, "p")
    assert sess.get(out) == "p-0"
    sess.set(n, 3)
    assert sess.get(out) == "p-3"


def test_gr_on_outside_blocks():
    b = gr.Button(render=False)
    with pytest.raises(AttributeError):
        gr.on([b.click], lambda: None)


def test_demo_load_runs_per_session_with_outputs():
    count = []
    with gr.Blocks() as demo:
        t = gr.Textbox()
        demo.load(lambda: count.append(1) or f"load {len(count)}", None, t)
    s1 = demo.session()
    s2 = demo.session()
    assert s1.get(t) == "load 1"
    assert s2.get(t) == "load 2"


# -- generators (S13) -----------------------------------------------------------------------
def test_generator_applies_each_yield():
    seen = []
    holder = []
    with gr.Blocks() as demo:
        t = gr.Textbox()
        s = gr.State()
        b = gr.Button()

        def gen():
            for i in range(3):
                yield f"step {i}", i
                # when the generator resumes, the previous yield has been applied
                seen.append((holder[0].get(t), holder[0].get(s)))

        b.click(gen, None, [t, s])
    sess = demo.session()
    holder.append(sess)
    sess.click(b)
    assert seen == [("step 0", 0), ("step 1", 1), ("step 2", 2)]
    assert sess.get(t) == "step 2"
    assert sess.get(s) == 2
    assert sess.errors == []


def test_generator_yields_fire_output_change():
    seen = []
    with gr.Blocks() as demo:
        t = gr.Textbox()
        b = gr.Button()

        def gen():
            yield "one"
            yield "two"

        b.click(gen, None, t)
        t.change(lambda v: seen.append(v), t, None)
    sess = demo.session()
    sess.click(b)
    assert seen and seen[-1] == "two"


def test_generator_error_midway_keeps_earlier_yields():
    with gr.Blocks() as demo:
        t = gr.Textbox()
        b = gr.Button()

        def gen():
            yield "first"
            raise gr.Error("stopped")

        b.click(gen, None, t)
    sess = demo.session()
    sess.click(b)
    assert sess.get(t) == "first"
    assert sess.errors[-1].message == "stopped"


def test_async_function_is_awaited():
    with gr.Blocks() as demo:
        t = gr.Textbox()
        b = gr.Button()

        async def afn(x):
            return x + " async"

        b.click(afn, t, t)
    sess = demo.session()
    sess.set(t, "hi")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # "never awaited" if not awaited
        sess.click(b)
    assert sess.errors == []
    assert sess.get(t) == "hi async"  # S13: async def fns are awaited


def test_async_generator_applies_each_yield():
    with gr.Blocks() as demo:
        t = gr.Textbox()
        b = gr.Button()

        async def agen():
            yield "a"
            yield "b"

        b.click(agen, None, t)
    sess = demo.session()
    sess.click(b)
    assert sess.errors == []
    assert sess.get(t) == "b"  # S13: async generators are iterated


def test_trigger_mode_always_last_runs_one_extra_with_latest_value():
    runs = []
    holder = []
    with gr.Blocks() as demo:
        t = gr.Textbox()

        def on_change(v):
            runs.append(v)
            if len(runs) == 1:  # two more edits arrive while this run is pending
                holder[0].set(t, "second")
                holder[0].set(t, "third")

        t.change(on_change, t, None)  # default trigger_mode for change: always_last (S14)
    sess = demo.session()
    holder.append(sess)
    sess.set(t, "first")
    assert runs == ["first", "third"]


def test_signature_mismatch_only_warns():
    """S8: a fn whose signature does not fit the inputs warns (check_function_inputs_match)."""
    with gr.Blocks() as demo:
        t = gr.Textbox("x")
        out = gr.Textbox()
        b = gr.Button()

        def two(a, b):
            return a + b

        with pytest.warns(UserWarning) as caught:
            b.click(two, t, out)
    messages = [str(w.message) for w in caught]
    assert any(re.match(r"Expected 2 arguments for function .*, received 1\.$", m) for m in messages)
    assert any(re.match(r"Expected at least 2 arguments for function .*, received 1\.$", m) for m in messages)
    sess = demo.session()
    sess.click(b)
    assert sess.errors and sess.errors[-1].type == "TypeError"  # and calling it fails


def test_front_end_edit_fires_change_and_input():
    log = []
    with gr.Blocks() as demo:
        t = gr.Textbox()
        t.change(lambda v: log.append(("change", v)), t, None)
        t.input(lambda v: log.append(("input", v)), t, None)
    sess = demo.session()
    sess.widget(t).value = "typed in the browser"
    assert sorted(log) == [("change", "typed in the browser"), ("input", "typed in the browser")]


def test_outputs_pending_and_trigger_disabled_while_running():
    """DESIGN.md dispatcher step 2 (Gradio's show_progress="full"): while fn runs, the
    outputs show a busy marker and the trigger is disabled; both are restored after."""
    seen = []
    holder = []
    with gr.Blocks() as demo:
        t = gr.Textbox()
        b = gr.Button("go")

        def fn():
            time.sleep(gr_busy.DELAY + 0.1)  # the marker shows once an event takes a while
            sess = holder[0]
            seen.append((sess.widget(t).pending, sess.widget(b).disabled))
            return "done"

        b.click(fn, None, t)
    sess = demo.session()
    holder.append(sess)
    assert sess.widget(t).pending is False
    sess.click(b)
    assert seen == [(True, True)]
    assert sess.widget(t).pending is False
    assert sess.widget(b).disabled is False
    assert sess.get(t) == "done"
