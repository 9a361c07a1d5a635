"""Compat scenarios for events with their data, the call forms real apps use, and layouts as
event targets and outputs: the same interactions against real Gradio and gradio_nb.

No ``from __future__ import annotations`` here: a scenario's ``evt: gr.SelectData`` names the
``gr`` it was given, which only an annotation evaluated at definition time can see.
"""

import os

import pytest

import real_gradio

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
gradio = real_gradio.require()

from drivers import NbDriver  # noqa: E402
from harness import Scenarios, compare  # noqa: E402

SCENARIOS = Scenarios()
scenario = SCENARIOS.scenario


@scenario(selected=["B 1 b", "A 0 a"], tabs_change=2)
def tab_select_data(gr, driver):
    """Tabs.select and Tab.select give gr.SelectData with the tab's label, index and id."""
    with gr.Blocks() as demo:
        with gr.Tabs() as tabs:
            with gr.Tab("A", id="a") as tab_a:
                gr.Markdown("a")
            with gr.Tab("B", id="b"):
                gr.Markdown("b")
        out = gr.Textbox()
        count = gr.State(0)
        shown = gr.Textbox()

        def picked(evt: gr.SelectData):
            return f"{evt.value} {evt.index} {evt._data['id']}"

        tabs.select(picked, None, out)
        tabs.change(lambda n: n + 1, count, count)
        tab_a.select(lambda evt: f"tab a: {evt.selected}", None, shown)
    sess = driver.open(demo)
    seen = []
    sess.trigger(tabs, "select", {"value": "B", "index": 1, "id": "b"})
    sess.trigger(tabs, "change")
    seen.append(sess.get(out))
    sess.trigger(tabs, "select", {"value": "A", "index": 0, "id": "a"})
    sess.trigger(tabs, "change")
    seen.append(sess.get(out))
    return {"selected": seen, "tabs_change": sess.get(count)}


@scenario(upper="HELLO", on_any=["load", "x:hi"])
def decorators_and_on_without_triggers(gr, driver):
    """Listeners as decorators; gr.on(triggers=None) runs at load and on each input's change."""
    with gr.Blocks() as demo:
        name = gr.Textbox()
        upper = gr.Textbox()
        last = gr.Textbox()

        @name.change(inputs=name, outputs=upper)
        def shout(text):
            return text.upper()

        @gr.on(inputs=[name], outputs=last)
        def remember(text):
            return f"x:{text}" if text else "load"

    sess = driver.open(demo)
    seen = [sess.get(last)]
    sess.set(name, "hello")
    first = sess.get(upper)
    sess.set(name, "hi")
    seen.append(sess.get(last))
    return {"upper": first, "on_any": seen}


@scenario(props=["Name", True, "bob"])
def component_annotated_parameter(gr, driver):
    """A parameter annotated with a component class receives its properties (Gradio 6)."""
    with gr.Blocks() as demo:
        box = gr.Textbox("bob", label="Name")
        out = gr.JSON()
        btn = gr.Button()

        def describe(t: gr.Textbox):
            return [t.label, t.visible, t.value]

        btn.click(describe, box, out)
    sess = driver.open(demo)
    sess.click(btn)
    return {"props": sess.get(out)}


@scenario(kinds=["str", True])
def request_session_hash(gr, driver):
    """gr.Request gives a session hash, stable within a session."""
    with gr.Blocks() as demo:
        out = gr.JSON()
        btn = gr.Button()
        first = gr.State(None)

        def hashes(seen, request: gr.Request):
            return request.session_hash, [type(request.session_hash).__name__, seen in (None, request.session_hash)]

        btn.click(hashes, first, [first, out])
    sess = driver.open(demo)
    sess.click(btn)
    sess.click(btn)
    return {"kinds": sess.get(out)}


@scenario(after=["b", "Open"], tab_hidden="ok")
def layouts_as_outputs(gr, driver):
    """gr.Tabs(selected=...), gr.Accordion(open=...), gr.update(visible=...) for layouts."""
    with gr.Blocks() as demo:
        with gr.Tabs() as tabs:
            with gr.Tab("A", id="a"):
                gr.Markdown("a")
            with gr.Tab("B", id="b") as tab_b:
                gr.Markdown("b")
        with gr.Accordion("More", open=False) as acc:
            gr.Markdown("more")
        with gr.Column(visible=True) as col:
            gr.Markdown("col")
        btn = gr.Button()
        status = gr.Textbox()
        btn.click(
            lambda: (gr.Tabs(selected="b"), gr.Accordion(label="Open", open=True), gr.update(visible=False), gr.Tab(visible=True), "ok"),
            None,
            [tabs, acc, col, tab_b, status],
        )
    sess = driver.open(demo)
    sess.click(btn)
    return {"after": _layout_state(sess, tabs, acc), "tab_hidden": sess.get(status)}


def _layout_state(sess, tabs, acc):
    if isinstance(sess, NbDriver.session_class):
        inner = sess._sess
        return [inner.layout(tabs).selected, inner.layout(acc).label]
    state = sess.state
    return [state[tabs._id].selected, state[acc._id].label]


@scenario(like={"index": 1, "value": ["a", "b"], "liked": False}, retry={"index": 0, "value": "hi"})
def chatbot_event_data(gr, driver):
    """Chatbot .like and .retry give LikeData / RetryData with what the page sends."""
    with gr.Blocks() as demo:
        chat = gr.Chatbot([{"role": "user", "content": "hi"}, {"role": "assistant", "content": "a"}, {"role": "assistant", "content": "b"}])
        liked = gr.JSON()
        retried = gr.JSON()

        def on_like(d: gr.LikeData):
            return {"index": d.index, "value": d.value, "liked": d.liked}

        def on_retry(d: gr.RetryData):
            return {"index": d.index, "value": d.value}

        chat.like(on_like, None, liked)
        chat.retry(on_retry, None, retried)
    sess = driver.open(demo)
    sess.trigger(chat, "like", {"index": 1, "value": ["a", "b"], "liked": False})
    sess.trigger(chat, "retry", {"index": 0, "value": "hi"})
    return {"like": sess.get(liked), "retry": sess.get(retried)}


@scenario(filled="a=x b=3 c=3", errors=[], none="a=x b=None")
def fewer_inputs_than_parameters(gr, driver):
    """A function with more parameters than inputs: Gradio passes None, and the defaults,
    inserting a default at its place even past the end (so here c's default lands in b)."""
    with gr.Blocks() as demo:
        box = gr.Textbox("x")
        out = gr.Textbox()
        btn = gr.Button()

        def show(a, b, c=3):
            return f"a={a} b={b} c={c}"

        btn.click(show, box, out)
        other = gr.Textbox()
        btn2 = gr.Button()
        btn2.click(lambda a, b: f"a={a} b={b}", box, other)
    sess = driver.open(demo)
    sess.click(btn)
    sess.click(btn2)
    return {"filled": sess.get(out), "errors": sess.errors(), "none": sess.get(other)}


@scenario(shortcuts=["Code", "TextArea", "Dataframe", "CheckboxGroup", "HighlightedText"])
def interface_shortcuts(gr, driver):
    """Interface takes any component's lower-case class name as a shortcut."""
    demo = gr.Interface(lambda a, b, c: (a, b), ["code", "textarea", "dataframe"], ["checkboxgroup", "highlightedtext"])
    names = [type(c).__name__ for c in (*demo.input_components, *demo.output_components)]
    return {"shortcuts": names}


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_events_same_as_gradio(name: str) -> None:
    compare(name, *SCENARIOS[name])
