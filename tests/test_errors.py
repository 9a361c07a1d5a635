"""Errors: what the user is shown, what stays unchanged, and that the app keeps working."""

from __future__ import annotations

import pytest

import gradio_nb as gr


def _failing_app(exc_factory, *, mutate=True):
    """Button appends to a State list in place, then raises ``exc_factory()`` if told to."""
    with gr.Blocks() as demo:
        items = gr.State([])
        out = gr.Textbox("initial")
        fail = gr.Checkbox(True)
        b = gr.Button("go")

        def fn(flag, current):
            if mutate:
                current.append(len(current))
            if flag:
                raise exc_factory()
            return current, f"{len(current)} items"

        b.click(fn, [fail, items], [items, out])
    return demo, items, out, fail, b


def test_gr_error_recorded_with_title_and_message():
    demo, items, out, fail, b = _failing_app(lambda: gr.Error("Something went wrong"))
    sess = demo.session()
    sess.click(b)
    assert len(sess.errors) == 1
    err = sess.errors[-1]
    assert err.title == "Error"
    assert err.message == "Something went wrong"


def test_gr_error_custom_title():
    demo, *_rest, b = _failing_app(lambda: gr.Error("Bad input", title="Validation"))
    sess = demo.session()
    sess.click(b)
    assert sess.errors[-1].title == "Validation"
    assert sess.errors[-1].message == "Bad input"


def test_gr_error_defaults():
    err = gr.Error()
    assert err.message == "Error raised."
    assert err.title == "Error"
    assert err.duration == 10
    assert err.visible is True
    assert isinstance(err, Exception)


def test_error_leaves_outputs_untouched_but_in_place_mutation_sticks():
    demo, items, out, fail, b = _failing_app(lambda: gr.Error("fail"))
    sess = demo.session()
    sess.click(b)
    assert sess.get(out) == "initial"  # S12: visible output untouched
    assert sess.get(items) == [0]  # S3: the in-place append stuck
    sess.click(b)
    assert sess.get(items) == [0, 1]
    assert sess.get(out) == "initial"
    assert len(sess.errors) == 2


def test_error_does_not_replace_state_output():
    with gr.Blocks() as demo:
        s = gr.State("kept")
        b = gr.Button()

        def fn(v):
            raise gr.Error("no")

        b.click(fn, s, s)
    sess = demo.session()
    sess.click(b)
    assert sess.get(s) == "kept"


def test_error_in_postprocess_leaves_all_outputs_untouched():
    """The State output comes first, the Chatbot's postprocess fails: nothing is applied."""
    with gr.Blocks() as demo:
        s = gr.State("before")
        t = gr.Textbox("before")
        c = gr.Chatbot()
        b = gr.Button()
        b.click(lambda: ("after", "after", [["bad", "pairs"]]), None, [s, t, c])
    sess = demo.session()
    sess.click(b)
    assert len(sess.errors) == 1
    assert sess.get(s) == "before"
    assert sess.get(t) == "before"
    assert sess.get(c) == []


@pytest.mark.parametrize(
    ("exc", "type_name", "message"),
    [
        (ValueError("bad value"), "ValueError", "bad value"),
        (RuntimeError("boom"), "RuntimeError", "boom"),
        (ZeroDivisionError("division by zero"), "ZeroDivisionError", "division by zero"),
    ],
)
def test_other_exception_recorded_with_type(exc, type_name, message):
    demo, items, out, fail, b = _failing_app(lambda: exc)
    sess = demo.session()
    sess.click(b)
    assert len(sess.errors) == 1
    err = sess.errors[0]
    assert err.type == type_name
    assert err.message == message
    assert err.title == "Error"
    assert sess.get(out) == "initial"


def test_gr_error_type_is_error():
    demo, *_rest, b = _failing_app(lambda: gr.Error("x"))
    sess = demo.session()
    sess.click(b)
    assert sess.errors[0].type == "Error"


def test_app_keeps_working_after_errors():
    demo, items, out, fail, b = _failing_app(lambda: gr.Error("fail"), mutate=False)
    sess = demo.session()
    sess.click(b)
    sess.click(b)
    assert len(sess.errors) == 2
    sess.set(fail, False)
    sess.click(b)
    assert len(sess.errors) == 2  # no new error
    assert sess.get(items) == []
    assert sess.get(out) == "0 items"


def test_app_keeps_working_after_plain_exception():
    calls = []
    with gr.Blocks() as demo:
        n = gr.Number(0)
        out = gr.Textbox()
        b = gr.Button()

        def inv(x):
            calls.append(x)
            return str(1 / x)

        b.click(inv, n, out)
    sess = demo.session()
    sess.click(b)
    assert sess.errors[-1].type == "ZeroDivisionError"
    sess.set(n, 4)
    sess.click(b)
    assert sess.get(out) == "0.25"
    assert calls == [0, 4]
    assert len(sess.errors) == 1


def test_error_text_in_alerts_widget():
    demo, *_rest, b = _failing_app(lambda: gr.Error("Shown to the user", title="Oops"))
    sess = demo.session()
    assert sess.toasts == []
    sess.click(b)
    alerts = sess.toasts
    assert len(alerts) == 1
    assert alerts[-1]["level"] == "error"
    assert alerts[-1]["title"] == "Oops"
    assert "Shown to the user" in alerts[-1]["message"]


def test_plain_exception_text_in_alerts_widget():
    demo, *_rest, b = _failing_app(lambda: KeyError("missing"))
    sess = demo.session()
    sess.click(b)
    assert "missing" in sess.toasts[-1]["message"]
    assert sess.toasts[-1]["level"] == "error"


def test_invisible_error_is_neither_shown_nor_recorded():
    """As Gradio: gr.Error(visible=False) shows nothing; sess.errors lists what was shown."""
    demo, *_rest, b = _failing_app(lambda: gr.Error("quiet", visible=False))
    sess = demo.session()
    sess.click(b)
    assert sess.errors == []
    assert all("quiet" not in a["message"] for a in sess.toasts)


def test_errors_are_per_session():
    demo, *_rest, b = _failing_app(lambda: gr.Error("only here"))
    s1, s2 = demo.session(), demo.session()
    s1.click(b)
    assert len(s1.errors) == 1
    assert s2.errors == []
    assert s2.toasts == []


def test_error_in_change_listener_does_not_escape_set():
    with gr.Blocks() as demo:
        t = gr.Textbox()

        def bad(v):
            raise gr.Error(f"rejected {v}")

        t.change(bad, t, None)
    sess = demo.session()
    sess.set(t, "x")  # must not raise
    assert sess.get(t) == "x"  # the user's edit itself stays
    assert sess.errors[-1].message == "rejected x"


def test_error_in_load_recorded_on_open():
    with gr.Blocks() as demo:
        t = gr.Textbox("orig")

        def load():
            raise gr.Error("load failed")

        demo.load(load, None, t)
    sess = demo.session()
    assert [e.message for e in sess.errors] == ["load failed"]
    assert sess.get(t) == "orig"


def test_widget_click_with_error_is_recorded():
    """The front end's click path (ipywidgets swallows handler exceptions) records it too."""
    demo, items, out, fail, b = _failing_app(lambda: gr.Error("from the browser"))
    sess = demo.session()
    sess.widget(b).click()
    assert sess.errors[-1].message == "from the browser"
    assert sess.get(out) == "initial"


def test_info_and_warning_show_alerts_without_aborting():
    with gr.Blocks() as demo:
        t = gr.Textbox()
        b = gr.Button()

        def fn():
            gr.Info("fyi")
            gr.Warning("careful")
            return "done"

        b.click(fn, None, t)
    sess = demo.session()
    sess.click(b)
    assert sess.get(t) == "done"
    assert sess.errors == []
    levels = [(a["level"], a["message"]) for a in sess.toasts]
    assert ("info", "fyi") in levels
    assert ("warning", "careful") in levels


def test_info_outside_event_is_noop():
    with gr.Blocks() as demo:
        gr.Textbox()
    sess = demo.session()
    assert gr.Info("nobody listens") is None
    assert gr.Warning("nobody listens") is None
    assert sess.toasts == []
    assert sess.errors == []


@pytest.mark.parametrize("kind", ["dropdown", "radio"])
def test_value_outside_choices_is_shown_with_a_warning(kind):
    """As Gradio: a returned value outside the choices only warns and is applied with the
    event's other outputs; reading it back as an input is what raises gr.Error."""
    with gr.Blocks() as demo:
        t = gr.Textbox("old")
        s = gr.State("old")
        choice = gr.Dropdown(["a", "b"]) if kind == "dropdown" else gr.Radio(["a", "b"], value="a")
        b = gr.Button()
        b.click(lambda: ("new", "new", "not-a-choice"), None, [t, s, choice])
    sess = demo.session()
    with pytest.warns(UserWarning, match="not in the list of choices"):
        sess.click(b)
    assert sess.errors == []
    assert (sess.get(t), sess.get(s)) == ("new", "new")
    assert sess.widget(choice).value == "not-a-choice"
    with pytest.raises(gr.Error, match="not in the list of choices"):
        sess.get(choice)



def test_failure_outside_the_function_is_recorded_and_the_app_goes_on():
    """Even what fails before the function runs (here a State.change listener's hashing of a
    State whose callable default raises) is shown as an error, never raised at the caller."""
    calls = []

    def broken_default():
        calls.append(1)
        if len(calls) > 2:  # called at construction and at load (S4); then it fails
            raise RuntimeError("no default today")
        return 0

    with gr.Blocks() as demo:
        state = gr.State(broken_default)
        out = gr.Textbox()
        go = gr.Button("go")
        ok = gr.Button("ok")
        go.click(lambda s: s, state, state)
        state.change(lambda: None)
        ok.click(lambda: "fine", None, out)
    sess = demo.session()  # the load-time call works; a later read of the default raises
    sess.states.values.clear()  # forget the value: the next read calls the default again
    sess.click(go)
    assert sess.errors[-1].type == "RuntimeError"
    assert sess.errors[-1].message == "no default today"
    sess.click(ok)
    assert sess.get(out) == "fine"


def test_a_callable_state_default_that_raises_is_shown_not_raised():
    def broken():
        raise ValueError("cannot start")

    with gr.Blocks() as failing:
        failing_state = gr.State(lambda: 0)
        box = gr.Textbox()
        go = gr.Button("go")
        go.click(lambda: "fine", None, box)
    failing_state.load_fn = broken  # from now on every new session's default fails
    sess = failing.session()
    assert sess.errors[-1].message == "cannot start"
    assert "default value" in sess.errors[-1].event
    sess.click(go)
    assert sess.get(box) == "fine"
