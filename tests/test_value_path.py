"""The value path, property-tested: what function A returns to a component (as an output) is
what function B receives from it next (as an input), by Gradio's pre/postprocess rules.

Each probe app has one component, a ``give`` button whose function returns a chosen value to
it, and a ``.then`` function that takes the component as its input and records what it got.
The expected values follow GRADIO_SEMANTICS.md: Textbox ``str(value)`` (``None`` -> ``""``);
Number and Slider as JS numbers (integral floats -> int) rounded with ``round()`` to
``precision``, bounds checked on the way in; Checkbox ``bool()``; Dropdown values or indices;
JSON round-trips JSON-able data; Chatbot gives normalised message dicts (S19, S20).
"""

from __future__ import annotations

import copy
import inspect
import json
import math
from functools import cache
from typing import Any, Callable

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import gradio_nb as gr

SETTINGS = settings(max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
JS_SAFE = 2**53


class Probe:
    """One component between a function that returns to it and one that reads from it."""

    def __init__(self, make: Callable[[], gr.components.Component]) -> None:
        self.value: Any = None
        self.received: list[Any] = []
        with gr.Blocks() as self.demo:
            self.comp = make()
            self.give = gr.Button("give")
            self.give.click(self._give, None, self.comp).then(self._take, self.comp, None)
        self.sess = self.demo.session()

    def _give(self):
        return self.value

    def _take(self, received):
        self.received.append(received)

    def roundtrip(self, value: Any) -> tuple[list[Any], list[Any]]:
        """Return ``value`` from A; what B received (0 or 1 items) and the new errors."""
        errors_before, received_before = len(self.sess.errors), len(self.received)
        self.value = value
        self.sess.click(self.give)
        return self.received[received_before:], self.sess.errors[errors_before:]

    def passes(self, value: Any) -> Any:
        """Round-trip ``value``; it must go through without an error. Returns what B got."""
        received, errors = self.roundtrip(value)
        assert errors == [], f"{value!r}: {[(e.type, e.message) for e in errors]}"
        assert len(received) == 1
        got = received[0]
        assert same(self.sess.get(self.comp), got)  # the driver API reads what B read
        return got


@cache
def probe(name: str) -> Probe:
    return Probe(PROBES[name])


CHOICES = [("Apple", "a"), ("Banana", "b"), "c", 1, 2.5]
CHOICE_VALUES = ["a", "b", "c", 1, 2.5]

PROBES: dict[str, Callable[[], Any]] = {
    "textbox": lambda: gr.Textbox(),
    "number": lambda: gr.Number(),
    "number-p0": lambda: gr.Number(precision=0),
    "number-p2": lambda: gr.Number(precision=2),
    "number-bounded": lambda: gr.Number(minimum=-10, maximum=10),
    "slider": lambda: gr.Slider(-50, 50, step=0.5),
    "slider-p1": lambda: gr.Slider(0, 10, step=0.1, precision=1),
    "checkbox": lambda: gr.Checkbox(),
    "dropdown": lambda: gr.Dropdown(CHOICES),
    "dropdown-index": lambda: gr.Dropdown(CHOICES, type="index"),
    "dropdown-multi": lambda: gr.Dropdown(CHOICES, multiselect=True),
    "dropdown-multi-index": lambda: gr.Dropdown(CHOICES, multiselect=True, type="index"),
    "json": lambda: gr.JSON(),
    "chatbot": lambda: gr.Chatbot(),
}


def same(a: Any, b: Any) -> bool:
    """Equal, and of the same types all the way down (``2`` is not ``2.0``)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    return a == b


def js_number(x: Any) -> Any:
    """A number after a round trip through the browser: an integral double comes back as int."""
    if isinstance(x, float) and x.is_integer():
        return int(x)
    return x


# -- strategies ------------------------------------------------------------------------------
safe_ints = st.integers(min_value=-(JS_SAFE - 1), max_value=JS_SAFE - 1)
safe_floats = st.floats(min_value=-(JS_SAFE - 1), max_value=JS_SAFE - 1, allow_nan=False, allow_infinity=False)
numbers = safe_ints | safe_floats
texts = st.text(max_size=40)
anything_simple = st.none() | st.booleans() | st.integers() | st.floats() | texts | st.lists(st.integers(), max_size=3)
json_leaves = st.none() | st.booleans() | safe_ints | safe_floats | texts
json_values = st.recursive(
    json_leaves,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=6), children, max_size=4),
    max_leaves=25,
)
roles = st.sampled_from(["user", "assistant"])
message_content = texts | st.lists(texts, min_size=1, max_size=3)
dict_messages = st.builds(lambda role, content: {"role": role, "content": content}, roles, message_content)
chat_messages = st.builds(lambda role, content: gr.ChatMessage(content=content, role=role), roles, message_content)
histories = st.lists(dict_messages | chat_messages, max_size=6)


def normalised(message: Any) -> dict[str, Any]:
    """S20: the form a function receives a message in."""
    if isinstance(message, gr.ChatMessage):
        role, content, metadata, options = message.role, message.content, {}, []
    else:
        role, content, metadata, options = message["role"], message["content"], None, None
    items = content if isinstance(content, list) else [content]
    return {
        "role": role,
        "metadata": metadata,
        "content": [{"text": inspect.cleandoc(text), "type": "text"} for text in items],
        "options": options,
    }


# -- Textbox -----------------------------------------------------------------------------------
@SETTINGS
@given(value=anything_simple)
def test_textbox_receives_str_of_what_was_returned(value):
    got = probe("textbox").passes(value)
    assert same(got, "" if value is None else str(value))


@SETTINGS
@given(value=texts)
def test_textbox_text_is_a_fixed_point(value):
    p = probe("textbox")
    assert p.passes(value) == value
    assert p.passes(p.passes(value)) == value


# -- Number --------------------------------------------------------------------------------------
@SETTINGS
@given(value=numbers | st.none())
def test_number_without_precision_comes_back_as_a_js_number(value):
    got = probe("number").passes(value)
    assert same(got, None if value is None else js_number(value))


@SETTINGS
@given(value=numbers)
def test_number_precision_0_gives_round_as_int(value):
    got = probe("number-p0").passes(value)
    assert same(got, int(round(value)))  # banker's rounding, as Python's round (S19)


@SETTINGS
@given(value=numbers)
def test_number_precision_2_gives_round_to_2_places(value):
    got = probe("number-p2").passes(value)
    assert same(got, js_number(round(value, 2)))


@pytest.mark.parametrize(("value", "expected"), [(2.5, 2), (3.5, 4), (-2.5, -2), (0.5, 0), (1.5, 2)])
def test_number_precision_0_uses_bankers_rounding(value, expected):
    assert same(probe("number-p0").passes(value), expected)


@SETTINGS
@given(value=st.integers(-100, 100) | st.floats(-100, 100, allow_nan=False))
def test_number_bounds_are_checked_when_read(value):
    """Returning an out-of-range value is shown (postprocess checks no bounds); the function
    that reads it gets ``gr.Error: Value .. is less than minimum value -10.`` (S12, S19)."""
    received, errors = probe("number-bounded").roundtrip(value)
    shown = js_number(value)
    if -10 <= value <= 10:
        assert errors == [] and len(received) == 1 and same(received[0], shown)
    else:
        assert received == []
        assert [e.type for e in errors] == ["Error"]
        if value < -10:
            assert errors[0].message == f"Value {shown} is less than minimum value -10."
        else:
            assert errors[0].message == f"Value {shown} is greater than maximum value 10."


@SETTINGS
@given(value=st.floats(min_value=JS_SAFE, max_value=1e21, exclude_max=True) | st.floats(max_value=-JS_SAFE, min_value=-1e21, exclude_min=True))
def test_number_large_integral_doubles_come_back_as_int(value):
    """In the browser every double below 1e21 that is integral prints without an exponent
    (``JSON.stringify(2**60) == "1152921504606846976"``), so Gradio hands the function an int."""
    assume(value.is_integer())
    got = probe("number").passes(value)
    assert isinstance(got, int), f"{value!r} came back as {got!r} ({type(got).__name__})"
    assert float(got) == value


def test_number_none_is_received_as_none():
    assert probe("number").passes(None) is None


# -- Slider --------------------------------------------------------------------------------------
@SETTINGS
@given(value=st.integers(-50, 50) | st.floats(-50, 50, allow_nan=False))
def test_slider_receives_the_number_as_a_js_number(value):
    got = probe("slider").passes(value)
    assert same(got, js_number(value))


@SETTINGS
@given(value=st.integers(0, 10) | st.floats(0, 10, allow_nan=False))
def test_slider_precision_rounds(value):
    got = probe("slider-p1").passes(value)
    assert same(got, js_number(round(value, 1)))


def test_slider_none_gives_the_minimum():
    assert same(probe("slider").passes(None), -50)


# -- Checkbox ------------------------------------------------------------------------------------
@SETTINGS
@given(value=anything_simple)
def test_checkbox_receives_bool(value):
    assert same(probe("checkbox").passes(value), bool(value))


# -- Dropdown ------------------------------------------------------------------------------------
@SETTINGS
@given(value=st.sampled_from(CHOICE_VALUES) | st.none())
def test_dropdown_value(value):
    assert same(probe("dropdown").passes(value), value)


@SETTINGS
@given(value=st.sampled_from(CHOICE_VALUES) | st.none())
def test_dropdown_index(value):
    expected = None if value is None else CHOICE_VALUES.index(value)
    assert same(probe("dropdown-index").passes(value), expected)


@SETTINGS
@given(value=st.lists(st.sampled_from(CHOICE_VALUES), unique=True))
def test_dropdown_multiselect_value_keeps_order(value):
    assert same(probe("dropdown-multi").passes(value), list(value))


@SETTINGS
@given(value=st.lists(st.sampled_from(CHOICE_VALUES), unique=True))
def test_dropdown_multiselect_index(value):
    assert same(probe("dropdown-multi-index").passes(value), [CHOICE_VALUES.index(v) for v in value])


@pytest.mark.parametrize("value", ["a", "c"])
def test_dropdown_multiselect_single_value_becomes_a_list(value):
    assert same(probe("dropdown-multi").passes(value), [value])


# -- JSON ----------------------------------------------------------------------------------------
@SETTINGS
@given(value=json_values.filter(lambda v: not isinstance(v, str)))
def test_json_round_trips_json_data(value):
    p = probe("json")
    got = p.passes(value)
    assert got == json.loads(json.dumps(value))
    # the function got its own copy: mutating it changes nothing the next reader sees
    if isinstance(got, (list, dict)):
        got.clear()
        assert p.sess.get(p.comp) == json.loads(json.dumps(value))


@SETTINGS
@given(value=json_values)
def test_json_string_is_parsed(value):
    text = json.dumps(value)
    assert probe("json").passes(text) == value


@SETTINGS
@given(value=st.tuples(safe_ints, texts))
def test_json_tuple_becomes_a_list(value):
    assert same(probe("json").passes(value), list(value))


@pytest.mark.parametrize("value", ["not json {", "{'single': 'quotes'}", ""])
def test_json_invalid_string_is_an_error(value):
    received, errors = probe("json").roundtrip(value)
    assert received == []
    assert len(errors) == 1 and "JSON" in errors[0].message


# -- Chatbot -------------------------------------------------------------------------------------
@SETTINGS
@given(history=histories)
def test_chatbot_gives_normalised_messages(history):
    p = probe("chatbot")
    got = p.passes(history)
    assert same(got, [normalised(m) for m in history])


@SETTINGS
@given(history=histories)
def test_chatbot_normalised_history_is_a_fixed_point(history):
    p = probe("chatbot")
    first = p.passes(history)
    again = p.passes(copy.deepcopy(first))  # a function returning what it got changes nothing
    assert same(again, first)
    extended = p.passes(first + [{"role": "user", "content": "more"}])  # the seed's append
    assert same(extended, first + [normalised({"role": "user", "content": "more"})])


@SETTINGS
@given(history=histories)
def test_chatbot_function_gets_its_own_copy(history):
    p = probe("chatbot")
    got = p.passes(history)
    got.append({"role": "user", "content": "sneaky"})
    for message in got[:-1]:
        message["content"].clear()
    assert same(p.sess.get(p.comp), [normalised(m) for m in history])


def test_chatbot_none_is_an_empty_history():
    assert probe("chatbot").passes(None) == []


# -- every component: returning what was received is a fixed point --------------------------------
FIXED_POINT_VALUES = {
    "textbox": texts,
    "number": numbers,
    "number-p0": numbers,
    "number-p2": numbers,
    "slider": st.floats(-50, 50, allow_nan=False),
    "slider-p1": st.floats(0, 10, allow_nan=False),
    "checkbox": st.booleans(),
    "dropdown": st.sampled_from(CHOICE_VALUES),
    "dropdown-multi": st.lists(st.sampled_from(CHOICE_VALUES), unique=True),
    "json": json_values.filter(lambda v: not isinstance(v, str)),
    "chatbot": histories,
}


@pytest.mark.parametrize("name", list(FIXED_POINT_VALUES))
def test_received_value_returned_again_is_received_unchanged(name):
    @SETTINGS
    @given(value=FIXED_POINT_VALUES[name])
    def check(value):
        p = probe(name)
        first = p.passes(value)
        assert same(p.passes(copy.deepcopy(first)), first)

    check()
