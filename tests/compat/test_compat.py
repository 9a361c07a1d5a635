"""Compat suite: the same scripted interactions against real Gradio and against gradio_nb.

Every scenario is a function ``scenario(gr, driver) -> {name: observation}``: it builds its app
with ``gr`` (``gradio`` or ``gradio_nb``), opens sessions with ``driver`` (see ``drivers.py``),
acts as a user would and records what a user or a function would see. The test runs it twice,
asserts that a few observations of real Gradio are what GRADIO_SEMANTICS.md says (so that two
equally wrong results cannot pass), then that gradio_nb's observations equal Gradio's, value
for value and type for type (``2`` is not ``2.0``, a tuple is not a list).

Needs the ``compat`` extra (real Gradio 6.31.0); without it the module is skipped so that the
unit suite still runs.
"""

from __future__ import annotations

import copy
import dataclasses
import itertools
import os
import random
import threading
import warnings
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Callable, List

import pytest

import real_gradio

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
gradio = real_gradio.require()

from harness import Scenarios, compare, snap  # noqa: E402

SCENARIOS = Scenarios()
scenario = SCENARIOS.scenario


def raised(call: Callable[[], Any]) -> tuple[str, str] | None:
    """``(exception type, message)`` raised by ``call()``, or None."""
    try:
        call()
    except Exception as err:  # noqa: BLE001
        return type(err).__name__, str(err)
    return None


def msg(role: str, text: str) -> dict[str, Any]:
    """A chat message as a Gradio 6 function receives it (S20)."""
    return {"role": role, "metadata": None, "content": [{"text": text, "type": "text"}], "options": None}


def interface_parts(demo: Any) -> tuple[list, list, Any, Any]:
    """An Interface's input and output components, its Submit and its Clear button."""
    buttons = [b for b in demo.blocks.values() if type(b).__name__ in ("Button", "ClearButton")]
    submit = next(b for b in buttons if type(b).__name__ == "Button" and b.value == "Submit")
    clear = next(b for b in buttons if type(b).__name__ == "ClearButton")
    return list(demo.input_components), list(demo.output_components), submit, clear


# =============================================================================================
# The 16 seed examples: the files in examples/seed/ themselves, driven as a user would
# =============================================================================================

SEED = Path(__file__).resolve().parents[2] / "examples" / "seed"


def seed_app(gr: Any, stem: str) -> SimpleNamespace:
    """Run ``examples/seed/<stem>.py`` as it is, with ``gr`` as its Gradio, without its
    ``demo.launch()``; return its globals."""
    path = SEED / f"{stem}.py"
    source = path.read_text().replace("import gradio as gr\n", "").replace("demo.launch()", "")
    namespace: dict[str, Any] = {"gr": gr, "__name__": f"seed_{stem}"}
    exec(compile(source, str(path), "exec"), namespace)  # noqa: S102 - the project's own examples
    return SimpleNamespace(**namespace)


@scenario(start=[0, ""], click3=[3, "Count: 3"])
def seed01_counter(gr, driver):
    app = seed_app(gr, "01_counter")
    demo, state, output, button = app.demo, app.state, app.output, app.button

    s = driver.open(demo)
    obs = {"start": snap(s, state, output)}
    for i in (1, 2, 3):
        s.click(button)
        obs[f"click{i}"] = snap(s, state, output)
    obs["errors"] = s.errors()
    return obs


REPLIES = ["How are you?", "Nice day!", "Interesting!"]


@scenario(
    start=["", []],
    first_user=msg("user", "Hello"),
    first_len=2,
    bot_ok=True,
    cleared=["", []],
)
def seed02_chat_history(gr, driver):
    app = seed_app(gr, "02_chat_history")
    demo, chatbot, msg_box, clear = app.demo, app.chatbot, app.msg, app.clear

    s = driver.open(demo)
    random.seed(7)
    obs = {"start": snap(s, msg_box, chatbot)}
    s.set(msg_box, "Hello")
    s.submit(msg_box)
    history = snap(s, chatbot)
    obs["after_hello"] = [snap(s, msg_box), history]
    obs["first_user"] = history[0]
    obs["first_len"] = len(history)
    obs["bot_ok"] = history[1]["content"][0]["text"] in REPLIES and history[1]["role"] == "assistant"
    s.set(msg_box, "  Second\n  line  ")
    s.submit(msg_box)
    obs["after_second"] = snap(s, msg_box, chatbot)
    s.click(clear)
    obs["cleared"] = snap(s, msg_box, chatbot)
    obs["errors"] = s.errors()
    return obs


@scenario(
    age_first=[{"age": 0}, "Thanks! You are 0 years old."],
    name=[{"age": 0, "name": "Ann"}, "Hello Ann! Now enter your age."],
    age_41=[{"age": 41, "name": "Ann"}, "Thanks! You are 41 years old."],
)
def seed03_multi_step(gr, driver):
    app = seed_app(gr, "03_multi_step")
    demo, state, output, name_input, name_btn, age_input, age_btn = app.demo, app.state, app.output, app.name_input, app.name_btn, app.age_input, app.age_btn

    s = driver.open(demo)
    obs = {"start": snap(s, state, output, name_input, age_input)}
    s.click(age_btn)  # S18: the empty Number holds 0
    obs["age_first"] = snap(s, state, output)
    s.set(name_input, "Ann")
    s.click(name_btn)
    obs["name"] = snap(s, state, output)
    s.set(age_input, 41.0)  # S19: comes back from the browser as 41
    s.click(age_btn)
    obs["age_41"] = snap(s, state, output)
    s.set(age_input, 30.5)
    s.click(age_btn)
    obs["age_30_5"] = snap(s, state, output)
    obs["errors"] = s.errors()
    return obs


@scenario(click3=[3, ["Click #1", "Click #2", "Click #3"], "Click #1\nClick #2\nClick #3"])
def seed04_click_counter(gr, driver):
    app = seed_app(gr, "04_click_counter")
    demo, click_count, click_history, output, button = app.demo, app.click_count, app.click_history, app.output, app.button

    s = driver.open(demo)
    obs = {"start": snap(s, click_count, click_history, output)}
    for i in (1, 2, 3):
        s.click(button)
        obs[f"click{i}"] = snap(s, click_count, click_history, output)
    obs["errors"] = s.errors()
    return obs


@scenario(
    start=["", None, ""],
    two=["b", ["a", "b"], "a\nb"],
    cleared=["", None, ""],
    after_clear=["c", ["c"], "c"],
    same_state=True,
)
def seed05_interface_state(gr, driver):
    app = seed_app(gr, "05_interface_state")
    demo = app.demo

    (text, state), (out, _state_out), submit, clear = interface_parts(demo)

    s = driver.open(demo)
    obs = {"start": snap(s, text, state, out), "same_state": state is _state_out}
    s.set(text, "a")
    s.click(submit)
    obs["one"] = snap(s, text, state, out)
    s.set(text, "b")
    s.submit(text)  # Enter in the input textbox runs fn too
    obs["two"] = snap(s, text, state, out)
    s.click(clear)
    obs["cleared"] = snap(s, text, state, out)
    s.set(text, "c")
    s.click(submit)
    obs["after_clear"] = snap(s, text, state, out)
    obs["errors"] = s.errors()
    return obs


@dataclasses.dataclass
class UserSession:
    name: str = ""
    messages: List[str] = None  # noqa: UP006 - the seed's code
    preferences: dict = None

    def __post_init__(self):
        if self.messages is None:
            self.messages = []
        if self.preferences is None:
            self.preferences = {}


@scenario(
    two=[UserSession(messages=["hi", "there"]), "Total messages: 2"],
    init=[UserSession(), "Session initialized"],
    other_session=UserSession(),
)
def seed06_complex_state(gr, driver):
    def initialize():
        return UserSession(), "Session initialized"

    def add_message(message, session):
        session.messages.append(message)
        count = len(session.messages)
        return session, f"Total messages: {count}"

    with gr.Blocks() as demo:
        session = gr.State(value=UserSession())
        status = gr.Textbox(label="Status")
        init_btn = gr.Button("Initialize Session")
        init_btn.click(initialize, None, [session, status])
        msg_input = gr.Textbox(label="Message")
        msg_btn = gr.Button("Add Message")
        msg_btn.click(add_message, [msg_input, session], [session, status])

    s = driver.open(demo)
    obs = {"start": snap(s, session, status)}
    s.set(msg_input, "hi")
    s.click(msg_btn)
    s.set(msg_input, "there")
    s.click(msg_btn)
    obs["two"] = snap(s, session, status)
    s.click(init_btn)
    obs["init"] = snap(s, session, status)
    s.click(msg_btn)
    obs["after_init"] = snap(s, session, status)
    other = driver.open(demo)
    obs["other_session"] = snap(other, session)
    obs["default_untouched"] = session.value == UserSession()
    obs["errors"] = s.errors() + other.errors()
    return obs


@scenario(start=[0, 0], click2=[2, 2])
def seed07_hidden_counter(gr, driver):
    app = seed_app(gr, "07_hidden_counter")
    demo, counter, display, btn = app.demo, app.counter, app.display, app.btn

    s = driver.open(demo)
    obs = {"start": snap(s, counter, display)}
    for i in (1, 2):
        s.click(btn)
        obs[f"click{i}"] = snap(s, counter, display)
    obs["errors"] = s.errors()
    return obs


@scenario(one="\na", two="\na\nb")
def seed08_visible_history(gr, driver):
    app = seed_app(gr, "08_visible_history")
    demo, history, new_entry, btn = app.demo, app.history, app.new_entry, app.btn

    s = driver.open(demo)
    s.set(new_entry, "a")
    s.click(btn)
    obs = {"one": snap(s, history)}
    s.set(new_entry, "b")
    s.click(btn)
    obs["two"] = snap(s, history)
    s.set(history, "edited")  # a visible component as state: the user may edit it
    s.click(btn)
    obs["edited"] = snap(s, history)
    obs["errors"] = s.errors()
    return obs


@scenario(
    values=[0, "", [], {}, {"user": "Alice", "score": 100}],
    shares_default=False,
    other_after_mutation=[[], {"user": "Alice", "score": 100}],
)
def seed09_default_values(gr, driver):
    app = seed_app(gr, "09_default_values")
    demo, counter, text_state, list_state, dict_state, custom_state = app.demo, app.counter, app.text_state, app.list_state, app.dict_state, app.custom_state

    s = driver.open(demo)
    obs = {"values": snap(s, counter, text_state, list_state, dict_state, custom_state)}
    obs["shares_default"] = s.get(list_state) is list_state.value or s.get(custom_state) is custom_state.value
    s.get(list_state).append(1)  # in-place changes stay in this session (S2, S3)
    s.get(custom_state)["score"] = 0
    obs["mutated"] = snap(s, list_state, custom_state)
    other = driver.open(demo)
    obs["other_after_mutation"] = snap(other, list_state, custom_state)
    obs["defaults_untouched"] = [list_state.value, custom_state.value]
    return obs


@scenario(loaded=["Session started", ["actions", "started_at"], "float", []], distinct=True)
def seed10_dynamic_init(gr, driver):
    app = seed_app(gr, "10_dynamic_init")
    demo, session, status = app.demo, app.session, app.status

    a = driver.open(demo)
    b = driver.open(demo)
    value_a, value_b = a.get(session), b.get(session)
    return {
        "loaded": [a.get(status), sorted(value_a), type(value_a["started_at"]).__name__, value_a["actions"]],
        "distinct": value_a is not value_b and value_a["actions"] is not value_b["actions"],
        "default": session.value,
        "errors": a.errors() + b.errors(),
    }


@scenario(two=[2, "Count: 2", ""], reset=[0, "", "State cleared"], after_reset=[1, "Count: 1", ""])
def seed11_reset(gr, driver):
    app = seed_app(gr, "11_reset")
    demo, counter, messages, status, increment_btn, reset_btn = app.demo, app.counter, app.messages, app.status, app.increment_btn, app.reset_btn

    s = driver.open(demo)
    s.click(increment_btn)
    s.click(increment_btn)
    obs = {"two": snap(s, counter, messages, status)}
    s.click(reset_btn)
    obs["reset"] = snap(s, counter, messages, status)
    s.click(increment_btn)
    obs["after_reset"] = snap(s, counter, messages, status)
    obs["errors"] = s.errors()
    return obs


@scenario(before=[[1, 2], "abc"], cleared=[[], ""], fresh=True)
def seed12_clear_button(gr, driver):
    app = seed_app(gr, "12_clear_button")
    demo, state, textbox, clear_btn = app.demo, app.state, app.textbox, app.clear_btn

    s = driver.open(demo)
    s.set(state, [1, 2])
    s.set(textbox, "abc")
    obs = {"before": snap(s, state, textbox)}
    s.click(clear_btn)
    obs["cleared"] = snap(s, state, textbox)
    obs["fresh"] = s.get(state) is not state.value
    s.get(state).append("x")
    obs["default_untouched"] = state.value
    obs["errors"] = s.errors()
    return obs


@scenario(a=[2, 2], b=[1, 1], c=[0, 0])
def seed13_session_isolation(gr, driver):
    app = seed_app(gr, "13_session_isolation")
    demo, counter, output, btn = app.demo, app.counter, app.output, app.btn

    a, b = driver.open(demo), driver.open(demo)
    a.click(btn)
    b.click(btn)
    a.click(btn)
    c = driver.open(demo)
    return {"a": snap(a, counter, output), "b": snap(b, counter, output), "c": snap(c, counter, output)}


@scenario(a=[1000000, 5, 0], b=[1000000, 0, 0], default=[0, 0])
def seed14_memory(gr, driver):
    app = seed_app(gr, "14_memory")
    demo, large_data = app.demo, app.large_data

    a, b = driver.open(demo), driver.open(demo)
    a.get(large_data)[0] = 5
    big_a, big_b = a.get(large_data), b.get(large_data)
    return {
        "a": [len(big_a), big_a[0], big_a[-1]],
        "b": [len(big_b), big_b[0], big_b[-1]],
        "default": [large_data.value[0], large_data.value[-1]],
        "shared": big_a is big_b or big_b is large_data.value,
    }


@scenario(
    low=[[], "Value 0 too low"],
    added=[[15], "Added 15 to state"],
    fraction=[[15, 12.5], "Added 12.5 to state"],
)
def seed15_conditional(gr, driver):
    app = seed_app(gr, "15_conditional")
    demo, state, value_input, threshold, status, btn = app.demo, app.state, app.value_input, app.threshold, app.status, app.btn

    s = driver.open(demo)
    obs = {"start": snap(s, value_input, threshold, state, status)}
    s.click(btn)
    obs["low"] = snap(s, state, status)
    s.set(value_input, 15)
    s.click(btn)
    obs["added"] = snap(s, state, status)
    s.set(value_input, 12.5)
    s.click(btn)
    obs["fraction"] = snap(s, state, status)
    s.set(threshold, 20.0)
    s.set(value_input, 20)
    s.click(btn)
    obs["equal"] = snap(s, state, status, threshold)
    obs["errors"] = s.errors()
    return obs


@scenario(done=[{"step1_result": "HI", "step2_result": "HI!!!"}, "HI", "HI!!!"])
def seed16_chain(gr, driver):
    app = seed_app(gr, "16_chain")
    demo, state, inp, mid, out, btn = app.demo, app.state, app.inp, app.mid, app.out, app.btn

    s = driver.open(demo)
    s.set(inp, "hi")
    s.click(btn)
    obs = {"done": snap(s, state, mid, out)}
    s.set(inp, "yo")
    s.click(btn)
    obs["again"] = snap(s, state, mid, out)
    obs["errors"] = s.errors()
    return obs


# =============================================================================================
# S1-S4, S7: State lifecycle
# =============================================================================================


@scenario(
    session=[1, [2]],
    after_edits=[[1, [2], "a"], [1, [2]]],
    module_default=[1, [2], "module"],
    state_value=[1, [2]],
    lock=(
        "TypeError",
        "The initial value of `gr.State` must be able to be deepcopied. "
        "The initial value of type <class '_thread.lock'> cannot be deepcopied.",
    ),
)
def s01_s02_deep_copies(gr, driver):
    default = [1, [2]]

    def add(items):
        items.append("a")
        return items

    with gr.Blocks() as demo:
        items = gr.State(default)
        btn = gr.Button("add")
        btn.click(add, items, items)
    lock = raised(lambda: gr.State(threading.Lock()))

    default.append("module")  # S1: the State copied it at construction
    a = driver.open(demo)
    obs = {"session": snap(a, items)}
    a.click(btn)
    b = driver.open(demo)
    obs["after_edits"] = [snap(a, items), snap(b, items)]
    obs["module_default"] = default
    obs["state_value"] = items.value
    obs["shared"] = a.get(items) is b.get(items) or a.get(items)[1] is b.get(items)[1]
    obs["lock"] = lock
    return obs


class Counted:
    """A value that counts how often it is deep-copied."""

    copies = 0

    def __init__(self, items=None):
        self.items = items if items is not None else []

    def __deepcopy__(self, memo):
        Counted.copies += 1
        return Counted(copy.deepcopy(self.items, memo))

    def __eq__(self, other):
        return isinstance(other, Counted) and other.items == self.items

    __hash__ = None


@scenario(
    construction=1,
    clear_button=2,
    after_open=2,
    after_first_read=3,
    after_reads=3,
    after_click=3,
    second_session=4,
    after_clear=[5, []],
)
def s02_deep_copies_per_session_lazily(gr, driver):
    """Counts deep copies: S1 at construction, S2 per session on first read, none per call
    (S3), and S22's ClearButton (one copy captured, one per reset)."""

    def add(c):
        c.items.append(1)
        return c

    Counted.copies = 0
    with gr.Blocks() as demo:
        st = gr.State(Counted())
        btn = gr.Button("add")
        btn.click(add, st, st)
        obs = {"construction": Counted.copies}
        clear = gr.ClearButton([st])
        obs["clear_button"] = Counted.copies
    s = driver.open(demo)
    obs["after_open"] = Counted.copies  # nothing copied until the first read
    s.get(st)
    obs["after_first_read"] = Counted.copies
    s.get(st)
    s.get(st)
    obs["after_reads"] = Counted.copies
    s.click(btn)
    obs["after_click"] = Counted.copies
    driver.open(demo).get(st)
    obs["second_session"] = Counted.copies
    s.click(clear)
    obs["after_clear"] = [Counted.copies, s.get(st).items]
    return obs


@scenario(
    after_error=[["x"], "", [("Error", "full")]],
    input_only=[["x", "y"], ""],
    same_object=True,
    other=[[], ""],
)
def s03_in_place_mutation_sticks(gr, driver):
    received: list = []

    def add_then_fail(item, items):
        items.append(item)
        raise gr.Error("full")

    def add_silently(item, items):
        received.append(items)
        items.append(item)  # items is only an input

    with gr.Blocks() as demo:
        items = gr.State([])
        box = gr.Textbox()
        out = gr.Textbox()
        fail_btn = gr.Button("fail")
        quiet_btn = gr.Button("quiet")
        fail_btn.click(add_then_fail, [box, items], [items, out])
        quiet_btn.click(add_silently, [box, items], None)

    s = driver.open(demo)
    s.set(box, "x")
    s.click(fail_btn)
    obs = {"after_error": [snap(s, items), snap(s, out), s.errors()]}
    s.set(box, "y")
    s.click(quiet_btn)
    obs["input_only"] = snap(s, items, out)
    s.click(quiet_btn)
    obs["same_object"] = received[0] is received[1] and received[0] is s.get(items)
    obs["other"] = snap(driver.open(demo), items, out)
    return obs


@scenario(construction=1, a={"n": 2}, b={"n": 3}, calls_after_two=3)
def s04_callable_default_per_session(gr, driver):
    calls: list = []

    def make():
        calls.append(1)
        return {"n": len(calls)}

    with gr.Blocks() as demo:
        st = gr.State(make)
        out = gr.Textbox()
        btn = gr.Button("show")
        btn.click(lambda v: str(v), st, out)

    calls_at_construction = len(calls)
    a = driver.open(demo)
    b = driver.open(demo)
    a.click(btn)
    return {
        "construction": calls_at_construction,
        "a": snap(a, st),
        "b": snap(b, st),
        "a_out": snap(a, out),
        "calls_after_two": len(calls),
        "errors": a.errors() + b.errors(),
    }


@scenario(a=[["A1", "A2"], "A2", "typed by A"], b=[["B1"], "B1", "B1"], fresh=[[], "", ""])
def s07_session_isolation(gr, driver):
    def log(entry, items):
        items.append(entry)
        return items, entry

    with gr.Blocks() as demo:
        items = gr.State([])
        out = gr.Textbox()
        box = gr.Textbox()
        btn = gr.Button("log")
        btn.click(log, [box, items], [items, out])

    a, b = driver.open(demo), driver.open(demo)
    a.set(box, "A1")
    a.click(btn)
    b.set(box, "B1")
    b.click(btn)
    a.set(box, "A2")
    a.click(btn)
    a.set(box, "typed by A")
    c = driver.open(demo)
    return {"a": snap(a, items, out, box), "b": snap(b, items, out, box), "fresh": snap(c, items, out, box)}


@scenario(
    a_errors=[("Error", "Value 5 is less than minimum value 10.")],
    b_errors=[],
    b_seen=[5],
)
def s07_prop_updates_per_session(gr, driver):
    seen: dict[str, list] = {"a": [], "b": []}
    who = ["a"]

    with gr.Blocks() as demo:
        n = gr.Number(0, minimum=0)
        raise_min = gr.Button("raise minimum")
        use = gr.Button("use")
        raise_min.click(lambda: gr.update(minimum=10), None, n)
        use.click(lambda x: seen[who[0]].append(x), n, None)

    a, b = driver.open(demo), driver.open(demo)
    a.click(raise_min)  # only session a's Number gets minimum=10
    a.set(n, 5)
    a.click(use)
    who[0] = "b"
    b.set(n, 5)
    b.click(use)
    return {"a_errors": a.errors(), "b_errors": b.errors(), "a_seen": seen["a"], "b_seen": seen["b"]}


# =============================================================================================
# S8: inputs forms
# =============================================================================================


@scenario(
    single=[["A"]],
    listed=[["A", 3, []]],
    none=[[]],
    empty=[[]],
    tuple_=[["A", 3]],
)
def s08_inputs_single_list_none(gr, driver):
    seen: dict[str, list] = {"single": [], "listed": [], "none": [], "empty": [], "tuple_": []}

    def recorder(key):
        def fn(*args):
            seen[key].append(list(args))

        return fn

    with gr.Blocks() as demo:
        a = gr.Textbox("A")
        n = gr.Number(3)
        st = gr.State([])
        btns = {k: gr.Button(k) for k in seen}
        btns["single"].click(recorder("single"), a, None)
        btns["listed"].click(recorder("listed"), [a, n, st], None)
        btns["none"].click(recorder("none"), None, None)
        btns["empty"].click(recorder("empty"), [], None)
        btns["tuple_"].click(recorder("tuple_"), (a, n), None)

    s = driver.open(demo)
    for b in btns.values():
        s.click(b)
    return {**copy.deepcopy(seen), "errors": s.errors()}


@scenario(
    as_dict=[[["first", "Ada"], ["last", "Lovelace"], ["age", 36]]],
    kwargs=["Ada Lovelace"],
    dict_error=(
        "ValueError",
        "`inputs` cannot be a dictionary. To pass component values to the event function by parameter name, "
        "use `inputs_kwargs` instead, e.g. `inputs_kwargs={'last_name': textbox}`.",
    ),
)
def s08_inputs_set_dict_kwargs(gr, driver):
    seen: list = []

    def takes_dict(data):
        # the fn gets ONE dict {component: value}, components in _id order
        seen.append([[c.label, v] for c, v in data.items()])

    def takes_kwargs(first, last_name):
        return f"{first} {last_name}"

    with gr.Blocks() as demo:
        first = gr.Textbox("Ada", label="first")
        last = gr.Textbox("Lovelace", label="last")
        age = gr.Number(36, label="age")
        out = gr.Textbox(label="out")
        set_btn = gr.Button("set")
        kw_btn = gr.Button("kwargs")
        set_btn.click(takes_dict, {age, last, first}, None)
        kw_btn.click(takes_kwargs, [first], out, inputs_kwargs={"last_name": last})
        dict_error = raised(lambda: kw_btn.click(takes_kwargs, {"first": first}, out))

    s = driver.open(demo)
    s.click(set_btn)
    s.click(kw_btn)
    return {"as_dict": copy.deepcopy(seen), "kwargs": [snap(s, out)], "dict_error": dict_error, "errors": s.errors()}


@scenario(warned=True, error_type="TypeError")
def s08_signature_mismatch_only_warns(gr, driver):
    def one(x):
        return x

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with gr.Blocks() as demo:
            a = gr.Textbox("a")
            b = gr.Textbox("b")
            out = gr.Textbox("out")
            btn = gr.Button("go")
            btn.click(one, [a, b], out)
    s = driver.open(demo)
    s.click(btn)
    (title, message), = s.errors()
    return {
        "warned": any("function" in str(w.message).lower() for w in caught),
        "error_type": "TypeError" if "positional argument" in message else message,
        "error": [title, message],
        "untouched": snap(s, out),
    }


# =============================================================================================
# S9: return forms
# =============================================================================================


@scenario(pair=(1, 2), text="('a', 'b')", list_state=[1, 2])
def s09_single_output_not_unpacked(gr, driver):
    with gr.Blocks() as demo:
        st = gr.State()
        st2 = gr.State()
        box = gr.Textbox()
        b1, b2, b3 = gr.Button("1"), gr.Button("2"), gr.Button("3")
        b1.click(lambda: (1, 2), None, st)
        b2.click(lambda: ("a", "b"), None, box)
        b3.click(lambda: [1, 2], None, [st2])

    s = driver.open(demo)
    for b in (b1, b2, b3):
        s.click(b)
    return {"pair": snap(s, st), "text": snap(s, box), "list_state": snap(s, st2), "errors": s.errors()}


@scenario(errors=[], warned=True)
def s09_value_for_no_outputs(gr, driver):
    calls: list = []

    def f():
        calls.append(1)
        return "ignored"

    with gr.Blocks() as demo:
        btn = gr.Button("go")
        btn.click(f, None, None)

    s = driver.open(demo)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        s.click(btn)
    return {
        "errors": s.errors(),
        "calls": len(calls),
        "warned": any("returned too many output values" in str(w.message) for w in caught),
    }


TOO_FEW = (
    "A  function (f) didn't return enough output values (needed: 2, returned: 1).\n"
    "    Output components:\n"
    "        [textbox, textbox]\n"
    "    Output values returned:\n"
    '        ["only one"]'
)


@scenario(
    tuple_=["x", "y"],
    list_=["p", "q"],
    too_few=[("Error", TOO_FEW)],
    too_few_untouched=["p", "q"],
    too_many=["1", "2"],
    too_many_warned=True,
    plain_dict_too_few=[
        (
            "Error",
            "A  function didn't return enough output values (needed: 2, returned: 1).\n"
            "    Output components:\n"
            "        [textbox, textbox]\n"
            "    Output values returned:\n"
            "        [{'a': 1}]",
        )
    ],
)
def s09_tuple_list_too_few_too_many(gr, driver):
    def f():
        return "only one"

    with gr.Blocks() as demo:
        a = gr.Textbox()
        b = gr.Textbox()
        st = gr.State("kept")
        bt, bl, bf, bl2, bn, bm, bz = (gr.Button(x) for x in "tlfLnmz")
        bt.click(lambda: ("x", "y"), None, [a, b])
        bl.click(lambda: ["p", "q"], None, [a, b])
        bf.click(f, None, [a, b])
        bl2.click(lambda: "only one", None, [a, st])
        bn.click(lambda: None, None, [a, st])
        bm.click(lambda: ("1", "2", "3"), None, [a, b])
        bz.click(lambda: None, None, None)
        bd = gr.Button("d")
        bd.click(lambda: {"a": 1}, None, [a, b])  # no component keys: one ordinary value

    s = driver.open(demo)
    obs = {}
    s.click(bt)
    obs["tuple_"] = snap(s, a, b)
    s.click(bl)
    obs["list_"] = snap(s, a, b)
    s.click(bf)
    obs["too_few"] = s.errors()
    obs["too_few_untouched"] = snap(s, a, b)
    s.click(bl2)
    obs["lambda_too_few"] = s.errors()[1:]
    s.click(bn)
    obs["none_two_outputs"] = s.errors()[2:]
    obs["state_untouched"] = snap(s, st)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        s.click(bm)
    obs["too_many"] = snap(s, a, b)
    obs["too_many_warned"] = any("returned too many output values" in str(w.message) for w in caught)
    s.click(bz)
    obs["errors_total"] = len(s.errors())
    s.click(bd)
    obs["plain_dict_too_few"] = s.errors()[3:]
    return obs


@scenario(
    partial=["A", "b0", 1],
    not_output_ok=True,
    mixed=[
        (
            "Error",
            "Returned dictionary included some keys as Components. Either all keys must be Components to "
            "assign Component values, or return a List of values to assign output values in order.",
        )
    ],
    plain_dict={"a": 1, "b": [2]},
)
def s09_dict_returns(gr, driver):
    with gr.Blocks() as demo:
        a = gr.Textbox("a0")
        b = gr.Textbox("b0")
        n = gr.State(0)
        other = gr.Textbox("other")
        st = gr.State()
        b_partial, b_not, b_mixed, b_plain = (gr.Button(x) for x in ("partial", "not", "mixed", "plain"))
        b_partial.click(lambda: {a: "A", n: 1}, None, [a, b, n])
        b_not.click(lambda: {other: "X"}, None, [a, b])
        b_mixed.click(lambda: {a: "M", "b": "M"}, None, [a, b])
        b_plain.click(lambda: {"a": 1, "b": [2]}, None, st)

    s = driver.open(demo)
    s.click(b_partial)
    obs = {"partial": snap(s, a, b, n)}
    s.click(b_not)
    (title, message), = s.errors()
    obs["not_output_ok"] = (
        title == "Error"
        and message.startswith("Returned component ")
        and message.endswith(" not specified as output of function.")
    )
    obs["not_output_untouched"] = snap(s, a, b, other)
    s.click(b_mixed)
    obs["mixed"] = s.errors()[1:]
    obs["mixed_untouched"] = snap(s, a, b)
    s.click(b_plain)
    obs["plain_dict"] = snap(s, st)
    return obs


@scenario(
    update_value=["new", "kept"],
    state_update_empty="s0",
    state_update_none=None,
    skip_all=["new", "kept", None],
    skip_one=["new", "changed", "via skip"],
    instance="from instance",
)
def s09_update_skip_instance(gr, driver):
    with gr.Blocks() as demo:
        a = gr.Textbox("a0")
        b = gr.Textbox("kept")
        st = gr.State("s0")
        n = gr.Number(1)
        btns = [gr.Button(str(i)) for i in range(7)]
        btns[0].click(lambda: gr.update(value="new"), None, a)
        btns[1].click(lambda: gr.update(label="only a label"), None, b)
        btns[2].click(lambda: gr.update(), None, st)
        btns[3].click(lambda: gr.update(value=None), None, st)
        btns[4].click(lambda: gr.skip(), None, [a, b, st])
        btns[5].click(lambda: (gr.skip(), "changed", "via skip"), None, [a, b, st])
        btns[6].click(lambda: gr.Textbox(value="from instance"), None, a)
        extra = gr.Button("n")
        extra.click(lambda: gr.update(value=2.0, maximum=10), None, n)

    s = driver.open(demo)
    s.click(btns[0])
    s.click(btns[1])
    obs = {"update_value": snap(s, a, b)}
    s.click(btns[2])
    obs["state_update_empty"] = snap(s, st)
    s.click(btns[3])
    obs["state_update_none"] = snap(s, st)
    s.click(btns[4])
    obs["skip_all"] = snap(s, a, b, st)
    s.click(btns[5])
    obs["skip_one"] = snap(s, a, b, st)
    s.click(btns[6])
    obs["instance"] = snap(s, a)
    s.click(extra)
    obs["number_update"] = snap(s, n)
    obs["errors"] = s.errors()
    return obs


# =============================================================================================
# S10, S11: chains and State.change
# =============================================================================================


@scenario(
    order=["click", "success", "state change", "then", "then of then"],
    final=[1, "then saw 1", "then saw 1!"],
)
def s10_chain_on_success(gr, driver):
    calls: list[str] = []

    def step(name, result=None):
        def fn(*args):
            calls.append(name)
            return result(*args) if result else None

        return fn

    with gr.Blocks() as demo:
        count = gr.State(0)
        out = gr.Textbox()
        out2 = gr.Textbox()
        btn = gr.Button("go")
        dep = btn.click(step("click", lambda c: c + 1), count, count)
        dep.success(step("success"), None, None)
        dep.failure(step("failure"), None, None)
        dep.then(step("then", lambda c: f"then saw {c}"), count, out).then(
            step("then of then", lambda o: o + "!"), out, out2
        )
        count.change(step("state change"), None, None)

    s = driver.open(demo)
    s.click(btn)
    return {"order": list(calls), "final": snap(s, count, out, out2), "errors": s.errors()}


@scenario(
    order=["click", "failure", "failure's then"],
    errors=[("Oops", "bad input")],
    untouched=[0, "before"],
)
def s10_chain_on_error(gr, driver):
    calls: list[str] = []

    def failing(c):
        calls.append("click")
        raise gr.Error("bad input", title="Oops")

    def step(name):
        return lambda *args: calls.append(name)

    with gr.Blocks() as demo:
        count = gr.State(0)
        out = gr.Textbox("before")
        btn = gr.Button("go")
        dep = btn.click(failing, count, [count, out])
        dep.success(step("success"), None, None)
        dep.then(step("then"), None, None)
        dep.failure(step("failure"), None, None).then(step("failure's then"), None, None)
        count.change(step("state change"), None, None)

    s = driver.open(demo)
    s.click(btn)
    return {"order": list(calls), "errors": s.errors(), "untouched": snap(s, count, out)}


@dataclasses.dataclass
class Box:
    items: list = dataclasses.field(default_factory=list)


@scenario(
    fired=["list", "dataclass new", "list", "clear reset"],
    fired_all=["list", "dataclass new", "list", "clear reset", "list", "list"],
    final=[["x", "x"], 7, Box(["y", "z"])],
)
def s11_state_change_rule(gr, driver):
    fired: list[str] = []

    def append(items):
        items.append("x")
        return items

    def mutate_box(box):
        box.items.append("y")
        return box

    def new_box(box):
        return Box(list(box.items))

    def mutate_box_in_place_append_z(box):
        box.items.append("z")  # input only: never fires

    with gr.Blocks() as demo:
        items = gr.State([])
        number = gr.State(7)
        box = gr.State(Box())
        b_list, b_same, b_dc, b_new, b_input_only, b_list2 = (gr.Button(x) for x in "lsdniL")
        b_list.click(append, items, items)
        b_same.click(lambda n: 7, number, number)
        b_dc.click(mutate_box, box, box)
        b_new.click(new_box, box, box)
        b_input_only.click(mutate_box_in_place_append_z, box, None)
        clear = gr.ClearButton([items])
        items.change(lambda: fired.append("list"), None, None)
        number.change(lambda: fired.append("number"), None, None)
        box.change(lambda: fired.append("dataclass new"), None, None)
        items.change(lambda v: fired.append("clear reset") if v == [] else None, items, None)
        b_list2.click(append, items, items)

    s = driver.open(demo)
    s.click(b_list)  # mutated in place and returned -> fires ("list"; "clear reset" listener sees ["x"])
    s.click(b_same)  # equal value -> no fire
    s.click(b_dc)  # dataclass mutated in place -> id unchanged -> no fire
    s.click(b_new)  # a new equal dataclass -> fires
    s.click(b_input_only)  # not an output -> never fires
    s.click(clear)  # reset [] from ["x"] -> fires (both items listeners)
    first = list(fired)
    s.click(clear)  # already [] -> no fire
    s.click(b_list2)
    s.click(b_list)
    return {
        "fired": first,
        "fired_all": list(fired),
        "final": snap(s, items, number, box),
        "errors": s.errors(),
    }


@scenario(fired=["float for int"], final=[(1, 2), 1.0])
def s11_state_change_hash_details(gr, driver):
    fired: list = []

    with gr.Blocks() as demo:
        pair = gr.State([1, 2])
        num = gr.State(1)
        b_tuple, b_float = gr.Button("tuple"), gr.Button("float")
        b_tuple.click(lambda p: (1, 2), pair, pair)  # (1, 2) hashes as [1, 2]: no change
        b_float.click(lambda n: 1.0, num, num)  # 1 and 1.0 hash differently: change
        pair.change(lambda: fired.append("tuple for list"), None, None)
        num.change(lambda: fired.append("float for int"), None, None)

    s = driver.open(demo)
    s.click(b_tuple)
    s.click(b_float)
    return {"fired": list(fired), "final": snap(s, pair, num), "errors": s.errors()}


# =============================================================================================
# S12: errors leave outputs untouched; shown as Gradio shows them
# =============================================================================================


@scenario(
    errors=[
        ("Error", "boom"),
        ("Custom", "with a title"),
        ("Error", "Value -1 is less than minimum value 0."),
        ("Error", "Value 11 is greater than maximum value 10."),
    ],
    untouched=[[1], "before", 5],
    fn_calls=0,
)
def s12_errors_leave_outputs_untouched(gr, driver):
    calls: list = []

    def boom(items, text):
        items.append(1)
        raise ValueError("boom")

    def titled():
        raise gr.Error("with a title", title="Custom")

    def use_number(x):
        calls.append(x)
        return x

    with gr.Blocks() as demo:
        items = gr.State([])
        text = gr.Textbox("before")
        n = gr.Number(minimum=0, maximum=10)
        shown = gr.Number(5)
        b1, b2, b3 = gr.Button("boom"), gr.Button("titled"), gr.Button("number")
        b1.click(boom, [items, text], [items, text])
        b2.click(titled, None, [items, text])
        b3.click(use_number, n, shown)

    s = driver.open(demo)
    s.click(b1)
    s.click(b2)
    s.set(n, -1)
    s.click(b3)  # preprocess error: fn never runs
    s.set(n, 11)
    s.click(b3)
    return {"errors": s.errors(), "untouched": snap(s, items, text, shown), "fn_calls": len(calls)}


@scenario(postprocess_untouched=["before", 1, "s0"], error_title="Error", mutated=["kept"])
def s12_postprocess_error(gr, driver):
    def f(items):
        items.append("kept")  # S3: sticks although the event fails
        return "new", "abc", "s1"

    with gr.Blocks() as demo:
        text = gr.Textbox("before")
        n = gr.Number(1, precision=0)
        st = gr.State("s0")
        items = gr.State([])
        btn = gr.Button("post")
        btn.click(f, items, [text, n, st])  # "abc" cannot be rounded: Number's postprocess fails

    s = driver.open(demo)
    s.click(btn)
    (title, message), = s.errors()
    return {
        "postprocess_untouched": snap(s, text, n, st),
        "mutated": snap(s, items),
        "error_title": title,
        "error_message": message,
    }


@scenario(errors=[("Error", "'missing'"), ("Error", "division by zero")], untouched="before")
def s12_other_exceptions_show_str(gr, driver):
    with gr.Blocks() as demo:
        text = gr.Textbox("before")
        b_key, b_zero = gr.Button("key"), gr.Button("zero")
        b_key.click(lambda: {}["missing"], None, text)
        b_zero.click(lambda: 1 / 0, None, text)

    s = driver.open(demo)
    s.click(b_key)
    s.click(b_zero)
    return {"errors": s.errors(), "untouched": snap(s, text)}


@scenario(errors=[("Error", "shown")], untouched="before")
def s12_invisible_error_not_shown(gr, driver):
    def invisible():
        raise gr.Error("not shown", visible=False)

    def visible():
        raise gr.Error("shown")

    with gr.Blocks() as demo:
        text = gr.Textbox("before")
        b_invisible, b_visible = gr.Button("invisible"), gr.Button("visible")
        b_invisible.click(invisible, None, text)
        b_visible.click(visible, None, text)

    s = driver.open(demo)
    s.click(b_invisible)  # gr.Error(visible=False): no toast
    s.click(b_visible)
    return {"errors": s.errors(), "untouched": snap(s, text)}


# =============================================================================================
# S18-S21: component values
# =============================================================================================


@scenario(
    received=[["", "str"], [0, "int"], [[], "list"], ["hi", "str"], [None, "NoneType"]],
)
def s18_mount_values(gr, driver):
    seen: list = []

    def look(*values):
        seen.extend([copy.deepcopy(v), type(v).__name__] for v in values)

    with gr.Blocks() as demo:
        t = gr.Textbox()
        n = gr.Number()
        c = gr.Chatbot()
        t2 = gr.Textbox("hi")
        st = gr.State()
        btn = gr.Button("look")
        btn.click(look, [t, n, c, t2, st], None)

    s = driver.open(demo)
    gets = snap(s, t, n, c, t2, st)
    s.click(btn)
    return {"received": list(seen), "gets": gets, "errors": s.errors()}


@scenario(
    text_none="",
    number_none=[None, "NoneType"],
    number_seen=[None],
    chatbot_none=[],
)
def s18_output_none_after_mount(gr, driver):
    seen: list = []

    with gr.Blocks() as demo:
        t = gr.Textbox("x")
        n = gr.Number(4)
        c = gr.Chatbot([{"role": "user", "content": "x"}])
        btn = gr.Button("none")
        look = gr.Button("look")
        btn.click(lambda: (None, None, None), None, [t, n, c])
        look.click(lambda x: seen.append(x), n, None)

    s = driver.open(demo)
    s.click(btn)  # Textbox: null becomes "" at any time; Number: `??= 0` only at mount
    s.click(look)
    v = s.get(n)
    return {
        "text_none": snap(s, t),
        "number_none": [v, type(v).__name__],
        "number_seen": list(seen),
        "chatbot_none": snap(s, c),
        "errors": s.errors(),
    }


@scenario(
    mount=[2, "int"],
    returned=[3, "int"],
    state_keeps_float=[3.0, "float"],
    fraction=[2.5, "float"],
    precision0=[[2, "int"], [4, "int"]],
    precision1=[2.2, "float"],
)
def s19_numbers_are_js_numbers(gr, driver):
    def kind(x):
        return [x, type(x).__name__]

    with gr.Blocks() as demo:
        n = gr.Number(2.0)
        p0 = gr.Number(precision=0)
        p1 = gr.Number(precision=1)
        st = gr.State()
        b_ret = gr.Button("ret")
        b_ret.click(lambda x: (x + 1.0, x + 1.0), n, [n, st])

    s = driver.open(demo)
    obs = {"mount": kind(s.get(n))}
    s.click(b_ret)
    obs["returned"] = kind(s.get(n))
    obs["state_keeps_float"] = kind(s.get(st))
    s.set(n, 2.5)
    obs["fraction"] = kind(s.get(n))
    s.set(p0, 2.5)
    a = kind(s.get(p0))
    s.set(p0, 3.5)
    obs["precision0"] = [a, kind(s.get(p0))]
    s.set(p1, 2.25)
    obs["precision1"] = kind(s.get(p1))
    obs["errors"] = s.errors()
    return obs


@scenario(
    received=[msg("user", "hi"), msg("assistant", "line one\nline two")],
    pairs_error=[
        (
            "Error",
            "Data incompatible with messages format. Each message should be a dictionary with 'role' and "
            "'content' keys or a ChatMessage object.",
        )
    ],
)
def s20_chatbot_normalisation(gr, driver):
    seen: list = []

    def reply(history):
        history.append({"role": "user", "content": "hi"})
        history.append({"role": "assistant", "content": "  line one\n  line two"})
        return history

    def look(history):
        seen.extend(copy.deepcopy(history))

    def chat_message(history):
        return history + [gr.ChatMessage(role="assistant", content="as ChatMessage")]

    with gr.Blocks() as demo:
        chat = gr.Chatbot()
        b_reply, b_look, b_pairs, b_cm, b_none = (gr.Button(x) for x in ("reply", "look", "pairs", "cm", "none"))
        b_reply.click(reply, chat, chat)
        b_look.click(look, chat, None)
        b_pairs.click(lambda h: [["user says", "bot says"]], chat, chat)
        b_cm.click(chat_message, chat, chat)
        b_none.click(lambda: None, None, chat)

    s = driver.open(demo)
    s.click(b_reply)
    s.click(b_look)
    obs = {"received": list(seen)}
    s.click(b_pairs)
    obs["pairs_error"] = s.errors()
    obs["after_pairs"] = snap(s, chat)
    s.click(b_cm)
    obs["chat_message"] = snap(s, chat)[-1]
    s.click(b_none)
    obs["none"] = snap(s, chat)
    return obs


@scenario(
    user_edit={"t change": 1, "t input": 1, "out change": 1, "n change": 0},
    same_value={"t change": 1, "t input": 1, "out change": 1, "n change": 0},
    output_write={"t change": 2, "t input": 1, "out change": 2, "n change": 1},
    chained_out=["HELLO", "HELLO!"],
)
def s21_change_and_input(gr, driver):
    counts: dict[str, int] = {"t change": 0, "t input": 0, "out change": 0, "n change": 0}

    def bump(name):
        def fn(*args):
            counts[name] += 1
            return args[0] if args else None

        return fn

    with gr.Blocks() as demo:
        t = gr.Textbox()
        out = gr.Textbox()
        out2 = gr.Textbox()
        n = gr.Number(1)
        b_write, b_same, b_num_same, b_num = gr.Button("w"), gr.Button("s"), gr.Button("ns"), gr.Button("n")
        t.change(lambda v: (counts.__setitem__("t change", counts["t change"] + 1), v.upper())[1], t, out)
        t.input(bump("t input"), None, None)
        out.change(lambda v: (counts.__setitem__("out change", counts["out change"] + 1), v + "!")[1], out, out2)
        n.change(bump("n change"), None, None)
        b_write.click(lambda: "written", None, t)
        b_same.click(lambda v: v, t, t)
        b_num_same.click(lambda: 1.0, None, n)
        b_num.click(lambda: 2, None, n)

    s = driver.open(demo)
    s.set(t, "hello")  # a user edit: change and input; change's output changes out -> out.change
    obs = {"user_edit": dict(counts), "chained_out": snap(s, out, out2)}
    s.click(b_same)  # an output writes the same value: no change
    s.click(b_num_same)  # 1 -> 1.0: the same JS number, no change
    obs["same_value"] = dict(counts)
    s.click(b_write)  # an output writes a new value: change, not input
    s.click(b_num)
    obs["output_write"] = dict(counts)
    obs["values"] = snap(s, t, out, out2, n)
    obs["errors"] = s.errors()
    return obs


@scenario(
    counts={"update value": 1, "update label": 0, "skip": 0, "same via update": 0, "chatbot": 1},
)
def s21_change_from_updates(gr, driver):
    counts = {"update value": 0, "update label": 0, "skip": 0, "same via update": 0, "chatbot": 0}
    phase = ["update value"]

    with gr.Blocks() as demo:
        t = gr.Textbox("a")
        c = gr.Chatbot()
        b_value, b_label, b_skip, b_same, b_chat = (gr.Button(x) for x in ("v", "l", "s", "same", "chat"))
        b_value.click(lambda: gr.update(value="b"), None, t)
        b_label.click(lambda: gr.update(label="L"), None, t)
        b_skip.click(lambda: gr.skip(), None, t)
        b_same.click(lambda: gr.update(value="b"), None, t)
        b_chat.click(lambda h: h + [{"role": "user", "content": "x"}], c, c)
        t.change(lambda: counts.__setitem__(phase[0], counts[phase[0]] + 1), None, None)
        c.change(lambda: counts.__setitem__("chatbot", counts["chatbot"] + 1), None, None)

    s = driver.open(demo)
    for name, button in (
        ("update value", b_value),
        ("update label", b_label),
        ("skip", b_skip),
        ("same via update", b_same),
    ):
        phase[0] = name
        s.click(button)
    s.click(b_chat)
    return {"counts": dict(counts), "value": snap(s, t), "errors": s.errors()}


# =============================================================================================
# S22: ClearButton
# =============================================================================================


@scenario(
    cleared=["", None, [], [1], ""],
    fn_sees_none=[None, "NoneType"],
    state_change_fired=1,
    text_change_fired=1,
    added_later="",
)
def s22_clear_button(gr, driver):
    fired: list = []
    seen: list = []

    def add_to(items):
        items.append(2)
        return items

    with gr.Blocks() as demo:
        t = gr.Textbox("default text")
        n = gr.Number(5)
        c = gr.Chatbot([{"role": "user", "content": "old"}])
        st = gr.State([1])
        untouched = gr.Textbox()
        add = gr.Button("add")
        add.click(add_to, st, st)
        clear = gr.ClearButton([t, n, c, st, untouched])
        look = gr.Button("look")
        look.click(lambda x: seen.append([x, type(x).__name__]), n, None)
        st.change(lambda: fired.append("state"), None, None)
        t.change(lambda: fired.append("text"), None, None)
        later = gr.Textbox("later")
        clear_later = gr.ClearButton()
        clear_later.add(later)

    s = driver.open(demo)
    obs = {"start": snap(s, t, n, c, st, untouched)}
    s.click(add)  # fires state change once
    fired.clear()
    s.click(clear)
    obs["cleared"] = snap(s, t, n, c, st, untouched)
    obs["state_change_fired"] = fired.count("state")
    obs["text_change_fired"] = fired.count("text")
    s.click(look)
    obs["fn_sees_none"] = seen[-1]
    obs["fresh_state"] = s.get(st) is not st.value
    s.click(clear_later)
    obs["added_later"] = snap(s, later)
    obs["errors"] = s.errors()
    return obs


@scenario(before=[{"n": 1}, False], after_clear=[None, True])
def s22_clear_callable_state(gr, driver):
    counter = itertools.count()

    def make():
        return {"n": next(counter)}

    with gr.Blocks() as demo:
        st = gr.State(make)
        clear = gr.ClearButton([st])

    s = driver.open(demo)
    before = s.get(st)
    obs = {"before": [copy.deepcopy(before), callable(before)]}
    s.click(clear)  # the "default" of State(fn) is the function itself
    after = s.get(st)
    obs["after_clear"] = [None if callable(after) else after, callable(after)]
    obs["errors"] = s.errors()
    return obs


# =============================================================================================
# S23: Interface
# =============================================================================================

STATE_RULE = "If using 'state', there must be exactly one state input and one state output."


@scenario(
    two_inputs=("ValueError", STATE_RULE),
    no_output=("ValueError", STATE_RULE),
    no_input=("ValueError", STATE_RULE),
    initial_seen=[None],
)
def s23_interface_state_rule(gr, driver):
    def two(a, s1, s2):
        return a, s1

    def with_default(text, history=["default"]):  # noqa: B006 - the point of the test
        seen.append(copy.deepcopy(history))
        return text, (history or []) + [text]

    seen: list = []
    obs = {
        "two_inputs": raised(lambda: gr.Interface(two, ["textbox", "state", "state"], ["textbox", "state"])),
        "no_output": raised(lambda: gr.Interface(lambda t, s: t, ["textbox", "state"], ["textbox"])),
        "no_input": raised(lambda: gr.Interface(lambda t: (t, t), ["textbox"], ["textbox", "state"])),
    }
    demo = gr.Interface(with_default, ["textbox", gr.State()], ["textbox", "state"])
    (text, state), (out, _), submit, _clear = interface_parts(demo)
    s = driver.open(demo)
    obs["state_start"] = snap(s, state)
    s.set(text, "a")
    s.click(submit)
    obs["initial_seen"] = list(seen)
    obs["after"] = snap(s, state, out)
    obs["errors"] = s.errors()
    return obs


@scenario(
    clicked=["Ada", 3, "Ada x3"],
    entered=["Bob", 3, "Bob x3"],
    cleared=["", None, ""],
    after_clear_error=[("Error", "boom")],
)
def s23_interface_run(gr, driver):
    def greet(name, times):
        if name == "boom":
            raise ValueError("boom")
        return f"{name} x{times}"

    demo = gr.Interface(greet, [gr.Textbox(label="name"), gr.Number(label="times", value=2)], gr.Textbox(label="out"))
    (name, times), (out,), submit, clear = interface_parts(demo)
    s = driver.open(demo)
    obs = {"start": snap(s, name, times, out)}
    s.set(name, "Ada")
    s.set(times, 3.0)
    s.click(submit)
    obs["clicked"] = snap(s, name, times, out)
    s.set(name, "Bob")
    s.submit(name)
    obs["entered"] = snap(s, name, times, out)
    s.click(clear)
    obs["cleared"] = snap(s, name, times, out)
    s.set(name, "boom")
    s.click(submit)
    obs["after_clear_error"] = s.errors()
    obs["untouched"] = snap(s, out)
    return obs


@scenario(
    start=[["seed"], 0, ""],
    after=[["seed", "x"], 0, "seed,x"],
    cleared=[["seed"], None, ""],
)
def s23_interface_state_instance_and_shortcuts(gr, driver):
    def fn(text, number, history):
        history = history + [text]
        return ",".join(history), history

    demo = gr.Interface(fn, ["textbox", "number", gr.State(["seed"])], ["textbox", "state"])
    (text, number, state), (out, _), submit, clear = interface_parts(demo)
    s = driver.open(demo)
    obs = {"start": snap(s, state, number, out)}
    s.set(text, "x")
    s.click(submit)
    obs["after"] = snap(s, state, number, out)
    s.click(clear)  # a State instance goes back to its own default
    obs["cleared"] = snap(s, state, number, out)
    obs["errors"] = s.errors()
    return obs


# =============================================================================================
# S24: load
# =============================================================================================


@scenario(
    a=[{"visits": 1, "greeting": "hello"}, "loaded: hello", "then ran"],
    b=[{"visits": 1, "greeting": "hello"}, "loaded: hello", "then ran"],
    loads=2,
    after_click=[{"visits": 2, "greeting": "hello"}, "loaded: hello", "then ran"],
)
def s24_load_once_per_session(gr, driver):
    loads: list = []

    def on_load(greeting, data):
        loads.append(greeting)
        data["visits"] = 1
        data["greeting"] = greeting
        return data, f"loaded: {greeting}"

    def visit(data):
        data["visits"] += 1
        return data

    with gr.Blocks() as demo:
        data = gr.State({})
        greeting = gr.Textbox("hello")
        status = gr.Textbox()
        after = gr.Textbox()
        btn = gr.Button("visit")
        btn.click(visit, data, data)
        demo.load(on_load, [greeting, data], [data, status]).then(lambda: "then ran", None, after)

    a = driver.open(demo)
    b = driver.open(demo)
    obs = {"a": snap(a, data, status, after), "b": snap(b, data, status, after), "loads": len(loads)}
    a.click(btn)
    obs["after_click"] = snap(a, data, status, after)
    obs["b_unchanged"] = snap(b, data)
    obs["errors"] = a.errors() + b.errors()
    return obs


@scenario(changes=1, values=["from load", "FROM LOAD"])
def s24_load_outputs_fire_change(gr, driver):
    changes: list = []

    with gr.Blocks() as demo:
        t = gr.Textbox()
        upper = gr.Textbox()
        t.change(lambda v: (changes.append(v), v.upper())[1], t, upper)
        demo.load(lambda: "from load", None, t)

    s = driver.open(demo)
    return {"changes": len(changes), "values": snap(s, t, upper), "errors": s.errors()}


@scenario(
    loaded=[["Error", "load failed"]],
    chain=["failure"],
    values=["", None],
)
def s24_load_error(gr, driver):
    calls: list = []

    def on_load():
        raise gr.Error("load failed")

    with gr.Blocks() as demo:
        status = gr.Textbox()
        st = gr.State()
        dep = demo.load(on_load, None, [status, st])
        dep.then(lambda: calls.append("then"), None, None)
        dep.success(lambda: calls.append("success"), None, None)
        dep.failure(lambda: calls.append("failure"), None, None)

    s = driver.open(demo)
    return {"loaded": [list(e) for e in s.errors()], "chain": list(calls), "values": snap(s, status, st)}


# =============================================================================================
# The test
# =============================================================================================


def test_enough_scenarios():
    assert len(SCENARIOS) >= 30


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_same_as_gradio(name: str, no_sleep: None) -> None:
    compare(name, *SCENARIOS[name])
