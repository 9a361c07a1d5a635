"""ChatInterface as Gradio 6 draws it, used in JupyterLab as a person would: example cards in
the empty chat, the message box with its send icon, bubbles (the person's right, the bot's
left), the copy, retry and undo icons under the last message, the trash icon in the corner."""

from __future__ import annotations

import pytest
from playwright.sync_api import Locator, Page, expect

from .conftest import keep_shot, output_dir
from .test_choice import notebook
from .test_lab_notebooks import run_all

APP = '''
import gradio_nb as gr

replies = []

def reply(message, history):
    replies.append(message)
    return f"Reply {len(replies)}: **{message}**"

demo = gr.ChatInterface(reply, examples=["Hello there", "Tell me a joke"], title="Echo bot")
demo
'''


def bubbles(app: Locator, role: str) -> Locator:
    return app.locator(f".gnb-msg-row.gnb-{role}:not(.gnb-chat-typing) .gnb-bubble")


def test_chat_interface_looks_and_acts_as_gradio(lab, page: Page) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=lab.url)
    (lab.root / "chat_look.ipynb").write_text(notebook(APP))
    run_all(page, lab.notebook_url("chat_look.ipynb"))
    app = page.locator(".gradio-nb")
    expect(app).to_have_count(1, timeout=30_000)
    chat = app.locator(".gnb-chatbot")
    box = app.locator(".gnb-chat-input").locator("textarea, input[type=text]").first
    chips = chat.locator(".gnb-chat-example")

    # The examples are cards in the empty chat, with no "Examples" label; one sends its text.
    expect(chips).to_have_text(["Hello there", "Tell me a joke"], timeout=30_000)
    expect(app.get_by_text("Examples", exact=True)).to_have_count(0)
    expect(app.locator(".gnb-chat-input .gnb-chat-stop")).to_be_hidden()
    app.screenshot(path=str(output_dir() / "chat_look_empty.png"))
    chips.first.click()
    expect(bubbles(app, "bot")).to_have_text(["Reply 1: Hello there"], timeout=10_000)
    expect(bubbles(app, "user")).to_have_text(["Hello there"])
    expect(chips).to_have_count(0)  # gone once the chat has messages

    # Enter in the message box sends; so does the send icon, which sits inside the box.
    box.fill("second")
    box.press("Enter")
    expect(bubbles(app, "bot")).to_have_count(2, timeout=10_000)
    expect(box).to_have_value("")
    send = app.locator(".gnb-chat-input .gnb-chat-send")
    inside = box.bounding_box()
    icon = send.bounding_box()
    assert inside["x"] < icon["x"] and icon["x"] + icon["width"] <= inside["x"] + inside["width"] + 12
    assert inside["y"] - 12 <= icon["y"] and icon["y"] + icon["height"] <= inside["y"] + inside["height"] + 12
    box.fill("third")
    send.click()
    expect(bubbles(app, "bot")).to_have_text(["Reply 1: Hello there", "Reply 2: second", "Reply 3: third"], timeout=10_000)
    expect(bubbles(app, "user")).to_have_text(["Hello there", "second", "third"])

    # The person's bubble is on the right of the log, the bot's on the left.
    log = chat.locator(".gnb-chat-log").bounding_box()
    user, bot = bubbles(app, "user").last.bounding_box(), bubbles(app, "bot").last.bounding_box()
    middle = log["x"] + log["width"] / 2
    assert user["x"] > middle and user["x"] + user["width"] > log["x"] + log["width"] - 60
    assert bot["x"] < middle and bot["x"] < log["x"] + 60
    assert bot["y"] > user["y"]  # the reply comes under the message
    keep_shot(app, "chat_look.png")

    # Copy (on every message) puts the message's text on the clipboard.
    last_bot = app.locator(".gnb-msg-row.gnb-bot").last
    last_bot.get_by_role("button", name="Copy").click()
    expect(last_bot.locator(".gnb-copied")).to_have_count(1)
    assert page.evaluate("navigator.clipboard.readText()") == "Reply 3: third"

    # Retry and undo sit under the last message only.
    expect(app.get_by_role("button", name="Retry")).to_have_count(1)
    expect(last_bot.get_by_role("button", name="Retry")).to_have_count(1)
    last_bot.get_by_role("button", name="Retry").click()
    expect(bubbles(app, "bot").last).to_have_text("Reply 4: third", timeout=10_000)
    expect(bubbles(app, "user")).to_have_count(3)
    app.locator(".gnb-msg-row.gnb-bot").last.get_by_role("button", name="Undo").click()
    expect(bubbles(app, "user")).to_have_text(["Hello there", "second"], timeout=10_000)
    expect(box).to_have_value("third")

    # The trash icon in the chat's top-right corner empties it, and the examples come back.
    trash = chat.get_by_role("button", name="Delete conversation")
    corner, frame = trash.bounding_box(), chat.bounding_box()
    assert corner["x"] > frame["x"] + frame["width"] - 60 and corner["y"] < frame["y"] + 40
    trash.click()
    expect(app.locator(".gnb-msg-row")).to_have_count(0, timeout=10_000)
    expect(chips).to_have_count(2)
    assert page.console_errors == []


STREAM = '''
import asyncio
import gradio_nb as gr

async def slow(message, history):
    yield f"thinking about {message}"
    await asyncio.sleep(600)  # until stopped
    yield "never"

demo = gr.ChatInterface(slow)
demo
'''


def test_stop_icon_replaces_send_while_a_reply_streams(lab, page: Page) -> None:
    (lab.root / "chat_stop.ipynb").write_text(notebook(STREAM))
    page.goto(lab.notebook_url("chat_stop.ipynb"))
    page.wait_for_function("() => window.jupyterapp?.shell?.currentWidget?.sessionContext", timeout=90_000)
    page.evaluate(
        """async () => {
            const panel = window.jupyterapp.shell.currentWidget;
            await panel.sessionContext.ready;
            await window.jupyterapp.commands.execute('notebook:run-all-cells');
        }"""
    )
    app = page.locator(".gradio-nb")
    expect(app).to_have_count(1, timeout=60_000)
    box = app.locator(".gnb-chat-input").locator("textarea, input[type=text]").first
    send, stop = app.locator(".gnb-chat-input .gnb-chat-send"), app.locator(".gnb-chat-input .gnb-chat-stop")
    expect(send).to_be_visible(timeout=30_000)
    expect(stop).to_be_hidden()
    box.fill("tea")
    box.press("Enter")
    expect(bubbles(app, "bot")).to_have_text(["thinking about tea"], timeout=10_000)
    expect(stop).to_be_visible()  # the stream is still on (it waits to be stopped)
    expect(send).to_be_hidden()
    stop.click()
    expect(send).to_be_visible(timeout=10_000)
    expect(stop).to_be_hidden()
    expect(box).to_be_enabled()
    expect(bubbles(app, "bot")).to_have_text(["thinking about tea"])


MULTIMODAL = '''
import gradio_nb as gr

def reply(message, history):
    return f"{message['text']} with {len(message['files'])} file(s)"

demo = gr.ChatInterface(reply, multimodal=True)
demo
'''


def test_multimodal_chat_interface_box(lab, page: Page, tmp_path) -> None:
    """multimodal=True: the paperclip, the text and the send icon in one box; a file and text sent."""
    (lab.root / "chat_mm.ipynb").write_text(notebook(MULTIMODAL))
    run_all(page, lab.notebook_url("chat_mm.ipynb"))
    app = page.locator(".gradio-nb")
    expect(app).to_have_count(1, timeout=30_000)
    mm = app.locator(".gnb-chat-input .gnb-mm")
    expect(mm.get_by_role("button", name="Attach files")).to_be_visible(timeout=30_000)
    expect(mm.locator(".gnb-mm-submit")).to_be_hidden()  # the chat's own send icon serves
    note = tmp_path / "note.txt"
    note.write_text("hi")
    mm.locator("input[type=file]").set_input_files(str(note))
    expect(mm.locator(".gnb-mm-file")).to_contain_text("note.txt")
    mm.locator("textarea").fill("look")
    app.screenshot(path=str(output_dir() / "chat_look_multimodal.png"))
    app.locator(".gnb-chat-input .gnb-chat-send").click()
    expect(bubbles(app, "bot")).to_have_text(["look with 1 file(s)"], timeout=10_000)
    expect(bubbles(app, "user")).to_have_text(["look note.txt"])
    assert page.console_errors == []
