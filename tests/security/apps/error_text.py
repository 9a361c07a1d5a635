"""A function that fails with the server's internals in its message; show_error from the
environment (Gradio's default, False, unless GRADIO_NB_TEST_SHOW_ERROR is set)."""

import os

import gradio as gr


def connect():
    raise ConnectionError("postgres://admin:db-password-123@10.0.0.5/app refused")


def refuse():
    raise gr.Error("Negative numbers are not allowed")


with gr.Blocks() as demo:
    gr.Button("Connect").click(connect, None, None)
    gr.Button("Refuse").click(refuse, None, None)

demo.launch(show_error=bool(os.environ.get("GRADIO_NB_TEST_SHOW_ERROR")))
