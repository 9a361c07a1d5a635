"""Chatbot message actions in JupyterLab, used as a person would: like a message, retry the
last turn, edit a message, delete the conversation. The kernel builds Gradio's event data."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from .conftest import output_dir
from .test_choice import field, notebook
from .test_lab_notebooks import run_all

APP = '''
import gradio_nb as gr

with gr.Blocks() as demo:
    chat = gr.Chatbot(
        [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "first"}, {"role": "assistant", "content": "second"}],
        editable="user",
    )
    seen = gr.Textbox(label="Seen")

    def liked(evt: gr.LikeData):
        return f"like {evt.index} {evt.value} {evt.liked}"

    def retried(evt: gr.RetryData):
        return f"retry {evt.index} {evt.value}"

    def edited(history, evt: gr.EditData):
        return f"edit {evt.index} {evt.previous_value}->{evt.value} now {history[0]['content'][0]['text']}"

    chat.like(liked, None, seen)
    chat.retry(retried, None, seen)
    chat.edit(edited, chat, seen)
    chat.clear(lambda: "cleared", None, seen)
demo
'''


def test_chatbot_actions_in_the_page(lab, page: Page) -> None:
    (lab.root / "chat_actions.ipynb").write_text(notebook(APP))
    run_all(page, lab.notebook_url("chat_actions.ipynb"))
    app = page.locator(".gradio-nb")
    expect(app).to_have_count(1, timeout=30_000)
    seen = field(app, "Seen")
    bot_rows = app.locator(".gnb-msg-row.gnb-bot")
    expect(bot_rows).to_have_count(2, timeout=30_000)

    bot_rows.nth(1).hover()
    bot_rows.nth(1).get_by_role("button", name="Dislike").click()
    expect(seen).to_have_value("like 1 ['first', 'second'] False", timeout=10_000)

    app.get_by_role("button", name="Retry").click()
    expect(seen).to_have_value("retry 0 hi", timeout=10_000)

    user = app.locator(".gnb-msg-row.gnb-user").first
    user.hover()
    user.get_by_role("button", name="Edit").click()
    app.locator("textarea.gnb-chat-edit").fill("hello")
    app.get_by_role("button", name="Submit").click()
    expect(seen).to_have_value("edit 0 hi->hello now hello", timeout=10_000)
    expect(app.locator(".gnb-msg-row.gnb-user .gnb-bubble")).to_have_text("hello")
    page.screenshot(path=str(output_dir() / "chat_actions.png"))

    app.get_by_role("button", name="Delete conversation").click()
    expect(seen).to_have_value("cleared", timeout=10_000)
    expect(app.locator(".gnb-msg-row")).to_have_count(0)


FILES_APP = '''
import pathlib, tempfile
import gradio_nb as gr

notes = pathlib.Path(tempfile.mkdtemp()) / "notes.txt"
notes.write_text("hello")
with gr.Blocks() as demo:
    chat = gr.Chatbot([
        {"role": "user", "content": {"path": gr.get_image("cheetah1.jpg"), "alt_text": "a cheetah"}},
        {"role": "assistant", "content": ["Here are my notes", {"path": str(notes)}]},
    ])
demo
'''


def test_chatbot_shows_files_from_their_bytes(lab, page: Page) -> None:
    """An image part is drawn from its bytes (a blob: URL, decoded to real pixels); another
    file is a download link with its name."""
    (lab.root / "chat_files.ipynb").write_text(notebook(FILES_APP))
    run_all(page, lab.notebook_url("chat_files.ipynb"))
    app = page.locator(".gradio-nb")
    expect(app).to_have_count(1, timeout=30_000)
    image = app.locator(".gnb-msg-row.gnb-user img.gnb-chat-file")
    expect(image).to_have_attribute("src", re.compile(r"^blob:"), timeout=30_000)
    expect(image).to_have_attribute("alt", "a cheetah")
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=image.element_handle(), timeout=10_000)
    link = app.locator(".gnb-msg-row.gnb-bot a.gnb-chat-file")
    expect(link).to_have_text("notes.txt")
    expect(link).to_have_attribute("download", "notes.txt")
    expect(app.locator(".gnb-msg-row.gnb-bot .gnb-bubble")).to_contain_text("Here are my notes")
    page.screenshot(path=str(output_dir() / "chat_files.png"))
