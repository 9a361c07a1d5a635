import gradio_nb as gr


def who(request: gr.Request):
    return f"{request.headers.get('User-Agent', '')[:40]} | lang={request.headers.get('accept-language')} | q={request.query_params.get('room')}"


with gr.Blocks() as demo:
    out = gr.Textbox(label="Request")
    go = gr.Button("Who")
    go.click(who, None, out)

demo.launch()
