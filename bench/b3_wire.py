"""3. Wire cost per event: comm messages and bytes a click sends; State never."""

from __future__ import annotations

import gradio_nb

from .common import Row, record, recording_comms, traffic
from .counter_apps import HandWired, build

MARKER = "STATE-MUST-NOT-REACH-THE-BROWSER"


def run() -> None:
    print("3. wire cost per event (counter click)")
    clicks = 200
    with recording_comms() as log:
        hand = HandWired()
        start = len(log)
        for _ in range(clicks):
            hand.button.click()
        hw_msgs, hw_bytes = traffic(log, start)
    with recording_comms() as log:
        demo, state, output, button = build(gradio_nb)
        with demo:
            secret = gradio_nb.State([MARKER])
            button.click(lambda s: s, secret, secret)
        sess = demo.session()
        start = len(log)
        for _ in range(clicks):
            sess.click(button)
        nb_msgs, nb_bytes = traffic(log, start)
        leaked = sum(MARKER in str(data) for _, _, data in log)
    record(Row("3 wire", "hand-wired bytes/click", hw_bytes / clicks, "B", f"{hw_msgs / clicks:.1f} msgs"))
    record(Row("3 wire", "gradio_nb bytes/click", nb_bytes / clicks, "B", f"{nb_msgs / clicks:.1f} msgs; {nb_bytes / hw_bytes:.2f}x hand-wired", "≤ 1.1x hand-wired", nb_bytes <= 1.1 * hw_bytes))
    record(Row("3 wire", "messages carrying State", leaked, "", "", "0", leaked == 0))
