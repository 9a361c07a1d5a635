"""MultimodalTextbox: what functions receive, uploads from the page (binary chunks into a
per-widget temporary folder), submit and the other view events."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import gradio_nb as gr
from gradio_nb.components.multimodal import MultimodalTextbox, MultimodalWidget, accept_attribute, is_valid_file
from gradio_nb.event_data import SelectData


def app(**kwargs):
    """An app with one MultimodalTextbox whose submit records what the function receives."""
    got = []
    with gr.Blocks() as demo:
        mm = MultimodalTextbox(**kwargs)
        mm.submit(lambda v: got.append(v), mm, None)
    return demo, mm, got


def upload(widget, batch, files):
    """Send ``files`` ({name: bytes}) as the page does: one message per chunk, each with a buffer."""
    for index, (name, data) in enumerate(files.items()):
        chunks = [data[i : i + 3] for i in range(0, len(data), 3)] or [b""]
        for n, chunk in enumerate(chunks):
            content = {"event": "upload", "batch": batch, "index": index, "count": len(files), "name": name,
                       "type": "", "done": n == len(chunks) - 1}
            widget._handle_custom_msg(content, [memoryview(chunk)])


def test_default_value_and_headless_set():
    demo, mm, got = app()
    sess = demo.session()
    assert sess.get(mm) == {"text": "", "files": []}
    sess.set(mm, {"text": "hi", "files": ["/path/a.png"]})
    sess.submit(mm)
    assert got == [{"text": "hi", "files": ["/path/a.png"]}]
    w = sess.widget(mm)
    assert isinstance(w, MultimodalWidget)
    assert w.text == "hi" and w.files == [{"name": "a.png", "mime_type": "image/png"}]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, {"text": "", "files": []}),
        ("just text", {"text": "just text", "files": []}),
        ({"text": "t"}, {"text": "t", "files": []}),
        ({"files": ["/x/b.txt"]}, {"text": "", "files": ["/x/b.txt"]}),
        ({"text": "t", "files": [{"path": "/x/c.wav", "orig_name": "c.wav"}]}, {"text": "t", "files": ["/x/c.wav"]}),
    ],
)
def test_postprocess_then_preprocess(value, expected):
    demo, mm, _ = app()
    sess = demo.session()
    sess.set(mm, value)
    assert sess.get(mm) == expected


def test_returned_value_of_wrong_type_is_an_error():
    with gr.Blocks() as demo:
        mm = MultimodalTextbox()
        b = gr.Button()
        b.click(lambda: 42, None, mm)
        b2 = gr.Button()
        b2.click(lambda: {"text": 5}, None, mm)
    sess = demo.session()
    sess.click(b)
    sess.click(b2)
    messages = [e.message for e in sess.errors]
    assert len(messages) == 2
    assert messages[0].endswith(
        "MultimodalTextbox expects a string or a dictionary with optional keys 'text' and 'files'. Received int"
    )
    assert messages[1].endswith("Expected 'text' to be a string, but got int")
    assert sess.get(mm) == {"text": "", "files": []}  # left as it was


def test_file_types_checked_on_the_way_in():
    demo, mm, got = app(file_types=["image", ".pdf"])
    sess = demo.session()
    sess.set(mm, {"text": "", "files": ["/a/ok.png", "/a/doc.PDF"]})
    sess.submit(mm)
    assert got == [{"text": "", "files": ["/a/ok.png", "/a/doc.PDF"]}]
    sess.set(mm, {"text": "", "files": ["/a/notes.txt"]})
    sess.submit(mm)
    assert len(got) == 1
    assert [e.message for e in sess.errors] == [
        "Invalid file type: text/plain. Please upload a file that is one of these formats: ['image', '.pdf']"
    ]


def test_is_valid_file_and_accept():
    assert is_valid_file("/a/b.JPG", ["image"]) and not is_valid_file("/a/b.jpg", ["audio"])
    assert is_valid_file("x.anything", ["file"]) and not is_valid_file(".png", [".png"])
    assert accept_attribute(["image", ".pdf", "text/csv"]) == "image/*,.pdf,text/csv"
    assert accept_attribute(None) == "" and accept_attribute(["file"]) == ""


def test_constructor_validation():
    with pytest.raises(ValueError, match="`sources` must"):
        MultimodalTextbox(sources=["camera"], render=False)
    with pytest.raises(ValueError, match="file_types must be a list"):
        MultimodalTextbox(file_types="image", render=False)
    assert MultimodalTextbox(sources="microphone", render=False).sources == ["microphone"]
    assert MultimodalTextbox(lines=30, render=False).max_lines == 30


def test_upload_from_the_page_writes_files_and_gives_paths():
    changes, got = [], []
    with gr.Blocks() as demo:
        mm = MultimodalTextbox()
        mm.submit(lambda v: got.append(v), mm, None)
        mm.change(lambda v: changes.append(v), mm, None)
    sess = demo.session()
    w = sess.widget(mm)
    w.text = "look"  # typed in the page
    upload(w, "b1", {"cat.png": b"\x89PNG-cat-bytes", "../../etc/evil.txt": b"x"})
    sess.submit(mm)
    [value] = got
    assert value["text"] == "look"
    cat, evil = value["files"]
    assert Path(cat).name == "cat.png" and Path(cat).read_bytes() == b"\x89PNG-cat-bytes"
    assert Path(evil).name == "evil.txt" and Path(evil).read_bytes() == b"x"
    folder = Path(w.folder)
    assert folder in Path(cat).parents and folder in Path(evil).parents  # never outside its folder
    # one change for the text, one for the whole batch of files (not one per chunk or file)
    assert [len(c["files"]) for c in changes] == [0, 2]
    assert w.files == [{"name": "cat.png", "mime_type": "image/png"}, {"name": "evil.txt", "mime_type": "text/plain"}]


def test_remove_from_the_page_and_folder_removed_at_close():
    demo, mm, _ = app()
    sess = demo.session()
    w = sess.widget(mm)
    upload(w, "b", {"a.txt": b"aaaa", "b.txt": b"b"})
    w._handle_custom_msg({"event": "remove", "index": 0}, [])
    [only] = sess.get(mm)["files"]
    assert Path(only).name == "b.txt"
    folder = w.folder
    assert os.path.isdir(folder)
    sess.close()
    assert not os.path.exists(folder)


def test_sessions_have_separate_folders():
    demo, mm, _ = app()
    s1, s2 = demo.session(), demo.session()
    upload(s1.widget(mm), "b", {"a.txt": b"1"})
    assert s2.get(mm) == {"text": "", "files": []}
    assert s1.widget(mm).folder != s2.widget(mm).folder
    s1.close()
    s2.close()


def test_view_events_submit_stop_focus_blur_select():
    seen = []
    with gr.Blocks() as demo:
        mm = MultimodalTextbox(stop_btn=True, submit_btn="Send")
        mm.submit(lambda v: seen.append(("submit", v["text"])), mm, None)
        mm.stop(lambda: seen.append("stop"), None, None)
        mm.focus(lambda: seen.append("focus"), None, None)
        mm.blur(lambda: seen.append("blur"), None, None)

        def on_select(evt: SelectData):
            seen.append(("select", evt.value, evt.index))

        mm.select(on_select, None, None)
    sess = demo.session()
    w = sess.widget(mm)
    assert (w.submit_btn, w.stop_btn) == ("Send", "■")
    for content in ({"event": "focus"}, {"event": "select", "data": {"value": "ell", "index": [1, 4]}},
                    {"event": "submit"}, {"event": "stop"}, {"event": "blur"}):
        if content["event"] == "submit":
            w.text = "hello"
        w._handle_custom_msg(content, [])
    assert seen == ["focus", ("select", "ell", [1, 4]), ("submit", "hello"), "stop", "blur"]


def test_update_props_and_clear():
    with gr.Blocks() as demo:
        mm = MultimodalTextbox("start", placeholder="type")
        b = gr.Button()
        b.click(lambda: gr.update(value=None, placeholder="again", file_types=["image"], lines=3, submit_btn=False), None, mm)
    sess = demo.session()
    sess.click(b)
    assert sess.errors == []
    w = sess.widget(mm)
    assert (w.placeholder, w.accept, w.lines, w.submit_btn, w.text) == ("again", "image/*", 3, "", "")
    assert sess.get(mm) == {"text": "", "files": []}


def test_function_gets_a_copy():
    demo, mm, got = app()
    sess = demo.session()
    sess.set(mm, {"text": "a", "files": ["/p/x.png"]})
    sess.submit(mm)
    got[0]["files"].append("/p/y.png")
    assert sess.get(mm) == {"text": "a", "files": ["/p/x.png"]}


def test_uploads_are_refused_where_the_page_offers_none():
    """A non-interactive box, or one without the "upload" source, takes no file message."""
    import gradio_nb as gr

    with gr.Blocks() as demo:
        box = gr.MultimodalTextbox(interactive=False)
        mic_only = gr.MultimodalTextbox(sources=["microphone"])
    sess = demo.session()
    for comp in (box, mic_only):
        widget = sess.widget(comp)
        widget._view_message(widget, {"event": "upload", "batch": 1, "index": 0, "count": 1, "name": "x.txt", "done": True}, [b"data"])
        assert sess.get(comp)["files"] == []
