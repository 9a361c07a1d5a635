"""File values a page could forge: an upload read back as bytes, and a path typed in, shown as a file.

``Read`` gives the bytes of the file in ``Upload`` (``type="binary"``) back as text, so that a
forged file value that reached the function would show the file's bytes on the page. ``Show``
returns the path typed in ``Path`` to the ``Shown`` file list, which Gradio's rule for returned
paths must refuse when it is outside the allowed folders.
"""

import gradio as gr


def read(data):
    return "nothing" if data is None else f"{len(data)} bytes: {data!r}"


def show(path):
    return path or None


with gr.Blocks(title="File values") as demo:
    upload = gr.File(label="Upload", type="binary")
    content = gr.Textbox(label="Content")
    read_button = gr.Button("Read")
    read_button.click(read, upload, content)
    path = gr.Textbox(label="Path")
    shown = gr.File(label="Shown")
    show_button = gr.Button("Show")
    show_button.click(show, path, shown)

demo.launch()
