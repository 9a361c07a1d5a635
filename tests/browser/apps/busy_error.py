import time

import gradio_nb as gr


def slow_double(x):
    time.sleep(1.5)
    if x < 0:
        raise gr.Error("Negative numbers are not allowed", title="Bad input")
    return x * 2


with gr.Blocks() as demo:
    number = gr.Number(2, label="Input")
    doubled = gr.Number(label="Doubled")
    go = gr.Button("Double")
    go.click(slow_double, number, doubled)

demo.launch()
