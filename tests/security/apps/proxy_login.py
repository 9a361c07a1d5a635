"""An app behind a proxy that logs people in: auth_dependency reads the user it names
(sync, or async when GRADIO_NB_TEST_ASYNC is set)."""

import os

import gradio as gr


def from_proxy(request):
    return request.headers.get("x-remote-user")


async def from_proxy_async(request):
    return request.headers.get("x-remote-user")


def who(request: gr.Request):
    return request.username or "nobody"


with gr.Blocks(title="Proxy login") as demo:
    user = gr.Textbox(label="Logged in as")
    demo.load(who, None, user)

demo.launch(auth_dependency=from_proxy_async if os.environ.get("GRADIO_NB_TEST_ASYNC") else from_proxy)
