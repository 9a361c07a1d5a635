"""``python -m bench``: run every benchmark, print the table, write bench/RESULTS.md."""

from __future__ import annotations

import os
import platform
import sys
import time
from pathlib import Path

from . import (
    b1_dispatch,
    b2_kernel,
    b3_wire,
    b4_large_state,
    b5_chat,
    b6_build,
    b7_import,
    b8_dataframe,
    b9_media,
    b10_dynamic,
    b11_serving,
)
from .common import RESULTS

BENCHMARKS = [b1_dispatch, b2_kernel, b3_wire, b4_large_state, b5_chat, b6_build, b7_import, b8_dataframe, b9_media, b10_dynamic, b11_serving]


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")), platform.processor())
    return f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores ({cpu}), Python {platform.python_version()}"


def main() -> None:
    only = set(sys.argv[1:])
    start = time.time()
    for bench in BENCHMARKS:
        short = bench.__name__.rsplit(".", 1)[-1]  # "b10_dynamic": asked for as "b10" or by name
        if not only or any(short == name or short.startswith(f"{name}_") for name in only):
            bench.run()
    lines = [
        "# gradio_nb benchmarks",
        "",
        f"Run with `python -m bench` on {time.strftime('%Y-%m-%d')}, {machine()}; {time.time() - start:.0f} s.",
        "Every figure and its baselines were measured in the same run; ratios are what count.",
        "",
        "| benchmark | metric | value | compared with | target | holds |",
        "|---|---|---|---|---|---|",
    ]
    for row in RESULTS:
        holds = "" if row.ok is None else ("yes" if row.ok else "**no**")
        lines.append(f"| {row.bench} | {row.metric} | {row.value:,.3f} {row.unit} | {row.baseline} | {row.target} | {holds} |")
    table = "\n".join(lines) + "\n"
    print("\n" + table)
    if not only:
        (Path(__file__).parent / "RESULTS.md").write_text(table)


if __name__ == "__main__":
    main()
