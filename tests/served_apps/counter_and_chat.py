"""A counter and a chat on one page, for browser visitors of one-process serving: each page's
session names its visitor, and every freed session writes that name to $GRADIO_NB_TEST_LOG."""

import os
import secrets

import gradio_nb as gr

LOG = os.environ.get("GRADIO_NB_TEST_LOG", os.devnull)


def freed(visitor: dict) -> None:
    with open(LOG, "a") as log:
        log.write(f"freed {visitor['id']}\n")


with gr.Blocks() as demo:
    visitor = gr.State(lambda: {"id": secrets.token_hex(6)}, delete_callback=freed)
    count = gr.State(0)
    who = gr.Textbox(label="Visitor")
    box = gr.Textbox(label="Count")
    increment = gr.Button("Increment")
    chat = gr.Chatbot(label="Chat")
    message = gr.Textbox(label="Message")

    def add(n: int) -> tuple[int, str]:
        return n + 1, f"Count: {n + 1}"

    def respond(text: str, history: list) -> tuple[str, list]:
        return "", history + [{"role": "user", "content": text}, {"role": "assistant", "content": f"echo {text}"}]

    increment.click(add, count, [count, box])
    message.submit(respond, [message, chat], [message, chat])
    demo.load(lambda v: v["id"], visitor, who)

if __name__ == "__main__":
    demo.launch()
