"""gr.ChatInterface: replies, streaming, history per session, examples, retry/undo/clear."""

from __future__ import annotations

import asyncio
import os

import gradio_nb as gr


def texts(sess: gr.Session, chat: gr.ChatInterface) -> list[tuple[str, str]]:
    return [(m["role"], m["content"][0]["text"]) for m in sess.get(chat.chatbot)]


def echo(message, history):
    return f"{message} ({len(history)} before)"


def send(sess: gr.Session, chat: gr.ChatInterface, text: str) -> None:
    sess.set(chat.textbox, text)
    sess.submit(chat.textbox)


def test_reply_is_added_and_textbox_cleared_and_enabled_again():
    chat = gr.ChatInterface(echo)
    sess = chat.session()
    send(sess, chat, "hi")
    assert texts(sess, chat) == [("user", "hi"), ("assistant", "hi (0 before)")]
    assert sess.get(chat.textbox) == ""
    assert not sess.widget(chat.textbox).disabled
    send(sess, chat, "again")
    assert texts(sess, chat)[-1] == ("assistant", "again (2 before)")


def test_history_is_normalised_messages_and_a_copy():
    seen = []

    def fn(message, history):
        seen.append(history)
        history.append({"role": "user", "content": "injected"})  # must not change the chat
        return "ok"

    chat = gr.ChatInterface(fn)
    sess = chat.session()
    send(sess, chat, "one")
    send(sess, chat, "two")
    assert seen[1][0] == {"role": "user", "metadata": None, "content": [{"text": "one", "type": "text"}], "options": None}
    assert [m for m in texts(sess, chat) if m[1] == "injected"] == []


def test_sessions_have_their_own_history():
    chat = gr.ChatInterface(echo)
    a, b = chat.session(), chat.session()
    send(a, chat, "for a")
    assert texts(b, chat) == []
    send(b, chat, "for b")
    assert texts(a, chat) == [("user", "for a"), ("assistant", "for a (0 before)")]


def test_streaming_reply_updates_as_it_comes():
    def stream(message, history):
        for i in range(1, len(message) + 1):
            yield message[:i]

    chat = gr.ChatInterface(stream)
    sess = chat.session()
    shown = []
    sess.widget(chat.chatbot).observe(lambda c: shown.append([m["html"] for m in c["new"]]), names="messages")
    send(sess, chat, "abc")
    assert texts(sess, chat) == [("user", "abc"), ("assistant", "abc")]
    assert [s[-1] for s in shown[1:]] == ["<p>a</p>\n", "<p>ab</p>\n", "<p>abc</p>\n"]
    assert sess.widget(chat.stop_btn).layout.display != "none"  # Stop shows for streams


def test_async_and_async_streaming_functions():
    async def reply(message, history):
        await asyncio.sleep(0)
        return message.upper()

    async def stream(message, history):
        for word in message.split():
            yield word

    for fn, expected in [(reply, "HELLO THERE"), (stream, "there")]:
        chat = gr.ChatInterface(fn)
        sess = chat.session()
        send(sess, chat, "hello there")
        assert texts(sess, chat)[-1] == ("assistant", expected)


def test_examples_retry_undo_clear():
    calls = []

    def fn(message, history):
        calls.append(message)
        return f"reply {len(calls)}"

    chat = gr.ChatInterface(fn, examples=["first example", "second"])
    sess = chat.session()
    sess.click(chat.example_buttons[0])
    assert texts(sess, chat) == [("user", "first example"), ("assistant", "reply 1")]
    sess.click(chat.retry_btn)
    assert texts(sess, chat) == [("user", "first example"), ("assistant", "reply 2")]
    sess.click(chat.undo_btn)
    assert texts(sess, chat) == []
    assert sess.get(chat.textbox) == "first example"
    send(sess, chat, "x")
    sess.click(chat.clear_btn)
    assert texts(sess, chat) == []
    send(sess, chat, "after clear")
    assert calls[-1] == "after clear"
    assert len(sess.get(chat.chatbot)) == 2


def test_additional_inputs_and_outputs():
    def fn(message, history, shout, count):
        reply = message.upper() if shout else message
        return reply, count + 1

    with gr.Blocks() as demo:
        counter = gr.Number(0, label="Replies")
        chat = gr.ChatInterface(fn, additional_inputs=[gr.Checkbox(label="Shout"), gr.Number(0, render=False)], additional_outputs=[counter])
    sess = demo.session()
    shout, count_in = chat.additional_inputs
    sess.set(shout, True)
    send(sess, chat, "hey")
    assert texts(sess, chat)[-1] == ("assistant", "HEY")
    assert sess.get(counter) == 1


def test_error_is_shown_and_textbox_freed():
    def fn(message, history):
        raise gr.Error("model offline")

    chat = gr.ChatInterface(fn)
    sess = chat.session()
    send(sess, chat, "hi")
    assert sess.errors[-1].message == "model offline"
    assert not sess.widget(chat.textbox).disabled
    assert texts(sess, chat) == [("user", "hi")]  # the user's message stays, as in Gradio


def test_stop_cancels_an_awaiting_stream():
    async def slow(message, history):
        yield "thinking"
        await asyncio.sleep(60)
        yield "never"

    chat = gr.ChatInterface(slow)

    async def main():
        sess = chat.session()
        sess.widget(chat.textbox).value = "q"
        sess.dispatcher.fire(chat.textbox, "submit")
        for _ in range(100):
            await asyncio.sleep(0.01)
            if texts(sess, chat)[-1:] == [("assistant", "thinking")]:
                break
        sess.widget(chat.stop_btn).click()
        for _ in range(100):
            if sess.dispatcher._task is None:
                break
            await asyncio.sleep(0.01)
        assert texts(sess, chat) == [("user", "q"), ("assistant", "thinking")]
        assert not sess.widget(chat.textbox).disabled

    asyncio.run(main())


def test_chatbot_and_state_made_in_the_enclosing_app_move_into_the_chat_interface():
    """The chatbot-events guide: a Chatbot and a State made in the app, given to a ChatInterface
    (the State as an additional input), and the Chatbot's clear event resetting the State."""
    import uuid

    with gr.Blocks() as demo:
        session_id = gr.State(lambda: uuid.uuid4().hex)
        chatbot = gr.Chatbot()
        chatbot.clear(lambda: uuid.uuid4().hex, outputs=[session_id])
        chat = gr.ChatInterface(lambda message, history, sid: f"{message} ({len(sid)})", additional_inputs=[session_id], chatbot=chatbot)
    sess = demo.session()
    first = sess.get(session_id)
    sess.set(chat.textbox, "hi")
    sess.submit(chat.textbox)
    assert sess.get(chatbot)[-1]["content"][0]["text"] == "hi (32)"
    sess.widget(chatbot).act("clear", {})
    assert sess.get(chatbot) == [] and sess.get(session_id) != first
    assert sess.errors == []


def test_multimodal_chat_interface_sends_text_and_files(tmp_path):
    """multimodal=True: a MultimodalTextbox, and fn receives Gradio's {"text", "files"} dict."""
    picture = tmp_path / "cat.png"
    picture.write_bytes(b"png")
    seen = []

    def echo(message, history):
        seen.append(message)
        return f"{message['text']} + {len(message['files'])} file(s)"

    chat = gr.ChatInterface(echo, multimodal=True)
    sess = chat.session()
    assert isinstance(chat.textbox, gr.MultimodalTextbox)
    sess.set(chat.textbox, {"text": "look", "files": [str(picture)]})
    sess.submit(chat.textbox)
    assert seen[-1]["text"] == "look" and [os.path.basename(f) for f in seen[-1]["files"]] == ["cat.png"]
    texts = [m["content"][0]["text"] for m in sess.get(chat.chatbot)]
    assert texts == ["look\n\ncat.png", "look + 1 file(s)"]
    assert sess.get(chat.textbox) == {"text": "", "files": []}
    sess.click(chat.retry_btn)
    assert seen[-1]["text"] == "look" and len(seen[-1]["files"]) == 1  # sent again, files too
    assert len(sess.get(chat.chatbot)) == 2
