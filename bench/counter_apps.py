"""The seed's counter, three ways: gradio_nb, hand-wired ipywidgets, and real Gradio."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import ipywidgets as widgets


def increment(count: int) -> tuple[int, str]:
    count = count + 1
    return count, f"Count: {count}"


def build(gr: Any) -> tuple[Any, Any, Any, Any]:
    """The seed's counter with the given ``gr`` module: (demo, state, output, button)."""
    with gr.Blocks() as demo:
        state = gr.State(value=0)
        output = gr.Textbox(label="Current Count")
        button = gr.Button("Increment")
        button.click(fn=increment, inputs=state, outputs=[state, output])
    return demo, state, output, button


class HandWired:
    """The same counter wired by hand: a Button, a Text, a closure for the count."""

    def __init__(self) -> None:
        self.count = 0
        self.output = widgets.Text(description="Current Count")
        self.button = widgets.Button(description="Increment")
        self.box = widgets.VBox([self.output, self.button])
        self.button.on_click(self._clicked)

    def _clicked(self, _button: Any) -> None:
        self.count, self.output.value = increment(self.count)


class GradioCounter:
    """Real Gradio's processing path for one session: ``Blocks.process_api``."""

    def __init__(self, demo: Any) -> None:
        from gradio.state_holder import SessionState

        self.demo = demo
        self.state = SessionState(demo)
        self.session_hash = uuid.uuid4().hex
        self.fn = next(f for f in demo.fns.values() if f.fn is increment)
        self.loop = asyncio.new_event_loop()

    def click(self) -> Any:
        return self.loop.run_until_complete(
            self.demo.process_api(block_fn=self.fn, inputs=[None], state=self.state, session_hash=self.session_hash)
        )
