"""gr.Dialogue: values in and out for each type, the formatter, bad values, the view's edit
messages played headlessly, updates."""

from __future__ import annotations

import pytest

import gradio_nb as gr
from gradio_nb.components.dialogue import Dialogue, DialogueWidget
from gradio_nb.exceptions import Error

LINES = [{"speaker": "A", "text": "hi"}, {"speaker": "B", "text": "yo"}]


def app(**kwargs):
    """A Dialogue (kwargs), a button that reads it into `got` and a Textbox its submit fills."""
    got = []
    with gr.Blocks() as demo:
        dd = Dialogue(**kwargs)
        read = gr.Button()
        out = gr.Textbox()
        read.click(lambda v: got.append(v), dd, None)
        dd.submit(lambda v: str(v), dd, out)
    sess = demo.session()
    return sess, dd, read, out, got


def test_text_type_formats_lines_with_default_formatter_and_separator():
    sess, _dd, read, _, got = app(value=LINES, speakers=["A", "B"], separator=" | ")
    sess.click(read)
    assert got == ["[A] hi | [B] yo"]


def test_list_type_receives_line_dicts_as_copies():
    sess, dd, read, _, got = app(value=LINES, type="list")
    sess.click(read)
    assert got == [LINES]
    got[0][0]["text"] = "changed"  # the function's copy: the dialogue keeps its own
    assert sess.get(dd)[0]["text"] == "hi"


def test_custom_formatter_is_called_per_line():
    sess, _dd, read, _, got = app(value=LINES, formatter=lambda s, t: f"{s}: {t}")
    sess.click(read)
    assert got == ["A: hi\nB: yo"]


def test_one_empty_line_formats_as_empty_text_as_gradio():
    sess, dd, *_ = app(value=[{"speaker": "A", "text": ""}])
    assert sess.get(dd) == ""


def test_empty_dialogue_gives_empty_value_for_each_type():
    sess, dd, *_ = app()
    assert sess.get(dd) == ""
    sess2, dd2, *_ = app(type="list")
    assert sess2.get(dd2) == []


def test_string_value_is_received_as_is_for_both_types():
    for kind in ("text", "list"):
        sess, dd, *_ = app(type=kind)
        sess.set(dd, "[A] free text")
        assert sess.get(dd) == "[A] free text"


def test_returned_list_and_dialogue_line_objects_are_shown():
    class Line:
        def __init__(self, speaker, text):
            self.speaker, self.text = speaker, text

    with gr.Blocks() as demo:
        src = gr.Button()
        dd = Dialogue(type="list", speakers=["A", "B"])
        src.click(lambda: [Line("B", "one"), {"speaker": "A", "text": "two", "extra": 1}], None, dd)
    sess = demo.session()
    sess.click(src)
    assert sess.get(dd) == [{"speaker": "B", "text": "one"}, {"speaker": "A", "text": "two"}]
    widget = sess.widget(dd)
    assert widget.lines == [{"speaker": "B", "text": "one"}, {"speaker": "A", "text": "two"}]
    assert widget.text == "[B] one\n[A] two"


@pytest.mark.parametrize(
    "bad, needle",
    [(5, "got int"), ([{"speaker": "A"}], "line 0"), ([{"speaker": 1, "text": "x"}], "line 0"), ({"speaker": "A", "text": "x"}, "got dict")],
)
def test_bad_returned_values_show_an_error_naming_the_component(bad, needle):
    with gr.Blocks() as demo:
        src = gr.Button()
        dd = Dialogue(label="Transcript")
        src.click(lambda: bad, None, dd)
    sess = demo.session()
    sess.click(src)
    assert len(sess.errors) == 1
    assert "Transcript" in sess.errors[0].message and needle in sess.errors[0].message
    with pytest.raises(Error):
        Dialogue().postprocess(bad)


def test_constructor_checks():
    with pytest.raises(ValueError, match="separator"):
        Dialogue(separator=" ", render=False)
    with pytest.raises(ValueError, match="type"):
        Dialogue(type="lines", render=False)
    with pytest.raises(ValueError, match="ui_mode"):
        Dialogue(ui_mode="chat", render=False)
    # As Gradio: the tag hint shows only on a dialogue one can type in.
    assert Dialogue(render=False).info is None
    assert "colon" in Dialogue(interactive=True, render=False).info


def test_unformat_as_gradio_and_with_a_custom_unformatter():
    dd = Dialogue(speakers=["S1", "S2"], render=False)
    assert dd.unformat("[S2] hello\n\nplain line\n") == [
        {"speaker": "S2", "text": "hello"},
        {"speaker": "S1", "text": "plain line"},
    ]
    custom = Dialogue(separator=";", unformatter=lambda line, default: dict(zip(("speaker", "text"), line.split("=", 1))), render=False)
    assert custom.unformat("x=1;y=2") == [{"speaker": "x", "text": "1"}, {"speaker": "y", "text": "2"}]
    assert Dialogue(render=False).unformat("no speaker") == [{"speaker": "Unknown", "text": "no speaker"}]


def test_view_edits_fire_change_and_input_once_per_commit_and_submit():
    events = []
    with gr.Blocks() as demo:
        dd = Dialogue(value=LINES, speakers=["A", "B"], interactive=True)
        out = gr.Textbox()
        dd.change(lambda v: events.append(("change", v)), dd, None)
        dd.input(lambda v: events.append(("input", v)), dd, None)
        dd.submit(lambda v: v, dd, out)
    sess = demo.session()
    widget: DialogueWidget = sess.widget(dd)
    edited = [{"speaker": "B", "text": "hello"}, {"speaker": "B", "text": "yo"}, {"speaker": "A", "text": ""}]
    widget.play({"op": "lines", "lines": edited})
    assert events == [("change", "[B] hello\n[B] yo\n[A] "), ("input", "[B] hello\n[B] yo\n[A] ")]
    widget.play({"op": "lines", "lines": edited})  # the same lines again (a blur with no edit)
    assert len(events) == 2
    widget.play({"event": "submit"})
    assert sess.get(out) == "[B] hello\n[B] yo\n[A] "
    assert widget.lines == edited and widget.text == "[B] hello\n[B] yo\n[A] "


def test_plain_text_mode_round_trip_and_submit_parses_text():
    sess, dd, _read, out, _got = app(value=LINES, speakers=["A", "B"], type="list", submit_btn=True)
    widget = sess.widget(dd)
    assert widget.submit_label == ""
    widget.play({"op": "plain", "on": True})
    assert widget.plain and widget.text == "[A] hi\n[B] yo"
    assert sess.get(dd) == LINES  # switching shows the text; the value is unchanged
    widget.play({"op": "text", "text": "[B] first\nsecond"})
    assert sess.get(dd) == "[B] first\nsecond"  # typed text is received as typed, as Gradio
    widget.play({"event": "submit"})  # the switch is on: the text is parsed into lines first
    assert sess.get(dd) == [{"speaker": "B", "text": "first"}, {"speaker": "A", "text": "second"}]
    assert sess.get(out) == str([{"speaker": "B", "text": "first"}, {"speaker": "A", "text": "second"}])
    widget.play({"op": "text", "text": "[A] again"})
    widget.play({"op": "plain", "on": False})
    assert not widget.plain and sess.get(dd) == [{"speaker": "A", "text": "again"}]


def test_read_only_dialogue_ignores_edit_messages():
    with gr.Blocks() as demo:
        src = gr.Button()
        dd = Dialogue(speakers=["A"])
        src.click(lambda: LINES, None, dd)
    sess = demo.session()
    sess.click(src)
    widget = sess.widget(dd)
    assert widget.disabled
    widget.play({"op": "lines", "lines": []})
    assert sess.get(dd) == "[A] hi\n[B] yo"


def test_update_changes_props_and_formatter():
    with gr.Blocks() as demo:
        btn = gr.Button()
        dd = Dialogue(value=LINES, speakers=["A", "B"], interactive=True)
        btn.click(
            lambda: gr.update(speakers=["A", "B", "C"], formatter=lambda s, t: f"{s}> {t}", separator=" / ",
                              tags=["(laughs)"], label="New", ui_mode="dialogue", max_lines=4, color_map={"A": "red"},
                              buttons=["copy"], submit_btn="Send"),
            None, dd,
        )  # fmt: skip
    sess = demo.session()
    sess.click(btn)
    widget = sess.widget(dd)
    assert sess.get(dd) == "A> hi / B> yo"
    assert (widget.speakers, widget.tags, widget.label, widget.ui_mode, widget.max_lines) == (
        ["A", "B", "C"], ["(laughs)"], "New", "dialogue", 4,
    )  # fmt: skip
    assert widget.color_map == {"A": "red"} and widget.copy_button and widget.submit_label == "Send"
    assert widget.text == "A> hi / B> yo"
    with pytest.raises(ValueError, match="cannot update"):
        dd.with_props({"every": 1})


def test_string_value_turns_plain_mode_on_and_no_speakers_is_text_only():
    with gr.Blocks() as demo:
        dd = Dialogue(value="[A] typed", speakers=["A"])
        plain = Dialogue(value="free", speakers=None)
    sess = demo.session()
    widget = sess.widget(dd)
    assert widget.plain and widget.lines == [{"speaker": "A", "text": "typed"}] and widget.text == "[A] typed"
    other = sess.widget(plain)
    assert other.speakers == [] and other.lines == [] and other.text == "free"


def test_callable_value_is_called_per_session():
    calls = []

    def initial():
        calls.append(1)
        return [{"speaker": "A", "text": str(len(calls))}]

    with gr.Blocks() as demo:
        dd = Dialogue(value=initial, type="list")
    first, second = demo.session(), demo.session()
    assert first.get(dd) != second.get(dd)
