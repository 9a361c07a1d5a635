"""1. Dispatch in-process, the seed's counter: gradio_nb vs hand-wired ipywidgets vs Gradio."""

from __future__ import annotations

import gradio_nb
import gradio_nb.session as session_module

from .common import Row, per_call, per_call_interleaved, record
from .counter_apps import GradioCounter, HandWired, build


def run() -> None:
    print("1. dispatch in-process (counter click)")
    demo, _state, _output, button = build(gradio_nb)
    sess = demo.session()
    limit, session_module.HISTORY_LIMIT = session_module.HISTORY_LIMIT, 0
    quiet = demo.session()  # no event log: what recording sess.history costs per click
    session_module.HISTORY_LIMIT = limit
    hand = HandWired()
    best = per_call_interleaved(
        {"nb": lambda: sess.click(button), "unlogged": lambda: quiet.click(button), "hw": hand.button.click}, 300
    )
    nb, unlogged, hw = best["nb"], best["unlogged"], best["hw"]
    import gradio

    gr_counter = GradioCounter(build(gradio)[0])
    grd = per_call(gr_counter.click, 300)
    record(Row("1 dispatch", "hand-wired ipywidgets click", hw * 1e6, "µs"))
    record(Row("1 dispatch", "Gradio process_api", grd * 1e6, "µs"))
    record(Row("1 dispatch", "gradio_nb click", nb * 1e6, "µs", f"{nb / hw:.2f}x hand-wired", "≤ 3x hand-wired", nb / hw <= 3))
    record(Row("1 dispatch", "Gradio / gradio_nb", grd / nb, "x", "", "≥ 10x", grd / nb >= 10))
    record(Row("1 dispatch", "gradio_nb click, event log off", unlogged * 1e6, "µs", f"{unlogged / hw:.2f}x hand-wired; the log costs {(nb - unlogged) * 1e6:.1f} µs"))
