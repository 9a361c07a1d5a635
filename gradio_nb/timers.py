"""A session's clock: when each of its ``gr.Timer``s ticks next, and the ticks themselves.

Every timer restarts its interval when it is made, started, or given a new interval (as
Gradio's page restarts its ``setInterval``), and a tick that falls due while the last one's
function still runs is skipped by the listener's ``trigger_mode="once"``.

A headless session's clock is virtual: :meth:`Clock.advance` runs the ticks due in a span of
time, in order, each with its whole chain, so tests count ticks without sleeping. A displayed
session's clock runs on the kernel's event loop (one scheduled callback per session, at its
next tick) while a view of the app is visible in a page (see :class:`Presence`).
"""

from __future__ import annotations

import asyncio
import time
from typing import TYPE_CHECKING, Any

import traitlets

from .components.timer import TimerHandle
from .widgets import _View

if TYPE_CHECKING:
    from .session import Session

#: Seconds between a view's "still here" messages; a view silent for three is forgotten.
HEARTBEAT = 10


class Presence(_View):
    """An invisible view in each displayed app with timers: it tells the kernel whether the
    app is on screen (visible, hidden in a background tab, or its output cleared)."""

    _view_file = "presence"
    heartbeat = traitlets.Int(HEARTBEAT).tag(sync=True)

    def __init__(self, changed: Any) -> None:
        super().__init__()
        self._changed = changed
        #: view id -> (visible, when last heard of)
        self.views: dict[str, tuple[bool, float]] = {}
        self.on_msg(self._message)

    def _message(self, _widget: object, content: Any, _buffers: object) -> None:
        if not isinstance(content, dict) or not isinstance(content.get("view"), str):
            return
        before = self.showing
        if content.get("presence") == "gone":
            self.views.pop(content["view"], None)
        else:
            self.views[content["view"]] = (content.get("presence") == "visible", time.monotonic())
        if self.showing != before:
            self._changed()

    @property
    def showing(self) -> bool:
        """Whether some page shows the app now (and said so lately)."""
        now = time.monotonic()
        for view, (visible, heard) in list(self.views.items()):
            if now - heard > 3 * HEARTBEAT:
                del self.views[view]  # the page went away without a word
            elif visible:
                return True
        return False


class Clock:
    """The timers of one :class:`~gradio_nb.session.Session` and when each ticks next."""

    def __init__(self, session: Session, realtime: bool) -> None:
        self.session = session
        #: Whether ticks follow the kernel's event loop (a displayed session) or :meth:`advance`.
        self.realtime = realtime
        self.now = 0.0  # the virtual time of a headless session
        self.due: dict[TimerHandle, float | None] = {}
        self.presence: Presence | None = Presence(self._shown_or_hidden) if realtime else None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._call: asyncio.TimerHandle | None = None
        self.ticks = 0  # ticks fired so far (for benchmarks and the inspector)

    def add(self, handle: TimerHandle) -> None:
        """Count ``handle`` (a timer's copy in this session) among the ones to tick."""
        handle.observe(lambda _change, h=handle: self._restart(h), names=["value", "active", "closed"])
        self._restart(handle)

    def advance(self, seconds: float) -> int:
        """Move a headless session's clock ``seconds`` on, running every tick that falls due,
        in order, each with its whole chain; returns how many ticks ran."""
        if self.realtime:
            raise RuntimeError("This session is displayed: its timers follow the kernel's clock, not advance().")
        end = self.now + seconds
        ran = 0
        while True:
            handle, when = self._next()
            if handle is None or when > end:
                break
            self.now = when
            self._tick(handle, when)
            ran += 1
        self.now = end
        return ran

    def close(self) -> None:
        """Stop ticking (the session is closing)."""
        if self._call is not None:
            self._call.cancel()
            self._call = None
        self.due.clear()
        if self.presence is not None:
            self.presence.close()

    # -- internals ---------------------------------------------------------------------------
    def _time(self) -> float:
        if not self.realtime:
            return self.now
        return self._loop.time() if self._loop is not None else time.monotonic()

    def _restart(self, handle: TimerHandle) -> None:
        if handle.closed:
            self.due.pop(handle, None)
        else:
            self.due[handle] = self._time() + float(handle.value) if handle.active else None
        self._reschedule()

    def _next(self) -> tuple[TimerHandle | None, float]:
        found, soonest = None, float("inf")
        for handle, when in self.due.items():
            if when is not None and when < soonest:
                found, soonest = handle, when
        return found, soonest

    def _tick(self, handle: TimerHandle, when: float) -> None:
        """Fire ``handle``'s tick, then set its next one (unless the tick restarted it)."""
        block = getattr(handle, "_gnb_block", None)
        session = self.session
        if block is not None and not session.closed:
            self.ticks += 1
            try:
                if self.realtime:
                    session.dispatcher.fire(block, "tick")
                else:
                    with session.dispatcher.driven():
                        session.dispatcher.fire(block, "tick")
            except Exception as err:  # never the function's (the dispatcher shows those): still ticking
                session.dispatcher.record_error(None, err, event=f"a tick of {block!r}")
        if self.due.get(handle) == when:  # not restarted by its own tick
            step = float(handle.value)
            following = when + step
            now = self._time()
            if following <= now:  # late (a slow tick): the ones missed are skipped, not bunched
                following += step * ((now - following) // step + 1)
            self.due[handle] = following

    def _shown_or_hidden(self) -> None:
        """A page started or stopped showing the app: intervals restart when it shows again."""
        if self.presence is not None and self.presence.showing:
            now = self._time()
            for handle in self.due:
                self.due[handle] = now + float(handle.value) if handle.active else None
        self._reschedule()

    def _reschedule(self) -> None:
        if not self.realtime:
            return
        if self._call is not None:
            self._call.cancel()
            self._call = None
        if self.session.closed or self.presence is None or not self.presence.showing:
            return
        try:
            self._loop = asyncio.get_running_loop()
        except RuntimeError:
            if self._loop is None:
                return  # no event loop (a plain script): nothing can tick
        handle, when = self._next()
        if handle is not None:
            self._call = self._loop.call_at(max(when, self._loop.time()), self._fire_due)

    def _fire_due(self) -> None:
        self._call = None
        if self.presence is None or not self.presence.showing:
            return
        now = self._time()
        for handle, when in sorted(((h, w) for h, w in self.due.items() if w is not None and w <= now), key=lambda x: x[1]):
            if self.due.get(handle) == when:
                self._tick(handle, when)
        self._reschedule()


__all__ = ["HEARTBEAT", "Clock", "Presence"]
