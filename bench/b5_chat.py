"""5. Chat: the seed's chatbot with its history growing to 1,000 messages."""

from __future__ import annotations

import time

import gradio_nb

from .common import Row, median, record, recording_comms, traffic


def respond(message, chat_history):  # type: ignore[no-untyped-def]
    chat_history.append({"role": "user", "content": message})
    chat_history.append({"role": "assistant", "content": "Nice day!"})
    return "", chat_history


def run() -> None:
    print("5. chat history growing to 1,000 messages")
    with recording_comms() as log:
        with gradio_nb.Blocks() as demo:
            chatbot = gradio_nb.Chatbot()
            msg = gradio_nb.Textbox()
            msg.submit(respond, [msg, chatbot], [msg, chatbot])
        sess = demo.session()
        sizes, times = [], []
        for i in range(500):  # two messages per turn
            sess.set(msg, f"message {i}")
            start_log = len(log)
            start = time.perf_counter()
            sess.submit(msg)
            times.append(time.perf_counter() - start)
            sizes.append(traffic(log, start_log)[1])
    first, last = sizes[0], sizes[-1]
    record(Row("5 chat", "bytes per turn at 2 messages", first, "B"))
    record(Row("5 chat", "bytes per turn at 1,000 messages", last, "B", f"{last / 2:.0f} B per appended message; Gradio ~99 kB", "≤ 2.5 kB per message, flat", last / 2 <= 2500 and last <= 2 * first + 500))
    # The median of the last ten turns (980 to 1,000 messages): one turn alone is at the
    # mercy of a garbage collection or a busy neighbour on a shared machine.
    late = median(times[-10:])
    record(Row("5 chat", "time per turn at 1,000 messages", late * 1e3, "ms", f"first turn {times[0] * 1e3:.2f} ms", "≤ 2 ms", late <= 0.002))
