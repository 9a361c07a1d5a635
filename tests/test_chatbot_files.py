"""Files in Chatbot messages: the page receives their bytes as binary buffers of the splice
(never base64), each file once per message shown; the kernel keeps copies in the widget's
folder (what the function receives), removed when the session closes."""

from __future__ import annotations

import json
import os
from pathlib import Path

import gradio_nb as gr


def chat_app(files: list[str]):
    with gr.Blocks() as demo:
        chat = gr.Chatbot()
        show = gr.Button()
        add = gr.Button()
        show.click(lambda: [{"role": "user", "content": [{"path": f} for f in files] + ["look"]}], None, chat)
        add.click(lambda h: h + [{"role": "assistant", "content": "nice"}], chat, chat)
    return demo, chat, show, add


def test_file_bytes_travel_as_buffers_and_only_new_messages(tmp_path: Path) -> None:
    png = tmp_path / "cat.png"
    png.write_bytes(b"\x89PNG-cat")
    wav = tmp_path / "meow.wav"
    wav.write_bytes(b"RIFF-meow")
    demo, chat, show, add = chat_app([str(png), str(wav)])
    sess = demo.session()
    widget = sess.widget(chat)
    sent: list[tuple[dict, list]] = []
    widget.send = lambda content, buffers=None: sent.append((content, buffers or []))
    sess.click(show)
    (content, buffers), = sent
    assert buffers == [b"\x89PNG-cat", b"RIFF-meow"]
    files = content["items"][0]["files"]
    assert [(f["name"], f["mime"], f["buffer"]) for f in files] == [("cat.png", "image/png", 0), ("meow.wav", "audio/wav", 1)]
    assert b"PNG" not in json.dumps(content).encode() and "html" in content["items"][0]
    sess.click(add)  # only the new message travels: no file bytes again
    assert sent[1][0]["start"] == 1 and sent[1][1] == []
    copies = [part["file"]["path"] for part in sess.get(chat)[0]["content"] if part["type"] == "file"]
    assert all(Path(widget.folder) in Path(p).parents and Path(p).is_file() for p in copies)
    assert sess.errors == []
    sess.close()
    assert not any(os.path.exists(p) for p in copies) and not os.path.exists(widget.folder)


def test_missing_file_is_named_not_fatal(tmp_path: Path) -> None:
    demo, chat, show, _ = chat_app([str(tmp_path / "gone.png")])
    sess = demo.session()
    widget = sess.widget(chat)
    sess.click(show)
    assert sess.errors == []
    assert widget.messages[0]["files"][0] | {"data": None} == {"name": "gone.png", "mime": "image/png", "alt": "", "data": None, "missing": True}
    sess.close()


def test_a_component_in_a_message_is_refused_clearly() -> None:
    with gr.Blocks() as demo:
        chat = gr.Chatbot()
        btn = gr.Button()
        btn.click(lambda: [{"role": "user", "content": {"type": "component", "component": "image"}}], None, chat)
    sess = demo.session()
    sess.click(btn)
    assert len(sess.errors) == 1 and "Chatbot" in sess.errors[0].message and "component" in sess.errors[0].message
    sess.close()


def test_a_file_part_must_be_one_gradio_would_serve() -> None:
    """A message's file outside the working directory and the temp folder fails with Gradio's
    message, whichever form names it; nothing of it reaches the page."""
    import shutil
    import tempfile

    outside = Path(tempfile.mkdtemp(dir="/var/tmp")) / "secret.txt"
    outside.write_text("secret")
    try:
        for content in ({"path": str(outside)}, {"file": {"path": str(outside)}, "type": "file"}):
            with gr.Blocks() as demo:
                chat = gr.Chatbot()
                btn = gr.Button()
                btn.click(lambda c=content: [{"role": "assistant", "content": c}], None, chat)
            sess = demo.session()
            widget = sess.widget(chat)
            sess.click(btn)
            assert len(sess.errors) == 1 and "Cannot move" in sess.errors[0].message
            assert sess.get(chat) == [] and widget.messages == []
            sess.close()
    finally:
        shutil.rmtree(outside.parent)
