"""A counter for simulated visitors: each page's State counts its clicks and names its visitor,
and every freed session writes that name to the file $GRADIO_NB_TEST_LOG (its State's
``delete_callback``). "Slow" takes a second, for a visitor who leaves mid-event."""

import time

import gradio_nb as gr
from visitor_log import visitor_state

with gr.Blocks() as demo:
    visitor = visitor_state()
    count = gr.State(0)
    box = gr.Textbox(label="Count")
    who = gr.Textbox(label="Visitor")
    increment = gr.Button("Increment")
    slow = gr.Button("Slow")

    def add(n: int, v: dict) -> tuple[int, str, str]:
        return n + 1, str(n + 1), v["id"]

    def wait(n: int, v: dict) -> tuple[int, str, str]:
        time.sleep(1)
        return n, f"slow {n}", v["id"]

    increment.click(add, [count, visitor], [count, box, who])
    slow.click(wait, [count, visitor], [count, box, who])
    demo.load(lambda v: v["id"], visitor, who)

if __name__ == "__main__":
    demo.launch()
