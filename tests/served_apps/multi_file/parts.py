"""The app's helper module: it imports Gradio itself, and again when a click asks."""

import gradio as gr
from gradio.components import Textbox
from gradio.media import get_image


def greeting_box() -> Textbox:
    return gr.Textbox(label="Greeting")


def greet(name: str) -> str:
    import gradio  # at click time: still the module that ran the app

    assert get_image("cheetah1.jpg")
    return f"Hello {name} ({gr.__name__}, {gradio.__name__})"
