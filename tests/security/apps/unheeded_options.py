"""An app launched with options a served gradio_nb app honours (auth, strict_cors) and some it
cannot (a share link, Gradio's monitoring page)."""

import gradio as gr

with gr.Blocks() as demo:
    gr.Textbox(label="Name")

demo.launch(auth=("teacher", "s3cret"), strict_cors=False, share=True, enable_monitoring=True)
