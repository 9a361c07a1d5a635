"""HTML, Code, Label, HighlightedText, ParamViewer, and JSON of NumPy/pandas values."""

from __future__ import annotations

import datetime
import re
import warnings

import numpy as np
import pandas as pd
import pytest

import gradio_nb as gr
from gradio_nb.components import html_template
from gradio_nb.components.code import Code, ParamViewer, highlight
from gradio_nb.components.labels import HighlightedText, Label
from gradio_nb.components.text import HTML, sanitize_html
from gradio_nb.event_data import CopyData, SelectData

ATTACKS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    '<div onclick="alert(1)" onmouseover=alert(1)>x</div>',
    '<iframe src="https://example.com"></iframe>',
    '<svg onload="alert(1)"><circle r="1"/></svg>',
    '<object data="x.swf"></object><embed src="x">',
    '<form action="https://evil"><input name=a></form>',
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
]


def assert_inert(markup: str) -> None:
    """No script, no event-handler attribute, no javascript: URL, no frame or plugin."""
    assert not re.search(r"<\s*(script|iframe|object|embed|form)\b", markup, re.I), markup
    assert not re.search(r"\son\w+\s*=", markup, re.I), markup
    assert "javascript:" not in markup.lower(), markup


# -- HTML ----------------------------------------------------------------------------------
@pytest.mark.parametrize("attack", ATTACKS)
def test_html_echoed_user_input_never_reaches_page_as_code(attack):
    with gr.Blocks() as demo:
        box = gr.Textbox()
        out = HTML()
        box.submit(lambda text: f"<p>You said: {text}</p>", box, out)
    sess = demo.session()
    sess.set(box, attack)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        sess.submit(box)
    assert sess.errors == []
    assert sess.get(out) == f"<p>You said: {attack}</p>"  # the function's value is kept as is
    widget = sess.widget(out)
    assert widget.html.startswith("<p>You said:")
    assert_inert(widget.html)
    assert_inert(widget.css)


def test_html_keeps_what_demos_use():
    markup = (
        '<div class="card" style="color: red; padding: 4px" data-x="1" aria-label="c">'
        '<table><tr><th colspan="2">H</th></tr><tr><td>1</td><td><b>2</b></td></tr></table>'
        '<img src="https://example.com/a.png" alt="a" width="10">'
        '<svg viewBox="0 0 10 10" width="10"><circle cx="5" cy="5" r="4" fill="red"/></svg>'
        '<a href="https://gradio.app">link</a><button class="b">Go</button></div>'
    )
    safe, css = sanitize_html(markup)
    for kept in ('style="color: red; padding: 4px"', 'data-x="1"', 'colspan="2"', "<table>", "<svg", 'viewBox="0 0 10 10"',
                 '<circle cx="5"', 'src="https://example.com/a.png"', 'href="https://gradio.app"', '<button class="b">'):
        assert kept in safe, kept
    assert css == ""


def test_html_style_blocks_become_scoped_css_and_scripts_are_removed():
    with gr.Blocks() as demo:
        h = HTML("<style>p { color: red }</style><p>x</p><script>alert(1)</script>", css_template="button { margin: ${gap}px; }", gap=5)
    sess = demo.session()
    w = sess.widget(h)
    assert w.html == "<p>x</p>"
    assert "button { margin: 5px; }" in w.css and "p { color: red }" in w.css
    assert sess.get(h).startswith("<style>")  # the value is what was given


def test_html_template_props_each_and_if():
    with gr.Blocks() as demo:
        h = HTML(
            ["a", "b<i>"],
            html_template="{{#each value}}<button>{{this}}</button>{{/each}}{{#if flag}}on{{else}}off{{/if}} ${label}",
            label="L",
            flag=False,
        )
        b = gr.Button()
        b.click(lambda: gr.update(flag=True, value=["c"]), None, h)
    sess = demo.session()
    w = sess.widget(h)
    assert w.html == "<button>a</button><button>b&lt;i&gt;</button>off L"
    sess.click(b)
    assert sess.errors == []
    assert w.html == "<button>c</button>on L"
    assert sess.get(h) == ["c"]


def test_html_template_engine_paths_and_escaping():
    assert html_template.render("{{a.b}} {{{raw}}} {{esc}} ${a.b} ${x + 1}", {"a": {"b": 2.0}, "raw": "<b>", "esc": "<b>", "x": 1}) == (
        "2 <b> &lt;b&gt; 2 "
    )
    # a value holding template syntax is shown as it is, never evaluated
    assert html_template.render("${value}", {"value": "${label}{{label}}", "label": "L"}) == "${label}{{label}}"
    assert html_template.render("{{#each v}}{{@index}}:{{name}};{{/each}}", {"v": [{"name": "x"}, {"name": "y"}]}) == "0:x;1:y;"
    with pytest.raises(html_template.TemplateError):
        html_template.parse("{{#if x}}never closed")


def test_html_click_event_fires_from_the_view_and_by_trigger():
    clicks = []
    with gr.Blocks() as demo:
        h = HTML("<p>click me</p>")
        quiet = HTML("x", js_on_load=None)
        h.click(lambda: clicks.append(1))
    sess = demo.session()
    w = sess.widget(h)
    assert w.clickable and not sess.widget(quiet).clickable
    w._handle_custom_msg({"event": "click", "data": {}}, [])  # as the view sends it
    sess.trigger(h, "click")
    assert clicks == [1, 1]
    assert "double_click" in HTML.EVENTS and callable(h.double_click)


def test_html_update_of_label_and_heights():
    with gr.Blocks() as demo:
        h = HTML("x", max_height=200)
        b = gr.Button()
        b.click(lambda: gr.update(label="New", show_label=True, min_height="3em"), None, h)
    sess = demo.session()
    w = sess.widget(h)
    assert (w.max_height, w.min_height, w.show_label) == ("200px", "", False)
    sess.click(b)
    assert (w.label, w.show_label, w.min_height) == ("New", True, "3em")


# -- Code ----------------------------------------------------------------------------------
def test_code_values_and_strip():
    got = []
    with gr.Blocks() as demo:
        src = Code("  print('hi')  \n", language="python")
        empty = Code(language="json", interactive=True)
        b = gr.Button()
        b.click(lambda a, e: (got.append((a, e)), "\n  x = 1\n")[1], [src, empty], src)
    sess = demo.session()
    assert sess.get(src) == "print('hi')"
    sess.click(b)
    assert got == [("print('hi')", None)]
    assert sess.get(src) == "x = 1"
    sess.set(empty, '{"a": 1}')
    assert sess.get(empty) == '{"a": 1}'


def test_code_highlighting_and_editability():
    with gr.Blocks() as demo:
        shown = Code("def f(): return '<b>'", language="python")
        edit = Code("x", language="python", interactive=True)
        plain = Code("<b>", language=None)
    sess = demo.session()
    w = sess.widget(shown)
    assert w.disabled and '<span class="k">def</span>' in w.html and "&lt;b&gt;" in w.html and "<b>" not in w.html
    assert not sess.widget(edit).disabled and sess.widget(edit).html == ""
    assert sess.widget(plain).html == "&lt;b&gt;"
    for language in Code.languages:
        highlight("select 1 -- x\n", language)  # every Gradio language has a lexer


def test_code_rejects_bad_values_and_languages():
    with pytest.raises(ValueError, match="Language cobol not supported"):
        Code(language="cobol")
    with gr.Blocks() as demo:
        c = Code()
        b1, b2 = gr.Button(), gr.Button()
        b1.click(lambda: ("a.py",), None, c)
        b2.click(lambda: 3, None, c)
    sess = demo.session()
    sess.click(b1)
    sess.click(b2)
    # as Gradio: the failure names the component and the value, then the original error
    first, second = (e.message for e in sess.errors)
    assert first.startswith("Could not postprocess output component at index 0 (a `code` component)")
    assert "Expected a `str | None`" in first
    assert first.endswith("ValueError: Code component does not support returning files as tuples anymore. "
                          "Please read the file contents and return as str instead.")
    assert "AttributeError: 'int' object has no attribute 'strip'" in second
    assert sess.get(c) is None


def test_code_focus_and_blur_from_view_and_update_language():
    seen = []
    with gr.Blocks() as demo:
        c = Code("x = 1", language="python", interactive=True)
        c.focus(lambda: seen.append("focus"))
        c.blur(lambda: seen.append("blur"))
        out = Code("1", language="python")
        b = gr.Button()
        b.click(lambda: gr.update(language="json", value='{"a": 1}'), None, out)
    sess = demo.session()
    w = sess.widget(c)
    w._handle_custom_msg({"event": "focus", "data": {}}, [])
    w._handle_custom_msg({"event": "blur", "data": {}}, [])
    assert seen == ["focus", "blur"]
    sess.click(b)
    assert sess.errors == []
    assert '<span class="nt">"a"</span>' in sess.widget(out).html


# -- Label ---------------------------------------------------------------------------------
def test_label_postprocess_and_preprocess_as_gradio():
    lab = Label(render=False)
    assert lab.postprocess(None) == {} and lab.postprocess({}) == {}
    assert lab.postprocess(3) == {"label": "3", "confidences": None}
    top2 = Label(num_top_classes=2, render=False).postprocess({"a": 0.1, "b": 0.7, "c": 0.2})
    assert top2 == {"label": "b", "confidences": [{"label": "b", "confidence": 0.7}, {"label": "c", "confidence": 0.2}]}
    assert lab.preprocess(top2) == {"b": 0.7, "c": 0.2}
    assert lab.preprocess({}) is None
    assert lab.preprocess({"label": "3", "confidences": None}) == "3"
    assert lab.preprocess(lab.postprocess({"cat": 1, "dog": 0})) == {"cat": 1.0, "dog": 0.0}
    assert all(type(v) is float for v in lab.preprocess(lab.postprocess({"cat": 1, "dog": 0})).values())
    with pytest.raises(ValueError, match="The `Label` output interface expects one of"):
        lab.postprocess([1, 2])


def test_label_json_file(tmp_path):
    path = tmp_path / "label.json"
    path.write_text('{"label": "cat", "confidences": [{"label": "cat", "confidence": 0.8}]}')
    assert Label(render=False).postprocess(str(path)) == {"label": "cat", "confidences": [{"label": "cat", "confidence": 0.8}]}


def test_label_select_gets_select_data():
    got = []

    def on_select(evt: SelectData):
        got.append((evt.index, evt.value))

    with gr.Blocks() as demo:
        lab = Label({"cat": 0.9, "dog": 0.1}, label="Guess", color="red")
        lab.select(on_select)
    sess = demo.session()
    w = sess.widget(lab)
    assert w.value["label"] == "cat" and w.color == "red" and w.label == "Guess"
    w._handle_custom_msg({"event": "select", "data": {"index": 1, "value": "dog"}}, [])
    sess.trigger(lab, "select", {"index": 0, "value": "cat"})
    assert got == [(1, "dog"), (0, "cat")]


# -- HighlightedText -----------------------------------------------------------------------
def test_highlightedtext_pairs_and_entities():
    h = HighlightedText(render=False)
    assert h.postprocess([("The", None), ("fox", "noun"), ("runs", 1)]) == [
        {"token": "The", "class_or_confidence": None},
        {"token": "fox", "class_or_confidence": "noun"},
        {"token": "runs", "class_or_confidence": 1.0},
    ]
    text = "Jane lives in Paris"
    entities = [{"entity": "LOC", "start": 14, "end": 19}, {"entity_group": "PER", "start": 0, "end": 4}]
    assert h.postprocess({"text": text, "entities": entities}) == [
        {"token": "", "class_or_confidence": None},
        {"token": "Jane", "class_or_confidence": "PER"},
        {"token": " lives in ", "class_or_confidence": None},
        {"token": "Paris", "class_or_confidence": "LOC"},
        {"token": "", "class_or_confidence": None},
    ]
    combined = HighlightedText(combine_adjacent=True, adjacent_separator=" ", render=False)
    assert combined.postprocess([("a", "X"), ("b", "X"), ("", None), ("c", None)]) == [
        {"token": "a b", "class_or_confidence": "X"},
        {"token": "c", "class_or_confidence": None},
    ]
    assert HighlightedText(show_whitespaces=False, render=False).postprocess([(" a ", None)]) == [
        {"token": "a", "class_or_confidence": None}
    ]
    with pytest.raises(ValueError, match="'text' and 'entities'"):
        h.postprocess({"text": "x"})
    with pytest.raises(ValueError, match="pairs"):
        h.postprocess([("a", "b", "c")])


def test_highlightedtext_session_edit_and_select():
    got, selected = [], []

    def on_select(evt: SelectData):
        selected.append((evt.index, evt.value))

    with gr.Blocks() as demo:
        h = HighlightedText([("a", "X"), (" b", None)], color_map={"X": "red"}, interactive=True)
        b = gr.Button()
        b.click(lambda v: got.append(v), h)
        h.select(on_select)
    sess = demo.session()
    w = sess.widget(h)
    assert not w.disabled and w.color_map == {"X": "red"}
    w.value = [{"token": "a b", "class_or_confidence": None}]  # as the view's × button sends it
    sess.click(b)
    assert got == [[{"token": "a b", "class_or_confidence": None}]]
    sess.trigger(h, "select", {"index": 0, "value": ["a", "X"]})
    assert selected == [(0, ["a", "X"])]


# -- ParamViewer ---------------------------------------------------------------------------
def test_paramviewer_table_is_safe():
    value = {"x": {"type": "int", "description": "The **x** <img src=x onerror=alert(1)>", "default": "1"},
             "<b>y</b>": {"type": "str", "description": "", "default": None}}
    with gr.Blocks() as demo:
        pv = ParamViewer(value, header="Args")
    sess = demo.session()
    markup = sess.widget(pv).value
    assert sess.get(pv) == value
    assert "Args" in markup and "<strong>x</strong>" in markup and "&lt;b&gt;y&lt;/b&gt;" in markup
    assert markup.count("<details") == 2
    assert_inert(markup)


# -- JSON of NumPy and pandas values -------------------------------------------------------
def test_json_numpy_pandas_and_other_objects_as_gradio():
    j = gr.JSON(render=False)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert j.postprocess(np.arange(3)) == [0, 1, 2]
        assert j.postprocess({"a": np.array([[1.5, 2.0]]), "s": np.float32(0.5), "i": np.int64(7), "b": np.bool_(True)}) == {
            "a": [[1.5, 2]], "s": 0.5, "i": 7, "b": True,
        }
        assert j.postprocess(pd.DataFrame({"a": [1, 2]})) == str(pd.DataFrame({"a": [1, 2]}))
        assert j.postprocess({1, 2}) == "{1, 2}"
        assert j.postprocess(datetime.datetime(2024, 1, 2, 3, 4)) == "2024-01-02 03:04:00"
        assert j.postprocess({"x": float("nan"), "t": (1, 2)}) == {"x": None, "t": [1, 2]}
    with pytest.raises(gr.Error, match="Invalid JSON string"):
        j.postprocess("{nope")
    with pytest.raises(TypeError, match="Dict key must be str"):
        j.postprocess({1: 2})


def test_json_shows_numpy_from_a_function():
    with gr.Blocks() as demo:
        out = gr.JSON()
        b = gr.Button()
        b.click(lambda: {"m": np.eye(2)}, None, out)
    sess = demo.session()
    sess.click(b)
    assert sess.errors == []
    assert sess.get(out) == {"m": [[1, 0], [0, 1]]}
    assert "[" in sess.widget(out).value


def test_markdown_copy_event():
    got = []

    def copied(evt: CopyData):
        got.append(evt.value)

    with gr.Blocks() as demo:
        md = gr.Markdown("hi")
        md.copy(copied)
    sess = demo.session()
    sess.trigger(md, "copy", {"value": "hi"})
    assert got == ["hi"]


def test_param_viewer_escapes_its_max_height():
    import gradio_nb as gr

    viewer = gr.ParamViewer({"x": {"type": "int", "description": "d", "default": "1"}}, max_height='1px"><img src=x onerror=alert(1)>', render=False)
    markup = viewer.to_html(viewer.value)
    assert "<img" not in markup and "&quot;&gt;&lt;img" in markup
