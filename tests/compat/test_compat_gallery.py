"""Compat scenarios in the shape of apps of Gradio's demo gallery that use the newer components
(Dataframe, CheckboxGroup, multiselect Dropdown, HTML, Label, HighlightedText, ColorPicker,
MultimodalTextbox, Examples/Dataset, JSON, Tabs, TabbedInterface, ...) and event forms
(``.select`` with gr.SelectData, ``.key_up``, gr.Request, listeners as decorators, ``gr.on``,
chatbot ``.like``/``.retry``/``.undo``).

Each scenario is named after the gallery demo it follows (``gallery_<demo>``): the app is written
here in that demo's shape (same components, same interactions; no model, network or randomness),
driven as a person would use it, and returns what functions received, what outputs hold and the
errors shown. The test asserts that real Gradio (``GradioDriver``) and gradio_nb (``NbDriver``)
observe the same, value for value and type for type, and that real Gradio shows the values
named in ``@scenario(...)``, so that two equally wrong results cannot pass.

What the Gradio driver cannot emulate (validators run in Gradio's queue, not in
``process_api``; generators) is tested on gradio_nb alone in ``tests/test_gallery_apps.py``.

No ``from __future__ import annotations`` here: a scenario's ``evt: gr.SelectData`` names the
``gr`` it was given, which only an annotation evaluated at definition time can see.
"""

import contextlib
import os
import tempfile
from typing import Any

import pytest

import real_gradio

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
gradio = real_gradio.require()

import gradio_nb  # noqa: E402
from drivers import NbDriver  # noqa: E402
from harness import Scenarios, compare, snap  # noqa: E402

SCENARIOS = Scenarios()  # SCENARIOS.xfail: scenario -> the precise difference from Gradio (a gradio_nb bug)
scenario = SCENARIOS.scenario


def frame(value: Any) -> Any:
    """A table as data: [type, columns, dtypes, rows] for a DataFrame, [type, dtype, rows] for
    an array, the value itself otherwise."""
    if hasattr(value, "columns") and hasattr(value, "values"):
        return [
            type(value).__name__,
            [str(c) for c in value.columns],
            [str(t) for t in value.dtypes],
            [[_plain(v) for v in row] for row in value.values.tolist()],
        ]
    if hasattr(value, "dtype") and hasattr(value, "tolist"):
        return [type(value).__name__, str(value.dtype), value.tolist()]
    return value


def _plain(value: Any) -> Any:
    return value.item() if hasattr(value, "item") else value


def click_sample(sess: Any, dataset: Any, index: int) -> None:
    """A click on sample ``index`` of a Dataset (an Examples table), as Gradio's page sends it."""
    sess.trigger(dataset, "click", {"index": index})


# =============================================================================================
# Blocks apps
# =============================================================================================


@scenario(
    received=["Ann", 30, ["Cough", "Fever"]],
    outputs=["covid", "Ann, 30 y/o"],
    shown_before=[True, False],
    shown_after=[False, True],
    second=["flu", "Bob, 41.5 y/o"],
)
def gallery_blocks_form(gr, driver):
    """blocks_form: a CheckboxGroup read by a function that returns a {component: value} dict
    which also hides the button (gr.Button(visible=False)) and shows a Column."""
    got = []
    with gr.Blocks() as demo:
        name_box = gr.Textbox(label="Name")
        age_box = gr.Number(label="Age", minimum=0, maximum=100)
        symptoms_box = gr.CheckboxGroup(["Cough", "Fever", "Runny Nose"])
        submit_btn = gr.Button("Submit")
        with gr.Column(visible=False) as output_col:
            diagnosis_box = gr.Textbox(label="Diagnosis")
            patient_summary_box = gr.Textbox(label="Patient Summary")

        def submit(name, age, symptoms):
            got.append([name, age, symptoms])
            return {
                submit_btn: gr.Button(visible=False),
                output_col: gr.Column(visible=True),
                diagnosis_box: "covid" if "Cough" in symptoms else "flu",
                patient_summary_box: f"{name}, {age} y/o",
            }

        submit_btn.click(submit, [name_box, age_box, symptoms_box], [submit_btn, diagnosis_box, patient_summary_box, output_col])
    s = driver.open(demo)
    obs = {"start": snap(s, name_box, age_box, symptoms_box, diagnosis_box), "shown_before": visible(s, submit_btn, output_col)}
    s.set(name_box, "Ann")
    s.set(age_box, 30)
    s.set(symptoms_box, ["Cough", "Fever"])
    s.click(submit_btn)
    obs["received"] = got[-1]
    obs["outputs"] = snap(s, diagnosis_box, patient_summary_box)
    obs["shown_after"] = visible(s, submit_btn, output_col)
    s.set(name_box, "Bob")
    s.set(age_box, 41.5)
    s.set(symptoms_box, ["Runny Nose"])
    s.click(submit_btn)
    obs["second"] = snap(s, diagnosis_box, patient_summary_box)
    obs["types"] = [type(v).__name__ for v in got[-1]]
    obs["errors"] = s.errors()
    return obs


@scenario(start=[], picked=["First Choice", "Third Choice"], selected=[[2, "Third Choice", True], [0, "First Choice", False]])
def gallery_checkboxgroup_component(gr, driver):
    """checkboxgroup_component: a CheckboxGroup the user ticks; its change and select listeners
    (gr.SelectData: index, value, selected) see what the page sends."""
    changes, selects = [], []
    with gr.Blocks() as demo:
        group = gr.CheckboxGroup(choices=["First Choice", "Second Choice", "Third Choice"])

        def on_select(evt: gr.SelectData):
            selects.append([evt.index, evt.value, evt.selected])

        group.change(lambda v: changes.append(v), group, None)
        group.select(on_select, None, None)
    s = driver.open(demo)
    obs = {"start": snap(s, group)}
    s.set(group, ["First Choice", "Third Choice"])
    s.trigger(group, "select", {"index": 2, "value": "Third Choice", "selected": True})
    s.set(group, ["Third Choice"])
    s.trigger(group, "select", {"index": 0, "value": "First Choice", "selected": False})
    obs["picked"] = changes[0]
    obs["changes"] = changes
    obs["selected"] = selects
    obs["held"] = snap(s, group)
    obs["errors"] = s.errors()
    return obs


@scenario(start=None, received=["#ff8800"], held="#ff8800")
def gallery_colorpicker_component(gr, driver):
    """colorpicker_component: a ColorPicker with no value (None), then a colour picked by the
    user reaches a change listener."""
    got = []
    with gr.Blocks() as demo:
        picker = gr.ColorPicker()
        picker.change(lambda c: got.append(c), picker, None)
    s = driver.open(demo)
    obs = {"start": snap(s, picker)}
    s.set(picker, "#ff8800")
    obs["received"] = got
    obs["held"] = snap(s, picker)
    obs["errors"] = s.errors()
    return obs


@scenario(
    start=[],
    three=[["0", "1"], ["2", "3"], ["4", "5"]],
    count_received=[3, "int"],
)
def gallery_dataframe_block_ui_test(gr, driver):
    """dataframe_block-ui-test: a Slider's value fills an interactive DataFrame (type="array",
    fixed 2 columns) with as many rows; checks the table a function then receives."""
    counts = []
    with gr.Blocks() as demo:
        count = gr.Slider(minimum=1, maximum=10, step=1, label="count")
        data = gr.DataFrame(headers=["A", "B"], col_count=(2, "fixed"), type="array", interactive=True)
        btn = gr.Button(value="click")

        def fill(cnt):
            counts.append([cnt, type(cnt).__name__])
            return [[str(2 * i), str(2 * i + 1)] for i in range(int(cnt))]

        btn.click(fn=fill, inputs=[count], outputs=[data])
    s = driver.open(demo)
    obs = {"start": snap(s, data)}
    s.set(count, 3)
    s.click(btn)
    obs["three"] = snap(s, data)
    obs["count_received"] = counts[-1]
    s.set(count, 1)
    s.click(btn)
    obs["one"] = snap(s, data)
    obs["errors"] = s.errors()
    return obs


@scenario(clicked=[4, "Lorem ipsum"], selected=[[1, ["Build & share delightful machine learning apps"]]])
def gallery_dataset_component(gr, driver):
    """dataset_component: a Dataset of text samples; clicking one gives its index to a click
    listener (type="index") and gr.SelectData (index, sample) to a select listener."""
    clicks, selects = [], []
    samples = [
        ["The quick brown fox jumps over the lazy dog"],
        ["Build & share delightful machine learning apps"],
        ["She sells seashells by the seashore"],
        ["Supercalifragilisticexpialidocious"],
        ["Lorem ipsum"],
        ["That's all folks!"],
    ]
    with gr.Blocks() as demo:
        ds = gr.Dataset(components=[gr.Textbox(visible=False)], label="Text Dataset", samples=samples, type="index")
        shown = gr.Textbox()

        def on_select(evt: gr.SelectData):
            selects.append([evt.index, evt.value])

        ds.click(lambda i: (clicks.append(i), samples[i][0])[1], ds, shown)
        ds.select(on_select, None, None)
    s = driver.open(demo)
    click_sample(s, ds, 4)
    obs = {"clicked": [clicks[-1], snap(s, shown)]}
    selects.clear()
    click_sample(s, ds, 1)
    obs["selected"] = selects
    obs["held"] = snap(s, ds)
    obs["errors"] = s.errors()
    return obs


@scenario(
    shown=[
        {"component value": "ab", "input value": "ab", "key": "b"},
        {"component value": "xyz", "input value": "xyz", "key": "z"},
    ]
)
def gallery_dropdown_key_up(gr, driver):
    """dropdown_key_up: a Dropdown with allow_custom_value whose key_up gives gr.KeyUpData
    (key, input_value) next to the component's value; the result is shown in a JSON."""

    def test(value, key_up_data: gr.KeyUpData):
        return {"component value": value, "input value": key_up_data.input_value, "key": key_up_data.key}

    with gr.Blocks() as demo:
        d = gr.Dropdown(["abc", "def"], allow_custom_value=True)
        t = gr.JSON()
        d.key_up(test, d, t)
    s = driver.open(demo)
    shown = []
    for typed in ("ab", "xyz"):
        s.set(d, typed)
        s.trigger(d, "key_up", {"key": typed[-1], "input_value": typed})
        shown.append(snap(s, t))
    return {"shown": shown, "errors": s.errors()}


@scenario(greeted="Hello Ann!")
def gallery_hello_blocks_decorator(gr, driver):
    """hello_blocks_decorator: a click listener written as a decorator (@btn.click(inputs=...,
    outputs=...)); the decorated function stays callable."""
    with gr.Blocks() as demo:
        name = gr.Textbox(label="Name")
        output = gr.Textbox(label="Output Box")
        greet_btn = gr.Button("Greet")

        @greet_btn.click(inputs=name, outputs=output)
        def greet(name):
            return "Hello " + name + "!"

    s = driver.open(demo)
    s.set(name, "Ann")
    s.click(greet_btn)
    return {"greeted": snap(s, output), "still_callable": greet("x"), "errors": s.errors()}


@scenario(
    submitted=["Hello Ann!", "Textbox", ""],
    clicked=["Hello Bob!", "Button", ""],
)
def gallery_on_listener_basic(gr, driver):
    """on_listener_basic: gr.on(triggers=[name.submit, greet_btn.click]) with gr.EventData's
    target, chained with .then that clears the name."""
    with gr.Blocks() as demo:
        name = gr.Textbox(label="Name")
        output = gr.Textbox(label="Output Box")
        greet_btn = gr.Button("Greet")
        trigger = gr.Textbox(label="Trigger Box")

        def greet(name, evt_data: gr.EventData):
            return "Hello " + name + "!", evt_data.target.__class__.__name__

        def clear_name(evt_data: gr.EventData):
            return ""

        gr.on(triggers=[name.submit, greet_btn.click], fn=greet, inputs=name, outputs=[output, trigger]).then(
            clear_name, outputs=[name]
        )
    s = driver.open(demo)
    s.set(name, "Ann")
    s.trigger(name, "submit", {})  # with a payload: the Gradio driver passes gr.EventData only then
    obs = {"submitted": snap(s, output, trigger, name)}
    s.set(name, "Bob")
    s.trigger(greet_btn, "click", {})
    obs["clicked"] = snap(s, output, trigger, name)
    obs["errors"] = s.errors()
    return obs


@scenario(at_load=3, after=[12, 17.5])
def gallery_on_listener_live(gr, driver):
    """on_listener_live: @gr.on(inputs=[three sliders], outputs=...) with no triggers runs at
    load and on every change of its inputs."""
    with gr.Blocks() as demo:
        with gr.Row():
            num1 = gr.Slider(1, 10)
            num2 = gr.Slider(1, 10)
            num3 = gr.Slider(1, 10)
        output = gr.Number(label="Sum")

        @gr.on(inputs=[num1, num2, num3], outputs=output)
        def sum(a, b, c):  # noqa: A001 - the demo's name
            return a + b + c

    s = driver.open(demo)
    obs = {"at_load": snap(s, output)}
    s.set(num1, 5)
    s.set(num3, 6)
    after = [snap(s, output)]
    s.set(num2, 6.5)
    after.append(snap(s, output))
    obs["after"] = after
    obs["errors"] = s.errors()
    return obs


@scenario(
    start_tab=1,
    after_click=2,
    after_select=0,
    identity="echo me",
    cleared="",
)
def gallery_blocks_plug(gr, driver):
    """blocks_plug: three Blocks rendered into TabItems of gr.Tabs(selected=1); a button and
    each TabItem's select return gr.Tabs(selected=...); the rendered Interface and ClearButton
    keep working inside the host app."""
    identity_demo, input_demo, output_demo = gr.Blocks(), gr.Blocks(), gr.Blocks()
    with identity_demo:
        iface = gr.Interface(lambda x: x, "text", "text")
    with input_demo:
        t = gr.Textbox(label="Enter your text here")
        with gr.Row():
            gr.Button("Submit")
            clr = gr.ClearButton(t)
    with output_demo:
        gr.Textbox("This is a static output")
    with gr.Blocks() as demo:
        gr.Markdown("Three demos in one!")
        with gr.Tabs(selected=1) as tabs:
            with gr.TabItem("Text Identity", id=0) as tab0:
                tab0.select(lambda: gr.Tabs(selected=0), None, tabs)
                identity_demo.render()
            with gr.TabItem("Text Input", id=1) as tab1:
                tab1.select(lambda: gr.Tabs(selected=1), None, tabs)
                input_demo.render()
            with gr.TabItem("Text Static", id=2) as tab2:
                tab2.select(lambda: gr.Tabs(selected=2), None, tabs)
                output_demo.render()
        btn = gr.Button("Change tab")
        btn.click(inputs=None, outputs=tabs, fn=lambda: gr.Tabs(selected=2))
    s = driver.open(demo)
    obs = {"start_tab": _selected_tab(s, tabs)}
    s.click(btn)
    obs["after_click"] = _selected_tab(s, tabs)
    s.trigger(tab0, "select", {"value": "Text Identity", "index": 0, "selected": True})
    obs["after_select"] = _selected_tab(s, tabs)
    s.set(iface.input_components[0], "echo me")
    s.submit(iface.input_components[0])
    obs["identity"] = snap(s, iface.output_components[0])
    s.set(t, "typed")
    s.click(clr)
    obs["cleared"] = snap(s, t)
    obs["errors"] = s.errors()
    return obs


def _selected_tab(sess, tabs):
    """Which tab a Tabs shows (its ``selected``), as each engine keeps it."""
    return _props(sess, tabs).selected


def _props(sess, block):
    """This session's version of ``block`` (a component or a layout), with its current props."""
    if isinstance(sess, NbDriver.session_class):
        inner = sess._sess
        if isinstance(block, gradio_nb.components.Component):
            return inner.component(block)
        return inner.layout(block)
    return sess.state[block._id]


def visible(sess, *blocks):
    """Whether each block is shown now (``visible`` after the updates events made)."""
    values = [bool(_props(sess, b).visible) for b in blocks]
    return values[0] if len(values) == 1 else values


@scenario(loaded=["a", "b"], generated=["user1", "pass1"], stored=["user1", "pass1"], message_visible=True)
def gallery_browserstate(gr, driver):
    """browserstate: listeners as decorators (@btn.click with outputs only, @demo.load,
    @gr.on([a.change, b.change]) into a gr.BrowserState, @gr.on(state.change)), the
    BrowserState's default loaded into the textboxes at load."""
    with gr.Blocks() as demo:
        username = gr.Textbox(label="Username")
        password = gr.Textbox(label="Password", type="password")
        btn = gr.Button("Generate Randomly")
        local_storage = gr.BrowserState(["a", "b"])
        saved_message = gr.Markdown("Saved to local storage", visible=False)
        shown = gr.JSON()

        @btn.click(outputs=[username, password])
        def generate_randomly():
            return "user1", "pass1"

        @demo.load(inputs=[local_storage], outputs=[username, password])
        def load_from_local_storage(saved_values):
            return saved_values[0], saved_values[1]

        @gr.on([username.change, password.change], inputs=[username, password], outputs=[local_storage])
        def save_to_local_storage(username, password):
            return [username, password]

        @gr.on(local_storage.change, inputs=[local_storage], outputs=[saved_message, shown])
        def show_saved_message(stored):
            return gr.Markdown("Saved to local storage at noon", visible=True), stored

    s = driver.open(demo)
    obs = {"loaded": snap(s, username, password)}
    s.click(btn)
    obs["generated"] = snap(s, username, password)
    obs["stored"] = snap(s, shown)
    obs["message_visible"] = visible(s, saved_message)
    obs["message"] = snap(s, saved_message)
    obs["errors"] = s.errors()
    return obs


@scenario(
    selected=["Tab 2", 1],
    loaded="some text",
)
def gallery_chatbot_load_event(gr, driver):
    """chatbot_load_event: a Chatbot and Sliders in one gr.Tab, a Textbox filled by demo.load
    in another; Tabs.select reports which tab was picked (gr.SelectData)."""
    picked = []
    with gr.Blocks() as demo:
        with gr.Tabs() as tabs:
            with gr.Tab("Tab 1"):
                with gr.Row():
                    chat = gr.Chatbot()
                    with gr.Column():
                        sliders = [gr.Slider(), gr.Slider(), gr.Slider()]
            with gr.Tab("Tab 2"):
                textbox = gr.Textbox(label="Output")

        def on_select(evt: gr.SelectData):
            picked.append([evt.value, evt.index])

        tabs.select(on_select, None, None)
        demo.load(fn=lambda: "some text", inputs=None, outputs=textbox)
    s = driver.open(demo)
    obs = {"loaded": snap(s, textbox), "chat": snap(s, chat), "sliders": snap(s, *sliders)}
    s.trigger(tabs, "select", {"value": "Tab 2", "index": 1, "selected": True})
    obs["selected"] = picked[-1]
    obs["errors"] = s.errors()
    return obs


@scenario(
    scroll=["hi", "hi"],
    html="\n    <div style='height: 800px; width: 100px; background-color: pink;'></div>\n    ",
)
def gallery_blocks_scroll(gr, driver):
    """blocks_scroll: a gr.HTML block between the input and output; one listener with
    scroll_to_output=True, one without, both copy the text."""
    with gr.Blocks() as demo:
        inp = gr.Textbox(placeholder="Enter text.")
        scroll_btn = gr.Button("Scroll")
        no_scroll_btn = gr.Button("No Scroll")
        big_block = gr.HTML("""
    <div style='height: 800px; width: 100px; background-color: pink;'></div>
    """)
        out = gr.Textbox()
        scroll_btn.click(lambda x: x, inputs=inp, outputs=out, scroll_to_output=True)
        no_scroll_btn.click(lambda x: x + "!", inputs=inp, outputs=out)
    s = driver.open(demo)
    s.set(inp, "hi")
    s.click(scroll_btn)
    obs = {"scroll": [snap(s, out), snap(s, inp)]}
    s.click(no_scroll_btn)
    obs["no_scroll"] = snap(s, out)
    obs["html"] = snap(s, big_block)
    obs["errors"] = s.errors()
    return obs


@scenario(
    received=[[None, "str"], [None, "str"]],
    status="not logged in, 1 clicks",
    third="Rate limit exceeded after 2 clicks",
)
def gallery_rate_limit(gr, driver):
    """rate_limit: gr.Request in a demo.load listener and a click listener keyed by the visitor
    (here its session hash: the Gradio driver's Request has no client), gr.OAuthProfile None
    when nobody is logged in; the third click is refused."""
    clicks: dict[str, int] = {}
    received = []

    def user_of(profile, request):
        received.append([profile, type(request.session_hash).__name__])
        return request.session_hash

    def update_status(profile: gr.OAuthProfile | None, request: gr.Request) -> str:
        user = user_of(profile, request)
        return f"not logged in, {clicks.get(user, 0)} clicks"

    def run_action(profile: gr.OAuthProfile | None, request: gr.Request):
        user = user_of(profile, request)
        if clicks.get(user, 0) >= 2:
            return f"Rate limit exceeded after {clicks[user]} clicks", update_status(profile, request)
        clicks[user] = clicks.get(user, 0) + 1
        return f"Click #{clicks[user]}", update_status(profile, request)

    with gr.Blocks(title="Rate Limiting Demo") as demo:
        status_text = gr.Markdown("Loading status...")
        run_btn = gr.Button("Run Action", variant="primary")
        result_text = gr.Markdown("")
        demo.load(update_status, inputs=None, outputs=status_text)
        run_btn.click(run_action, inputs=None, outputs=[result_text, status_text])
    s = driver.open(demo)
    obs = {"loaded": snap(s, status_text)}
    s.click(run_btn)
    obs["received"] = received[:2]
    obs["status"] = snap(s, status_text)
    s.click(run_btn)
    s.click(run_btn)
    obs["third"] = snap(s, result_text)
    obs["errors"] = s.errors()
    return obs


@scenario(
    after_submit=[
        {"role": "user", "metadata": None, "content": [{"text": "hello", "type": "text"}], "options": None},
        {"role": "assistant", "metadata": None, "content": [{"text": "Cool!", "type": "text"}], "options": None},
    ],
    box_after={"text": "", "files": []},
    example=[1, "This is just text, no files!"],
)
def gallery_chatbot_examples(gr, driver):
    """chatbot_examples: a MultimodalTextbox submit appends to a Chatbot and clears/disables the
    box (gr.MultimodalTextbox(value=None, interactive=False)), .then a reply, .then re-enable;
    a Chatbot example clicked (example_select, gr.SelectData with the example) is appended;
    .like is wired."""
    likes, examples_seen = [], []

    def print_like_dislike(x: gr.LikeData):
        likes.append([x.index, x.value, x.liked])

    def add_message(history, message):
        for x in message["files"]:
            history.append({"role": "user", "content": (x,)})
        if message["text"] is not None:
            history.append({"role": "user", "content": message["text"]})
        return history, gr.MultimodalTextbox(value=None, interactive=False)

    def append_example_message(x: gr.SelectData, history):
        examples_seen.append([x.index, x.value["text"]])
        if x.value["text"] is not None:
            history.append({"role": "user", "content": x.value["text"]})
        return history

    def respond(history):
        history.append({"role": "assistant", "content": "Cool!"})
        return history

    with gr.Blocks() as demo:
        chatbot = gr.Chatbot(
            elem_id="chatbot",
            examples=[{"text": "Try this example."}, {"text": "This is just text, no files!"}],
        )
        chat_input = gr.MultimodalTextbox(interactive=True, file_count="multiple", placeholder="Enter message...", show_label=False)
        chat_msg = chat_input.submit(add_message, [chatbot, chat_input], [chatbot, chat_input])
        bot_msg = chat_msg.then(respond, chatbot, chatbot)
        bot_msg.then(lambda: gr.MultimodalTextbox(interactive=True), None, [chat_input])
        chatbot.like(print_like_dislike, None, None)
        chatbot.example_select(append_example_message, [chatbot], [chatbot]).then(respond, chatbot, chatbot)
    s = driver.open(demo)
    s.set(chat_input, {"text": "hello", "files": []})
    s.submit(chat_input)
    obs = {"after_submit": snap(s, chatbot), "box_after": snap(s, chat_input)}
    s.trigger(chatbot, "like", {"index": 1, "value": "Cool!", "liked": True})
    obs["liked"] = likes
    s.trigger(chatbot, "example_select", {"index": 1, "value": {"text": "This is just text, no files!"}})
    obs["example"] = examples_seen[-1]
    obs["history"] = [m["content"][0]["text"] for m in snap(s, chatbot)]
    obs["errors"] = s.errors()
    return obs


@scenario(
    retried=["hi", "Reply to hi (2)"],
    undone=[[], "hi"],
    liked=[1, "Reply to hi (1)", False],
)
def gallery_chatbot_retry(gr, driver):
    """chatbot_retry (the gallery's chatbot events app, Gradio's *Chatbot-Specific Events*
    guide): .retry with gr.RetryData drops the answer and answers again, .undo with
    gr.UndoData puts the user's message back in the textbox, .like with gr.LikeData."""
    likes, answers = [], []

    def respond(prompt, history):
        answers.append(prompt)
        history = list(history or [])
        history.append({"role": "user", "content": prompt})
        history.append({"role": "assistant", "content": f"Reply to {prompt} ({len(answers)})"})
        return history

    def handle_undo(history, undo_data: gr.UndoData):
        return history[: undo_data.index], history[undo_data.index]["content"][0]["text"]

    def handle_retry(history, retry_data: gr.RetryData):
        new_history = history[: retry_data.index]
        previous_prompt = history[retry_data.index]["content"][0]["text"]
        return respond(previous_prompt, new_history)

    def handle_like(data: gr.LikeData):
        likes.append([data.index, data.value, data.liked])

    with gr.Blocks() as demo:
        chatbot = gr.Chatbot(label="Agent")
        prompt = gr.Textbox(max_lines=1, label="Chat Message")
        prompt.submit(respond, [prompt, chatbot], [chatbot])
        prompt.submit(lambda: "", None, [prompt])
        chatbot.undo(handle_undo, chatbot, [chatbot, prompt])
        chatbot.retry(handle_retry, chatbot, chatbot)
        chatbot.like(handle_like, None, None)
    s = driver.open(demo)
    s.set(prompt, "hi")
    s.submit(prompt)
    obs = {"after_submit": [snap(s, prompt), [m["content"][0]["text"] for m in snap(s, chatbot)]]}
    s.trigger(chatbot, "like", {"index": 1, "value": "Reply to hi (1)", "liked": False})
    obs["liked"] = likes[-1]
    s.trigger(chatbot, "retry", {"index": 0, "value": "hi"})
    obs["retried"] = [m["content"][0]["text"] for m in snap(s, chatbot)]
    s.trigger(chatbot, "undo", {"index": 0, "value": "hi"})
    obs["undone"] = [snap(s, chatbot), snap(s, prompt)]
    obs["errors"] = s.errors()
    return obs


@scenario(
    label="Car",
    highlighted=[
        {"token": "Does ", "class_or_confidence": None},
        {"token": "Chicago", "class_or_confidence": "I-LOC"},
        {"token": " have any ", "class_or_confidence": None},
        {"token": "Pakistani", "class_or_confidence": "I-MISC"},
        {"token": " restaurants", "class_or_confidence": None},
    ],
    cleared=[[], None, None, None, None, None],
    all_cleared="True",
    more_cleared=[[], None, None, None, {"text": "", "files": []}, None, 0, []],
)
def gallery_clear_components(gr, driver):
    """clear_components: callable defaults (CheckboxGroup, ColorPicker, Label, HighlightedText
    with entities, JSON) rendered from a list, a ClearButton over all of them, and a button
    that checks the values a function receives after the clear; then a ClearButton over
    Dataframe, multiselect Dropdown, Code, DateTime, MultimodalTextbox, HTML, Slider, Chatbot."""
    text = "Does Chicago have any Pakistani restaurants"
    entities = [
        {"entity": "I-LOC", "score": 0.99, "index": 2, "word": "Chicago", "start": 5, "end": 12},
        {"entity": "I-MISC", "score": 0.99, "index": 5, "word": "Pakistani", "start": 22, "end": 31},
    ]
    components = [
        gr.CheckboxGroup(choices=["a", "b", "c", "d"], value=lambda: "b", label="Random CheckboxGroup"),
        gr.ColorPicker(value=lambda: "#ff0000"),
        gr.Label(value=lambda: "Car"),
        gr.HighlightedText(value=lambda: {"text": text, "entities": entities}),
        gr.JSON(value=lambda: {"a": 1}),
        gr.Markdown(value=lambda: "### Hello"),
    ]
    got = []

    def evaluate_values(*args):
        got.append(list(args))
        return str(all(not a or (isinstance(a, str) and a == "#000000") for a in args))

    with gr.Blocks() as demo:
        for i, component in enumerate(components):
            component.label = f"component_{str(i).zfill(2)}"
            component.render()
        clear = gr.ClearButton(value="Clear", components=components)
        result = gr.Textbox(label="Are all cleared?")
        get_value = gr.Button(value="Get Values")
        get_value.click(evaluate_values, components, result)
    s = driver.open(demo)
    obs = {"start": snap(s, *components)}
    obs["label"] = snap(s, components[2])
    obs["highlighted"] = snap(s, components[3])
    s.click(get_value)
    obs["before"] = [got[-1], snap(s, result)]
    s.click(clear)
    obs["cleared"] = snap(s, *components)
    s.click(get_value)
    obs["received_after_clear"] = got[-1]
    obs["all_cleared"] = snap(s, result)
    obs["errors"] = s.errors()

    # The same ClearButton over the other new components (the demo's commented-out Dataframe
    # and HTML among them).
    with gr.Blocks() as more_demo:
        more = [
            gr.Dataframe([[1, 2]], headers=["a", "b"]),
            gr.Dropdown(["x", "y"], value=["x"], multiselect=True),
            gr.Code("print(1)"),
            gr.DateTime("2021-01-01 00:00:00"),
            gr.MultimodalTextbox({"text": "hi", "files": []}),
            gr.HTML("<b>x</b>"),
            gr.Slider(0, 10, value=4),
            gr.Chatbot([{"role": "user", "content": "hi"}]),
        ]
        more_clear = gr.ClearButton(more)
    s = driver.open(more_demo)
    s.click(more_clear)
    obs["more_cleared"] = [frame(v)[3] if isinstance(frame(v), list) and len(frame(v)) == 4 else v for v in snap(s, *more)]
    return obs


@scenario(
    counts=["3", "$99"],
    table=["DataFrame", ["flight", "price"], ["str", "int64"], [["A1", 120], ["B2", 99], ["C3", 150]]],
)
def gallery_plot_guide_tables_stats(gr, driver):
    """plot_guide_tables_stats: gr.Label with a number and a string value (statistics of a
    table) next to a gr.DataFrame of a pandas table."""
    import pandas as pd

    df = pd.DataFrame({"flight": ["A1", "B2", "C3"], "price": [120, 99, 150]})
    with gr.Blocks() as demo:
        with gr.Row():
            count = gr.Label(len(df), label="Flight Count")
            cheapest = gr.Label(f"${df['price'].min()}", label="Cheapest Flight")
        table = gr.DataFrame(df)
    s = driver.open(demo)
    return {"counts": snap(s, count, cheapest), "table": frame(snap(s, table)), "errors": s.errors()}


@scenario(html_value="<h2>Star Rating:</h2><img class='faded'>", after="<h2>Star Rating:</h2>4")
def gallery_star_rating_simple(gr, driver):
    """star_rating_simple: a gr.HTML with a css_template; its value is what a function
    receives, and a function can replace it."""
    with gr.Blocks() as demo:
        rating = gr.HTML(
            "<h2>Star Rating:</h2><img class='faded'>",
            css_template="img { height: 50px; display: inline-block; } .faded { filter: grayscale(100%); }",
        )
        btn = gr.Button("rate 4")
        btn.click(lambda v: v.split("<img")[0] + "4", rating, rating)
    s = driver.open(demo)
    obs = {"html_value": snap(s, rating)}
    s.click(btn)
    obs["after"] = snap(s, rating)
    obs["errors"] = s.errors()
    return obs


@scenario(
    start=[0, "", 0, False, [], None, "a", None],
    after=[2.5, "typed", 40, True, ["b"], "a", "b", "print('hi')"],
)
def gallery__ssr_probe(gr, driver):
    """_ssr_probe: one of each simple input (Number, Textbox, Slider, Checkbox, CheckboxGroup,
    Radio, Dropdown, Code) with no value: what each holds at mount (a Dropdown holds its first
    choice) and after the user sets it."""
    with gr.Blocks() as demo:
        n = gr.Number(label="Probe Number")
        t = gr.Textbox(label="Probe Textbox")
        sl = gr.Slider(label="Probe Slider")
        c = gr.Checkbox(label="Probe Checkbox")
        cg = gr.CheckboxGroup(["a", "b"], label="Probe CBG")
        r = gr.Radio(["a", "b"], label="Probe Radio")
        d = gr.Dropdown(["a", "b"], label="Probe Dropdown")
        code = gr.Code(label="Probe Code")
    s = driver.open(demo)
    parts = [n, t, sl, c, cg, r, d, code]
    obs = {"start": snap(s, *parts)}
    for part, value in zip(parts, [2.5, "typed", 40, True, ["b"], "a", "b", "print('hi')"]):
        s.set(part, value)
    obs["after"] = snap(s, *parts)
    obs["errors"] = s.errors()
    return obs


@scenario(values=[7, 3, 3], size=[40, 64])
def gallery_star_rating_props(gr, driver):
    """star_rating_props: a gr.HTML with a number value and props of its own (size, max_stars)
    used by html_template/css_template; a Slider sets its value, another returns
    gr.HTML(size=x), which changes that prop only."""
    with gr.Blocks() as demo:
        star_rating = gr.HTML(
            7,
            size=40,
            max_stars=10,
            html_template="<h2>Star Rating:</h2>${Array.from({length: max_stars}, (_, i) => `<img class='${i < value ? '' : 'faded'}'>`).join('')}",
            css_template="img { height: ${size}px; display: inline-block; } .faded { filter: grayscale(100%); opacity: 0.3; }",
        )
        rating_slider = gr.Slider(0, 10, step=1, label="Select Rating")
        rating_slider.change(fn=lambda x: x, inputs=rating_slider, outputs=star_rating)
        size_slider = gr.Slider(20, 100, 40, step=1, label="Select Size")
        size_slider.change(fn=lambda x: gr.HTML(size=x), inputs=size_slider, outputs=star_rating)
    s = driver.open(demo)
    values = [snap(s, star_rating)]
    sizes = [_props(s, star_rating).props.get("size") if hasattr(_props(s, star_rating), "props") else _props(s, star_rating).size]
    s.set(rating_slider, 3)
    values.append(snap(s, star_rating))
    s.set(size_slider, 64)
    values.append(snap(s, star_rating))
    sizes.append(_props(s, star_rating).props.get("size") if hasattr(_props(s, star_rating), "props") else _props(s, star_rating).size)
    return {"values": values, "size": sizes, "errors": s.errors()}


@scenario(
    received=[
        "DataFrame",
        ["Model", "% Correct (LeetCode Hard)"],
        ["str", "float64"],
        [["DeepSeek Coder", 79.3], ["Llama 3.3", 68.9], ["Qwen 2.5", 61.9]],
    ],
    selected=[[1, 0], "Llama 3.3", ["Llama 3.3", 68.9]],
)
def gallery_dataframe_custom_styling(gr, driver):
    """dataframe_custom_styling: a Dataframe whose value is a dict with data, headers and
    metadata (styling, display_value), with show_search: a function receives the data (not
    the display values), and a cell select gives gr.SelectData (index, value, row_value)."""
    data = [["DeepSeek Coder", 79.3], ["Llama 3.3", 68.9], ["Qwen 2.5", 61.9]]
    headers = ["Model", "% Correct (LeetCode Hard)"]
    medals = ["🥇", "🥈", "🥉"]
    value = {
        "data": data,
        "headers": headers,
        "metadata": {
            "styling": [["", f"background: linear-gradient(90deg, green {row[1]}%, transparent {row[1]}%)"] for row in data],
            "display_value": [[f"{medals[i]} {row[0]}", row[1]] for i, row in enumerate(data)],
        },
    }
    got, picked = [], []
    with gr.Blocks() as demo:
        table = gr.Dataframe(value, show_search="search")
        btn = gr.Button("read")
        btn.click(lambda df: got.append(frame(df)), table, None)

        def on_select(evt: gr.SelectData):
            picked.append([evt.index, evt.value, evt.row_value])

        table.select(on_select, None, None)
    s = driver.open(demo)
    s.click(btn)
    s.trigger(table, "select", {"index": [1, 0], "value": "Llama 3.3", "row_value": ["Llama 3.3", 68.9], "col_value": ["DeepSeek Coder", "Llama 3.3", "Qwen 2.5"], "selected": True})
    return {"received": got[-1], "selected": picked[-1], "errors": s.errors()}


@scenario(
    received_types=["str", "str", "str", "float64", "bool", "str", "str"],
    first_row=["2026-01-01", "alpha", "beta gamma", 12.5, True, "**alpha**", "<b>beta</b>"],
    rows=30,
)
def gallery_dataframe_datetime_long(gr, driver):
    """dataframe_datetime_long: a read-only Dataframe of many rows with mixed datatypes (date,
    str, number, bool, markdown, html); what a function reading it receives, column by column."""
    words = ["alpha", "beta", "gamma", "delta"]
    data = [
        [f"2026-01-{(i % 28) + 1:02d}", words[i % 4], f"{words[(i + 1) % 4]} {words[(i + 2) % 4]}", 12.5 + i, i % 2 == 0,
         f"**{words[i % 4]}**", f"<b>{words[(i + 1) % 4]}</b>"]
        for i in range(30)
    ]
    headers = ["date", "str_short", "str_long", "num", "bool", "markdown", "html"]
    got = []
    with gr.Blocks() as demo:
        gr.Markdown("### 30 rows x mixed dtypes")
        table = gr.Dataframe(value=data, headers=headers, datatype=["date", "str", "str", "number", "bool", "markdown", "html"], interactive=False)
        btn = gr.Button("read")
        btn.click(lambda df: got.append(df), table, None)
    s = driver.open(demo)
    s.click(btn)
    df = got[-1]
    return {
        "received_types": [str(t) for t in df.dtypes],
        "first_row": [_plain(v) for v in df.iloc[0].tolist()],
        "rows": len(df),
        "columns": [str(c) for c in df.columns],
        "errors": s.errors(),
    }


@scenario(flipped="olleh", accordion=[[False, "Open for More!"], ["expand", "collapse"], [True, "Opened"]], slider=0.7)
def gallery_blocks_flipper(gr, driver):
    """blocks_flipper: gr.Tab pages (the text flipper; the image page as a second text page),
    a gr.Accordion(open=False) holding a Slider; the accordion's expand/collapse listeners and
    a button returning gr.Accordion(open=True, label=...)."""
    events = []
    with gr.Blocks() as demo:
        gr.Markdown("Flip text or image files using this demo.")
        with gr.Tab("Flip Text"):
            text_input = gr.Textbox()
            text_output = gr.Textbox()
            text_button = gr.Button("Flip")
        with gr.Tab("Flip Words"):
            words_input = gr.Textbox()
            words_output = gr.Textbox()
            words_button = gr.Button("Flip")
        with gr.Accordion("Open for More!", open=False) as acc:
            gr.Markdown("Look at me...")
            temp_slider = gr.Slider(0, 1, value=0.1, step=0.1, interactive=True, label="Slide me")
        opener = gr.Button("open")
        seen = gr.Number()
        text_button.click(lambda x: x[::-1], inputs=text_input, outputs=text_output)
        words_button.click(lambda x: " ".join(x.split()[::-1]), inputs=words_input, outputs=words_output)
        acc.expand(lambda: events.append("expand"), None, None)
        acc.collapse(lambda: events.append("collapse"), None, None)
        opener.click(lambda: gr.Accordion(open=True, label="Opened"), None, acc)
        temp_slider.release(lambda v: v, temp_slider, seen)
    s = driver.open(demo)
    s.set(text_input, "hello")
    s.click(text_button)
    obs = {"flipped": snap(s, text_output)}
    s.set(words_input, "a b c")
    s.click(words_button)
    obs["words"] = snap(s, words_output)
    start = [_props(s, acc).open, _props(s, acc).label]
    s.trigger(acc, "expand")
    s.trigger(acc, "collapse")
    s.click(opener)
    obs["accordion"] = [start, events, [_props(s, acc).open, _props(s, acc).label]]
    s.set(temp_slider, 0.7)
    s.trigger(temp_slider, "release")
    obs["slider"] = snap(s, seen)
    obs["errors"] = s.errors()
    return obs


@scenario(received=[[1609459200.0, "float"], [1609804800.0, "float"]], rows=[["2021-01-02", 2], ["2021-01-03", 3], ["2021-01-04", 4]])
def gallery_plot_guide_datetime(gr, driver):
    """plot_guide_datetime: two gr.DateTime (start, end) and an Apply button that filters the
    data by the range (shown here in a Dataframe rather than a LinePlot); the functions get
    timestamps (floats), the user types a new end date."""
    import pandas as pd

    df = pd.DataFrame({"time": [f"2021-01-0{d}" for d in range(1, 7)], "price": list(range(1, 7))})
    got = []

    def apply(start, end):
        got.append([start, type(start).__name__])
        got.append([end, type(end).__name__])
        times = df["time"].map(lambda t: pd.Timestamp(t, tz="UTC").timestamp())
        return df[(times > start) & (times < end)]

    with gr.Blocks() as demo:
        with gr.Row():
            start = gr.DateTime("2021-01-01 00:00:00", label="Start")
            end = gr.DateTime("2021-01-05 00:00:00", label="End")
            apply_btn = gr.Button("Apply")
        table = gr.Dataframe(df)
        apply_btn.click(apply, [start, end], table)
    s = driver.open(demo)
    s.click(apply_btn)
    obs = {"received": got[:2], "rows": frame(snap(s, table))[3]}
    s.set(end, "2021-01-03 12:00:00")
    s.click(apply_btn)
    obs["narrower"] = [got[-1], frame(snap(s, table))[3]]
    obs["held"] = snap(s, start, end)
    obs["errors"] = s.errors()
    return obs


# =============================================================================================
# Interface apps
# =============================================================================================


def interface_submit(sess, demo):
    """Submit an Interface as its Submit button does."""
    button = next(b for b in demo.blocks.values() if type(b).__name__ == "Button" and b.value == "Submit")
    sess.click(button)


@scenario(
    start_output=None,
    diff=[
        {"token": "The ", "class_or_confidence": None},
        {"token": "fast", "class_or_confidence": "+"},
        {"token": "quick", "class_or_confidence": "-"},
        {"token": " brown fox jump", "class_or_confidence": None},
        {"token": "s", "class_or_confidence": "+"},
        {"token": "ed", "class_or_confidence": "-"},
        {"token": " over", "class_or_confidence": None},
        {"token": " the", "class_or_confidence": "-"},
        {"token": " lazy dogs.", "class_or_confidence": None},
    ],
)
def gallery_diff_texts(gr, driver):
    """diff_texts: an Interface whose function returns (token, category) pairs shown by a
    HighlightedText with combine_adjacent=True and a color_map; checks what the output holds
    (adjacent tokens of one category merged), as a function would receive it."""
    from difflib import Differ

    def diff_texts(text1, text2):
        d = Differ()
        return [(token[2:], token[0] if token[0] != " " else None) for token in d.compare(text1, text2)]

    demo = gr.Interface(
        diff_texts,
        [
            gr.Textbox(label="Text 1", info="Initial text", lines=3, value="The quick brown fox jumped over the lazy dogs."),
            gr.Textbox(label="Text 2", info="Text to compare", lines=3, value="The fast brown fox jumps over lazy dogs."),
        ],
        gr.HighlightedText(label="Diff", combine_adjacent=True, show_legend=True, color_map={"+": "red", "-": "green"}),
    )
    s = driver.open(demo)
    out = demo.output_components[0]
    obs = {"start_output": snap(s, out)}
    interface_submit(s, demo)
    obs["diff"] = snap(s, out)
    obs["errors"] = s.errors()
    return obs


@scenario(
    received=[["DataFrame", ["retail", "food", "other"], ["int64", "int64", "int64"], [[1, 2, 3], [4, 5, 6]]], ["retail", "other"], 2],
    table=["DataFrame", ["retail", "other"], ["int64", "int64"], [[100, 3], [4, 6]]],
    input_after=["DataFrame", ["retail", "food", "other"], ["int64", "int64", "int64"], [[1, 2, 3], [4, 5, 6]]],
    label={"fraud": 0.7, "not fraud": 0.3},
)
def gallery_fraud_detector(gr, driver):
    """fraud_detector: an Interface with a Dataframe, a CheckboxGroup and a Slider as inputs,
    "dataframe" and gr.Label(label=...) as outputs; the function drops unticked columns and
    returns confidences (a dict) for the Label."""
    got = []

    def fraud_detector(card_activity, categories, sensitivity):
        got.append([frame(card_activity), categories, sensitivity])
        drop_columns = [c for c in ["retail", "food", "other"] if c not in categories]
        if drop_columns:
            card_activity.drop(columns=drop_columns, inplace=True)  # in place, as the demo does
        card_activity.iloc[0, 0] = 100  # and a cell written in place: the input must not change
        return card_activity, {"fraud": 0.7, "not fraud": 0.3}

    demo = gr.Interface(
        fraud_detector,
        [
            gr.Dataframe(headers=["retail", "food", "other"], value=[[1, 2, 3], [4, 5, 6]], datatype="number"),
            gr.CheckboxGroup(["retail", "food", "other"], value=["retail", "food", "other"]),
            gr.Slider(1, 3),
        ],
        ["dataframe", gr.Label(label="Fraud Level")],
    )
    s = driver.open(demo)
    s.set(demo.input_components[1], ["retail", "other"])
    s.set(demo.input_components[2], 2)
    interface_submit(s, demo)
    obs = {"received": got[-1], "table": frame(snap(s, demo.output_components[0]))}
    obs["label"] = snap(s, demo.output_components[1])
    obs["input_after"] = frame(snap(s, demo.input_components[0]))
    interface_submit(s, demo)
    obs["received_again"] = got[-1]
    obs["errors"] = s.errors()
    return obs


@scenario(
    loaded=["ndarray", "int64", [[1, 1], [1, 1]]],  # the example's 1.0s come back as JSON ints (S19)
    received=["ndarray", "int64", [[1, 1], [1, 1]]],
    transposed=["ndarray", "int64", [[1, 3], [2, 4]]],
)
def gallery_matrix_transpose(gr, driver):
    """matrix_transpose: an Interface with gr.Dataframe(type="numpy", datatype="number",
    row_count=5, column_count=3) and a "numpy" output, with examples: an example clicked fills
    the table, Submit transposes it."""
    got = []

    def transpose(matrix):
        got.append(frame(matrix))
        return matrix.T

    demo = gr.Interface(
        transpose,
        gr.Dataframe(type="numpy", datatype="number", row_count=5, column_count=3),
        "numpy",
        examples=[[[[0, 0], [0, 0]]], [[[1.0, 1.0], [1.0, 1.0]]], [[[1, 2], [3, 4]]]],
        cache_examples=False,
    )
    s = driver.open(demo)
    inp, out = demo.input_components[0], demo.output_components[0]
    obs = {"start": frame(snap(s, inp))}
    click_sample(s, demo.examples_handler.dataset, 1)
    obs["loaded"] = frame(snap(s, inp))
    interface_submit(s, demo)
    obs["received"] = got[-1]
    obs["output"] = frame(snap(s, out))
    s.set(inp, [[1, 2], [3, 4]])
    interface_submit(s, demo)
    obs["transposed"] = frame(snap(s, out))
    obs["errors"] = s.errors()
    return obs


@scenario(
    received=["DataFrame", ["Name", "Jan Sales", "Feb Sales", "Mar Sales"], ["str", "int64", "int64", "int64"], [["Jon", 12, 14, 18], ["Alice", 14, 17, 2]]],
    projections=["ndarray", "int64", [[1, 1], [-9, 12]]],  # integral floats come back as JSON ints (S19)
)
def gallery_sales_projections(gr, driver):
    """sales_projections: an Interface over a gr.Dataframe with headers and a value (pandas in);
    outputs "dataframe" (the table back) and "numpy" (the quadratic fit per row)."""
    import numpy as np

    got = []

    def sales_projections(employee_data):
        got.append(frame(employee_data))
        sales = employee_data.iloc[:, 1:4].astype("int").to_numpy()
        fits = np.array([np.polyfit([0, 1, 2], row, 2).round(6)[:2] for row in sales])
        return employee_data, fits

    demo = gr.Interface(
        sales_projections,
        gr.Dataframe(headers=["Name", "Jan Sales", "Feb Sales", "Mar Sales"], value=[["Jon", 12, 14, 18], ["Alice", 14, 17, 2]]),
        ["dataframe", "numpy"],
        description="Enter sales figures for employees to predict sales trajectory over year.",
    )
    s = driver.open(demo)
    interface_submit(s, demo)
    obs = {"received": got[-1], "table": frame(snap(s, demo.output_components[0]))}
    obs["projections"] = frame(snap(s, demo.output_components[1]))
    obs["errors"] = s.errors()
    return obs


@scenario(
    loaded=[10, "bird", ["USA", "Pakistan"], "road", ["ran"], False],
    sentence="The 10 birds from USA and Pakistan went to the road where they ran until the night",
    edited="The 10 birds from USA and Pakistan went to the road where they ran and ate until the morning",
)
def gallery_sentence_builder(gr, driver):
    """sentence_builder: an Interface with a Slider, Dropdown, CheckboxGroup, Radio, a
    multiselect Dropdown and a Checkbox, and examples: an example fills all six inputs, the
    user then adds a multiselect choice and ticks the box."""
    got = []

    def sentence_builder(quantity, animal, countries, place, activity_list, morning):
        got.append([quantity, animal, countries, place, activity_list, morning])
        return f"""The {quantity} {animal}s from {" and ".join(countries)} went to the {place} where they {" and ".join(activity_list)} until the {"morning" if morning else "night"}"""

    demo = gr.Interface(
        sentence_builder,
        [
            gr.Slider(2, 20, value=4, label="Count", info="Choose between 2 and 20"),
            gr.Dropdown(["cat", "dog", "bird"], label="Animal", info="Will add more animals later!"),
            gr.CheckboxGroup(["USA", "Japan", "Pakistan"], label="Countries", info="Where are they from?"),
            gr.Radio(["park", "zoo", "road"], label="Location", info="Where did they go?"),
            gr.Dropdown(["ran", "swam", "ate", "slept"], value=["swam", "slept"], multiselect=True, label="Activity"),
            gr.Checkbox(label="Morning", info="Did they do it in the morning?"),
        ],
        "text",
        examples=[
            [2, "cat", ["Japan", "Pakistan"], "park", ["ate", "swam"], True],
            [4, "dog", ["Japan"], "zoo", ["ate", "swam"], False],
            [10, "bird", ["USA", "Pakistan"], "road", ["ran"], False],
        ],
    )
    s = driver.open(demo)
    inputs = demo.input_components
    obs = {"start": snap(s, *inputs)}
    click_sample(s, demo.examples_handler.dataset, 2)
    obs["loaded"] = snap(s, *inputs)
    interface_submit(s, demo)
    obs["sentence"] = snap(s, demo.output_components[0])
    s.set(inputs[4], ["ran", "ate"])
    s.set(inputs[5], True)
    interface_submit(s, demo)
    obs["edited"] = snap(s, demo.output_components[0])
    obs["received"] = got
    obs["errors"] = s.errors()
    return obs


@scenario(
    live=[0, 4092],
    received=[80000, "Single", ["DataFrame", ["Item", "Cost", "Deductible"], ["str", "int64", "bool"], [["Suit", 800, True], ["Watch", 1800, True], ["Food", 800, True]]]],
    example_tax=53512,
)
def gallery_tax_calculator(gr, driver):
    """tax_calculator: a live Interface (no Submit: every input change runs it) with "number",
    a Radio and a gr.Dataframe(datatype=["str", "number", "bool"]); an example fills all three
    and the tax follows."""
    got = []

    def tax_calculator(income, marital_status, assets):
        got.append([income, marital_status, frame(assets)])
        tax_brackets = [(10, 0), (25, 8), (60, 12), (120, 20), (250, 30)]
        total_deductible = sum(cost for cost, deductible in zip(assets["Cost"], assets["Deductible"]) if deductible)
        taxable_income = income - total_deductible
        total_tax = 0
        for bracket, rate in tax_brackets:
            if taxable_income > bracket:
                total_tax += (taxable_income - bracket) * rate / 100
        if marital_status == "Married":
            total_tax *= 0.75
        elif marital_status == "Divorced":
            total_tax *= 0.8
        return round(total_tax)

    demo = gr.Interface(
        tax_calculator,
        [
            "number",
            gr.Radio(["Single", "Married", "Divorced"]),
            gr.Dataframe(
                headers=["Item", "Cost", "Deductible"],
                datatype=["str", "number", "bool"],
                value=[["Suit", 100, True]],
                label="Assets Purchased this Year",
            ),
        ],
        gr.Number(label="Tax due"),
        examples=[
            [10000, "Married", [["Suit", 5000, True], ["Laptop (for work)", 800, False], ["Car", 1800, True]]],
            [80000, "Single", [["Suit", 800, True], ["Watch", 1800, True], ["Food", 800, True]]],
        ],
        live=True,
    )
    s = driver.open(demo)
    income, status, assets = demo.input_components
    out = demo.output_components[0]
    live = []
    s.set(income, 50)
    live.append(snap(s, out))
    s.set(income, 6100)
    live.append(snap(s, out))
    obs = {"live": live}
    click_sample(s, demo.examples_handler.dataset, 1)
    obs["received"] = got[-1]
    obs["example_tax"] = snap(s, out)
    obs["errors"] = s.errors()
    return obs


@scenario(
    result={"Survives": 0.75, "Perishes": 0.25},
    received=[0, True, 30, ["Sibling"], 50, 0],
)
def gallery_titanic_survival(gr, driver):
    """titanic_survival: a live Interface with gr.Dropdown(type="index"), "checkbox", a Slider,
    a CheckboxGroup, a Number and gr.Radio(type="index"), output "label" (a dict of
    confidences); an example fills the inputs by their values, the function gets indices."""
    got = []

    def predict_survival(passenger_class, is_male, age, company, fare, embark_point):
        got.append([passenger_class, is_male, age, company, fare, embark_point])
        if passenger_class is None or embark_point is None:
            return None
        survives = 0.75 if passenger_class == 0 else 0.5 - 0.1 * len(company)
        return {"Perishes": 1 - survives, "Survives": survives}

    demo = gr.Interface(
        predict_survival,
        [
            gr.Dropdown(["first", "second", "third"], type="index"),
            "checkbox",
            gr.Slider(0, 80, value=25),
            gr.CheckboxGroup(["Sibling", "Child"], label="Travelling with (select all)"),
            gr.Number(value=20),
            gr.Radio(["S", "C", "Q"], type="index"),
        ],
        "label",
        examples=[
            ["first", True, 30, ["Sibling"], 50, "S"],
            ["second", False, 40, ["Sibling", "Child"], 10, "Q"],
        ],
        live=True,
    )
    s = driver.open(demo)
    out = demo.output_components[0]
    obs = {"start": snap(s, *demo.input_components), "start_output": snap(s, out)}
    click_sample(s, demo.examples_handler.dataset, 0)
    obs["received"] = got[-1]
    obs["result"] = snap(s, out)
    click_sample(s, demo.examples_handler.dataset, 1)
    obs["second"] = [got[-1], snap(s, out)]
    obs["errors"] = s.errors()
    return obs


@scenario(
    hello="Hello Ann",
    bye="Bye Bob",
    tabs=["Hello World", "Bye World", "Chat"],
    chat=[
        {"role": "user", "metadata": None, "content": [{"text": "Cat", "type": "text"}], "options": None},
        {"role": "assistant", "metadata": None, "content": [{"text": "Hello Cat", "type": "text"}], "options": None},
    ],
)
def gallery_tabbed_interface_lite(gr, driver):
    """tabbed_interface_lite: two Interfaces and a ChatInterface in a TabbedInterface with tab
    names; each tab's app runs on its own inputs inside the host app (the chat answers and
    empties its textbox)."""
    hello_world = gr.Interface(lambda name: "Hello " + name, "text", "text")
    bye_world = gr.Interface(lambda name: "Bye " + name, "text", "text")
    chat = gr.ChatInterface(lambda *args: "Hello " + args[0])
    demo = gr.TabbedInterface([hello_world, bye_world, chat], ["Hello World", "Bye World", "Chat"])
    s = driver.open(demo)
    obs = {}
    for key, iface, name in (("hello", hello_world, "Ann"), ("bye", bye_world, "Bob")):
        s.set(iface.input_components[0], name)
        s.submit(iface.input_components[0])
        obs[key] = snap(s, iface.output_components[0])
    s.set(chat.textbox, "Cat")
    s.submit(chat.textbox)
    obs["chat"] = snap(s, chat.chatbot)
    obs["chat_box"] = snap(s, chat.textbox)
    obs["tabs"] = [b.label for b in demo.blocks.values() if type(b).__name__ in ("Tab", "TabItem")]
    obs["errors"] = s.errors()
    return obs


@scenario(
    after_click=[5, "add", 3],
    result=8,
    divided=2,
    cached_at_build=[],
    cached_output=[-10, 2],
)
def gallery_calculator_blocks_cached(gr, driver):
    """calculator_blocks_cached: gr.Examples with fn and outputs over two Numbers and a Radio;
    an example clicked fills the inputs, the Calculate button computes. With
    cache_examples=True (Gradio's cache folder in a temporary directory): which examples the
    function ran for at build, and what a click on a cached example shows in the output."""
    got = []
    with tempfile.TemporaryDirectory() as cache, _env(GRADIO_EXAMPLES_CACHE=cache):
        with gr.Blocks() as cached_demo:
            c_1, c_op, c_2, c_res = gr.Number(), gr.Radio(["add", "subtract", "multiply", "divide"]), gr.Number(), gr.Number()
            cached = gr.Examples(
                examples=[[5, "add", 3], [-4, "multiply", 2.5]],
                inputs=[c_1, c_op, c_2],
                outputs=[c_res],
                fn=lambda a, op, b: (got.append([a, op, b]), a + b if op == "add" else a * b)[1],
                cache_examples=True,
            )
        cached_at_build = list(got)
        s = driver.open(cached_demo)
        click_sample(s, cached.dataset, 1)
        cached_output = [snap(s, c_res), len(got)]
    got.clear()

    def calculator(num1, operation, num2):
        got.append([num1, operation, num2])
        if operation == "add":
            return num1 + num2
        elif operation == "subtract":
            return num1 - num2
        elif operation == "multiply":
            return num1 * num2
        elif operation == "divide":
            return num1 / num2

    with gr.Blocks() as demo:
        with gr.Row():
            with gr.Column():
                num_1 = gr.Number()
                operation = gr.Radio(["add", "subtract", "multiply", "divide"])
                num_2 = gr.Number()
                submit_btn = gr.Button(value="Calculate")
            with gr.Column():
                result = gr.Number()
        submit_btn.click(calculator, inputs=[num_1, operation, num_2], outputs=[result])
        examples = gr.Examples(
            examples=[[5, "add", 3], [4, "divide", 2], [-4, "multiply", 2.5], [0, "subtract", 1.2]],
            inputs=[num_1, operation, num_2],
            outputs=[result],
            fn=calculator,
            cache_examples=False,
        )
    s = driver.open(demo)
    click_sample(s, examples.dataset, 0)
    obs = {"after_click": snap(s, num_1, operation, num_2), "before_calculate": snap(s, result)}
    s.click(submit_btn)
    obs["result"] = snap(s, result)
    click_sample(s, examples.dataset, 1)
    s.click(submit_btn)
    obs["divided"] = snap(s, result)
    click_sample(s, examples.dataset, 2)
    s.click(submit_btn)
    obs["multiplied"] = snap(s, result)
    obs["received"] = got
    obs["cached_at_build"] = cached_at_build
    obs["cached_output"] = cached_output
    obs["errors"] = s.errors()
    return obs


@contextlib.contextmanager
def _env(**values: str):
    saved = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


# =============================================================================================
# The test
# =============================================================================================


def test_enough_scenarios() -> None:
    assert len(SCENARIOS) >= 20


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=SCENARIOS.xfail[n])) if n in SCENARIOS.xfail else n
        for n in SCENARIOS
    ],
)
def test_gallery_same_as_gradio(name: str, no_sleep: None) -> None:
    compare(name, *SCENARIOS[name])
