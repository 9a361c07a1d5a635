"""Helpers for the screenshot pairs: a Gradio app served by real Gradio on 127.0.0.1, and the
composition of Gradio's and gradio_nb's screenshots into one picture with Pillow.

The Gradio app runs in its own process (Gradio's server keeps threads and an event loop we
do not want in the test process); it is stopped when the ``with`` block ends.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFont

from .conftest import free_port, output_dir, stop, wait_for_http

# Runs in the child: the script's own ``demo.launch()`` (if any) is redirected to a local,
# non-blocking launch on our port; scripts that never launch are launched after they run.
SERVE = r"""
import runpy, sys, time
import gradio as gr

script, port = sys.argv[1], int(sys.argv[2])
launched = []
original = gr.Blocks.launch

def launch(self, *args, **kwargs):
    if launched:
        return None
    launched.append(self)
    return original(self, server_name="127.0.0.1", server_port=port, prevent_thread_lock=True,
                    share=False, quiet=True, inbrowser=False)

gr.Blocks.launch = launch
namespace = runpy.run_path(script, run_name="__main__")
if not launched:
    namespace["demo"].launch()
while True:
    time.sleep(3600)
"""

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


@contextmanager
def gradio_server(script: Path, deadline_s: float = 120) -> Iterator[str]:
    """Serve ``script`` (``import gradio as gr``) with real Gradio; yield its URL."""
    port = free_port()
    env = {
        **os.environ,
        "GRADIO_ANALYTICS_ENABLED": "False",
        "HF_HUB_OFFLINE": "1",
        "NO_PROXY": "127.0.0.1,localhost",
        "no_proxy": "127.0.0.1,localhost",
    }
    log = open(output_dir() / f"gradio-{script.stem}.log", "w")
    process = subprocess.Popen(
        [sys.executable, "-c", SERVE, str(script), str(port)],
        env=env, cwd=str(script.parent), stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{port}"
        wait_for_http(f"{url}/config", deadline_s, process)
        yield url
    finally:
        stop(process)
        log.close()


def _caption(text: str, width: int, dark: bool) -> Image.Image:
    strip = Image.new("RGB", (width, 28), (24, 24, 27) if dark else (244, 244, 245))
    draw = ImageDraw.Draw(strip)
    draw.text((10, 7), text, fill=(228, 228, 231) if dark else (39, 39, 42), font=ImageFont.load_default())
    return strip


def trim_bottom(shot: Image.Image, margin: int = 12) -> Image.Image:
    """Drop the empty rows under the app (Gradio's ``main`` fills the viewport's height),
    keeping ``margin`` of them: rows the colour of the bottom-left pixel, edge to edge."""
    background = shot.getpixel((0, shot.height - 1))
    plain = Image.new("RGB", (shot.width, 1), background)
    bottom = shot.height
    while bottom > 1 and ImageChops.difference(shot.crop((0, bottom - 1, shot.width, bottom)), plain).getbbox() is None:
        bottom -= 1
    return shot.crop((0, 0, shot.width, min(shot.height, bottom + margin)))


def compose(rows: list[tuple[Path, Path, bool]], out: Path, gap: int = 16) -> Path:
    """Save one picture: per row Gradio's shot on the left, gradio_nb's on the right.

    ``rows`` holds (gradio shot, gradio_nb shot, dark?) triples; each cell gets a caption and
    is padded to its row's height with the row's background.
    """
    built: list[Image.Image] = []
    for left_path, right_path, dark in rows:
        cells = []
        for path, name in ((left_path, "Gradio 6.31"), (right_path, "gradio_nb in JupyterLab")):
            shot = trim_bottom(Image.open(path).convert("RGB"))
            caption = _caption(f"{name} ({'dark' if dark else 'light'})", shot.width, dark)
            cell = Image.new("RGB", (shot.width, shot.height + caption.height))
            cell.paste(caption, (0, 0))
            cell.paste(shot, (0, caption.height))
            cells.append(cell)
        height = max(c.height for c in cells)
        row = Image.new("RGB", (sum(c.width for c in cells) + gap, height), (128, 128, 128))
        x = 0
        for cell in cells:
            # padded with the shot's own background (its bottom-left pixel)
            row.paste(Image.new("RGB", (cell.width, height), cell.getpixel((0, cell.height - 1))), (x, 0))
            row.paste(cell, (x, 0))
            x += cell.width + gap
        built.append(row)
    width = max(r.width for r in built)
    picture = Image.new("RGB", (width, sum(r.height for r in built) + gap * (len(built) - 1)), (128, 128, 128))
    y = 0
    for row in built:
        picture.paste(row, (0, y))
        y += row.height + gap
    out.parent.mkdir(parents=True, exist_ok=True)
    picture.save(out, optimize=True)
    return out


def placeholder(path: Path, text: str, dark: bool, width: int = 400) -> Path:
    """A small picture saying why there is no screenshot (an app of States only draws nothing)."""
    image = Image.new("RGB", (width, 60), (11, 15, 25) if dark else (255, 255, 255))
    ImageDraw.Draw(image).text((10, 22), text, fill=(160, 160, 170), font=ImageFont.load_default())
    image.save(path)
    return path
