"""4. A large State, ``[0] * 1_000_000``: bytes to the browser, memory per session, first event."""

from __future__ import annotations

import gc
import time
import tracemalloc
import uuid

import gradio_nb

from .common import Row, record, recording_comms, traffic

SIZE = 1_000_000


def build(gr, size: int = SIZE):  # type: ignore[no-untyped-def]
    with gr.Blocks() as demo:
        large = gr.State(value=[0] * size)
        length = gr.Number(label="Length")
        button = gr.Button("Measure")
        button.click(lambda data: len(data), large, length)
    return demo, large, button


def allocated(fn) -> float:  # type: ignore[no-untyped-def]
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    kept = fn()
    gc.collect()
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    del kept
    return after - before


def run() -> None:
    print("4. large State [0]*1_000_000")
    with recording_comms() as log:
        demo, large, button = build(gradio_nb)
        sess = demo.session()
        sess.click(button)
        _, sent = traffic(log)
        biggest = max(size for _, size, _ in log)
    record(Row("4 large state", "largest message to the browser", biggest, "B", f"{sent:,} B in all for open + click", "no State: < 10 kB", biggest < 10_000))
    # The State's share: 100 sessions of this app, minus 100 of the same app with a tiny State.
    small, _, _ = build(gradio_nb, size=1)
    widgets_only = allocated(lambda: [small.session() for _ in range(100)])
    small.close_all()
    demo, large, button = build(gradio_nb)
    untouched = allocated(lambda: [demo.session() for _ in range(100)])
    demo.close_all()
    touched = allocated(lambda: [s.click(button) or s for s in (demo.session() for _ in range(100))])
    demo.close_all()
    state_share = untouched - widgets_only
    record(Row("4 large state", "State memory, 100 sessions that never read it", state_share / 1e6, "MB", f"sessions in all {untouched / 1e6:.1f} MB (widgets)", "< 1 MB in all", state_share < 1e6))
    record(Row("4 large state", "100 sessions that read it", touched / 1e6, "MB", f"{(touched - widgets_only) / 100 / 1e6:.1f} MB each for its copy"))
    sess = demo.session()
    start = time.perf_counter()
    sess.click(button)
    nb_first = time.perf_counter() - start
    import gradio
    from gradio.state_holder import SessionState


    gdemo, _glarge, _gbutton = build(gradio)
    fn = next(iter(gdemo.fns.values()))
    import asyncio

    loop = asyncio.new_event_loop()
    state = SessionState(gdemo)
    start = time.perf_counter()
    loop.run_until_complete(gdemo.process_api(block_fn=fn, inputs=[None], state=state, session_hash=uuid.uuid4().hex))
    gr_first = time.perf_counter() - start
    record(Row("4 large state", "gradio_nb first event", nb_first * 1e3, "ms", f"Gradio {gr_first * 1e3:.0f} ms"))
