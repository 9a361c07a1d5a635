"""Waiting, in async tests, until sessions have run every event queued on the loop."""

from __future__ import annotations

import asyncio

import gradio_nb as gr


async def settle(*sessions: gr.Session) -> None:
    """Wait until the sessions' dispatchers have run everything queued on the loop."""
    for _ in range(1000):
        busy = False
        for sess in sessions:
            task = sess.dispatcher._task
            if task is not None:
                busy = True
                await asyncio.wait({task}, timeout=1)
            elif sess.dispatcher.queue:
                busy = True
        if not busy:
            return
        await asyncio.sleep(0.005)
    raise AssertionError("the sessions never settled")
