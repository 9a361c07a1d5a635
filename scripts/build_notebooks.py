"""Write and execute the notebooks in ``notebooks/`` (one per section of the State guide).

Each notebook shows a seed example with only its import changed, says what the pattern is,
then drives the app with ``demo.session()`` in cells whose printed output states the result.
Run ``python scripts/build_notebooks.py`` after changing the examples or the package; the
notebooks are saved executed, so that ``pytest --nbval notebooks/`` can compare them.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbclient
import nbformat

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "seed"
OUT = ROOT / "notebooks"


def seed(name: str, launch: bool = True) -> str:
    """A seed example's code with ``import gradio as gr`` changed, ending in a display."""
    code = (SEED / name).read_text().replace("import gradio as gr", "import gradio_nb as gr").rstrip()
    if launch and "demo.launch()" not in code:
        code += "\n\ndemo"
    return code


def md(text: str) -> nbformat.NotebookNode:
    return nbformat.v4.new_markdown_cell(text.strip())


def code(text: str) -> nbformat.NotebookNode:
    return nbformat.v4.new_code_cell(text.strip())


NOTEBOOKS: dict[str, list[nbformat.NotebookNode]] = {
    "01_counter.ipynb": [
        md("""
# The State component: a counter

`gr.State` keeps a value between events, for one session. The function receives the
session's current count and returns the new one; because the State is also an output,
the returned value is stored. Click **Increment** below: the count is yours alone.
"""),
        code(seed("01_counter.py")),
        md("Drive a fresh session of the same app from Python, as a test would:"),
        code("""
sess = demo.session()
for _ in range(3):
    sess.click(button)
print("state:", sess.get(state))
print("textbox:", sess.get(output))
"""),
        md("The displayed app above is another session: its count is untouched by these clicks."),
    ],
    "02_chat_history.ipynb": [
        md("""
# Accumulating chat history

The `Chatbot` is itself the conversation's state: the function receives the history,
appends the user's message and a reply, and returns it. Press **Enter** in the textbox to
send; **Clear** empties both the chat and the textbox.
"""),
        code("import random\nrandom.seed(0)  # the bot picks its reply at random; fix it for the checks"),
        code(seed("02_chat_history.py")),
        md("A scripted conversation (the reply takes a second, as in the guide):"),
        code("""
sess = demo.session()
sess.set(msg, "Hello!")
sess.submit(msg)
print("textbox after send:", repr(sess.get(msg)))
for m in sess.get(chatbot):
    print(m["role"], "->", m["content"][0]["text"])
"""),
        md("""
Note what the function receives: Gradio 6 normalises every message to
`{"role", "metadata", "content": [{"text", "type"}], "options"}`.
"""),
        code("""
print(sess.get(chatbot)[0])
sess.click(clear)
print("after Clear:", sess.get(chatbot), repr(sess.get(msg)))
"""),
    ],
    "03_multi_step.ipynb": [
        md("""
# Multi-step workflows

A dict in `gr.State` collects answers across several events: first the name, then the age.
"""),
        code(seed("03_multi_step.py")),
        code("""
sess = demo.session()
sess.set(name_input, "Ada")
sess.click(name_btn)
print(sess.get(output))
sess.set(age_input, 36)
sess.click(age_btn)
print(sess.get(output))
print("state:", sess.get(state))
"""),
        md("""
As in Gradio, an untouched `Number` holds 0, not `None`: submitting the age first stores 0.
"""),
        code("""
other = demo.session()
other.click(age_btn)
print(other.get(output), other.get(state))
"""),
    ],
    "04_click_counter.ipynb": [
        md("""
# Maintaining counters

Two States, a number and a list, updated by the same click; the visible textbox shows the
history.
"""),
        code(seed("04_click_counter.py")),
        code("""
sess = demo.session()
for _ in range(3):
    sess.click(button)
print("clicks:", sess.get(click_count))
print(sess.get(output))
"""),
    ],
    "05_interface_state.ipynb": [
        md("""
# Interface with state

`gr.Interface` accepts `"state"` among its inputs and outputs: exactly one of each, which
become one State (starting at `None`). Type a line and press **Submit** (or Enter).
"""),
        code(seed("05_interface_state.py")),
        code("""
text_in, state_in = demo.input_components
text_out = demo.output_components[0]
sess = demo.session()
for line in ["first", "second", "third"]:
    sess.set(text_in, line)
    sess.submit(text_in)
print(sess.get(text_out))
print("state:", sess.get(state_in))
"""),
        md("Gradio's rule is checked when the Interface is built:"),
        code("""
try:
    gr.Interface(fn=process_with_state, inputs=["textbox", "state", "state"], outputs=["textbox", "state"])
except ValueError as err:
    print("ValueError:", err)
"""),
    ],
    "06_complex_state.ipynb": [
        md("""
# Complex state objects

Any Python object can be State, here a dataclass. Each session gets its own deep copy.
"""),
        code(seed("06_complex_state.py")),
        code("""
sess = demo.session()
for text in ["hi", "there"]:
    sess.set(msg_input, text)
    sess.click(msg_btn)
print(sess.get(status))
print(sess.get(session).messages)
sess.click(init_btn)
print(sess.get(status), "->", sess.get(session).messages)
"""),
    ],
    "07_state_vs_visible.ipynb": [
        md("""
# State vs. visible components

Use `gr.State` for what the user should not see (an internal counter); use a visible
component as state when the user may read or edit it (a history).
"""),
        code(seed("07_hidden_counter.py")),
        code("""
sess = demo.session()
for _ in range(3):
    sess.click(btn)
print("hidden counter:", sess.get(counter), "| shown:", sess.get(display))
"""),
        code(seed("08_visible_history.py")),
        code("""
sess = demo.session()
for entry in ["one", "two"]:
    sess.set(new_entry, entry)
    sess.click(btn)
print(repr(sess.get(history)))
sess.set(history, "edited by the user")
sess.set(new_entry, "three")
sess.click(btn)
print(repr(sess.get(history)))
"""),
    ],
    "08_initializing_state.ipynb": [
        md("""
# Initializing state

Default values are deep-copied for every session; `demo.load` runs once per session, when
it opens, and can compute a value such as a timestamp.
"""),
        code(seed("09_default_values.py")),
        code("""
a, b = demo.session(), demo.session()
for s in (counter, text_state, list_state, dict_state, custom_state):
    print(repr(a.get(s)))
mutable = (list_state, dict_state, custom_state)
print("equal in both sessions:", all(a.get(s) == b.get(s) for s in mutable))
print("but never the same object:", all(a.get(s) is not b.get(s) for s in mutable))
"""),
        code(seed("10_dynamic_init.py")),
        code("""
sess = demo.session()
print(sess.get(status))
print(sorted(sess.get(session)), type(sess.get(session)["started_at"]).__name__)
"""),
    ],
    "09_clearing_state.ipynb": [
        md("""
# Clearing state

A reset button returns the defaults; `gr.ClearButton` empties visible components and resets
States to the value they were declared with.
"""),
        code(seed("11_reset.py")),
        code("""
sess = demo.session()
sess.click(increment_btn)
sess.click(increment_btn)
print(sess.get(counter), sess.get(messages))
sess.click(reset_btn)
print(sess.get(counter), repr(sess.get(messages)), sess.get(status))
"""),
        code(seed("12_clear_button.py")),
        code("""
sess = demo.session()
sess.set(textbox, "draft")
sess.get(state).append("item")
print(sess.get(state), repr(sess.get(textbox)))
sess.click(clear_btn)
print(sess.get(state), repr(sess.get(textbox)))
"""),
        md("""
Gradio's ClearButton empties a visible component rather than restoring its constructor
value: a `Textbox(value="hi")` is cleared to `""`, a `Number` to `None`.
"""),
    ],
    "10_session_isolation.ipynb": [
        md("""
# Session isolation

Every display of an app is a session, as every browser tab is in Gradio. Two sessions of
this counter never see each other's count.
"""),
        code(seed("13_session_isolation.py")),
        code("""
user_a, user_b = demo.session(), demo.session()
for _ in range(3):
    user_a.click(btn)
user_b.click(btn)
print("A:", user_a.get(counter), "B:", user_b.get(counter))
"""),
        code("""
sessions = [demo.session() for _ in range(100)]
for i, s in enumerate(sessions):
    for _ in range(i % 7):
        s.click(btn)
print("all correct:", all(s.get(counter) == i % 7 for i, s in enumerate(sessions)))
for s in sessions:
    s.close()
"""),
    ],
    "11_memory.ipynb": [
        md("""
# Memory considerations

State lives in the kernel's memory, per session. gradio_nb copies a State's default
lazily: a session that never reads the large list below does not copy it.
"""),
        code(seed("14_memory.py")),
        code("""
a, b = demo.session(), demo.session()
print("copied before first read:", "state_%d" % large_data._id in a.states.values)
first = a.get(large_data)
print(len(first), "items; copied now:", "state_%d" % large_data._id in a.states.values)
print("each session has its own list:", a.get(large_data) is not b.get(large_data))
a.close(); b.close()
print("open sessions after close:", len(demo.sessions))
"""),
    ],
    "12_conditional_updates.ipynb": [
        md("""
# Conditional updates

The function decides whether to change the State; its message says which branch ran.
"""),
        code(seed("15_conditional.py")),
        code("""
sess = demo.session()
for value in [5, 15, 25]:
    sess.set(value_input, value)
    sess.click(btn)
    print(sess.get(status))
print("state:", sess.get(state))
"""),
    ],
    "13_chains.ipynb": [
        md("""
# Chains of events

`.then()` runs another function after the first has finished; it reads the State as the
first step left it.
"""),
        code(seed("16_chain.py")),
        code("""
sess = demo.session()
sess.set(inp, "hello")
sess.click(btn)
print(sess.get(mid), "->", sess.get(out))
print(sess.get(state))
"""),
        md("As in Gradio 6, `.then` does not run after an error; `.failure` does:"),
        code("""
with gr.Blocks() as failing:
    box = gr.Textbox()
    go = gr.Button("Go")
    def boom(text):
        raise gr.Error("Something went wrong")
    event = go.click(boom, box, box)
    event.then(lambda: "then ran", None, box)
    event.failure(lambda: "failure ran", None, box)

sess = failing.session()
sess.click(go)
print("box:", sess.get(box))
print("shown to the user:", sess.errors[-1].title + ":", sess.errors[-1].message)
"""),
    ],
    "streaming_and_chat.ipynb": [
        md("""
# Streaming, chat, progress and errors

Beyond the State guide: a `gr.ChatInterface` whose function *yields* growing replies, so the
answer appears word by word; a long task with `gr.Progress`; and what the user sees when a
function raises `gr.Error`. Each runs in the kernel, with the chat history held per session.
"""),
        code("""
import time
import gradio_nb as gr

def typewriter(message, history):
    reply = f"You said: {message}. That makes {len(history) // 2 + 1} messages from you."
    shown = ""
    for word in reply.split():
        shown += word + " "
        time.sleep(0.05)
        yield shown.strip()

chat = gr.ChatInterface(typewriter, title="Typewriter", examples=["Hello!", "What is State?"])
chat
"""),
        md("Drive a fresh session: every yield reaches the chat as it comes."),
        code("""
sess = chat.session()
seen = []
sess.widget(chat.chatbot).observe(lambda change: seen.append(len(change["new"])), names="messages")
sess.set(chat.textbox, "hi")
sess.submit(chat.textbox)
for m in sess.get(chat.chatbot):
    print(m["role"], "->", m["content"][0]["text"])
print("updates of the chat during the reply:", len(seen))
sess.click(chat.example_buttons[1])
print(sess.get(chat.chatbot)[-1]["content"][0]["text"])
"""),
        md("""
## Progress

Declare `progress=gr.Progress()` as a parameter: the app shows a bar while the function
runs and hides it when the event is over.
"""),
        code("""
def crunch(n, progress=gr.Progress()):
    progress(0, desc="Starting")
    total = 0
    for i in progress.tqdm(range(int(n)), desc="Crunching"):
        time.sleep(0.02)
        total += i
    return total

with gr.Blocks() as worker:
    n = gr.Number(20, label="How many")
    result = gr.Number(label="Sum")
    crunch_btn = gr.Button("Crunch")
    crunch_btn.click(crunch, n, result)

worker
"""),
        code("""
sess = worker.session()
sess.click(crunch_btn)
print("sum:", sess.get(result))
print("progress reports:", len(sess.progress), "| first:", sess.progress[0], "| last:", sess.progress[-1])
"""),
        md("""
## Errors

`gr.Error` shows its message in the app; the outputs stay as they were, and the app keeps
working. Any other exception is shown with its type. `sess.errors` records what was shown.
"""),
        code("""
def divide(a, b):
    if b == 0:
        raise gr.Error("Cannot divide by zero", title="Oops")
    return a / b

with gr.Blocks() as calc:
    a = gr.Number(1, label="a")
    b = gr.Number(0, label="b")
    out = gr.Number(label="a / b")
    go = gr.Button("Divide")
    go.click(divide, [a, b], out)

calc
"""),
        code("""
sess = calc.session()
sess.click(go)
print(sess.errors[-1].title, "-", sess.errors[-1].message, "| output still:", sess.get(out))
sess.set(b, 4)
sess.click(go)
print("after fixing b:", sess.get(out))
"""),
    ],
    "inspecting_state.ipynb": [
        md("""
# Inspecting State: what each event really did

gradio_nb runs in your kernel, so it can show what Gradio's server keeps hidden.
`demo.launch(inspect=True)` puts a **State inspector** beside the app: each State's name,
type, size and (summarised) value, and a log of every event: its inputs, what it changed,
how long it took, any error. It updates as you click. `sess.history` is the same log as
data, for tests and for the cells below. Click **Increment** and watch the panel.
"""),
        code(seed("01_counter.py").replace("demo.launch()", "demo.launch(inspect=True)")),
        md("""
Every record prints as the panel shows it (without the timing). The same clicks, driven
from Python in a fresh session:
"""),
        code("""
sess = demo.session()
sess.click(button)
sess.click(button)
print(*sess.history, sep="\\n")
"""),
        md("""
`state` was **replaced**: `count + 1` is a new object, and returning it makes it the
session's value. The textbox was **set**.

## Mutating in place vs returning a new value

A function receives the session's own object. Mutating it in place changes the State even
if the function returns nothing for it. Gradio's `State.change` event compares a *deep
hash*, and a dataclass hashes by identity: mutated in place, it looks unchanged, so
`.change` does not fire. A new object does.
"""),
        code("""
import gradio_nb as gr
from dataclasses import dataclass, field

@dataclass
class Basket:
    items: list = field(default_factory=list)

def add_in_place(item, basket):
    basket.items.append(item)
    return basket

def add_new(item, basket):
    return Basket(basket.items + [item])

with gr.Blocks() as shop:
    basket = gr.State(Basket())
    item = gr.Textbox("apple", label="Item")
    in_place = gr.Button("Add (mutate in place)")
    new_value = gr.Button("Add (return a new Basket)")
    fired = gr.Number(0, label="basket.change fired")
    in_place.click(add_in_place, [item, basket], basket)
    new_value.click(add_new, [item, basket], basket)
    basket.change(lambda n: n + 1, fired, fired)

shop.launch(inspect=True)
"""),
        code("""
sess = shop.session()
sess.click(in_place)
print(*sess.history, sep="\\n")
print("change fired:", sess.get(fired))
"""),
        code("""
sess.click(new_value)
print(*sess.history[1:], sep="\\n")
print("change fired:", sess.get(fired))
"""),
        md("""
The in-place click changed the basket (see *mutated in place*) but `.change` stayed at 0;
returning a new `Basket` replaced it and fired `.change`, which ran as a second event.

## The Chatbot is itself state

The guide's chat app has no `gr.State`: the conversation lives in the `Chatbot`. The
function receives the history, appends to it and returns it.
"""),
        code("import random\nrandom.seed(0)  # the bot picks its reply at random; fix it for the checks"),
        code(seed("02_chat_history.py").replace("demo.launch()", "demo.launch(inspect=True)")),
        code("""
sess = demo.session()
sess.set(msg, "Hello!")
sess.submit(msg)
print(*sess.history, sep="\\n")
print("State sizes:", sess.state_sizes)
"""),
        md("""
No State at all, yet the conversation is kept: the Chatbot's value is the session's
history, and the browser shows it.

## What ClearButton resets

`gr.ClearButton([state, textbox])` puts a State back to the value it had when it was
added, and empties visible components.
"""),
        code("""
with gr.Blocks() as notes_app:
    notes = gr.State([])
    note = gr.Textbox(label="Note")
    add = gr.Button("Add")
    add.click(lambda n, ns: ("", ns + [n]), [note, notes], [note, notes])
    clear = gr.ClearButton([notes, note])

notes_app.launch(inspect=True)
"""),
        code("""
sess = notes_app.session()
for text in ["buy milk", "call Ada"]:
    sess.set(note, text)
    sess.click(add)
sess.set(note, "half-typed")
sess.click(clear)
print(*sess.history[-1:], sep="\\n")
print("notes now:", sess.get(notes), "| note now:", repr(sess.get(note)))
"""),
        md("""
## Sessions as data: watching memory grow

Each display is a session with its own copies. `demo.sessions` lists the open ones with
the size of each State; `demo.close_all()` frees them.
"""),
        code("""
from gradio_nb.inspection import format_size

with gr.Blocks() as log_app:
    lines = gr.State([])
    line = gr.Textbox("x" * 100, label="Line")
    keep = gr.Button("Keep")
    keep.click(lambda l, ls: ls + [f"{len(ls)}: {l}"], [line, lines], lines)

first, second = log_app.session(), log_app.session()
for _ in range(100):
    first.click(keep)
second.click(keep)
for s in log_app.sessions:
    print(f"session {s.number - first.number + 1}:", {name: format_size(size) for name, size in s.state_sizes.items()})
log_app.close_all()
print("open after close_all:", len(log_app.sessions))
"""),
        md("""
## State that survives a kernel restart

`gr.State(value, persist="name")` keeps the value in a SQLite file next to the notebook
(`gradio_nb_state.sqlite`, or `persist_path=`), as JSON: restart the kernel, run the app
again, and it starts where it stopped. Here a temporary file stands in, and a second app
built from scratch stands in for the restarted kernel.
"""),
        code("""
import tempfile
from pathlib import Path

path = Path(tempfile.mkdtemp()) / "state.sqlite"

def visit_app():
    with gr.Blocks() as app:
        visits = gr.State(0, persist="visits", persist_path=path)
        shown = gr.Textbox(label="Visits")
        app.load(lambda v: (v + 1, f"visit {v + 1}"), visits, [visits, shown])
    return app, shown

app, shown = visit_app()
print(app.session().get(shown), "|", app.session().get(shown))
app, shown = visit_app()  # as if the kernel had restarted
print(app.session().get(shown))
"""),
        md("Only JSON can be kept, and anything else is a clear error before anything is written:"),
        code("""
with gr.Blocks() as tags_app:
    tags = gr.State([], persist="tags", persist_path=path)
    tag_btn = gr.Button("Tag")
    tag_btn.click(lambda t: {"python", "state"}, tags, tags)

sess = tags_app.session()
sess.click(tag_btn)
print(sess.errors[-1].message.splitlines()[0])
print("tags still:", sess.get(tags))
"""),
        md("""
## BrowserState: kept in the visitor's browser

`gr.BrowserState` (as in Gradio) keeps its value in the browser's localStorage, per
notebook and key: reload the page, or restart the kernel and run the cell again, and the
app gets it back. Its `load` events wait for the page to send the kept value. Type a name,
press **Save**, then reload the page and run this cell again.
"""),
        code("""
with gr.Blocks() as profile:
    saved = gr.BrowserState("", storage_key="profile-name")
    name = gr.Textbox(label="Your name")
    save = gr.Button("Save")
    save.click(lambda n: n, name, saved)
    profile.load(lambda s: s, saved, name)

profile.launch(inspect=True)
"""),
        md("A headless session has no browser: it starts from the default and keeps nothing."),
        code("""
sess = profile.session()
print(repr(sess.get(name)), "|", repr(sess.get(saved)))
"""),
    ],
    "data_apps.ipynb": [
        md("""
# Data apps: State with tables, checkboxes and multi-selects

Three small apps in which the data lives in `gr.State` and the visible components show a
view of it: a `gr.Dataframe` (a windowed table: only the rows in view travel to the page),
a `gr.CheckboxGroup`, a `gr.Dropdown(multiselect=True)` and `gr.Examples`. Each app is
displayed, then a fresh session of it is driven from Python and prints what changed.

## 1. A todo list in a Dataframe

The tasks are a list in `gr.State`, one `[task, done]` pair each; the table only *shows*
them. Every function returns a **new** list, both to the State and to the table, so the two
never disagree. Add a few tasks, then click a row to mark it done: `.select` passes a
`gr.SelectData` whose `index` is `[row, col]`, `value` the clicked cell and `row_value` the
whole row. **Clear done** drops the finished tasks.
"""),
        code("""
import gradio_nb as gr

def add_task(text, tasks):
    if not text.strip():
        return "", tasks, tasks
    tasks = tasks + [[text.strip(), False]]
    return "", tasks, tasks

def mark_done(tasks, evt: gr.SelectData):
    row = evt.index[0]
    tasks = [[task, done or i == row] for i, (task, done) in enumerate(tasks)]
    return tasks, tasks

def clear_done(tasks):
    tasks = [[task, done] for task, done in tasks if not done]
    return tasks, tasks

with gr.Blocks() as todo:
    tasks = gr.State([])
    with gr.Row():
        new_task = gr.Textbox(label="New task", scale=3)
        add = gr.Button("Add")
    table = gr.Dataframe(
        headers=["task", "done"], datatype=["str", "bool"], type="array",
        interactive=False, label="Tasks (click a row to mark it done)",
    )
    clear_btn = gr.Button("Clear done")
    add.click(add_task, [new_task, tasks], [new_task, tasks, table])
    new_task.submit(add_task, [new_task, tasks], [new_task, tasks, table])
    table.select(mark_done, tasks, [tasks, table])
    clear_btn.click(clear_done, tasks, [tasks, table])

todo
"""),
        md("""
Drive a fresh session: add three tasks.
"""),
        code("""
sess = todo.session()
for text in ["write notes", "grade essays", "plan lesson"]:
    sess.set(new_task, text)
    sess.click(add)
print("state:", sess.get(tasks))
print("table:", sess.get(table))
"""),
        md("""
Now select the second row. In the page a click sends only the cell's row and column, and
the kernel fills in `value`, `row_value` and `col_value` from the table. Headless,
`sess.trigger(table, "select", data)` runs the `.select` listeners with the payload you
give, as the page would send it to Gradio, so build it from the table. The row index names
a row of the table as held (sorting or searching in the page changes only what is shown),
which here is also the task's place in the State.
"""),
        code("""
rows = sess.get(table)  # type="array": a list of lists
sess.trigger(table, "select", {
    "index": [1, 0], "value": rows[1][0],
    "row_value": rows[1], "col_value": [r[0] for r in rows],
})
print("state:", sess.get(tasks))
print("table:", sess.get(table))
"""),
        md("The event log (`sess.history`) says what that select did: the State was **replaced** by a new list, and the table was **set**."),
        code("""
print(*sess.history[-1:], sep="\\n")
"""),
        code("""
sess.click(clear_btn)
print("state:", sess.get(tasks))
print("table:", sess.get(table))
print("events so far:", *(record.event for record in sess.history), sep="\\n    ")
"""),
        md("""
## 2. A filterable table

The full table is a pandas DataFrame kept in `gr.State`; the Dataframe shows only the rows
that match the search and the minimum population. The filter *reads* the State and never
writes it, so widening the filter brings every row back. `gr.on(triggers=None,
inputs=[...])` runs it when the app loads and whenever one of its inputs changes. (Data that
never changes could be a plain constant, shared by every session; a State is the place for
data each session may change, say one the user uploads.) The **Examples** fill both
filters with one click.
"""),
        code("""
import pandas as pd

cities = pd.DataFrame({
    "city": ["Tokyo", "Delhi", "Shanghai", "Dhaka", "São Paulo", "Cairo", "Mexico City",
             "Beijing", "Mumbai", "Osaka", "Lagos", "Paris"],
    "country": ["Japan", "India", "China", "Bangladesh", "Brazil", "Egypt", "Mexico",
                "China", "India", "Japan", "Nigeria", "France"],
    "continent": ["Asia", "Asia", "Asia", "Asia", "South America", "Africa", "North America",
                  "Asia", "Asia", "Asia", "Africa", "Europe"],
    "population_m": [37.1, 33.8, 29.9, 23.9, 22.8, 22.6, 22.5, 21.8, 21.7, 19.0, 16.0, 11.3],
})

def filter_rows(data, text, minimum):
    text = text.strip().lower()
    keep = data["population_m"] >= minimum
    if text:
        keep &= data["city"].str.lower().str.contains(text) | data["country"].str.lower().str.contains(text)
    return data[keep]

with gr.Blocks() as finder:
    all_cities = gr.State(cities)
    with gr.Row():
        search = gr.Textbox(label="Search city or country")
        minimum = gr.Slider(0, 40, value=0, step=1, label="Minimum population (millions)")
    shown = gr.Dataframe(label="Cities", interactive=False)
    gr.on(triggers=None, fn=filter_rows, inputs=[all_cities, search, minimum], outputs=shown)
    filters = gr.Examples([["india", 0], ["", 25], ["japan", 20]], inputs=[search, minimum])

finder
"""),
        md("Each filter, in a fresh session, and how many rows the table shows after it (`type=\"pandas\"`, the default, gives a DataFrame):"),
        code("""
def report(step):
    rows = sess.get(shown)
    cities_shown = f" {list(rows['city'])}" if len(rows) < 5 else ""
    print(f"{step:<28} rows: {len(rows):>2}{cities_shown}")

sess = finder.session()
report("at load")
sess.set(search, "china")
report("search 'china'")
sess.set(minimum, 25)
report("and minimum 25 (millions)")
sess.set(search, "")
report("search cleared")
sess.set(minimum, 0)
report("minimum back to 0")
print("rows in the State all along:", len(sess.get(all_cities)))
"""),
        md("""
Clicking an example fills both filters, and the filter runs on the new values
(`sess.trigger(filters.dataset, "click", {"index": i})` clicks example `i`):
"""),
        code("""
for i in range(3):
    sess.trigger(filters.dataset, "click", {"index": i})
    report(f"example {i}: {sess.get(search)!r}, {sess.get(minimum)}")
"""),
        md("""
## 3. A multi-select filter, counted per session

A `gr.CheckboxGroup` of continents picks the rows and a `gr.Dropdown(multiselect=True)`
picks the columns. `applied = gr.State(0)` counts the filters applied *in this session*: it
is both an input and an output of the filter. Every display and every `demo.session()` is a
session of its own, with its own selections and its own count, exactly as every browser
tab is in Gradio.
"""),
        code("""
continents = sorted(cities["continent"].unique())

def apply_filter(picked, columns, count):
    rows = cities[cities["continent"].isin(picked)]
    return rows[columns or list(cities.columns)], count + 1, count + 1

with gr.Blocks() as explorer:
    applied = gr.State(0)
    picked = gr.CheckboxGroup(continents, value=continents, label="Continents")
    columns = gr.Dropdown(list(cities.columns), value=list(cities.columns), multiselect=True, label="Columns")
    view = gr.Dataframe(cities, label="Cities", interactive=False)
    count_box = gr.Number(0, label="Filters applied in this session", interactive=False)
    gr.on([picked.change, columns.change], apply_filter, [picked, columns, applied], [view, applied, count_box])

explorer
"""),
        md("Two sessions, filtered differently:"),
        code("""
alice, bob = explorer.session(), explorer.session()
alice.set(picked, ["Asia"])
alice.set(columns, ["city", "population_m"])
bob.set(picked, ["Africa", "Europe"])
for name, s in [("alice", alice), ("bob", bob)]:
    table_now = s.get(view)
    print(f"{name}: filters applied {s.get(applied)}, columns {list(table_now.columns)}")
    print(f"    rows: {len(table_now)}", list(table_now["city"]))
"""),
        code("""
bob.set(picked, [])
bob.set(picked, ["Africa"])
print("alice: filters applied", alice.get(applied), "| rows:", list(alice.get(view)["city"]))
print("bob:   filters applied", bob.get(applied), "| rows:", list(bob.get(view)["city"]))
"""),
        md("""
Bob's two extra filters raised only his count; Alice's State and table are untouched. The
app displayed above is a third session, still at zero until you tick a box.
"""),
    ],
}

NOTEBOOKS["media_and_plots.ipynb"] = [
    md("""
# Media and plots: images with an undo history, a plot driven by sliders, a file round trip

Images, charts and files travel between the kernel and the page as bytes on the widgets'
own channel (binary comm buffers): no server, no temporary URL, no base64. Each app is
displayed, then a fresh session of it is driven from Python and prints what it received.

## 1. An image filter with an undo history in State

The edits are a list of images in `gr.State`: every filter pushes the current image onto it,
**Undo** pops the last one back. The history is per session and never sent to the page: only
the image shown travels. The sample photo comes with gradio_nb (`gr.get_image`). The image is
kept as PNG (`format="png"`, lossless), so an undo gives back the very same pixels; Gradio's
default, webp, is lossy: each round trip would change them a little.
"""),
    code("""
import numpy as np
import gradio_nb as gr

def apply(kind, image, history):
    if image is None:
        raise gr.Error("Upload an image first.")
    if kind == "Invert":
        new = 255 - image
    elif kind == "Grayscale":
        gray = image.mean(axis=2, keepdims=True).astype(np.uint8)
        new = np.repeat(gray, 3, axis=2)
    else:  # Mirror
        new = image[:, ::-1]
    return new, history + [image], f"{len(history) + 1} edit(s) to undo"

def undo(image, history):
    if not history:
        return image, history, "nothing to undo"
    return history[-1], history[:-1], f"{len(history) - 1} edit(s) to undo"

with gr.Blocks() as filters:
    history = gr.State([])
    photo = gr.Image(gr.get_image("cheetah.jpg"), type="numpy", format="png", label="Photo", height=240)
    with gr.Row():
        buttons = [gr.Button(kind) for kind in ("Invert", "Grayscale", "Mirror")]
        back = gr.Button("Undo", variant="secondary")
    status = gr.Textbox(label="History", value="nothing to undo")
    for button in buttons:
        button.click(lambda image, hist, kind=button.value: apply(kind, image, hist), [photo, history], [photo, history, status])
    back.click(undo, [photo, history], [photo, history, status])

filters
"""),
    code("""
sess = filters.session()
original = sess.get(photo)
for kind in ("Invert", "Mirror"):
    sess.click(next(b for b in buttons if b.value == kind))
print("after two edits:", sess.get(status), "| pixels changed:", bool((sess.get(photo) != original).any()))
sess.click(back)
sess.click(back)
print("after two undos:", sess.get(status), "| back to the original:", bool((sess.get(photo) == original).all()))
print("images kept in State:", len(sess.get(history)))
"""),
    md("""
## 2. A plot driven by sliders

`gr.LinePlot` draws a DataFrame with Vega-Lite, which ships with gradio_nb: the chart draws
with no network. Each slider's `.change` recomputes the rows; only the data travels.
"""),
    code("""
import pandas as pd

def wave(frequency, amplitude):
    x = np.linspace(0, 2 * np.pi, 200)
    return pd.DataFrame({"x": x, "y": amplitude * np.sin(frequency * x)})

with gr.Blocks() as waves:
    frequency = gr.Slider(1, 10, value=2, step=1, label="Frequency")
    amplitude = gr.Slider(0.5, 3, value=1, step=0.5, label="Amplitude")
    plot = gr.LinePlot(wave(2, 1), x="x", y="y", title="A sine wave", y_lim=[-3, 3], height=260)
    for slider in (frequency, amplitude):
        slider.change(wave, [frequency, amplitude], plot)

waves
"""),
    code("""
sess = waves.session()
sess.set(amplitude, 2.5)
data = sess.get(plot)
ys = [row[1] for row in data["data"]]
print("columns:", data["columns"], "| rows:", len(data["data"]), "| highest point:", round(max(ys), 2))
"""),
    md("""
## 3. A file round trip

A file chosen in the page arrives in the kernel as a path in the session's own temporary
folder, as Gradio hands it to the function; the function writes a new file and returns its
path, which the page can download. The folder is deleted when the session closes.
"""),
    code("""
from pathlib import Path

def shout(path):
    text = Path(path).read_text()
    out = Path(path).with_name(Path(path).stem + "_upper.txt")
    out.write_text(text.upper())
    return str(out), f"{len(text)} characters"

with gr.Blocks() as files:
    upload = gr.File(label="A text file", file_types=[".txt"])
    result = gr.File(label="Upper-cased")
    size = gr.Textbox(label="Read")
    upload.upload(shout, upload, [result, size])

files
"""),
    code("""
sample = Path(gr.get_file("sample.txt"))
sess = files.session()
sess.set(upload, str(sample))
sess.trigger(upload, "upload")
out = Path(sess.get(result))
print("received:", sess.get(size), "| returned:", out.name)
print("same text upper-cased:", out.read_text() == sample.read_text().upper())
sess.close()
print("session's files removed:", not out.exists())
"""),
]


NOTEBOOKS["dynamic_apps.ipynb"] = [
    md("""
# Dynamic apps: `@gr.render` and `gr.Timer`

So far every app had a fixed layout. Here the layout itself follows the State:

- `@gr.render(inputs=...)` runs a function that **declares components**; it runs again
  whenever an input changes, and its new components replace the old ones;
- a component made with `key=` is *the same component* in the next run: it keeps what the
  person typed into it;
- `gr.Timer` fires a `tick` event every few seconds, so an app can change with no click.

Each app is displayed, then a fresh session of it is driven from Python (`demo.session()`)
and prints what happened, so the checks below never depend on the page.

## 1. A to-do list made by a render function

The tasks are a list of dicts in `gr.State`. Almost the whole app is one render function
that reads the list and declares a row per task, each with its own **Done** and **Delete**
buttons. Their listeners are declared *inside* the function, so each run wires the new
buttons. Each handler changes the list and returns it to the State: that change re-runs the
render. `task=task` freezes the loop variable: each button acts on its own task.
Type a task and press **Enter**, then click **Done**.
"""),
    code("""
import gradio_nb as gr

with gr.Blocks() as todo:
    tasks = gr.State([])
    new_task = gr.Textbox(label="Task Name", max_lines=1)

    def add_task(tasks, new_task_name):
        return tasks + [{"name": new_task_name, "complete": False}], ""

    new_task.submit(add_task, [tasks, new_task], [tasks, new_task])

    @gr.render(inputs=tasks)
    def render_todos(task_list):
        complete = [task for task in task_list if task["complete"]]
        incomplete = [task for task in task_list if not task["complete"]]
        gr.Markdown(f"### Incomplete Tasks ({len(incomplete)})")
        for task in incomplete:
            with gr.Row():
                gr.Textbox(task["name"], show_label=False, container=False)
                done_btn = gr.Button("Done", scale=0)

                def mark_done(task=task):
                    task["complete"] = True
                    return task_list

                done_btn.click(mark_done, None, [tasks])
                delete_btn = gr.Button("Delete", scale=0, variant="stop")

                def delete(task=task):
                    task_list.remove(task)
                    return task_list

                delete_btn.click(delete, None, [tasks])

        gr.Markdown(f"### Complete Tasks ({len(complete)})")
        for task in complete:
            gr.Textbox(task["name"], show_label=False, container=False)

todo
"""),
    md("""
Drive a fresh session: add three tasks. `s.rendered(render_todos)` lists the blocks the
render function's last run made, in layout order (look them up again after each re-render:
every run makes new block objects).
"""),
    code("""
def show(s):
    for block in s.rendered(render_todos):
        if isinstance(block, gr.Markdown):
            print(block.value)
        elif isinstance(block, gr.Textbox):
            print("   ", s.get(block))

s = todo.session()
for name in ["Buy milk", "Write report", "Call Ada"]:
    s.set(new_task, name)
    s.submit(new_task)
show(s)
"""),
    md("""
Click **Done** on the first task. The click changes the State, and the change re-runs the
render: the task moves under *Complete Tasks*.
"""),
    code("""
def buttons(s, label):
    return [b for b in s.rendered(render_todos) if isinstance(b, gr.Button) and b.value == label]

s.click(buttons(s, "Done")[0])
s.click(buttons(s, "Delete")[-1])  # and delete the last one
show(s)
print("State:", s.get(tasks))
"""),
    md("""
The event log (`s.history`) shows each run of the render function as one record: how many
blocks it showed before and after, how many are **new**, how many were **kept** (the
unkeyed rows at the same place keep their box and are refilled) and how many were
**removed**. The last four records are the Done click, its re-render, the Delete click and
its re-render:
"""),
    code("""
for record in s.history[-4:]:
    print(record)
"""),
    md("""
## 2. A live counter with a `gr.Timer`

A `gr.Timer(1)` ticks every second; its `tick` listener adds one to the count. **Stop** and
**Start** return `gr.Timer(active=...)` to the timer. In the page the count goes up on its
own while the app is visible (it stops when the output is cleared).
"""),
    code("""
with gr.Blocks() as clock:
    timer = gr.Timer(1)
    count = gr.Number(0, label="Seconds running")
    with gr.Row():
        stop = gr.Button("Stop")
        start = gr.Button("Start")
    timer.tick(lambda n: n + 1, count, count)
    stop.click(lambda: gr.Timer(active=False), None, timer)
    start.click(lambda: gr.Timer(active=True), None, timer)

clock
"""),
    md("""
A session driven from Python has a *virtual* clock: nothing ticks until `s.advance(seconds)`
moves it on, running every tick that falls due (it returns how many ran). So the result is
the same on every run, however slow the machine.
"""),
    code("""
s = clock.session()
print("3 s later:", s.advance(3), "ticks, count", s.get(count))
s.click(stop)
print("stopped, 3 s later:", s.advance(3), "ticks, count", s.get(count))
s.click(start)
print("started, 2.5 s later:", s.advance(2.5), "ticks, count", s.get(count))
"""),
    md("""
Each timer belongs to one session: another session's clock has not moved.
"""),
    code("""
other = clock.session()
print("another session:", other.get(count))
other.close()
s.close()
"""),
    md("""
## 3. Keyed boxes keep their values: merging text

A State counts the boxes; **Add Box** increments it, which re-runs the render. Each box is
made with `key=i`: when the render runs again, box 0 is the same component, so the text the
person typed stays. The **Merge** button is declared outside the render function, but its
listener is declared inside, because it needs the boxes of the current run.
Type in *Box 0*, click **Add Box**, type in *Box 1*, then **Merge**.
"""),
    code("""
with gr.Blocks() as merge_demo:
    text_count = gr.State(1)
    add_btn = gr.Button("Add Box")
    add_btn.click(lambda x: x + 1, text_count, text_count)

    @gr.render(inputs=text_count)
    def render_count(count):
        boxes = []
        for i in range(count):
            box = gr.Textbox(key=i, label=f"Box {i}")
            boxes.append(box)

        def merge(*args):
            return " ".join(args)

        merge_btn.click(merge, boxes, output)

    merge_btn = gr.Button("Merge")
    output = gr.Textbox(label="Merged Output")

merge_demo
"""),
    code("""
s = merge_demo.session()
box0 = s.rendered(render_count)[0]
s.set(box0, "hello")
s.click(add_btn)
boxes = s.rendered(render_count)
print([(box.label, s.get(box)) for box in boxes])
s.set(boxes[1], "world")
s.click(merge_btn)
print("merged:", s.get(output))
"""),
    md("""
The re-render after **Add Box** kept Box 0 (same class, same key) and made only Box 1:
"""),
    code("""
for record in s.history:
    print(record)
"""),
    md("""
Without `key=`, each run would make a new, empty Box 0. Try it: remove `key=i` above, run
the app again, type in Box 0 and click **Add Box**.
"""),
]


INDEX = [
    md("""
# gradio_nb: State in Blocks, in a notebook

Gradio's *State in Blocks* guide, section by section, with `import gradio_nb as gr`: each
app runs inline as Jupyter widgets, with no server. Every notebook shows the app, then
drives a fresh session of it from Python and prints what happened.
"""),
    md("\n".join(f"- [{name.removesuffix('.ipynb').lstrip('0123456789_').replace('_', ' ').capitalize()}]({name})" for name in NOTEBOOKS)),
    code("""
import gradio_nb as gr

with gr.Blocks() as demo:
    name = gr.Textbox(label="Name")
    greeting = gr.Textbox(label="Greeting")
    name.submit(lambda n: f"Hello {n}!", name, greeting)

demo
"""),
    code("""
sess = demo.session()
sess.set(name, "notebook")
sess.submit(name)
print(sess.get(greeting))
"""),
]


def execute(cells: list[nbformat.NotebookNode], path: Path) -> None:
    nb = nbformat.v4.new_notebook()
    nb.cells = cells
    for i, cell in enumerate(nb.cells):
        cell.id = f"{path.stem}-{i}"  # stable ids keep re-runs' diffs small
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbclient.NotebookClient(
        nb,
        kernel_name="python3",
        timeout=120,
        # Apps come alive when the notebook runs; saved widget state would only add bulk.
        store_widget_state=False,
        resources={"metadata": {"path": str(OUT)}},
    ).execute()
    nbformat.write(nb, path)
    print("wrote", path.relative_to(ROOT))


def main(names: list[str]) -> None:
    OUT.mkdir(exist_ok=True)
    todo = {name: cells for name, cells in NOTEBOOKS.items() if not names or name in names}
    for name, cells in todo.items():
        execute(cells, OUT / name)
    if not names or "00_index.ipynb" in names:
        execute(INDEX, OUT / "00_index.ipynb")


if __name__ == "__main__":
    main(sys.argv[1:])
