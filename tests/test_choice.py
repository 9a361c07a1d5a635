"""Choice components: CheckboxGroup, Dropdown (multiselect, custom values, max_choices) and
Radio — what functions receive, what the view holds, the events the view reports."""

from __future__ import annotations

import warnings

import pytest

import real_gradio

import gradio_nb as gr
from gradio_nb.components.inputs import CheckboxGroup, Checkbox, ChoiceWidget, Dropdown, Radio, Slider
from gradio_nb.event_data import KeyUpData, SelectData


def received(make, value=None, *, set_value=True):
    """What a function receives from the component ``make()`` after ``sess.set(value)``."""
    got = []
    with gr.Blocks() as demo:
        comp = make()
        b = gr.Button()
        b.click(lambda v: got.append(v), comp, None)
    sess = demo.session()
    if set_value:
        sess.set(comp, value)
    sess.click(b)
    return got, sess, comp


def view_message(sess, comp, event, data=None):
    """What the page sends when the user does ``event`` in ``comp``'s view."""
    content = {"event": event} if data is None else {"event": event, "data": data}
    sess.widget(comp)._handle_custom_msg(content, [])


# -- CheckboxGroup -------------------------------------------------------------------------------
def test_checkboxgroup_values_and_indices():
    got = []
    with gr.Blocks() as demo:
        by_value = CheckboxGroup(["a", "b", "c"], value=["c"])
        by_index = CheckboxGroup(["a", "b", "c"], value=["c", "a"], type="index")
        empty = CheckboxGroup(["a", "b"])
        b = gr.Button()
        b.click(lambda *v: got.append(v), [by_value, by_index, empty], None)
    sess = demo.session()
    sess.click(b)
    assert got == [(["c"], [2, 0], [])]
    sess.set(by_value, ["b", "a"])  # order kept: the order the boxes were ticked
    sess.click(b)
    assert got[-1][0] == ["b", "a"]


def test_checkboxgroup_label_value_pairs():
    got, sess, comp = received(lambda: CheckboxGroup([("One", 1), ("Two", 2), ("Three", 3)], type="value"), [3, 1])
    assert got == [[3, 1]]
    widget = sess.widget(comp)
    assert isinstance(widget, ChoiceWidget) and widget.kind == "checkboxgroup"
    assert widget.options == [("One", 1), ("Two", 2), ("Three", 3)]
    assert widget.value == [3, 1]


@pytest.mark.parametrize(("value", "expected"), [(None, []), ("a", ["a"]), (["a", "b"], ["a", "b"])])
def test_checkboxgroup_postprocess(value, expected):
    got, _, _ = received(lambda: CheckboxGroup(["a", "b"]), value)
    assert got == [expected]


def test_checkboxgroup_value_outside_choices_is_an_error():
    got, sess, _ = received(lambda: CheckboxGroup(["a", "b"]), ["a", "z"])
    assert got == []
    assert [e.message for e in sess.errors] == [
        "Value: 'z' (type: <class 'str'>) is not in the list of choices: ['a', 'b']"
    ]


def test_checkboxgroup_invalid_type():
    with pytest.raises(ValueError, match="Invalid value for parameter `type`: label"):
        CheckboxGroup(["a"], type="label", render=False)


def test_checkboxgroup_select_from_the_view_after_the_value():
    """The page ticks a box: the value changes first, then select reports index, value, selected."""
    seen = []
    with gr.Blocks() as demo:
        cbg = CheckboxGroup([("Apple", "a"), ("Banana", "b")], label="Fruit")

        def on_select(value, evt: SelectData):
            seen.append((value, evt.index, evt.value, evt.selected))

        cbg.select(on_select, cbg, None)
    sess = demo.session()
    widget = sess.widget(cbg)
    widget.value = ["b"]  # as the page sets it
    view_message(sess, cbg, "select", {"index": 1, "value": "b", "selected": True})
    widget.value = []
    view_message(sess, cbg, "select", {"index": 1, "value": "b", "selected": False})
    assert seen == [(["b"], 1, "b", True), ([], 1, "b", False)]


def test_checkboxgroup_change_and_input_from_the_page():
    calls = []
    with gr.Blocks() as demo:
        cbg = CheckboxGroup(["a", "b"])
        out = gr.Textbox()
        cbg.input(lambda v: calls.append(("input", v)), cbg, None)
        cbg.change(lambda v: ",".join(v), cbg, out)
    sess = demo.session()
    sess.widget(cbg).value = ["a", "b"]
    assert calls == [("input", ["a", "b"])]
    assert sess.get(out) == "a,b"


def test_checkboxgroup_function_gets_its_own_list():
    got, sess, comp = received(lambda: CheckboxGroup(["a", "b"]), ["a"])
    got[0].append("b")
    assert sess.get(comp) == ["a"]


def test_checkboxgroup_update_choices_and_props():
    with gr.Blocks() as demo:
        cbg = CheckboxGroup(["a", "b"], value=["a"])
        b = gr.Button()
        b.click(
            lambda: gr.update(choices=[("X", "x"), ("Y", "y")], value=["y"], label="New", show_select_all=True),
            None,
            cbg,
        )
    s1, s2 = demo.session(), demo.session()
    s1.click(b)
    assert s1.errors == []
    w = s1.widget(cbg)
    assert (w.options, w.value, w.label, w.show_select_all) == ([("X", "x"), ("Y", "y")], ["y"], "New", True)
    assert s1.get(cbg) == ["y"]
    assert s2.widget(cbg).options == [("a", "a"), ("b", "b")]


# -- Dropdown ------------------------------------------------------------------------------------
def test_dropdown_multiselect_none_stays_none_as_in_gradio():
    got, _, _ = received(lambda: Dropdown(["a", "b"], multiselect=True), None)
    assert got == [None]


def test_dropdown_multiselect_index_and_pairs():
    got, _, _ = received(lambda: Dropdown([("A", "a"), ("B", "b"), ("C", "c")], multiselect=True, type="index"), ["c", "a"])
    assert got == [[2, 0]]


def test_dropdown_custom_value_allowed():
    got, sess, comp = received(lambda: Dropdown(["a", "b"], allow_custom_value=True), "typed")
    assert got == ["typed"]
    assert sess.widget(comp).allow_custom_value is True


def test_dropdown_custom_value_index_is_none():
    got, _, _ = received(lambda: Dropdown(["a", "b"], allow_custom_value=True, type="index"), "typed")
    assert got == [None]
    got, _, _ = received(
        lambda: Dropdown(["a", "b"], allow_custom_value=True, multiselect=True, type="index"), ["b", "new"]
    )
    assert got == [[1, None]]


def test_dropdown_custom_value_refused_without_allow_custom_value():
    with pytest.warns(UserWarning, match="not in the list of choices"):
        got, sess, _ = received(lambda: Dropdown(["a", "b"]), "typed")
    assert got == []
    assert [e.message for e in sess.errors] == ["Value: typed is not in the list of choices: ['a', 'b']"]
    with pytest.warns(UserWarning):
        got, sess, _ = received(lambda: Dropdown(["a", "b"], multiselect=True), ["a", "z"])
    assert [e.message for e in sess.errors] == [
        "Value: 'z' (type: <class 'str'>) is not in the list of choices: ['a', 'b']"
    ]


def test_dropdown_max_choices_reaches_the_view_not_the_function():
    """As Gradio: the page stops the user at max_choices; preprocess does not check it."""
    got, sess, comp = received(lambda: Dropdown(["a", "b", "c"], multiselect=True, max_choices=2), ["a", "b", "c"])
    assert got == [["a", "b", "c"]]
    assert sess.widget(comp).max_choices == 2
    assert sess.widget(comp).kind == "multiselect"


def test_dropdown_constructor_warnings():
    with pytest.warns(UserWarning, match="`max_choices` parameter is ignored"):
        Dropdown(["a"], max_choices=2, render=False)
    with pytest.warns(UserWarning, match="cannot be set to False"):
        dd = Dropdown(["a"], filterable=False, allow_custom_value=True, render=False)
    assert dd.filterable is True
    with pytest.raises(ValueError, match="num_choices_shown"):
        Dropdown(["a"], num_choices_shown=0, render=False)


def test_dropdown_multiselect_string_value_becomes_list():
    got, _, _ = received(lambda: Dropdown(["ab", "b"], multiselect=True, value="ab"), set_value=False)
    assert got == [["ab"]]


def test_dropdown_select_and_key_up_data():
    seen = []
    with gr.Blocks() as demo:
        dd = Dropdown(["abc", "def"], allow_custom_value=True)

        def on_select(value, evt: SelectData):
            seen.append(("select", value, evt.index, evt.value, evt.selected))

        def on_key(value, evt: KeyUpData):
            seen.append(("key_up", value, evt.key, evt.input_value))

        dd.select(on_select, dd, None)
        dd.key_up(on_key, dd, None)
        dd.focus(lambda: seen.append("focus"), None, None)
        dd.blur(lambda: seen.append("blur"), None, None)
    sess = demo.session()
    view_message(sess, dd, "focus")
    view_message(sess, dd, "key_up", {"key": "d", "input_value": "d"})
    sess.widget(dd).value = "def"
    view_message(sess, dd, "select", {"index": 1, "value": "def", "selected": True})
    view_message(sess, dd, "blur")
    assert seen == [
        "focus",
        ("key_up", "abc", "d", "d"),
        ("select", "def", 1, "def", True),
        "blur",
    ]
    # headless, as the page would send it
    sess.trigger(dd, "key_up", {"key": "x", "input_value": "defx"})
    assert seen[-1] == ("key_up", "def", "x", "defx")


def test_dropdown_update_multiselect_changes_the_view_kind():
    with gr.Blocks() as demo:
        dd = Dropdown(["a", "b"])
        b = gr.Button()
        b.click(lambda: gr.update(multiselect=True, value=["a", "b"], max_choices=3), None, dd)
    sess = demo.session()
    assert sess.widget(dd).kind == "dropdown"
    sess.click(b)
    assert sess.errors == []
    assert sess.widget(dd).kind == "multiselect"
    assert sess.widget(dd).max_choices == 3
    assert sess.get(dd) == ["a", "b"]


def test_dropdown_update_bad_type_is_an_error():
    with gr.Blocks() as demo:
        dd = Dropdown(["a", "b"])
        b = gr.Button()
        b.click(lambda: gr.update(type="label"), None, dd)
    sess = demo.session()
    sess.click(b)
    assert len(sess.errors) == 1 and "Invalid value for parameter `type`" in sess.errors[0].message


# -- Radio ---------------------------------------------------------------------------------------
def test_radio_pairs_index_and_select():
    seen = []
    with gr.Blocks() as demo:
        r = Radio([("Small", "s"), ("Large", "l")], type="index")

        def on_select(value, evt: SelectData):
            seen.append((value, evt.index, evt.value, evt.selected))

        r.select(on_select, r, None)
    sess = demo.session()
    assert sess.get(r) is None
    sess.widget(r).value = "l"
    view_message(sess, r, "select", {"value": "l", "index": 1})  # Radio's page sends no "selected"
    assert seen == [(1, 1, "l", True)]
    assert sess.widget(r).kind == "radio"


def test_radio_value_outside_choices_is_an_error():
    with pytest.warns(UserWarning):
        got, sess, _ = received(lambda: Radio(["a", "b"]), "z")
    assert got == []
    assert [e.message for e in sess.errors] == [
        "Value: 'z' (type: <class 'str'>) is not in the list of choices: ['a', 'b']"
    ]


# -- UPDATABLE ------------------------------------------------------------------------------------
@pytest.mark.parametrize("cls", [Slider, Checkbox, Dropdown, Radio, CheckboxGroup])
def test_updatable_is_every_gradio_constructor_argument(cls):
    """Every argument Gradio's constructor takes, but render/key/every/inputs (and value,
    visible, which every component takes), may be changed by gr.update."""
    import inspect

    gradio = real_gradio.require()
    names = set(inspect.signature(getattr(gradio, cls.__name__).__init__).parameters) - {
        "self", "render", "key", "every", "inputs", "value", "visible",
    }
    assert names <= set(cls.UPDATABLE), sorted(names - set(cls.UPDATABLE))
    assert set(cls.UPDATABLE) <= names, sorted(set(cls.UPDATABLE) - names)


def test_update_unknown_prop_is_refused():
    with gr.Blocks() as demo:
        cbg = CheckboxGroup(["a"])
        b = gr.Button()
        b.click(lambda: gr.update(multiselect=True), None, cbg)
    sess = demo.session()
    sess.click(b)
    assert "cannot update multiselect" in sess.errors[0].message


def test_choice_labels_are_strings_in_the_view_values_keep_their_type():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with gr.Blocks() as demo:
            dd = Dropdown([1, 2.5, ("Three", 3)], value=2.5)
    sess = demo.session()
    w = sess.widget(dd)
    assert w.options == [("1", 1), ("2.5", 2.5), ("Three", 3)]
    assert w._options_values == [1, 2.5, 3]
    assert w._options_labels == ["1", "2.5", "Three"]
    assert sess.get(dd) == 2.5


def test_an_event_carries_the_value_its_update_may_be_held_back_behind():
    """The front end may hold a value update back behind an unanswered one, never a custom
    message: a select (or submit) carries the value it follows, and it counts first (change
    fires once, before select; the held-back update then changes nothing)."""
    log = []
    with gr.Blocks() as demo:
        size = gr.Radio([("Small", "s"), ("Large", "l")], label="Size")
        box = gr.Textbox()
        size.change(lambda v: log.append(("change", v)), size, None)
        def on_select(value, evt: SelectData):
            log.append(("select", value, evt.value))

        size.select(on_select, size, None)
        box.submit(lambda t: log.append(("submit", t)), box, None)
    sess = demo.session()
    widget = sess.widget(size)
    widget._handle_custom_msg({"event": "select", "data": {"index": 1, "value": "l"}, "state": {"value": "l"}}, [])
    widget.set_state({"value": "l"})  # the held-back update arrives: nothing new
    assert log == [("change", "l"), ("select", "l", "l")]
    sess.widget(box)._handle_custom_msg({"event": "submit", "state": {"value": "typed fast"}}, [])
    assert log[-1] == ("submit", "typed fast")
    sess.close()
