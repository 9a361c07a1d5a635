"""2. Click round trip over a live kernel: messages as the front end sends them.

A real ipykernel runs the counter; this process plays the front end over ZMQ: it sends the
button's ``comm_msg`` click and waits for the ``comm_msg`` that updates the textbox. Gradio's
counter is served by Gradio on 127.0.0.1 and clicked over HTTP as its front end does.
"""

from __future__ import annotations

import time
from pathlib import Path

from jupyter_client.manager import start_new_kernel

from .common import Row, gradio_server, median, record

SETUP = {
    "hand-wired": """
import ipywidgets as widgets
count = 0
out = widgets.Text()
button = widgets.Button(description="Increment")
def clicked(_):
    global count
    count += 1
    out.value = f"Count: {count}"
button.on_click(clicked)
print(button.model_id, out.model_id)
""",
    "gradio_nb": """
import gradio_nb as gr
from bench.counter_apps import build
demo, state, output, button = build(gr)
sess = demo.session()
print(sess.widget(button).model_id, sess.widget(output).model_id)
""",
}


def kernel_round_trips(setup: str, clicks: int) -> list[float]:
    km, kc = start_new_kernel(kernel_name="python3", cwd=str(Path(__file__).resolve().parent.parent))
    try:
        ids: list[str] = []
        reply = kc.execute_interactive(setup, output_hook=lambda msg: ids.extend(msg["content"].get("text", "").split()), timeout=60)
        assert reply["content"]["status"] == "ok", reply["content"]
        button_id, out_id = ids[:2]
        times = []
        for i in range(1, clicks + 1):
            want = f"Count: {i}"
            msg = kc.session.msg("comm_msg", {"comm_id": button_id, "data": {"method": "custom", "content": {"event": "click"}}})
            start = time.perf_counter()
            kc.shell_channel.send(msg)
            while True:
                m = kc.get_iopub_msg(timeout=10)
                c = m["content"]
                if m["msg_type"] == "comm_msg" and c.get("comm_id") == out_id and c["data"].get("state", {}).get("value") == want:
                    break
            times.append(time.perf_counter() - start)
        return times
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


GRADIO_APP = """
import sys
import gradio as gr
from bench.counter_apps import build
demo = build(gr)[0]
demo.queue().launch(server_name="127.0.0.1", server_port=int(sys.argv[1]))
"""


def gradio_round_trips(clicks: int) -> list[float]:
    """Clicks as Gradio's front end sends them: POST queue/join, read the SSE stream."""
    import json
    import uuid

    with gradio_server(GRADIO_APP) as gradio:
        client, config = gradio.client, gradio.config
        dep = next(d for d in config["dependencies"] if d.get("backend_fn"))
        session = uuid.uuid4().hex
        join = {"data": [None], "fn_index": dep["id"], "session_hash": session, "event_data": None, "trigger_id": dep["targets"][0][0]}
        times = []
        for i in range(1, clicks + 1):
            start = time.perf_counter()
            client.post("/gradio_api/queue/join", json=join).raise_for_status()
            with client.stream("GET", f"/gradio_api/queue/data?session_hash={session}") as stream:
                for line in stream.iter_lines():
                    if "process_completed" in line:
                        assert json.loads(line[5:])["output"]["data"][1] == f"Count: {i}"
                        break
            times.append(time.perf_counter() - start)
        return times


def run() -> None:
    print("2. round trip over a live kernel (counter click)")
    hand = median(kernel_round_trips(SETUP["hand-wired"], 200))
    nb = median(kernel_round_trips(SETUP["gradio_nb"], 200))
    grd = median(gradio_round_trips(50))
    record(Row("2 kernel", "hand-wired round trip", hand * 1e3, "ms"))
    record(Row("2 kernel", "Gradio over HTTP", grd * 1e3, "ms"))
    record(Row("2 kernel", "gradio_nb round trip", nb * 1e3, "ms", f"{nb / hand:.2f}x hand-wired", "≤ 1.5x hand-wired", nb / hand <= 1.5))
    record(Row("2 kernel", "Gradio / gradio_nb", grd / nb, "x", "", "≥ 3x", grd / nb >= 3))
