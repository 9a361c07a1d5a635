"""A Timer, a streaming async generator and a failing function, for one-process serving."""

import asyncio

import gradio_nb as gr


async def slow_echo(text: str):
    for i in range(len(text)):
        await asyncio.sleep(0.05)
        yield text[: i + 1]


with gr.Blocks() as demo:
    ticks = gr.State(0)
    shown = gr.Textbox(label="Ticks")
    timer = gr.Timer(0.5)
    timer.tick(lambda n: (n + 1, str(n + 1)), ticks, [ticks, shown])
    text = gr.Textbox(label="In")
    echo = gr.Textbox(label="Out")
    gr.Button("Stream").click(slow_echo, text, echo)
    gr.Button("Fail").click(lambda: 1 / 0, None, None)

if __name__ == "__main__":
    demo.launch(show_error=True)  # the test reads the exception's text in the page
