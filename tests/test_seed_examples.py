"""Every seed example of the guide, driven headlessly as a person would use it in Gradio."""

from __future__ import annotations

import time

import pytest
from conftest import SEED_NAMES, messages

import gradio_nb as gr


@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_example_loads_and_opens_a_clean_session(seed, name, no_sleep):
    ns = seed(name)
    demo = ns["demo"]
    assert isinstance(demo, gr.Blocks)
    sess = demo.session()
    assert isinstance(sess, gr.Session)
    assert sess.errors == []
    assert sess.view is not None and sess.view.comm is not None


def _buttons(demo):
    return {b.value: b for b in demo.blocks.values() if isinstance(b, gr.Button)}


# -- 01 counter -----------------------------------------------------------------------------
def test_01_counter_three_clicks(seed):
    ns = seed("01_counter")
    sess = ns["demo"].session()
    assert sess.get(ns["state"]) == 0
    assert sess.get(ns["output"]) == ""  # S18: an empty Textbox holds ""
    for expected in (1, 2, 3):
        sess.click(ns["button"])
        assert sess.get(ns["state"]) == expected
        assert sess.get(ns["output"]) == f"Count: {expected}"
    assert sess.errors == []


# -- 02 chat history ------------------------------------------------------------------------
BOT_REPLIES = {"How are you?", "Nice day!", "Interesting!"}


def test_02_chat_submit_clears_textbox_and_appends_two_messages(seed, no_sleep):
    ns = seed("02_chat_history")
    sess = ns["demo"].session()
    msg, chatbot = ns["msg"], ns["chatbot"]
    assert sess.get(chatbot) == []
    sess.set(msg, "Hello")
    sess.submit(msg)
    assert sess.errors == []
    assert sess.get(msg) == ""
    history = sess.get(chatbot)
    assert len(history) == 2
    assert history[0] == messages(("user", "Hello"))[0]
    assert history[1]["role"] == "assistant"
    assert set(history[1]) == {"role", "metadata", "content", "options"}
    assert history[1]["metadata"] is None and history[1]["options"] is None
    assert len(history[1]["content"]) == 1
    assert history[1]["content"][0]["type"] == "text"
    assert history[1]["content"][0]["text"] in BOT_REPLIES
    assert no_sleep == [1]  # the example's time.sleep(1) ran (patched)


def test_02_chat_function_receives_normalised_history(seed, no_sleep):
    ns = seed("02_chat_history")
    seen = []
    original = ns["respond"]

    def spy(message, chat_history):
        seen.append([dict(m) for m in chat_history])
        return original(message, chat_history)

    # rewire the listener's fn to the spy (same dependency, same inputs/outputs)
    dep = next(d for d in ns["demo"].dependencies if d.fn is original)
    dep.fn = spy
    sess = ns["demo"].session()
    sess.set(ns["msg"], "one")
    sess.submit(ns["msg"])
    sess.set(ns["msg"], "two")
    sess.submit(ns["msg"])
    assert seen[0] == []
    assert len(seen[1]) == 2
    assert seen[1][0] == messages(("user", "one"))[0]
    assert isinstance(seen[1][1]["content"], list)  # S20: not the plain string appended earlier
    history = sess.get(ns["chatbot"])
    assert [m["role"] for m in history] == ["user", "assistant", "user", "assistant"]
    assert history[2]["content"] == [{"text": "two", "type": "text"}]


def test_02_chat_clear_button_empties_chat_and_textbox(seed, no_sleep):
    ns = seed("02_chat_history")
    sess = ns["demo"].session()
    sess.set(ns["msg"], "Hi")
    sess.submit(ns["msg"])
    sess.set(ns["msg"], "draft")
    assert len(sess.get(ns["chatbot"])) == 2
    sess.click(ns["clear"])
    assert sess.errors == []
    assert sess.get(ns["chatbot"]) == []
    assert sess.get(ns["msg"]) == ""
    assert sess.widget(ns["chatbot"]).messages == []


def test_02_chat_widget_renders_messages(seed, no_sleep):
    ns = seed("02_chat_history")
    sess = ns["demo"].session()
    sess.set(ns["msg"], "**bold**")
    sess.submit(ns["msg"])
    rendered = sess.widget(ns["chatbot"]).messages
    assert [m["role"] for m in rendered] == ["user", "assistant"]
    assert "<strong>bold</strong>" in rendered[0]["html"]


# -- 03 multi-step --------------------------------------------------------------------------
def test_03_multi_step_age_first_stores_zero(seed):
    ns = seed("03_multi_step")
    sess = ns["demo"].session()
    buttons = _buttons(ns["demo"])
    sess.click(buttons["Submit Age"])
    assert sess.errors == []
    assert sess.get(ns["state"]) == {"age": 0}  # S18: an empty Number holds 0
    assert sess.get(ns["output"]) == "Thanks! You are 0 years old."


def test_03_multi_step_name_then_age(seed):
    ns = seed("03_multi_step")
    sess = ns["demo"].session()
    buttons = _buttons(ns["demo"])
    sess.set(ns["name_input"], "Ada")
    sess.click(buttons["Submit Name"])
    assert sess.get(ns["output"]) == "Hello Ada! Now enter your age."
    assert sess.get(ns["state"]) == {"name": "Ada"}
    sess.set(ns["age_input"], 36)
    sess.click(buttons["Submit Age"])
    assert sess.get(ns["output"]) == "Thanks! You are 36 years old."  # S19: 36, not 36.0
    state = sess.get(ns["state"])
    assert state == {"name": "Ada", "age": 36}
    assert type(state["age"]) is int
    assert sess.errors == []


def test_03_multi_step_age_then_name_greets(seed):
    ns = seed("03_multi_step")
    sess = ns["demo"].session()
    buttons = _buttons(ns["demo"])
    sess.click(buttons["Submit Age"])
    sess.set(ns["name_input"], "Bo")
    sess.click(buttons["Submit Name"])
    assert sess.get(ns["output"]) == "Hello Bo! Now enter your age."
    assert sess.get(ns["state"]) == {"age": 0, "name": "Bo"}


# -- 04 click counter -----------------------------------------------------------------------
def test_04_click_counter_history_lines(seed):
    ns = seed("04_click_counter")
    sess = ns["demo"].session()
    button = _buttons(ns["demo"])["Click Me!"]
    for _ in range(3):
        sess.click(button)
    assert sess.get(ns["click_count"]) == 3
    assert sess.get(ns["click_history"]) == ["Click #1", "Click #2", "Click #3"]
    assert sess.get(ns["output"]) == "Click #1\nClick #2\nClick #3"
    assert ns["click_history"].value == []  # the declared default is never mutated (S2)


# -- 05 Interface with "state" --------------------------------------------------------------
def _interface_parts(demo):
    text_in = demo.input_components[0]
    state = demo.input_components[1]
    text_out = demo.output_components[0]
    submit = _buttons(demo)["Submit"]
    return text_in, state, text_out, submit


def test_05_interface_state_accumulates_lines(seed):
    ns = seed("05_interface_state")
    demo = ns["demo"]
    assert isinstance(demo, gr.Interface)
    text_in, state, text_out, submit = _interface_parts(demo)
    assert isinstance(state, gr.State)
    assert demo.output_components[1] is state  # one State serves both ends (S23)
    sess = demo.session()
    assert sess.get(state) is None  # S23: starts at None
    for word in ("alpha", "beta", "gamma"):
        sess.set(text_in, word)
        sess.click(submit)
    assert sess.errors == []
    assert sess.get(text_out) == "alpha\nbeta\ngamma"
    assert sess.get(state) == ["alpha", "beta", "gamma"]


def test_05_interface_enter_in_input_submits(seed):
    ns = seed("05_interface_state")
    text_in, state, text_out, _submit = _interface_parts(ns["demo"])
    sess = ns["demo"].session()
    sess.set(text_in, "x")
    sess.submit(text_in)
    sess.submit(text_in)
    assert sess.get(text_out) == "x\nx"
    assert sess.get(state) == ["x", "x"]


def test_05_interface_clear_resets_state_to_none(seed):
    ns = seed("05_interface_state")
    demo = ns["demo"]
    text_in, state, text_out, submit = _interface_parts(demo)
    clear = _buttons(demo)["Clear"]
    sess = demo.session()
    sess.set(text_in, "a")
    sess.click(submit)
    sess.click(clear)
    assert sess.errors == []
    assert sess.get(text_in) == ""
    assert sess.get(text_out) == ""
    assert sess.get(state) is None


# -- 06 complex (dataclass) state -----------------------------------------------------------
def test_06_complex_state_add_messages_without_init(seed):
    ns = seed("06_complex_state")
    sess = ns["demo"].session()
    buttons = _buttons(ns["demo"])
    sess.set(ns["msg_input"], "first")
    sess.click(buttons["Add Message"])
    sess.set(ns["msg_input"], "second")
    sess.click(buttons["Add Message"])
    assert sess.errors == []
    assert sess.get(ns["status"]) == "Total messages: 2"
    value = sess.get(ns["session"])
    assert isinstance(value, ns["UserSession"])
    assert value.messages == ["first", "second"]
    # the module-level default object is untouched (S1/S2)
    assert ns["session"].value.messages == []


def test_06_complex_state_initialize_resets(seed):
    ns = seed("06_complex_state")
    sess = ns["demo"].session()
    buttons = _buttons(ns["demo"])
    sess.set(ns["msg_input"], "m")
    sess.click(buttons["Add Message"])
    before = sess.get(ns["session"])
    sess.click(buttons["Initialize Session"])
    assert sess.get(ns["status"]) == "Session initialized"
    after = sess.get(ns["session"])
    assert after.messages == [] and after is not before
    sess.click(buttons["Add Message"])
    assert sess.get(ns["status"]) == "Total messages: 1"


def test_06_complex_state_sessions_have_distinct_objects(seed):
    ns = seed("06_complex_state")
    s1, s2 = ns["demo"].session(), ns["demo"].session()
    buttons = _buttons(ns["demo"])
    s1.set(ns["msg_input"], "only in s1")
    s1.click(buttons["Add Message"])
    assert s1.get(ns["session"]) is not s2.get(ns["session"])
    assert s2.get(ns["session"]).messages == []
    assert s1.get(ns["session"]).messages == ["only in s1"]


# -- 07 hidden counter ----------------------------------------------------------------------
def test_07_hidden_counter_number_shows_1_2_3(seed):
    ns = seed("07_hidden_counter")
    sess = ns["demo"].session()
    assert sess.get(ns["display"]) == 0  # S18
    shown = []
    for _ in range(3):
        sess.click(ns["btn"])
        shown.append(sess.get(ns["display"]))
    assert shown == [1, 2, 3]
    assert all(type(v) is int for v in shown)
    assert sess.get(ns["counter"]) == 3
    assert sess.errors == []


# -- 08 visible history ---------------------------------------------------------------------
def test_08_visible_history_appends_entries(seed):
    ns = seed("08_visible_history")
    sess = ns["demo"].session()
    sess.set(ns["new_entry"], "a")
    sess.click(ns["btn"])
    assert sess.get(ns["history"]) == "\na"
    sess.set(ns["new_entry"], "b")
    sess.click(ns["btn"])
    assert sess.get(ns["history"]) == "\na\nb"
    # the history is a visible, editable component: a user edit is the next fn's input
    sess.set(ns["history"], "edited")
    sess.set(ns["new_entry"], "c")
    sess.click(ns["btn"])
    assert sess.get(ns["history"]) == "edited\nc"


# -- 09 default values ----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("var", "expected"),
    [
        ("counter", 0),
        ("text_state", ""),
        ("list_state", []),
        ("dict_state", {}),
        ("custom_state", {"user": "Alice", "score": 100}),
    ],
)
def test_09_default_values_equal_per_session(seed, var, expected):
    ns = seed("09_default_values")
    s1, s2 = ns["demo"].session(), ns["demo"].session()
    assert s1.get(ns[var]) == expected
    assert s2.get(ns[var]) == expected


@pytest.mark.parametrize("var", ["list_state", "dict_state", "custom_state"])
def test_09_default_values_are_copies(seed, var):
    ns = seed("09_default_values")
    s1, s2 = ns["demo"].session(), ns["demo"].session()
    v1, v2 = s1.get(ns[var]), s2.get(ns[var])
    assert v1 is not v2
    assert v1 is not ns[var].value
    assert v2 is not ns[var].value
    # mutating one session's value changes neither the other's nor the default
    if isinstance(v1, list):
        v1.append("x")
    else:
        v1["x"] = 1
    assert s2.get(ns[var]) != v1
    assert ns[var].value != v1
    assert s1.get(ns[var]) is v1  # no copy per read


# -- 10 dynamic init ------------------------------------------------------------------------
def test_10_dynamic_init_runs_load_per_session(seed):
    ns = seed("10_dynamic_init")
    before = time.time()
    s1 = ns["demo"].session()
    s2 = ns["demo"].session()
    after = time.time()
    for sess in (s1, s2):
        value = sess.get(ns["session"])
        assert isinstance(value, dict)
        assert set(value) == {"started_at", "actions"}
        assert before <= value["started_at"] <= after
        assert value["actions"] == []
        assert sess.get(ns["status"]) == "Session started"
        assert sess.errors == []
    assert s1.get(ns["session"]) is not s2.get(ns["session"])
    assert ns["session"].value is None  # the declared default stays None


# -- 11 reset -------------------------------------------------------------------------------
def test_11_reset(seed):
    ns = seed("11_reset")
    sess = ns["demo"].session()
    sess.click(ns["increment_btn"])
    sess.click(ns["increment_btn"])
    assert sess.get(ns["counter"]) == 2
    assert sess.get(ns["messages"]) == "Count: 2"
    assert sess.get(ns["status"]) == ""
    sess.click(ns["reset_btn"])
    assert sess.get(ns["counter"]) == 0
    assert sess.get(ns["messages"]) == ""
    assert sess.get(ns["status"]) == "State cleared"
    sess.click(ns["increment_btn"])
    assert sess.get(ns["messages"]) == "Count: 1"
    assert sess.get(ns["status"]) == ""


# -- 12 clear button ------------------------------------------------------------------------
def test_12_clear_button_resets_state_and_textbox(seed):
    ns = seed("12_clear_button")
    sess = ns["demo"].session()
    sess.get(ns["state"]).append("item")  # in-place, as a fn would
    sess.set(ns["textbox"], "some text")
    assert sess.get(ns["state"]) == ["item"]
    sess.click(ns["clear_btn"])
    assert sess.errors == []
    assert sess.get(ns["state"]) == []
    assert sess.get(ns["textbox"]) == ""
    assert ns["state"].value == []  # the default is not the object that was mutated


def test_12_clear_button_twice_gives_fresh_lists(seed):
    ns = seed("12_clear_button")
    sess = ns["demo"].session()
    sess.click(ns["clear_btn"])
    first = sess.get(ns["state"])
    first.append(1)
    sess.click(ns["clear_btn"])
    assert sess.get(ns["state"]) == []
    assert sess.get(ns["state"]) is not first


# -- 13 session isolation -------------------------------------------------------------------
def test_13_session_isolation(seed):
    ns = seed("13_session_isolation")
    a, b = ns["demo"].session(), ns["demo"].session()
    for _ in range(3):
        a.click(ns["btn"])
    b.click(ns["btn"])
    assert a.get(ns["counter"]) == 3 and a.get(ns["output"]) == 3
    assert b.get(ns["counter"]) == 1 and b.get(ns["output"]) == 1
    assert ns["counter"].value == 0


# -- 14 memory ------------------------------------------------------------------------------
def test_14_memory_sessions_hold_distinct_large_lists(seed):
    ns = seed("14_memory")
    state = ns["large_data"]
    a, b = ns["demo"].session(), ns["demo"].session()
    va, vb = a.get(state), b.get(state)
    assert va is not vb
    assert va is not state.value and vb is not state.value
    assert len(va) == len(vb) == 1_000_000
    va[0] = 42
    va.append(7)
    assert vb[0] == 0 and len(vb) == 1_000_000
    assert state.value[0] == 0 and len(state.value) == 1_000_000


# -- 15 conditional -------------------------------------------------------------------------
def test_15_conditional(seed):
    ns = seed("15_conditional")
    sess = ns["demo"].session()
    assert sess.get(ns["threshold"]) == 10
    sess.set(ns["value_input"], 5)
    sess.click(ns["btn"])
    assert sess.get(ns["status"]) == "Value 5 too low"
    assert sess.get(ns["state"]) == []
    sess.set(ns["value_input"], 15)
    sess.click(ns["btn"])
    assert sess.get(ns["status"]) == "Added 15 to state"
    assert sess.get(ns["state"]) == [15]
    assert type(sess.get(ns["state"])[0]) is int
    sess.set(ns["threshold"], 20)
    sess.click(ns["btn"])
    assert sess.get(ns["status"]) == "Value 15 too low"
    assert sess.get(ns["state"]) == [15]
    assert sess.errors == []


# -- 16 chain -------------------------------------------------------------------------------
def test_16_chain(seed):
    ns = seed("16_chain")
    sess = ns["demo"].session()
    sess.set(ns["inp"], "hello")
    sess.click(ns["btn"])
    assert sess.errors == []
    assert sess.get(ns["mid"]) == "HELLO"
    assert sess.get(ns["out"]) == "HELLO!!!"
    assert sess.get(ns["state"]) == {"step1_result": "HELLO", "step2_result": "HELLO!!!"}
