"""7. Import time as a whole process: ``import gradio_nb`` vs ``import ipywidgets, anywidget``."""

from __future__ import annotations

import subprocess
import sys
import time

from .common import Row, median, record


def process_seconds(code: str, runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        times.append(time.perf_counter() - start)
    return median(times)


def run() -> None:
    print("7. import (whole process)")
    base = process_seconds("import ipywidgets, anywidget")
    nb = process_seconds("import gradio_nb")
    gr = process_seconds("import gradio", runs=3)
    record(Row("7 import", "import ipywidgets, anywidget", base, "s"))
    record(Row("7 import", "import gradio", gr, "s"))
    record(Row("7 import", "import gradio_nb", nb, "s", f"{nb / base:.2f}x", "≤ 1.5x", nb / base <= 1.5))
