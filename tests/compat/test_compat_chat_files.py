"""Compat scenarios for files in Chatbot messages: what a function receives back for each way
Gradio 6 lets a message carry a file ({"path"}, {"file": {...}}, a list mixing text and files),
against real Gradio and gradio_nb.

The file's ``url`` is left out of the comparison: Gradio's is a route of its server
("/gradio_api/file=..."), gradio_nb has none (None) and sends the bytes to the page instead.
"""

import os
import tempfile
from pathlib import Path

import pytest

import real_gradio

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
gradio = real_gradio.require()

from harness import Scenarios

SCENARIOS = Scenarios()
scenario = SCENARIOS.scenario


def sample_files() -> tuple[str, str]:
    folder = tempfile.mkdtemp()
    png = os.path.join(folder, "cat.png")
    Path(png).write_bytes(b"\x89PNG\r\n\x1a\n")
    txt = os.path.join(folder, "notes.txt")
    Path(txt).write_text("hello")
    return png, txt


def plain(history, originals):
    """The history with each file's path as its name and whether it is a copy, url dropped."""
    out = []
    for message in history:
        content = []
        for part in message["content"]:
            part = dict(part)
            if part.get("type") == "file":
                file = dict(part["file"])
                file.pop("url")
                path = file.pop("path")
                file["name"], file["copied"] = Path(path).name, path not in originals
                part["file"] = file
            content.append(part)
        out.append({**message, "content": content})
    return out


@scenario()
def file_parts_in_messages(gr, driver):
    """A path dict (with alt_text), a list of text and a path, a {"file": ...} part: each is a
    file part (Gradio's FileMessage) with the mime type Gradio gives it, received back as such."""
    png, txt = sample_files()
    got = []
    with gr.Blocks() as demo:
        chat = gr.Chatbot()
        show = gr.Button()
        read = gr.Button()
        show.click(
            lambda: [
                {"role": "user", "content": {"path": png, "alt_text": "a cat"}},
                {"role": "assistant", "content": ["see", {"path": txt}]},
                {"role": "assistant", "content": {"file": {"path": png}, "type": "file"}},
            ],
            None,
            chat,
        )
        read.click(lambda h: got.append(h) or h, chat, chat)
    sess = driver.open(demo)
    sess.click(show)
    sess.click(read)
    sess.click(read)
    return {"received": plain(got[0], (png, txt)), "again_same": got[0] == got[1], "errors": sess.errors()}


@scenario()
def file_part_without_path_is_an_error(gr, driver):
    """A {"file": ...} part with no path is refused: the click fails, the chat keeps its value."""
    with gr.Blocks() as demo:
        chat = gr.Chatbot([{"role": "user", "content": "hi"}])
        bad = gr.Button()
        bad.click(lambda: [{"role": "user", "content": {"file": {"size": 3}}}], None, chat)
    sess = driver.open(demo)
    sess.click(bad)
    return {"failed": len(sess.errors()) == 1, "kept": [m["content"] for m in sess.get(chat)]}


test_compat = SCENARIOS.test()
