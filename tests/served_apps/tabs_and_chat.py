"""Tabs with a ChatInterface in one of them, for the browser tests of the tabs' look and keys
and of a served page's frame (run by gradio_nb and by real Gradio alike: ``import gradio``)."""

import gradio as gr

with gr.Blocks() as demo:
    with gr.Tabs() as tabs:
        with gr.Tab("First", id="first"):
            gr.Textbox(label="In first")
        with gr.Tab("Second", id="second"):
            gr.Textbox(label="In second")
        with gr.Tab("Locked", interactive=False):
            gr.Textbox(label="In locked")
        with gr.Tab("Chat", id="chat"):
            gr.ChatInterface(lambda message, history: f"echo {message}")
    chosen = gr.Textbox(label="Chosen")
    with gr.Tabs():  # more tabs than fit: the others behind "..."
        for number in range(12):
            with gr.Tab(f"Tab number {number}"):
                gr.Markdown(f"Page {number}")

    def picked(evt: gr.SelectData) -> str:
        return f"{evt.value}:{evt.index}"

    tabs.select(picked, None, chosen)

if __name__ == "__main__":
    demo.launch()
