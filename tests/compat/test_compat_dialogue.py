"""Compat scenarios for gr.Dialogue: what a function receives for each ``type`` (with the default
and a custom formatter, a separator), a returned list or string read back, edits and the
submit event, a bad return, against real Gradio. Same format as ``test_compat.py``.

A Dialogue that holds nothing (``None``) is left out: Gradio fails to preprocess it, gradio_nb
gives ``""`` or ``[]`` (a documented difference).
"""

import os
from typing import Any

import pytest

import real_gradio

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
gradio = real_gradio.require()

from harness import Scenarios, snap

SCENARIOS = Scenarios()
scenario = SCENARIOS.scenario

LINES = [
    {"speaker": "Speaker 1", "text": "Hello, how are you?"},
    {"speaker": "Speaker 2", "text": "I'm fine, thank you!"},
]


def Dialogue(gr: Any, **kwargs: Any) -> Any:
    """``gr.Dialogue(**kwargs)`` of real Gradio or of gradio_nb."""
    return gr.Dialogue(**kwargs)


@scenario(
    text="[Speaker 1] Hello, how are you?\n[Speaker 2] I'm fine, thank you!",
    custom="Speaker 1: Hello, how are you? || Speaker 2: I'm fine, thank you!",
    as_list=LINES,
)
def received_for_each_type(gr, driver):
    """The same lines as a function receives them: formatted text (default formatter, a custom
    one with a separator) or the list of line dicts."""
    got = {}
    with gr.Blocks() as demo:
        text = Dialogue(gr, value=LINES, speakers=["Speaker 1", "Speaker 2"])
        custom = Dialogue(gr, value=LINES, formatter=lambda s, t: f"{s}: {t}", separator=" || ")
        as_list = Dialogue(gr, value=LINES, type="list")
        empty_line = Dialogue(gr, value=[{"speaker": "Speaker 1", "text": ""}])
        empty_list = Dialogue(gr, value=[{"speaker": "Speaker 1", "text": ""}], type="list")
        probe = gr.Button()
        probe.click(
            lambda a, b, c, d, e: got.update(text=a, custom=b, as_list=c, empty_line=d, empty_list=e),
            [text, custom, as_list, empty_line, empty_list],
            None,
        )
    s = driver.open(demo)
    s.click(probe)
    return dict(got)


@scenario(
    returned_text="[A] one\n[B] two",
    returned_list=[{"speaker": "A", "text": "one"}, {"speaker": "B", "text": "two"}],
    string_text="free text",
    string_list="free text",
)
def returned_values_read_back(gr, driver):
    """A function returns a list of lines (extra keys dropped) or a string; the next function
    receives it back by each type."""
    returned = [{"speaker": "A", "text": "one", "extra": 1}, {"speaker": "B", "text": "two"}]
    with gr.Blocks() as demo:
        mode = gr.Number(0, precision=0)
        as_text = Dialogue(gr, speakers=["A", "B"])
        as_list = Dialogue(gr, type="list", speakers=["A", "B"])
        go = gr.Button()
        go.click(lambda m: (returned, returned) if m == 0 else ("free text", "free text"), mode, [as_text, as_list])
    s = driver.open(demo)
    obs = {}
    s.click(go)
    obs["returned_text"], obs["returned_list"] = snap(s, as_text, as_list)
    s.set(mode, 1)
    s.click(go)
    obs["string_text"], obs["string_list"] = snap(s, as_text, as_list)
    return obs


@scenario(edited="[Speaker 2] Edited\n[Speaker 1] Added", changes=1, inputs=1, submitted="[Speaker 2] Edited\n[Speaker 1] Added")
def edit_then_submit(gr, driver):
    """A person's edit (lines changed, one added): change and input once each, then submit
    passes the dialogue on."""
    counts = {"change": 0, "input": 0}

    def count(kind):
        def bump():
            counts[kind] += 1

        return bump

    with gr.Blocks() as demo:
        dd = Dialogue(gr, value=LINES, speakers=["Speaker 1", "Speaker 2"], interactive=True)
        out = gr.Textbox()
        dd.change(count("change"), None, None)
        dd.input(count("input"), None, None)
        dd.submit(lambda v: v, dd, out)
    s = driver.open(demo)
    s.set(dd, [{"speaker": "Speaker 2", "text": "Edited"}, {"speaker": "Speaker 1", "text": "Added"}])
    obs: dict[str, Any] = {"edited": snap(s, dd), "changes": counts["change"], "inputs": counts["input"]}
    s.submit(dd)
    obs["submitted"] = snap(s, out)
    return obs


@scenario(errors=1, kept="[A] kept")
def bad_return_keeps_the_dialogue(gr, driver):
    """A line without "text" is an error shown to the user; the dialogue keeps its lines."""
    with gr.Blocks() as demo:
        dd = Dialogue(gr, value=[{"speaker": "A", "text": "kept"}])
        go = gr.Button()
        go.click(lambda: [{"speaker": "A"}], None, dd)
    s = driver.open(demo)
    s.click(go)
    return {"errors": len(s.errors()), "kept": snap(s, dd)}


test_compat = SCENARIOS.test()
