"""The sweeper that drops States whose ``time_to_live`` has passed (Gradio's S5).

One daemon thread per process wakes every second and asks each watched session to expire
its States; sessions are held weakly, so a forgotten session is not kept alive by it.
"""

from __future__ import annotations

import threading
import time
import weakref
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .session import Session

INTERVAL = 1.0  # seconds, as Gradio's sweeper
_sessions: weakref.WeakSet[Session] = weakref.WeakSet()
_lock = threading.Lock()
_thread: threading.Thread | None = None


def watch_expiry(session: Session) -> None:
    """Sweep ``session``'s States with a ``time_to_live`` from now on."""
    global _thread
    with _lock:
        _sessions.add(session)
        if _thread is None or not _thread.is_alive():
            _thread = threading.Thread(target=_sweep_forever, name="gradio_nb-state-sweeper", daemon=True)
            _thread.start()


def _sweep_forever() -> None:
    while True:
        time.sleep(INTERVAL)
        now = time.monotonic()
        with _lock:
            sessions = list(_sessions)
        for session in sessions:
            session.expire_states(now)
