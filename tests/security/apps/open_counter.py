"""The seed counter with no login: what any visitor may use, and no other site."""

import gradio as gr


def increment(count):
    return count + 1, f"Count: {count + 1}"


with gr.Blocks(title="Open counter") as demo:
    state = gr.State(0)
    output = gr.Textbox(label="Current Count")
    button = gr.Button("Increment")
    button.click(increment, inputs=state, outputs=[state, output])

demo.launch()
