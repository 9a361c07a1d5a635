import gradio_nb as gr


def restore(saved):
    name, visits = saved
    return name, visits + 1, [name, visits + 1]


with gr.Blocks() as demo:
    saved = gr.BrowserState(["", 0], storage_key="voila-profile")
    username = gr.Textbox(label="Username")
    visits = gr.Number(label="Visits")
    demo.load(restore, saved, [username, visits, saved])
    username.change(lambda name, kept: [name, kept[1]], [username, saved], saved)

demo.launch()
