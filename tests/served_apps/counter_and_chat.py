"""A counter and a chat on one page, for browser visitors of one-process serving: each page's
session names its visitor, and every freed session writes that name to $GRADIO_NB_TEST_LOG."""

import gradio_nb as gr
from visitor_log import visitor_state

with gr.Blocks() as demo:
    visitor = visitor_state()
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
