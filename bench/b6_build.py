"""6. Build and open a session of N Textbox+Button pairs, vs the naive ipywidgets build."""

from __future__ import annotations

import gc
import time

import ipywidgets as widgets

import gradio_nb

from .common import Row, record, recording_comms, traffic


def naive(n: int) -> widgets.VBox:
    return widgets.VBox([widgets.HBox([widgets.Text(description=f"Field {i}"), widgets.Button(description="Go")]) for i in range(n)])


def app(n: int) -> gradio_nb.Blocks:
    with gradio_nb.Blocks() as demo:
        for i in range(n):
            with gradio_nb.Row():
                box = gradio_nb.Textbox(label=f"Field {i}")
                button = gradio_nb.Button("Go")
                button.click(lambda s: s.upper(), box, box)
    return demo


def run() -> None:
    print("6. build + open a session of N Textbox+Button pairs")
    per_pair = {}
    for n in (10, 100, 1000):
        # A full collection first: what earlier benchmarks left (a million-item State walks
        # 1M references per collection) must not land inside one build and not the other.
        gc.collect()
        with recording_comms() as log:
            start = time.perf_counter()
            naive(n)
            t_naive = time.perf_counter() - start
            _, b_naive = traffic(log)
        gc.collect()
        with recording_comms() as log:
            start = time.perf_counter()
            app(n).session()
            t_nb = time.perf_counter() - start
            _, b_nb = traffic(log)
        per_pair[n] = t_nb / n
        record(Row("6 build", f"N={n} time", t_nb * 1e3, "ms", f"naive {t_naive * 1e3:.0f} ms ({t_nb / t_naive:.2f}x)", "≤ naive", t_nb <= t_naive))
        record(Row("6 build", f"N={n} comm bytes", b_nb / 1e3, "kB", f"naive {b_naive / 1e3:.0f} kB ({b_nb / b_naive:.2f}x)", "≤ naive", b_nb <= b_naive))
    linear = per_pair[1000] / per_pair[10]
    record(Row("6 build", "time per pair N=1000 / N=10", linear, "x", "", "≤ 1.5 (linear)", linear <= 1.5))
