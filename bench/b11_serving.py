"""11. Serving a classroom: many visitors of one served counter, side by side with Gradio.

Visitors are simulated (not browsers): clients speaking each page's protocol, all at once,
each clicking the counter as fast as answers come.

- Gradio: the seed's counter served by Gradio on 127.0.0.1; a visitor loads ``/`` and
  ``/config`` (what its page needs to show the app), then clicks as Gradio's page does
  (POST ``queue/join``, read the event's SSE stream until ``process_completed``).
- gradio_nb, one process (``gradio-nb serve``, the default): a visitor is
  ``tests/visitors.py``'s :class:`Visitor` (the page, its kernel websocket, the app's widget
  models; clicks as the widget front end sends them).
- gradio_nb, a kernel per visitor (``--kernel-per-visitor``, Voila): memory and time to the
  rendered page for a few visitors (each page request starts a kernel and runs the app).

Every visitor's last count must equal its clicks (none lost, none crossing sessions).
Memory per visitor: the server's resident memory (with its children) with every visitor's
session open, minus before, over the visitors; measured after a warm-up visit. Sizes:
``BENCH_VISITORS`` (default 200), ``BENCH_CLICKS`` (default 100), ``BENCH_KERNEL_VISITORS`` (10).
"""

from __future__ import annotations

import json
import os
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

from .common import ROOT, Row, free_port, gradio_server, median, record

COUNTER = ROOT / "examples" / "seed" / "01_counter.py"

GRADIO_APP = """
import sys
import gradio as gr
from bench.counter_apps import build
demo = build(gr)[0]
demo.queue(default_concurrency_limit=None).launch(server_name="127.0.0.1", server_port=int(sys.argv[1]))
"""


def _rss(pid: int) -> int:
    """Resident memory of a process and all its children."""
    import psutil

    process = psutil.Process(pid)
    total = process.memory_info().rss
    for child in process.children(recursive=True):
        try:
            total += child.memory_info().rss
        except psutil.Error:
            pass
    return total


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * q))]


def _crowd(visit, visitors: int) -> list[dict]:
    """Run ``visit(i)`` for every visitor at once; each returns its figures."""
    with ThreadPoolExecutor(visitors) as pool:
        return list(pool.map(visit, range(visitors)))


# -- Gradio ------------------------------------------------------------------------------------
def gradio_visitors(visitors: int, clicks: int) -> dict:
    import httpx

    with gradio_server(GRADIO_APP) as gradio:
        base, config = str(gradio.client.base_url).rstrip("/"), gradio.config
        dep = next(d for d in config["dependencies"] if d.get("backend_fn"))

        def visit(_i: int, clicks: int = clicks) -> dict:
            client = httpx.Client(base_url=base, timeout=120)
            started = time.perf_counter()
            client.get("/").raise_for_status()
            client.get("/config").raise_for_status()
            ready = time.perf_counter() - started
            session = uuid.uuid4().hex
            join = {"data": [None], "fn_index": dep["id"], "session_hash": session, "event_data": None, "trigger_id": dep["targets"][0][0]}
            trips, last = [], None
            for _ in range(clicks):
                sent = time.perf_counter()
                client.post("/gradio_api/queue/join", json=join).raise_for_status()
                with client.stream("GET", f"/gradio_api/queue/data?session_hash={session}") as stream:
                    for line in stream.iter_lines():
                        if "process_completed" in line:
                            last = json.loads(line[5:])["output"]["data"][1]
                            break
                trips.append(time.perf_counter() - sent)
            client.close()
            return {"ready": ready, "trips": trips, "ok": last == f"Count: {clicks}"}

        visit(0, clicks=2)  # warm-up
        before = _rss(gradio.process.pid)
        results = _crowd(visit, visitors)
        during = _rss(gradio.process.pid)  # Gradio keeps every session's State until it expires
        return {"results": results, "per_visitor": (during - before) / visitors}


# -- gradio_nb, one process ------------------------------------------------------------------
def one_process_visitors(visitors: int, clicks: int) -> dict:
    from gradio_nb.serve import start_server
    from tests.visitors import Visitor, kernels, wait_until

    with start_server(COUNTER, port=free_port(), mode="one-process") as server:
        pages: list[Visitor] = []

        def visit(_i: int, clicks: int = clicks, keep: bool = True) -> dict:
            started = time.perf_counter()
            page = Visitor(server.url).open()
            ready = time.perf_counter() - started
            button = page.find("ButtonModel", description="Increment")
            box = page.find_field("Current Count")
            trips = []
            for i in range(1, clicks + 1):
                sent = time.perf_counter()
                page.click(button)
                page.wait_for(lambda: page.value(box) == f"Count: {i}", timeout=120)
                trips.append(time.perf_counter() - sent)
            ok = page.value(box) == f"Count: {clicks}"
            if keep:
                pages.append(page)  # open until all are measured, as Gradio's sessions are
            else:
                page.leave()
            return {"ready": ready, "trips": trips, "ok": ok}

        visit(0, clicks=2, keep=False)  # warm-up
        wait_until(lambda: kernels(server.url) == 0)
        before = _rss(server.process.pid)
        results = _crowd(visit, visitors)
        during = _rss(server.process.pid)
        for page in pages:
            page.leave()
        freed = wait_until(lambda: kernels(server.url) == 0, timeout=60)
        return {"results": results, "per_visitor": (during - before) / visitors, "freed": bool(freed)}


# -- gradio_nb, a kernel per visitor (Voila) ---------------------------------------------------
def kernel_per_visitor(visitors: int) -> dict:
    import httpx

    from gradio_nb.serve import start_server

    with start_server(COUNTER, port=free_port(), mode="kernel-per-visitor", timeout=120) as server:
        before = _rss(server.process.pid)
        client = httpx.Client(timeout=120)
        ready = []
        for _ in range(visitors):  # each page request starts a kernel and runs the app in it
            started = time.perf_counter()
            client.get(server.url).raise_for_status()
            ready.append(time.perf_counter() - started)
        during = _rss(server.process.pid)
        client.close()
        return {"ready": median(ready), "per_visitor": (during - before) / visitors}


def run() -> None:
    visitors = int(os.environ.get("BENCH_VISITORS", 200))
    clicks = int(os.environ.get("BENCH_CLICKS", 100))
    kernel_visitors = int(os.environ.get("BENCH_KERNEL_VISITORS", 10))
    print(f"11. serving: {visitors} visitors x {clicks} clicks at once (the counter)")
    grd = gradio_visitors(visitors, clicks)
    one = one_process_visitors(visitors, clicks)
    voila = kernel_per_visitor(kernel_visitors)
    mib = 2**20

    def trips(result: dict) -> list[float]:
        return [t for r in result["results"] for t in r["trips"]]

    g50, g99 = _percentile(trips(grd), 0.5), _percentile(trips(grd), 0.99)
    o50, o99 = _percentile(trips(one), 0.5), _percentile(trips(one), 0.99)
    lost = sum(not r["ok"] for r in one["results"])
    b = "11 serving"
    record(Row(b, "Gradio: click round trip p50", g50 * 1e3, "ms"))
    record(Row(b, "Gradio: click round trip p99", g99 * 1e3, "ms"))
    record(Row(b, "Gradio: memory per visitor", grd["per_visitor"] / mib, "MiB"))
    record(Row(b, "Gradio: new visitor sees the app (median)", median([r["ready"] for r in grd["results"]]) * 1e3, "ms"))
    record(Row(b, "one process: click round trip p50", o50 * 1e3, "ms", f"{o50 / g50:.2f}x Gradio"))
    record(Row(b, "one process: click round trip p99", o99 * 1e3, "ms", f"{o99 / g99:.2f}x Gradio", "≤ 2x Gradio", o99 <= 2 * g99))
    record(Row(b, "one process: memory per visitor", one["per_visitor"] / mib, "MiB",
               f"{one['per_visitor'] / max(grd['per_visitor'], 1):.1f}x Gradio", "≤ 1 MiB", one["per_visitor"] <= mib))  # fmt: skip
    record(Row(b, "one process: new visitor sees the app (median)", median([r["ready"] for r in one["results"]]) * 1e3, "ms"))
    record(Row(b, "one process: visitors whose count was wrong", lost, "", f"of {visitors}", "0", lost == 0))
    record(Row(b, "one process: sessions freed after all left", float(one["freed"]), "", "", "1", one["freed"]))
    record(Row(b, f"kernel per visitor: memory per visitor ({kernel_visitors})", voila["per_visitor"] / mib, "MiB"))
    record(Row(b, "kernel per visitor: page rendered (median)", voila["ready"] * 1e3, "ms"))
