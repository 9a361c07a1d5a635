"""The apps of the screenshot pairs that are no seed example. Serving them with Gradio
(``gradio_server``) and composing the pictures (``compose``) live in ``scripts/look/``, which
the look comparison tool shares."""

from __future__ import annotations

# The ChatInterface of the pairs: canned answers (no model), examples shown as chips.
CHAT_APP = '''
import gradio as gr


def answer(message, history):
    return f"You said: {message}. That makes {len(history) // 2 + 1} message(s)."


demo = gr.ChatInterface(
    fn=answer,
    title="Echo bot",
    description="Answers with what you typed.",
    examples=["Hello", "Tell me a joke", "What is State?"],
)

if __name__ == "__main__":
    demo.launch()
'''

# Gradio's form fields, layouts and button variants in one app (no seed app has most of them).
FIELDS_APP = '''
import gradio as gr


def order(size, amount, extras, delivery, toppings, note):
    return f"{amount} x {size}, {delivery}, {', '.join(toppings) or 'no toppings'}, extras {extras}: {note}"


with gr.Blocks() as demo:
    gr.Markdown("## Order form\\nPick what you want; **Order** sums it up.")
    with gr.Row():
        size = gr.Dropdown(["Small", "Medium", "Large"], value="Medium", label="Size")
        amount = gr.Number(2, label="Amount", minimum=1)
    extras = gr.Slider(0, 10, value=3, step=1, label="Extras", info="How many extras")
    delivery = gr.Radio(["Pick up", "Delivery"], value="Pick up", label="Delivery")
    toppings = gr.CheckboxGroup(["Cheese", "Olives", "Basil"], value=["Cheese"], label="Toppings")
    note = gr.Textbox(label="Note", placeholder="Anything else?")
    agree = gr.Checkbox(True, label="I agree")
    with gr.Row():
        go = gr.Button("Order", variant="primary")
        stop = gr.Button("Cancel", variant="stop")
    summary = gr.Textbox(label="Summary")
    go.click(order, [size, amount, extras, delivery, toppings, note], summary)

if __name__ == "__main__":
    demo.launch()
'''
