"""Shared pieces of the benchmarks: timing, comm traffic recording, the result table, a Gradio
server to compare with."""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import comm
from comm.base_comm import BaseComm

from scripts.look.servers import free_port, stop  # noqa: F401 - free_port: the benchmarks import it from here


@dataclass
class Row:
    """One measured figure, with what it is compared to and the target it must meet."""

    bench: str
    metric: str
    value: float
    unit: str
    baseline: str = ""
    target: str = ""
    ok: bool | None = None


RESULTS: list[Row] = []


def record(row: Row) -> Row:
    RESULTS.append(row)
    status = "" if row.ok is None else ("PASS" if row.ok else "FAIL")
    print(f"  {row.metric}: {row.value:,.3f} {row.unit}  {row.baseline}  {row.target} {status}".rstrip(), flush=True)
    return row


def per_call(fn: Callable[[], Any], calls: int, repeats: int = 5) -> float:
    """Seconds per call: the best of ``repeats`` means over ``calls`` calls (noise only adds)."""
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(calls):
            fn()
        best = min(best, (time.perf_counter() - start) / calls)
    return best


def per_call_interleaved(fns: dict[str, Callable[[], Any]], calls: int, rounds: int = 20) -> dict[str, float]:
    """Seconds per call of each function: the best over ``rounds`` rounds in which every
    function runs ``calls`` times in turn, so a slow spell of a shared machine hits all of
    them alike instead of one alone."""
    best = dict.fromkeys(fns, float("inf"))
    for _ in range(rounds):
        for name, fn in fns.items():
            start = time.perf_counter()
            for _ in range(calls):
                fn()
            best[name] = min(best[name], (time.perf_counter() - start) / calls)
    return best


def median(values: list[float]) -> float:
    return statistics.median(values)


class RecordingComm(BaseComm):
    """A comm that sends nothing and records what it would have sent."""

    log: list[tuple[str, int, Any]] = []

    def publish_msg(self, msg_type: str, data: Any = None, metadata: Any = None, buffers: Any = None, **keys: Any) -> None:
        size = len(json.dumps(data, default=str)) + sum(len(b) for b in buffers or [])
        RecordingComm.log.append((msg_type, size, data))


@contextmanager
def recording_comms() -> Iterator[list[tuple[str, int, Any]]]:
    """Every widget created inside records its comm traffic into the yielded list."""
    original = comm.create_comm
    RecordingComm.log = []
    comm.create_comm = lambda **kwargs: RecordingComm(**kwargs)
    try:
        yield RecordingComm.log
    finally:
        comm.create_comm = original


def traffic(log: list[tuple[str, int, Any]], since: int = 0) -> tuple[int, int]:
    """(messages, bytes) recorded since index ``since``."""
    part = log[since:]
    return len(part), sum(size for _, size, _ in part)


ROOT = Path(__file__).resolve().parent.parent


@dataclass
class GradioServer:
    """A Gradio app served on 127.0.0.1: an httpx client for it, its config, its process."""

    client: Any
    config: dict[str, Any]
    process: subprocess.Popen[bytes]


@contextmanager
def gradio_server(app: str, timeout: float = 60) -> Iterator[GradioServer]:
    """Serve ``app`` (Python code that launches a Gradio app on the port given as its first
    argument) with its cache and uploads in a temporary folder; stop it and remove the folder
    after. ``timeout`` is the client's."""
    import httpx

    port = free_port()
    folder = tempfile.mkdtemp(prefix="bench_gradio_")
    env = {**os.environ, "GRADIO_TEMP_DIR": folder, "GRADIO_ANALYTICS_ENABLED": "False"}
    process = subprocess.Popen([sys.executable, "-c", app, str(port)], cwd=ROOT, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    client = httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=timeout)
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                config = client.get("/config").json()
                break
            except httpx.HTTPError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise
                time.sleep(0.3)
        yield GradioServer(client, config, process)
    finally:
        client.close()
        stop(process)
        shutil.rmtree(folder, ignore_errors=True)
