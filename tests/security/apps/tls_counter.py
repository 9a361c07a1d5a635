"""The seed counter served over https (the certificate and key named by the environment),
behind a login, under a root path when one is given."""

import os

import gradio as gr


def increment(count):
    return count + 1, f"Count: {count + 1}"


with gr.Blocks(title="TLS counter") as demo:
    state = gr.State(0)
    output = gr.Textbox(label="Current Count")
    button = gr.Button("Increment")
    button.click(increment, inputs=state, outputs=[state, output])

demo.launch(
    auth=("teacher", "s3cret"),
    ssl_certfile=os.environ.get("TEST_CERT") or None,
    ssl_keyfile=os.environ.get("TEST_KEY") or None,
    ssl_keyfile_password=os.environ.get("TEST_KEY_PASSWORD") or None,
    root_path=os.environ.get("TEST_ROOT_PATH") or None,
)
