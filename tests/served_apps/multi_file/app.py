"""A Gradio app in two files, as written for Gradio: neither file names gradio_nb. It parses
its own command line (which must be empty, as under ``python app.py``), and its greeting says
which module answered ``import gradio``."""

import argparse

import gradio as gr
from parts import greeting_box, greet

parser = argparse.ArgumentParser()
parser.add_argument("--name", default="World")
args = parser.parse_args()

with gr.Blocks(title="Two files") as demo:
    name = gr.Textbox(label="Name", value=args.name)
    greeting = greeting_box()
    gr.Button("Greet").click(greet, name, greeting)

if __name__ == "__main__":
    demo.launch()
