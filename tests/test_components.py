"""Components: values as a function receives them, what widgets show, updates of properties."""

from __future__ import annotations

import re

import pytest

import gradio_nb as gr

CHAT_FORMAT_ERROR = (
    "Data incompatible with messages format. Each message should be a dictionary with "
    "'role' and 'content' keys or a ChatMessage object."
)


# -- Textbox --------------------------------------------------------------------------------
def test_textbox_default_and_empty_values():
    with gr.Blocks() as demo:
        empty = gr.Textbox()
        filled = gr.Textbox("hello", label="Greeting", placeholder="type", lines=3)
    sess = demo.session()
    assert sess.get(empty) == ""  # S18: never None
    assert sess.get(filled) == "hello"
    w = sess.widget(filled)
    assert w.value == "hello"
    assert w.label == "Greeting"
    assert w.placeholder == "type"
    assert w.lines == 3


def test_textbox_shows_str_of_returned_value_and_none_empties():
    with gr.Blocks() as demo:
        out = gr.Textbox("start")
        b_num = gr.Button("num")
        b_none = gr.Button("none")
        b_num.click(lambda: 42, None, out)
        b_none.click(lambda: None, None, out)
    sess = demo.session()
    sess.click(b_num)
    assert sess.get(out) == "42"
    sess.click(b_none)
    assert sess.get(out) == ""
    assert sess.errors == []


def test_textbox_fn_receives_str():
    got = []
    with gr.Blocks() as demo:
        t = gr.Textbox()
        b = gr.Button()
        b.click(lambda x: got.append(x), t, None)
    sess = demo.session()
    sess.click(b)
    sess.set(t, "abc")
    sess.click(b)
    assert got == ["", "abc"]
    assert all(type(x) is str for x in got)


def test_textbox_bad_type_rejected():
    with pytest.raises(ValueError):
        gr.Textbox(type="number", render=False)


# -- Number ---------------------------------------------------------------------------------
def test_number_without_value_holds_zero():
    got = []
    with gr.Blocks() as demo:
        n = gr.Number()
        b = gr.Button()
        b.click(lambda x: got.append(x), n, None)
    sess = demo.session()
    sess.click(b)
    assert got == [0]  # S18: 0, not None


def test_number_integral_float_comes_back_as_int():
    got = []
    with gr.Blocks() as demo:
        n = gr.Number(2.0)
        out = gr.Number()
        b = gr.Button()
        b.click(lambda x: (got.append(x), 4.0)[1], n, out)
    sess = demo.session()
    sess.click(b)
    assert got == [2] and type(got[0]) is int  # S19
    assert sess.get(out) == 4 and type(sess.get(out)) is int
    sess.set(n, 2.5)
    sess.click(b)
    assert got[-1] == 2.5 and type(got[-1]) is float


@pytest.mark.parametrize(("given", "expected"), [(2.5, 2), (3.5, 4), (2.4, 2), (-1.5, -2)])
def test_number_precision_zero_bankers_rounding(given, expected):
    got = []
    with gr.Blocks() as demo:
        n = gr.Number(precision=0)
        b = gr.Button()
        b.click(lambda x: got.append(x), n, None)
    sess = demo.session()
    sess.set(n, given)
    sess.click(b)
    assert got == [expected]
    assert type(got[0]) is int


def test_number_precision_k_rounds():
    got = []
    with gr.Blocks() as demo:
        n = gr.Number(precision=2)
        out = gr.Number(precision=1)
        b = gr.Button()
        b.click(lambda x: (got.append(x), x)[1], n, out)
    sess = demo.session()
    sess.set(n, 3.14159)
    sess.click(b)
    assert got == [3.14]
    assert sess.get(out) == 3.1  # postprocess rounds too


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (-1, "Value -1 is less than minimum value 0."),
        (11, "Value 11 is greater than maximum value 10."),
    ],
)
def test_number_bounds_error_text_and_fn_not_called(value, message):
    called = []
    with gr.Blocks() as demo:
        n = gr.Number(minimum=0, maximum=10)
        out = gr.Textbox("untouched")
        b = gr.Button()
        b.click(lambda x: called.append(x) or "changed", n, out)
    sess = demo.session()
    sess.set(n, value)
    sess.click(b)
    assert called == []
    assert len(sess.errors) == 1
    assert sess.errors[-1].message == message
    assert sess.errors[-1].title == "Error"
    assert sess.get(out) == "untouched"  # S12: preprocess errors abort too


def test_number_within_bounds_ok():
    called = []
    with gr.Blocks() as demo:
        n = gr.Number(5, minimum=0, maximum=10)
        b = gr.Button()
        b.click(lambda x: called.append(x), n, None)
    sess = demo.session()
    sess.click(b)
    sess.set(n, 10)
    sess.click(b)
    sess.set(n, 0)
    sess.click(b)
    assert called == [5, 10, 0]
    assert sess.errors == []


# -- Button ---------------------------------------------------------------------------------
def test_button_value_is_label_and_input():
    got = []
    with gr.Blocks() as demo:
        b = gr.Button("Press me", variant="primary")
        b.click(lambda label: got.append(label), b, None)
    sess = demo.session()
    w = sess.widget(b)
    assert w.description == "Press me"
    assert w.button_style == "primary"
    sess.click(b)
    assert got == ["Press me"]


def test_button_default_text_and_bad_variant():
    assert gr.Button(render=False).value == "Run"
    with pytest.raises(ValueError):
        gr.Button("x", variant="bogus", render=False)


def test_button_widget_click_runs_listener():
    got = []
    with gr.Blocks() as demo:
        b = gr.Button("x")
        b.click(lambda: got.append(1), None, None)
    sess = demo.session()
    sess.widget(b).click()  # as the front end would
    assert got == [1]


def test_button_label_update():
    with gr.Blocks() as demo:
        b = gr.Button("Start")
        b.click(lambda: gr.update(value="Stop"), None, b)
    s1, s2 = demo.session(), demo.session()
    s1.click(b)
    assert s1.widget(b).description == "Stop"
    assert s2.widget(b).description == "Start"


# -- ClearButton ----------------------------------------------------------------------------
def test_clear_button_empties_components_and_resets_states():
    got = []
    with gr.Blocks() as demo:
        t = gr.Textbox("default text")
        n = gr.Number(7)
        c = gr.Chatbot([{"role": "user", "content": "hi"}])
        s = gr.State({"k": 1})
        clear = gr.ClearButton([t, n, c, s])
        probe = gr.Button("probe")
        probe.click(lambda *a: got.append(a), [t, n, c, s], None)
    sess = demo.session()
    sess.set(t, "typed")
    sess.get(s)["k"] = 2
    sess.click(clear)
    assert sess.errors == []
    assert sess.get(t) == ""  # S22: cleared to empty, not to "default text"
    assert sess.get(n) is None  # S22: Number -> None
    assert sess.get(c) == []
    assert sess.get(s) == {"k": 1}
    sess.click(probe)
    assert got == [("", None, [], {"k": 1})]
    assert clear.value == "Clear"


def test_clear_button_add_and_only_clicking_session():
    with gr.Blocks() as demo:
        t = gr.Textbox()
        clear = gr.ClearButton()
        clear.add(t)
    a, b = demo.session(), demo.session()
    a.set(t, "A")
    b.set(t, "B")
    a.click(clear)
    assert a.get(t) == ""
    assert b.get(t) == "B"


# -- Chatbot --------------------------------------------------------------------------------
def test_chatbot_normalises_messages():
    with gr.Blocks() as demo:
        c = gr.Chatbot()
        b = gr.Button()
        b.click(
            lambda: [
                {"role": "user", "content": "Hello"},
                gr.ChatMessage(content="  line1\n  line2", role="assistant"),
            ],
            None,
            c,
        )
    sess = demo.session()
    sess.click(b)
    value = sess.get(c)
    assert value[0] == {
        "role": "user",
        "metadata": None,
        "content": [{"text": "Hello", "type": "text"}],
        "options": None,
    }
    assert value[1]["role"] == "assistant"
    assert value[1]["content"] == [{"text": "line1\nline2", "type": "text"}]  # cleandoc
    assert value[1]["metadata"] == {} and value[1]["options"] == []


def test_chatbot_none_is_empty_list():
    got = []
    with gr.Blocks() as demo:
        c = gr.Chatbot(None)
        b = gr.Button()
        b.click(lambda h: got.append(h), c, None)
    sess = demo.session()
    sess.click(b)
    assert got == [[]]


def test_chatbot_tuple_format_error_text_and_untouched():
    with gr.Blocks() as demo:
        c = gr.Chatbot([{"role": "user", "content": "keep"}])
        b = gr.Button()
        b.click(lambda: [["hi", "there"]], None, c)
    sess = demo.session()
    sess.click(b)
    assert len(sess.errors) == 1
    assert sess.errors[-1].message == CHAT_FORMAT_ERROR
    assert sess.errors[-1].title == "Error"
    assert [m["content"][0]["text"] for m in sess.get(c)] == ["keep"]


@pytest.mark.parametrize("kind", ["tuples", "messages"])
def test_chatbot_type_is_refused_as_gradio_6_refuses_it(kind):
    # Gradio 6 dropped the argument (messages are the only format): any value is a TypeError.
    with pytest.raises(TypeError, match=r"Chatbot\.__init__\(\) got an unexpected keyword argument 'type'"):
        gr.Chatbot(type=kind, render=False)


def test_chatbot_html_is_sanitised():
    with gr.Blocks() as demo:
        c = gr.Chatbot()
        b = gr.Button()
        b.click(
            lambda: [
                {"role": "user", "content": "<img src=x onerror=alert(1)>"},
                {"role": "assistant", "content": "<script>alert('x')</script>\n\nsafe **text**"},
            ],
            None,
            c,
        )
    sess = demo.session()
    sess.click(b)
    msgs = sess.widget(c).messages
    assert [m["role"] for m in msgs] == ["user", "assistant"]
    assert "onerror" not in msgs[0]["html"]
    assert "alert" not in msgs[0]["html"]
    assert "<img" in msgs[0]["html"]  # the harmless part of the tag stays
    assert "<script" not in msgs[1]["html"]
    assert "alert" not in msgs[1]["html"]
    assert "<strong>text</strong>" in msgs[1]["html"]
    # the value the function sees keeps the raw text
    assert sess.get(c)[0]["content"][0]["text"] == "<img src=x onerror=alert(1)>"


def test_chatbot_javascript_link_is_sanitised():
    with gr.Blocks() as demo:
        c = gr.Chatbot([{"role": "assistant", "content": '[click](javascript:alert(1))\n\n<a href="javascript:alert(2)">x</a>'}])
    sess = demo.session()
    html = sess.widget(c).messages[0]["html"]
    assert not re.search(r"href\s*=\s*[\"']?\s*javascript:", html, re.I)


# -- Markdown -------------------------------------------------------------------------------
def test_markdown_renders_and_sanitises():
    with gr.Blocks() as demo:
        md = gr.Markdown("# Title\n\n<img src=x onerror=alert(1)><script>alert(2)</script>**bold**")
    sess = demo.session()
    html = sess.widget(md).value
    assert "<h1>Title</h1>" in html
    assert "<strong>bold</strong>" in html
    assert "onerror" not in html
    assert "<script" not in html
    assert "alert" not in html


def test_markdown_keeps_inline_styles_that_only_change_the_look():
    """Gradio keeps inline styles (an Interface's title is ``<h1 style='text-align: center'>``);
    a style that could place a box over the page, fetch, or run old browsers' code is dropped."""
    with gr.Blocks() as demo:
        md = gr.Markdown(
            "<h1 style='text-align: center; margin-bottom: 1rem'>Title</h1>"
            '<p style="position: fixed; z-index: 9; color: red; background: url(https://x.test/a.png); '
            'width: expression(alert(1)); font-size: 2em; behavior: url(x.htc)">text</p>'
            '<span style="color: re\\64">escaped</span>'
        )
    html = demo.session().widget(md).value
    assert '<h1 style="text-align:center;margin-bottom:1rem">Title</h1>' in html
    assert '<p style="color:red;font-size:2em">text</p>' in html
    assert "<span>escaped</span>" in html
    for dropped in ("position", "z-index", "url(", "expression", "behavior", "\\"):
        assert dropped not in html


def test_an_interface_title_is_gradios_centred_heading() -> None:
    demo = gr.Interface(lambda x: x, "text", "text", title="Echo")
    title = next(b for b in demo.blocks.values() if isinstance(b, gr.Markdown))
    assert title.value == "<h1 style='text-align: center; margin-bottom: 1rem'>Echo</h1>"  # Gradio's value
    assert 'style="text-align:center' in demo.session().widget(title).value


def test_a_markdown_draws_no_label_as_gradios() -> None:
    demo = gr.Interface(lambda x: x, "text", gr.Markdown(label="Answer"))  # an output with a label
    (out,) = demo.output_components
    shown = demo.session().widget(out)
    assert "Answer" not in shown.value and "gnb-label" not in shown.value


def test_markdown_update_from_event():
    with gr.Blocks() as demo:
        md = gr.Markdown("old")
        b = gr.Button()
        b.click(lambda: "*new*", None, md)
    sess = demo.session()
    sess.click(b)
    assert sess.get(md) == "*new*"
    assert "<em>new</em>" in sess.widget(md).value
    assert "old" not in sess.widget(md).value


# -- Slider ---------------------------------------------------------------------------------
def test_slider_values():
    got = []
    with gr.Blocks() as demo:
        s_default = gr.Slider(2, 8)
        s = gr.Slider(0, 10, value=3, step=0.5)
        b = gr.Button()
        b.click(lambda a, c: got.append((a, c)), [s_default, s], None)
    sess = demo.session()
    sess.click(b)
    assert got == [(2, 3)]  # no value -> minimum
    assert type(got[0][1]) is int
    sess.set(s, 4.5)
    sess.click(b)
    assert got[-1] == (2, 4.5)
    w = sess.widget(s)
    assert (w.minimum, w.maximum, w.step, w.initial) == (0, 10, 0.5, 3)



def test_slider_refuses_a_value_that_is_not_a_number():
    """Gradio 6.31 sends a list returned to a Slider on to the page; here it is an error naming
    the Slider, and the slider keeps its value (README, "Where gradio_nb differs")."""
    with gr.Blocks() as demo:
        s = gr.Slider(1, 3, value=2)
        b = gr.Button()
        b.click(lambda: ["retail", "food"], None, s)
    sess = demo.session()
    sess.click(b)
    assert [e.message for e in sess.errors] == ["Slider: cannot show ['retail', 'food'] (list): expected a number."]
    assert sess.get(s) == 2

def test_slider_release_comes_from_the_view_with_its_value_and_reset_is_gradios_default():
    released = []
    with gr.Blocks() as demo:
        s = gr.Slider(0, 10, value=4, label="Level")
        plain = gr.Slider(0, 1, buttons=[])
        unlabelled = gr.Slider(0, 1, buttons=["reset"])
        s.release(released.append, s, None)
    sess = demo.session()
    w = sess.widget(s)
    assert (w.label, w.initial, w.reset_button) == ("Level", 4, True)  # reset shown by default, as Gradio
    assert sess.widget(plain).reset_button is False
    assert (sess.widget(unlabelled).label, sess.widget(unlabelled).reset_button) == ("Slider", True)
    w.value = 7  # dragged: no release yet
    assert released == []
    w._handle_custom_msg({"event": "release", "state": {"value": 8}}, [])  # let go at 8
    assert released == [8]
    assert sess.get(s) == 8


# -- Checkbox -------------------------------------------------------------------------------
def test_checkbox_values_and_change():
    got = []
    with gr.Blocks() as demo:
        cb = gr.Checkbox(label="Agree")
        out = gr.Textbox()
        cb.change(lambda v: f"checked={v}", cb, out)
        b = gr.Button()
        b.click(lambda v: got.append(v), cb, None)
    sess = demo.session()
    sess.click(b)
    sess.set(cb, True)
    sess.click(b)
    assert got == [False, True]
    assert sess.get(out) == "checked=True"
    assert sess.widget(cb).description == "Agree"


# -- Dropdown -------------------------------------------------------------------------------
def test_dropdown_default_is_first_choice():
    with gr.Blocks() as demo:
        dd = gr.Dropdown(["a", "b", "c"])
        empty = gr.Dropdown([])
        none = gr.Dropdown(["a", "b"], value=None)
    sess = demo.session()
    assert sess.get(dd) == "a"
    assert sess.get(empty) is None
    assert sess.get(none) is None


def test_dropdown_type_index():
    got = []
    with gr.Blocks() as demo:
        dd = gr.Dropdown(["a", "b", "c"], value="b", type="index")
        b = gr.Button()
        b.click(lambda v: got.append(v), dd, None)
    sess = demo.session()
    sess.click(b)
    sess.set(dd, "c")
    sess.click(b)
    assert got == [1, 2]


def test_dropdown_label_value_pairs():
    got = []
    with gr.Blocks() as demo:
        dd = gr.Dropdown([("One", 1), ("Two", 2)], value=2)
        b = gr.Button()
        b.click(lambda v: got.append(v), dd, None)
    sess = demo.session()
    sess.click(b)
    assert got == [2]


def test_dropdown_multiselect():
    got = []
    with gr.Blocks() as demo:
        dm = gr.Dropdown(["a", "b", "c"], multiselect=True, value=["a", "c"])
        dmi = gr.Dropdown(["a", "b", "c"], multiselect=True, value=["b", "c"], type="index")
        dme = gr.Dropdown(["a", "b"], multiselect=True)
        b = gr.Button()
        b.click(lambda *v: got.append(v), [dm, dmi, dme], None)
    sess = demo.session()
    sess.click(b)
    assert got == [(["a", "c"], [1, 2], [])]
    sess.set(dm, ["b"])
    sess.click(b)
    assert got[-1][0] == ["b"]


def test_dropdown_invalid_type():
    with pytest.raises(ValueError):
        gr.Dropdown(["a"], type="label", render=False)


def test_dropdown_choices_update_per_session():
    with gr.Blocks() as demo:
        dd = gr.Dropdown(["a", "b"])
        b = gr.Button()
        b.click(lambda: gr.update(choices=["x", "y"], value="y"), None, dd)
    s1, s2 = demo.session(), demo.session()
    s1.click(b)
    assert s1.errors == []
    assert s1.get(dd) == "y"
    assert list(s1.widget(dd).options) == [("x", "x"), ("y", "y")] or list(
        s1.widget(dd)._options_values
    ) == ["x", "y"]
    assert s2.get(dd) == "a"
    assert list(s2.widget(dd)._options_values) == ["a", "b"]


# -- Radio ----------------------------------------------------------------------------------
def test_radio_values():
    got = []
    with gr.Blocks() as demo:
        r = gr.Radio(["x", "y", "z"])
        ri = gr.Radio(["x", "y", "z"], value="z", type="index")
        b = gr.Button()
        b.click(lambda *v: got.append(v), [r, ri], None)
    sess = demo.session()
    sess.click(b)
    assert got == [(None, 2)]  # Radio's default selects nothing
    sess.set(r, "y")
    sess.click(b)
    assert got[-1] == ("y", 2)


# -- JSON -----------------------------------------------------------------------------------
def test_json_value_and_display():
    got = []
    with gr.Blocks() as demo:
        j = gr.JSON({"a": [1, 2], "b": "<x>"})
        out = gr.JSON()
        b = gr.Button()
        b.click(lambda v: (got.append(v), '{"parsed": true}')[1], j, out)
    sess = demo.session()
    sess.click(b)
    assert got == [{"a": [1, 2], "b": "<x>"}]
    assert sess.get(out) == {"parsed": True}  # a JSON string is parsed
    html = sess.widget(j).value
    assert "&lt;x&gt;" in html and "<x>" not in html
    # the function gets a copy: mutating it does not change the shown value
    got[0]["a"].append(3)
    assert sess.get(j) == {"a": [1, 2], "b": "<x>"}


# -- gr.update of properties ----------------------------------------------------------------
def test_update_label_is_per_session():
    with gr.Blocks() as demo:
        t = gr.Textbox("v", label="Old")
        b = gr.Button()
        b.click(lambda: gr.update(label="New"), None, t)
    s1, s2 = demo.session(), demo.session()
    s1.click(b)
    assert s1.errors == []
    assert s1.widget(t).label == "New"
    assert s2.widget(t).label == "Old"
    assert t.label == "Old"  # the declaration is not changed
    assert s1.get(t) == "v"  # no value in the update: value untouched
    s3 = demo.session()
    assert s3.widget(t).label == "Old"


def test_update_visible_is_per_session():
    with gr.Blocks() as demo:
        t = gr.Textbox("v")
        hide = gr.Button("hide")
        show = gr.Button("show")
        hide.click(lambda: gr.update(visible=False), None, t)
        show.click(lambda: gr.update(visible=True), None, t)
    s1, s2 = demo.session(), demo.session()
    assert s1.widget(t).layout.display != "none"
    s1.click(hide)
    assert s1.widget(t).layout.display == "none"
    assert s2.widget(t).layout.display != "none"
    assert t.visible is True
    s1.click(show)
    assert s1.widget(t).layout.display != "none"


def test_update_value_and_label_together():
    with gr.Blocks() as demo:
        n = gr.Number(1, label="N")
        b = gr.Button()
        b.click(lambda: gr.update(value=5.0, label="Five"), None, n)
    sess = demo.session()
    sess.click(b)
    assert sess.get(n) == 5 and type(sess.get(n)) is int
    assert sess.widget(n).label == "Five"


def test_update_layout_visibility():
    with gr.Blocks() as demo:
        with gr.Row() as row:
            gr.Textbox()
        b = gr.Button()
        b.click(lambda: gr.update(visible=False), None, row)
    sess = demo.session()
    sess.click(b)
    assert sess.errors == []
    assert sess.widget(row).layout.display == "none"


def test_component_returned_as_update():
    with gr.Blocks() as demo:
        t = gr.Textbox("old", label="Old")
        b = gr.Button()
        b.click(lambda: gr.Textbox(value="x", label="New"), None, t)
    s1, s2 = demo.session(), demo.session()
    s1.click(b)
    assert s1.errors == []
    assert s1.get(t) == "x"
    assert s1.widget(t).label == "New"
    assert s2.get(t) == "old"
    assert s2.widget(t).label == "Old"


def test_component_returned_as_update_keeps_unmentioned_value():
    with gr.Blocks() as demo:
        t = gr.Textbox("kept", label="Old")
        b = gr.Button()
        b.click(lambda: gr.Textbox(label="New"), None, t)
    sess = demo.session()
    sess.click(b)
    assert sess.get(t) == "kept"
    assert sess.widget(t).label == "New"


def test_callable_component_value_called_per_session():
    calls = []

    def make():
        calls.append(1)
        return f"v{len(calls)}"

    with gr.Blocks() as demo:
        t = gr.Textbox(make)
    n_decl = len(calls)
    s1, s2 = demo.session(), demo.session()
    assert len(calls) == n_decl + 2
    assert s1.get(t) != s2.get(t)


def test_an_unlabelled_component_shows_the_title_gradios_page_gives_it() -> None:
    """Gradio's page titles a block with no label by its kind ("Radio", "Color Picker"), so it
    keeps its label line (an unlabelled Radio was 28 px shorter than Gradio's)."""
    with gr.Blocks() as demo:
        radio = gr.Radio(["a", "b"])
        group = gr.CheckboxGroup(["a"])
        box = gr.Checkbox()
        colour = gr.ColorPicker()
        when = gr.DateTime()
        image = gr.Image()
        named = gr.Radio(["a"], label="Pick")
        hidden = gr.Checkbox(show_label=False)
    s = demo.session()
    shown = {c: s.widget(c).label for c in (radio, group, colour, when, image, named)}
    assert list(shown.values()) == ["Radio", "Checkbox Group", "Color Picker", "Date", "Image", "Pick"]
    assert s.widget(box).description == "Checkbox" and s.widget(hidden).description == ""
