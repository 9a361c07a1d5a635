"""The seed counter behind a login, showing who is logged in (gr.Request.username)."""

import os

import gradio as gr


def increment(count):
    return count + 1, f"Count: {count + 1}"


def who(request: gr.Request):
    return request.username or "nobody"


with gr.Blocks(title="Class counter") as demo:
    state = gr.State(0)
    user = gr.Textbox(label="Logged in as")
    output = gr.Textbox(label="Current Count")
    button = gr.Button("Increment")
    button.click(increment, inputs=state, outputs=[state, output])
    demo.load(who, None, user)

demo.launch(
    auth=[("teacher", "s3cret"), ("student", "pa55")],
    auth_message="<p>Class members only.</p>",
    strict_cors=os.environ.get("GRADIO_NB_TEST_STRICT_CORS", "1") == "1",
)
